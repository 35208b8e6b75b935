"""Who pays and who receives under an agreement, and who may act for them.

The payer side is the suspect/defendant (criminal reconciliation) or the respondent (people's
mediation); the receiving side is the victim or the applicant. Each side includes the people
who act for that party on the case (close relatives, legal representatives, agents) with an
account. Assumption: in people's mediation the respondent pays the applicant; an agreement where
the applicant pays is not modelled.
"""

from __future__ import annotations

from concord.accounts.models import User
from concord.accounts.roles import Role
from concord.cases.choices import PartyRole
from concord.cases.models import Party
from concord.referrals.choices import TeamRole
from concord.referrals.services.common import is_coordinator

from ..models import Agreement
from ..permissions import is_lead_mediator, may_sign_as_mediator

PAYER_ROLES = (PartyRole.SUSPECT, PartyRole.RESPONDENT)
PAYEE_ROLES = (PartyRole.VICTIM, PartyRole.APPLICANT)


def _side_parties(agreement: Agreement, roles) -> list[Party]:
    parties = agreement.case.parties.select_related("represents", "user")
    return [
        p
        for p in parties
        if (p.role in roles and p.represents_id is None)
        or (p.represents_id is not None and p.represents.role in roles)
    ]


def side_users(agreement: Agreement, roles) -> list[User]:
    parties = _side_parties(agreement, roles)
    return [p.user for p in parties if p.user is not None and p.user.is_active]


def is_on_side(user, agreement: Agreement, roles) -> bool:
    return any(p.user_id == user.pk for p in _side_parties(agreement, roles))


def is_case_staff(user, agreement: Agreement) -> bool:
    """The lead mediator or a coordinator of the referral; without a referral, a mediator of
    the committee holding the case."""
    if agreement.referral_id is None:
        return may_sign_as_mediator(user, agreement)
    return is_lead_mediator(user, agreement.referral) or is_coordinator(user, agreement.referral)


def may_record(user, agreement: Agreement) -> bool:
    return is_on_side(user, agreement, PAYER_ROLES) or is_case_staff(user, agreement)


def may_confirm(user, agreement: Agreement) -> bool:
    return is_on_side(user, agreement, PAYEE_ROLES)


def staff_users(agreement: Agreement) -> list[User]:
    """The lead mediator and the coordinators who follow the agreement's performance."""
    referral = agreement.referral
    if referral is None:
        return list(
            User.objects.filter(
                is_active=True,
                memberships__role=Role.MEDIATOR,
                memberships__agency_id=agreement.case.holding_agency_id,
            ).distinct()
        )
    agencies = {referral.centre_id, referral.committee_id} - {None}
    lead = [
        m.user
        for m in referral.team.filter(active=True, role=TeamRole.LEAD_MEDIATOR).select_related(
            "user"
        )
    ]
    coordinators = User.objects.filter(
        is_active=True, memberships__role=Role.COORDINATOR, memberships__agency_id__in=agencies
    ).distinct()
    return [*lead, *coordinators]
