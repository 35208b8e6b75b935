"""Vocabularies of after-care: kinds of contact, how the parties get on, alerts, aid categories."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    CALL = "call", _("电话回访")
    VISIT = "visit", _("上门走访")


class Relations(models.TextChoices):
    """How the parties get on since the settlement, as the mediator judged it."""

    CALM = "calm", _("关系平稳")
    TENSE = "tense", _("关系紧张")
    HOSTILE = "hostile", _("敌对")


class AlertReason(models.TextChoices):
    HOSTILE = "hostile", _("回访发现敌对情绪")
    RECURRENCE = "recurrence", _("双方再生矛盾")


class AidCategory(models.TextChoices):
    """Typical eligible victims for state judicial aid (SPC 2016 Opinion Art. 3; 2014 Opinion,
    as reported [S]); corrections-and-aid.md §B. Further categories exist, not listed in detail."""

    INJURED_UNPAID = (
        "injured_unpaid",
        _("因犯罪受重伤或严重残疾，加害人死亡或无赔偿能力（或案件未破），生活困难"),
    )
    URGENT_TREATMENT = "urgent_treatment", _("因犯罪危及生命，急需救治，无力承担医疗费用")
    DEPENDANTS = "dependants", _("因犯罪死亡，依靠其收入为主要生活来源的近亲属无法获得赔偿")
    PROPERTY_LOSS = "property_loss", _("因犯罪遭受重大财产损失，加害人死亡或无赔偿能力，生活困难")
    OTHER = "other", _("其他情形（须注明依据）")
