"""Test settings with the aftercare app registered (until the project registers it)."""

from concord.settings.test import *  # noqa: F403

if "concord.aftercare" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS = [*INSTALLED_APPS, "concord.aftercare"]  # noqa: F405
ROOT_URLCONF = "tests.aftercare.urls"

# A test database of its own, so a run here never collides with the project suite running in
# the same tree at the same time (both would use var/test.sqlite3).
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-aftercare.sqlite3")}  # noqa: F405
