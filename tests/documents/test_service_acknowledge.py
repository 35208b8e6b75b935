"""Signing for a document (签收): only its recipient can, the time is recorded, once."""

from __future__ import annotations

import datetime as dt

import pytest

from concord.audit.models import AuditEntry
from concord.core.errors import PermissionRefused
from concord.documents import services
from concord.documents.models import ServiceReceipt
from concord.documents.services import Recipient

SIGNED_AT = dt.datetime(2026, 3, 16, 9, 30, tzinfo=dt.UTC)


@pytest.fixture
def served(district, issue):
    case = district.register(victim_user=district.victim_user)
    document = issue(
        case,
        recipients=[
            Recipient(party=case.parties.get(role="victim")),
            Recipient(agency=district.committee),
            Recipient(user=district.judge),
        ],
    )
    version = document.versions.get()
    return {
        "party": version.receipts.get(party__isnull=False),
        "agency": version.receipts.get(agency=district.committee),
        "user": version.receipts.get(user=district.judge),
    }


def test_the_party_signs_and_the_time_is_recorded(district, served, monkeypatch):
    monkeypatch.setattr(services, "_now", lambda: SIGNED_AT)
    receipt = services.service_acknowledge(actor=district.victim_user, service=served["party"])
    assert receipt.acknowledged_at == SIGNED_AT
    assert receipt.acknowledged_by == district.victim_user
    entry = AuditEntry.objects.get(action="document.acknowledge")
    assert (entry.actor, entry.object_id) == (district.victim_user, str(receipt.pk))


def test_any_member_of_the_recipient_agency_signs_for_it(district, served):
    receipt = services.service_acknowledge(actor=district.mediator, service=served["agency"])
    assert receipt.acknowledged_by == district.mediator


def test_signing_twice_keeps_the_first_signature(district, served, monkeypatch):
    monkeypatch.setattr(services, "_now", lambda: SIGNED_AT)
    services.service_acknowledge(actor=district.coordinator, service=served["agency"])
    monkeypatch.setattr(services, "_now", lambda: SIGNED_AT + dt.timedelta(days=1))
    again = services.service_acknowledge(actor=district.mediator, service=served["agency"])
    assert (again.acknowledged_at, again.acknowledged_by) == (SIGNED_AT, district.coordinator)
    assert AuditEntry.objects.filter(action="document.acknowledge").count() == 1


@pytest.mark.parametrize("who", ["other_officer", "other_party_user", "officer", "judge"])
def test_nobody_else_signs_for_the_party(district, served, who):
    with pytest.raises(PermissionRefused) as caught:
        services.service_acknowledge(actor=getattr(district, who), service=served["party"])
    assert caught.value.code == "not_recipient"
    assert ServiceReceipt.objects.get(pk=served["party"].pk).acknowledged_at is None


def test_another_agency_cannot_sign_for_the_committee(district, served):
    with pytest.raises(PermissionRefused):
        services.service_acknowledge(actor=district.other_officer, service=served["agency"])


def test_only_the_named_user_signs_a_personal_receipt(district, served):
    with pytest.raises(PermissionRefused):
        services.service_acknowledge(actor=district.prosecutor, service=served["user"])
    receipt = services.service_acknowledge(actor=district.judge, service=served["user"])
    assert receipt.is_acknowledged is True
