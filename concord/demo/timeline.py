"""Walk a case's route through the lifecycle and date every step.

A route (``scenarios.py``) says at which stages a case was mediated and how that ended; this
module turns it into the steps the services will take — the case's own (register, screen,
transfer, close) and, where it was mediated, a referral's journey (send, each party's answer,
triage, assignment, outcome, feedback, decision) — who takes each (the agency holding the case,
the centre's coordinator, the referral's lead mediator), and on which working day. Which
committee and which mediator are not planned here: the centre's triage rule and the assignment
ranking choose them when the demo is built.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from concord.cases.choices import CaseState, Stage
from concord.cases.lifecycle import TRANSITIONS
from concord.law.params import registry
from concord.referrals.choices import Decision

from .district import ASSIGNER, CENTRE, COURT, POLICE, PROCURATORATE

# The lifecycle transitions the case takes for each outcome, from a case not yet screened at this
# stage ("screen" becomes "rescreen" when an earlier stage screened it). Only screen, rescreen and
# decline are taken on the case itself; from "refer" on, each is the effect of a referral service
# (send, a party's refusal, assignment, the outcome, the feedback letter, the agency's decision),
# except "reject", which the holder takes on the case after reviewing the agreement. A withdrawn
# mediation is one a party pulled out of (refused) before the mediator was assigned.
_MEDIATED = ("screen", "refer", "accept")
OUTCOME_STEPS: dict[str, tuple[str, ...]] = {
    "registered": (),
    "screening": ("screen",),
    "declined": ("screen", "decline"),
    "referred": ("screen", "refer"),
    "refused": ("screen", "refer", "refuse"),
    "in_mediation": _MEDIATED,
    "withdrawn": ("screen", "refer", "refuse"),
    "failed": (*_MEDIATED, "fail"),
    "signed": (*_MEDIATED, "sign"),
    "review": (*_MEDIATED, "sign", "submit_review"),
    "rejected": (*_MEDIATED, "sign", "submit_review", "reject"),
    "settled": (*_MEDIATED, "sign", "submit_review", "approve"),
}
# The steps of a referral's journey (concord/referrals/services), and "reject".
#   refer     referral_send, from the agency holding the case to the centre
#   consent   referral_consent: one party's answer (StepPlan.party, StepPlan.answer)
#   triage    referral_triage, to the committee the centre's rule suggests
#   assign    referral_assign: the best-ranked mediator, or the second with a reason (note)
#   settle    referral_outcome, settled: agreement (note) and amount
#   fail      referral_outcome, failed: the reasons (note)
#   feedback  referral_feedback: the letter back to the referring agency
#   decide    referral_decide: the referring agency's decision (StepPlan.decision)
REFERRAL_STEPS = frozenset(
    {"refer", "consent", "triage", "assign", "settle", "fail", "feedback", "decide"}
)
# Who takes the mediation side's steps: the referral's lead mediator, known once assigned.
LEAD = "lead"
# Besides these a route takes two more kinds of step. "facts": the agency holding a criminal case
# records the screening facts (the suspect repents, the victim is willing) before it refers the
# case, and that the victim is no longer willing when mediation was refused or, sometimes,
# withdrawn or failed. "relative": a close relative of the suspect joins the case.
READY = (("suspect_repents", True), ("victim_willing", True))
UNWILLING = (("victim_willing", False),)
# How often the victim is recorded as no longer willing after a mediation that ended this way.
UNWILLING_SHARE = {"refused": 1.0, "withdrawn": 0.5, "failed": 0.3}
JOINT_SHARE = 0.3  # of the cases mediated at trial: the judge and legal-aid lawyer join the team
OVERRIDE_SHARE = 0.08  # of assignments: the coordinator picks the second-ranked, with a reason
# Where an open referral waits: a case "referred" at these stages is already triaged.
TRIAGED_AT = frozenset({"procuratorate", "court"})
# A failed mediation at the stage the case is still at: how far the referral has come back.
# At the police the outcome is recorded and the feedback letter not yet sent; at the
# procuratorate the letter is sent and the decision is awaited; elsewhere the agency has decided.
FAILED_STOPS_AT = {"police": "fail", "procuratorate": "feedback"}

STAGE_OF = {
    "police": Stage.INVESTIGATION,
    "procuratorate": Stage.PROSECUTION,
    "court": Stage.TRIAL,
    "civil": Stage.CIVIL,
}
AGENCY_OF = {"police": POLICE, "procuratorate": PROCURATORATE, "court": COURT, "civil": CENTRE}
# Who acts for the holding agency: the judge assistant prepares, the judge refers and decides.
HOLDER_OF = {"police": "police", "procuratorate": "prosecutor", "civil": "coordinator"}
COURT_PREPARES = frozenset({"screen", "rescreen", "decline", "facts", "consent"})

# Days each step takes after the one before it: (fewest, most).
GAPS: dict[str, tuple[int, int]] = {
    "register": (1, 3),
    "register_civil": (3, 25),
    "relative": (0, 4),
    "facts": (0, 1),
    "facts_after": (0, 3),
    "screen": (0, 3),
    "rescreen": (2, 8),
    "decline": (1, 4),
    "refer": (0, 3),
    "consent": (0, 3),
    "refuse": (2, 8),
    "triage": (0, 2),
    "withdraw": (2, 10),
    "assign": (1, 4),
    "settle": (5, 30),
    "fail": (7, 30),
    "feedback": (0, 3),
    "decide": (2, 10),
    "decide_failed": (1, 5),
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
# How the deadline of a referral still open today stands: the referral is sent so many days
# before today that its period (the dated default for the stage) ends as the status says.
DEADLINES = ("normal", "overdue", "normal", "soon", "normal")

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
    "refer": "犯罪嫌疑人认罪悔罪，被害人同意调解，委派人民调解组织开展刑事和解调解",
    "refer_civil": "当事人申请人民调解，委派调解委员会受理",
    "refuse": "被害人明确表示不接受调解，要求依法追究刑事责任",
    "refuse_civil": "被申请人明确表示不同意调解（人民调解法第十七条）",
    "withdraw": "经慎重考虑，不愿继续调解，申请撤回",
    "reject": "经审查，协议赔偿条款显失公平，不予确认",
}
FAIL_NOTES = (
    "双方对赔偿数额分歧较大，调解不成",
    "被害方要求的赔偿数额远超对方承受能力，经多次调解未能达成一致",
    "一方当事人未按约定到场，经两次通知仍未参加调解，调解不成",
)
OVERRIDE_REASONS = (
    "当事人申请由熟悉当地情况的调解员主持调解",
    "得分最高的调解员本周外出培训，为免延误改派",
    "被害人要求由女性调解员主持调解",
)
DECISION_NOTES = {
    Decision.LENIENCY_SUGGESTION: "双方已达成和解并履行完毕，移送审查起诉时建议从宽处理",
    Decision.WITHDRAWAL: "双方达成和解，犯罪情节轻微，依法撤销案件",
    Decision.NON_ARREST: "犯罪嫌疑人赔偿损失并取得谅解，不批准逮捕",
    Decision.NON_PROSECUTION: "犯罪嫌疑人赔偿损失并取得被害人谅解，依法作出不起诉决定",
    Decision.LENIENT_SENTENCING_RECOMMENDATION: "被告人赔偿损失并取得谅解，提出从宽量刑建议",
    Decision.LIGHTER_SENTENCE: "被告人赔偿损失并取得被害人谅解，依法从轻处罚",
    Decision.EXEMPTION: "犯罪情节轻微，赔偿损失并取得谅解，依法免予刑事处罚",
    Decision.CONTINUE: "调解不成，依法继续诉讼程序",
    Decision.CIVIL_CLOSED: "经审查，协议系双方自愿达成，内容合法，纠纷化解，结案",
}


@dataclass(frozen=True)
class StepPlan:
    action: str  # register, relative, link, transfer, close, facts, a transition or a referral step
    at: datetime
    actor: str  # username; LEAD for the referral's lead mediator
    agency: str = ""  # register: where; refer: the centre; transfer: the next agency
    note: str = ""  # the note; refer: the reason; consent: a refusal's reason; assign: override
    facts: tuple[tuple[str, bool], ...] = ()  # facts: the case fields recorded, and their values
    party: int | None = None  # consent: the party who answers (index into the plan's parties)
    answer: str = ""  # consent: "online", "paper" or "refused"
    joint: bool = False  # assign: the judge and the legal-aid lawyer join the team
    amount: int | None = None  # settle: the amount agreed, in yuan
    decision: str = ""  # decide: the referring agency's decision (referrals.choices.Decision)


# A step before it is dated: the days after the step before, and the StepPlan's other fields.
RawStep = tuple[int, dict]


def referral_period(stage: str, on: date) -> int:
    """Days a referral sent at ``stage`` on ``on`` may take, by the dated default."""
    return int(registry().get("procedure.referral_periods", on).value[STAGE_OF[stage]])


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

    def __init__(self, rng: random.Random, civil: bool, parties: int = 2) -> None:
        self.rng = rng
        self.civil = civil
        self.parties = parties  # the principal parties, each of whom answers a referral
        self.steps: list[RawStep] = []
        self.facts: dict[str, bool] = {}  # the screening facts recorded so far
        self.last_referral = -1  # index of the last "refer" step

    def add(self, action: str, gap_key: str, actor: str, **fields) -> None:
        low, high = GAPS[gap_key]
        if action == "refer":
            self.last_referral = len(self.steps)
        self.steps.append(
            (self.rng.randint(low, high), {"action": action, "actor": actor, **fields})
        )

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
            "register",
            "register_civil" if self.civil else "register",
            holder,
            agency=AGENCY_OF[first],
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
                    agency=AGENCY_OF[stage],
                    note=NOTES[f"transfer_{stage}"],
                )
            last = index == len(episodes) - 1
            then = ("close" if closed else "") if last else "transfer"
            state = self._mediate(stage, outcome, state, declined, then)
        if closed:
            stage = episodes[-1][0]
            key = f"close_{stage}"
            if stage == "court" and state == CaseState.SETTLED:
                note = NOTES["close_court_settled"]
            else:
                note = NOTES[key]
            self.add("close", key, self._holder(stage, "close"), note=note)
        return self.steps, state

    def _mediate(self, stage: str, outcome: str, state: str, declined: bool, then: str) -> str:
        """Add the steps of one stage's mediation; return the case's state after them.

        ``then`` is what follows at this stage: "transfer", "close", or "" (the case is there now).
        """
        if not outcome:
            return state
        screen = "screen" if state == CaseState.REGISTERED else "rescreen"
        for name in OUTCOME_STEPS[outcome]:
            transition = TRANSITIONS[screen if name == "screen" else name]
            if state not in transition.sources:
                raise ValueError(f"{transition.name} is not allowed from {state}")
            state = transition.target
        holder = functools.partial(self._holder, stage)
        self.add(screen, screen, holder(screen))
        if outcome == "declined":
            self.add("decline", "decline", holder("decline"), note=self._decline_note(declined))
        if "refer" not in OUTCOME_STEPS[outcome]:
            return state
        if not self.civil:
            self.record("facts", holder("facts"), READY)
        reason = NOTES["refer_civil" if self.civil else "refer"]
        self.add("refer", "refer", holder("refer"), agency=CENTRE, note=reason)
        self._journey(stage, outcome, then, holder)
        unwilling = UNWILLING_SHARE.get(outcome, 0.0)
        if not self.civil and unwilling and self.rng.random() < unwilling:
            self.record("facts_after", holder("facts"), UNWILLING)
        return state

    def _journey(self, stage: str, outcome: str, then: str, holder) -> None:
        """The referral's steps after it was sent, up to where ``outcome`` leaves it."""
        everyone = range(self.parties)
        refusing = self.parties - 1 if self.civil else 0  # the respondent, or the victim
        if outcome == "referred" and stage not in TRIAGED_AT:
            self._consents(holder, [0])  # one party has answered; the centre has not triaged
            return
        if outcome == "refused":
            note = NOTES["refuse_civil" if self.civil else "refuse"]
            self.add(
                "consent", "refuse", holder("consent"), party=refusing, answer="refused", note=note
            )
            return
        if outcome == "withdrawn":
            self._consents(holder, [0])
            self.add("triage", "triage", ASSIGNER)
            last = self.parties - 1
            self.add(
                "consent",
                "withdraw",
                holder("consent"),
                party=last,
                answer="refused",
                note=NOTES["withdraw"],
            )
            return
        self._consents(holder, everyone)
        self.add("triage", "triage", ASSIGNER)
        if outcome == "referred":
            return
        joint = stage == "court" and self.rng.random() < JOINT_SHARE
        override = self.rng.choice(OVERRIDE_REASONS) if self.rng.random() < OVERRIDE_SHARE else ""
        self.add("assign", "assign", ASSIGNER, joint=joint, note=override)
        if outcome == "in_mediation":
            return
        if outcome == "failed":
            self.add("fail", "fail", LEAD, note=self.rng.choice(FAIL_NOTES))
            stop = FAILED_STOPS_AT.get(stage, "") if not then else ""
            if stop == "fail":
                return
            self.add("feedback", "feedback", LEAD)
            if stop == "feedback":
                return
            decision = Decision.CONTINUE
            self.add(
                "decide",
                "decide_failed",
                holder("decide"),
                decision=decision,
                note=DECISION_NOTES[decision],
            )
            return
        self.add("settle", "settle", LEAD)  # the agreement and amount come with the parties
        if outcome == "signed":
            return
        self.add("feedback", "feedback", LEAD)
        if outcome == "review":
            return
        if outcome == "rejected":
            self.add("reject", "reject", holder("reject"), note=NOTES["reject"])
            return
        decision = self._decision(stage, then)
        self.add(
            "decide", "decide", holder("decide"), decision=decision, note=DECISION_NOTES[decision]
        )

    def _consents(self, holder, parties) -> None:
        """Parties sign the application and confidentiality agreement on paper; the holder's
        staff record each answer with the scanned pages."""
        for party in parties:
            self.add("consent", "consent", holder("consent"), party=party, answer="paper")

    def _decision(self, stage: str, then: str) -> str:
        """What the referring agency decides on a settled mediation (referrals DECISIONS)."""
        if stage == "civil":
            return Decision.CIVIL_CLOSED
        if stage == "police":
            return Decision.WITHDRAWAL if then == "close" else Decision.LENIENCY_SUGGESTION
        if stage == "procuratorate":
            if then == "close":
                return Decision.NON_PROSECUTION
            return self.rng.choice(
                (Decision.NON_ARREST, Decision.LENIENT_SENTENCING_RECOMMENDATION)
            )
        return Decision.EXEMPTION if self.rng.random() < 0.2 else Decision.LIGHTER_SENTENCE

    def _holder(self, stage: str, action: str) -> str:
        if stage == "court":
            return "assistant" if action in COURT_PREPARES else "judge"
        return HOLDER_OF[stage]

    def _decline_note(self, declined: bool) -> str:
        return NOTES["decline_civil" if self.civil or not declined else "decline_prior"]


def anchor(
    rng: random.Random,
    raw: list[RawStep],
    now: datetime,
    *,
    recent: bool,
    pin: tuple[int, int] | None = None,
) -> tuple[date, tuple[StepPlan, ...]]:
    """Place the steps in the year before ``now``: each on a working hour, in order.

    ``pin`` = (index, days): step ``index`` falls that many days before today, and the steps
    after it are squeezed in before today if need be (a referral still open is dated so that its
    deadline stands as planned).
    """
    gaps = [gap for gap, _ in raw]
    latest = now.date() - timedelta(days=1)
    earliest = latest - timedelta(days=YEAR_DAYS)
    if pin is not None:
        index, days = pin
        before, after = gaps[: index + 1], gaps[index + 1 :]
        gaps = _squeeze(before, YEAR_DAYS - 10 - days) + _squeeze(after, days - 1)
        start = now.date() - timedelta(days=days + sum(gaps[: index + 1]))
    else:
        gaps = _squeeze(gaps, YEAR_DAYS - 30)  # a long route is squeezed into the year
        total = sum(gaps)
        if recent:
            end = latest - timedelta(days=rng.randint(0, RECENT_DAYS))
            start = max(earliest, end - timedelta(days=total))
        else:
            start = earliest + timedelta(days=rng.randint(0, max(0, YEAR_DAYS - total)))
    steps = []
    day, at = start, None
    for (_, fields), gap in zip(raw, gaps, strict=True):
        day += timedelta(days=gap)
        if at is not None and day == at.date():
            at += timedelta(minutes=rng.randint(10, 40))
        else:
            office = time(9 + rng.randint(0, 6), rng.randint(0, 59))
            at = datetime.combine(day, office, tzinfo=now.tzinfo)
        steps.append(StepPlan(at=at, **fields))
    return start, tuple(steps)


def _squeeze(gaps: list[int], room: int) -> list[int]:
    """Scale ``gaps`` down so they add up to at most ``room`` days."""
    total = sum(gaps)
    if total <= room:
        return list(gaps)
    return [gap * max(room, 0) // total for gap in gaps]


def deadline_days(status: str, period: int, rng: random.Random) -> int:
    """Days before today to send a referral whose period is ``period`` days, so that today it is
    ``status``: "overdue" (by 1 to 8 days), "soon" (due within 3 days) or "normal"."""
    if status == "overdue":
        return period + rng.randint(1, 8)
    if status == "soon":
        return period - rng.randint(1, 2)
    return rng.randint(2, period - 5)
