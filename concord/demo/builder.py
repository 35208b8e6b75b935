"""Load the demo district: agencies, accounts, and a year of cases, all through the services.

Idempotent: agencies are found by code, accounts by username, and cases are only created while
the district holds none, so a second run writes nothing (and takes a second or two).

Mediation goes through the referral services (concord/referrals): the agency holding the case
sends it to the centre, each party answers, the coordinator triages it by the centre's rule and
assigns the mediator the ranking puts first (or, with a reason, the second), the lead mediator
records the outcome and sends the feedback letter, and the agency decides. The showcase case is
built first, so the worker renders its documents first; the other cases are built side by side,
every step of every case in date order, so each assignment sees the loads of its day.

Backdating. The services stamp what they write with the current time, so a year of cases built
in one go would all look registered today. After each step has run through its service, what it
wrote is moved to the planned date with a queryset ``update()``: timeline events, access grants,
screening results; the referral's own times (sent, due — the period kept —, triaged, assigned,
concluded, feedback, decided) and number; the parties' answers, the team, legal-aid offers and
the notices sent; the documents issued and their versions, whose contexts (not rendered yet) get
the issue date, the referral's number and its deadline as dated. The case's registration time
and the year in its number are set right after registration. Only demo data is backdated, the
order of events is kept, and the audit entries keep their real timestamps, so the hash chain
still verifies. Service receipts are written by the worker when it renders a document, after the
demo is loaded, and carry that time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth.password_validation import validate_password
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from concord.accounts.models import Agency, User
from concord.cases import services as cases
from concord.cases.models import Case, CaseAccess, CaseEvent, LawResult, Party
from concord.documents.models import Document, DocumentVersion, OutboxMessage
from concord.referrals import services as referrals
from concord.referrals.choices import Decision, SignMethod, TeamRole
from concord.referrals.models import LegalAidOffer, PartyConsent, Referral, TeamMember
from concord.referrals.services.conclusion import DECISIONS
from concord.referrals.services.triage import ranking, triage_suggestion

from .district import (
    AGENCY_CODES,
    DEMO_PASSWORD,
    JOINT_TEAM,
)
from .plan import SEED, CasePlan, PartyPlan, plan_cases
from .showcase import LINKED_BY, PARTY_USERS, showcase_plan
from .staff import DemoReport, ensure_accounts, ensure_agencies
from .timeline import LEAD, REFERRAL_STEPS, StepPlan

DEFAULT_CASES = 600
# The steps whose services grant access to the case: the centre on sending, the committee on
# triage, the team on assignment.
GRANTING = frozenset({"refer", "triage", "assign"})
# The steps that screen the case (case_register and case_update screen it again): only they need
# their screening results backdated.
SCREENING = frozenset({"register", "facts"})
# The referral's time each later step's service sets (sending, answers and assignment set more).
REFERRAL_TIME = {
    "triage": "triaged_at",
    "settle": "concluded_at",
    "fail": "concluded_at",
    "feedback": "feedback_at",
    "decide": "decided_at",
}
# The joint mediation team at trial: the judge and the legal-aid lawyer (district.JOINT_TEAM).
JOINT_ROLES = (TeamRole.JUDGE, TeamRole.LEGAL_AID_LAWYER)


def load_demo(*, cases: int = DEFAULT_CASES, seed: int = SEED) -> DemoReport:
    """Create what is missing of the demo district; return what was done."""
    started = time.monotonic()
    report = DemoReport()
    # Checked at run time: a validator added to the settings later must not silently leave
    # the documented password unusable.
    validate_password(DEMO_PASSWORD)
    with transaction.atomic():
        agencies = ensure_agencies(report)
        users = ensure_accounts(report, agencies)
    # All cases in one transaction: a crash leaves none, so the next run starts them afresh.
    with transaction.atomic():
        existing = Case.objects.filter(holding_agency__code__in=AGENCY_CODES).count()
        if existing:
            report.cases_present = existing
        else:
            report.cases_created = _build_cases(agencies, users, cases, seed)
            demo = {"case__holding_agency__code__in": AGENCY_CODES}
            report.referrals_created = Referral.objects.filter(**demo).count()
            report.documents_issued = Document.objects.filter(**demo).count()
    report.seconds = time.monotonic() - started
    return report


def _build_cases(agencies: dict[str, Agency], users: dict[str, User], count: int, seed: int) -> int:
    """Build ``count`` cases: the showcase case and ``count - 1`` planned ones.

    The showcase comes first, so its documents are the first the worker renders.
    """
    if count < 1:
        return 0
    now = timezone.localtime()
    builder = _CaseBuilder(agencies, users, cutoff=timezone.now())
    builder.build(showcase_plan(now))
    builder.build_together(plan_cases(count - 1, now=now, seed=seed))
    return count


@dataclass
class _Run:
    """One planned case while it is built: the case so far and its latest referral."""

    plan: CasePlan
    case: Case | None = None
    referral: Referral | None = None
    lead: User | None = None  # the referral's lead mediator
    consents: dict[int, PartyConsent] = field(default_factory=dict)  # the referral's, by party
    parties: list[Party] = field(default_factory=list)  # in the plan's order
    on_paper: bool = False  # the latest referral predates the platform: no electronic documents


# How far back referrals still get their documents issued electronically.
PAPER_ERA = timedelta(days=30)


class _CaseBuilder:
    """Run the planned cases through the case and referral services, and date each step."""

    def __init__(self, agencies: dict[str, Agency], users: dict[str, User], *, cutoff: datetime):
        self.agencies = agencies
        self.users = users
        # Every planned date is before this moment, so "at >= cutoff" picks exactly the rows
        # the last service call created and that are not backdated yet.
        self.cutoff = cutoff

    def build(self, plan: CasePlan) -> Case:
        """Build one case, step by step."""
        run = _Run(plan)
        for step in plan.steps:
            self._step(run, step)
        return run.case

    def build_together(self, plans: list[CasePlan]) -> None:
        """Build the cases side by side, taking every step of every case in date order.

        So a mediator is assigned with the load they had on that day: the cases the ranking
        counts as open are the ones being mediated then, and work spreads across the committee.
        """
        runs = [_Run(plan) for plan in plans]
        order = sorted(
            (step.at, index, number)
            for index, plan in enumerate(plans)
            for number, step in enumerate(plan.steps)
        )
        for _at, index, number in order:
            self._step(runs[index], plans[index].steps[number])

    def _step(self, run: _Run, step: StepPlan) -> None:
        if step.action == "register":
            self._register(run, step)
        elif step.action in REFERRAL_STEPS:
            self._referral_step(run, step)
        else:
            self._case_step(run, step)
        self._backdate(run, step)
        if step is run.plan.steps[-1]:
            Case.objects.filter(pk=run.case.pk).update(updated_at=step.at)

    def _register(self, run: _Run, step: StepPlan) -> None:
        case = cases.case_register(
            actor=self.users[step.actor],
            agency=self.agencies[step.agency],
            data=self._input(run.plan),
        )
        # The service numbers a case with the current year; a backdated case carries the year it
        # was registered in, as case numbers do. Set at once, so its documents carry it too.
        case.number = _with_year(case.number, step.at.year)
        case.registered_at = step.at
        Case.objects.filter(pk=case.pk).update(number=case.number, registered_at=step.at)
        run.case = case
        run.parties = list(case.parties.order_by("id"))

    def _case_step(self, run: _Run, step: StepPlan) -> None:
        actor, case, action = self.users[step.actor], run.case, step.action
        if action == "relative":
            cases.party_add(
                actor=actor,
                case=case,
                data=_party_input(run.plan.relative),
                represents=run.parties[run.plan.relative.represents],
            )
        elif action == "link":
            self.link_party_users(case)
        elif action == "facts":
            # The referral services moved the case on since it was last loaded here.
            version = Case.objects.values_list("version", flat=True).get(pk=case.pk)
            run.case = cases.case_update(
                actor=actor, case=case, expected_version=version, **dict(step.facts)
            )
        elif action == "transfer":
            run.case = cases.case_transfer(
                actor=actor, case=case, to_agency=self.agencies[step.agency], note=step.note
            )
        elif action == "close":
            run.case = cases.case_close(actor=actor, case=case, note=step.note)
        elif (
            action == "reject"
            and run.referral is not None
            and (Decision.AGREEMENT_REJECTED in DECISIONS[run.referral.from_agency.kind][True])
        ):
            # The referring agency's review (CPL 289) finds the agreement involuntary.
            run.referral = referrals.referral_decide(
                actor=actor,
                referral=run.referral,
                decision=Decision.AGREEMENT_REJECTED,
                note=step.note,
            )
            run.case = Case.objects.get(pk=case.pk)
        else:
            # screen, rescreen, decline; and reject, the holder's review of a signed agreement.
            run.case = cases.case_transition(actor=actor, case=case, name=action, note=step.note)

    def _referral_step(self, run: _Run, step: StepPlan) -> None:
        """Take one step of the referral's journey through its service."""
        action, referral = step.action, run.referral
        actor = run.lead if step.actor == LEAD else self.users[step.actor]
        if action == "refer":
            # Referrals concluded long before "today" are recorded as made on paper, before the
            # platform: their documents exist only on paper. Rendering every letter of a year
            # (about 4,500) would keep the demo's worker busy for a quarter of an hour.
            run.on_paper = step.at < self.cutoff - PAPER_ERA
            run.referral = referrals.referral_send(
                actor=actor,
                case=run.case,
                centre=self.agencies[step.agency],
                reason=step.note,
                on_paper=run.on_paper,
            )
            run.consents = {c.party_id: c for c in run.referral.consents.all()}
        elif action == "consent":
            party = run.parties[step.party]
            consent = referrals.referral_consent(
                actor=actor,
                consent=run.consents[party.pk],
                accepted=step.answer != "refused",
                method=SignMethod.ONLINE if step.answer == "online" else SignMethod.PAPER,
                reason=step.note,
                scan=self._scan(referral, party) if step.answer == "paper" else None,
            )
            run.referral = consent.referral  # a refusal ended it
        elif action == "triage":
            run.referral = referrals.referral_triage(
                actor=actor, referral=referral, committee=triage_suggestion(referral)
            )
        elif action == "assign":
            run.referral, run.lead = self._assign(actor, referral, step)
        elif action in ("settle", "fail"):
            settled = action == "settle"
            run.referral = referrals.referral_outcome(
                actor=actor,
                referral=referral,
                settled=settled,
                note="" if settled else step.note,
                agreement_summary=step.note if settled else "",
                amount=Decimal(step.amount) if step.amount is not None else None,
            )
        elif action == "feedback":
            run.referral = referrals.referral_feedback(
                actor=actor, referral=referral, on_paper=run.on_paper
            )
        elif action == "decide":
            run.referral = referrals.referral_decide(
                actor=actor, referral=referral, decision=step.decision, note=step.note
            )

    def _assign(self, actor: User, referral: Referral, step: StepPlan) -> tuple[Referral, User]:
        """The coordinator assigns the best-ranked mediator, or with a reason the second."""
        scored, _excluded = ranking(referral)
        if not scored:
            raise RuntimeError(f"no mediator may take referral {referral.number}")
        override = step.note if len(scored) > 1 else ""
        chosen = scored[1 if override else 0].candidate
        joint = [
            (self.users[username], role)
            for username, role in zip(JOINT_TEAM, JOINT_ROLES, strict=True)
            if step.joint
        ]
        lead = User.objects.get(pk=chosen.user_id)
        referral = referrals.referral_assign(
            actor=actor, referral=referral, lead=lead, joint=joint, override_reason=override
        )
        return referral, lead

    def _scan(self, referral: Referral, party: Party) -> SimpleUploadedFile:
        """The signed application and confidentiality agreement, scanned: a one-page PDF."""
        text = f"Signed: {referral.number} / party {party.pk}"
        return SimpleUploadedFile(
            f"consent-{referral.pk}-{party.pk}.pdf", _pdf(text), content_type="application/pdf"
        )

    def _backdate(self, run: _Run, step: StepPlan) -> None:
        """Move what the step's service wrote to the step's planned date."""
        case_id, at, cutoff = run.case.pk, step.at, self.cutoff
        if _on_timeline(step):
            CaseEvent.objects.filter(case_id=case_id, at__gte=cutoff).update(at=at)
        if step.action in GRANTING:
            CaseAccess.objects.filter(case_id=case_id, granted_at__gte=cutoff).update(granted_at=at)
        if step.action in SCREENING:
            LawResult.objects.filter(case_id=case_id, computed_at__gte=cutoff).update(
                computed_at=at
            )
        if step.action in REFERRAL_STEPS:
            self._backdate_referral(run, step)

    def _backdate_referral(self, run: _Run, step: StepPlan) -> None:
        """Date what the referral step wrote: the referral's own time, a party's answer, the
        team, the notices sent and the documents issued."""
        referral, action, at = run.referral, step.action, step.at
        changed: dict[str, object] = {}
        if action == "refer":
            # The period runs from the day it was sent; the number carries that year. Victims
            # of a criminal case are offered legal aid on sending.
            changed = {
                "sent_at": at,
                "due_at": at + (referral.due_at - referral.sent_at),
                "number": _with_year(referral.number, at.year, position=-2),
            }
            offers = list(
                LegalAidOffer.objects.filter(referral=referral).values_list("pk", flat=True)
            )
            if offers:
                LegalAidOffer.objects.filter(pk__in=offers).update(offered_at=at)
                self._backdate_notices([f"legal_aid:{pk}:" for pk in offers], at)
        elif action == "consent":
            PartyConsent.objects.filter(referral=referral, party=run.parties[step.party]).update(
                responded_at=at
            )
            if step.answer == "refused":
                changed = {"concluded_at": at}
                self._backdate_notices([f"referral:{referral.pk}:"], at)
        elif action == "assign":
            changed = {"assigned_at": at}
            TeamMember.objects.filter(referral=referral).update(assigned_at=at)
        else:
            changed = {REFERRAL_TIME[action]: at}
        if changed:
            Referral.objects.filter(pk=referral.pk).update(**changed)
            for name, value in changed.items():
                setattr(referral, name, value)
        if action in ("refer", "feedback"):
            self._backdate_documents(run.case, referral, at)

    def _backdate_notices(self, prefixes: list[str], at: datetime) -> None:
        """Date the notices sent on the step (by their keys: refusals, legal-aid offers)."""
        keys = Q()
        for prefix in prefixes:
            keys |= Q(dedupe_key__startswith=prefix)
        OutboxMessage.objects.filter(keys, created_at__gte=self.cutoff).update(created_at=at)

    def _backdate_documents(self, case: Case, referral: Referral, at: datetime) -> None:
        cutoff = self.cutoff
        Document.objects.filter(case_id=case.pk, created_at__gte=cutoff).update(created_at=at)
        versions = list(
            DocumentVersion.objects.filter(document__case_id=case.pk, issued_at__gte=cutoff)
        )
        # Not rendered yet: the letters will carry the day they were issued, and the referral's
        # number and deadline as dated here.
        dated = {
            "issued_on": timezone.localdate(at).isoformat(),
            "document_number": referral.number,
            "deadline": timezone.localdate(referral.due_at).isoformat(),
        }
        for version in versions:
            version.issued_at = at
            version.context = version.context | {
                key: value for key, value in dated.items() if key in version.context
            }
        DocumentVersion.objects.bulk_update(versions, ["issued_at", "context"])

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


def _on_timeline(step: StepPlan) -> bool:
    """Whether the step's services write a timeline event. Triage only grants the committee
    access, and a party agreeing is recorded on the referral; a refusal withdraws the case."""
    if step.action == "triage":
        return False
    return step.action != "consent" or step.answer == "refused"


def _with_year(number: str, year: int, *, position: int = 0) -> str:
    """Return ``number`` with the year in its ``position``-th dash-separated part from the
    start (case numbers: ``2025-SJ-POLICE-000012``) or, negative, from the end (referral
    numbers: ``SJ-JOINT-2025-00012``)."""
    parts = number.split("-")
    if parts[position].isdigit():
        parts[position] = str(year)
    return "-".join(parts)


def _pdf(text: str) -> bytes:
    """A valid one-page PDF showing ``text`` (ASCII): a stand-in for a scanned signature page."""
    stream = f"BT /F1 12 Tf 72 770 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


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
