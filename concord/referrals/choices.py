"""Vocabularies of a referral: its states, team roles, party responses and agency decisions."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralState(models.TextChoices):
    SENT = "sent", _("已发送，待分流")
    TRIAGED = "triaged", _("已分流，待指派")
    ASSIGNED = "assigned", _("已指派调解员")
    SETTLED = "settled", _("调解成功")
    FAILED = "failed", _("调解不成")
    REFUSED = "refused", _("当事人拒绝调解")
    FEEDBACK_SENT = "feedback_sent", _("已反馈办案机关")
    DECIDED = "decided", _("办案机关已作决定")


OPEN_STATES = (ReferralState.SENT, ReferralState.TRIAGED, ReferralState.ASSIGNED)


class Outcome(models.TextChoices):
    SETTLED = "settled", _("调解成功")
    FAILED = "failed", _("调解不成")
    REFUSED = "refused", _("当事人拒绝调解")


class TeamRole(models.TextChoices):
    LEAD_MEDIATOR = "lead_mediator", _("主持调解员")
    MEDIATOR = "mediator", _("调解员")
    JUDGE = "judge", _("法官")
    PROSECUTOR = "prosecutor", _("检察官")
    LEGAL_AID_LAWYER = "legal_aid_lawyer", _("法律援助律师")
    DUTY_LAWYER = "duty_lawyer", _("值班律师")


class Response(models.TextChoices):
    PENDING = "pending", _("待答复")
    ACCEPTED = "accepted", _("同意调解")
    REFUSED = "refused", _("拒绝调解")


class SignMethod(models.TextChoices):
    ONLINE = "online", _("线上签署")
    PAPER = "paper", _("纸质签署后扫描")


class Decision(models.TextChoices):
    """What the referring agency decides once mediation ends (CPL Art. 290; seeds/000)."""

    LENIENCY_SUGGESTION = "leniency_suggestion", _("向检察院提出从宽处理建议")
    WITHDRAWAL = "withdrawal", _("不予立案或撤销案件")
    NON_ARREST = "non_arrest", _("不批准逮捕（附条件）")
    NON_PROSECUTION = "non_prosecution", _("不起诉")
    LENIENT_SENTENCING_RECOMMENDATION = "lenient_sentencing_recommendation", _("提出从宽量刑建议")
    LIGHTER_SENTENCE = "lighter_sentence", _("依法从轻处罚")
    EXEMPTION = "exemption", _("免予刑事处罚")
    AGREEMENT_REJECTED = "agreement_rejected", _("协议未通过自愿性、合法性审查")
    CONTINUE = "continue", _("依法继续诉讼程序")
    CIVIL_CLOSED = "civil_closed", _("纠纷化解，结案")
