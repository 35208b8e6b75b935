"""A fixed, fictitious context for each kind: for tests, the benchmark and trying templates out.

The people and numbers are invented; the ID numbers are already masked, as every context's are.
"""

from __future__ import annotations

from typing import Any

from .kinds import DocumentKind

COMMON: dict[str, Any] = {
    "issued_on": "2026-03-15",
    "case_number": "（2026）沪0117刑初123号",
    "case_title": "王强故意伤害案",
    "case_kind": "轻微刑事案件",
    "stage": "审判阶段",
    "offences": ["故意伤害罪"],
    "facts": (
        "2026年1月5日晚，被告人王强与被害人李明因停车纠纷发生口角，王强推搡李明致其摔倒，"
        "经鉴定为轻伤二级。案发后王强如实供述，表示愿意赔偿。"
    ),
    "parties": [
        {"role": "被害人", "name": "李明", "id_number_masked": "310***********001X"},
        {"role": "犯罪嫌疑人/被告人", "name": "王强", "id_number_masked": "310***********0032"},
    ],
}
COURT = {
    "issuing_agency": "上海市松江区人民法院",
    "issuing_agency_en": "Shanghai Songjiang District People's Court",
}
COMMITTEE = {
    "issuing_agency": "松江区联合人民调解委员会",
    "issuing_agency_en": "Songjiang District Joint People's Mediation Committee",
}

SAMPLES: dict[str, dict[str, Any]] = {
    DocumentKind.CONTACT_LETTER: {
        **COMMON,
        **COURT,
        "document_number": "沪松法调转〔2026〕12号",
        "to_agency": COMMITTEE["issuing_agency"],
        "to_agency_en": COMMITTEE["issuing_agency_en"],
        "referral_reason": "系因民间纠纷引起，犯罪嫌疑人真诚悔罪，双方当事人均有调解意愿",
        "deadline": "2026-04-14",
        "contact_person": "周法官",
        "contact_phone_masked": "021****6789",
    },
    DocumentKind.NOTIFICATION: {
        **COMMON,
        **COURT,
        "document_number": "沪松法调告〔2026〕12号",
        "recipient_name": "李明",
        "centre_name": "松江区轻伤害案件一体化调解中心",
        "centre_address": "上海市松江区某路100号",
        "centre_phone": "021-5778****",
        "deadline": "2026-03-25",
    },
    DocumentKind.APPLICATION: {
        **COMMON,
        **COMMITTEE,
        "document_number": "松调申〔2026〕7号",
        "applicant_name": "李明",
        "respondent_name": "王强",
        "request": "请求调解被申请人赔偿医疗费、误工费、护理费等损失共计人民币36,000元。",
        "facts_and_reasons": "申请人因停车纠纷被被申请人推搡摔倒致轻伤二级，住院治疗十二天。",
        "consents": True,
    },
    DocumentKind.FEEDBACK_LETTER: {
        **COMMON,
        **COMMITTEE,
        "document_number": "松调反〔2026〕12号",
        "to_agency": COURT["issuing_agency"],
        "to_agency_en": COURT["issuing_agency_en"],
        "outcome": "settled",
        "agreement_summary": "王强向李明赔礼道歉，一次性赔偿各项损失；李明对王强表示谅解。",
        "amount": "32000",
        "mediators": ["郑调解员", "陈调解员"],
        "concluded_on": "2026-04-02",
    },
    DocumentKind.CONFIDENTIALITY: {
        **COMMON,
        **COMMITTEE,
        "document_number": "松调保〔2026〕12号",
        "signatories": [
            {"role": "被害人", "name": "李明"},
            {"role": "犯罪嫌疑人/被告人", "name": "王强"},
            {"role": "委托代理人", "name": "赵律师"},
        ],
        "mediators": ["郑调解员"],
    },
}


def sample(kind: str) -> dict[str, Any]:
    """Return a fresh copy of the sample context of ``kind``."""
    return {
        key: [dict(v) if isinstance(v, dict) else v for v in value]
        if isinstance(value, list)
        else value
        for key, value in SAMPLES[kind].items()
    }
