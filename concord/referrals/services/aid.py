"""Legal aid for victims: the offer made when a criminal case is referred, and the application.

Victims in public-prosecution cases may apply for legal aid when they cannot afford an agent
(Legal Aid Law Art. 29); the agencies handling the case must tell them so (Art. 35). Whether
they qualify is for the legal-aid agency to decide within 7 days (Art. 43), so the platform
offers it to every such victim and passes the application on.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from concord.accounts.models import Agency
from concord.accounts.roles import AgencyKind
from concord.audit.services import audit_record, snapshot
from concord.cases.choices import PartyRole
from concord.core.errors import PermissionRefused, ServiceError

from .. import notices
from ..models import LegalAidOffer, Referral


def aid_offers_make(*, actor, referral: Referral) -> list[LegalAidOffer]:
    """Offer legal aid to each victim of a criminal case being referred."""
    if not referral.case.is_criminal:
        return []
    offers = []
    for party in referral.case.parties.filter(role=PartyRole.VICTIM):
        offer, created = LegalAidOffer.objects.get_or_create(referral=referral, party=party)
        if created:
            offers.append(offer)
            audit_record(actor=actor, action="legal_aid.offer", target=offer)
            if party.user_id:
                notices.legal_aid_offered(offer)
    return offers


@transaction.atomic
def legal_aid_apply(*, actor, offer: LegalAidOffer) -> LegalAidOffer:
    """The victim (or someone acting for them) applies; the district's legal-aid centre is told."""
    offer = (
        LegalAidOffer.objects.select_for_update(of=("self",))
        .select_related("party", "referral__case")
        .get(pk=offer.pk)
    )
    acting = (
        offer.party.user_id == actor.pk or offer.party.representatives.filter(user=actor).exists()
    )
    if not acting:
        raise PermissionRefused("not_party", _lazy("只有被害人本人或其代理人可以申请法律援助。"))
    if offer.applied_at is not None:
        raise ServiceError("already_applied", _lazy("已经申请过法律援助。"))
    before = snapshot(offer)
    offer.applied_at = timezone.now()
    offer.save(update_fields=["applied_at"])
    audit_record(
        actor=actor, action="legal_aid.apply", target=offer, before=before, after=snapshot(offer)
    )
    centres = list(Agency.objects.filter(kind=AgencyKind.LEGAL_AID))
    notices.notify_agencies(
        agencies=centres,
        message=lambda: (
            _("法律援助申请：%(case)s") % {"case": offer.referral.case.number},
            _("%(case)s 的被害人申请法律援助，请在七日内审查决定（法律援助法第四十三条）。")
            % {"case": offer.referral.case.number},
        ),
        key=f"legal_aid:{offer.pk}:applied",
    )
    return offer
