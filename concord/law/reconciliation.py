"""CPL Art. 288: which offences fall within statutory reconciliation.

General rule (para 1): a public-prosecution case qualifies when
  (1) the crime is in CL Part II Chapter 4 or 5, arose from a civil dispute, and may be
      punished with at most 3 years' fixed-term imprisonment; or
  (2) it is a negligent crime, not a dereliction-of-duty crime (Chapter 9), that may be
      punished with at most 7 years.
Exceptions: an intentional crime within the previous five years closes the procedure
(para 2); cases "involving" provoking trouble, affray, hired thugs, organised crime or
repeated injury are not "civil disputes" (MPS Provisions Art. 334).
Each test returns True, False or None (a fact still missing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .catalogue import Offence, Tier
from .trace import Trace

Tri = bool | None


def all_of(*values: Tri) -> Tri:
    """Three-valued AND: False if any is False, else None if any is unknown, else True."""
    unknown = False
    for value in values:
        if value is False:
            return False
        if value is None:
            unknown = True
    return None if unknown else True


def any_of(*values: Tri) -> Tri:
    """Three-valued OR: True if any is True, else None if any is unknown, else False."""
    unknown = False
    for value in values:
        if value is True:
            return True
        if value is None:
            unknown = True
    return None if unknown else False


@dataclass(frozen=True, slots=True)
class TierTest:
    """Whether a tier passes a sentence threshold under the chosen reading of 可能判处."""

    passes: bool
    months: int
    threshold: int


def tier_within(tier: Tier, threshold: int, reading: str, detention_min: int) -> TierTest:
    """Apply the statutory-maximum or predicted-sentence reading of "may be sentenced to ≤ N".

    statutory_max: the tier's highest fixed term is at most N and it allows no life or death.
    predicted_sentence: a sentence at or below N is possible inside the tier (its floor ≤ N).
    """
    if reading == "predicted_sentence":
        floor = tier.lowest_months(detention_min)
        return TierTest(floor <= threshold, floor, threshold)
    ceiling = tier.ft_max if tier.ft_max else detention_min
    return TierTest(ceiling <= threshold and not (tier.life or tier.death), ceiling, threshold)


def category_1(
    offence: Offence,
    tier: Tier,
    civil_dispute: Tri,
    rules: Mapping[str, Any],
    reading: str,
    detention_min: int,
    trace: Trace,
    cites: tuple[str, ...],
) -> Tri:
    """CPL 288(1): Chapter 4 or 5, arising from a civil dispute, at most 3 years."""
    in_chapter = offence.chapter in rules["civil_dispute_chapters"]
    test = tier_within(tier, int(rules["civil_dispute_max_months"]), reading, detention_min)
    result = all_of(in_chapter, test.passes, civil_dispute if in_chapter and test.passes else True)
    trace.add(
        "eligibility.category_1",
        _tri(result),
        cites,
        article=offence.article,
        chapter=offence.chapter,
        months=test.months,
        threshold=test.threshold,
        reading=reading,
        civil_dispute=_tri(civil_dispute),
    )
    return result


def category_2(
    offence: Offence,
    tier: Tier,
    rules: Mapping[str, Any],
    reading: str,
    detention_min: int,
    trace: Trace,
    cites: tuple[str, ...],
) -> bool:
    """CPL 288(2): a negligent crime other than dereliction of duty, at most 7 years."""
    negligent = offence.mens_rea == "negligent"
    not_dereliction = offence.chapter not in rules["negligent_excluded_chapters"]
    test = tier_within(tier, int(rules["negligent_max_months"]), reading, detention_min)
    result = negligent and not_dereliction and test.passes
    trace.add(
        "eligibility.category_2",
        _tri(result),
        cites,
        article=offence.article,
        mens_rea=offence.mens_rea,
        chapter=offence.chapter,
        months=test.months,
        threshold=test.threshold,
        reading=reading,
    )
    return result


def _tri(value: Tri) -> str:
    return "unknown" if value is None else ("yes" if value else "no")
