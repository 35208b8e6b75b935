"""Reads of cases, always scoped to what the acting user may know exists.

Staff see the cases their agency holds and those referred or assigned to their agency or to
them; parties (and those acting for them) see only their own cases; for anyone else a case does
not exist — the selectors raise 404, never 403, so an id cannot be probed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404

from concord.accounts.roles import CASE_HOLDING_ROLES, MEDIATION_ROLES, REGISTERING_ROLES

from .lifecycle import HOLDER, MEDIATION
from .models import Case


def visible_cases(user) -> QuerySet[Case]:
    """Return every case ``user`` may see."""
    if user is None or not user.is_authenticated or not user.is_active:
        return Case.objects.none()
    agencies = list(user.agency_ids())
    condition = Q(parties__user=user)
    if agencies:
        condition |= Q(holding_agency__in=agencies)
        condition |= Q(access_grants__agency__in=agencies, access_grants__active=True)
    condition |= Q(access_grants__user=user, access_grants__active=True)
    ids = Case.objects.filter(condition).values("id")
    return Case.objects.filter(id__in=ids)


def access_case(user, case_id) -> Case:
    """Return the case if ``user`` may see it; otherwise raise Http404."""
    try:
        case_id = int(case_id)
    except (TypeError, ValueError) as exc:
        raise Http404 from exc
    case = visible_cases(user).select_related("holding_agency").filter(pk=case_id).first()
    if case is None:
        raise Http404
    return case


def case_relations(user, case: Case) -> frozenset[str]:
    """Return how ``user`` stands to ``case``: ``holder``, ``mediation`` and/or ``party``."""
    relations = set()
    roles = user.role_codes()
    agencies = user.agency_ids()
    if case.holding_agency_id in agencies and roles & {str(r) for r in REGISTERING_ROLES}:
        relations.add(HOLDER)
    if roles & {str(r) for r in MEDIATION_ROLES}:
        granted = case.access_grants.filter(active=True).filter(
            Q(agency__in=agencies) | Q(user=user)
        )
        if granted.exists():
            relations.add(MEDIATION)
    if case.parties.filter(user=user).exists():
        relations.add("party")
    return frozenset(relations)


@dataclass(frozen=True)
class CaseFilters:
    q: str = ""
    stage: str = ""
    state: str = ""
    offence: str = ""
    date_from: date | None = None
    date_to: date | None = None


def case_list(user, filters: CaseFilters) -> QuerySet[Case]:
    qs = visible_cases(user).select_related("holding_agency")
    if filters.q:
        qs = qs.filter(
            Q(number__icontains=filters.q)
            | Q(title__icontains=filters.q)
            | Q(parties__name__icontains=filters.q)
        ).distinct()
    if filters.stage:
        qs = qs.filter(stage=filters.stage)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.offence:
        qs = qs.filter(offences__article=filters.offence).distinct()
    if filters.date_from:
        qs = qs.filter(occurred_on__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(occurred_on__lte=filters.date_to)
    return qs.prefetch_related("offences").order_by("-registered_at", "-id")


def case_page(user, filters: CaseFilters, page: int | str, per_page: int) -> Page:
    return Paginator(case_list(user, filters), per_page).get_page(page)


def case_detail(case: Case) -> dict:
    """Return what the case page shows, loaded without per-row queries."""
    return {
        "parties": list(case.parties.select_related("represents")),
        "offences": list(case.offences.all()),
        "injuries": list(case.injuries.select_related("victim")),
        "events": list(case.events.select_related("actor")),
        "documents": list(case.documents.select_related("uploaded_by")),
    }


def holding_roles_for(agency_kind: str) -> set[str]:
    return {str(role) for role, kind in CASE_HOLDING_ROLES.items() if kind == agency_kind}
