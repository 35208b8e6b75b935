"""Supervision: who supervises which session, and corrections that must be answered."""

from __future__ import annotations

import pytest

from concord.accounts import services as accounts
from concord.accounts.roles import Role
from concord.core.errors import PermissionRefused, ServiceError
from concord.mediation import selectors, services
from concord.mediation.choices import AgreementOutcome, SupervisionKind


def test_the_remit_is_the_agency_tree_under_the_supervisor_and_the_courts_own_cases(cast, district):
    """The bureau above the committee supervises its sessions; a bureau elsewhere does not;
    the court supervises only sessions of the cases it holds, and an ordinary judge of that
    court is not a supervisor."""
    session = cast.schedule()
    assert list(selectors.supervision_remit(cast.bureau_supervisor)) == [session]
    assert list(selectors.supervision_remit(cast.other_supervisor)) == []
    assert list(selectors.supervision_remit(cast.court_supervisor)) == []  # held by police
    session.case.holding_agency = district.court
    session.case.save(update_fields=["holding_agency"])
    assert list(selectors.supervision_remit(cast.court_supervisor)) == [session]
    assert list(selectors.supervision_remit(cast.judge)) == []


def test_a_supervisor_role_in_an_agency_that_cannot_supervise_gives_no_remit(cast, district):
    accounts.membership_add(
        actor=None, user=cast.outsider, agency=district.committee, role=Role.SUPERVISOR
    )
    cast.schedule()
    assert list(selectors.supervision_remit(cast.outsider)) == []


def test_a_supervisor_outside_the_remit_cannot_record(cast):
    session = cast.started()
    with pytest.raises(PermissionRefused):
        services.supervision_record(
            actor=cast.other_supervisor,
            session=session,
            kind=SupervisionKind.CORRECTION,
            text="x",
        )


def test_an_open_correction_blocks_conclusion_until_the_mediator_answers(cast):
    session = cast.started()
    services.supervision_record(
        actor=cast.bureau_supervisor,
        session=session,
        kind=SupervisionKind.OBSERVATION,
        text="程序规范",
    )
    correction = services.supervision_record(
        actor=cast.bureau_supervisor,
        session=session,
        kind=SupervisionKind.CORRECTION,
        text="协议中“不得再报警”的条款违法，应当删除",
    )
    assert correction.is_open is True
    for number in range(1, 7):
        services.minute_add(
            actor=cast.mediator, session=session, text="发言", speaker="李明", step_number=number
        )
        services.step_complete(
            actor=cast.mediator,
            session=session,
            number=number,
            outcome=AgreementOutcome.REACHED if number == 6 else "",
        )
    with pytest.raises(ServiceError) as caught:
        services.session_conclude(actor=cast.mediator, session=session)
    assert caught.value.code == "corrections_open"
    assert str(caught.value.message) == "监督员提出的纠正建议尚未答复，不能结束会议。"
    with pytest.raises(PermissionRefused):  # the supervisor does not answer their own
        services.suggestion_answer(actor=cast.bureau_supervisor, record=correction, answer="x")
    answered = services.suggestion_answer(
        actor=cast.mediator, record=correction, answer="已删除该条款并向双方说明"
    )
    assert answered.is_open is False
    with pytest.raises(ServiceError):
        services.suggestion_answer(actor=cast.mediator, record=correction, answer="again")
    session = services.session_conclude(actor=cast.mediator, session=session)
    assert session.state == "concluded"


def test_the_supervisors_list_puts_open_corrections_first(cast):
    quiet = cast.schedule()
    flagged = cast.started()
    services.supervision_record(
        actor=cast.bureau_supervisor, session=flagged, kind=SupervisionKind.CORRECTION, text="x"
    )
    listed = selectors.supervision_list(cast.bureau_supervisor)
    assert [s.pk for s in listed] == [flagged.pk, quiet.pk]
    assert listed[0].open_corrections == 1
