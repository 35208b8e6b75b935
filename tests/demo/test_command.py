"""``concord demo``: prints the login table and the address ``make run`` shows."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from concord.accounts.models import Agency
from concord.accounts.services import user_create
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


def test_a_real_account_under_a_demo_username_is_left_alone():
    """The demo never takes over (or resets the password of) an account it did not create."""
    user = user_create(actor=None, username="judge", password="a-real-judges-passphrase")
    with pytest.raises(CommandError, match="accounts judge exist and are not demo accounts"):
        call_command("demo", cases=0, stdout=StringIO())
    user.refresh_from_db()
    assert user.check_password("a-real-judges-passphrase") is True
    assert not Agency.objects.exists()
