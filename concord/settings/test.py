"""Test settings: fast hashing, eager tasks, deterministic keys."""

from __future__ import annotations

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
HUEY = {**HUEY, "immediate": True}  # noqa: F405
ALLOWED_HOSTS = ["*"]
