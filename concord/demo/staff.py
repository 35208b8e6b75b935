"""The demo district's agencies, accounts, memberships and mediator profiles: created once,
repaired on a rerun (a changed demo password is reset), never taking over a real account."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.hashers import check_password, make_password

from concord.accounts import services as accounts
from concord.accounts.models import Agency, MediatorProfile, Membership, User
from concord.accounts.roles import Role
from concord.audit.services import audit_record

from .district import (
    AGENCIES,
    AGENCY_CODES,
    DEMO_EMAIL_DOMAIN,
    DEMO_PASSWORD,
    DISTRICT,
    MEDIATORS,
    PARTY_LOGINS,
    REGION_CODE,
    STAFF_LOGINS,
    LoginSpec,
)


class DemoConflict(Exception):
    """The database holds a real account under a demo username; the demo will not take it over."""


@dataclass
class DemoReport:
    agencies_created: int = 0
    users_created: int = 0
    passwords_reset: int = 0
    cases_created: int = 0
    cases_present: int = 0
    referrals_created: int = 0
    documents_issued: int = 0  # queued for the worker to render
    seconds: float = 0.0


def ensure_agencies(report: DemoReport) -> dict[str, Agency]:
    agencies = {a.code: a for a in Agency.objects.filter(code__in=AGENCY_CODES)}
    for spec in AGENCIES:
        if spec.code in agencies:
            continue
        agencies[spec.code] = accounts.agency_create(
            actor=None,
            kind=spec.kind,
            name=spec.name,
            name_en=spec.name_en,
            code=spec.code,
            region_code=REGION_CODE,
            district=spec.area or DISTRICT,
            specialty=spec.specialty,
            parent=agencies.get(spec.parent),
        )
        report.agencies_created += 1
    return agencies


def ensure_accounts(report: DemoReport, agencies: dict[str, Agency]) -> dict[str, User]:
    logins: dict[str, LoginSpec] = {}
    for login in STAFF_LOGINS + PARTY_LOGINS:
        logins[login.username] = login
    for mediator in MEDIATORS:
        logins.setdefault(mediator.username, LoginSpec(mediator.username, mediator.full_name, ""))
    users = {u.username: u for u in User.objects.filter(username__in=list(logins))}
    strangers = sorted(u for u, user in users.items() if not _is_demo_account(user))
    if strangers:
        raise DemoConflict(
            f"accounts {', '.join(strangers)} exist and are not demo accounts; "
            "load the demo into a fresh database"
        )
    passwords = _Passwords()
    for username, login in logins.items():
        user = users.get(username)
        if user is None:
            user = accounts.user_create(
                actor=None,
                username=username,
                password=None,
                full_name=login.full_name,
                email=f"{username}@{DEMO_EMAIL_DOMAIN}",
            )
            # One hash for all accounts: Argon2 takes about half a second per hash on a small
            # machine, and the accounts share a documented password anyway.
            user.password = passwords.hashed
            user.save(update_fields=["password"])
            users[username] = user
            report.users_created += 1
        elif passwords.reset_if_changed(user):
            report.passwords_reset += 1
        if login.superuser and not (user.is_superuser and user.is_staff):
            user.is_superuser = user.is_staff = True
            user.save(update_fields=["is_superuser", "is_staff"])
            audit_record(actor=None, action="user.superuser_grant", target=user)
    _ensure_memberships(users, agencies)
    _ensure_mediator_profiles(users)
    return users


def _is_demo_account(user: User) -> bool:
    return user.email.endswith(f"@{DEMO_EMAIL_DOMAIN}")


class _Passwords:
    """Give every demo account the demo password, hashing and checking it as rarely as possible."""

    def __init__(self) -> None:
        self._hash = ""
        self._good: set[str] = set()

    @property
    def hashed(self) -> str:
        if not self._hash:
            self._hash = make_password(DEMO_PASSWORD)
            self._good.add(self._hash)
        return self._hash

    def reset_if_changed(self, user: User) -> bool:
        """Reset ``user``'s password to the demo one if it no longer is; return whether it was."""
        if user.password in self._good:
            return False
        # No setter: a hash that merely needs upgrading is left alone, so a rerun writes nothing.
        if check_password(DEMO_PASSWORD, user.password):
            self._good.add(user.password)
            return False
        user.password = self.hashed
        user.save(update_fields=["password"])
        audit_record(actor=None, action="user.password_reset", target=user)
        return True


def _ensure_memberships(users: dict[str, User], agencies: dict[str, Agency]) -> None:
    wanted = [
        (login.username, code, role) for login in STAFF_LOGINS for code, role in login.memberships
    ]
    wanted += [(m.username, m.committee, Role.MEDIATOR) for m in MEDIATORS]
    have = set(
        Membership.objects.filter(user__in=list(users.values())).values_list(
            "user__username", "agency__code", "role"
        )
    )
    for username, code, role in wanted:
        if (username, code, str(role)) not in have:
            accounts.membership_add(
                actor=None, user=users[username], agency=agencies[code], role=role
            )
            have.add((username, code, str(role)))


def _ensure_mediator_profiles(users: dict[str, User]) -> None:
    profiles = {p.user_id: p for p in MediatorProfile.objects.filter(user__in=list(users.values()))}
    for spec in MEDIATORS:
        user = users[spec.username]
        wanted = {
            "specialties": [str(s) for s in spec.specialties],
            "languages": list(spec.languages),
            "area": spec.area,
            "years_experience": spec.years_experience,
        }
        profile = profiles.get(user.pk)
        if profile is None or any(getattr(profile, k) != v for k, v in wanted.items()):
            accounts.mediator_profile_set(actor=None, user=user, **wanted)
