"""Every lifecycle transition, from every state: allowed where the machine says, refused with a
reason everywhere else; each allowed step is a timeline event and an audit entry."""

from __future__ import annotations

import pytest
from django.utils import translation

from concord.audit.models import AuditEntry
from concord.audit.services import audit_verify
from concord.cases import services
from concord.cases.choices import CaseState, Stage
from concord.cases.lifecycle import TRANSITIONS
from concord.cases.models import Case
from concord.core.errors import PermissionRefused, ServiceError

ALL_PAIRS = [(state, name) for state in CaseState.values for name in TRANSITIONS]


def _put_in_state(case: Case, state: str) -> Case:
    """Force a state for the table test (the walk-through tests below use services only)."""
    Case.objects.filter(pk=case.pk).update(state=state)
    case.refresh_from_db()
    return case


def _actor_for(district, name: str):
    transition = TRANSITIONS[name]
    return district.officer if "holder" in transition.by else district.mediator


@pytest.mark.parametrize(("state", "name"), ALL_PAIRS)
def test_transition_table(district, state, name):
    """Each (state, transition) pair is allowed exactly when the machine lists it."""
    case = district.register()
    services.case_transition(actor=district.officer, case=case, name="screen")
    services.case_transition(
        actor=district.officer, case=case, name="refer", to_agency=district.committee
    )
    Case.objects.filter(pk=case.pk).update(stage=Stage.PROSECUTION, screened_stage="")
    case = _put_in_state(case, state)
    transition = TRANSITIONS[name]
    actor = _actor_for(district, name)
    events_before = case.events.count()
    entries_before = AuditEntry.objects.count()
    kwargs = {"to_agency": district.committee} if name == "refer" else {}
    if state in transition.sources:
        result = services.case_transition(actor=actor, case=case, name=name, **kwargs)
        assert result.state == transition.target
        event = result.events.order_by("-id").first()
        assert (event.from_state, event.to_state) == (state, transition.target)
        assert event.code == f"case.transition.{name}"
        assert AuditEntry.objects.filter(action=f"case.{name}").exists()
    else:
        with translation.override("en"):
            with pytest.raises(ServiceError) as caught:
                services.case_transition(actor=actor, case=case, name=name, **kwargs)
            assert caught.value.code == "transition_not_allowed"
            assert str(CaseState(state).label) in str(caught.value.message)
        case.refresh_from_db()
        assert case.state == state
        assert case.events.count() == events_before
        assert AuditEntry.objects.count() == entries_before
    assert audit_verify() is None


def test_refusal_names_the_state_and_the_allowed_states(district):
    """A refused transition explains itself in the user's language."""
    case = district.register()
    with translation.override("zh-hans"), pytest.raises(ServiceError) as caught:
        services.case_transition(actor=district.mediator, case=case, name="accept")
    message = str(caught.value.message)
    assert "已登记" in message and "已委派调解" in message


def test_mediator_cannot_approve_the_agreement(district):
    """Review of voluntariness and legality is the holding agency's (CPL 289)."""
    o, m = district.officer, district.mediator
    case = _walk(
        district,
        district.register(),
        [
            (o, "screen"),
            (o, "refer"),
            (m, "accept"),
            (m, "sign"),
            (m, "submit_review"),
        ],
    )
    with pytest.raises(PermissionRefused) as caught:
        services.case_transition(actor=m, case=case, name="approve")
    assert caught.value.code == "not_allowed_for_role"


def test_officer_cannot_take_a_mediation_step(district):
    case = district.register()
    services.case_transition(actor=district.officer, case=case, name="screen")
    services.case_transition(
        actor=district.officer, case=case, name="refer", to_agency=district.committee
    )
    with pytest.raises(PermissionRefused) as caught:
        services.case_transition(actor=district.officer, case=case, name="accept")
    assert caught.value.code == "not_allowed_for_role"


def test_mediator_of_a_committee_the_case_was_not_referred_to_has_no_say(district):
    case = district.register()
    services.case_transition(actor=district.officer, case=case, name="screen")
    with pytest.raises(PermissionRefused):
        services.case_transition(actor=district.mediator, case=case, name="decline")


def test_refer_needs_a_mediation_organisation(district):
    case = district.register()
    services.case_transition(actor=district.officer, case=case, name="screen")
    with pytest.raises(ServiceError) as caught:
        services.case_transition(
            actor=district.officer, case=case, name="refer", to_agency=district.court
        )
    assert caught.value.field == "to_agency"
    case.refresh_from_db()
    assert case.state == CaseState.SCREENING


def _walk(district, case, steps):
    for actor, name in steps:
        kwargs = {"to_agency": district.committee} if name == "refer" else {}
        case = services.case_transition(actor=actor, case=case, name=name, **kwargs)
    return case


def test_settled_path(district):
    """registered → screening → referred → in mediation → signed → under review → settled."""
    o, m = district.officer, district.mediator
    case = _walk(
        district,
        district.register(),
        [
            (o, "screen"),
            (o, "refer"),
            (m, "accept"),
            (m, "sign"),
            (m, "submit_review"),
            (o, "approve"),
        ],
    )
    assert case.state == CaseState.SETTLED
    codes = list(case.events.values_list("code", flat=True))
    assert codes == [
        "case.registered",
        "case.transition.screen",
        "case.referred_to",
        "case.transition.refer",
        "case.transition.accept",
        "case.transition.sign",
        "case.transition.submit_review",
        "case.transition.approve",
    ]


def test_failed_mediation_returns_to_the_process_and_is_rescreened_at_the_next_stage(district):
    o, m = district.officer, district.mediator
    case = _walk(
        district,
        district.register(),
        [
            (o, "screen"),
            (o, "refer"),
            (m, "accept"),
            (m, "fail"),
        ],
    )
    assert case.state == CaseState.FAILED
    with pytest.raises(ServiceError) as caught:
        services.case_transition(actor=o, case=case, name="rescreen")
    assert caught.value.code == "same_stage"
    case = services.case_transfer(actor=o, case=case, to_agency=district.procuratorate)
    assert (case.stage, case.holding_agency) == (Stage.PROSECUTION, district.procuratorate)
    p = district.prosecutor
    case = _walk(district, case, [(p, "rescreen"), (p, "refer"), (m, "accept")])
    assert case.state == CaseState.IN_MEDIATION
    assert case.screened_stage == Stage.PROSECUTION


def test_withdrawn_case_is_rescreened_only_at_a_later_stage(district):
    o, m = district.officer, district.mediator
    case = _walk(district, district.register(), [(o, "screen"), (o, "refer"), (m, "refuse")])
    assert case.state == CaseState.WITHDRAWN
    with pytest.raises(ServiceError):
        services.case_transition(actor=o, case=case, name="rescreen")


def test_case_in_mediation_cannot_be_transferred(district):
    o = district.officer
    case = _walk(district, district.register(), [(o, "screen"), (o, "refer")])
    with pytest.raises(ServiceError) as caught:
        services.case_transfer(actor=o, case=case, to_agency=district.procuratorate)
    assert caught.value.code == "mediation_active"


def test_transfer_skipping_a_stage_is_refused(district):
    case = district.register()
    with pytest.raises(ServiceError) as caught:
        services.case_transfer(actor=district.officer, case=case, to_agency=district.court)
    assert caught.value.field == "to_agency"


def test_closed_case_cannot_be_screened(district):
    case = district.register()
    case = services.case_close(actor=district.officer, case=case)
    with pytest.raises(ServiceError) as caught:
        services.case_transition(actor=district.officer, case=case, name="screen")
    assert caught.value.code == "case_closed"
