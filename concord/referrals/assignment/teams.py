"""Joint mediation teams, and the coordinator's override of a suggestion.

A joint mediation (seeds/000) pairs people's mediators with the judge or prosecutor holding the
case and a legal-aid or duty lawyer. Every member is chosen by the same rule, so a conflict of
interest excludes a judge or a lawyer just as it excludes a mediator; a person fills one seat only.

The coordinator may assign someone other than the suggestion, with a reason. They may also set
aside "not taking cases now" or "at capacity" (the mediator agreed to take one more), but never a
conflict of interest. Not modelled: continuing with a disclosed conflict because the parties agree
(SPC Rules of Online Mediation Art. 13) - that is the parties' decision, recorded elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .rule import Candidate, Needs, Scored, exclusion, parts, rank
from .weights import CONFLICTS, Weights, load_weights


@dataclass(frozen=True, slots=True)
class Team:
    """A suggested team; a seat is None when nobody in its pool is eligible."""

    mediators: tuple[Scored, ...]
    official: Scored | None  # the judge or prosecutor
    lawyer: Scored | None  # the legal-aid or duty lawyer


def team_propose(
    needs: Needs,
    mediators: Iterable[Candidate],
    officials: Iterable[Candidate] = (),
    lawyers: Iterable[Candidate] = (),
    *,
    mediator_count: int = 1,
    weights: Weights | None = None,
) -> Team:
    """Return the best eligible mediators, official and lawyer, with nobody in two seats.

    The service passes as ``officials`` the judge or prosecutor who may join (usually the one
    holding the case) and as ``lawyers`` the legal-aid and duty lawyers on call.
    """
    w = weights or load_weights()
    taken: set[int] = set()

    def best(pool: Iterable[Candidate], count: int) -> list[Scored]:
        ranked, _excluded = rank(needs, (c for c in pool if c.user_id not in taken), w)
        chosen = ranked[:count]
        taken.update(s.candidate.user_id for s in chosen)
        return chosen

    chosen_mediators = tuple(best(mediators, mediator_count))
    official = best(officials, 1)
    lawyer = best(lawyers, 1)
    return Team(
        mediators=chosen_mediators,
        official=official[0] if official else None,
        lawyer=lawyer[0] if lawyer else None,
    )


class OverrideRefused(ValueError):
    """The coordinator's choice may not stand; ``code`` says why (an exclusion or "no_reason")."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Override:
    """A coordinator's assignment against the suggestion, as it will be recorded."""

    referral_id: int
    user_id: int
    reason: str
    suggested_user_id: int | None
    waived: str | None  # the exclusion the coordinator set aside, if any
    scored: Scored  # the chosen person's score, for the record next to the suggestion's


def override_check(
    needs: Needs,
    candidate: Candidate,
    *,
    reason: str,
    suggested_user_id: int | None = None,
    weights: Weights | None = None,
) -> Override:
    """Return the override to record, or raise OverrideRefused (no reason; a conflict)."""
    w = weights or load_weights()
    if not reason.strip():
        raise OverrideRefused("no_reason", "reason: an override needs a reason")
    waived = exclusion(needs, candidate)
    if waived in CONFLICTS:
        raise OverrideRefused(waived, f"user_id: {candidate.user_id} has a conflict ({waived})")
    found = parts(needs, candidate, w)
    return Override(
        referral_id=needs.referral_id,
        user_id=candidate.user_id,
        reason=reason.strip(),
        suggested_user_id=suggested_user_id,
        waived=waived,
        scored=Scored(candidate, sum(p.points for p in found), found),
    )
