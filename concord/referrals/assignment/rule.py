"""The assignment rule for one referral: who is excluded, and how the others score.

General rule: every candidate may take the referral, and scores the sum of the parts that apply
(specialty, same area, each needed language, open cases, experience). Exceptions, which exclude the
candidate whatever their score: a conflict of interest (related to a party; involved in the case
in another role or an earlier round), not taking cases, or already at their maximum of open cases.
The two conflicts are checked first because they are the reason the coordinator most needs to see.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .weights import (
    AREA,
    AT_CAPACITY,
    CONFLICT_EARLIER_INVOLVEMENT,
    CONFLICT_RELATED_PARTY,
    EXPERIENCE,
    LANGUAGE,
    LOAD,
    SPECIALTY,
    UNAVAILABLE,
    Weights,
    load_weights,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mediator (or team member) as the rule sees them, built from their profile."""

    user_id: int
    name: str
    # Dispute types (cases.choices.DisputeType) and/or committee specialties.
    specialties: frozenset[str]
    languages: frozenset[str]
    # Service area, e.g. "方松街道"; "" or a district-wide name from the weights file = everywhere.
    area: str
    available: bool
    load: int  # open cases now
    capacity: int  # most open cases; the service fills in Weights.default_capacity when unset
    years_experience: int = 0
    # Blind-index keys of people the mediator declared being related to.
    related_party_keys: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Needs:
    """What one referral needs from a mediator, built from the case."""

    referral_id: int
    specialty: str  # the case's dispute type / the specialty wanted
    area: str  # subdistrict where the case happened ("" when unknown)
    languages: frozenset[str]  # languages the parties need (empty = any)
    party_keys: frozenset[str]  # blind-index keys of the case's parties
    # User ids who took part in the case in another role, or in an earlier round excluding them.
    earlier_involvement: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Part:
    """One line of a score. ``detail`` is a machine code the UI translates; ``params`` fill it."""

    criterion: str
    points: float
    detail: str
    params: tuple[tuple[str, str | int], ...] = ()


@dataclass(frozen=True, slots=True)
class Scored:
    candidate: Candidate
    total: float
    parts: tuple[Part, ...]


@dataclass(frozen=True, slots=True)
class Excluded:
    candidate: Candidate
    reason: str  # one of weights.EXCLUSIONS


def exclusion(needs: Needs, candidate: Candidate) -> str | None:
    """Return why ``candidate`` may not take the referral, or None when they may."""
    if not candidate.related_party_keys.isdisjoint(needs.party_keys):
        return CONFLICT_RELATED_PARTY
    if candidate.user_id in needs.earlier_involvement:
        return CONFLICT_EARLIER_INVOLVEMENT
    if not candidate.available:
        return UNAVAILABLE
    if candidate.load >= candidate.capacity:
        return AT_CAPACITY
    return None


def same_area(needs: Needs, candidate: Candidate, weights: Weights) -> bool:
    """Return whether the candidate serves the case's own subdistrict (not just the district)."""
    return (
        bool(needs.area)
        and candidate.area == needs.area
        and (candidate.area not in weights.district_wide_areas)
    )


def parts(needs: Needs, candidate: Candidate, weights: Weights) -> tuple[Part, ...]:
    """Return the parts of the candidate's score that apply, in the order the UI shows them."""
    out: list[Part] = []
    if needs.specialty in candidate.specialties:
        out.append(
            Part(SPECIALTY, weights.specialty, "specialty_match", (("specialty", needs.specialty),))
        )
    if same_area(needs, candidate, weights):
        out.append(Part(AREA, weights.area, "area_match", (("area", needs.area),)))
    # One part per language, so each "+10" on screen names the language that earned it.
    for language in sorted(needs.languages & candidate.languages):
        out.append(Part(LANGUAGE, weights.language, "language_covered", (("language", language),)))
    if candidate.load:
        out.append(
            Part(LOAD, weights.load * candidate.load, "open_cases", (("count", candidate.load),))
        )
    experience = weights.experience_points(candidate.years_experience)
    if experience:
        out.append(
            Part(
                EXPERIENCE,
                experience,
                "experience_years",
                (("years", candidate.years_experience),),
            )
        )
    return tuple(out)


def evaluate(
    needs: Needs, candidate: Candidate, weights: Weights | None = None
) -> Scored | Excluded:
    """Return the candidate's score for the referral, or why they are excluded."""
    reason = exclusion(needs, candidate)
    if reason is not None:
        return Excluded(candidate, reason)
    w = weights or load_weights()
    found = parts(needs, candidate, w)
    return Scored(candidate, sum(p.points for p in found), found)


def order_key(scored: Scored) -> tuple[float, int, int, int]:
    """Return the sort key: higher total, then fewer open cases, more experience, lower id."""
    c = scored.candidate
    return (-scored.total, c.load, -c.years_experience, c.user_id)


def rank(
    needs: Needs,
    candidates: Iterable[Candidate],
    weights: Weights | None = None,
    top: int | None = None,
) -> tuple[list[Scored], list[Excluded]]:
    """Return the eligible candidates best first (at most ``top``), and the excluded ones."""
    w = weights or load_weights()
    scored: list[Scored] = []
    excluded: list[Excluded] = []
    for candidate in candidates:
        result = evaluate(needs, candidate, w)
        if isinstance(result, Scored):
            scored.append(result)
        else:
            excluded.append(result)
    scored.sort(key=order_key)
    excluded.sort(key=lambda e: e.candidate.user_id)
    return (scored if top is None else scored[:top]), excluded


def _points(value: float) -> str:
    # Points are whole numbers in the weights file; show "+40", not "+40.0". A true minus sign
    # reads better than a hyphen next to Chinese text.
    number = int(value) if float(value).is_integer() else value
    return f"+{number}" if value >= 0 else f"−{-number}"


def explain(scored: Scored | Excluded, lang: str = "zh", weights: Weights | None = None) -> str:
    """Return one line the coordinator can read, e.g. "专长匹配 +40；同一街镇 +15；合计 55"."""
    w = weights or load_weights()
    lang = "en" if lang.startswith("en") else "zh"
    if isinstance(scored, Excluded):
        return w.exclusions[scored.reason][lang]
    separator = "；" if lang == "zh" else "; "
    pieces = [
        f"{w.criteria[p.criterion].label[lang].format(**dict(p.params))} {_points(p.points)}"
        for p in scored.parts
    ]
    total = _points(scored.total).lstrip("+")
    pieces.append(f"{w.total_label[lang]} {total}")
    return separator.join(pieces)
