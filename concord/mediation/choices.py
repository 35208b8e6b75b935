"""Vocabularies of a mediation session: its kinds and states, the six steps, who takes part
and on which side, and what a supervisor records."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from concord.cases.choices import PartyRole
from concord.referrals.choices import TeamRole


class SessionKind(models.TextChoices):
    """The session formats of the integrated mediation centre (seeds/000)."""

    MEDIATION = "mediation", _("调解")
    JOINT_MEDIATION = "joint_mediation", _("联合调解")
    CONSULTATION = "consultation", _("协商协调会")
    LEGAL_REASONING = "legal_reasoning", _("释法说理会")


# Sessions that follow the six-step procedure of criminal court mediation (seeds/001).
STEPPED_KINDS = frozenset({SessionKind.MEDIATION, SessionKind.JOINT_MEDIATION})


class SessionState(models.TextChoices):
    SCHEDULED = "scheduled", _("已安排")
    IN_PROGRESS = "in_progress", _("进行中")
    CONCLUDED = "concluded", _("已结束")
    CANCELLED = "cancelled", _("已取消")


class Step(models.IntegerChoices):
    """The six steps of criminal court mediation, in the order they are taken (seeds/001)."""

    FACTS_ADMITTED = 1, _("认可犯罪事实")
    IMPACT_STATED = 2, _("陈述犯罪影响")
    OTHERS_HEARD = 3, _("相关人员陈述感受")
    COMPENSATION = 4, _("商谈赔偿")
    EVERYONE_SAYS = 5, _("各方发表意见")
    AGREEMENT = 6, _("达成和解协议")


STEP_GUIDANCE = {
    Step.FACTS_ADMITTED: _("犯罪嫌疑人/被告人承认所犯罪行的事实。"),
    Step.IMPACT_STATED: _("被害人陈述犯罪对其身体、生活、工作、学习等造成的影响。"),
    Step.OTHERS_HEARD: _("与犯罪后果有关的人员讲述自己的感受。"),
    Step.COMPENSATION: _(
        "在充分讨论犯罪及其后果之后，调解员询问被害人希望获得的赔偿项目和数额，"
        "以赔偿测算和从宽幅度预估为双方共同的参照，确定加害人应当履行的义务。"
    ),
    Step.EVERYONE_SAYS: _("所有参加人都可以就如何赔偿被害人、如何解决犯罪问题发表意见。"),
    Step.AGREEMENT: _("调解员在听取各方意见后主持达成和解协议，并督促参加人签署协议。"),
}


class StepState(models.TextChoices):
    PENDING = "pending", _("未进行")
    DONE = "done", _("已完成")
    SKIPPED = "skipped", _("已跳过")


class AgreementOutcome(models.TextChoices):
    """What step 6 came to; the agreement itself is drafted in the agreements app."""

    REACHED = "reached", _("达成和解协议")
    PARTIAL = "partial", _("部分达成，另行商谈")
    NOT_REACHED = "not_reached", _("未达成协议")


class Side(models.TextChoices):
    VICTIM = "victim", _("被害人一方")
    SUSPECT = "suspect", _("犯罪嫌疑人/被告人一方")
    NEUTRAL = "neutral", _("居中")


class ParticipantKind(models.TextChoices):
    PARTY = "party", _("当事人及其代理人、近亲属")
    TEAM = "team", _("调解团队")
    INVITED = "invited", _("邀请参加人员")


class InvitedRole(models.TextChoices):
    """Others a mediator may invite (People's Mediation Law Art. 20)."""

    RELATIVE = "relative", _("当事人亲属")
    NEIGHBOUR = "neighbour", _("邻里")
    COLLEAGUE = "colleague", _("同事")
    EXPERT = "expert", _("专业人士")
    COMMUNITY = "community", _("社会组织或村（居）委会人员")
    OTHER = "other", _("其他人员")


class SupervisionKind(models.TextChoices):
    OBSERVATION = "observation", _("监督意见")
    CORRECTION = "correction", _("纠正建议")


# Which side a party's role belongs to. Agents, relatives and representatives take the side of
# the party they act for (Party.represents).
PARTY_SIDES = {
    PartyRole.VICTIM: Side.VICTIM,
    PartyRole.APPLICANT: Side.VICTIM,
    PartyRole.SUSPECT: Side.SUSPECT,
    PartyRole.RESPONDENT: Side.SUSPECT,
}

# Which side a team member is on. Mediators and the joint judge or prosecutor conduct the
# mediation and stand in the middle; a legal-aid lawyer in these cases is assigned to the victim
# (Legal Aid Law Art. 29; seeds/000), a duty lawyer to the suspect (CPL Art. 36).
TEAM_SIDES = {
    TeamRole.LEAD_MEDIATOR: Side.NEUTRAL,
    TeamRole.MEDIATOR: Side.NEUTRAL,
    TeamRole.JUDGE: Side.NEUTRAL,
    TeamRole.PROSECUTOR: Side.NEUTRAL,
    TeamRole.LEGAL_AID_LAWYER: Side.VICTIM,
    TeamRole.DUTY_LAWYER: Side.SUSPECT,
}

# Team members who run a session: schedule it, keep its minutes, write caucus notes.
RUNNING_ROLES = frozenset({TeamRole.LEAD_MEDIATOR, TeamRole.MEDIATOR})
