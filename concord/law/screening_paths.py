"""The three mediation paths screening weighs, each as a general rule with its exceptions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import params
from .catalogue import PENALTIES, Offence, Tier
from .errors import MissingParameterError
from .facts import EligibilityInput
from .reconciliation import Tri, all_of, any_of, category_1, category_2
from .trace import Reason, ReasonDict, Trace, reason

PATHS = ("statutory_reconciliation", "public_interest_mediation", "compensation_mediation")
MPS_334 = "reconciliation.civil_dispute_exclusions"


@dataclass(frozen=True, slots=True)
class PathResult:
    """One path: eligible (True/False) or undecided (None) with the facts it still needs."""

    path: str
    eligible: Tri
    reasons: tuple[Reason, ...]
    needs: tuple[str, ...] = ()

    def to_dict(self, lang: str = "en") -> dict[str, object]:
        reasons: list[ReasonDict] = [r.to_dict(lang) for r in self.reasons]
        return {
            "path": self.path,
            "eligible": self.eligible is True,
            "decided": self.eligible is not None,
            "needs": list(self.needs),
            "reasons": reasons,
        }


def statutory_path(
    reg: params.Registry,
    facts: EligibilityInput,
    trace: Trace,
    cites: Mapping[str, tuple[str, ...]],
    offences: list[tuple[Offence, Tier | None, int]],
    reading: str,
) -> PathResult:
    """CPL 288: every offence within a category, no five-year bar, and the parties' conditions."""
    on = facts.as_of
    rules = reg.get("reconciliation.thresholds", on).value
    detention_min = int(reg.get(PENALTIES, on).value["detention"][0])
    reasons: list[Reason] = []
    needs: list[str] = []
    civil = _civil_dispute(reg, facts, offences, trace, reasons)
    results: list[Tri] = []
    for offence, tier, i in offences:
        if tier is None:
            needs.append("injury_grade" if offence.article == "234" else f"offences[{i}].tier")
            results.append(None)
            continue
        c1 = category_1(offence, tier, civil, rules, reading, detention_min, trace, cites["para1"])
        c2 = category_2(offence, tier, rules, reading, detention_min, trace, cites["para1"])
        result = any_of(c1, c2)
        results.append(result)
        if result is None:
            needs.append("civil_dispute_origin")
        elif result:
            key = "reason.category_1_met" if c1 else "reason.category_2_met"
            reasons.append(reason(key, cites["para1"], article=offence.article, reading=reading))
        else:
            reasons.append(
                reason(
                    "reason.outside_categories",
                    cites["para1"],
                    article=offence.article,
                    chapter=offence.chapter,
                    mens_rea=offence.mens_rea,
                    tier=tier.number,
                    reading=reading,
                )
            )
        if offence.policy_flag:
            reasons.append(
                reason(
                    "reason.policy_flag",
                    (f"{MPS_334} 334(6) [V]",),
                    article=offence.article,
                    flag=offence.policy_flag,
                )
            )
    prior = facts.prior_intentional_crime_within_5_years
    no_prior: Tri = None if prior is None else not prior
    if prior:
        reasons.append(reason("reason.prior_intentional_crime", cites["para2"]))
    elif prior is None:
        needs.append("prior_intentional_crime_within_5_years")
    parties = all_of(facts.suspect_repents, facts.victim_willing)
    for name in ("suspect_repents", "victim_willing"):
        value = getattr(facts, name)
        if value is False:
            reasons.append(reason(f"reason.{name}_false", cites["parties"]))
        elif value is None:
            needs.append(name)
    eligible = all_of(all_of(*results), no_prior, parties)
    trace.add(
        "eligibility.statutory",
        _word(eligible),
        cites["para1"] + cites["para2"],
        offences=", ".join(_word(r) for r in results),
        no_prior=_word(no_prior),
        parties=_word(parties),
    )
    if eligible:
        reasons.append(
            reason(
                "reason.authority_checks", ("SPP-2019 Arts. 492, 497 [V]", "SPC-2021 Art. 587 [V]")
            )
        )
    return PathResult(PATHS[0], eligible, tuple(reasons), () if eligible is False else _uniq(needs))


def _civil_dispute(
    reg: params.Registry,
    facts: EligibilityInput,
    offences: list[tuple[Offence, Tier | None, int]],
    trace: Trace,
    reasons: list[Reason],
) -> Tri:
    """MPS 334: some cases never count as arising from a civil dispute, whatever the facts."""
    excluded = list(facts.civil_dispute_exclusions)
    excluded += [
        "provoking_trouble" if o.article == "293" else "affray"
        for o, _, _ in offences
        if o.mps_334_excluded
    ]
    if not excluded:
        return facts.civil_dispute_origin
    rule = reg.get(MPS_334, facts.as_of)
    labels = ", ".join(str(rule.value[k]) for k in dict.fromkeys(excluded))
    trace.add("eligibility.civil_dispute_excluded", "no", (rule.cite(),), exclusions=labels)
    reasons.append(reason("reason.civil_dispute_excluded", (rule.cite(),), exclusions=labels))
    return False


def public_interest_path(
    reg: params.Registry, facts: EligibilityInput, trace: Trace, crime: Tri
) -> PathResult:
    """Mediation in a criminal case carrying an incidental civil public-interest action."""
    try:
        rule = reg.get("reconciliation.public_interest", facts.as_of)
    except MissingParameterError:
        return PathResult(
            PATHS[1],
            False,
            (
                reason(
                    "reason.rule_not_in_force",
                    ("reconciliation.public_interest [U]",),
                    on=facts.as_of,
                ),
            ),
        )
    cites = (rule.cite(),)
    if crime is False:
        return PathResult(PATHS[1], False, (reason("reason.no_crime_short", cites),))
    pil = facts.public_interest_litigation
    eligible = all_of(crime, pil)
    trace.add("eligibility.public_interest", _word(eligible), cites, litigation=_word(pil))
    if pil is None:
        return PathResult(
            PATHS[1], eligible, (), () if eligible is False else ("public_interest_litigation",)
        )
    key = "reason.public_interest_yes" if pil else "reason.public_interest_no"
    return PathResult(
        PATHS[1], eligible, (reason(key, cites),), () if eligible is not None else ("injury_grade",)
    )


def compensation_path(
    reg: params.Registry, facts: EligibilityInput, trace: Trace, crime: Tri, statutory: PathResult
) -> PathResult:
    """Compensation for the victim's understanding, where statutory reconciliation is closed."""
    try:
        rule = reg.get("reconciliation.compensation_mediation", facts.as_of)
    except MissingParameterError:
        return PathResult(
            PATHS[2],
            False,
            (
                reason(
                    "reason.rule_not_in_force", ("法发〔2021〕21号 III(11) [S]",), on=facts.as_of
                ),
            ),
        )
    cites = (rule.cite(),)
    if crime is False:
        return PathResult(PATHS[2], False, (reason("reason.no_crime_short", cites),))
    if statutory.eligible is True:
        trace.add("eligibility.compensation", "no", cites, statutory="yes")
        return PathResult(PATHS[2], False, (reason("reason.statutory_open", cites),))
    eligible = all_of(crime, facts.victim_willing)
    trace.add(
        "eligibility.compensation",
        _word(eligible),
        cites,
        statutory=_word(statutory.eligible),
        victim_willing=_word(facts.victim_willing),
    )
    needs: list[str] = []
    if crime is None:
        needs.append("injury_grade")
    if facts.victim_willing is None:
        needs.append("victim_willing")
    if facts.victim_willing is False:
        return PathResult(PATHS[2], False, (reason("reason.victim_unwilling", cites),))
    key = "reason.compensation_yes" if eligible else "reason.compensation_pending"
    return PathResult(
        PATHS[2], eligible, (reason(key, cites),), () if eligible is not None else _uniq(needs)
    )


def _word(value: Tri) -> str:
    return "unknown" if value is None else ("yes" if value else "no")


def _uniq(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
