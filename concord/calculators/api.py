"""The calculators over the API: the same JSON as `concord law …` (contracts/cli.md)."""

from __future__ import annotations

from typing import Any

from ninja import Body, Router

from .runner import evaluate

router = Router(tags=["law"])

LawInput = Body[dict[str, Any]]


@router.post("/eligibility", response=dict[str, Any], summary="Screen a case for a mediation path")
def law_eligibility(request, payload: LawInput):
    """Input and output as `concord law eligibility` (contracts/cli.md)."""
    return evaluate("eligibility", payload).output


@router.post("/compensation", response=dict[str, Any], summary="Compute compensation by item")
def law_compensation(request, payload: LawInput):
    """Input and output as `concord law compensation` (contracts/cli.md)."""
    return evaluate("compensation", payload).output


@router.post("/sentence", response=dict[str, Any], summary="Estimate the leniency range")
def law_sentence(request, payload: LawInput):
    """Input and output as `concord law sentence` (contracts/cli.md)."""
    return evaluate("sentence", payload).output
