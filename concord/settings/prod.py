"""Production settings: refuse to start without real keys; pass ``check --deploy``."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATA_KEYS, SECRET_KEY

if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("CONCORD_SECRET_KEY must be set to at least 50 random characters.")
if not DATA_KEYS:
    raise ImproperlyConfigured("CONCORD_DATA_KEY must be set (see docs/security.md).")

ALLOWED_HOSTS = [h for h in os.environ.get("CONCORD_ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("CONCORD_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = os.environ.get("CONCORD_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
