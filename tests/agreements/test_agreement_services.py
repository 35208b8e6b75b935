"""Drafting, editing, checking and making ready an agreement, and who may do it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.http import Http404

from concord.agreements import selectors, services
from concord.agreements.choices import AgreementContext, AgreementState
from concord.audit.models import AuditEntry
from concord.audit.services import audit_verify
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError, StaleEdit
from tests.agreements.conftest import complete_content


def test_the_lead_mediator_drafts_from_the_case_facts(district, referral):
    agreement = services.agreement_draft(
        actor=district.mediator, case=referral.case, referral=referral
    )
    assert agreement.state == AgreementState.DRAFT
    assert agreement.context == AgreementContext.CRIMINAL_INCIDENTAL
    assert agreement.facts == referral.case.facts
    assert agreement.version == 1
    assert AuditEntry.objects.filter(action="agreement.draft").count() == 1
    codes = {p.code for p in services.agreement_check(agreement)}
    assert {"admission.missing", "apology.missing", "understanding.missing"} <= codes


def test_a_coordinator_and_the_holder_may_draft_but_a_stranger_may_not(district, referral):
    with pytest.raises(PermissionRefused) as caught:
        services.agreement_draft(actor=district.other_officer, case=referral.case)
    assert caught.value.code == "not_drafter"
    with pytest.raises(PermissionRefused):
        services.agreement_draft(actor=district.victim_user, case=referral.case, referral=referral)
    first = services.agreement_draft(
        actor=district.coordinator, case=referral.case, referral=referral
    )
    with pytest.raises(ServiceError) as caught:  # one live agreement per case
        services.agreement_draft(actor=district.officer, case=referral.case)
    assert caught.value.code == "exists"
    services.agreement_void(actor=district.coordinator, agreement=first, reason="重新起草")
    again = services.agreement_draft(actor=district.officer, case=referral.case)
    assert again.referral is None


def test_items_and_instalments_are_replaced_by_an_update(district, draft):
    assert draft.total == Decimal("30000.50")
    updated = services.agreement_update(
        actor=district.mediator,
        agreement=draft,
        expected_version=1,
        items=[{"code": "medical", "label": "", "amount": "500"}],
    )
    assert updated.version == 2
    assert [(i.code, i.amount) for i in updated.items.all()] == [("medical", Decimal("500.00"))]
    with pytest.raises(StaleEdit) as caught:
        services.agreement_update(
            actor=district.mediator, agreement=draft, expected_version=1, facts="x"
        )
    assert "当前版本 2" in str(caught.value.message)
    with pytest.raises(InvalidInput):
        services.agreement_update(
            actor=district.mediator,
            agreement=draft,
            expected_version=2,
            items=[{"code": "bribe", "label": "", "amount": "1"}],
        )
    with pytest.raises(InvalidInput):
        services.agreement_update(
            actor=district.mediator, agreement=draft, expected_version=2, case_id=1
        )


def test_ready_is_refused_while_errors_remain_and_warnings_do_not_block(
    district, referral, django_capture_on_commit_callbacks
):
    agreement = services.agreement_draft(
        actor=district.mediator,
        case=referral.case,
        referral=referral,
        **complete_content(admission=""),
    )
    with pytest.raises(ServiceError) as caught:
        services.agreement_ready(actor=district.mediator, agreement=agreement, expected_version=1)
    assert caught.value.code == "has_errors"
    assert "第498条第3项" in str(caught.value.message)
    agreement = services.agreement_update(
        actor=district.mediator,
        agreement=agreement,
        expected_version=1,
        admission="承认犯罪，真诚悔罪。",
    )
    problems = services.agreement_check(agreement)
    assert [p.code for p in problems] == ["items.mental_distress"]  # a warning only
    with django_capture_on_commit_callbacks(execute=True):
        agreement = services.agreement_ready(
            actor=district.mediator, agreement=agreement, expected_version=2
        )
    agreement.refresh_from_db()
    assert agreement.state == AgreementState.READY
    assert len(agreement.signing_pdf_sha256) == 64 and len(agreement.signing_pdf_en_sha256) == 64
    # editing a ready agreement sends it back to draft, and its signing copy is dropped
    agreement = services.agreement_update(
        actor=district.mediator, agreement=agreement, expected_version=3, other_terms="无其他争议。"
    )
    assert agreement.state == AgreementState.DRAFT and agreement.signing_pdf_sha256 == ""
    assert audit_verify() is None


def test_parties_see_the_agreement_only_once_it_is_ready_and_outsiders_never(
    district, draft, django_capture_on_commit_callbacks
):
    case = draft.case
    assert selectors.agreement_for(district.victim_user, case) is None
    with pytest.raises(Http404):
        selectors.access_agreement(district.victim_user, draft.pk)
    with pytest.raises(Http404):
        selectors.agreement_for(district.other_officer, case)
    with pytest.raises(Http404):
        selectors.access_agreement(district.other_party_user, draft.pk)
    with pytest.raises(Http404):
        selectors.access_agreement(district.mediator, "abc")
    with django_capture_on_commit_callbacks(execute=False):
        services.agreement_ready(actor=district.mediator, agreement=draft, expected_version=1)
    assert selectors.agreement_for(district.victim_user, case) == draft
    assert selectors.access_agreement(district.victim_user, draft.pk) == draft


def test_the_payment_deadline_before_the_agreement_date_is_an_error(district, referral):
    agreement = services.agreement_draft(
        actor=district.mediator,
        case=referral.case,
        referral=referral,
        **complete_content(pay_by=None),
    )
    assert "performance.deadline" in {p.code for p in services.agreement_check(agreement)}
    agreement = services.agreement_update(
        actor=district.mediator,
        agreement=agreement,
        expected_version=1,
        pay_by=agreement.agreement_date - timedelta(days=1),
    )
    assert "performance.deadline_past" in {p.code for p in services.agreement_check(agreement)}
