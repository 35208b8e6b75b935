"""Test settings with the mediation app registered, until concord/settings/base.py lists it."""

from __future__ import annotations

from concord.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "concord.mediation"]  # noqa: F405
ROOT_URLCONF = "tests.mediation.urls"

# Other suites share the default test database file; this one keeps its own.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-mediation.sqlite3")}  # noqa: F405
