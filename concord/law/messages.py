# ruff: noqa: E501 — bilingual message strings; CJK characters count double in width
"""The package's own bilingual strings (English, Chinese), keyed by rule or reason id.

Templates use str.format names taken from the step's inputs plus {output}. FIELDS says how
each value reads (a code as words, a list, a range); other values are shown with str().
"""

from __future__ import annotations

from collections.abc import Mapping

from .messages_compensation import COMPENSATION, COMPENSATION_FIELDS
from .messages_sentencing import SENTENCING, SENTENCING_FIELDS
from .messages_values import (
    GRADE,
    MENS_REA,
    PATH,
    POLICY_FLAG,
    READING,
    READING_SOURCE,
    TRI,
    VERDICT,
    Format,
    Text,
    fact,
    listing,
    param_value,
    plain,
    words,
)

WARNING_KEY = "warning.court_decides"
LANGS = ("en", "zh")

COMMON: dict[str, tuple[str, str]] = {
    WARNING_KEY: (
        "This is an estimate from published rules, not legal advice. The police, procuratorate and "
        "court decide on the whole case; local implementing rules and discretion may differ.",
        "本结果依据已公开的规则估算，不构成法律意见。是否从宽及具体结果由公安机关、人民检察院和人民法院"
        "根据全案情况决定，地方实施细则和裁量可能不同。",
    ),
    "parameter": (
        "Parameter {name}{where} in force {when} {checked}: {output}",
        "参数“{label}”（{where}适用期间 {when}，{checked}）取值：{output}",
    ),
    "eligibility.summary": ("Recommended path: {path}", "建议路径：{path}"),
    "eligibility.reading": (
        'Reading of "may be sentenced to" (可能判处): {output} (set by {source})',
        "“可能判处”的理解：{output}（依据：{source}）",
    ),
    "eligibility.offence": (
        "Offence Art. {output}: {name_en}, chapter {chapter}, {mens_rea}",
        "罪名：第{output}条{name_zh}，刑法分则第{chapter}章，{mens_rea}",
    ),
    "eligibility.no_crime_234": (
        "The injury ({grade}) is below minor injury (轻伤): no intentional-injury crime",
        "损伤程度为{grade}，未达轻伤：不构成故意伤害罪",
    ),
    "eligibility.tier_from_injury": (
        "The injury ({grade}) gives tier {derived} of Art. 234; tier used: {output}",
        "损伤程度为{grade}，对应第234条第{derived}档；采用第{output}档",
    ),
    "eligibility.category_1": (
        "CPL 288(1) for Art. {article}: chapter {chapter}, {months} months against {threshold} "
        "({reading}), civil dispute: {civil_dispute} → {output}",
        "刑诉法第288条第1款第1项（第{article}条）：分则第{chapter}章，{reading}计为{months}个月"
        "（上限{threshold}个月），是否因民间纠纷引起：{civil_dispute} → {output}",
    ),
    "eligibility.category_2": (
        "CPL 288(2) for Art. {article}: {mens_rea}, chapter {chapter}, {months} months against "
        "{threshold} ({reading}) → {output}",
        "刑诉法第288条第1款第2项（第{article}条）：{mens_rea}，分则第{chapter}章，{reading}计为"
        "{months}个月（上限{threshold}个月）→ {output}",
    ),
    "eligibility.civil_dispute_excluded": (
        "Not a civil dispute because the case involves: {exclusions}",
        "因涉及以下情形，不属于因民间纠纷引起：{exclusions}",
    ),
    "eligibility.statutory": (
        "Statutory reconciliation: offences qualify: {offences}; no intentional crime in 5 years: "
        "{no_prior}; parties' conditions met: {parties} → {output}",
        "刑事和解：罪名符合条件：{offences}；五年以内无故意犯罪：{no_prior}；当事人符合条件：{parties} → {output}",
    ),
    "eligibility.public_interest": (
        "Incidental civil public-interest action: {litigation} → public-interest mediation: {output}",
        "是否有刑事附带民事公益诉讼：{litigation} → 公益诉讼调解：{output}",
    ),
    "eligibility.compensation": (
        "Compensation mediation for the victim's understanding: {output}",
        "以赔偿取得谅解的调解：{output}",
    ),
    "eligibility.recommended": (
        "Recommended: {output} (still needed: {needs})",
        "建议：{output}（尚需事实：{needs}）",
    ),
    "reason.no_crime": (
        "The injury is below minor injury (轻伤), so there is no crime of intentional injury; the "
        "matter is civil or administrative (police mediation under PSAPL Art. 9).",
        "损伤未达轻伤，不构成故意伤害罪；属民事或治安案件（治安管理处罚法第九条可调解）。",
    ),
    "reason.no_crime_short": (
        "No crime is made out, so no criminal mediation path applies.",
        "不构成犯罪，不适用刑事案件的调解路径。",
    ),
    "reason.procedure_not_in_force": (
        "The statutory reconciliation procedure was not in force on {on}.",
        "截至{on}，刑事和解程序尚未施行。",
    ),
    "reason.rule_not_in_force": (
        "The rule for this path has no version in force on {on} in the data.",
        "数据中没有在{on}有效的该路径规则。",
    ),
    "reason.category_1_met": (
        "Art. {article} is a Chapter 4/5 crime arising from a civil dispute within 3 years ({reading}).",
        "第{article}条属分则第四、五章犯罪，因民间纠纷引起，可能判处三年有期徒刑以下刑罚（{reading}理解）。",
    ),
    "reason.category_2_met": (
        "Art. {article} is a negligent crime, not dereliction of duty, within 7 years ({reading}).",
        "第{article}条属渎职犯罪以外的过失犯罪，可能判处七年有期徒刑以下刑罚（{reading}理解）。",
    ),
    "reason.outside_categories": (
        "Art. {article} tier {tier} (chapter {chapter}, {mens_rea}) is outside both CPL 288 "
        "categories under the {reading} reading.",
        "第{article}条第{tier}档（分则第{chapter}章，{mens_rea}）{reading}理解，不属于刑诉法第288条规定的两类案件。",
    ),
    "reason.policy_flag": (
        "Caution for Art. {article} ({flag}): no express statutory exclusion, but the authority may "
        "find it unsuitable (MPS 334(6)); forgiveness discounts are applied strictly.",
        "第{article}条（{flag}）须审慎：法律无明文排除，但办案机关可认定为不宜和解（公安部规定第334条第6项）；"
        "被害人谅解的从宽幅度从严掌握。",
    ),
    "reason.civil_dispute_excluded": (
        "The case does not count as arising from a civil dispute: {exclusions}.",
        "本案不属于因民间纠纷引起：{exclusions}。",
    ),
    "reason.prior_intentional_crime": (
        "An intentional crime within the five years before this crime closes the procedure, "
        "whether or not it was prosecuted.",
        "犯罪嫌疑人在五年以内曾经故意犯罪（无论是否追诉），不适用和解程序。",
    ),
    "reason.suspect_repents_false": (
        "The suspect does not sincerely repent, which the procedure requires.",
        "犯罪嫌疑人未真诚悔罪，不符合和解条件。",
    ),
    "reason.victim_willing_false": (
        "The victim does not reconcile voluntarily, which the procedure requires.",
        "被害人不自愿和解，不符合和解条件。",
    ),
    "reason.authority_checks": (
        "The handling authority still checks: a specific or direct victim, clear facts and sufficient "
        "evidence, express forgiveness, voluntariness and legality.",
        "办案机关仍须审查：有特定或直接被害人、事实清楚证据充分、被害人明确表示谅解、自愿合法。",
    ),
    "reason.public_interest_yes": (
        "The case carries an incidental civil public-interest action, which can be mediated with "
        "the court and mediators.",
        "本案有刑事附带民事公益诉讼，可在法院主持下由调解员参与调解。",
    ),
    "reason.public_interest_no": (
        "No incidental civil public-interest action.",
        "无刑事附带民事公益诉讼。",
    ),
    "reason.statutory_open": (
        "Statutory reconciliation is open and has the stronger effect; use it instead.",
        "可适用刑事和解，其效果更强，应优先适用。",
    ),
    "reason.victim_unwilling": (
        "The victim is not willing to mediate.",
        "被害人不愿调解。",
    ),
    "reason.compensation_yes": (
        "Statutory reconciliation is closed; compensation with the victim's understanding is still a "
        "sentencing factor (up to −40%), and an agreed amount is not limited to the statutory heads.",
        "不能适用刑事和解；赔偿并取得谅解仍是量刑情节（可减少基准刑40%以下），协议赔偿不受法定项目限制。",
    ),
    "reason.compensation_pending": (
        "Compensation mediation depends on facts still missing.",
        "能否进行赔偿调解取决于尚缺的事实。",
    ),
}

MESSAGES: dict[str, tuple[str, str]] = {**COMMON, **COMPENSATION, **SENTENCING}

_tri = words(TRI)
_verdict = words(VERDICT)
_reading = words(READING)
_mens_rea = words(MENS_REA)
_grade = words(GRADE)

COMMON_FIELDS: dict[str, dict[str, Format]] = {
    "parameter": {"output": param_value},
    "eligibility.summary": {"path": words(PATH)},
    "eligibility.reading": {"output": _reading, "source": words(READING_SOURCE)},
    "eligibility.offence": {"mens_rea": _mens_rea},
    "eligibility.no_crime_234": {"grade": _grade},
    "eligibility.tier_from_injury": {"grade": _grade},
    "eligibility.category_1": {"reading": _reading, "civil_dispute": _tri, "output": _verdict},
    "eligibility.category_2": {"reading": _reading, "mens_rea": _mens_rea, "output": _verdict},
    "eligibility.statutory": {
        "offences": listing(_tri),
        "no_prior": _tri,
        "parties": _tri,
        "output": _verdict,
    },
    "eligibility.public_interest": {"litigation": _tri, "output": _verdict},
    "eligibility.compensation": {"output": _verdict},
    "eligibility.recommended": {"output": words(PATH), "needs": listing(fact)},
    "reason.category_1_met": {"reading": _reading},
    "reason.category_2_met": {"reading": _reading},
    "reason.outside_categories": {"reading": _reading, "mens_rea": _mens_rea},
    "reason.policy_flag": {"flag": words(POLICY_FLAG)},
}
FIELDS: dict[str, dict[str, Format]] = {
    **COMMON_FIELDS,
    **COMPENSATION_FIELDS,
    **SENTENCING_FIELDS,
}
NO_FIELDS: dict[str, Format] = {}


class _Blank(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def render(key: str, lang: str, values: Mapping[str, object]) -> str:
    """Render message `key` in `lang` ("en" or "zh") with `values`, each read as FIELDS says."""
    pair = MESSAGES.get(key)
    if pair is None:
        return f"{key}: {dict(values)}"
    template = pair[1] if lang == "zh" else pair[0]
    fields = FIELDS.get(key, NO_FIELDS)
    shown = _Blank()
    for name, value in values.items():
        fmt = fields.get(name)
        shown[name] = fmt(value, lang) if fmt is not None else plain(value, lang)
    return template.format_map(shown)


__all__ = ["FIELDS", "LANGS", "MESSAGES", "WARNING_KEY", "Text", "render"]
