# ruff: noqa: E501 — bilingual message strings; CJK characters count double in width
"""Bilingual strings of the compensation calculator, and the names of its codes."""

from __future__ import annotations

from .messages_values import FIGURE, GRADE, METHOD, PROCEEDING, listing, obligor, plain, words

ITEMS = {
    "medical": ("Medical expenses", "医疗费"),
    "lost_income": ("Lost income", "误工费"),
    "nursing": ("Nursing fees", "护理费"),
    "transport": ("Transport", "交通费"),
    "accommodation": ("Lodging and meals away from home", "住宿费"),
    "hospital_food": ("Hospital food subsidy", "住院伙食补助费"),
    "nutrition": ("Nutrition", "营养费"),
    "disability": ("Disability compensation", "残疾赔偿金"),
    "assistive_devices": ("Assistive devices", "残疾辅助器具费"),
    "dependents": ("Dependants' living expenses", "被扶养人生活费"),
    "mental_distress": ("Mental-distress damages", "精神损害抚慰金"),
    "funeral": ("Funeral expenses", "丧葬费"),
    "death_compensation": ("Death compensation", "死亡赔偿金"),
}

COMPENSATION: dict[str, tuple[str, str]] = {
    **{
        f"compensation.item.{code}": (
            f"{en}: {{formula}} = {{output}}",
            f"{zh}：{{formula}} = {{output}}",
        )
        for code, (en, zh) in ITEMS.items()
    },
    "compensation.summary": ("Total owed: {total}", "应赔偿总额：{total}"),
    "compensation.override": (
        "Figure supplied in the input ({name}): {output}",
        "输入中提供的数值（{name}）：{output}",
    ),
    "compensation.injury_grade": (
        "Injury recorded as {output}; the heads of damage follow proven losses and the disability "
        "grade, not the injury grade",
        "记录损伤程度为{output}；赔偿项目依实际损失和伤残等级计算，不以损伤程度为依据",
    ),
    "compensation.nursing_limit": (
        "Nursing period {days} days cut to the {output}-day limit (20 years at once)",
        "护理期限{days}天，按一次最长二十年计为{output}天",
    ),
    "compensation.devices_method": (
        "Assistive devices by {method}: {output}",
        "残疾辅助器具费按“{method}”计算：{output}",
    ),
    "compensation.disability_index": (
        "Disability grades {grades}, additional indices: {additional} → index {output}",
        "伤残等级{grades}级，附加指数{additional} → 赔偿指数{output}",
    ),
    "compensation.years_for_age": (
        "Age {age} → {output} years of compensation",
        "年龄{age}周岁 → 赔偿{output}年",
    ),
    "compensation.dependants_cap": (
        "Dependants for {years} years; yearly total capped at {cap} in {capped_years} year(s) → {output}",
        "被扶养人生活费年限分别为{years}年；每年合计以{cap}为限，其中{capped_years}年达到上限 → {output}",
    ),
    "compensation.excluded": (
        "Not awarded in a {proceeding} proceeding: {output}",
        "{proceeding}中不支持{output}",
    ),
    "compensation.fault": (
        "Victim's own fault {share}: {reducible} reduced accordingly → {output}",
        "被侵权人过错比例{share}：{reducible}相应减轻 → {output}",
    ),
    "compensation.obligor": (
        "{name} bears {share} = {amount}, advanced {advanced}, still owes {output}",
        "{name}承担{share} = {amount}，已垫付{advanced}，尚欠{output}",
    ),
    "compensation.total": (
        "Gross {gross}, victim's fault share {fault} → total owed {output}",
        "合计{gross}，被侵权人过错比例{fault} → 应赔偿{output}",
    ),
    "excluded.mental_distress": (
        "Mental-distress damages for a crime are generally not accepted in a criminal-incidental "
        "action; a mediation agreement may still include such a sum.",
        "因犯罪行为提起附带民事诉讼请求精神损害赔偿的，一般不予受理；调解协议仍可包括。",
    ),
    "excluded.not_material_loss": (
        "A criminal-incidental judgment awards material loss; disability and death compensation (and the "
        "dependants' share added to them) are commonly excluded unless the crime is a traffic crime. "
        "A mediation agreement is not limited to these heads.",
        "刑事附带民事判决以物质损失为限，残疾赔偿金、死亡赔偿金（及计入其中的被扶养人生活费）通常不予支持，"
        "交通肇事犯罪除外；调解协议不受此限。",
    ),
}

_SEP_LIST = listing(plain)

COMPENSATION_FIELDS = {
    "compensation.override": {"name": words(FIGURE)},
    "compensation.injury_grade": {"output": words(GRADE)},
    "compensation.devices_method": {"method": words(METHOD)},
    "compensation.disability_index": {"grades": _SEP_LIST, "additional": _SEP_LIST},
    "compensation.dependants_cap": {"years": _SEP_LIST},
    "compensation.excluded": {"output": words(ITEMS), "proceeding": words(PROCEEDING)},
    "compensation.obligor": {"name": obligor},
}
