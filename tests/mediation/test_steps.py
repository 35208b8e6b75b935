"""The six steps: in order, or skipped with a reason; minutes locked once the session ends."""

from __future__ import annotations

import pytest

from concord.audit.models import AuditEntry
from concord.core.errors import InvalidInput, ServiceError
from concord.mediation import services
from concord.mediation.choices import AgreementOutcome, SessionKind, SessionState, StepState


def _record(cast, session, number, text="发言"):
    return services.minute_add(
        actor=cast.mediator, session=session, text=text, speaker="王强", step_number=number
    )


def _run_all_steps(cast, session):
    for number in range(1, 7):
        _record(cast, session, number)
        services.step_complete(
            actor=cast.mediator,
            session=session,
            number=number,
            outcome=AgreementOutcome.REACHED if number == 6 else "",
        )


def test_a_step_is_done_only_after_the_one_before(cast):
    session = cast.started()
    _record(cast, session, 1)
    with pytest.raises(ServiceError) as caught:
        services.step_complete(actor=cast.mediator, session=session, number=2)
    assert caught.value.code == "step_order"
    assert str(caught.value.message) == "请按顺序进行：先完成或跳过第 1 步“认可犯罪事实”。"
    step = services.step_complete(actor=cast.mediator, session=session, number=1, note="认罪")
    assert step.state == StepState.DONE and step.settled_by == cast.mediator


def test_minutes_cannot_run_ahead_of_the_current_step(cast):
    session = cast.started()
    with pytest.raises(ServiceError) as caught:
        _record(cast, session, 3)
    assert caught.value.code == "step_order"


def test_a_step_without_minutes_cannot_be_marked_done(cast):
    session = cast.started()
    with pytest.raises(InvalidInput) as caught:
        services.step_complete(actor=cast.mediator, session=session, number=1)
    assert str(caught.value.message) == "请先记录本步骤的笔录。"


def test_a_step_may_be_skipped_with_a_reason_and_only_in_turn(cast):
    session = cast.started()
    with pytest.raises(InvalidInput):
        services.step_skip(actor=cast.mediator, session=session, number=1, reason="")
    with pytest.raises(ServiceError):
        services.step_skip(
            actor=cast.mediator, session=session, number=3, reason="无其他受影响人员"
        )
    _record(cast, session, 1)
    services.step_complete(actor=cast.mediator, session=session, number=1)
    _record(cast, session, 2)
    services.step_complete(actor=cast.mediator, session=session, number=2)
    step = services.step_skip(
        actor=cast.mediator, session=session, number=3, reason="无其他受影响人员"
    )
    assert step.state == StepState.SKIPPED and step.skip_reason == "无其他受影响人员"
    assert AuditEntry.objects.filter(action="mediation.step_skip").count() == 1


def test_the_agreement_step_records_what_the_parties_came_to(cast):
    session = cast.started()
    for number in range(1, 6):
        _record(cast, session, number)
        services.step_complete(actor=cast.mediator, session=session, number=number)
    _record(cast, session, 6)
    with pytest.raises(InvalidInput) as caught:
        services.step_complete(actor=cast.mediator, session=session, number=6)
    assert caught.value.field == "outcome"
    step = services.step_complete(
        actor=cast.mediator,
        session=session,
        number=6,
        outcome=AgreementOutcome.REACHED,
        note="赔偿三万元，当场签署",
    )
    assert step.outcome == AgreementOutcome.REACHED


def test_a_session_with_pending_steps_cannot_be_concluded(cast):
    session = cast.started()
    with pytest.raises(ServiceError) as caught:
        services.session_conclude(actor=cast.mediator, session=session)
    assert caught.value.code == "steps_pending"


def test_minutes_are_editable_during_the_session_and_locked_after_it(cast):
    session = cast.started()
    entry = _record(cast, session, 1, text="我承认推了他")
    entry = services.minute_edit(
        actor=cast.mediator, entry=entry, text="我承认推了他一把", speaker="王强"
    )
    assert entry.edited_at is not None
    _run_all_steps(cast, session)
    session = services.session_conclude(actor=cast.mediator, session=session, note="达成和解")
    assert session.state == SessionState.CONCLUDED
    with pytest.raises(ServiceError) as caught:
        services.minute_edit(actor=cast.mediator, entry=entry, text="改写", speaker="王强")
    assert caught.value.code == "minutes_locked"
    assert str(caught.value.message) == "会议已结束，笔录已归档，不能再修改。"
    with pytest.raises(ServiceError):
        _record(cast, session, 6)
    entry.refresh_from_db()
    assert entry.text == "我承认推了他一把"
    edits = AuditEntry.objects.filter(action="mediation.minute_edit")
    assert edits.count() == 1 and edits.get().detail["changed"] == ["edited_at", "text"]


def test_a_consultation_meeting_keeps_minutes_without_steps(cast):
    session = cast.started(kind=SessionKind.CONSULTATION)
    services.minute_add(actor=cast.mediator, session=session, text="协商赔偿方式", speaker="李明")
    with pytest.raises(InvalidInput):
        _record(cast, session, 1)
    session = services.session_conclude(actor=cast.mediator, session=session)
    assert session.state == SessionState.CONCLUDED


def test_only_the_teams_mediator_keeps_the_minutes(cast):
    session = cast.started()
    with pytest.raises(ServiceError):
        services.minute_add(
            actor=cast.lawyer, session=session, text="x", speaker="y", step_number=1
        )
