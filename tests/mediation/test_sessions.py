"""Scheduling a session, its states, and its notices."""

from __future__ import annotations

import pytest
from django.utils import timezone

from concord.audit.models import AuditEntry
from concord.audit.services import audit_verify
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError
from concord.documents.models import OutboxMessage
from concord.mediation import services
from concord.mediation.choices import InvitedRole, SessionKind, SessionState, Side
from concord.mediation.services import InvitedInput


def test_scheduling_lists_participants_with_their_roles_and_notifies_those_with_accounts(
    cast, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        session = cast.schedule(
            kind=SessionKind.JOINT_MEDIATION,
            invited=[InvitedInput(name="张阿姨", role=InvitedRole.NEIGHBOUR, note="目睹经过")],
        )
    assert session.state == SessionState.SCHEDULED
    assert list(session.steps.values_list("number", flat=True)) == [1, 2, 3, 4, 5, 6]
    people = {p.name: (p.kind, p.role, p.side) for p in session.participants.all()}
    assert people["李明"] == ("party", "victim", Side.VICTIM)
    assert people["陈律师"] == ("party", "agent", Side.SUSPECT)  # acts for the suspect
    assert people["律师甲"] == ("team", "legal_aid_lawyer", Side.VICTIM)
    assert people["张阿姨"] == ("invited", "neighbour", Side.NEUTRAL)
    notified = set(OutboxMessage.objects.values_list("recipient", flat=True))
    assert {"李明", "王强", "陈律师", "郑调解员", "律师甲"} <= notified
    assert "张阿姨" not in notified  # no account: the mediator tells her
    assert AuditEntry.objects.filter(action="mediation.session_schedule").count() == 1


def test_a_session_needs_a_room_or_to_be_online(cast):
    with pytest.raises(InvalidInput) as caught:
        cast.schedule(room="")
    assert caught.value.field == "room"
    assert str(caught.value.message) == "现场调解请填写调解室；或选择线上调解。"
    online = cast.schedule(room="", online=True, room_url="")
    assert online.online is True


def test_a_mediation_needs_both_sides_and_a_joint_mediation_a_joint_member(cast):
    victim_only = list(cast.referral.case.parties.filter(role="victim"))
    with pytest.raises(InvalidInput) as caught:
        cast.schedule(parties=victim_only)
    assert caught.value.field == "parties"
    # a consultation meeting may be with one side only
    assert cast.schedule(kind=SessionKind.CONSULTATION, parties=victim_only).stepped is False
    lead_only = list(cast.referral.team.filter(role="lead_mediator"))
    with pytest.raises(InvalidInput) as caught:
        cast.schedule(kind=SessionKind.JOINT_MEDIATION, team=lead_only)
    assert caught.value.field == "team"


def test_only_a_mediator_of_the_team_schedules(cast):
    for someone in (cast.lawyer, cast.victim, cast.outsider, cast.bureau_supervisor):
        with pytest.raises(PermissionRefused):
            services.session_schedule(
                actor=someone,
                referral=cast.referral,
                kind=SessionKind.MEDIATION,
                starts_at=timezone.now(),
                room="第一调解室",
            )


def test_cancelling_needs_a_reason_and_tells_the_participants(
    cast, django_capture_on_commit_callbacks
):
    session = cast.schedule()
    with pytest.raises(InvalidInput) as caught:
        services.session_cancel(actor=cast.mediator, session=session, reason="  ")
    assert str(caught.value.message) == "请说明取消理由。"
    with django_capture_on_commit_callbacks(execute=True):
        session = services.session_cancel(
            actor=cast.mediator, session=session, reason="被害人住院，改期"
        )
    assert session.state == SessionState.CANCELLED
    assert session.cancel_reason == "被害人住院，改期"
    assert OutboxMessage.objects.filter(body__contains="被害人住院，改期").exists()
    with pytest.raises(ServiceError) as caught:
        services.session_start(actor=cast.mediator, session=session)
    assert caught.value.code == "session_cancelled"
    assert audit_verify() is None


def test_a_session_starts_only_once(cast):
    session = cast.started()
    assert session.state == SessionState.IN_PROGRESS and session.started_at is not None
    with pytest.raises(ServiceError) as caught:
        services.session_start(actor=cast.mediator, session=session)
    assert caught.value.code == "session_started"
