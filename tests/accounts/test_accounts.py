"""Login, logout, password change, the language switch and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.management import call_command
from django.urls import reverse

from concord.accounts.models import ApiToken
from concord.audit.models import AuditEntry
from tests.conftest import PASSWORD


def test_passwords_are_hashed_with_argon2_outside_tests():
    from concord.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    hashed = make_password("s3cret-phrase", hasher="argon2")
    assert hashed.startswith("argon2$argon2id$")
    assert check_password("s3cret-phrase", hashed)


def test_login_page_is_chinese_by_default(client, db):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en")
    assert response.status_code == 200
    assert "登录" in response.content.decode()
    assert response["Content-Language"] == "zh-hans"


def test_wrong_password_is_refused_with_a_message(client, district):
    response = client.post(reverse("accounts:login"), {"username": "officer", "password": "wrong"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "用户名" in response.content.decode() or "密码" in response.content.decode()


def test_login_logout(client, district):
    response = client.post(reverse("accounts:login"), {"username": "officer", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("cases:list")).status_code == 200
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("cases:list")).status_code == 302


def test_password_change_is_audited(client, district):
    client.login(username="officer", password=PASSWORD)
    new = "a-new-long-passphrase-42"
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": new,
            "new_password2": new,
        },
    )
    assert response.status_code == 302
    district.officer.refresh_from_db()
    assert district.officer.check_password(new)
    assert AuditEntry.objects.filter(action="user.password_change", actor=district.officer).exists()


def test_language_switch_sticks_in_cookie_and_profile(client, district):
    client.login(username="officer", password=PASSWORD)
    response = client.post(reverse("accounts:set_language"), {"language": "en", "next": "/cases/"})
    assert response.status_code == 302 and response["Location"] == "/cases/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    district.officer.refresh_from_db()
    assert district.officer.language == "en"
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    assert "My cases" in client.get("/cases/").content.decode()


def test_language_switch_refuses_foreign_redirects(client, db):
    response = client.post(
        reverse("accounts:set_language"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


def test_api_token_command_prints_a_token_stored_only_as_digest(district, capsys):
    call_command("api_token", "officer", "integration")
    plain = capsys.readouterr().out.strip()
    assert plain.startswith("cc_")
    token = ApiToken.objects.get(user=district.officer)
    assert token.digest == ApiToken.digest_of(plain) and plain not in token.digest
