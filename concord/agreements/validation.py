"""What the law requires of an agreement, as pure checks: data in, a list of problems out.

An error keeps the agreement from going to signature; a warning is shown and may be accepted.
Each rule cites its source. The sources (domain/reconciliation-law.md §2.6–2.7, §3.6;
domain/people-mediation.md §6; domain/compensation.md §4):

- SPP-2019 Art. 498: a criminal reconciliation agreement states (1) both parties' basic
  information, (2) the main facts, (3) the suspect's remorse and admission, compensation and
  apology — when money is paid, its amount, method and deadline of performance — and (4) the
  victim's forgiveness and request for or consent to lenient handling.
- SPP-2019 Art. 499: instalments only with an effective guarantee AND the victim's consent.
- SPC-2021 Art. 592: the same content at trial (admission and repentance; forgiveness through
  apology and compensation, amount and method; the victim asks for or agrees to leniency).
- PML Art. 29: a people's mediation agreement "may state" the parties' basic information, the
  main facts, and what was agreed with the manner and time limit of performance.
- SPC-2021 Art. 175 para 2 and Art. 192: a criminal court generally awards no mental-distress
  damages; Art. 192 para 4: an agreement is not limited to what a court would award.

Deliberately not checked: how soon the first instalment falls due (no rule sets a limit), and
whether the agreement is voluntary and lawful (SPP-2019 Art. 497: the agency's review).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _

from .choices import AgreementContext, ItemCode, PaymentMode

Severity = Literal["error", "warning"]
ZERO = Decimal("0.00")
# The two sides of an agreement, by the parties' roles (concord/cases/choices.py PartyRole).
CRIMINAL_SIDES = ("victim", "suspect")
CIVIL_ROLES = ("applicant", "respondent", "victim", "suspect")


def _format(message, params: dict) -> str:
    return str(message) % params


# A message with parameters, translated when it is shown, not when the rule runs.
lazy_format = lazy(_format, str)


@dataclass(frozen=True)
class Problem:
    code: str
    field: str
    message: Promise | str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


@dataclass(frozen=True)
class PartyData:
    role: str
    name: str
    is_organisation: bool = False
    has_id_number: bool = False


@dataclass(frozen=True)
class ItemData:
    code: str
    label: str
    amount: Decimal


@dataclass(frozen=True)
class InstalmentData:
    due_on: date
    amount: Decimal


@dataclass(frozen=True)
class AgreementData:
    context: str
    agreement_date: date
    parties: tuple[PartyData, ...] = ()
    facts: str = ""
    admission: str = ""
    apology: str = ""
    understanding: str = ""
    leniency_requested: bool = False
    items: tuple[ItemData, ...] = ()
    payment_mode: str = PaymentMode.ONCE
    payment_method: str = ""
    pay_by: date | None = None
    instalments: tuple[InstalmentData, ...] = ()
    guarantee: str = ""
    victim_consents_to_instalments: bool = False

    @property
    def criminal(self) -> bool:
        return self.context == AgreementContext.CRIMINAL_INCIDENTAL

    @property
    def total(self) -> Decimal:
        return sum((item.amount for item in self.items), ZERO)


def agreement_problems(data: AgreementData) -> list[Problem]:
    """Every problem the rules find, errors first, in the order of the agreement's text."""
    problems: list[Problem] = []
    for rule in RULES:
        problems.extend(rule(data))
    return sorted(problems, key=lambda p: p.severity != "error")


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def _blank(text: str) -> bool:
    return not text.strip()


# Parties (SPP-2019 Art. 498 (1); PML Art. 29 (1)).
def parties_rule(data: AgreementData) -> list[Problem]:
    problems = []
    roles = {p.role for p in data.parties}
    if data.criminal and not set(CRIMINAL_SIDES) <= roles:
        problems.append(
            Problem(
                "parties.sides",
                "parties",
                _("刑事和解协议须有被害人和犯罪嫌疑人双方（《人民检察院刑事诉讼规则》第498条）。"),
            )
        )
    if not data.criminal and len(data.parties) < 2:
        problems.append(
            Problem(
                "parties.sides",
                "parties",
                _("调解协议须有双方当事人（《人民调解法》第29条）。"),
            )
        )
    for party in data.parties:
        if _blank(party.name):
            problems.append(Problem("parties.name", "parties", _("有当事人未填写姓名或名称。")))
        elif not party.is_organisation and not party.has_id_number:
            problems.append(
                Problem(
                    "parties.id_number",
                    "parties",
                    lazy_format(
                        _("当事人%(name)s缺少身份证号码，协议须载明当事人基本情况。"),
                        {"name": party.name},
                    ),
                )
            )
    return problems


# Main facts (SPP-2019 Art. 498 (2); PML Art. 29 (2)).
def facts_rule(data: AgreementData) -> list[Problem]:
    if _blank(data.facts):
        return [Problem("facts.missing", "facts", _("请填写案件（纠纷）的主要事实。"))]
    return []


# The suspect's side (SPP-2019 Art. 498 (3); SPC-2021 Art. 592 (1)–(2)).
def suspect_rule(data: AgreementData) -> list[Problem]:
    if not data.criminal:
        return []
    problems = []
    if _blank(data.admission):
        problems.append(
            Problem(
                "admission.missing",
                "admission",
                _(
                    "刑事和解协议须载明犯罪嫌疑人真诚悔罪、承认自己所犯罪行、对指控的犯罪没有异议"
                    "（《人民检察院刑事诉讼规则》第498条第3项）。"
                ),
            )
        )
    if _blank(data.apology):
        problems.append(
            Problem(
                "apology.missing",
                "apology",
                _("刑事和解协议须载明犯罪嫌疑人向被害人赔礼道歉（第498条第3项）。"),
            )
        )
    return problems


# The victim's side (SPP-2019 Art. 498 (4); SPC-2021 Art. 592 (3)).
def victim_rule(data: AgreementData) -> list[Problem]:
    if not data.criminal:
        return []
    problems = []
    if _blank(data.understanding):
        problems.append(
            Problem(
                "understanding.missing",
                "understanding",
                _("刑事和解协议须载明被害人对犯罪嫌疑人予以谅解（第498条第4项）。"),
            )
        )
    if not data.leniency_requested:
        problems.append(
            Problem(
                "leniency.missing",
                "leniency_requested",
                _(
                    "刑事和解协议须载明被害人要求或者同意公安机关、人民检察院、人民法院对犯罪嫌疑人"
                    "依法从宽处理（第498条第4项）。"
                ),
            )
        )
    return problems


# Items of compensation: amounts positive, each item once (SPP-2019 Art. 498 (3): the amount).
def items_rule(data: AgreementData) -> list[Problem]:
    problems = []
    for item in data.items:
        name = item.label or ItemCode(item.code).label
        if item.amount <= ZERO:
            problems.append(
                Problem(
                    "items.amount",
                    "items",
                    lazy_format(_("“%(item)s”的金额须大于零。"), {"item": name}),
                )
            )
        if item.code == ItemCode.OTHER and _blank(item.label):
            problems.append(Problem("items.label", "items", _("“其他”项目须写明名称。")))
    keys = Counter(
        (item.code, item.label.strip() if item.code == ItemCode.OTHER else "")
        for item in data.items
    )
    for (code, label), count in keys.items():
        if count > 1:
            problems.append(
                Problem(
                    "items.duplicate",
                    "items",
                    lazy_format(
                        _("“%(item)s”重复列出了%(count)s次，请合并为一项。"),
                        {"item": label or ItemCode(code).label, "count": count},
                    ),
                )
            )
    return problems


# Mental distress in a criminal case (SPC-2021 Art. 175 para 2, Art. 192; Art. 192 para 4).
def mental_distress_rule(data: AgreementData) -> list[Problem]:
    if not data.criminal or not any(i.code == ItemCode.MENTAL_DISTRESS for i in data.items):
        return []
    return [
        Problem(
            "items.mental_distress",
            "items",
            _(
                "精神损害抚慰金不在刑事附带民事判决的赔偿范围之内（《最高人民法院关于适用〈中华人民"
                "共和国刑事诉讼法〉的解释》第175条第2款、第192条），但当事人达成调解、和解协议的，"
                "赔偿范围和数额不受该限制（第192条第4款）。"
            ),
            "warning",
        )
    ]


# Amount, method and deadline of performance (SPP-2019 Art. 498 (3): required in a criminal
# case; PML Art. 29 (3): "may state" in people's mediation, so a warning there).
def performance_rule(data: AgreementData) -> list[Problem]:
    if data.total <= ZERO:
        return []
    severity: Severity = "error" if data.criminal else "warning"
    problems = []
    if _blank(data.payment_method):
        problems.append(
            Problem(
                "performance.method",
                "payment_method",
                _("请写明赔偿款的支付方式（如银行转账、当面交付）。"),
                severity,
            )
        )
    if data.payment_mode == PaymentMode.ONCE:
        if data.pay_by is None:
            problems.append(
                Problem(
                    "performance.deadline",
                    "pay_by",
                    _("请写明赔偿款的履行期限。"),
                    severity,
                )
            )
        elif data.pay_by < data.agreement_date:
            problems.append(
                Problem(
                    "performance.deadline_past",
                    "pay_by",
                    lazy_format(
                        _("履行期限（%(due)s）早于协议日期（%(date)s）。"),
                        {"due": data.pay_by.isoformat(), "date": data.agreement_date.isoformat()},
                    ),
                )
            )
    return problems


# The payment schedule: instalments add up to the total, in order, not before the agreement.
def instalments_rule(data: AgreementData) -> list[Problem]:
    if data.payment_mode != PaymentMode.INSTALMENTS:
        return []
    if not data.instalments:
        return [
            Problem(
                "instalments.missing",
                "instalments",
                _("选择分期支付的，请列出每期的日期和金额。"),
            )
        ]
    problems = []
    scheduled = sum((i.amount for i in data.instalments), ZERO)
    if scheduled != data.total:
        problems.append(
            Problem(
                "instalments.sum",
                "instalments",
                lazy_format(
                    _("各期金额合计 %(scheduled)s 元，与赔偿总额 %(total)s 元不符。"),
                    {"scheduled": f"{scheduled:.2f}", "total": f"{data.total:.2f}"},
                ),
            )
        )
    for index, instalment in enumerate(data.instalments, start=1):
        if instalment.amount <= ZERO:
            problems.append(
                Problem(
                    "instalments.amount",
                    "instalments",
                    lazy_format(_("第%(n)s期的金额须大于零。"), {"n": index}),
                )
            )
        if instalment.due_on < data.agreement_date:
            problems.append(
                Problem(
                    "instalments.before_agreement",
                    "instalments",
                    lazy_format(
                        _("第%(n)s期的日期（%(due)s）早于协议日期（%(date)s）。"),
                        {
                            "n": index,
                            "due": instalment.due_on.isoformat(),
                            "date": data.agreement_date.isoformat(),
                        },
                    ),
                )
            )
    for index, (before, after) in enumerate(
        zip(data.instalments, data.instalments[1:], strict=False), start=2
    ):
        if after.due_on <= before.due_on:
            problems.append(
                Problem(
                    "instalments.order",
                    "instalments",
                    lazy_format(_("第%(n)s期的日期须晚于上一期。"), {"n": index}),
                )
            )
    return problems


# Instalments in a criminal case need a guarantee AND the victim's consent (SPP-2019 Art. 499).
def instalment_conditions_rule(data: AgreementData) -> list[Problem]:
    if not data.criminal or data.payment_mode != PaymentMode.INSTALMENTS:
        return []
    problems = []
    if _blank(data.guarantee):
        problems.append(
            Problem(
                "instalments.guarantee",
                "guarantee",
                _("分期履行的，犯罪嫌疑人须提供有效担保（《人民检察院刑事诉讼规则》第499条）。"),
            )
        )
    if not data.victim_consents_to_instalments:
        problems.append(
            Problem(
                "instalments.consent",
                "victim_consents_to_instalments",
                _("分期履行须经被害人同意（《人民检察院刑事诉讼规则》第499条）。"),
            )
        )
    return problems


RULES = (
    parties_rule,
    facts_rule,
    suspect_rule,
    victim_rule,
    items_rule,
    mental_distress_rule,
    performance_rule,
    instalments_rule,
    instalment_conditions_rule,
)
