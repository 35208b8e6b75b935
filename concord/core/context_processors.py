"""Template context shared by every page."""

from __future__ import annotations


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_roles": frozenset()}
    return {"nav_roles": user.role_codes()}
