"""Every rule the law sets for an agreement's content, with its message in both languages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from concord.agreements.validation import (
    AgreementData,
    InstalmentData,
    ItemData,
    PartyData,
    agreement_problems,
    has_errors,
)

DAY = date(2025, 3, 18)
PARTIES = (
    PartyData("victim", "李明", has_id_number=True),
    PartyData("suspect", "王强", has_id_number=True),
)
ITEMS = (ItemData("medical", "", Decimal("12000.00")), ItemData("lost_income", "", Decimal("8000")))


def complete(**changes) -> AgreementData:
    values = {
        "context": "criminal_incidental",
        "agreement_date": DAY,
        "parties": PARTIES,
        "facts": "推搡致轻伤二级。",
        "admission": "认罪悔罪。",
        "apology": "赔礼道歉。",
        "understanding": "予以谅解。",
        "leniency_requested": True,
        "items": ITEMS,
        "payment_method": "银行转账",
        "pay_by": date(2025, 3, 25),
    }
    values.update(changes)
    return AgreementData(**values)


def only(data: AgreementData, code: str):
    found = [p for p in agreement_problems(data) if p.code == code]
    assert len(found) == 1, [p.code for p in agreement_problems(data)]
    return found[0]


def texts(problem) -> tuple[str, str]:
    with translation.override("zh-hans"):
        zh = str(problem.message)
    with translation.override("en"):
        en = str(problem.message)
    return zh, en


def test_a_complete_criminal_agreement_has_no_problem():
    assert agreement_problems(complete()) == []


# (name, changes, code, severity, Chinese fragment, English fragment)
RULES = [
    (
        "a criminal agreement needs a victim and a suspect (SPP Art. 498 (1))",
        {"parties": PARTIES[:1]},
        "parties.sides",
        "error",
        "须有被害人和犯罪嫌疑人双方",
        "needs both the victim and the suspect",
    ),
    (
        "a civil agreement needs two parties (PML Art. 29)",
        {"context": "mediation", "parties": (PartyData("applicant", "李明", has_id_number=True),)},
        "parties.sides",
        "error",
        "《人民调解法》第29条",
        "People's Mediation Law, Art. 29",
    ),
    (
        "a party without a name",
        {"parties": (*PARTIES, PartyData("victim", " ", has_id_number=True))},
        "parties.name",
        "error",
        "未填写姓名",
        "has no name",
    ),
    (
        "a person without an ID number (basic information, Art. 498 (1))",
        {"parties": (PARTIES[0], PartyData("suspect", "王强"))},
        "parties.id_number",
        "error",
        "当事人王强缺少身份证号码",
        "Party 王强 has no ID number",
    ),
    (
        "the main facts (Art. 498 (2))",
        {"facts": "  "},
        "facts.missing",
        "error",
        "主要事实",
        "main facts",
    ),
    (
        "the suspect's admission (Art. 498 (3))",
        {"admission": ""},
        "admission.missing",
        "error",
        "第498条第3项",
        "Art. 498 item 3",
    ),
    (
        "the suspect's apology (Art. 498 (3))",
        {"apology": ""},
        "apology.missing",
        "error",
        "赔礼道歉",
        "apology",
    ),
    (
        "the victim's forgiveness (Art. 498 (4))",
        {"understanding": ""},
        "understanding.missing",
        "error",
        "予以谅解（第498条第4项）",
        "forgiveness of the suspect (Art. 498 item 4)",
    ),
    (
        "the victim's request for leniency (Art. 498 (4))",
        {"leniency_requested": False},
        "leniency.missing",
        "error",
        "依法从宽处理",
        "lenient handling",
    ),
    (
        "a zero amount",
        {"items": (ItemData("medical", "", Decimal("0")),)},
        "items.amount",
        "error",
        "“医疗费”的金额须大于零",
        "“Medical expenses” must be more than zero",
    ),
    (
        "a negative amount",
        {"items": (*ITEMS, ItemData("transport", "", Decimal("-5")))},
        "items.amount",
        "error",
        "“交通费”的金额须大于零",
        "“Transport” must be more than zero",
    ),
    (
        "an unnamed other item",
        {"items": (*ITEMS, ItemData("other", "", Decimal("5")))},
        "items.label",
        "error",
        "须写明名称",
        "needs a name",
    ),
    (
        "an item listed twice",
        {"items": (*ITEMS, ItemData("medical", "", Decimal("5")))},
        "items.duplicate",
        "error",
        "“医疗费”重复列出了2次",
        "“Medical expenses” is listed 2 times",
    ),
    (
        "mental distress in a criminal case is allowed by agreement (SPC Art. 192 para 4)",
        {"items": (*ITEMS, ItemData("mental_distress", "", Decimal("5000")))},
        "items.mental_distress",
        "warning",
        "第192条第4款",
        "outside what a court would award in a criminal-incidental judgment",
    ),
    (
        "the method of payment (Art. 498 (3))",
        {"payment_method": ""},
        "performance.method",
        "error",
        "支付方式",
        "how the compensation is paid",
    ),
    (
        "the deadline of payment (Art. 498 (3))",
        {"pay_by": None},
        "performance.deadline",
        "error",
        "履行期限",
        "deadline for payment",
    ),
    (
        "a deadline before the agreement",
        {"pay_by": date(2025, 3, 17)},
        "performance.deadline_past",
        "error",
        "履行期限（2025-03-17）早于协议日期（2025-03-18）",
        "deadline (2025-03-17) is before the date of the agreement (2025-03-18)",
    ),
    (
        "a civil agreement without the manner of performance only warns (PML Art. 29 'may')",
        {"context": "mediation", "payment_method": ""},
        "performance.method",
        "warning",
        "支付方式",
        "how the compensation is paid",
    ),
]
INSTALMENTS = {
    "payment_mode": "instalments",
    "guarantee": "其父提供保证。",
    "victim_consents_to_instalments": True,
    "instalments": (
        InstalmentData(date(2025, 4, 1), Decimal("10000")),
        InstalmentData(date(2025, 6, 1), Decimal("10000")),
    ),
}
RULES += [
    (
        "instalments chosen but none listed",
        {**INSTALMENTS, "instalments": ()},
        "instalments.missing",
        "error",
        "请列出每期",
        "list each instalment",
    ),
    (
        "instalments that do not add up, with both sums",
        {
            **INSTALMENTS,
            "instalments": (InstalmentData(date(2025, 4, 1), Decimal("10000")),),
        },
        "instalments.sum",
        "error",
        "各期金额合计 10000.00 元，与赔偿总额 20000.00 元不符",
        "add up to 10000.00 yuan, not the total compensation of 20000.00 yuan",
    ),
    (
        "instalments out of order",
        {
            **INSTALMENTS,
            "instalments": (
                InstalmentData(date(2025, 6, 1), Decimal("10000")),
                InstalmentData(date(2025, 6, 1), Decimal("10000")),
            ),
        },
        "instalments.order",
        "error",
        "第2期的日期须晚于上一期",
        "Instalment 2 must fall after the one before",
    ),
    (
        "an instalment before the agreement",
        {
            **INSTALMENTS,
            "instalments": (
                InstalmentData(date(2025, 3, 1), Decimal("10000")),
                InstalmentData(date(2025, 6, 1), Decimal("10000")),
            ),
        },
        "instalments.before_agreement",
        "error",
        "第1期的日期（2025-03-01）早于协议日期（2025-03-18）",
        "Instalment 1 (2025-03-01) falls before the date of the agreement (2025-03-18)",
    ),
    (
        "an instalment of zero",
        {
            **INSTALMENTS,
            "instalments": (
                InstalmentData(date(2025, 4, 1), Decimal("20000")),
                InstalmentData(date(2025, 6, 1), Decimal("0")),
            ),
        },
        "instalments.amount",
        "error",
        "第2期的金额须大于零",
        "Instalment 2 must be more than zero",
    ),
    (
        "instalments without a guarantee (SPP Art. 499)",
        {**INSTALMENTS, "guarantee": ""},
        "instalments.guarantee",
        "error",
        "有效担保（《人民检察院刑事诉讼规则》第499条）",
        "effective guarantee from the suspect (SPP Rules of Criminal Procedure, Art. 499)",
    ),
    (
        "instalments without the victim's consent (SPP Art. 499)",
        {**INSTALMENTS, "victim_consents_to_instalments": False},
        "instalments.consent",
        "error",
        "须经被害人同意",
        "requires the victim's consent",
    ),
]


@pytest.mark.parametrize(
    ("changes", "code", "severity", "zh", "en"),
    [r[1:] for r in RULES],
    ids=[r[0] for r in RULES],
)
def test_each_rule_reports_its_problem_in_both_languages(changes, code, severity, zh, en):
    problem = only(complete(**changes), code)
    assert problem.severity == severity
    zh_text, en_text = texts(problem)
    assert zh in zh_text
    assert en in en_text


def test_well_formed_instalments_with_guarantee_and_consent_pass():
    assert agreement_problems(complete(**INSTALMENTS)) == []


def test_a_civil_agreement_needs_no_criminal_content_nor_guarantee_for_instalments():
    civil = complete(
        context="mediation",
        parties=(
            PartyData("applicant", "李明", has_id_number=True),
            PartyData("respondent", "某公司", is_organisation=True),
        ),
        admission="",
        apology="",
        understanding="",
        leniency_requested=False,
        items=(*ITEMS, ItemData("mental_distress", "", Decimal("1000"))),
        **{**INSTALMENTS, "guarantee": "", "victim_consents_to_instalments": False},
        # the instalments must still add up
    )
    codes = {p.code for p in agreement_problems(civil)}
    assert codes == {"instalments.sum"}


def test_warnings_do_not_count_as_errors_and_come_last():
    data = complete(items=(*ITEMS, ItemData("mental_distress", "", Decimal("1"))), facts="")
    problems = agreement_problems(data)
    assert [p.severity for p in problems] == ["error", "warning"]
    assert has_errors(problems) is True
    assert has_errors(problems[1:]) is False


def test_nothing_to_pay_needs_no_method_or_deadline():
    assert agreement_problems(complete(items=(), payment_method="", pay_by=None)) == []
