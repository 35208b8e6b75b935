"""Reads of referrals for each role's screen, always through the case permissions."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from concord.cases.selectors import visible_cases

from .choices import OPEN_STATES
from .models import Referral


def _base() -> QuerySet[Referral]:
    return Referral.objects.select_related("case", "from_agency", "centre", "committee")


def access_referral(user, referral_id) -> Referral:
    """Return the referral if the user may see its case; else 404."""
    try:
        referral_id = int(referral_id)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    referral = _base().filter(pk=referral_id, case__in=visible_cases(user)).first()
    if referral is None:
        raise Http404
    return referral


def referrals_sent(user) -> QuerySet[Referral]:
    """The referring officer's list: what their agencies sent, newest first."""
    return _base().filter(from_agency__in=user.agency_ids()).order_by("-sent_at")


def triage_board(user) -> dict[str, list[Referral]]:
    """The coordinator's board: referrals to their centre or committees, by column."""
    agencies = list(user.agency_ids())
    open_referrals = list(
        _base().filter(state__in=OPEN_STATES).filter(centre__in=agencies).order_by("due_at")
    ) + list(
        _base()
        .filter(state__in=OPEN_STATES, committee__in=agencies)
        .exclude(centre__in=agencies)
        .order_by("due_at")
    )
    board: dict[str, list[Referral]] = {state: [] for state in OPEN_STATES}
    for referral in open_referrals:
        board[referral.state].append(referral)
    return board


def mediator_queue(user) -> QuerySet[Referral]:
    """The cases a mediator (or joint-team member) is working on, soonest deadline first."""
    return _base().filter(team__user=user, team__active=True).distinct().order_by("state", "due_at")


def case_referrals(case) -> list[Referral]:
    return list(_base().filter(case=case).prefetch_related("team__user", "consents__party"))
