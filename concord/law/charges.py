"""The offences charged: each looked up in the catalogue with its tier.

For Art. 234 the injury grade decides whether there is a crime at all (轻伤 is the
threshold) and which tier applies; other articles give their tier explicitly.
"""

from __future__ import annotations

from . import params
from .catalogue import Offence, Tier, lookup
from .errors import LawInputError
from .facts import EligibilityInput, OffenceFact
from .reconciliation import Tri, all_of
from .trace import Trace

GRADES = "injury.grades"


def charged_offences(
    reg: params.Registry, facts: EligibilityInput, trace: Trace
) -> tuple[Tri, list[tuple[Offence, Tier | None, int]]]:
    """Look up each offence and its tier; return whether a crime is made out, and the list."""
    on = facts.as_of
    out: list[tuple[Offence, Tier | None, int]] = []
    crime: Tri = True
    grades = None
    for i, fact in enumerate(facts.offences):
        offence, cat = lookup(reg, on, fact.article, f"offences[{i}].article")
        trace.add(
            "eligibility.offence",
            offence.article,
            (cat.cite(),),
            name_en=offence.en,
            name_zh=offence.zh,
            chapter=offence.chapter,
            mens_rea=offence.mens_rea,
        )
        if offence.article == "234":
            grades = grades or reg.get(GRADES, on)
            is_crime, tier = _tier_234(facts, trace, i, fact, offence, grades)
            crime = all_of(crime, is_crime)
        else:
            tier = _tier(fact, offence, i)
        out.append((offence, tier, i))
    return crime, out


def _tier(fact: OffenceFact, offence: Offence, i: int) -> Tier | None:
    if fact.tier is None:
        return None
    tier = offence.tier(fact.tier)
    if tier is None:
        raise LawInputError(
            f"offences[{i}].tier",
            f"article {offence.article} has tiers {[t.number for t in offence.tiers]}, "
            f"not {fact.tier}",
            code="unknown_tier",
        )
    return tier


def _tier_234(
    facts: EligibilityInput,
    trace: Trace,
    i: int,
    fact: OffenceFact,
    offence: Offence,
    grades: params.ParamValue,
) -> tuple[Tri, Tier | None]:
    """Art. 234: the injury grade decides whether there is a crime and which tier applies."""
    grade = facts.injury_grade
    if grade is None:
        return (True if fact.tier else None), _tier(fact, offence, i)
    order = list(grades.value["order"])
    threshold = grades.value["crime_threshold_234"]
    if order.index(grade) < order.index(threshold):
        trace.add("eligibility.no_crime_234", "no crime", (grades.cite(),), grade=grade)
        return False, None
    derived = int(grades.value["tier_234"][grade])
    chosen = fact.tier or derived
    if chosen < derived:
        raise LawInputError(
            f"offences[{i}].tier",
            f"tier {chosen} is below tier {derived}, which injury_grade {grade} requires",
            code="tier_conflict",
        )
    trace.add(
        "eligibility.tier_from_injury", chosen, (grades.cite(),), grade=grade, derived=derived
    )
    return True, _tier(OffenceFact(fact.article, chosen), offence, i)
