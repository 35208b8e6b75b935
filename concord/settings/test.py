"""Test settings: fast hashing, eager tasks, deterministic keys."""

from __future__ import annotations

import os

from .dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.MD5PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
HUEY = {**HUEY, "immediate": True}  # noqa: F405
ALLOWED_HOSTS = ["*"]

# On SQLite the test database is a file, not memory, so that a worker process started by a
# test (tests/referrals/test_deadline_restart.py) reads the same data. The process id keeps two
# test runs in one checkout from sharing (and breaking) one file.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(VAR_DIR / f"test-{os.getpid()}.sqlite3")  # noqa: F405
    }
