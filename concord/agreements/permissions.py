"""Who may do what with an agreement: draft and edit it, sign as the mediator, sign as a party."""

from __future__ import annotations

from concord.accounts.roles import Role
from concord.cases.models import Case, Party
from concord.cases.selectors import case_relations
from concord.referrals.choices import TeamRole
from concord.referrals.models import Referral
from concord.referrals.services.common import is_coordinator

from .models import Agreement


def is_lead_mediator(user, referral: Referral | None) -> bool:
    if referral is None:
        return False
    return referral.team.filter(user=user, active=True, role=TeamRole.LEAD_MEDIATOR).exists()


def may_draft(user, case: Case, referral: Referral | None) -> bool:
    """The lead mediator or a coordinator of the referral, or the agency holding the case."""
    if referral is not None and (
        is_lead_mediator(user, referral) or is_coordinator(user, referral)
    ):
        return True
    return "holder" in case_relations(user, case)


def may_sign_as_mediator(user, agreement: Agreement) -> bool:
    """The lead mediator of the referral; without a referral, a mediator of the committee that
    holds the case (a dispute brought to the committee directly)."""
    if agreement.referral_id is not None:
        return is_lead_mediator(user, agreement.referral)
    case = agreement.case
    return user.memberships.filter(role=Role.MEDIATOR, agency_id=case.holding_agency_id).exists()


def own_party_lines(user, agreement: Agreement) -> list[Party]:
    """The party lines ``user`` signs: parties in their own name linked to this account."""
    return list(agreement.case.parties.filter(user=user, represents__isnull=True).order_by("id"))
