"""Performance of a signed agreement: payments allocated to the instalments in order of due
date, the victim side's confirmation or dispute, reminders and overdue notices sent once, and
the default flag."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from concord.agreements import performance, services, tasks
from concord.agreements.models import PaymentNotice
from concord.audit.models import AuditEntry
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError
from concord.documents.models import OutboxMessage
from tests.agreements.conftest import complete_content, sign_all

TODAY = timezone.localdate()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def instalment_content(**changes):
    """30,000.50 in three instalments: 40 and 10 days ago, and in 20 days."""
    return complete_content(
        agreement_date=TODAY - timedelta(days=60),
        payment_mode="instalments",
        pay_by=None,
        guarantee="王强之父王大山以其房产提供担保。",
        victim_consents_to_instalments=True,
        instalments=[
            {"due_on": TODAY - timedelta(days=40), "amount": Decimal("10000.50")},
            {"due_on": TODAY - timedelta(days=10), "amount": Decimal("10000.00")},
            {"due_on": TODAY + timedelta(days=20), "amount": Decimal("10000.00")},
        ],
        **changes,
    )


def _signed(district, referral, suspect_user, capture, content):
    agreement = services.agreement_draft(
        actor=district.mediator, case=referral.case, referral=referral, **content
    )
    assert not [p for p in services.agreement_check(agreement) if p.is_error]
    with capture(execute=True):
        services.agreement_ready(actor=district.mediator, agreement=agreement, expected_version=1)
    agreement.refresh_from_db()
    sign_all(district, agreement, suspect_user, capture)
    agreement.refresh_from_db()
    return agreement


@pytest.fixture
def signed(district, referral, suspect_user, django_capture_on_commit_callbacks):
    return _signed(
        district, referral, suspect_user, django_capture_on_commit_callbacks, instalment_content()
    )


def _pay(actor, agreement, amount, **extra):
    return performance.payment_record(
        actor=actor,
        agreement=agreement,
        amount=Decimal(amount),
        paid_on=TODAY,
        method="bank_transfer",
        **extra,
    )


def _states(agreement, on=None):
    return [line.state for line in performance.performance_of(agreement, on=on).lines]


def test_a_payment_fills_the_oldest_instalment_first_and_spills_into_the_next(
    district, signed, suspect_user
):
    payment = _pay(suspect_user, signed, "15000.50", reference="TX-1")
    shares = [(a.instalment.due_on, a.amount) for a in payment.allocations.all()]
    first, second, _third = signed.instalments.all()
    assert shares == [(first.due_on, Decimal("10000.50")), (second.due_on, Decimal("5000.00"))]
    status = performance.performance_of(signed)
    assert [line.paid for line in status.lines] == [
        Decimal("10000.50"),
        Decimal("5000.00"),
        Decimal("0.00"),
    ]
    # the second instalment, ten days past due and only half paid, is overdue
    assert _states(signed) == ["paid", "overdue", "due"]
    assert status.outstanding == Decimal("15000.00")


def test_partial_payments_add_up_and_the_victim_confirmation_is_shown_per_instalment(
    district, signed, suspect_user
):
    one = _pay(suspect_user, signed, "4000")
    _pay(district.mediator, signed, "6000.50")
    assert _states(signed) == ["paid", "overdue", "due"]
    performance.payment_confirm(actor=district.victim_user, payment=one)
    first = performance.performance_of(signed).lines[0]
    assert first.confirmed == Decimal("4000.00") and first.state == "paid"
    assert AuditEntry.objects.filter(action="agreement.payment_confirm").count() == 1


def test_paying_more_than_is_outstanding_is_refused_with_both_figures(signed, suspect_user):
    _pay(suspect_user, signed, "30000")
    with pytest.raises(InvalidInput) as refused:
        _pay(suspect_user, signed, "1.00")
    assert str(refused.value.message) == "付款金额 1.00 元超过尚未履行的金额 0.50 元。"
    for amount in ("0", "-5"):
        with pytest.raises(InvalidInput, match="付款金额必须大于零"):
            _pay(suspect_user, signed, amount)


def test_no_payment_is_recorded_before_the_agreement_is_signed(district, draft, suspect_user):
    with pytest.raises(ServiceError, match="协议签署生效后才能登记付款") as refused:
        _pay(district.mediator, draft, "100")
    assert refused.value.code == "not_signed"


def test_only_the_payer_side_or_the_case_staff_record_and_only_the_victim_side_confirms(
    district, signed, suspect_user
):
    with pytest.raises(PermissionRefused):
        _pay(district.victim_user, signed, "100")
    with pytest.raises(PermissionRefused):
        _pay(district.officer, signed, "100")
    payment = _pay(district.coordinator, signed, "100")
    for outsider in (suspect_user, district.mediator):
        with pytest.raises(PermissionRefused, match="只有受偿方当事人"):
            performance.payment_confirm(actor=outsider, payment=payment)
    performance.payment_confirm(actor=district.victim_user, payment=payment)
    with pytest.raises(ServiceError, match="已确认收到"):
        performance.payment_dispute(actor=district.victim_user, payment=payment, reason="x")


def test_a_disputed_payment_stops_counting(district, signed, suspect_user):
    payment = _pay(suspect_user, signed, "10000.50")
    with pytest.raises(InvalidInput, match="请说明异议理由"):
        performance.payment_dispute(actor=district.victim_user, payment=payment, reason=" ")
    performance.payment_dispute(actor=district.victim_user, payment=payment, reason="未到账")
    assert _states(signed) == ["overdue", "overdue", "due"]
    assert performance.performance_of(signed).outstanding == Decimal("30000.50")


def test_outsiders_get_404_and_the_pages_record_confirm_and_audit_the_receipt(
    client, district, signed, suspect_user
):
    client.force_login(district.other_party_user)
    assert client.get(f"/agreements/{signed.pk}/payments/").status_code == 404
    client.force_login(district.mediator)
    page = client.get(f"/agreements/{signed.pk}/").content.decode()
    assert 'data-testid="payments-link"' in page
    posted = client.post(
        f"/agreements/{signed.pk}/payments/new/",
        {
            "amount": "10000.50",
            "paid_on": TODAY.isoformat(),
            "method": "bank_transfer",
            "reference": "TX-9",
            "receipt": SimpleUploadedFile("回单.png", PNG, content_type="image/png"),
        },
    )
    assert posted.status_code == 302
    payment = signed.payments.get()
    assert payment.receipt_content_type == "image/png" and payment.receipt_name == "回单.png"
    too_much = client.post(
        f"/agreements/{signed.pk}/payments/new/",
        {"amount": "99999", "paid_on": TODAY.isoformat(), "method": "cash"},
    )
    assert (
        too_much.status_code == 422
        and "超过尚未履行的金额 20,000.00 元" in too_much.content.decode()
    )
    # the mediator sees no confirm button; a confirm post is refused
    page = client.get(f"/agreements/{signed.pk}/payments/").content.decode()
    assert 'data-testid="confirm"' not in page and "人民检察院刑事诉讼规则》第503条" in page
    refused = client.post(f"/agreements/{signed.pk}/payments/{payment.pk}/confirm/")
    assert refused.status_code == 403
    client.force_login(district.victim_user)
    receipt = client.get(f"/agreements/{signed.pk}/payments/{payment.pk}/receipt/")
    assert receipt.status_code == 200 and b"".join(receipt.streaming_content) == PNG
    assert AuditEntry.objects.filter(action="agreement.payment_receipt_read").count() == 1
    assert client.get(f"/agreements/{signed.pk}/payments/999999/receipt/").status_code == 404
    page = client.get(f"/agreements/{signed.pk}/payments/").content.decode()
    assert 'data-testid="record"' not in page
    confirmed = client.post(f"/agreements/{signed.pk}/payments/{payment.pk}/confirm/")
    assert confirmed.status_code == 302
    payment.refresh_from_db()
    assert payment.confirmed_by == district.victim_user and payment.confirmed_at is not None


def test_reminders_and_overdue_notices_go_out_once_to_each_side_and_the_staff(
    district, signed, suspect_user
):
    third_due = TODAY + timedelta(days=20)
    # the day before the reminder window: only the two instalments already past due
    sent = tasks.payment_notices_sweep.call_local(third_due - timedelta(days=4))
    assert sent == 2
    assert set(PaymentNotice.objects.values_list("kind", flat=True)) == {"overdue"}
    # first day of the window (three days before, centre practice): the reminder
    assert tasks.payment_notices_sweep.call_local(third_due - timedelta(days=3)) == 1
    assert tasks.payment_notices_sweep.call_local(third_due - timedelta(days=1)) == 0
    # the day after due: the overdue notice, once
    assert tasks.agreement_payment_notices.call_local(signed.pk, third_due + timedelta(days=1)) == 1
    assert tasks.payment_notices_sweep.call_local(third_due + timedelta(days=2)) == 0
    messages = OutboxMessage.objects.filter(subject__contains=signed.case.number)
    recipients = set(messages.values_list("recipient", flat=True))
    expected = {str(u) for u in (suspect_user, district.victim_user, district.mediator)}
    assert expected <= recipients and str(district.coordinator) in recipients
    assert str(district.other_party_user) not in recipients
    per_user = messages.filter(recipient=str(district.victim_user))
    assert per_user.count() == 4  # three overdue notices and one reminder


def test_a_paid_instalment_gets_no_notice(district, signed, suspect_user):
    _pay(suspect_user, signed, "30000.50")
    assert tasks.payment_notices_sweep.call_local(TODAY + timedelta(days=60)) == 0


def test_the_agreement_is_in_default_only_after_the_grace_period(district, signed, suspect_user):
    _pay(suspect_user, signed, "10000.50")
    second_due = TODAY - timedelta(days=10)
    grace = performance.performance_of(signed).grace_days
    on_last_day = second_due + timedelta(days=grace)
    assert performance.performance_of(signed, on=on_last_day).default is False
    assert performance.performance_of(signed, on=on_last_day + timedelta(days=1)).default is True
    _pay(suspect_user, signed, "10000")
    assert performance.performance_of(signed, on=on_last_day + timedelta(days=1)).default is False


def test_an_agreement_paid_at_once_has_one_line_due_on_its_date(
    district, referral, suspect_user, django_capture_on_commit_callbacks
):
    agreement = _signed(
        district, referral, suspect_user, django_capture_on_commit_callbacks, complete_content()
    )
    payment = _pay(suspect_user, agreement, "30000.50")
    assert [(a.instalment, a.amount) for a in payment.allocations.all()] == [
        (None, Decimal("30000.50"))
    ]
    (line,) = performance.performance_of(agreement).lines
    assert line.due_on == agreement.pay_by and line.state == "paid"
