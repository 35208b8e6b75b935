"""Shared inputs for the law tests; the law package needs no database and no Django."""

from __future__ import annotations

from typing import Any

import pytest

BEIJING_2024: dict[str, Any] = {"region": "CN-BJ", "as_of": "2024-06-01", "proceeding": "civil"}


@pytest.fixture
def beijing() -> dict[str, Any]:
    """A Beijing civil case whose first-instance debate ends in 2024 (2023 statistics)."""
    return dict(BEIJING_2024)


def neighbour_injury(**overrides: Any) -> dict[str, Any]:
    """A neighbour dispute ending in a minor injury, every fact known and favourable."""
    facts: dict[str, Any] = {
        "offences": [{"article": "234"}],
        "injury_grade": "minor_2",
        "civil_dispute_origin": True,
        "prior_intentional_crime_within_5_years": False,
        "suspect_repents": True,
        "victim_willing": True,
        "public_interest_litigation": False,
        "as_of": "2024-06-01",
    }
    facts.update(overrides)
    return facts
