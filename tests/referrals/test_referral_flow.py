"""A referral's whole journey through the services, and every refusal on the way."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from concord.audit.services import audit_verify
from concord.cases import services as cases
from concord.cases.choices import CaseState, Stage
from concord.core.crypto import blind_index
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError
from concord.documents.models import Document, OutboxMessage, ServiceReceipt
from concord.referrals import services, tasks
from concord.referrals.choices import Decision, ReferralState, Response, TeamRole
from concord.referrals.models import ConflictDeclaration, Referral
from concord.referrals.services.triage import ranking, triage_suggestion
from tests.conftest import VICTIM_ID


def send(district, case, capture, render=False):
    """Send the referral; render its documents (slow: PDF and DOCX) only when asked."""
    with capture(execute=render):
        return services.referral_send(
            actor=district.officer, case=case, centre=district.committee, reason="双方有和解意愿"
        )


def accept_all(referral, district, staff=None):
    for consent in referral.consents.select_related("party"):
        if consent.party.user_id == district.victim_user.pk:
            services.referral_consent(actor=district.victim_user, consent=consent, accepted=True)
        else:
            scan = SimpleUploadedFile("scan.pdf", b"%PDF-1.4 scanned signature page")
            services.referral_consent(
                actor=staff or district.officer,
                consent=consent,
                accepted=True,
                method="paper",
                scan=scan,
            )


def test_sending_issues_the_documents_and_sets_the_deadline(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = send(district, screened_case, django_capture_on_commit_callbacks, render=True)
    assert referral.state == ReferralState.SENT
    assert referral.stage == Stage.INVESTIGATION
    assert referral.due_at - referral.sent_at == timedelta(days=30)
    screened_case.refresh_from_db()
    assert screened_case.state == CaseState.REFERRED
    kinds = sorted(Document.objects.filter(case=screened_case).values_list("kind", flat=True))
    # a contact letter to the centre; notification, application, confidentiality to each party
    assert kinds == sorted(
        ["contact_letter"] + ["notification", "application", "confidentiality"] * 2
    )
    # the victim's documents reached the victim's inbox
    assert ServiceReceipt.objects.filter(party__user=district.victim_user).count() == 3
    assert ServiceReceipt.objects.filter(agency=district.committee).count() == 1
    assert referral.consents.count() == 2
    assert audit_verify() is None


def test_a_case_cannot_be_referred_twice_at_once(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    send(district, screened_case, django_capture_on_commit_callbacks)
    with pytest.raises(ServiceError):
        services.referral_send(
            actor=district.officer, case=screened_case, centre=district.committee
        )


def test_a_party_refusing_ends_the_referral(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = send(district, screened_case, django_capture_on_commit_callbacks)
    consent = referral.consents.get(party__user=district.victim_user)
    with pytest.raises(InvalidInput):
        services.referral_consent(actor=district.victim_user, consent=consent, accepted=False)
    services.referral_consent(
        actor=district.victim_user, consent=consent, accepted=False, reason="不愿与对方见面"
    )
    referral.refresh_from_db()
    assert referral.state == ReferralState.REFUSED and referral.outcome == "refused"
    screened_case.refresh_from_db()
    assert screened_case.state == CaseState.WITHDRAWN
    assert OutboxMessage.objects.filter(subject__contains=referral.number).exists()


def test_only_the_party_answers_online(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = send(district, screened_case, django_capture_on_commit_callbacks)
    consent = referral.consents.get(party__user=district.victim_user)
    with pytest.raises(PermissionRefused):
        services.referral_consent(actor=district.other_party_user, consent=consent, accepted=True)
    with pytest.raises(InvalidInput):  # staff record paper answers, with the scan
        services.referral_consent(
            actor=district.officer, consent=consent, accepted=True, method="paper"
        )


def test_triage_suggests_the_court_studio_at_trial(district, centre):
    referral = Referral(case=district.register(), centre=district.committee, stage=Stage.TRIAL)
    assert triage_suggestion(referral) == centre["studio"]
    referral.stage = Stage.INVESTIGATION
    assert triage_suggestion(referral) == district.committee


def _triaged(district, centre, case, capture):
    referral = send(district, case, capture)
    accept_all(referral, district)
    return services.referral_triage(
        actor=district.coordinator, referral=referral, committee=district.committee
    )


def test_only_the_centres_coordinator_triages(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = send(district, screened_case, django_capture_on_commit_callbacks)
    with pytest.raises(PermissionRefused):
        services.referral_triage(
            actor=district.mediator, referral=referral, committee=district.committee
        )


def test_assignment_follows_the_score_unless_a_reason_is_given(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = _triaged(district, centre, screened_case, django_capture_on_commit_callbacks)
    scored, _excluded = ranking(referral)
    assert scored[0].candidate.user_id == district.mediator.pk  # injury specialist
    with pytest.raises(InvalidInput) as caught:
        services.referral_assign(
            actor=district.coordinator, referral=referral, lead=centre["second"]
        )
    assert caught.value.field == "override_reason"
    referral = services.referral_assign(
        actor=district.coordinator,
        referral=referral,
        lead=centre["second"],
        override_reason="当事人要求更换",
        joint=[(centre["lawyer"], TeamRole.LEGAL_AID_LAWYER)],
    )
    lead = referral.team.get(role=TeamRole.LEAD_MEDIATOR)
    assert lead.user == centre["second"] and lead.override_reason == "当事人要求更换"
    assert lead.score_parts  # the readable score is kept with the choice
    screened_case.refresh_from_db()
    assert screened_case.state == CaseState.IN_MEDIATION


def test_a_mediator_related_to_a_party_is_never_assigned(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    ConflictDeclaration.objects.create(
        user=district.mediator, person_key=blind_index(VICTIM_ID), relation="表兄弟"
    )
    referral = _triaged(district, centre, screened_case, django_capture_on_commit_callbacks)
    with pytest.raises(ServiceError) as caught:
        services.referral_assign(
            actor=district.coordinator,
            referral=referral,
            lead=district.mediator,
            override_reason="熟悉情况",
        )
    assert caught.value.code == "not_eligible"


def _mediating(district, centre, case, capture):
    referral = _triaged(district, centre, case, capture)
    return services.referral_assign(
        actor=district.coordinator, referral=referral, lead=district.mediator
    )


def test_settled_path_to_the_agencys_decision(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = _mediating(district, centre, screened_case, django_capture_on_commit_callbacks)
    with pytest.raises(InvalidInput):
        services.referral_outcome(actor=district.mediator, referral=referral, settled=True)
    referral = services.referral_outcome(
        actor=district.mediator,
        referral=referral,
        settled=True,
        agreement_summary="赔礼道歉并一次性赔偿",
        amount=Decimal("30000.00"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        referral = services.referral_feedback(actor=district.mediator, referral=referral)
    feedback = Document.objects.get(case=screened_case, kind="feedback_letter")
    assert ServiceReceipt.objects.filter(
        version__document=feedback, agency=district.police
    ).exists()
    screened_case.refresh_from_db()
    assert screened_case.state == CaseState.UNDER_REVIEW
    with pytest.raises(InvalidInput):  # a court's decision is not the police's to make
        services.referral_decide(
            actor=district.officer, referral=referral, decision=Decision.LIGHTER_SENTENCE
        )
    with pytest.raises(PermissionRefused):
        services.referral_decide(
            actor=district.mediator, referral=referral, decision=Decision.LENIENCY_SUGGESTION
        )
    referral = services.referral_decide(
        actor=district.officer,
        referral=referral,
        decision=Decision.LENIENCY_SUGGESTION,
        note="建议从宽",
    )
    assert referral.state == ReferralState.DECIDED
    screened_case.refresh_from_db()
    assert screened_case.state == CaseState.SETTLED
    assert audit_verify() is None


def test_failed_path_is_referred_again_at_the_procuratorate(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = _mediating(district, centre, screened_case, django_capture_on_commit_callbacks)
    referral = services.referral_outcome(
        actor=district.mediator, referral=referral, settled=False, note="赔偿金额分歧过大"
    )
    with django_capture_on_commit_callbacks(execute=False):
        referral = services.referral_feedback(actor=district.coordinator, referral=referral)
    referral = services.referral_decide(
        actor=district.officer, referral=referral, decision=Decision.CONTINUE
    )
    case = cases.case_transfer(
        actor=district.officer, case=screened_case, to_agency=district.procuratorate
    )
    case = cases.case_transition(actor=district.prosecutor, case=case, name="rescreen")
    with django_capture_on_commit_callbacks(execute=False):
        second = services.referral_send(
            actor=district.prosecutor, case=case, centre=district.committee
        )
    assert second.stage == Stage.PROSECUTION and second.from_agency == district.procuratorate
    accept_all(second, district, staff=district.prosecutor)
    second = services.referral_triage(
        actor=district.coordinator, referral=second, committee=district.committee
    )
    # the first round's mediator is not assigned again
    _scored, excluded = ranking(second)
    assert {e.candidate.user_id: e.reason for e in excluded}[district.mediator.pk] == (
        "conflict_earlier_involvement"
    )


def test_deadline_reminder_and_escalation_fire_once(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = send(district, screened_case, django_capture_on_commit_callbacks)
    Referral.objects.filter(pk=referral.pk).update(due_at=timezone.now() - timedelta(minutes=1))
    assert tasks.referral_remind.call_local(referral.pk) is True
    assert tasks.referral_remind.call_local(referral.pk) is False
    assert tasks.referral_escalate.call_local(referral.pk) is True
    assert tasks.referral_escalate.call_local(referral.pk) is False
    reminders = OutboxMessage.objects.filter(subject__contains="调解期限将至")
    escalations = OutboxMessage.objects.filter(subject__contains="调解已超期")
    assert reminders.exists() and escalations.exists()
    before = OutboxMessage.objects.count()
    assert tasks.referral_deadlines_sweep.call_local() == 0
    assert OutboxMessage.objects.count() == before


def test_sweep_catches_a_lost_reminder(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = send(district, screened_case, django_capture_on_commit_callbacks)
    Referral.objects.filter(pk=referral.pk).update(due_at=timezone.now() + timedelta(days=1))
    assert tasks.referral_deadlines_sweep.call_local() == 1
    referral.refresh_from_db()
    assert referral.reminded_at is not None and referral.escalated_at is None


def test_no_reminder_for_a_concluded_referral(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = send(district, screened_case, django_capture_on_commit_callbacks)
    consent = referral.consents.get(party__user=district.victim_user)
    services.referral_consent(
        actor=district.victim_user, consent=consent, accepted=False, reason="不同意"
    )
    assert tasks.referral_remind.call_local(referral.pk) is False
    assert referral.consents.get(pk=consent.pk).response == Response.REFUSED


def test_victim_is_offered_legal_aid_and_the_centre_hears_of_the_application(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = send(district, screened_case, django_capture_on_commit_callbacks)
    offer = referral.aid_offers.get()
    assert offer.party.role == "victim" and offer.applied_at is None
    assert OutboxMessage.objects.filter(
        dedupe_key=f"legal_aid:{offer.pk}:offer:user:{district.victim_user.pk}"
    ).exists()
    with pytest.raises(PermissionRefused):
        services.legal_aid_apply(actor=district.officer, offer=offer)
    services.legal_aid_apply(actor=district.victim_user, offer=offer)
    offer.refresh_from_db()
    assert offer.applied_at is not None
    assert OutboxMessage.objects.filter(
        recipient=str(centre["lawyer"]), subject__contains="法律援助申请"
    ).exists()
    with pytest.raises(ServiceError):
        services.legal_aid_apply(actor=district.victim_user, offer=offer)


def test_a_committee_refers_a_civil_dispute_on_its_own_initiative(
    district, centre, django_capture_on_commit_callbacks
):
    """People's Mediation Law Art. 17: a committee may start mediation itself."""
    case = cases.case_register(
        actor=district.coordinator,
        agency=district.committee,
        data=cases.CaseInput(
            kind="civil_dispute",
            title="邻里漏水纠纷",
            dispute_type="neighbour",
            parties=[
                cases.PartyInput(role="applicant", name="张一"),
                cases.PartyInput(role="respondent", name="李二"),
            ],
        ),
    )
    assert case.stage == Stage.CIVIL and not case.law_results.exists()  # no criminal screening
    case = cases.case_transition(actor=district.coordinator, case=case, name="screen")
    with django_capture_on_commit_callbacks(execute=False):
        referral = services.referral_send(
            actor=district.coordinator, case=case, centre=district.committee
        )
    for consent in referral.consents.all():
        services.referral_consent(
            actor=district.coordinator,
            consent=consent,
            accepted=True,
            method="paper",
            scan=SimpleUploadedFile("s.pdf", b"%PDF-1.4 signed"),
        )
    assert not referral.aid_offers.exists()  # legal-aid offers are for criminal victims
    services.referral_triage(
        actor=district.coordinator, referral=referral, committee=district.committee
    )
    services.referral_assign(
        actor=district.coordinator, referral=referral, lead=centre["second"]
    )  # the neighbour-dispute specialist
    services.referral_outcome(
        actor=centre["second"],
        referral=referral,
        settled=True,
        agreement_summary="修复水管并赔偿损失",
        amount=Decimal("800"),
    )
    with django_capture_on_commit_callbacks(execute=False):
        services.referral_feedback(actor=centre["second"], referral=referral)
    with pytest.raises(InvalidInput):
        services.referral_decide(
            actor=district.coordinator, referral=referral, decision=Decision.NON_PROSECUTION
        )
    referral = services.referral_decide(
        actor=district.coordinator, referral=referral, decision=Decision.CIVIL_CLOSED
    )
    case.refresh_from_db()
    assert case.state == CaseState.SETTLED and referral.state == ReferralState.DECIDED


def test_the_agency_may_find_a_settled_agreement_involuntary(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    """CPL Art. 289: the review of voluntariness and legality can reject the agreement."""
    referral = _mediating(district, centre, screened_case, django_capture_on_commit_callbacks)
    services.referral_outcome(
        actor=district.mediator, referral=referral, settled=True, agreement_summary="赔偿五千元"
    )
    with django_capture_on_commit_callbacks(execute=False):
        services.referral_feedback(actor=district.mediator, referral=referral)
    services.referral_decide(
        actor=district.officer,
        referral=referral,
        decision=Decision.AGREEMENT_REJECTED,
        note="被害人受到胁迫",
    )
    screened_case.refresh_from_db()
    assert screened_case.state == CaseState.FAILED


def test_a_paper_era_referral_issues_no_documents_and_queues_no_deadline(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        referral = services.referral_send(
            actor=district.officer, case=screened_case, centre=district.committee, on_paper=True
        )
    assert callbacks == []
    assert not Document.objects.filter(case=screened_case).exists()
    assert referral.aid_offers.exists()  # the victim is still told of legal aid
