"""The agreement document: a fixed context in, the same HTML and PDF out, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from concord.agreements import document

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "agreements"

CONTEXT = {
    "context": "criminal_incidental",
    "number": "SJPOL-2025-0007-XY0001",
    "case_number": "SJPOL-2025-0007",
    "case_title": "王某故意伤害案",
    "committee": "松江区联合人民调解委员会",
    "committee_en": "Songjiang Joint People's Mediation Committee",
    "agreement_date": "2025-03-18",
    "parties": [
        {
            "id": 1,
            "role": "victim",
            "name": "李明",
            "id_number_masked": "310***********001X",
            "address_masked": "上海市松江区****",
        },
        {
            "id": 2,
            "role": "suspect",
            "name": "王强",
            "id_number_masked": "310***********0032",
            "address_masked": "",
        },
    ],
    "facts": "2025年1月5日，双方因停车纠纷发生口角，王强推搡李明致其轻伤二级。",
    "admission": "王强承认推搡李明致其受伤，对指控的犯罪事实没有异议，真诚悔罪。",
    "apology": "王强已当面向李明赔礼道歉。",
    "understanding": "李明接受王强的道歉和赔偿，对其行为予以谅解。",
    "leniency_requested": True,
    "confidentiality": "各方对本协议约定的赔偿数额负有保密义务。",
    "other_terms": "本协议履行完毕后，双方就本案再无其他争议。",
    "items": [
        {"code": "medical", "label": "", "amount": "12000.00"},
        {"code": "lost_income", "label": "", "amount": "8000.50"},
        {"code": "mental_distress", "label": "", "amount": "10000.00"},
    ],
    "payment_mode": "instalments",
    "payment_method": "银行转账",
    "pay_by": "",
    "instalments": [
        {"due_on": "2025-03-25", "amount": "20000.50"},
        {"due_on": "2025-06-25", "amount": "10000.00"},
    ],
    "guarantee": "由王强之父王大海提供连带责任保证。",
    "victim_consents_to_instalments": True,
    "mediators": ["郑调解员"],
    "signatures": [],
}
FINAL = {
    **CONTEXT,
    "signatures": [
        {
            "role": "party",
            "party_id": 1,
            "name": "李明",
            "signed_at": "2025-03-18T10:02:00+08:00",
            "method": "password+id4",
            "pdf_sha256": "a" * 64,
        },
        {
            "role": "party",
            "party_id": 2,
            "name": "王强",
            "signed_at": "2025-03-18T10:05:00+08:00",
            "method": "password+id4",
            "pdf_sha256": "a" * 64,
        },
        {
            "role": "mediator",
            "party_id": None,
            "name": "郑调解员",
            "signed_at": "2025-03-18T10:09:00+08:00",
            "method": "password",
            "pdf_sha256": "a" * 64,
        },
    ],
}


def test_the_chinese_text_has_the_title_numbered_terms_capitals_and_the_seal_line():
    html = document.render_html(CONTEXT, "zh-hans")
    assert "刑事和解协议书" in html
    for term in (
        "一、犯罪嫌疑人王强承认",
        "二、王强向李明赔偿经济损失",
        "三、上述款项",
        "四、被害人李明",
    ):
        assert term in html
    assert "共计人民币30,000.50元（大写：叁万元伍角）" in html
    assert "贰万元伍角" in html and "壹万元整" in html
    assert "由王强之父王大海提供连带责任保证。" in html and "李明同意上述分期履行安排。" in html
    assert "请求并同意公安机关、人民检察院、人民法院" in html
    assert "（印章）" in html and "2025年3月18日" in html
    assert "签署记录" not in html


def test_the_english_rendering_translates_the_fixed_wording():
    html = document.render_html(CONTEXT, "en")
    assert "Criminal Reconciliation Agreement" in html
    assert "a total of RMB 30,000.50 (in Chinese capitals: 叁万元伍角)" in html
    assert "Medical expenses" in html or "医疗费" in html
    assert "Victim" in html and "18 March 2025" in html


def test_a_civil_agreement_is_a_peoples_mediation_agreement_without_criminal_terms():
    civil = {
        **CONTEXT,
        "context": "mediation",
        "parties": [
            {**CONTEXT["parties"][0], "role": "applicant"},
            {**CONTEXT["parties"][1], "role": "respondent"},
        ],
    }
    html = document.render_html(civil, "zh-hans")
    assert "人民调解协议书" in html and "认罪" not in html and "谅解" not in html
    assert "一、王强向李明支付共计人民币" in html


def test_user_text_is_escaped():
    html = document.render_html({**CONTEXT, "facts": '<img src="http://10.0.0.1/x">'}, "zh-hans")
    assert "<img" not in html and "&lt;img" in html


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_pdf_is_reproducible_and_carries_the_signature_record(language):
    first = document.render_pdf(FINAL, language)
    assert first.startswith(b"%PDF") and first == document.render_pdf(FINAL, language)
    assert document.render_pdf(CONTEXT, language) != first
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"agreement-final-{language}.pdf").write_bytes(first)
    (ARTIFACTS / f"agreement-{language}.pdf").write_bytes(document.render_pdf(CONTEXT, language))
    html = document.render_html(FINAL, language)
    assert ("签署记录" if language == "zh-hans" else "Signature record") in html
    assert "2025-03-18 10:05" in html
