"""Walk a case's route through the lifecycle and date every step.

A route (``scenarios.py``) says at which stages a case was mediated and how that ended; this
module turns it into the lifecycle transitions the services will take, who takes each (the agency
holding the case, or a mediator of the committee it was referred to), and on which working day.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from concord.cases.choices import CaseState, DisputeType, Stage
from concord.cases.lifecycle import TRANSITIONS

from .district import (
    CENTRE,
    COURT,
    POLICE,
    POLICE_ROOMS,
    PROCURATORATE,
    SUBDISTRICT_ROOMS,
    mediators_of,
)

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
# Besides the lifecycle transitions a route takes two more kinds of step. "facts": the agency
# holding a criminal case records the screening facts (the suspect repents, the victim is willing)
# before it refers the case, and that the victim is no longer willing when mediation was refused
# or, sometimes, withdrawn or failed. "joint": at trial the judge and the legal-aid lawyer join
# the studio's mediator as a joint mediation team.
READY = (("suspect_repents", True), ("victim_willing", True))
UNWILLING = (("victim_willing", False),)
# How often the victim is recorded as no longer willing after mediation ended without agreement.
UNWILLING_SHARE = {"refuse": 1.0, "withdraw": 0.5, "fail": 0.3}
JOINT_SHARE = 0.3  # of the cases mediated at trial

STAGE_OF = {
    "police": Stage.INVESTIGATION,
    "procuratorate": Stage.PROSECUTION,
    "court": Stage.TRIAL,
    "civil": Stage.CIVIL,
}
AGENCY_OF = {"police": POLICE, "procuratorate": PROCURATORATE, "court": COURT, "civil": CENTRE}
# Who acts for the holding agency: the judge assistant prepares, the judge decides.
HOLDER_OF = {"police": "police", "procuratorate": "prosecutor", "civil": "coordinator"}
COURT_PREPARES = frozenset({"screen", "rescreen", "refer", "decline", "facts"})

# Days each step takes after the one before it: (fewest, most).
GAPS: dict[str, tuple[int, int]] = {
    "register": (1, 3),
    "register_civil": (3, 25),
    "relative": (0, 4),
    "facts": (0, 1),
    "facts_after": (0, 3),
    "joint": (0, 2),
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
class StepPlan:
    action: str  # a lifecycle transition, or register, relative, transfer, close, facts, joint
    at: datetime
    actor: str  # username
    agency: str = ""  # register: where; refer: the committee; transfer: the next agency
    note: str = ""
    facts: tuple[tuple[str, bool], ...] = ()  # facts: the case fields recorded, and their values


# A step before it is dated: action, days after the step before, actor, agency, note, facts.
RawStep = tuple[str, int, str, str, str, tuple[tuple[str, bool], ...]]


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


class Timeline:
    """Walk a route through the lifecycle, choosing actors and day gaps for each step."""

    def __init__(self, rng: random.Random, subject: str, civil: bool) -> None:
        self.rng = rng
        self.subject = subject
        self.civil = civil
        self.steps: list[RawStep] = []
        self.facts: dict[str, bool] = {}  # the screening facts recorded so far

    def add(
        self,
        action: str,
        gap_key: str,
        actor: str,
        agency: str = "",
        note: str = "",
        facts: tuple[tuple[str, bool], ...] = (),
    ):
        low, high = GAPS[gap_key]
        self.steps.append((action, self.rng.randint(low, high), actor, agency, note, facts))

    def record(self, gap_key: str, actor: str, facts: tuple[tuple[str, bool], ...]) -> None:
        """Have the holder record those of ``facts`` the case does not show yet."""
        changed = tuple((name, value) for name, value in facts if self.facts.get(name) != value)
        if changed:
            self.add("facts", gap_key, actor, facts=changed)
            self.facts.update(changed)

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
            if self.civil:  # civil disputes are not screened: no facts to record
                continue
            if action in ("screen", "rescreen") and "refer" in OUTCOME_STEPS[outcome]:
                self.record("facts", self._holder(stage, "facts"), READY)
            elif action == "accept" and stage == "court" and self.rng.random() < JOINT_SHARE:
                self.add("joint", "joint", self._holder(stage, "joint"))
            elif action in UNWILLING_SHARE and self.rng.random() < UNWILLING_SHARE[action]:
                self.record("facts_after", self._holder(stage, "facts"), UNWILLING)
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


def anchor(
    rng: random.Random, raw: list[RawStep], now: datetime, *, recent: bool
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
    for (action, _, actor, agency, note, facts), gap in zip(raw, gaps, strict=True):
        day += timedelta(days=gap)
        if at is not None and day == at.date():
            at += timedelta(minutes=rng.randint(10, 40))
        else:
            office = time(9 + rng.randint(0, 6), rng.randint(0, 59))
            at = datetime.combine(day, office, tzinfo=now.tzinfo)
        steps.append(StepPlan(action, at, actor, agency, note, facts))
    return start, tuple(steps)
