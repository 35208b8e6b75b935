"""The showcase case: the one the ``victim``, ``suspect`` and ``relative`` logins follow.

A parking-space quarrel that became an intentional-injury case, investigated by the police, sent
to the procuratorate and prosecuted; at trial the judge referred it to the mediation centre, the
parties agreed from their phones, and the centre's coordinator sent it to the court's mediation
studio, where the ``mediator`` login now mediates with the judge and the legal-aid lawyer. It is
written out rather than drawn at random so the walkthrough in the docs always finds the same
people and the same story.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from concord.cases.choices import CaseKind, CaseState, DisputeType, PartyRole, Stage

from .district import ASSIGNER, CENTRE, COURT, DISTRICT, POLICE, PROCURATORATE
from .people import Person, id_number
from .plan import CasePlan, InjuryPlan, PartyPlan
from .timeline import NOTES, READY, StepPlan

VICTIM = Person(
    name="李建华",
    male=True,
    id_number=id_number("310117", date(1984, 6, 12), 231, male=True),
    birth_date=date(1984, 6, 12),
    phone="13917264058",
    address=f"上海市{DISTRICT}方松街道文诚路658弄12号602室",
)
SUSPECT = Person(
    name="王志强",
    male=True,
    id_number=id_number("341221", date(1991, 3, 8), 475, male=True),
    birth_date=date(1991, 3, 8),
    phone="15821903377",
    address=f"上海市{DISTRICT}方松街道文诚路658弄3号1101室",
)
MOTHER = Person(
    name="王秀英",
    male=False,
    id_number=id_number("341221", date(1965, 11, 20), 128, male=False),
    birth_date=date(1965, 11, 20),
    phone="18930412256",
    address=f"上海市{DISTRICT}方松街道文诚路658弄3号1101室",
)
PLACE = f"{DISTRICT}方松街道文诚路某小区地下车库"

# Days before "now" on which each step happened, who took it, and the step's other fields. At
# trial the assistant records that the defendant repents and the victim is willing and links the
# party logins to the case; the judge refers it to the centre; the victim and the defendant agree
# online; the coordinator triages it to the court's studio and assigns its best-ranked mediator
# (the ``mediator`` login) with the judge and the legal-aid lawyer as a joint mediation team.
_STEPS: tuple[tuple[str, int, str, dict], ...] = (
    ("register", 62, "police", {"agency": POLICE}),
    ("relative", 61, "police", {}),
    ("transfer", 40, "police", {"agency": PROCURATORATE, "note": NOTES["transfer_procuratorate"]}),
    ("transfer", 18, "prosecutor", {"agency": COURT, "note": NOTES["transfer_court"]}),
    ("screen", 12, "assistant", {}),
    ("facts", 12, "assistant", {"facts": READY}),
    ("link", 12, "assistant", {}),
    (
        "refer",
        11,
        "judge",
        {"agency": CENTRE, "note": "被害人同意调解，委派驻院调解工作室组织调解"},
    ),
    ("consent", 10, "victim", {"party": 0, "answer": "online"}),
    ("consent", 10, "suspect", {"party": 1, "answer": "online"}),
    ("triage", 10, ASSIGNER, {}),
    ("assign", 9, ASSIGNER, {"joint": True}),
)


def showcase_plan(now: datetime) -> CasePlan:
    """Return the showcase case, dated relative to ``now``."""
    occurred_on = now.date() - timedelta(days=64)
    day = now.date()
    steps = []
    for action, days, actor, fields in _STEPS:
        at = datetime.combine(day - timedelta(days=days), time(10, 30), tzinfo=now.tzinfo)
        if steps and steps[-1].at.date() == at.date():
            at = steps[-1].at + timedelta(minutes=20)  # same day: later in the morning
        steps.append(StepPlan(action, at, actor, **fields))
    return CasePlan(
        route="police > procuratorate > court:in_mediation",
        kind=CaseKind.MINOR_CRIMINAL,
        offence="234",
        dispute_type=DisputeType.INJURY,
        title="王某故意伤害案",
        facts=(
            f"{occurred_on.year}年{occurred_on.month}月{occurred_on.day}日晚，被告人王某与邻居李某在"
            f"{PLACE}因争抢停车位发生口角，王某推搡并拳击李某面部，致李某鼻骨骨折。经鉴定，李某的"
            "损伤程度为轻伤二级。案发后王某主动报警并在现场等候，到案后如实供述。"
        ),
        place=PLACE,
        occurred_on=occurred_on,
        civil_dispute_origin=True,
        public_interest_litigation=False,
        parties=(
            PartyPlan(PartyRole.VICTIM, VICTIM.name, VICTIM, VICTIM.phone),
            PartyPlan(PartyRole.SUSPECT, SUSPECT.name, SUSPECT, SUSPECT.phone, False),
        ),
        injuries=(InjuryPlan("minor_2", 0, occurred_on + timedelta(days=16), False),),
        relative=PartyPlan(PartyRole.CLOSE_RELATIVE, MOTHER.name, MOTHER, MOTHER.phone, None, 1),
        steps=tuple(steps),
        final_state=CaseState.IN_MEDIATION,
        final_stage=Stage.TRIAL,
    )


# Which demo login is which party of the showcase case (by party role), and who links them (the
# "link" step): the judge assistant, for the court that holds the case now.
LINKED_BY = "assistant"
PARTY_USERS = {
    PartyRole.VICTIM: "victim",
    PartyRole.SUSPECT: "suspect",
    PartyRole.CLOSE_RELATIVE: "relative",
}
