"""Every write on an agreement: drafted, edited, checked, made ready, signed, voided.

Each runs in a transaction and leaves an audit entry; a refusal raises a ``ServiceError`` whose
message is in the user's language. Rendering runs in the worker after the transaction commits.
"""

from __future__ import annotations

import hmac
import ipaddress
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from concord.audit.models import AuditEntry
from concord.audit.services import audit_record, snapshot
from concord.cases.models import Case, Party
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError, StaleEdit
from concord.referrals.choices import ReferralState
from concord.referrals.models import Referral
from concord.referrals.services import referral_outcome

from . import tasks
from .choices import AgreementContext, AgreementState, ItemCode, PaymentMode, SignerRole, SignMethod
from .models import Agreement, AgreementItem, Instalment, Signature
from .permissions import may_draft, may_sign_as_mediator, own_party_lines
from .validation import (
    AgreementData,
    InstalmentData,
    ItemData,
    PartyData,
    Problem,
    agreement_problems,
)

CONTENT_FIELDS = (
    "agreement_date",
    "facts",
    "admission",
    "apology",
    "understanding",
    "leniency_requested",
    "confidentiality",
    "other_terms",
    "payment_mode",
    "payment_method",
    "pay_by",
    "guarantee",
    "victim_consents_to_instalments",
)
# Wrong passwords or ID digits allowed per signer and agreement in LOCKOUT_WINDOW.
MAX_FAILED_ATTEMPTS = 5
LOCKOUT_WINDOW = timedelta(minutes=15)
USER_AGENT_LENGTH = 200


@dataclass(frozen=True)
class RequestMeta:
    ip: str = ""
    user_agent: str = ""


# --- reading the content -------------------------------------------------------------------


def agreement_data(agreement: Agreement) -> AgreementData:
    """Map the records onto the validation rules' input."""
    parties = agreement.case.parties.filter(represents__isnull=True).order_by("id")
    return AgreementData(
        context=agreement.context,
        agreement_date=agreement.agreement_date,
        parties=tuple(
            PartyData(
                role=p.role,
                name=p.name,
                is_organisation=p.is_organisation,
                has_id_number=bool(p.id_number.strip()),
            )
            for p in parties
        ),
        facts=agreement.facts,
        admission=agreement.admission,
        apology=agreement.apology,
        understanding=agreement.understanding,
        leniency_requested=agreement.leniency_requested,
        items=tuple(ItemData(i.code, i.label, i.amount) for i in agreement.items.all()),
        payment_mode=agreement.payment_mode,
        payment_method=agreement.payment_method,
        pay_by=agreement.pay_by,
        instalments=tuple(InstalmentData(i.due_on, i.amount) for i in agreement.instalments.all()),
        guarantee=agreement.guarantee,
        victim_consents_to_instalments=agreement.victim_consents_to_instalments,
    )


def agreement_check(agreement: Agreement) -> list[Problem]:
    """Return what the law requires and the agreement lacks: errors, then warnings."""
    return agreement_problems(agreement_data(agreement))


# --- drafting and editing ------------------------------------------------------------------


def _clean_items(items) -> list[ItemData]:
    clean = []
    for index, raw in enumerate(items):
        item = raw if isinstance(raw, ItemData) else ItemData(**raw)
        if item.code not in ItemCode.values:
            raise InvalidInput(
                "items", _("第%(n)s项的项目代码无效。") % {"n": index + 1}, field="items"
            )
        try:
            amount = Decimal(item.amount).quantize(Decimal("0.01"))
        except (InvalidOperation, TypeError) as exc:
            raise InvalidInput(
                "items", _("第%(n)s项的金额无效。") % {"n": index + 1}, field="items"
            ) from exc
        clean.append(ItemData(item.code, (item.label or "").strip()[:100], amount))
    return clean


def _clean_instalments(instalments) -> list[InstalmentData]:
    clean = []
    for index, raw in enumerate(instalments):
        instalment = raw if isinstance(raw, InstalmentData) else InstalmentData(**raw)
        if not isinstance(instalment.due_on, date):
            raise InvalidInput(
                "instalments", _("第%(n)s期的日期无效。") % {"n": index + 1}, field="instalments"
            )
        try:
            amount = Decimal(instalment.amount).quantize(Decimal("0.01"))
        except (InvalidOperation, TypeError) as exc:
            raise InvalidInput(
                "instalments", _("第%(n)s期的金额无效。") % {"n": index + 1}, field="instalments"
            ) from exc
        clean.append(InstalmentData(instalment.due_on, amount))
    return clean


def _apply_content(agreement: Agreement, content: dict) -> None:
    unknown = set(content) - set(CONTENT_FIELDS) - {"items", "instalments"}
    if unknown:
        raise InvalidInput("field", _("不能修改这些字段：%s") % ", ".join(sorted(unknown)))
    items = content.get("items")
    instalments = content.get("instalments")
    clean_items = _clean_items(items) if items is not None else None
    clean_instalments = _clean_instalments(instalments) if instalments is not None else None
    for name in CONTENT_FIELDS:
        if name in content:
            value = content[name]
            setattr(agreement, name, value.strip() if isinstance(value, str) else value)
    if agreement.payment_mode not in PaymentMode.values:
        raise InvalidInput("payment_mode", _("履行方式无效。"), field="payment_mode")
    agreement.full_clean(exclude=["case", "referral", "created_by"])
    agreement.save()
    if clean_items is not None:
        agreement.items.all().delete()
        AgreementItem.objects.bulk_create(
            AgreementItem(agreement=agreement, code=i.code, label=i.label, amount=i.amount)
            for i in clean_items
        )
    if clean_instalments is not None:
        agreement.instalments.all().delete()
        Instalment.objects.bulk_create(
            Instalment(agreement=agreement, due_on=i.due_on, amount=i.amount)
            for i in clean_instalments
        )


def _content_snapshot(agreement: Agreement) -> dict:
    data = snapshot(agreement)
    data["items"] = [(i.code, i.label, str(i.amount)) for i in agreement.items.all()]
    data["instalments"] = [(str(i.due_on), str(i.amount)) for i in agreement.instalments.all()]
    return data


@transaction.atomic
def agreement_draft(*, actor, case: Case, referral: Referral | None = None, **content) -> Agreement:
    """Start the agreement of a case (or of its referral), filled from the case's facts."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if referral is not None and referral.case_id != case.pk:
        raise InvalidInput("referral", _("委派与案件不符。"), field="referral")
    if not may_draft(actor, case, referral):
        raise PermissionRefused(
            "not_drafter", _("只有主持调解员、调解中心协调员或承办机关可以起草调解协议。")
        )
    if referral is not None and not referral.is_open:
        raise ServiceError("referral_closed", _("该委派已结束，不能再起草协议。"))
    if case.agreements.exclude(state=AgreementState.VOID).exists():
        raise ServiceError("exists", _("本案已有一份未作废的调解协议。"))
    agreement = Agreement(
        case=case,
        referral=referral,
        context=(
            AgreementContext.CRIMINAL_INCIDENTAL if case.is_criminal else AgreementContext.MEDIATION
        ),
        agreement_date=timezone.localdate(),
        facts=case.facts,
        created_by=actor,
    )
    _apply_content(agreement, content)
    audit_record(
        actor=actor, action="agreement.draft", target=agreement, after=_content_snapshot(agreement)
    )
    return agreement


def _locked(agreement: Agreement) -> Agreement:
    return (
        Agreement.objects.select_for_update(of=("self",))
        .select_related("case", "referral")
        .get(pk=agreement.pk)
    )


def _require_drafter(actor, agreement: Agreement) -> None:
    if not may_draft(actor, agreement.case, agreement.referral):
        raise PermissionRefused(
            "not_drafter", _("只有主持调解员、调解中心协调员或承办机关可以修改调解协议。")
        )


def _require_version(agreement: Agreement, expected_version: int) -> None:
    if agreement.version != expected_version:
        raise StaleEdit(
            "stale",
            _("协议已被他人修改（当前版本 %(current)s，您的版本 %(yours)s），请刷新后重新编辑。")
            % {"current": agreement.version, "yours": expected_version},
        )


@transaction.atomic
def agreement_update(*, actor, agreement: Agreement, expected_version: int, **content) -> Agreement:
    """Change the content; an agreement waiting for signatures goes back to draft."""
    agreement = _locked(agreement)
    _require_drafter(actor, agreement)
    _require_version(agreement, expected_version)
    if not agreement.editable:
        raise ServiceError(
            "not_editable",
            _("协议处于“%(state)s”状态，不能修改；如需变更，请作废后重新起草。")
            % {"state": agreement.get_state_display()},
        )
    before = _content_snapshot(agreement)
    agreement.state = AgreementState.DRAFT
    agreement.signing_pdf_sha256 = ""
    agreement.signing_pdf_en_sha256 = ""
    agreement.ready_at = None
    agreement.version += 1
    _apply_content(agreement, content)
    audit_record(
        actor=actor,
        action="agreement.update",
        target=agreement,
        before=before,
        after=_content_snapshot(agreement),
    )
    return agreement


@transaction.atomic
def agreement_ready(*, actor, agreement: Agreement, expected_version: int) -> Agreement:
    """Freeze the content for signature; refused while the checks find errors."""
    agreement = _locked(agreement)
    _require_drafter(actor, agreement)
    _require_version(agreement, expected_version)
    if agreement.state != AgreementState.DRAFT:
        raise ServiceError("not_draft", _("只有草拟中的协议可以提交签署。"))
    problems = agreement_check(agreement)
    errors = [p for p in problems if p.is_error]
    if errors:
        raise ServiceError(
            "has_errors",
            _("协议还有 %(count)s 处必须改正的问题：%(first)s")
            % {"count": len(errors), "first": errors[0].message},
        )
    agreement.state = AgreementState.READY
    agreement.ready_at = timezone.now()
    agreement.version += 1
    agreement.save(update_fields=["state", "ready_at", "version", "updated_at"])
    audit_record(
        actor=actor,
        action="agreement.ready",
        target=agreement,
        detail={"warnings": [p.code for p in problems]},
    )
    agreement_id, version = agreement.pk, agreement.version
    transaction.on_commit(lambda: tasks.agreement_render(agreement_id, version))
    return agreement


@transaction.atomic
def agreement_void(*, actor, agreement: Agreement, reason: str) -> Agreement:
    """Void the agreement (a party backed out before it was signed, or it was found invalid,
    SPP-2019 Art. 504); a new one may then be drafted."""
    agreement = _locked(agreement)
    _require_drafter(actor, agreement)
    if agreement.state == AgreementState.VOID:
        raise ServiceError("void", _("协议已作废。"))
    if not reason.strip():
        raise InvalidInput("reason", _("请说明作废原因。"), field="reason")
    before = snapshot(agreement)
    agreement.state = AgreementState.VOID
    agreement.void_reason = reason.strip()
    agreement.version += 1
    agreement.save(update_fields=["state", "void_reason", "version", "updated_at"])
    audit_record(
        actor=actor,
        action="agreement.void",
        target=agreement,
        before=before,
        after=snapshot(agreement),
    )
    return agreement


# --- signing -------------------------------------------------------------------------------


def mask_ip(value: str) -> str:
    """Keep the network, drop the host: 203.0.113.* or 2001:db8:1:2::*."""
    try:
        address = ipaddress.ip_address(value.strip())
    except ValueError:
        return ""
    if address.version == 4:
        return ".".join(str(address).split(".")[:3]) + ".*"
    return ":".join(address.exploded.split(":")[:4]) + "::*"


def _meta(request_meta) -> RequestMeta:
    if isinstance(request_meta, RequestMeta):
        return request_meta
    data = request_meta or {}
    return RequestMeta(ip=data.get("ip", ""), user_agent=data.get("user_agent", ""))


def _failed_attempts(actor, agreement: Agreement) -> int:
    return AuditEntry.objects.filter(
        action="agreement.sign_refused",
        actor=actor,
        object_type=Agreement._meta.label_lower,
        object_id=str(agreement.pk),
        at__gte=timezone.now() - LOCKOUT_WINDOW,
    ).count()


def _capacity(actor, agreement: Agreement) -> tuple[str, Party | None]:
    """Return how ``actor`` signs now: their own party line, or the mediator's line."""
    signed = set(
        agreement.signatures.filter(role=SignerRole.PARTY).values_list("party_id", flat=True)
    )
    for party in own_party_lines(actor, agreement):
        if party.pk not in signed:
            return SignerRole.PARTY, party
    if may_sign_as_mediator(actor, agreement):
        signers = agreement.case.parties.filter(represents__isnull=True).values_list(
            "id", flat=True
        )
        if set(signers) - signed:
            raise ServiceError(
                "parties_first", _("各方当事人签署后，调解员才能签署。"), field="password"
            )
        if agreement.signatures.filter(role=SignerRole.MEDIATOR).exists():
            raise ServiceError("already_signed", _("调解员已签署。"))
        return SignerRole.MEDIATOR, None
    if own_party_lines(actor, agreement):
        raise ServiceError("already_signed", _("您已签署本协议。"))
    raise PermissionRefused("not_signer", _("您不是本协议的签署人。"))


def _refuse(actor, agreement: Agreement, code: str, message, meta: RequestMeta, field: str):
    with transaction.atomic():
        audit_record(
            actor=actor,
            action="agreement.sign_refused",
            target=agreement,
            detail={"reason": code, "ip": mask_ip(meta.ip)},
        )
    raise InvalidInput(code, message, field=field)


def agreement_sign(
    *, actor, agreement: Agreement, password: str, id_last4: str, request_meta
) -> Signature:
    """Sign the agreement on the actor's own device after checking who they are.

    A party re-enters their password and the last four characters of their ID number (checked
    against the encrypted number on the party); the mediator re-enters their password once
    every party has signed. The signature records the SHA-256 of the exact PDF signed. A wrong
    answer is audited; after five in fifteen minutes signing is refused for a while.
    """
    meta = _meta(request_meta)
    agreement = Agreement.objects.select_related("case", "referral").get(pk=agreement.pk)
    if agreement.state not in (AgreementState.READY, AgreementState.SIGNING):
        raise ServiceError("not_signable", _("协议当前不能签署。"))
    if not agreement.signing_pdf_sha256:
        raise ServiceError("not_rendered", _("协议文本正在生成，请稍后再试。"))
    role, party = _capacity(actor, agreement)
    if _failed_attempts(actor, agreement) >= MAX_FAILED_ATTEMPTS:
        raise ServiceError("locked", _("身份核验失败次数过多，请十五分钟后再试。"))
    if not actor.check_password(password or ""):
        _refuse(actor, agreement, "password", _("密码不正确。"), meta, "password")
    if party is not None:
        expected = (party.id_number or "").strip().upper()[-4:]
        given = (id_last4 or "").strip().upper()
        if len(expected) != 4:
            raise ServiceError(
                "no_id_number", _("当事人身份证号码未登记，无法在线核验身份，请联系调解员。")
            )
        if not hmac.compare_digest(given.encode(), expected.encode()):
            _refuse(actor, agreement, "id_last4", _("身份证号码后四位不正确。"), meta, "id_last4")
    return _signature_record(actor, agreement, role, party, meta)


@transaction.atomic
def _signature_record(actor, agreement, role: str, party: Party | None, meta: RequestMeta):
    agreement = _locked(agreement)
    # The state may have changed between the checks and the lock: check again.
    if agreement.state not in (AgreementState.READY, AgreementState.SIGNING):
        raise ServiceError("not_signable", _("协议当前不能签署。"))
    if (role, party) != _capacity(actor, agreement):
        raise ServiceError("already_signed", _("您已签署本协议。"))
    now = timezone.now()
    signature = Signature.objects.create(
        agreement=agreement,
        role=role,
        party=party,
        signer=actor,
        signed_at=now,
        method=SignMethod.PASSWORD_ID4 if party is not None else SignMethod.PASSWORD,
        evidence={"password": True, "id_last4": party is not None},
        pdf_sha256=agreement.signing_pdf_sha256,
        ip_masked=mask_ip(meta.ip),
        user_agent=meta.user_agent[:USER_AGENT_LENGTH],
    )
    before = snapshot(agreement)
    agreement.state = (
        AgreementState.SIGNED if role == SignerRole.MEDIATOR else AgreementState.SIGNING
    )
    if role == SignerRole.MEDIATOR:
        agreement.signed_at = now
    agreement.save(update_fields=["state", "signed_at", "updated_at"])
    audit_record(
        actor=actor,
        action="agreement.sign",
        target=agreement,
        before=before,
        after=snapshot(agreement),
        detail={
            "role": role,
            "party": party.pk if party else None,
            "method": signature.method,
            "pdf_sha256": signature.pdf_sha256,
            "ip": signature.ip_masked,
        },
    )
    if role == SignerRole.MEDIATOR:
        _referral_settled(actor, agreement)
        agreement_id = agreement.pk
        transaction.on_commit(lambda: tasks.agreement_seal(agreement_id))
    return signature


def _referral_settled(actor, agreement: Agreement) -> None:
    """The agreement signed by everyone is the referral's outcome: record it there once.

    If the mediator already recorded the outcome by hand, the referral has moved on and is left
    alone; the feedback letter then carries what was recorded.
    """
    referral = agreement.referral
    if referral is None or referral.state != ReferralState.ASSIGNED:
        return
    total = agreement.total
    with translation.override("zh-hans"):  # the feedback letter is an official Chinese text
        summary = _("当事人已签署调解协议（共 %(items)s 项，合计 %(total)s 元）。") % {
            "items": agreement.items.count(),
            "total": f"{total:.2f}",
        }
    referral_outcome(
        actor=actor, referral=referral, settled=True, agreement_summary=str(summary), amount=total
    )


@transaction.atomic
def agreement_read_recorded(*, actor, agreement: Agreement, copy: str) -> None:
    """An agreement shows personal data: every download is audited."""
    audit_record(actor=actor, action="agreement.read", target=agreement, detail={"copy": copy})
