"""The demo's mediation history is made of real referrals, taken through the referral services."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from django.db.models import Q
from django.utils import timezone

from concord.accounts.models import User
from concord.cases.choices import Stage
from concord.cases.models import Case
from concord.demo.builder import PAPER_ERA
from concord.demo.district import JOINT_TEAM, PARTY_LOGINS
from concord.demo.timeline import referral_period
from concord.documents.models import Document, DocumentVersion, OutboxMessage
from concord.referrals import selectors
from concord.referrals.choices import OPEN_STATES, Outcome, ReferralState, Response, TeamRole
from concord.referrals.models import PartyConsent, Referral, TeamMember
from concord.referrals.services.conclusion import DECISIONS
from concord.referrals.services.triage import triage_suggestion

pytestmark = pytest.mark.django_db

STAGE_NAMES = {
    Stage.INVESTIGATION: "police",
    Stage.PROSECUTION: "procuratorate",
    Stage.TRIAL: "court",
    Stage.CIVIL: "civil",
}


def test_every_referral_state_appears(demo):
    states = Counter(Referral.objects.values_list("state", flat=True))
    assert set(states) == set(ReferralState.values)
    # Every case that went to mediation did so through a referral.
    referred = Case.objects.filter(events__code="case.transition.refer").distinct()
    assert set(referred.values_list("pk", flat=True)) == set(
        Referral.objects.values_list("case_id", flat=True)
    )


def test_the_coordinators_triage_board_has_every_open_column_and_deadlines(demo):
    board = selectors.triage_board(User.objects.get(username="coordinator"))
    assert set(board) == set(OPEN_STATES)
    assert all(board[state] for state in OPEN_STATES), {k: len(v) for k, v in board.items()}
    now = timezone.now()
    still_open = [referral for column in board.values() for referral in column]
    assert any(referral.overdue for referral in still_open)
    assert any(now < referral.due_at <= now + timedelta(days=3) for referral in still_open)
    assert (
        sum(referral.due_at > now + timedelta(days=3) for referral in still_open)
        > len(still_open) / 3
    )


def test_the_mediators_queue_and_the_officers_sent_list_have_items(demo):
    queue = selectors.mediator_queue(User.objects.get(username="mediator"))
    assert queue.filter(state=ReferralState.ASSIGNED).exists()
    sent = selectors.referrals_sent(User.objects.get(username="police"))
    assert sent.exists()
    assert {r.stage for r in sent} == {Stage.INVESTIGATION}


def test_the_showcase_is_referred_at_trial_with_a_joint_team_and_online_consents(demo):
    case = Case.objects.get(parties__user__username="victim")
    referral = case.referrals.get()
    assert (referral.stage, referral.state) == (Stage.TRIAL, ReferralState.ASSIGNED)
    assert referral.committee.code == "sj-court-room"
    assert referral.sent_by.username == "judge"
    team = {(m.user.username, m.role) for m in referral.team.select_related("user")}
    assert team == {
        ("mediator", TeamRole.LEAD_MEDIATOR),
        (JOINT_TEAM[0], TeamRole.JUDGE),
        (JOINT_TEAM[1], TeamRole.LEGAL_AID_LAWYER),
    }
    # The coordinator followed the ranking: no reason was needed.
    assert referral.team.get(role=TeamRole.LEAD_MEDIATOR).override_reason == ""
    consents = list(referral.consents.select_related("party__user", "recorded_by"))
    assert len(consents) == 2
    logins = {login.username for login in PARTY_LOGINS}
    for consent in consents:
        assert (consent.response, consent.method) == (Response.ACCEPTED, "online")
        assert consent.recorded_by == consent.party.user
        assert consent.recorded_by.username in logins


def test_the_showcases_documents_are_issued_first(demo):
    showcase = Case.objects.get(parties__user__username="victim")
    first = list(DocumentVersion.objects.order_by("pk")[:7])
    assert {version.document.case_id for version in first} == {showcase.pk}


def test_decisions_fit_the_referring_agency_and_the_outcome(demo):
    decided = Referral.objects.filter(state=ReferralState.DECIDED).select_related("from_agency")
    assert decided.exists()
    kinds = set()
    for referral in decided:
        allowed = DECISIONS[referral.from_agency.kind][referral.outcome == Outcome.SETTLED]
        assert referral.decision in allowed, referral.number
        assert referral.decided_by.memberships.filter(agency=referral.from_agency).exists()
        kinds.add(referral.from_agency.kind)
    assert len(kinds) >= 3


def test_triage_follows_the_centres_rule_and_reaches_the_rooms(demo):
    triaged = Referral.objects.filter(committee__isnull=False).select_related("case", "committee")
    assert triaged.exists()
    for referral in triaged:
        assert referral.committee == triage_suggestion(referral), referral.number
    codes = set(triaged.values_list("committee__code", flat=True))
    assert {"sj-court-room", "sj-proc-room", "sj-joint"} <= codes


def test_failed_cases_are_referred_again_at_the_next_stage(demo):
    """Tiered processing: a failed or refused mediation, then a new referral at a later stage."""
    again = [
        case
        for case in Case.objects.prefetch_related("referrals")
        if len({referral.stage for referral in case.referrals.all()}) > 1
    ]
    assert again
    for case in again:
        earlier, *later = sorted(case.referrals.all(), key=lambda referral: referral.sent_at)
        assert earlier.state in (ReferralState.DECIDED, ReferralState.REFUSED), case.number
        assert earlier.outcome in (Outcome.FAILED, Outcome.REFUSED), case.number
        # The first round's mediator is not assigned again.
        first = set(earlier.team.values_list("user_id", flat=True))
        for referral in later:
            lead = referral.team.filter(role=TeamRole.LEAD_MEDIATOR).first()
            assert lead is None or lead.user_id not in first, case.number


def test_assignments_keep_within_capacity_and_some_are_overridden_or_joint(demo):
    open_loads = Counter(
        TeamMember.objects.filter(
            role=TeamRole.LEAD_MEDIATOR, referral__state=ReferralState.ASSIGNED
        ).values_list("user_id", flat=True)
    )
    assert max(open_loads.values()) < 20
    leads = TeamMember.objects.filter(role=TeamRole.LEAD_MEDIATOR)
    assert all(lead.score_parts for lead in leads)
    assert leads.exclude(override_reason="").exists()
    joint = TeamMember.objects.filter(role=TeamRole.JUDGE).select_related("referral")
    assert joint.exists()
    assert {member.referral.stage for member in joint} == {Stage.TRIAL}


def test_referral_times_follow_the_timeline(demo):
    now = timezone.now()
    for referral in Referral.objects.prefetch_related("consents", "team", "aid_offers"):
        times = [
            referral.sent_at,
            referral.triaged_at,
            referral.assigned_at,
            referral.concluded_at,
            referral.feedback_at,
            referral.decided_at,
        ]
        present = [t for t in times if t is not None]
        assert present == sorted(present), referral.number
        assert present[-1] < now, referral.number
        period = referral_period(STAGE_NAMES[referral.stage], timezone.localdate())
        assert referral.due_at - referral.sent_at == timedelta(days=period), referral.number
        assert referral.number.split("-")[-2] == str(timezone.localtime(referral.sent_at).year)
        for consent in referral.consents.all():
            if consent.responded_at is not None:
                assert referral.sent_at <= consent.responded_at < now, referral.number
        for member in referral.team.all():
            assert member.assigned_at == referral.assigned_at, referral.number
        for offer in referral.aid_offers.all():  # victims are offered legal aid on sending
            assert offer.offered_at == referral.sent_at, referral.number
        events = referral.case.events.filter(at__gte=referral.sent_at)
        assert events.filter(code="case.transition.refer", at=referral.sent_at).exists()


def test_paper_answers_carry_a_scan_and_refusals_a_reason(demo):
    paper = PartyConsent.objects.filter(method="paper")
    assert paper.exists()
    assert not paper.filter(response=Response.ACCEPTED, scan_sha256="").exists()
    refused = PartyConsent.objects.filter(response=Response.REFUSED).select_related("referral")
    assert refused.exists()
    assert not refused.filter(reason="").exists()
    for consent in refused:
        # The refusal ended the referral that day, and the agencies were told then.
        referral = consent.referral
        assert referral.state == ReferralState.REFUSED
        assert referral.concluded_at == consent.responded_at
        told = OutboxMessage.objects.filter(dedupe_key__startswith=f"referral:{referral.pk}:")
        assert told.exists()
        assert set(told.values_list("created_at", flat=True)) == {consent.responded_at}


def test_documents_are_issued_for_recent_referrals_and_dated_with_them(demo):
    """referral_send issues a contact letter and three documents to each party; the feedback
    letter follows the outcome. All wait for the worker, issued on the referral's dates.
    Referrals older than the paper era were made on paper: they have no documents here."""
    now, day = timezone.now(), timedelta(days=1)
    electronic = paper = 0
    for referral in Referral.objects.prefetch_related("consents"):
        issued = Document.objects.filter(
            Q(subject_key=f"referral:{referral.pk}")
            | Q(subject_key__startswith=f"referral:{referral.pk}:")
        )
        wanted = 1 + 3 * len(referral.consents.all()) + (referral.feedback_at is not None)
        if referral.sent_at > now - PAPER_ERA + day:
            assert issued.count() == wanted
            electronic += 1
        elif referral.sent_at < now - PAPER_ERA - day:
            assert not issued.exists()
            paper += 1
    assert electronic > 0 and paper > 0
    assert Document.objects.count() == DocumentVersion.objects.count()
    versions = DocumentVersion.objects.select_related("document")
    assert not versions.exclude(state=DocumentVersion.State.PENDING).exists()
    for version in versions:
        referral_id = int(version.document.subject_key.split(":")[1])
        referral = Referral.objects.get(pk=referral_id)
        feedback = version.document.kind == "feedback_letter"
        issued = referral.feedback_at if feedback else referral.sent_at
        assert version.issued_at == version.document.created_at == issued
        context = version.context
        assert context["issued_on"] == timezone.localdate(issued).isoformat()
        assert context["document_number"] == referral.number
        assert context["case_number"] == referral.case.number
        if "deadline" in context:
            assert context["deadline"] == timezone.localdate(referral.due_at).isoformat()
