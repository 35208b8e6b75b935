"""A small demo district, loaded once for the module's tests and rolled back afterwards.

Loading takes a few seconds, so the tests that only read it share one load; each test still runs
in its own savepoint, so a test that writes leaves nothing for the next.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from concord.demo.builder import load_demo

SMALL_DEMO = 80


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        report = load_demo(cases=SMALL_DEMO)
        yield report
        transaction.set_rollback(True)
