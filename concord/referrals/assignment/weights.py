"""The points of the assignment score, read from ``assignment_weights.yaml``.

The points are centre policy, not law (the file says where they come from), so they live in a data
file the centre can change without touching code. Points are whole numbers: the coordinator sees
each part and the total and should be able to add them up by eye.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "assignment_weights.yaml"
LANGUAGES = ("zh", "en")

SPECIALTY = "specialty"
AREA = "area"
LANGUAGE = "language"
LOAD = "load"
EXPERIENCE = "experience"
CRITERIA = (SPECIALTY, AREA, LANGUAGE, LOAD, EXPERIENCE)

CONFLICT_RELATED_PARTY = "conflict_related_party"
CONFLICT_EARLIER_INVOLVEMENT = "conflict_earlier_involvement"
UNAVAILABLE = "unavailable"
AT_CAPACITY = "at_capacity"
EXCLUSIONS = (CONFLICT_RELATED_PARTY, CONFLICT_EARLIER_INVOLVEMENT, UNAVAILABLE, AT_CAPACITY)
# Exclusions a coordinator may never override: assigning someone with a conflict of interest
# would defeat the rule's purpose (see the source note in the weights file).
CONFLICTS = frozenset({CONFLICT_RELATED_PARTY, CONFLICT_EARLIER_INVOLVEMENT})


class WeightsError(ValueError):
    """The weights file is missing a field or has a value of the wrong kind."""


@dataclass(frozen=True, slots=True)
class Criterion:
    """One scoring criterion: its points per unit, and how the coordinator reads it."""

    code: str
    points: int
    label: Mapping[str, str]
    description: Mapping[str, str]
    cap: int | None = None


@dataclass(frozen=True, slots=True)
class Weights:
    """Points per criterion, the default capacity, and the texts that explain them."""

    criteria: Mapping[str, Criterion]
    default_capacity: int
    district_wide_areas: frozenset[str]
    since: dt.date
    title: Mapping[str, str]
    source: Mapping[str, str]
    total_label: Mapping[str, str]
    exclusions: Mapping[str, Mapping[str, str]]

    def __post_init__(self) -> None:
        # assign_batch relies on a score that never rises when a mediator takes a case; a load
        # "bonus" would make it pick stale leaders, so refuse it here rather than there.
        if self.load > 0:
            raise WeightsError("criteria.load.points: must be zero or negative (a penalty)")
        if self.default_capacity < 1:
            raise WeightsError("default_capacity: must be at least 1")

    @property
    def specialty(self) -> int:
        return self.criteria[SPECIALTY].points

    @property
    def area(self) -> int:
        return self.criteria[AREA].points

    @property
    def language(self) -> int:
        return self.criteria[LANGUAGE].points

    @property
    def load(self) -> int:
        return self.criteria[LOAD].points

    @property
    def experience(self) -> int:
        return self.criteria[EXPERIENCE].points

    @property
    def experience_cap(self) -> int:
        cap = self.criteria[EXPERIENCE].cap
        return 0 if cap is None else cap

    def experience_points(self, years: int) -> int:
        """Return the experience points for ``years`` of experience, capped."""
        return min(max(years, 0) * self.experience, self.experience_cap)


def _texts(raw: Any, where: str) -> dict[str, str]:
    if not isinstance(raw, dict):
        raise WeightsError(f"{where}: expected a mapping with zh and en texts")
    for lang in LANGUAGES:
        if not isinstance(raw.get(lang), str) or not raw[lang].strip():
            raise WeightsError(f"{where}.{lang}: missing or empty")
    return {lang: raw[lang] for lang in LANGUAGES}


def _int(raw: Any, where: str) -> int:
    # bool is an int in Python; "true" points would be a typo, not a policy.
    if not isinstance(raw, int) or isinstance(raw, bool):
        raise WeightsError(f"{where}: expected a whole number, got {raw!r}")
    return raw


def parse_weights(data: Any) -> Weights:
    """Return the weights described by ``data`` (the parsed YAML), or raise WeightsError."""
    if not isinstance(data, dict):
        raise WeightsError("weights file: expected a mapping at the top level")
    raw_criteria = data.get("criteria")
    if not isinstance(raw_criteria, dict):
        raise WeightsError("criteria: missing")
    criteria: dict[str, Criterion] = {}
    for code in CRITERIA:
        raw = raw_criteria.get(code)
        if not isinstance(raw, dict):
            raise WeightsError(f"criteria.{code}: missing")
        cap = raw.get("cap")
        criteria[code] = Criterion(
            code=code,
            points=_int(raw.get("points"), f"criteria.{code}.points"),
            label=_texts(raw.get("label"), f"criteria.{code}.label"),
            description=_texts(raw.get("description"), f"criteria.{code}.description"),
            cap=None if cap is None else _int(cap, f"criteria.{code}.cap"),
        )
    unknown = set(raw_criteria) - set(CRITERIA)
    if unknown:
        raise WeightsError(f"criteria: unknown criterion {sorted(unknown)[0]!r}")
    if criteria[EXPERIENCE].cap is None:
        raise WeightsError("criteria.experience.cap: missing")
    since = data.get("since")
    if not isinstance(since, dt.date):
        raise WeightsError("since: expected a date (YYYY-MM-DD)")
    raw_exclusions = data.get("exclusions")
    if not isinstance(raw_exclusions, dict):
        raise WeightsError("exclusions: missing")
    areas = data.get("district_wide_areas", [""])
    if not isinstance(areas, list) or not all(isinstance(a, str) for a in areas):
        raise WeightsError("district_wide_areas: expected a list of area names")
    return Weights(
        criteria=criteria,
        default_capacity=_int(data.get("default_capacity"), "default_capacity"),
        district_wide_areas=frozenset(areas),
        since=since,
        title=_texts(data.get("title"), "title"),
        source=_texts(data.get("source"), "source"),
        total_label=_texts(data.get("total"), "total"),
        exclusions={r: _texts(raw_exclusions.get(r), f"exclusions.{r}") for r in EXCLUSIONS},
    )


@lru_cache(maxsize=8)
def _load(path: Path) -> Weights:
    with path.open(encoding="utf-8") as handle:
        return parse_weights(yaml.safe_load(handle))


def load_weights(path: str | Path | None = None) -> Weights:
    """Return the weights from ``path`` (default: the centre's ``assignment_weights.yaml``).

    Cached per path: the rule is called for every referral and the file changes only on deploy.
    """
    return _load(Path(path).resolve() if path is not None else DEFAULT_PATH)
