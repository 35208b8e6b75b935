"""Reads of after-care, always through the referral's case permissions (404 for outsiders)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from concord.accounts.roles import Role
from concord.cases.choices import PartyRole
from concord.cases.selectors import case_relations
from concord.referrals.choices import Outcome, ReferralState
from concord.referrals.models import LegalAidOffer, Referral
from concord.referrals.selectors import access_referral

from .judicial_aid import wage_on_record
from .models import (
    AftercareAlert,
    FollowUpContact,
    FollowUpPlan,
    JudicialAidApplication,
    JudicialAidChecklist,
)
from .services import is_case_staff, is_mediation_staff, today


@dataclass(frozen=True)
class Viewer:
    """What the user may do on a referral's after-care page."""

    staff: bool  # sees outcomes, notes, alerts and aid details
    mediation: bool  # plans and records contacts
    coordinator: bool  # acknowledges alerts


def access_aftercare(user, referral_id) -> tuple[Referral, Viewer]:
    """Return the referral and the viewer's standing; 404 unless staff of the case or a party."""
    referral = access_referral(user, referral_id)
    staff = is_case_staff(user, referral)
    if not staff and "party" not in case_relations(user, referral.case):
        raise Http404
    mediation = is_mediation_staff(user, referral)
    coordinator = user.memberships.filter(
        role=Role.COORDINATOR, agency_id__in=[referral.centre_id, referral.committee_id]
    ).exists()
    return referral, Viewer(staff=staff, mediation=mediation, coordinator=coordinator)


def latest_settled_referral(case) -> Referral | None:
    return (
        Referral.objects.filter(case=case, state=ReferralState.DECIDED, outcome=Outcome.SETTLED)
        .order_by("-decided_at", "-id")
        .first()
    )


def aftercare_page(referral: Referral, viewer: Viewer) -> dict:
    """Everything the page shows; the staff-only parts are left out for parties."""
    plan = (
        FollowUpPlan.objects.filter(referral=referral)
        .prefetch_related("contacts__assignee", "contacts__recorded_by")
        .first()
    )
    contacts = list(plan.contacts.all()) if plan else []
    context = {
        "referral": referral,
        "case": referral.case,
        "plan": plan,
        "contacts": contacts,
        "today": today(),
        "viewer": viewer,
        "legal_aid": list(
            LegalAidOffer.objects.filter(referral__case=referral.case).select_related("party")
        ),
    }
    if not viewer.staff:
        return context
    victims = list(referral.case.parties.filter(role=PartyRole.VICTIM))
    checklists = {c.party_id: c for c in JudicialAidChecklist.objects.filter(case=referral.case)}
    applications = {
        a.party_id: a for a in JudicialAidApplication.objects.filter(case=referral.case)
    }
    region = referral.case.holding_agency.region_code
    context.update(
        alerts=list(plan.alerts.select_related("raised_by", "acknowledged_by")) if plan else [],
        victims=[(v, checklists.get(v.pk), applications.get(v.pk)) for v in victims],
        region=region,
        wage_record=wage_on_record(region=region, on=today()),
    )
    return context


def board(user, on: dt.date | None = None) -> dict:
    """The coordinator's after-care board: contacts due today, overdue, unacknowledged alerts.

    Covers referrals of the centres and committees the user coordinates, and any contact
    assigned to the user.
    """
    on = on or today()
    centres = list(
        user.memberships.filter(role=Role.COORDINATOR).values_list("agency_id", flat=True)
    )
    scope = Q(plan__referral__centre__in=centres) | Q(plan__referral__committee__in=centres)
    contacts = (
        FollowUpContact.objects.filter(done_at__isnull=True, due_on__lte=on)
        .filter(scope | Q(assignee=user))
        .select_related("assignee", "plan__referral__case")
        .order_by("due_on", "id")
    )
    alerts = (
        AftercareAlert.objects.filter(acknowledged_at__isnull=True)
        .filter(Q(plan__referral__centre__in=centres) | Q(plan__referral__committee__in=centres))
        .select_related("plan__referral__case", "raised_by", "contact")
        .order_by("raised_at")
    )
    contacts = list(contacts)
    return {
        "today": on,
        "due_today": [c for c in contacts if c.due_on == on],
        "overdue": [c for c in contacts if c.due_on < on],
        "alerts": list(alerts),
    }
