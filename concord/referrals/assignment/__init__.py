"""Mediator assignment: a scoring rule the coordinator can read, and a fast batch assigner.

Pure Python with no Django import: the referrals service builds ``Candidate`` and ``Needs`` from
the database, calls these functions and stores what they return. The points come from
``concord/referrals/assignment_weights.yaml`` and are centre policy, not law.

    rule.py     exclusions, the parts of a score, evaluate / rank / explain
    batch.py    assign_batch: many referrals at once, same result as ranking one by one
    teams.py    joint mediation teams; the coordinator's override with a reason
    weights.py  the weights file
"""

from __future__ import annotations

from .batch import assign_batch
from .rule import (
    Candidate,
    Excluded,
    Needs,
    Part,
    Scored,
    evaluate,
    exclusion,
    explain,
    order_key,
    rank,
)
from .teams import Override, OverrideRefused, Team, override_check, team_propose
from .weights import (
    AT_CAPACITY,
    CONFLICT_EARLIER_INVOLVEMENT,
    CONFLICT_RELATED_PARTY,
    CONFLICTS,
    CRITERIA,
    EXCLUSIONS,
    UNAVAILABLE,
    Criterion,
    Weights,
    WeightsError,
    load_weights,
    parse_weights,
)

__all__ = [
    "AT_CAPACITY",
    "CONFLICTS",
    "CONFLICT_EARLIER_INVOLVEMENT",
    "CONFLICT_RELATED_PARTY",
    "CRITERIA",
    "EXCLUSIONS",
    "UNAVAILABLE",
    "Candidate",
    "Criterion",
    "Excluded",
    "Needs",
    "Override",
    "OverrideRefused",
    "Part",
    "Scored",
    "Team",
    "Weights",
    "WeightsError",
    "assign_batch",
    "evaluate",
    "exclusion",
    "explain",
    "load_weights",
    "order_key",
    "override_check",
    "parse_weights",
    "rank",
    "team_propose",
]
