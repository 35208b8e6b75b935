"""Login, logout, password change and the language switch."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from . import services


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("cases:list")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.user_password_changed(user=self.request.user)
        messages.success(self.request, _("密码已修改。"))
        return response


@require_POST
def set_language(request):
    """Switch the interface language; it sticks in a cookie and, once logged in, the profile."""
    language = request.POST.get("language", "")
    supported = {code for code, _name in settings.LANGUAGES}
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if language in supported:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            httponly=True,
            secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        )
        if request.user.is_authenticated:
            services.user_language_set(user=request.user, language=language)
    return response
