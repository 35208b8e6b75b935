"""Plan the demo's cases: who, what happened, and every lifecycle step with its date.

Planning is pure (no database), deterministic for a seed and a "now", and separate from building,
so the mix can be checked on the full default size without loading it.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from concord.cases.choices import CaseKind, CaseState, DisputeType, PartyRole, Stage
from concord.cases.lifecycle import TRANSITIONS

from .district import (
    CENTRE,
    COURT,
    DISTRICT,
    POLICE,
    POLICE_ROOMS,
    PROCURATORATE,
    SUBDISTRICT_ROOMS,
    mediators_of,
)
from .people import Person, PersonFactory, town_and_road
from .scenarios import CIVIL_MIX, EARLY_MIX, PUBLIC_INTEREST_OFFENCES, SCENARIOS, TRIAL_MIX
from .stories import CIVIL_STORIES, CRIMINAL_STORIES, GRADE_WORDS, OFFENCE_TITLES, Story

SEED = 20250416  # the day the white paper was released

# The lifecycle transitions each outcome takes, from a case that has not been screened at this
# stage; "screen" becomes "rescreen" when an earlier stage already screened the case.
_MEDIATED = ("screen", "refer", "accept")
OUTCOME_STEPS: dict[str, tuple[str, ...]] = {
    "registered": (),
    "screening": ("screen",),
    "declined": ("screen", "decline"),
    "referred": ("screen", "refer"),
    "refused": ("screen", "refer", "refuse"),
    "in_mediation": _MEDIATED,
    "withdrawn": (*_MEDIATED, "withdraw"),
    "failed": (*_MEDIATED, "fail"),
    "signed": (*_MEDIATED, "sign"),
    "review": (*_MEDIATED, "sign", "submit_review"),
    "rejected": (*_MEDIATED, "sign", "submit_review", "reject"),
    "settled": (*_MEDIATED, "sign", "submit_review", "approve"),
}
# Steps the mediation side takes; the agency holding the case takes the others.
MEDIATOR_STEPS = frozenset({"accept", "refuse", "withdraw", "fail", "sign", "submit_review"})

STAGE_OF = {
    "police": Stage.INVESTIGATION,
    "procuratorate": Stage.PROSECUTION,
    "court": Stage.TRIAL,
    "civil": Stage.CIVIL,
}
AGENCY_OF = {"police": POLICE, "procuratorate": PROCURATORATE, "court": COURT, "civil": CENTRE}
# Who acts for the holding agency: the judge assistant prepares, the judge decides.
HOLDER_OF = {"police": "police", "procuratorate": "prosecutor", "civil": "coordinator"}
COURT_PREPARES = frozenset({"screen", "rescreen", "refer", "decline"})

# Days each step takes after the one before it: (fewest, most).
GAPS: dict[str, tuple[int, int]] = {
    "register": (1, 3),
    "register_civil": (3, 25),
    "relative": (0, 4),
    "screen": (0, 3),
    "rescreen": (2, 8),
    "decline": (1, 4),
    "refer": (0, 3),
    "accept": (1, 4),
    "refuse": (2, 8),
    "sign": (5, 30),
    "withdraw": (5, 20),
    "fail": (7, 30),
    "submit_review": (0, 3),
    "approve": (2, 10),
    "reject": (3, 10),
    "transfer_procuratorate": (15, 45),
    "transfer_court": (20, 45),
    "close_police": (3, 20),
    "close_procuratorate": (7, 30),
    "close_court": (10, 40),
}
OPEN_STATES = frozenset(
    {
        CaseState.REGISTERED,
        CaseState.SCREENING,
        CaseState.REFERRED,
        CaseState.IN_MEDIATION,
        CaseState.AGREEMENT_SIGNED,
        CaseState.UNDER_REVIEW,
    }
)
# The demo covers one year; open criminal cases moved within the last few weeks.
YEAR_DAYS = 364
RECENT_DAYS = 75

NOTES = {
    "transfer_procuratorate": "侦查终结，移送审查起诉",
    "transfer_court": "提起公诉",
    "close_police": "双方达成和解，犯罪情节轻微，依法撤销案件",
    "close_procuratorate": "双方达成和解，犯罪嫌疑人取得被害人谅解，作出不起诉决定",
    "close_court_settled": "判决已生效：被告人赔偿损失并取得被害人谅解，依法从宽处罚",
    "close_court": "判决已生效",
    "decline_prior": (
        "犯罪嫌疑人五年以内曾经故意犯罪，不适用刑事和解（刑事诉讼法第二百八十八条第二款）"
    ),
    "decline_civil": "一方当事人明确拒绝调解（人民调解法第十七条）",
    "refuse": "被害人明确表示不接受调解",
    "withdraw": "当事人申请撤回调解",
    "fail": "双方对赔偿数额分歧较大，调解不成",
    "reject": "经审查，协议赔偿条款显失公平，不予确认",
    "approve": "经审查，协议系双方自愿达成，内容合法，予以确认",
}


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
class StepPlan:
    action: str  # a lifecycle transition, or register, relative, transfer, close
    at: datetime
    actor: str  # username
    agency: str = ""  # register: where; refer: the committee; transfer: the next agency
    note: str = ""


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


def parse_route(route: str) -> tuple[list[tuple[str, str]], bool]:
    """Return the route's (stage, outcome) episodes and whether the case is closed at its end."""
    parts = [part.strip() for part in route.split(">")]
    closed = parts[-1] == "close"
    episodes = []
    for part in parts[:-1] if closed else parts:
        stage, _, outcome = part.partition(":")
        if stage not in STAGE_OF or (outcome and outcome not in OUTCOME_STEPS):
            raise ValueError(f"bad route part {part!r} in {route!r}")
        episodes.append((stage, outcome))
    return episodes, closed


def format_route(episodes: list[tuple[str, str]], closed: bool) -> str:
    parts = [f"{stage}:{outcome}" if outcome else stage for stage, outcome in episodes]
    return " > ".join([*parts, "close"] if closed else parts)


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
    for route in routes:
        group = "civil" if route.startswith("civil") else "trial" if "court" in route else "early"
        plans.append(_plan_case(rng, people, route, subjects[group].pop(), now))
    plans.sort(key=lambda plan: plan.steps[0].at)
    return plans


def _spread_routes(rng: random.Random, count: int) -> list[str]:
    counts = apportion(count, [weight for _, weight in SCENARIOS], minimum=1)
    routes = [route for (route, _), n in zip(SCENARIOS, counts, strict=True) for _ in range(n)]
    rng.shuffle(routes)
    return routes


def _plan_case(
    rng: random.Random, people: PersonFactory, route: str, subject: str, now: datetime
) -> CasePlan:
    episodes, closed = parse_route(route)
    civil = episodes[0][0] == "civil"
    if subject in PUBLIC_INTEREST_OFFENCES:
        episodes = [(stage, outcome if stage == "court" else "") for stage, outcome in episodes]
        route = format_route(episodes, closed)
    story = rng.choice(CIVIL_STORIES[subject] if civil else CRIMINAL_STORIES[subject])
    declined = any(outcome == "declined" for _, outcome in episodes)
    timeline = _Timeline(rng, subject, civil)
    steps, final_state = timeline.walk(episodes, closed, declined=declined)
    # Open cases moved recently; closed and concluded ones fall anywhere in the year.
    recent = final_state in OPEN_STATES or (not civil and not closed)
    occurred_on, steps = _anchor(rng, steps, now, recent=recent)
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


class _Timeline:
    """Walk a route through the lifecycle, choosing actors and day gaps for each step."""

    def __init__(self, rng: random.Random, subject: str, civil: bool) -> None:
        self.rng = rng
        self.subject = subject
        self.civil = civil
        self.steps: list[tuple[str, int, str, str, str]] = []  # action, gap, actor, agency, note

    def add(self, action: str, gap_key: str, actor: str, agency: str = "", note: str = ""):
        low, high = GAPS[gap_key]
        self.steps.append((action, self.rng.randint(low, high), actor, agency, note))

    def walk(self, episodes, closed: bool, *, declined: bool):
        first = episodes[0][0]
        holder = HOLDER_OF.get(first, "police")
        self.add(
            "register", "register_civil" if self.civil else "register", holder, AGENCY_OF[first]
        )
        if not self.civil and self.rng.random() < 0.12:
            self.add("relative", "relative", holder)
        state = CaseState.REGISTERED
        for index, (stage, outcome) in enumerate(episodes):
            if index:
                previous = episodes[index - 1][0]
                self.add(
                    "transfer",
                    f"transfer_{stage}",
                    self._holder(previous, "transfer"),
                    AGENCY_OF[stage],
                    NOTES[f"transfer_{stage}"],
                )
            state = self._mediate(stage, outcome, state, declined)
        if closed:
            stage = episodes[-1][0]
            key = f"close_{stage}"
            if stage == "court" and state == CaseState.SETTLED:
                note = NOTES["close_court_settled"]
            else:
                note = NOTES[key]
            self.add("close", key, self._holder(stage, "close"), note=note)
        return self.steps, state

    def _mediate(self, stage: str, outcome: str, state: str, declined: bool) -> str:
        if not outcome:
            return state
        committee = self._committee(stage)
        mediator = self.rng.choice(mediators_of(committee))
        for name in OUTCOME_STEPS[outcome]:
            action = "rescreen" if name == "screen" and state != CaseState.REGISTERED else name
            transition = TRANSITIONS[action]
            if state not in transition.sources:
                raise ValueError(f"{action} is not allowed from {state}")
            actor = mediator if action in MEDIATOR_STEPS else self._holder(stage, action)
            self.add(
                action,
                action,
                actor,
                committee if action == "refer" else "",
                self._note(action, declined),
            )
            state = transition.target
        return state

    def _holder(self, stage: str, action: str) -> str:
        if stage == "court":
            return "assistant" if action in COURT_PREPARES else "judge"
        return HOLDER_OF[stage]

    def _note(self, action: str, declined: bool) -> str:
        if action == "decline":
            return NOTES["decline_civil" if self.civil or not declined else "decline_prior"]
        return NOTES.get(action, "")

    def _committee(self, stage: str) -> str:
        """Return the committee a case is referred to, as the centre's triage would."""
        rng, subject = self.rng, self.subject
        if stage == "court":
            return "sj-court-room"
        if stage == "procuratorate":
            return "sj-proc-room"
        if stage == "police":
            if subject == "133":
                return "sj-traffic"
            return rng.choice((*POLICE_ROOMS, *POLICE_ROOMS, CENTRE))
        return {
            DisputeType.MEDICAL: "sj-medical",
            DisputeType.TRAFFIC: "sj-traffic",
            DisputeType.LOAN: CENTRE,
        }.get(subject) or rng.choice(SUBDISTRICT_ROOMS)


def _anchor(
    rng: random.Random, raw: list[tuple[str, int, str, str, str]], now: datetime, *, recent: bool
) -> tuple[date, tuple[StepPlan, ...]]:
    """Place the steps in the year before ``now``: each on a working hour, in order."""
    gaps = [gap for _, gap, *_ in raw]
    total = sum(gaps)
    if total > YEAR_DAYS - 30:  # squeeze a long route into the year
        gaps = [gap * (YEAR_DAYS - 30) // total for gap in gaps]
        total = sum(gaps)
    latest = now.date() - timedelta(days=1)
    earliest = latest - timedelta(days=YEAR_DAYS)
    if recent:
        end = latest - timedelta(days=rng.randint(0, RECENT_DAYS))
        start = max(earliest, end - timedelta(days=total))
    else:
        start = earliest + timedelta(days=rng.randint(0, max(0, YEAR_DAYS - total)))
    steps = []
    day, at = start, None
    for (action, _, actor, agency, note), gap in zip(raw, gaps, strict=True):
        day += timedelta(days=gap)
        if at is not None and day == at.date():
            at += timedelta(minutes=rng.randint(10, 40))
        else:
            office = time(9 + rng.randint(0, 6), rng.randint(0, 59))
            at = datetime.combine(day, office, tzinfo=now.tzinfo)
        steps.append(StepPlan(action, at, actor, agency, note))
    return start, tuple(steps)


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
    facts = story.facts.format(
        **names,
        when=f"{occurred_on.year}年{occurred_on.month}月{occurred_on.day}日",
        place=place,
        grade=GRADE_WORDS[grades[0]] if grades else "",
        amount=f"{rng.randrange(*story.amounts):,}",
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
