"""Plan the demo's cases: who, what happened, and every lifecycle step with its date.

Planning is pure (no database), deterministic for a seed and a "now", and separate from building,
so the mix can be checked on the full default size without loading it.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from concord.cases.choices import CaseKind, CaseState, DisputeType, PartyRole, Stage

from .district import DISTRICT
from .people import Person, PersonFactory, town_and_road
from .scenarios import CIVIL_MIX, EARLY_MIX, PUBLIC_INTEREST_OFFENCES, SCENARIOS, TRIAL_MIX
from .stories import CIVIL_STORIES, CRIMINAL_STORIES, GRADE_WORDS, OFFENCE_TITLES, Story
from .timeline import (
    DEADLINES,
    OPEN_STATES,
    STAGE_OF,
    StepPlan,
    Timeline,
    anchor,
    deadline_days,
    format_route,
    parse_route,
    referral_period,
)

SEED = 20250416  # the day the white paper was released


@dataclass(frozen=True)
class PartyPlan:
    role: str
    name: str
    person: Person | None = None  # None for an organisation
    phone: str = ""
    prior_intentional_crime_within_5_years: bool | None = None
    represents: int | None = None  # index of the party a relative acts for


@dataclass(frozen=True)
class InjuryPlan:
    grade: str
    victim_index: int
    appraisal_date: date | None
    provisional: bool


@dataclass(frozen=True)
class CasePlan:
    route: str
    kind: str
    offence: str  # Criminal Law article; "" for a civil dispute
    dispute_type: str
    title: str
    facts: str
    place: str
    occurred_on: date
    civil_dispute_origin: bool | None
    public_interest_litigation: bool
    parties: tuple[PartyPlan, ...]
    injuries: tuple[InjuryPlan, ...]
    relative: PartyPlan | None
    steps: tuple[StepPlan, ...]
    final_state: str
    final_stage: str

    @property
    def reached_trial(self) -> bool:
        return "court" in self.route


def apportion(total: int, weights: list[int], *, minimum: int = 0) -> list[int]:
    """Split ``total`` in proportion to ``weights`` (largest remainder), so a mix is exact.

    Each share gets at least ``minimum`` when the total allows it, so a small demo still shows
    every route.
    """
    floor = minimum if total >= minimum * len(weights) else 0
    rest = total - floor * len(weights)
    whole = sum(weights)
    exact = [rest * w / whole for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(weights)), key=lambda i: (shares[i] - exact[i], i))
    for i in by_remainder[: rest - sum(shares)]:
        shares[i] += 1
    return [floor + share for share in shares]


def _spread(rng: random.Random, total: int, mix: tuple[tuple[str, int], ...]) -> list[str]:
    counts = apportion(total, [weight for _, weight in mix])
    items = [key for (key, _), count in zip(mix, counts, strict=True) for _ in range(count)]
    rng.shuffle(items)
    return items


def plan_cases(count: int, *, now: datetime, seed: int = SEED) -> list[CasePlan]:
    """Plan ``count`` cases over the year before ``now``, ordered by registration."""
    rng = random.Random(seed)
    people = PersonFactory(rng)
    routes = _spread_routes(rng, count)
    trial = [r for r in routes if "court" in r]
    early = [r for r in routes if "court" not in r and not r.startswith("civil")]
    subjects = {
        "trial": _spread(rng, len(trial), TRIAL_MIX),
        "early": _spread(rng, len(early), EARLY_MIX),
        "civil": _spread(rng, len(routes) - len(trial) - len(early), CIVIL_MIX),
    }
    plans = []
    still_open = 0  # cases whose referral is open today, given their deadlines in turn
    for route in routes:
        group = "civil" if route.startswith("civil") else "trial" if "court" in route else "early"
        deadline = ""
        if route.endswith((":referred", ":in_mediation")):
            deadline = DEADLINES[still_open % len(DEADLINES)]
            still_open += 1
        plans.append(_plan_case(rng, people, route, subjects[group].pop(), now, deadline))
    plans.sort(key=lambda plan: plan.steps[0].at)
    return plans


def _spread_routes(rng: random.Random, count: int) -> list[str]:
    counts = apportion(count, [weight for _, weight in SCENARIOS], minimum=1)
    routes = [route for (route, _), n in zip(SCENARIOS, counts, strict=True) for _ in range(n)]
    rng.shuffle(routes)
    return routes


def _plan_case(
    rng: random.Random,
    people: PersonFactory,
    route: str,
    subject: str,
    now: datetime,
    deadline: str = "",
) -> CasePlan:
    """Plan one case; ``deadline`` is how its referral still open today stands."""
    episodes, closed = parse_route(route)
    civil = episodes[0][0] == "civil"
    if subject in PUBLIC_INTEREST_OFFENCES:
        episodes = [(stage, outcome if stage == "court" else "") for stage, outcome in episodes]
        route = format_route(episodes, closed)
    story = rng.choice(CIVIL_STORIES[subject] if civil else CRIMINAL_STORIES[subject])
    declined = any(outcome == "declined" for _, outcome in episodes)
    timeline = Timeline(rng, civil, 2 if civil else story.victims + story.suspects)
    steps, final_state = timeline.walk(episodes, closed, declined=declined)
    # Open cases moved recently; closed and concluded ones fall anywhere in the year. A referral
    # still open is sent so long ago that its deadline stands as planned.
    recent = final_state in OPEN_STATES or (not civil and not closed)
    pin = None
    if deadline:
        period = referral_period(episodes[-1][0], now.date())
        pin = (timeline.last_referral, deadline_days(deadline, period, rng))
    occurred_on, steps = anchor(rng, steps, now, recent=recent, pin=pin)
    return _describe(
        rng,
        people,
        route=route,
        subject=subject,
        story=story,
        civil=civil,
        occurred_on=occurred_on,
        steps=steps,
        final_state=final_state,
        final_stage=Stage.CLOSED if closed else STAGE_OF[episodes[-1][0]],
        declined=declined,
        provisional=route == "police:registered",
    )


def _describe(
    rng: random.Random,
    people: PersonFactory,
    *,
    route: str,
    subject: str,
    story: Story,
    civil: bool,
    occurred_on: date,
    steps: tuple[StepPlan, ...],
    final_state: str,
    final_stage: str,
    declined: bool,
    provisional: bool,
) -> CasePlan:
    """Invent the parties and write the facts for a planned case."""
    town, road = town_and_road(rng)
    venue = rng.choice(story.venues)
    place = f"{DISTRICT}{town}{road}{venue}"
    if civil:
        parties, names = _civil_parties(rng, people, story, occurred_on)
        victims = [0]
        title = f"{names['a']}与{names['b']}{CIVIL_TITLES[subject]}"
    else:
        parties, names = _criminal_parties(people, story, occurred_on, declined=declined)
        victims = list(range(story.victims))
        suspects = [p.person.alias for p in parties if p.role == PartyRole.SUSPECT and p.person]
        title = "、".join(suspects) + OFFENCE_TITLES[subject] + "案"
    grades = [rng.choice(story.grades) for _ in victims] if story.grades else []
    claimed = rng.randrange(*story.amounts)
    facts = story.facts.format(
        **names,
        when=f"{occurred_on.year}年{occurred_on.month}月{occurred_on.day}日",
        place=place,
        grade=GRADE_WORDS[grades[0]] if grades else "",
        amount=f"{claimed:,}",
    )
    steps = tuple(
        _settlement(rng, step, civil=civil, names=names, grades=grades, claimed=claimed)
        if step.action == "settle"
        else step
        for step in steps
    )
    injuries = tuple(
        InjuryPlan(
            grade=grade,
            victim_index=victim,
            appraisal_date=None if provisional else occurred_on + timedelta(rng.randint(7, 25)),
            provisional=provisional,
        )
        for victim, grade in zip(victims, grades, strict=False)
    )
    relative = None
    if any(step.action == "relative" for step in steps):
        suspect_index = len(parties) - 1
        parent = people.person(on=occurred_on, min_age=45, max_age=75)
        relative = replace(_party(PartyRole.CLOSE_RELATIVE, parent), represents=suspect_index)
    return CasePlan(
        route=route,
        kind=_kind(subject, civil),
        offence="" if civil else subject,
        dispute_type=subject if civil else story.dispute_type,
        title=title,
        facts=facts,
        place=place,
        occurred_on=occurred_on,
        civil_dispute_origin=None if civil else story.civil_dispute_origin,
        public_interest_litigation=subject in PUBLIC_INTEREST_OFFENCES,
        parties=tuple(parties),
        injuries=injuries,
        relative=relative,
        steps=steps,
        final_state=final_state,
        final_stage=final_stage,
    )


# What a settled criminal mediation pays, by the injury grade of the (first) victim: least, most.
SETTLEMENT_BY_GRADE = {
    "slight": (3_000, 20_000),
    "minor_2": (20_000, 80_000),
    "minor_1": (50_000, 150_000),
    "serious_2": (150_000, 400_000),
}


def _settlement(
    rng: random.Random,
    step: StepPlan,
    *,
    civil: bool,
    names: dict[str, str],
    grades: list[str],
    claimed: int,
) -> StepPlan:
    """Write the agreement of a settled mediation: what is paid, and the apology or release."""
    if civil:
        # A civil claim settles for part of what was claimed.
        amount = round(claimed * rng.randint(60, 100) / 100, -2)
        summary = (
            f"{names['b']}于协议签订之日起三十日内向{names['a']}支付人民币{amount:,.0f}元，"
            "双方就本纠纷再无其他争议。"
        )
    else:
        low, high = SETTLEMENT_BY_GRADE[grades[0]] if grades else (5_000, 50_000)
        amount = rng.randrange(low, high, 500)
        losses = "医疗费、误工费、护理费等各项经济损失" if grades else "各项损失"
        summary = (
            f"{names['s']}向{names['v']}赔礼道歉，并一次性赔偿{losses}共计人民币{amount:,.0f}元；"
            f"{names['v']}对{names['s']}的行为表示谅解，请求司法机关依法从宽处理。"
        )
    return replace(step, note=summary, amount=int(amount))


def _civil_parties(
    rng: random.Random, people: PersonFactory, story: Story, on: date
) -> tuple[list[PartyPlan], dict[str, str]]:
    low, high = story.applicant_ages
    applicant = people.person(on=on, min_age=low, max_age=high)
    if story.organisations:
        name = rng.choice(story.organisations)
        landline = f"021{rng.randrange(10**8):08d}"  # Shanghai numbers: 021 + 8 digits
        respondent = PartyPlan(PartyRole.RESPONDENT, name, None, landline)
    else:
        respondent = _party(PartyRole.RESPONDENT, people.person(on=on, avoid=applicant.name[0]))
    names = {"a": applicant.alias, "b": _alias(respondent)}
    return [_party(PartyRole.APPLICANT, applicant), respondent], names


def _criminal_parties(
    people: PersonFactory, story: Story, on: date, *, declined: bool
) -> tuple[list[PartyPlan], dict[str, str]]:
    # Men are most of those charged with violent offences; victims are more mixed.
    victims = [people.person(on=on, max_age=75) for _ in range(story.victims)]
    taken = "".join(v.name[0] for v in victims)
    suspects = []
    for _ in range(story.suspects):
        suspects.append(people.person(on=on, min_age=19, max_age=58, male_share=0.9, avoid=taken))
        taken += suspects[-1].name[0]
    parties = [_party(PartyRole.VICTIM, v) for v in victims]
    parties += [_party(PartyRole.SUSPECT, s, prior=declined) for s in suspects]
    names = {
        "s": suspects[0].alias,
        "s2": suspects[-1].alias,
        "v": victims[0].alias,
        "v2": victims[-1].alias,
    }
    return parties, names


CIVIL_TITLES = {
    DisputeType.LOAN: "民间借贷纠纷",
    DisputeType.NEIGHBOUR: "邻里纠纷",
    DisputeType.FAMILY: "婚姻家庭纠纷",
    DisputeType.MEDICAL: "医疗纠纷",
    DisputeType.TRAFFIC: "交通事故损害赔偿纠纷",
}


def _kind(subject: str, civil: bool) -> str:
    if civil:
        return CaseKind.CIVIL_DISPUTE
    if subject in PUBLIC_INTEREST_OFFENCES:
        return CaseKind.CRIMINAL_PUBLIC_INTEREST
    return CaseKind.MINOR_CRIMINAL


def _party(role: str, person: Person, *, prior: bool | None = None) -> PartyPlan:
    return PartyPlan(
        role=role,
        name=person.name,
        person=person,
        phone=person.phone,
        prior_intentional_crime_within_5_years=prior if role == PartyRole.SUSPECT else None,
    )


def _alias(party: PartyPlan) -> str:
    return party.person.alias if party.person else party.name


def offence_mix(plans: list[CasePlan], *, trial: bool) -> dict[str, float]:
    """Return each offence's share of the criminal cases that did (not) reach trial."""
    offences = Counter(p.offence for p in plans if p.offence and p.reached_trial == trial)
    total = sum(offences.values())
    return {article: count / total for article, count in offences.items()}


def mediation_rate(plans: list[CasePlan]) -> float:
    """Return settled / (settled + failed + withdrawn) over the criminal cases' final states."""
    ended = Counter(
        p.final_state
        for p in plans
        if p.offence and p.final_state in (CaseState.SETTLED, CaseState.FAILED, CaseState.WITHDRAWN)
    )
    return ended[CaseState.SETTLED] / sum(ended.values())
