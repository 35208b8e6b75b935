"""``concord demo``: prints the login table and the address ``make run`` shows."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from concord.demo.district import BASE_URL, DEMO_PASSWORD, PARTY_LOGINS, STAFF_LOGINS

pytestmark = pytest.mark.django_db


def test_the_output_ends_with_the_logins_and_the_address():
    out = StringIO()
    call_command("demo", cases=0, stdout=out)
    lines = out.getvalue().rstrip().splitlines()
    assert lines[-1] == f"Open {BASE_URL}"
    table = "\n".join(lines[-20:])
    for login in STAFF_LOGINS + PARTY_LOGINS:
        assert f" {login.username} " in table
    assert DEMO_PASSWORD in table


def test_a_negative_case_count_is_refused():
    with pytest.raises(CommandError, match="--cases: must be 0 or more"):
        call_command("demo", cases=-1, stdout=StringIO())
