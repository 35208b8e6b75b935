"""Load the demo district: agencies, accounts, and a year of cases, all through the services.

Idempotent: agencies are found by code, accounts by username, and cases are only created while
the district holds none, so a second run writes nothing (and takes a second or two).

Backdating. The services stamp what they write with the current time (``Case.registered_at``,
``CaseAccess.granted_at`` and ``LawResult.computed_at`` are ``auto_now_add``), so a year of cases
built in one go would all look registered today. After each step has run through its service, the
timeline events, access grants and screening results it created and, at the end, the case's
registration time and the year in its number are moved to the planned date with a queryset
``update()``. Only demo data is backdated, the order of events is kept, and the audit entries keep
their real timestamps, so the hash chain still verifies.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone

from concord.accounts import services as accounts
from concord.accounts.models import Agency, MediatorProfile, Membership, User
from concord.accounts.roles import Role
from concord.audit.services import audit_record
from concord.cases import services as cases
from concord.cases.choices import AccessBasis
from concord.cases.models import Case, CaseAccess, CaseEvent, LawResult, Party

from .district import (
    AGENCIES,
    AGENCY_CODES,
    ASSIGNER,
    DEMO_EMAIL_DOMAIN,
    DEMO_PASSWORD,
    DISTRICT,
    JOINT_TEAM,
    MEDIATORS,
    PARTY_LOGINS,
    REGION_CODE,
    STAFF_LOGINS,
    LoginSpec,
)
from .plan import SEED, CasePlan, PartyPlan, plan_cases
from .showcase import LINKED_BY, PARTY_USERS, showcase_plan
from .timeline import StepPlan

DEFAULT_CASES = 600
# The steps whose services grant access to the case, and those that screen it (case_register and
# case_update screen the case again); only they need their grants or results backdated.
GRANTING = frozenset({"refer", "accept", "joint"})
SCREENING = frozenset({"register", "facts"})


class DemoConflict(Exception):
    """The database holds a real account under a demo username; the demo will not take it over."""


@dataclass
class DemoReport:
    agencies_created: int = 0
    users_created: int = 0
    passwords_reset: int = 0
    cases_created: int = 0
    cases_present: int = 0
    seconds: float = 0.0


def load_demo(*, cases: int = DEFAULT_CASES, seed: int = SEED) -> DemoReport:
    """Create what is missing of the demo district; return what was done."""
    started = time.monotonic()
    report = DemoReport()
    # Checked at run time: a validator added to the settings later must not silently leave
    # the documented password unusable.
    validate_password(DEMO_PASSWORD)
    with transaction.atomic():
        agencies = _ensure_agencies(report)
        users = _ensure_accounts(report, agencies)
    # All cases in one transaction: a crash leaves none, so the next run starts them afresh.
    with transaction.atomic():
        existing = Case.objects.filter(holding_agency__code__in=AGENCY_CODES).count()
        if existing:
            report.cases_present = existing
        else:
            report.cases_created = _build_cases(agencies, users, cases, seed)
    report.seconds = time.monotonic() - started
    return report


def _build_cases(agencies: dict[str, Agency], users: dict[str, User], count: int, seed: int) -> int:
    """Build ``count`` cases: the showcase case and ``count - 1`` planned ones."""
    if count < 1:
        return 0
    now = timezone.localtime()
    builder = _CaseBuilder(agencies, users, cutoff=timezone.now())
    for plan in plan_cases(count - 1, now=now, seed=seed):
        builder.build(plan)
    showcase = builder.build(showcase_plan(now))
    builder.link_party_users(showcase)
    return count


def _ensure_agencies(report: DemoReport) -> dict[str, Agency]:
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
            district=DISTRICT,
            specialty=spec.specialty,
            parent=agencies.get(spec.parent),
        )
        report.agencies_created += 1
    return agencies


def _ensure_accounts(report: DemoReport, agencies: dict[str, Agency]) -> dict[str, User]:
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


class _CaseBuilder:
    """Run each planned case through the case services, then date it as planned."""

    def __init__(self, agencies: dict[str, Agency], users: dict[str, User], *, cutoff: datetime):
        self.agencies = agencies
        self.users = users
        # Every planned date is before this moment, so "at >= cutoff" picks exactly the rows
        # the last service call created and that are not backdated yet.
        self.cutoff = cutoff

    def build(self, plan: CasePlan) -> Case:
        register, *rest = plan.steps
        case = cases.case_register(
            actor=self.users[register.actor],
            agency=self.agencies[register.agency],
            data=self._input(plan),
        )
        self._backdate(case, register)
        for step in rest:
            case = self._run(case, plan, step)
            self._backdate(case, step)
        # The service numbers a case with the current year; a backdated case carries the year it
        # was registered in, as case numbers do.
        year = register.at.year
        number = case.number
        prefix, _, rest_of_number = number.partition("-")
        if prefix.isdigit() and int(prefix) != year:
            number = f"{year}-{rest_of_number}"
        Case.objects.filter(pk=case.pk).update(
            registered_at=register.at, updated_at=plan.steps[-1].at, number=number
        )
        return case

    def _run(self, case: Case, plan: CasePlan, step: StepPlan) -> Case:
        actor = self.users[step.actor]
        if step.action == "relative":
            represents = list(case.parties.order_by("id"))[plan.relative.represents]
            cases.party_add(
                actor=actor,
                case=case,
                data=_party_input(plan.relative),
                represents=represents,
            )
            return case
        if step.action == "facts":
            return cases.case_update(
                actor=actor, case=case, expected_version=case.version, **dict(step.facts)
            )
        if step.action == "joint":
            for username in JOINT_TEAM:
                cases.case_access_grant(
                    actor=actor, case=case, basis=AccessBasis.JOINT, user=self.users[username]
                )
            return case
        if step.action == "transfer":
            return cases.case_transfer(
                actor=actor, case=case, to_agency=self.agencies[step.agency], note=step.note
            )
        if step.action == "close":
            return cases.case_close(actor=actor, case=case, note=step.note)
        if step.action == "accept":
            # The committee assigns the mediator who takes the case up to it personally.
            cases.case_access_grant(
                actor=self.users[ASSIGNER], case=case, basis=AccessBasis.ASSIGNED, user=actor
            )
        to_agency = self.agencies[step.agency] if step.agency else None
        return cases.case_transition(
            actor=actor, case=case, name=step.action, note=step.note, to_agency=to_agency
        )

    def _backdate(self, case: Case, step: StepPlan) -> None:
        CaseEvent.objects.filter(case_id=case.pk, at__gte=self.cutoff).update(at=step.at)
        if step.action in GRANTING:
            CaseAccess.objects.filter(case_id=case.pk, granted_at__gte=self.cutoff).update(
                granted_at=step.at
            )
        if step.action in SCREENING:
            LawResult.objects.filter(case_id=case.pk, computed_at__gte=self.cutoff).update(
                computed_at=step.at
            )

    def _input(self, plan: CasePlan) -> cases.CaseInput:
        return cases.CaseInput(
            kind=plan.kind,
            title=plan.title,
            facts=plan.facts,
            dispute_type=plan.dispute_type,
            occurred_on=plan.occurred_on,
            place=plan.place,
            civil_dispute_origin=plan.civil_dispute_origin,
            public_interest_litigation=plan.public_interest_litigation,
            parties=[_party_input(p) for p in plan.parties],
            offences=[(plan.offence, 1)] if plan.offence else [],
            injuries=[
                cases.InjuryInput(
                    grade=i.grade,
                    victim_index=i.victim_index,
                    appraisal_date=i.appraisal_date,
                    provisional=i.provisional,
                )
                for i in plan.injuries
            ],
        )

    def link_party_users(self, case: Case) -> None:
        """Give the party logins their places in the showcase case."""
        linker = self.users[LINKED_BY]
        for party in Party.objects.filter(case=case, role__in=list(PARTY_USERS)).order_by("id"):
            cases.party_link_user(
                actor=linker, party=party, user=self.users[PARTY_USERS[party.role]]
            )


def _party_input(party: PartyPlan) -> cases.PartyInput:
    person = party.person
    return cases.PartyInput(
        role=party.role,
        name=party.name,
        id_number=person.id_number if person else "",
        phone=party.phone,
        address=person.address if person else "",
        birth_date=person.birth_date if person else None,
        is_organisation=person is None,
        prior_intentional_crime_within_5_years=party.prior_intentional_crime_within_5_years,
    )
