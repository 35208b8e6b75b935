"""After-care through the services: plans, contacts, alerts, reminders and who may act."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from concord.aftercare import services, tasks
from concord.aftercare.models import AftercareAlert, FollowUpContact
from concord.aftercare.selectors import board
from concord.audit.models import AuditEntry
from concord.audit.services import audit_verify
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError
from concord.documents.models import OutboxMessage
from concord.referrals import services as referrals
from concord.referrals.choices import Decision

from .conftest import drive_to_feedback


def test_a_decided_settlement_gets_the_default_plan_assigned_to_the_lead_mediator(
    district, decided
):
    plan = services.plan_create(actor=district.mediator, referral=decided)
    contacts = list(plan.contacts.all())
    start = timezone.localdate(decided.decided_at)
    assert [(c.kind, (c.due_on - start).days) for c in contacts] == [
        ("call", 7),
        ("visit", 30),
        ("call", 90),
    ]
    assert {c.assignee_id for c in contacts} == {district.mediator.pk}
    assert AuditEntry.objects.filter(action="aftercare.plan_create").count() == 1
    with pytest.raises(ServiceError) as caught:
        services.plan_create(actor=district.mediator, referral=decided)
    assert caught.value.code == "plan_exists"


def test_no_plan_before_the_decision_or_after_a_failed_mediation(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = drive_to_feedback(district, screened_case, django_capture_on_commit_callbacks)
    with pytest.raises(ServiceError) as caught:
        services.plan_create(actor=district.mediator, referral=referral)
    assert caught.value.code == "not_settled"
    assert "调解成功" in str(caught.value.message)


def test_a_failed_mediation_gets_no_plan(
    district, centre, screened_case, django_capture_on_commit_callbacks
):
    referral = drive_to_feedback(
        district, screened_case, django_capture_on_commit_callbacks, settled=False
    )
    referral = referrals.referral_decide(
        actor=district.officer, referral=referral, decision=Decision.CONTINUE
    )
    with pytest.raises(ServiceError) as caught:
        services.plan_create(actor=district.mediator, referral=referral)
    assert caught.value.code == "not_settled"


def test_only_the_team_or_the_coordinator_makes_the_plan(district, decided):
    for outsider in (district.officer, district.other_officer, district.victim_user):
        with pytest.raises(PermissionRefused):
            services.plan_create(actor=outsider, referral=decided)
    assert services.plan_create(actor=district.coordinator, referral=decided).pk


def test_the_board_lists_contacts_due_today_and_overdue_ones(district, decided):
    plan = services.plan_create(actor=district.mediator, referral=decided)
    first, second, _third = plan.contacts.all()
    today = first.due_on
    assert board(district.coordinator, on=today)["due_today"] == [first]
    later = board(district.coordinator, on=second.due_on)
    assert later["overdue"] == [first] and later["due_today"] == [second]
    assert first.is_overdue(second.due_on) is True
    # the mediator sees their own contacts; someone from another agency sees none
    assert board(district.mediator, on=today)["due_today"] == [first]
    assert board(district.other_officer, on=today)["due_today"] == []


def test_recording_a_contact_takes_it_off_the_board_and_cannot_be_repeated(district, decided):
    plan = services.plan_create(actor=district.mediator, referral=decided)
    first = plan.contacts.first()
    with pytest.raises(InvalidInput) as caught:
        services.followup_record(actor=district.mediator, contact=first, reached=True)
    assert caught.value.field == "relations"
    services.followup_record(
        actor=district.mediator,
        contact=first,
        reached=True,
        relations="calm",
        payment_on_track=True,
        notes="第一期赔偿已支付",
    )
    first.refresh_from_db()
    assert (
        first.is_done and first.payment_on_track is True and first.recorded_by == district.mediator
    )
    assert board(district.coordinator, on=first.due_on)["due_today"] == []
    with pytest.raises(ServiceError) as again:
        services.followup_record(actor=district.mediator, contact=first, reached=False)
    assert again.value.code == "contact_done"
    assert AftercareAlert.objects.count() == 0
    assert audit_verify() is None


def test_a_hostile_contact_alerts_the_coordinators_once_and_they_acknowledge_it(
    district, decided, django_capture_on_commit_callbacks
):
    plan = services.plan_create(actor=district.mediator, referral=decided)
    visit = plan.contacts.get(kind="visit")
    with django_capture_on_commit_callbacks(execute=True):
        services.followup_record(
            actor=district.mediator,
            contact=visit,
            reached=True,
            relations="hostile",
            payment_on_track=False,
            notes="双方在小区再次争吵，第二期赔偿未付",
        )
    alert = AftercareAlert.objects.get()
    assert alert.reason == "hostile" and alert.contact == visit
    to_coordinator = OutboxMessage.objects.filter(subject__startswith="回访预警")
    assert to_coordinator.count() == 1
    assert to_coordinator.get().recipient == str(district.coordinator)
    assert board(district.coordinator)["alerts"] == [alert]
    # raising again for the same contact (a retried task, say) changes nothing
    services._alert_raise(
        actor=district.mediator, plan=plan, reason="hostile", summary="", contact=visit
    )
    assert AftercareAlert.objects.count() == 1
    with pytest.raises(PermissionRefused):
        services.alert_acknowledge(actor=district.mediator, alert=alert, note="知道了")
    with pytest.raises(InvalidInput):
        services.alert_acknowledge(actor=district.coordinator, alert=alert, note=" ")
    services.alert_acknowledge(
        actor=district.coordinator, alert=alert, note="安排调解员三日内上门再次调解"
    )
    alert.refresh_from_db()
    assert alert.acknowledged_by == district.coordinator
    assert board(district.coordinator)["alerts"] == []
    with pytest.raises(ServiceError):
        services.alert_acknowledge(actor=district.coordinator, alert=alert, note="again")
    assert AuditEntry.objects.filter(action="aftercare.alert_acknowledge").count() == 1
    assert audit_verify() is None


def test_a_recurrence_report_raises_an_alert(district, decided):
    plan = services.plan_create(actor=district.mediator, referral=decided)
    with pytest.raises(InvalidInput):
        services.recurrence_report(actor=district.officer, plan=plan, summary="")
    alert = services.recurrence_report(
        actor=district.officer, plan=plan, summary="派出所接报双方再次发生冲突"
    )
    assert alert.reason == "recurrence" and alert.contact is None
    with pytest.raises(PermissionRefused):
        services.recurrence_report(actor=district.other_officer, plan=plan, summary="x")


def test_the_assignee_is_reminded_of_a_due_contact_once(district, decided):
    plan = services.plan_create(actor=district.mediator, referral=decided)
    first = plan.contacts.first()
    assert tasks.contact_remind.call_local(first.pk) is False  # not due yet
    FollowUpContact.objects.filter(pk=first.pk).update(due_on=timezone.localdate())
    assert tasks.contacts_due_sweep.call_local() == 1
    assert tasks.contacts_due_sweep.call_local() == 0
    assert tasks.contact_remind.call_local(first.pk) is False
    reminders = OutboxMessage.objects.filter(subject__startswith="回访到期")
    assert reminders.count() == 1 and reminders.get().recipient == str(district.mediator)


def test_a_moved_contact_is_reminded_again_at_its_new_date(district, decided):
    plan = services.plan_create(actor=district.mediator, referral=decided)
    first = plan.contacts.first()
    FollowUpContact.objects.filter(pk=first.pk).update(due_on=timezone.localdate())
    assert tasks.contact_remind.call_local(first.pk) is True
    first.refresh_from_db()
    services.contact_update(
        actor=district.mediator,
        contact=first,
        kind="visit",
        due_on=timezone.localdate() + dt.timedelta(days=3),
        assignee=district.mediator,
    )
    first.refresh_from_db()
    assert first.kind == "visit" and first.reminded_at is None
    with pytest.raises(InvalidInput):
        services.contact_update(
            actor=district.mediator,
            contact=first,
            kind="visit",
            due_on=first.due_on,
            assignee=district.officer,
        )


def test_a_contact_can_be_added_to_the_plan(district, decided):
    plan = services.plan_create(actor=district.mediator, referral=decided, contacts=[])
    assert plan.contacts.count() == 0
    contact = services.contact_add(
        actor=district.coordinator,
        plan=plan,
        kind="visit",
        due_on=timezone.localdate() + dt.timedelta(days=14),
    )
    assert contact.assignee == district.mediator  # the lead mediator by default
