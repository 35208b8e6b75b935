"""Development and demo settings: a fixed local key so ``make run`` works with no setup."""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import DATA_KEYS

DEBUG = True
SECRET_KEY = SECRET_KEY or "concord-dev-only-not-secret"  # noqa: F405
# A development key so the demo runs out of the box; production refuses to start without one.
DATA_KEYS = DATA_KEYS or ["ZGV2LW9ubHktZGF0YS1rZXktbm90LXNlY3JldC0zMmI="]
# Static files come straight from the apps' static/ folders; no collectstatic needed.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
