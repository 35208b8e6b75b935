"""``concord demo``: prints the login table and the address ``make run`` serves on."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from concord.accounts.models import Agency
from concord.accounts.services import user_create
from concord.core.management.commands.demo import site_url
from concord.demo.district import DEMO_PASSWORD, PARTY_LOGINS, STAFF_LOGINS

pytestmark = pytest.mark.django_db


def test_the_output_ends_with_the_logins_and_the_address(monkeypatch):
    monkeypatch.delenv("HOST", raising=False)
    monkeypatch.delenv("PORT", raising=False)
    out = StringIO()
    call_command("demo", cases=0, stdout=out)
    lines = out.getvalue().rstrip().splitlines()
    assert lines[-1] == "Open http://127.0.0.1:8000/"
    table = "\n".join(lines[-20:])
    for login in STAFF_LOGINS + PARTY_LOGINS:
        assert f" {login.username} " in table
    assert DEMO_PASSWORD in table


def test_the_address_is_the_host_and_port_make_run_serves_on(monkeypatch):
    monkeypatch.setenv("HOST", "0.0.0.0")
    monkeypatch.setenv("PORT", "9000")
    out = StringIO()
    call_command("demo", cases=0, stdout=out)
    assert out.getvalue().rstrip().splitlines()[-1] == "Open http://0.0.0.0:9000/"


def test_site_url_defaults_and_brackets_an_ipv6_host():
    assert site_url({}) == "http://127.0.0.1:8000/"
    assert site_url({"HOST": "", "PORT": ""}) == "http://127.0.0.1:8000/"
    assert site_url({"PORT": "8080"}) == "http://127.0.0.1:8080/"
    assert site_url({"HOST": "::1", "PORT": "8000"}) == "http://[::1]:8000/"


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
