"""Agency kinds and staff roles (PRODUCT.md, "Who uses it")."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    POLICE = "police", _("公安分局")
    PROCURATORATE = "procuratorate", _("人民检察院")
    COURT = "court", _("人民法院")
    JUDICIAL_BUREAU = "judicial_bureau", _("司法局")
    MEDIATION_COMMITTEE = "mediation_committee", _("人民调解委员会")
    LEGAL_AID = "legal_aid", _("法律援助中心")


class CommitteeSpecialty(models.TextChoices):
    JOINT = "joint", _("联合人民调解委员会")
    MEDICAL = "medical", _("医疗纠纷调解")
    TRAFFIC = "traffic", _("交通事故调解")
    POLICE_STATION = "police_station", _("派出所调解室")
    PROCURATORATE_STUDIO = "procuratorate_studio", _("驻检察院调解工作室")
    SUBDISTRICT = "subdistrict", _("街镇调解室")
    COURT_STATION = "court_station", _("驻法院调解工作室")


class Role(models.TextChoices):
    POLICE_OFFICER = "police_officer", _("公安办案民警")
    PROSECUTOR = "prosecutor", _("检察官")
    JUDGE = "judge", _("法官")
    JUDGE_ASSISTANT = "judge_assistant", _("法官助理")
    COORDINATOR = "coordinator", _("调解中心协调员")
    MEDIATOR = "mediator", _("人民调解员")
    SUPERVISOR = "supervisor", _("监督员")
    ANALYST = "analyst", _("统计分析员")
    LEGAL_AID_LAWYER = "legal_aid_lawyer", _("法律援助律师")
    ADMINISTRATOR = "administrator", _("系统管理员")


# Roles that hold a case at a stage of the criminal process, and the agency kind they belong to.
CASE_HOLDING_ROLES = {
    Role.POLICE_OFFICER: AgencyKind.POLICE,
    Role.PROSECUTOR: AgencyKind.PROCURATORATE,
    Role.JUDGE: AgencyKind.COURT,
    Role.JUDGE_ASSISTANT: AgencyKind.COURT,
}
# Roles of the mediation centre side.
MEDIATION_ROLES = {Role.COORDINATOR, Role.MEDIATOR}
# Roles that may register a case in their agency.
REGISTERING_ROLES = set(CASE_HOLDING_ROLES) | MEDIATION_ROLES
