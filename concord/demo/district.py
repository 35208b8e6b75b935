"""The demo district as data: its agencies, its staff logins and its people's mediators.

Modelled on the Songjiang (松江) district of Shanghai whose court published the white paper the
product follows (seeds/000): a court, a procuratorate, a police sub-bureau and a judicial bureau
that set up an integrated mediation centre with the district's joint people's mediation committee,
specialised committees, and mediation rooms in police stations, the procuratorate, the court and
the subdistricts. People are invented; agency names follow the real naming pattern.
"""

from __future__ import annotations

from dataclasses import dataclass

from concord.accounts.roles import AgencyKind, CommitteeSpecialty, Role
from concord.cases.choices import DisputeType

# One password for every demo account, so the login table fits on a screen. It passes Django's
# validators (10+ characters, not common, not numeric); the demo command checks that it still does.
DEMO_PASSWORD = "concord-demo-2025"
DISTRICT = "松江区"
REGION_CODE = "CN-SH"
# Demo accounts carry an address under a reserved domain (RFC 2606): that is how a rerun tells
# its own accounts from real ones, whose passwords it must never touch.
DEMO_EMAIL_DOMAIN = "demo.concord.invalid"


@dataclass(frozen=True)
class AgencySpec:
    code: str
    kind: str
    name: str
    name_en: str
    specialty: str = ""
    parent: str = ""
    # The subdistrict or town a police-station or subdistrict room serves; the centre's triage
    # rule sends it the cases that happened there (Agency.district found in the case's place).
    area: str = ""


# In creation order: a parent comes before its children.
AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec(
        "sj-court",
        AgencyKind.COURT,
        "上海市松江区人民法院",
        "Shanghai Songjiang District People's Court",
    ),
    AgencySpec(
        "sj-proc",
        AgencyKind.PROCURATORATE,
        "上海市松江区人民检察院",
        "Shanghai Songjiang District People's Procuratorate",
    ),
    AgencySpec(
        "sj-police",
        AgencyKind.POLICE,
        "上海市公安局松江分局",
        "Songjiang Sub-bureau of the Shanghai Public Security Bureau",
    ),
    AgencySpec(
        "sj-justice",
        AgencyKind.JUDICIAL_BUREAU,
        "上海市松江区司法局",
        "Songjiang District Judicial Bureau",
    ),
    AgencySpec(
        "sj-legalaid",
        AgencyKind.LEGAL_AID,
        "松江区法律援助中心",
        "Songjiang District Legal Aid Centre",
        parent="sj-justice",
    ),
    AgencySpec(
        "sj-joint",
        AgencyKind.MEDIATION_COMMITTEE,
        "松江区联合人民调解委员会",
        "Songjiang District Joint People's Mediation Committee",
        CommitteeSpecialty.JOINT,
        "sj-justice",
    ),
    AgencySpec(
        "sj-medical",
        AgencyKind.MEDIATION_COMMITTEE,
        "松江区医疗纠纷人民调解委员会",
        "Songjiang District Medical Dispute People's Mediation Committee",
        CommitteeSpecialty.MEDICAL,
        "sj-justice",
    ),
    AgencySpec(
        "sj-traffic",
        AgencyKind.MEDIATION_COMMITTEE,
        "松江区道路交通事故人民调解委员会",
        "Songjiang District Road Traffic Accident People's Mediation Committee",
        CommitteeSpecialty.TRAFFIC,
        "sj-justice",
    ),
    AgencySpec(
        "sj-court-room",
        AgencyKind.MEDIATION_COMMITTEE,
        "松江法院轻伤害案件一体化调解中心调解工作室",
        "Mediation Studio of the Integrated Mediation Center for Minor Injury Cases (Court)",
        CommitteeSpecialty.COURT_STATION,
        "sj-joint",
    ),
    AgencySpec(
        "sj-proc-room",
        AgencyKind.MEDIATION_COMMITTEE,
        "驻松江区人民检察院人民调解工作室",
        "People's Mediation Studio at the Songjiang Procuratorate",
        CommitteeSpecialty.PROCURATORATE_STUDIO,
        "sj-joint",
    ),
    AgencySpec(
        "sj-ps-yueyang",
        AgencyKind.MEDIATION_COMMITTEE,
        "岳阳派出所人民调解工作室",
        "Yueyang Police Station Mediation Room",
        CommitteeSpecialty.POLICE_STATION,
        "sj-joint",
        "岳阳街道",
    ),
    AgencySpec(
        "sj-ps-sijing",
        AgencyKind.MEDIATION_COMMITTEE,
        "泗泾派出所人民调解工作室",
        "Sijing Police Station Mediation Room",
        CommitteeSpecialty.POLICE_STATION,
        "sj-joint",
        "泗泾镇",
    ),
    AgencySpec(
        "sj-sd-fangsong",
        AgencyKind.MEDIATION_COMMITTEE,
        "方松街道人民调解委员会",
        "Fangsong Subdistrict People's Mediation Committee",
        CommitteeSpecialty.SUBDISTRICT,
        "sj-joint",
        "方松街道",
    ),
    AgencySpec(
        "sj-sd-zhongshan",
        AgencyKind.MEDIATION_COMMITTEE,
        "中山街道人民调解委员会",
        "Zhongshan Subdistrict People's Mediation Committee",
        CommitteeSpecialty.SUBDISTRICT,
        "sj-joint",
        "中山街道",
    ),
    AgencySpec(
        "sj-sd-jiuting",
        AgencyKind.MEDIATION_COMMITTEE,
        "九亭镇人民调解委员会",
        "Jiuting Town People's Mediation Committee",
        CommitteeSpecialty.SUBDISTRICT,
        "sj-joint",
        "九亭镇",
    ),
)
AGENCY_CODES = tuple(a.code for a in AGENCIES)
COMMITTEE_CODES = tuple(a.code for a in AGENCIES if a.kind == AgencyKind.MEDIATION_COMMITTEE)

# The agency holding a criminal case at each stage, and who acts for it there.
POLICE, PROCURATORATE, COURT, CENTRE = "sj-police", "sj-proc", "sj-court", "sj-joint"
POLICE_ROOMS = ("sj-ps-yueyang", "sj-ps-sijing")
SUBDISTRICT_ROOMS = ("sj-sd-fangsong", "sj-sd-zhongshan", "sj-sd-jiuting")
# The centre's coordinator assigns a committee's mediator to each case it accepts; at trial the
# judge and the legal-aid lawyer join the court studio's mediator as a joint mediation team.
ASSIGNER = "coordinator"
JOINT_TEAM = ("judge", "legalaid")


@dataclass(frozen=True)
class LoginSpec:
    """A documented demo login: one per role, printed by ``concord demo``."""

    username: str
    full_name: str
    label: str  # the role as the login table shows it, English and Chinese
    memberships: tuple[tuple[str, str], ...] = ()  # (agency code, role)
    superuser: bool = False


STAFF_LOGINS: tuple[LoginSpec, ...] = (
    LoginSpec("police", "陈立新", "police officer 办案民警", ((POLICE, Role.POLICE_OFFICER),)),
    LoginSpec("prosecutor", "沈文静", "prosecutor 检察官", ((PROCURATORATE, Role.PROSECUTOR),)),
    LoginSpec("judge", "顾晓峰", "judge 法官", ((COURT, Role.JUDGE),)),
    LoginSpec("assistant", "吴佳怡", "judge assistant 法官助理", ((COURT, Role.JUDGE_ASSISTANT),)),
    # The centre's coordinator triages for every committee of the network, so they belong to all.
    LoginSpec(
        "coordinator",
        "朱海燕",
        "centre coordinator 调解中心协调员",
        (("sj-justice", Role.COORDINATOR), *((code, Role.COORDINATOR) for code in COMMITTEE_CODES)),
    ),
    LoginSpec(
        "mediator", "钱国强", "people's mediator 人民调解员", (("sj-court-room", Role.MEDIATOR),)
    ),
    LoginSpec("supervisor", "蒋丽华", "supervisor 监督员", (("sj-justice", Role.SUPERVISOR),)),
    LoginSpec("analyst", "许志远", "analyst 统计分析员", ((COURT, Role.ANALYST),)),
    LoginSpec(
        "legalaid",
        "冯思远",
        "legal-aid lawyer 法律援助律师",
        (("sj-legalaid", Role.LEGAL_AID_LAWYER),),
    ),
    LoginSpec(
        "admin",
        "系统管理员",
        "administrator 系统管理员",
        (("sj-justice", Role.ADMINISTRATOR),),
        superuser=True,
    ),
)

# Parties of the showcase case (concord/demo/showcase.py), who follow it from their phones.
PARTY_LOGINS: tuple[LoginSpec, ...] = (
    LoginSpec("victim", "李建华", "victim 被害人"),
    LoginSpec("suspect", "王志强", "defendant 被告人"),
    LoginSpec("relative", "王秀英", "defendant's mother 被告人近亲属"),
)


@dataclass(frozen=True)
class MediatorSpec:
    username: str
    full_name: str
    committee: str
    specialties: tuple[str, ...]
    languages: tuple[str, ...]
    area: str
    years_experience: int


_INJURY, _NEIGHBOUR, _FAMILY, _LOAN = (
    DisputeType.INJURY,
    DisputeType.NEIGHBOUR,
    DisputeType.FAMILY,
    DisputeType.LOAN,
)
_MEDICAL, _TRAFFIC, _PROPERTY, _PI = (
    DisputeType.MEDICAL,
    DisputeType.TRAFFIC,
    DisputeType.PROPERTY,
    DisputeType.PERSONAL_INFORMATION,
)
_SH = ("普通话", "上海话")

# Twenty people's mediators. The first is the ``mediator`` login; the court studio's mediators
# were selected for their civil-compensation experience (seeds/000).
MEDIATORS: tuple[MediatorSpec, ...] = (
    MediatorSpec("mediator", "钱国强", "sj-court-room", (_INJURY, _PROPERTY), _SH, "全区", 18),
    MediatorSpec(
        "mediator02",
        "周美玲",
        "sj-court-room",
        (_INJURY, _MEDICAL, _PI),
        (*_SH, "English"),
        "全区",
        12,
    ),
    MediatorSpec("mediator03", "孙建平", "sj-court-room", (_INJURY, _FAMILY), _SH, "全区", 16),
    MediatorSpec("mediator04", "陆惠芬", "sj-court-room", (_INJURY, _NEIGHBOUR), _SH, "全区", 9),
    MediatorSpec("mediator05", "杨卫国", "sj-proc-room", (_INJURY, _PROPERTY), _SH, "全区", 15),
    MediatorSpec(
        "mediator06", "徐静", "sj-proc-room", (_INJURY, _PI), ("普通话", "English"), "全区", 6
    ),
    MediatorSpec(
        "mediator07", "张德明", "sj-ps-yueyang", (_INJURY, _NEIGHBOUR), _SH, "岳阳街道", 20
    ),
    MediatorSpec(
        "mediator08", "刘桂兰", "sj-ps-yueyang", (_NEIGHBOUR, _FAMILY), _SH, "岳阳街道", 11
    ),
    MediatorSpec(
        "mediator09",
        "赵振华",
        "sj-ps-sijing",
        (_INJURY, _PROPERTY),
        ("普通话", "四川话"),
        "泗泾镇",
        7,
    ),
    MediatorSpec("mediator10", "黄秀珍", "sj-ps-sijing", (_NEIGHBOUR, _LOAN), _SH, "泗泾镇", 14),
    MediatorSpec("mediator11", "马永康", "sj-joint", (_LOAN, _PROPERTY), _SH, "全区", 22),
    MediatorSpec("mediator12", "郭丽娟", "sj-joint", (_FAMILY, _NEIGHBOUR), _SH, "全区", 16),
    MediatorSpec(
        "mediator13", "何志刚", "sj-joint", (_INJURY, _LOAN), ("普通话", "安徽话"), "全区", 5
    ),
    MediatorSpec("mediator14", "林海平", "sj-medical", (_MEDICAL,), _SH, "全区", 19),
    MediatorSpec("mediator15", "宋雅琴", "sj-medical", (_MEDICAL, _INJURY), _SH, "全区", 8),
    MediatorSpec("mediator16", "唐建国", "sj-traffic", (_TRAFFIC, _INJURY), _SH, "全区", 17),
    MediatorSpec("mediator17", "韩磊", "sj-traffic", (_TRAFFIC,), ("普通话", "河南话"), "全区", 4),
    MediatorSpec(
        "mediator18", "曹玉梅", "sj-sd-fangsong", (_NEIGHBOUR, _FAMILY), _SH, "方松街道", 13
    ),
    MediatorSpec(
        "mediator19", "彭文斌", "sj-sd-zhongshan", (_NEIGHBOUR, _LOAN), _SH, "中山街道", 10
    ),
    MediatorSpec("mediator20", "蔡淑英", "sj-sd-jiuting", (_FAMILY, _NEIGHBOUR), _SH, "九亭镇", 21),
)


def all_usernames() -> tuple[str, ...]:
    """Return every demo account's username (logins first, then the other mediators)."""
    names = [login.username for login in STAFF_LOGINS + PARTY_LOGINS]
    names += [m.username for m in MEDIATORS if m.username not in names]
    return tuple(names)
