"""Test settings with the agreements app installed, until it joins INSTALLED_APPS."""

from concord.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "concord.agreements"]  # noqa: F405
ROOT_URLCONF = "tests.agreements.urls"
