"""Every write on a case: each in a transaction, each leaving a timeline event and an audit entry.

Public entry points check first (who may, and whether the case allows it), then write; a refusal
raises a ``ServiceError`` whose message is in the user's language.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.accounts.models import Agency, User
from concord.accounts.roles import AgencyKind, Role
from concord.audit.services import audit_record, snapshot
from concord.core.errors import InvalidInput, PermissionRefused, ServiceError, StaleEdit
from concord.core.identity import id_number_problem
from concord.core.storage import blob_put
from concord.core.uploads import read_upload

from .choices import (
    CRIMINAL_STAGE_ORDER,
    AccessBasis,
    CaseKind,
    CaseState,
    EventKind,
    PartyRole,
    Stage,
)
from .lifecycle import ACTIVE_MEDIATION_STATES, TRANSITIONS
from .models import Case, CaseAccess, CaseDocument, CaseEvent, CaseOffence, Injury, Party
from .rules import screening_refresh
from .selectors import case_relations

# The stage at which each kind of agency holds a criminal case.
STAGE_OF_AGENCY = {
    AgencyKind.POLICE: Stage.INVESTIGATION,
    AgencyKind.PROCURATORATE: Stage.PROSECUTION,
    AgencyKind.COURT: Stage.TRIAL,
}
ROLE_OF_AGENCY = {
    AgencyKind.POLICE: {Role.POLICE_OFFICER},
    AgencyKind.PROCURATORATE: {Role.PROSECUTOR},
    AgencyKind.COURT: {Role.JUDGE, Role.JUDGE_ASSISTANT},
    AgencyKind.MEDIATION_COMMITTEE: {Role.COORDINATOR, Role.MEDIATOR},
    AgencyKind.JUDICIAL_BUREAU: {Role.COORDINATOR},
}


@dataclass
class PartyInput:
    role: str
    name: str
    id_number: str = ""
    phone: str = ""
    address: str = ""
    birth_date: date | None = None
    is_organisation: bool = False
    prior_intentional_crime_within_5_years: bool | None = None


@dataclass
class InjuryInput:
    grade: str
    victim_index: int | None = None
    disability_grade: int | None = None
    appraisal_date: date | None = None
    provisional: bool = False


@dataclass
class CaseInput:
    kind: str
    title: str
    facts: str = ""
    dispute_type: str = "injury"
    occurred_on: date | None = None
    place: str = ""
    civil_dispute_origin: bool | None = None
    public_interest_litigation: bool = False
    parties: list[PartyInput] = field(default_factory=list)
    offences: list[tuple[str, int | None]] = field(default_factory=list)
    injuries: list[InjuryInput] = field(default_factory=list)


def _event(case: Case, actor, code: str, kind: str, **extra) -> CaseEvent:
    return CaseEvent.objects.create(
        case=case, at=timezone.now(), actor=actor, kind=kind, code=code, **extra
    )


def _agency_params(agency: Agency) -> dict:
    return {"agency": agency.name, "agency_en": agency.name_en, "agency_id": agency.pk}


def check_case_register(*, actor: User, agency: Agency, data: CaseInput) -> None:
    allowed = {str(r) for r in ROLE_OF_AGENCY.get(agency.kind, set())}
    member_roles = set(actor.memberships.filter(agency=agency).values_list("role", flat=True))
    if not member_roles & allowed:
        raise PermissionRefused("not_member", _("您不是该机关的办案人员，不能以其名义登记案件。"))
    if data.kind not in CaseKind.values:
        raise InvalidInput("kind", _("请选择案件类型。"), field="kind")
    if agency.kind not in STAGE_OF_AGENCY and data.kind != CaseKind.CIVIL_DISPUTE:
        raise InvalidInput(
            "kind", _("调解组织只能登记民间纠纷；刑事案件由办案机关登记后委派。"), field="kind"
        )
    if not data.title.strip():
        raise InvalidInput("title", _("请填写案由。"), field="title")
    if data.occurred_on and data.occurred_on > timezone.localdate():
        raise InvalidInput("occurred_on", _("发生日期不能晚于今天。"), field="occurred_on")
    for index, party in enumerate(data.parties):
        _check_party(party, index)
    if data.kind != CaseKind.CIVIL_DISPUTE and not data.offences:
        raise InvalidInput("offences", _("刑事案件请至少填写一个涉嫌罪名。"), field="offences")


def _check_party(party: PartyInput, index: int) -> None:
    prefix = f"parties[{index}]"
    if party.role not in PartyRole.values:
        raise InvalidInput("party_role", _("当事人身份无效。"), field=f"{prefix}.role")
    if not party.name.strip():
        raise InvalidInput("party_name", _("请填写当事人姓名。"), field=f"{prefix}.name")
    if party.id_number and not party.is_organisation:
        problem = id_number_problem(party.id_number)
        if problem is not None:
            raise InvalidInput(
                "id_number", ID_NUMBER_MESSAGES[problem], field=f"{prefix}.id_number"
            )
    if party.phone and not (party.phone.isdigit() and 7 <= len(party.phone) <= 15):
        raise InvalidInput("phone", _("联系电话应为7至15位数字。"), field=f"{prefix}.phone")


ID_NUMBER_MESSAGES = {
    "format": _("身份证号码应为18位，前17位为数字，最后一位为数字或X。"),
    "region": _("身份证号码的地区码无效。"),
    "birth_date": _("身份证号码中的出生日期无效。"),
    "check_digit": _("身份证号码校验位不正确，请核对。"),
}


@transaction.atomic
def case_register(*, actor: User, agency: Agency, data: CaseInput) -> Case:
    """Register a case at ``agency``'s stage, with its parties, offences and injuries."""
    check_case_register(actor=actor, agency=agency, data=data)
    stage = Stage.CIVIL if data.kind == CaseKind.CIVIL_DISPUTE else STAGE_OF_AGENCY[agency.kind]
    case = Case(
        number=f"tmp-{uuid.uuid4().hex}",
        kind=data.kind,
        title=data.title.strip(),
        facts=data.facts.strip(),
        dispute_type=data.dispute_type,
        stage=stage,
        state=CaseState.REGISTERED,
        holding_agency=agency,
        registered_by=actor,
        occurred_on=data.occurred_on,
        place=data.place.strip(),
        region_code=agency.region_code,
        civil_dispute_origin=data.civil_dispute_origin,
        public_interest_litigation=data.public_interest_litigation,
    )
    case.full_clean(exclude=["number"])
    case.save()
    # The number needs the row's id, so it is set once the row exists.
    case.number = f"{timezone.localdate().year}-{agency.code.upper()}-{case.pk:06d}"
    case.save(update_fields=["number"])
    parties = [
        Party.objects.create(case=case, **vars(p) | {"name": p.name.strip()}) for p in data.parties
    ]
    for article, tier in data.offences:
        CaseOffence.objects.create(case=case, article=article, tier=tier)
    for injury in data.injuries:
        victim = parties[injury.victim_index] if injury.victim_index is not None else None
        Injury.objects.create(
            case=case,
            victim=victim,
            grade=injury.grade,
            disability_grade=injury.disability_grade,
            appraisal_date=injury.appraisal_date,
            provisional=injury.provisional,
        )
    _event(
        case,
        actor,
        "case.registered",
        EventKind.REGISTERED,
        to_state=case.state,
        stage=case.stage,
        params=_agency_params(agency),
    )
    audit_record(
        actor=actor,
        action="case.register",
        target=case,
        after=snapshot(case),
        detail={"parties": len(parties), "offences": len(data.offences)},
    )
    screening_refresh(actor=actor, case=case)
    return case


EDITABLE_FIELDS = (
    "title",
    "facts",
    "dispute_type",
    "occurred_on",
    "place",
    "civil_dispute_origin",
    "public_interest_litigation",
    "suspect_repents",
    "victim_willing",
)


@transaction.atomic
def case_update(*, actor: User, case: Case, expected_version: int, **changes) -> Case:
    """Change the case's descriptive fields; refuse an edit based on an outdated version."""
    if "holder" not in case_relations(actor, case):
        raise PermissionRefused("not_holder", _("只有承办机关可以修改案件信息。"))
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInput("field", _("不能修改这些字段：%s") % ", ".join(sorted(unknown)))
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.version != expected_version:
        raise StaleEdit(
            "stale",
            _("案件已被他人修改（当前版本 %(current)s，您的版本 %(yours)s），请刷新后重新编辑。")
            % {"current": locked.version, "yours": expected_version},
        )
    before = snapshot(locked)
    for name, value in changes.items():
        setattr(locked, name, value)
    if not str(locked.title).strip():
        raise InvalidInput("title", _("请填写案由。"), field="title")
    locked.version += 1
    locked.full_clean()
    locked.save()
    _event(locked, actor, "case.updated", EventKind.UPDATED, params={"fields": sorted(changes)})
    audit_record(
        actor=actor, action="case.update", target=locked, before=before, after=snapshot(locked)
    )
    screening_refresh(actor=actor, case=locked)
    return locked


def check_case_transition(
    *, actor: User, case: Case, name: str, actor_checked: bool = False
) -> None:
    """Refuse the transition unless the case's state and the actor's standing allow it.

    ``actor_checked`` is for services that have authorised the step by their own rule (a party
    refusing mediation ends the referral though parties do not hold the case).
    """
    transition = TRANSITIONS.get(name)
    if transition is None:
        raise InvalidInput("transition", _("未知的操作：%s") % name)
    if case.state not in transition.sources:
        separator = str(_("、"))
        allowed = separator.join(str(CaseState(s).label) for s in sorted(transition.sources))
        raise ServiceError(
            "transition_not_allowed",
            _("案件当前状态为“%(state)s”，不能“%(action)s”；该操作只适用于：%(allowed)s。")
            % {
                "state": CaseState(case.state).label,
                "action": transition.label,
                "allowed": allowed,
            },
        )
    if not actor_checked and not case_relations(actor, case) & transition.by:
        raise PermissionRefused(
            "not_allowed_for_role",
            _("您在本案中的身份不能执行“%(action)s”。") % {"action": transition.label},
        )
    if name in ("screen", "rescreen", "refer") and case.stage == Stage.CLOSED:
        raise ServiceError("case_closed", _("案件已结案，不能再审查或委派调解。"))
    if name == "rescreen":
        _check_later_stage(case)


def _check_later_stage(case: Case) -> None:
    if case.stage == Stage.CIVIL:
        raise ServiceError(
            "civil_rescreen", _("民间纠纷调解终结后不再重新审查；当事人可重新申请调解。")
        )
    last = case.screened_stage
    if last and CRIMINAL_STAGE_ORDER.index(case.stage) <= CRIMINAL_STAGE_ORDER.index(last):
        raise ServiceError(
            "same_stage",
            _("本案已在“%(stage)s”审查过；移送至下一诉讼阶段后方可重新审查、委派。")
            % {"stage": Stage(last).label},
        )


@transaction.atomic
def case_transition(
    *,
    actor: User,
    case: Case,
    name: str,
    note: str = "",
    to_agency: Agency | None = None,
    actor_checked: bool = False,
) -> Case:
    """Move the case along its lifecycle; record the step on the timeline and in the audit."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("holding_agency")
        .get(pk=case.pk)
    )
    check_case_transition(actor=actor, case=case, name=name, actor_checked=actor_checked)
    transition = TRANSITIONS[name]
    before = snapshot(case)
    if name == "refer":
        _grant_referral(actor, case, to_agency)
    if name in ("screen", "rescreen"):
        case.screened_stage = case.stage
    old_state, case.state = case.state, transition.target
    case.version += 1
    case.save(update_fields=["state", "screened_stage", "version", "updated_at"])
    _event(
        case,
        actor,
        f"case.transition.{name}",
        EventKind.TRANSITION,
        from_state=old_state,
        to_state=case.state,
        stage=case.stage,
        note=note.strip(),
    )
    audit_record(
        actor=actor,
        action=f"case.{name}",
        target=case,
        before=before,
        after=snapshot(case),
        detail={"transition": name},
    )
    return case


def _grant_referral(actor: User, case: Case, to_agency: Agency | None) -> None:
    if to_agency is None or to_agency.kind not in (
        AgencyKind.MEDIATION_COMMITTEE,
        AgencyKind.JUDICIAL_BUREAU,
    ):
        raise InvalidInput("to_agency", _("请选择接收委派的人民调解组织。"), field="to_agency")
    case_access_grant(actor=actor, case=case, agency=to_agency, basis=AccessBasis.REFERRED)
    _event(case, actor, "case.referred_to", EventKind.NOTE, params=_agency_params(to_agency))


def next_stage_agencies(case: Case) -> list[Agency]:
    """The agencies a criminal case can be transferred to: those of the next stage."""
    if case.stage not in CRIMINAL_STAGE_ORDER[:2] or case.state in ACTIVE_MEDIATION_STATES:
        return []
    following = CRIMINAL_STAGE_ORDER[CRIMINAL_STAGE_ORDER.index(case.stage) + 1]
    kinds = [kind for kind, stage in STAGE_OF_AGENCY.items() if stage == following]
    return list(Agency.objects.filter(kind__in=kinds).order_by("name"))


@transaction.atomic
def case_transfer(*, actor: User, case: Case, to_agency: Agency, note: str = "") -> Case:
    """Move a criminal case to the next agency and stage (police → procuratorate → court)."""
    case = (
        Case.objects.select_for_update(of=("self",))
        .select_related("holding_agency")
        .get(pk=case.pk)
    )
    if "holder" not in case_relations(actor, case):
        raise PermissionRefused("not_holder", _("只有承办机关可以移送案件。"))
    if case.stage == Stage.CIVIL:
        raise ServiceError("civil_transfer", _("民间纠纷没有刑事诉讼阶段，不能移送。"))
    if case.state in ACTIVE_MEDIATION_STATES:
        raise ServiceError("mediation_active", _("案件正在调解中，调解结束后方可移送下一阶段。"))
    new_stage = STAGE_OF_AGENCY.get(to_agency.kind)
    if new_stage is None or CRIMINAL_STAGE_ORDER.index(new_stage) != (
        CRIMINAL_STAGE_ORDER.index(case.stage) + 1
    ):
        raise InvalidInput("to_agency", _("只能移送至下一诉讼阶段的办案机关。"), field="to_agency")
    before = snapshot(case)
    case.holding_agency, case.stage = to_agency, new_stage
    case.version += 1
    case.save(update_fields=["holding_agency", "stage", "version", "updated_at"])
    _event(
        case,
        actor,
        "case.stage",
        EventKind.STAGE,
        stage=new_stage,
        note=note.strip(),
        params=_agency_params(to_agency) | {"stage": new_stage},
    )
    audit_record(
        actor=actor, action="case.transfer", target=case, before=before, after=snapshot(case)
    )
    return case


@transaction.atomic
def case_close(*, actor: User, case: Case, note: str = "") -> Case:
    """Record that the criminal process has ended (judgment, non-prosecution, withdrawal)."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if "holder" not in case_relations(actor, case):
        raise PermissionRefused("not_holder", _("只有承办机关可以结案。"))
    if case.stage in (Stage.CLOSED, Stage.CIVIL):
        raise ServiceError("not_open", _("案件不处于刑事诉讼阶段，不能结案。"))
    if case.state in ACTIVE_MEDIATION_STATES:
        raise ServiceError("mediation_active", _("案件正在调解中，调解结束后方可结案。"))
    before = snapshot(case)
    case.stage = Stage.CLOSED
    case.version += 1
    case.save(update_fields=["stage", "version", "updated_at"])
    _event(
        case,
        actor,
        "case.closed",
        EventKind.STAGE,
        stage=Stage.CLOSED,
        note=note.strip(),
        params=_agency_params(case.holding_agency) | {"stage": Stage.CLOSED},
    )
    audit_record(actor=actor, action="case.close", target=case, before=before, after=snapshot(case))
    return case


@transaction.atomic
def party_add(
    *, actor: User, case: Case, data: PartyInput, represents: Party | None = None
) -> Party:
    if "holder" not in case_relations(actor, case):
        raise PermissionRefused("not_holder", _("只有承办机关可以增加当事人。"))
    _check_party(data, 0)
    party = Party.objects.create(case=case, represents=represents, **vars(data))
    _event(case, actor, "case.party_added", EventKind.PARTY, params={"role": data.role})
    audit_record(actor=actor, action="party.add", target=party, after=snapshot(party))
    return party


@transaction.atomic
def document_attach(*, actor: User, case: Case, title: str, uploaded) -> CaseDocument:
    """Attach a file to the case; its bytes are stored once, under their SHA-256."""
    relations = case_relations(actor, case)
    if not relations & {"holder", "mediation", "party"}:
        raise PermissionRefused("not_allowed", _("您不能向本案上传材料。"))
    data, content_type, filename = read_upload(uploaded)
    digest = blob_put(data)
    document = CaseDocument.objects.create(
        case=case,
        title=(title.strip() or filename)[:200],
        sha256=digest,
        size=len(data),
        content_type=content_type,
        filename=filename,
        uploaded_by=actor,
    )
    _event(case, actor, "case.document", EventKind.DOCUMENT, params={"title": document.title})
    audit_record(actor=actor, action="document.attach", target=document, after=snapshot(document))
    return document


@transaction.atomic
def case_read_recorded(*, actor: User, case: Case, channel: str) -> None:
    """Opening a case shows personal and health data (masked): every opening is audited."""
    audit_record(actor=actor, action="case.read", target=case, detail={"channel": channel})


@transaction.atomic
def document_read_recorded(*, actor: User, document: CaseDocument) -> None:
    """Case files are sensitive: every download is audited."""
    audit_record(actor=actor, action="document.read", target=document)


@transaction.atomic
def party_link_user(*, actor: User, party: Party, user: User) -> Party:
    """Give a party (or someone acting for one) their platform account for the case."""
    if "holder" not in case_relations(actor, party.case) and not actor.is_superuser:
        raise PermissionRefused("not_holder", _("只有承办机关可以为当事人关联账户。"))
    before = snapshot(party)
    party.user = user
    party.save(update_fields=["user"])
    audit_record(
        actor=actor, action="party.user_link", target=party, before=before, after=snapshot(party)
    )
    return party


@transaction.atomic
def case_access_grant(
    *,
    actor: User | None,
    case: Case,
    basis: str,
    agency: Agency | None = None,
    user: User | None = None,
) -> CaseAccess:
    """Let an agency or a person see the case: a referral, an assignment, a joint team."""
    if (agency is None) == (user is None):
        raise InvalidInput("grantee", _("请指定一个机构或一名人员。"))
    grant, created = CaseAccess.objects.get_or_create(
        case=case, agency=agency, user=user, basis=basis, defaults={"active": True}
    )
    if not created and not grant.active:
        grant.active = True
        grant.save(update_fields=["active"])
    audit_record(actor=actor, action="case.access_grant", target=grant, after=snapshot(grant))
    return grant
