"""The demo's case plan: the white paper's mix, every lifecycle state, valid fake people."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from concord.accounts.roles import AgencyKind
from concord.cases.choices import CaseState, Stage
from concord.core.identity import id_number_problem
from concord.demo.district import ASSIGNER, COURT, PROCURATORATE
from concord.demo.plan import apportion, mediation_rate, offence_mix, parse_route, plan_cases
from concord.demo.scenarios import SCENARIOS
from concord.demo.showcase import showcase_plan
from concord.demo.timeline import (
    NOTES,
    OUTCOME_STEPS,
    READY,
    UNWILLING_SHARE,
    referral_period,
)
from concord.referrals.services.conclusion import DECISIONS

NOW = datetime(2025, 4, 16, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(scope="module")
def default_plan():
    # The command's default: 600 cases, one of which is the hand-written showcase case.
    return plan_cases(599, now=NOW)


def test_trial_offences_follow_the_white_paper(default_plan):
    """Of the cases that reach the court, 79 % are injury, 8 % quarrels, 6 % and 6 % PIL cases."""
    mix = offence_mix(default_plan, trial=True)
    assert mix["234"] == pytest.approx(0.79, abs=0.02)
    assert mix["293"] == pytest.approx(0.08, abs=0.02)
    assert mix["336(1)"] == pytest.approx(0.06, abs=0.02)
    assert mix["253-1"] == pytest.approx(0.06, abs=0.02)
    assert set(mix) == {"234", "293", "336(1)", "253-1"}


def test_earlier_stages_are_mostly_intentional_injury(default_plan):
    mix = offence_mix(default_plan, trial=False)
    assert mix["234"] > 0.7
    assert {"275", "133", "246"} <= set(mix)


def test_mediation_rate_is_close_to_the_white_papers_64_percent(default_plan):
    assert mediation_rate(default_plan) == pytest.approx(0.6444, abs=0.04)


def test_public_interest_cases_are_criminal_public_interest_with_litigation(default_plan):
    pil = [p for p in default_plan if p.offence in ("336(1)", "253-1")]
    assert pil
    for plan in pil:
        assert plan.kind == "criminal_public_interest"
        assert plan.public_interest_litigation is True
        # Mediated with the judge: nothing happens to them before they reach the court.
        actions = [step.action for step in plan.steps]
        assert actions.count("transfer") == 2
        before_court = actions[: len(actions) - actions[::-1].index("transfer")]
        assert set(before_court) <= {"register", "relative", "transfer"}


def test_criminal_cases_are_referred_on_recorded_screening_facts(default_plan):
    """Before every referral the holder has recorded that the suspect repents and the victim is
    willing; a refusal, and some withdrawals and failures, record the victim as unwilling."""
    unwilling_after = Counter()
    for plan in [*default_plan, showcase_plan(NOW)]:
        if not plan.offence:  # civil disputes are not screened
            assert "facts" not in {step.action for step in plan.steps}, plan.route
            continue
        recorded: dict[str, bool] = {}
        ended = ""  # how the last mediation ended, while nothing else happened since
        for step in plan.steps:
            if step.action == "facts":
                assert step.actor in ("police", "prosecutor", "assistant"), plan.route
                changes = dict(step.facts)
                assert changes and all(recorded.get(k) != v for k, v in changes.items())
                recorded.update(changes)
                if changes == {"victim_willing": False}:
                    assert ended, plan.route
                    unwilling_after[ended] += 1
            elif step.action == "refer":
                assert recorded == dict(READY), plan.route
            if ended == "refused":
                assert step.action == "facts", plan.route
            ended = _ended(step, ended)
    assert set(unwilling_after) == set(UNWILLING_SHARE)


def _ended(step, before: str) -> str:
    """How a mediation ended, if ``step`` ended it or followed its failure."""
    if step.action == "consent" and step.answer == "refused":
        return "withdrawn" if step.note == NOTES["withdraw"] else "refused"
    if step.action == "fail" or (before == "failed" and step.action in ("feedback", "decide")):
        return "failed"
    return ""


def test_joint_teams_are_formed_at_trial_when_the_coordinator_assigns(default_plan):
    joint = 0
    for plan in default_plan:
        at_court = False
        for step in plan.steps:
            at_court = at_court or (step.action == "transfer" and step.agency == COURT)
            if step.joint:
                assert (step.action, step.actor, at_court) == ("assign", ASSIGNER, True)
                joint += 1
    mediated_at_trial = sum(_mediated_at_trial(plan.route) for plan in default_plan)
    assert 0.15 * mediated_at_trial < joint < 0.5 * mediated_at_trial


def test_open_referrals_are_dated_so_some_are_overdue_and_some_due_soon(default_plan):
    due = []
    for plan in default_plan:
        if not plan.route.endswith((":referred", ":in_mediation")):
            continue
        sent = [step for step in plan.steps if step.action == "refer"][-1]
        stage = parse_route(plan.route)[0][-1][0]
        due.append(sent.at + timedelta(days=referral_period(stage, NOW.date())))
        assert plan.steps[-1].at < NOW
    overdue = sum(when < NOW for when in due)
    soon = sum(NOW <= when <= NOW + timedelta(days=3) for when in due)
    assert 0.1 * len(due) < overdue < 0.3 * len(due)
    assert 0.1 * len(due) < soon < 0.3 * len(due)


def test_settlements_name_an_amount_and_decisions_fit_the_stage(default_plan):
    kinds = {
        "police": AgencyKind.POLICE,
        "procuratorate": AgencyKind.PROCURATORATE,
        "court": AgencyKind.COURT,
        "civil": AgencyKind.MEDIATION_COMMITTEE,
    }
    for plan in default_plan:
        stage, settled = parse_route(plan.route)[0][0][0], None
        for step in plan.steps:
            if step.action == "transfer":
                stage = {PROCURATORATE: "procuratorate", COURT: "court"}[step.agency]
            if step.action in ("settle", "fail"):
                settled = step.action == "settle"
            if step.action == "settle":
                assert step.amount > 0 and f"{step.amount:,}元" in step.note, plan.route
            if step.action == "decide":
                assert step.decision in DECISIONS[kinds[stage]][settled], plan.route


def _mediated_at_trial(route: str) -> bool:
    episodes, _closed = parse_route(route)
    return any(stage == "court" and "accept" in OUTCOME_STEPS[o] for stage, o in episodes if o)


def test_a_small_demo_still_shows_every_state_and_stage():
    plans = plan_cases(79, now=NOW)
    assert {p.final_state for p in plans} == set(CaseState.values)
    assert {p.final_stage for p in plans} == set(Stage.values)


def test_the_same_seed_plans_the_same_demo():
    assert plan_cases(60, now=NOW) == plan_cases(60, now=NOW)
    assert plan_cases(60, now=NOW, seed=1) != plan_cases(60, now=NOW)


def test_every_step_falls_in_the_year_before_now_in_order():
    for plan in plan_cases(200, now=NOW):
        times = [step.at for step in plan.steps]
        assert times == sorted(times)
        assert NOW - timedelta(days=366) < times[0]
        assert times[-1] < NOW
        assert plan.occurred_on <= times[0].date()


def test_people_have_valid_id_numbers_and_mobiles():
    people = [
        party.person
        for plan in plan_cases(200, now=NOW)
        for party in (*plan.parties, plan.relative)
        if party is not None and party.person is not None
    ]
    assert people
    for person in people:
        assert id_number_problem(person.id_number, today=NOW.date()) is None, person.id_number
        assert person.id_number[6:14] == f"{person.birth_date:%Y%m%d}"
        assert int(person.id_number[16]) % 2 == (1 if person.male else 0)
        assert len(person.phone) == 11 and person.phone[:2] in ("13", "15", "18")
    assert len({p.id_number for p in people}) == len(people)


def test_apportion_is_exact_and_gives_each_share_its_minimum():
    assert apportion(89, [70, 7, 6, 6]) == [70, 7, 6, 6]
    assert sum(apportion(101, [3, 2, 1])) == 101
    assert apportion(80, [1000, 1, 1], minimum=1) == [78, 1, 1]


def test_every_scenario_route_parses():
    for route, _ in SCENARIOS:
        episodes, _closed = parse_route(route)
        assert episodes
    with pytest.raises(ValueError, match="bad route part"):
        parse_route("police:bribed")
