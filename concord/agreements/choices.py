"""Vocabularies of an agreement: its states, context, items of compensation and signer roles."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementState(models.TextChoices):
    DRAFT = "draft", _("草拟中")
    READY = "ready", _("待签署")
    SIGNING = "signing", _("签署中")
    SIGNED = "signed", _("已签署")
    VOID = "void", _("已作废")


class AgreementContext(models.TextChoices):
    """Which law governs the compensation: a criminal case's reconciliation agreement (whose
    civil part a court would otherwise decide as an incidental action), or people's mediation."""

    CRIMINAL_INCIDENTAL = "criminal_incidental", _("刑事和解")
    MEDIATION = "mediation", _("人民调解")


class ItemCode(models.TextChoices):
    """The compensation calculator's item codes (concord/law/compensation/inputs.py), and
    "other" for anything the parties agree that the calculator does not name."""

    MEDICAL = "medical", _("医疗费")
    LOST_INCOME = "lost_income", _("误工费")
    NURSING = "nursing", _("护理费")
    TRANSPORT = "transport", _("交通费")
    ACCOMMODATION = "accommodation", _("住宿费")
    HOSPITAL_FOOD = "hospital_food", _("住院伙食补助费")
    NUTRITION = "nutrition", _("营养费")
    DISABILITY = "disability", _("残疾赔偿金")
    ASSISTIVE_DEVICES = "assistive_devices", _("残疾辅助器具费")
    DEPENDENTS = "dependents", _("被扶养人生活费")
    MENTAL_DISTRESS = "mental_distress", _("精神损害抚慰金")
    FUNERAL = "funeral", _("丧葬费")
    DEATH_COMPENSATION = "death_compensation", _("死亡赔偿金")
    OTHER = "other", _("其他")


class PaymentMode(models.TextChoices):
    ONCE = "once", _("一次性支付")
    INSTALMENTS = "instalments", _("分期支付")


class SignerRole(models.TextChoices):
    PARTY = "party", _("当事人")
    MEDIATOR = "mediator", _("人民调解员")
    COMMITTEE_SEAL = "committee_seal", _("调解组织电子印章")


class SignMethod(models.TextChoices):
    PASSWORD_ID4 = "password+id4", _("登录密码及身份证号码后四位")
    PASSWORD = "password", _("登录密码")
    PADES = "pades", _("PAdES 电子签章")
