"""The JSON API at /api/v1/ (Django Ninja), with its OpenAPI document at /api/v1/openapi.json.

Authentication: ``Authorization: Bearer <token>`` (accounts.ApiToken) or the browser session
(with CSRF on writes). Every error is JSON: ``{"code": "...", "message": "...", "field": ...}``
with a stable code and a message in the caller's language.
"""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import APIKeyCookie, HttpBearer

from concord.accounts.models import ApiToken
from concord.core.errors import ServiceError


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        digest = ApiToken.digest_of(token)
        found = (
            ApiToken.objects.select_related("user")
            .filter(digest=digest, revoked=False, user__is_active=True)
            .first()
        )
        if found is None:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return found.user


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; Ninja checks CSRF on unsafe methods."""

    param_name = "sessionid"

    def authenticate(self, request, key):
        if request.user.is_authenticated and request.user.is_active:
            return request.user
        return None


api = NinjaAPI(
    title="Concord API",
    version="1",
    description="Cases, and (in later versions) referrals, mediation and the law calculators.",
    auth=[BearerToken(), SessionAuth(csrf=True)],
    urls_namespace="api",
)


def error_body(code: str, message, field: str | None = None, **extra) -> dict:
    body = {"code": code, "message": str(message)}
    if field:
        body["field"] = field
    body.update(extra)
    return body


@api.exception_handler(ServiceError)
def on_service_error(request, exc: ServiceError):
    return api.create_response(
        request, error_body(exc.code, exc.message, exc.field), status=exc.status
    )


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    first = exc.errors[0] if exc.errors else {}
    location = ".".join(str(p) for p in first.get("loc", ())[1:]) or None
    return api.create_response(
        request,
        error_body(
            "invalid",
            _("请求数据无效：%(field)s") % {"field": location or "-"},
            location,
            errors=exc.errors,
        ),
        status=422,
    )


@api.exception_handler(AuthenticationError)
def on_auth_error(request, exc):
    return api.create_response(
        request, error_body("unauthenticated", _("请先登录或提供有效的访问令牌。")), status=401
    )


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return api.create_response(request, error_body("not_found", _("未找到。")), status=404)


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return api.create_response(
        request, error_body(f"http_{exc.status_code}", exc.message), status=exc.status_code
    )


api.add_router("/cases", "concord.cases.api.router")
api.add_router("/law", "concord.calculators.api.router")
