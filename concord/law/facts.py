"""The facts screening reads, parsed from JSON with every error naming its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict

from .errors import LawInputError
from .inputs import Reader, as_of

INJURY_GRADES = ("none", "slight", "minor_2", "minor_1", "serious_2", "serious_1", "death")
READINGS = ("statutory_max", "predicted_sentence")
CIVIL_DISPUTE_EXCLUSIONS = (
    "hired_to_injure",
    "organised_crime",
    "provoking_trouble",
    "affray",
    "repeated_intentional_injury",
    "other_unsuitable",
)


class OffenceInputDict(TypedDict, total=False):
    article: str
    tier: int


class EligibilityInputDict(TypedDict, total=False):
    offences: list[OffenceInputDict]
    injury_grade: str
    civil_dispute_origin: bool
    prior_intentional_crime_within_5_years: bool
    suspect_repents: bool
    victim_willing: bool
    public_interest_litigation: bool
    as_of: str
    interpretation: str
    civil_dispute_exclusions: list[str]


@dataclass(frozen=True, slots=True)
class OffenceFact:
    """An offence charged: article as in the Criminal Law, and the tier (1 = basic paragraph)."""

    article: str
    tier: int | None = None


@dataclass(frozen=True, slots=True)
class EligibilityInput:
    """Everything screening reads. None means "not known yet"."""

    offences: tuple[OffenceFact, ...]
    as_of: dt.date
    injury_grade: str | None = None
    civil_dispute_origin: bool | None = None
    prior_intentional_crime_within_5_years: bool | None = None
    suspect_repents: bool | None = None
    victim_willing: bool | None = None
    public_interest_litigation: bool | None = None
    interpretation: str | None = None
    civil_dispute_exclusions: tuple[str, ...] = ()

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], today: dt.date | None = None) -> EligibilityInput:
        """Parse and validate the JSON input of `concord law eligibility`."""
        r = Reader(data)
        raw = r.require("offences", r.list("offences"))
        if not raw:
            raise LawInputError("offences", "must list at least one offence", code="required")
        offences = []
        for i, item in enumerate(raw):
            o = Reader(item, f"offences[{i}]")
            article = o.require("article", o.str("article"))
            offences.append(OffenceFact(article, o.int("tier", 1, 9)))
        exclusions = r.list("civil_dispute_exclusions") or []
        for i, key in enumerate(exclusions):
            if key not in CIVIL_DISPUTE_EXCLUSIONS:
                raise LawInputError(
                    f"civil_dispute_exclusions[{i}]",
                    f"must be one of {', '.join(CIVIL_DISPUTE_EXCLUSIONS)} (got {key!r})",
                    code="choice",
                )
        return cls(
            offences=tuple(offences),
            as_of=as_of(r, today),
            injury_grade=r.enum("injury_grade", INJURY_GRADES),
            civil_dispute_origin=r.bool("civil_dispute_origin"),
            prior_intentional_crime_within_5_years=r.bool("prior_intentional_crime_within_5_years"),
            suspect_repents=r.bool("suspect_repents"),
            victim_willing=r.bool("victim_willing"),
            public_interest_litigation=r.bool("public_interest_litigation"),
            interpretation=r.enum("interpretation", READINGS),
            civil_dispute_exclusions=tuple(exclusions),
        )
