"""The vocabularies of a case: kinds, stages, states, party roles, injury grades."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    MINOR_CRIMINAL = "minor_criminal", _("轻微刑事案件")
    CRIMINAL_PUBLIC_INTEREST = "criminal_public_interest", _("刑事附带民事公益诉讼案件")
    CIVIL_DISPUTE = "civil_dispute", _("民间纠纷")


class Stage(models.TextChoices):
    """Stages of the criminal process, in order; civil disputes have no criminal stage."""

    INVESTIGATION = "investigation", _("侦查阶段")
    PROSECUTION = "prosecution", _("审查起诉阶段")
    TRIAL = "trial", _("审判阶段")
    CLOSED = "closed", _("已结案")
    CIVIL = "civil", _("民间纠纷（非刑事）")


CRIMINAL_STAGE_ORDER = [Stage.INVESTIGATION, Stage.PROSECUTION, Stage.TRIAL, Stage.CLOSED]


class CaseState(models.TextChoices):
    REGISTERED = "registered", _("已登记")
    SCREENING = "screening", _("审查筛选中")
    REFERRED = "referred", _("已委派调解")
    IN_MEDIATION = "in_mediation", _("调解中")
    AGREEMENT_SIGNED = "agreement_signed", _("已签署协议")
    UNDER_REVIEW = "under_review", _("审查协议中")
    SETTLED = "settled", _("调解成功")
    FAILED = "failed", _("调解不成")
    WITHDRAWN = "withdrawn", _("已撤回调解")
    NOT_REFERRED = "not_referred", _("不适宜调解")


class DisputeType(models.TextChoices):
    INJURY = "injury", _("人身伤害")
    NEIGHBOUR = "neighbour", _("邻里纠纷")
    FAMILY = "family", _("婚姻家庭")
    LOAN = "loan", _("民间借贷")
    MEDICAL = "medical", _("医疗纠纷")
    TRAFFIC = "traffic", _("交通事故")
    PROPERTY = "property", _("财产损害")
    PERSONAL_INFORMATION = "personal_information", _("个人信息")
    OTHER = "other", _("其他")


class PartyRole(models.TextChoices):
    VICTIM = "victim", _("被害人")
    SUSPECT = "suspect", _("犯罪嫌疑人/被告人")
    APPLICANT = "applicant", _("申请人")
    RESPONDENT = "respondent", _("被申请人")
    CLOSE_RELATIVE = "close_relative", _("近亲属")
    LEGAL_REPRESENTATIVE = "legal_representative", _("法定代理人")
    AGENT = "agent", _("委托代理人")


class InjuryGrade(models.TextChoices):
    """人体损伤程度鉴定标准 (2014), ordered from none to death (domain/injury-grading.md)."""

    NONE = "none", _("未达轻微伤")
    SLIGHT = "slight", _("轻微伤")
    MINOR_2 = "minor_2", _("轻伤二级")
    MINOR_1 = "minor_1", _("轻伤一级")
    SERIOUS_2 = "serious_2", _("重伤二级")
    SERIOUS_1 = "serious_1", _("重伤一级")
    DEATH = "death", _("死亡")


class EventKind(models.TextChoices):
    REGISTERED = "registered", _("登记")
    TRANSITION = "transition", _("状态变更")
    STAGE = "stage", _("诉讼阶段变更")
    UPDATED = "updated", _("信息更新")
    PARTY = "party", _("当事人")
    DOCUMENT = "document", _("文书材料")
    NOTE = "note", _("备注")


class AccessBasis(models.TextChoices):
    REFERRED = "referred", _("委派")
    ASSIGNED = "assigned", _("指派")
    JOINT = "joint", _("联合调解")
