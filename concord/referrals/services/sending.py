"""Sending a case to the mediation centre, and each party's answer to it."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Agency
from concord.accounts.roles import AgencyKind
from concord.audit.services import audit_record, snapshot
from concord.cases import services as case_services
from concord.cases.choices import PartyRole
from concord.cases.models import Case
from concord.cases.selectors import case_relations
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError
from concord.core.storage import blob_put
from concord.core.uploads import read_upload

from .. import deadlines, paperwork, tasks
from ..choices import Outcome, ReferralState, Response, SignMethod
from ..models import PartyConsent, Referral
from .aid import aid_offers_make
from .common import number_for, require_open

# The parties whose consent the referral needs: mediation is voluntary for both sides.
PRINCIPAL_ROLES = (PartyRole.VICTIM, PartyRole.SUSPECT, PartyRole.APPLICANT, PartyRole.RESPONDENT)
CENTRE_KINDS = (AgencyKind.JUDICIAL_BUREAU, AgencyKind.MEDIATION_COMMITTEE)


@transaction.atomic
def referral_send(
    *, actor, case: Case, centre: Agency, reason: str = "", on_paper: bool = False
) -> Referral:
    """Refer the case from its stage to the mediation centre.

    The centre gets the contact letter; each party gets the notification, the application for
    people's mediation and the confidentiality agreement to sign; the deadline is scheduled.
    ``on_paper`` records a referral made on paper before the platform was in use (a data
    migration): its documents exist only on paper, so none are issued and no deadline queued.
    """
    if centre.kind not in CENTRE_KINDS:
        raise InvalidInput("centre", _("请选择接收委派的人民调解组织。"), field="centre")
    if case.referrals.filter(
        state__in=[ReferralState.SENT, ReferralState.TRIAGED, ReferralState.ASSIGNED]
    ).exists():
        raise ServiceError("already_referred", _("本案已有尚未办结的委派。"))
    case = case_services.case_transition(
        actor=actor, case=case, name="refer", note=reason, to_agency=centre
    )
    sent_at = timezone.now()
    period = deadlines.referral_period(
        agency=case.holding_agency, stage=case.stage, on=timezone.localdate()
    )
    referral = Referral.objects.create(
        case=case,
        from_agency=case.holding_agency,
        centre=centre,
        stage=case.stage,
        reason=reason.strip(),
        number=f"tmp-{uuid.uuid4().hex}",
        sent_by=actor,
        sent_at=sent_at,
        due_at=deadlines.due_at(sent_at, period),
    )
    referral.number = number_for(referral)
    referral.save(update_fields=["number"])
    principals = list(case.parties.filter(role__in=PRINCIPAL_ROLES))
    PartyConsent.objects.bulk_create(
        [PartyConsent(referral=referral, party=party) for party in principals]
    )
    audit_record(
        actor=actor,
        action="referral.send",
        target=referral,
        after=snapshot(referral),
        detail={"period": period.source},
    )
    if not on_paper:
        paperwork.issue_on_send(actor=actor, referral=referral, parties=principals)
    aid_offers_make(actor=actor, referral=referral)
    if not on_paper:
        tasks.schedule_deadlines(referral, period)
    return referral


def _check_consent_actor(actor, consent: PartyConsent, method: str) -> None:
    case = consent.referral.case
    if (
        consent.party.user_id == actor.pk
        or consent.party.representatives.filter(user=actor).exists()
    ):
        return  # the party, or someone acting for them, answers online
    if method == SignMethod.PAPER and case_relations(actor, case) & {"holder", "mediation"}:
        return  # staff record a paper answer, with the scan
    raise PermissionRefused("not_party", _("只有当事人本人或其代理人可以答复。"))


@transaction.atomic
def referral_consent(
    *,
    actor,
    consent: PartyConsent,
    accepted: bool,
    method: str = SignMethod.ONLINE,
    reason: str = "",
    scan=None,
) -> PartyConsent:
    """Record a party's answer. A refusal ends the referral: mediation is voluntary."""
    consent = (
        PartyConsent.objects.select_for_update(of=("self",))
        .select_related("referral__case", "party")
        .get(pk=consent.pk)
    )
    referral = consent.referral
    require_open(referral)
    _check_consent_actor(actor, consent, method)
    if consent.response != Response.PENDING:
        raise ServiceError("already_answered", _("该当事人已经答复过。"))
    if method == SignMethod.PAPER and scan is None and accepted:
        raise InvalidInput("scan", _("纸质签署请上传签字后的扫描件。"), field="scan")
    if not accepted and not reason.strip():
        raise InvalidInput("reason", _("请说明拒绝调解的理由。"), field="reason")
    before = snapshot(consent)
    if scan is not None:
        data, _content_type, _name = read_upload(scan)
        consent.scan_sha256 = blob_put(data)
    consent.response = Response.ACCEPTED if accepted else Response.REFUSED
    consent.method = method
    consent.reason = reason.strip()
    consent.responded_at = timezone.now()
    consent.recorded_by = actor
    consent.save()
    audit_record(
        actor=actor,
        action="referral.consent",
        target=consent,
        before=before,
        after=snapshot(consent),
    )
    if not accepted:
        _end_on_refusal(actor, referral, consent)
    return consent


def _end_on_refusal(actor, referral: Referral, consent: PartyConsent) -> None:
    before = snapshot(referral)
    referral.state = ReferralState.REFUSED
    referral.outcome = Outcome.REFUSED
    referral.concluded_at = timezone.now()
    referral.outcome_note = consent.reason
    referral.save(update_fields=["state", "outcome", "concluded_at", "outcome_note"])
    note = _("%(role)s拒绝调解：%(reason)s") % {
        "role": consent.party.get_role_display(),
        "reason": consent.reason,
    }
    # The party may refuse though parties do not hold the case; their refusal is the authority.
    case_services.case_transition(
        actor=actor, case=referral.case, name="refuse", note=str(note), actor_checked=True
    )
    audit_record(
        actor=actor,
        action="referral.refused",
        target=referral,
        before=before,
        after=snapshot(referral),
    )
    paperwork.notify_refusal(referral=referral, consent=consent)
