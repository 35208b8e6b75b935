"""How the values inside a message read in each language.

The rules record codes and raw values (``yes``, ``minor_2``, ``statutory_max``, a parameter's
mapping); the contract output keeps them as they are in ``inputs`` and ``output``. Only the
rendered ``text`` goes through the formatters here, so every code reads as words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, slots=True)
class Text:
    """A value that reads differently per language; str() gives the English (stored) form."""

    en: str
    zh: str

    def __str__(self) -> str:
        return self.en

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def text(value: str | Text) -> Text:
    """Return `value` as a Text (a plain string reads the same in both languages)."""
    return value if isinstance(value, Text) else Text(value, value)


# code → (en, zh), per vocabulary
TRI = {"yes": ("yes", "是"), "no": ("no", "否"), "unknown": ("unknown", "尚不清楚")}
VERDICT = {"yes": ("yes", "可以适用"), "no": ("no", "不适用"), "unknown": ("unknown", "尚不能确定")}
MENS_REA = {
    "intentional": ("intentional", "故意犯罪"),
    "negligent": ("negligent", "过失犯罪"),
    "either": ("intentional or negligent", "故意或者过失犯罪"),
}
READING = {
    "statutory_max": ("statutory maximum", "按法定最高刑"),
    "predicted_sentence": ("predicted sentence", "按预测宣告刑"),
}
READING_SOURCE = {
    "input": ("the input", "输入指定"),
    "parameter": ("the parameter default", "参数默认值"),
}
GRADE = {
    "none": ("no injury", "未受伤"),
    "slight": ("slight injury", "轻微伤"),
    "minor_2": ("minor injury, grade 2", "轻伤二级"),
    "minor_1": ("minor injury, grade 1", "轻伤一级"),
    "serious_2": ("serious injury, grade 2", "重伤二级"),
    "serious_1": ("serious injury, grade 1", "重伤一级"),
    "death": ("death", "死亡"),
}
PATH = {
    "statutory_reconciliation": ("statutory reconciliation", "刑事和解"),
    "public_interest_mediation": ("public-interest mediation", "公益诉讼调解"),
    "compensation_mediation": ("compensation mediation", "赔偿调解"),
    "none": ("no mediation path for now", "暂无可适用的调解路径"),
}
FACT = {
    "injury_grade": ("the injury grade", "损伤程度"),
    "civil_dispute_origin": ("whether it arose from a civil dispute", "是否因民间纠纷引起"),
    "prior_intentional_crime_within_5_years": (
        "whether there was an intentional crime in the last five years",
        "五年以内是否曾经故意犯罪",
    ),
    "suspect_repents": ("whether the suspect sincerely repents", "犯罪嫌疑人是否真诚悔罪"),
    "victim_willing": ("whether the victim is willing", "被害人是否自愿和解"),
    "public_interest_litigation": (
        "whether there is an incidental civil public-interest action",
        "是否有刑事附带民事公益诉讼",
    ),
}
POLICY_FLAG = {
    "sexual_offence": ("sexual offence", "性侵害犯罪"),
    "child_victim": ("child victim", "被害人为儿童"),
    "institutional_abuse": ("abuse of a person in care", "侵害被监护、看护人"),
}
PROCEEDING = {
    "criminal_incidental": ("criminal-incidental", "刑事附带民事诉讼"),
    "civil": ("civil", "民事诉讼"),
    "mediation": ("mediation", "调解"),
}
FIGURE = {
    "urban_disposable_income_per_capita": (
        "urban per-capita disposable income",
        "城镇居民人均可支配收入",
    ),
    "urban_consumption_expenditure_per_capita": (
        "urban per-capita consumption expenditure",
        "城镇居民人均消费支出",
    ),
    "rural_net_income_per_capita": ("rural per-capita net income", "农村居民人均纯收入"),
    "rural_living_expenditure_per_capita": (
        "rural per-capita living expenditure",
        "农村居民人均年生活消费支出",
    ),
    "average_wage": ("average wage", "职工平均工资"),
    "industry_average_wage": ("industry average wage", "相同或相近行业职工平均工资"),
    "carer_daily_rate": ("carer's daily rate", "护工日报酬标准"),
    "hospital_food_daily_allowance": ("hospital food allowance per day", "住院伙食补助日标准"),
    "nutrition_daily_rate": ("nutrition rate per day", "营养费日标准"),
    "funeral_wage_series": ("wage series for funeral expenses", "丧葬费所用工资口径"),
}
METHOD = {
    "unit_cost × (1 + floor(years / cycle))": (
        "unit cost × (1 + whole replacement cycles in the years of use)",
        "单价 ×（1 + 使用年限 ÷ 更换周期，取整数）",
    ),
}
# Parameter keys and the codes found in parameter values.
PARAM_KEY = {
    "region": ("region", "地区"),
    "series": ("series", "统计口径"),
    "industry": ("industry", "行业"),
    "law": ("law", "法律版本"),
    "scope_article": ("scope article", "适用范围条文"),
    "review_article": ("review article", "审查条文"),
    "effect_article": ("effect article", "效力条文"),
    "name": ("version", "司法解释版本"),
    "urban_rural_split": ("urban and rural figures apart", "城乡分别计算"),
    "default_carers": ("carers by default", "护理人员默认人数"),
    "max_years": ("longest period in years", "最长年限"),
    "days_per_year": ("days per year", "每年天数"),
    "by_grade": ("index by grade", "各伤残等级赔偿指数"),
    "additional_max_each": ("each additional index at most", "单项附加指数上限"),
    "additional_max_total": ("additional indices together at most", "附加指数合计上限"),
    "total_max": ("index at most", "赔偿指数上限"),
    "full_years": ("full years", "赔偿年限"),
    "reduction_from_age": ("one year less per year of age from", "逐年递减起始年龄"),
    "floor_from_age": ("floor from age", "按最低年限计算的起始年龄"),
    "floor_years": ("floor in years", "最低年限"),
    "minor_until_age": ("minors until age", "未成年人扶养至年龄"),
    "yearly_cap": ("yearly cap", "年度累计上限"),
    "cap_applies": ("cap applies", "上限适用时点"),
}
PARAM_CODE = {
    **PROCEEDING,
    "CPL-2012": ("CPL 2012", "刑事诉讼法（2012年）"),
    "CPL-2018": ("CPL 2018", "刑事诉讼法（2018年）"),
    "PI-2020": ("PI-2020", "人身损害赔偿司法解释（2020年）"),
    "PI-2022": ("PI-2022", "人身损害赔偿司法解释（2022年）"),
    "consumption_expenditure_per_capita": (
        "per-capita consumption expenditure",
        "人均消费支出",
    ),
    "after_index_and_share": (
        "after the index and the obligors' share",
        "按伤残赔偿指数和扶养义务人分担后计算",
    ),
    "non_private_on_post": ("non-private units, staff on post", "非私营单位在岗职工"),
    "non_private_employed": ("non-private units, employed persons", "非私营单位就业人员"),
    "private": ("private units", "私营单位就业人员"),
    "state_owned_on_post": ("state-owned units, staff on post", "国有单位在岗职工"),
}
MARK = {"V": ("[V]", "已核对原文"), "S": ("[S]", "依据二手资料"), "U": ("[U]", "未经核实")}

_SEP = {"en": ", ", "zh": "、"}
_NONE = {"en": "none", "zh": "无"}
_YESNO = {True: {"en": "yes", "zh": "是"}, False: {"en": "no", "zh": "否"}}
_OBLIGOR = re.compile(r"obligor (\d+)")
_OFFENCE_TIER = re.compile(r"offences\[(\d+)\]\.tier")

Format = Callable[[Any, str], str]


def plain(value: Any, lang: str) -> str:
    """Any value as text: Text in its language, everything else with str()."""
    if isinstance(value, Text):
        return value.get(lang)
    return str(value)


def words(table: Mapping[str, tuple[str, str]]) -> Format:
    """A code from `table` in the reader's language; an unknown code stays as it is."""

    def fmt(value: Any, lang: str) -> str:
        pair = table.get(str(value))
        if pair is None:
            return plain(value, lang)
        return pair[1] if lang == "zh" else pair[0]

    return fmt


def listing(one: Format) -> Format:
    """A ", "-joined list (or "-" for none) read item by item."""

    def fmt(value: Any, lang: str) -> str:
        raw = str(value)
        if raw in ("", "-"):
            return _NONE[lang]
        return _SEP[lang].join(one(part, lang) for part in raw.split(", "))

    return fmt


def span(value: Any, lang: str) -> str:
    """A range written "low..high" as "low to high" / "low至high"."""
    low, sep, high = str(value).partition("..")
    if not sep:
        return str(value)
    return f"{low}至{high}" if lang == "zh" else f"{low} to {high}"


def fact(value: Any, lang: str) -> str:
    found = _OFFENCE_TIER.fullmatch(str(value))
    if found:
        n = int(found.group(1)) + 1
        return f"第{n}项罪名的量刑档次" if lang == "zh" else f"the tier of offence {n}"
    return words(FACT)(value, lang)


def obligor(value: Any, lang: str) -> str:
    found = _OBLIGOR.fullmatch(str(value))
    if found and lang == "zh":
        return f"赔偿义务人{found.group(1)}"
    return str(value)


def param_value(value: Any, lang: str, nested: bool = False) -> str:
    """A parameter's value: mappings as "key: value" pairs, lists joined, codes as words."""
    if isinstance(value, bool):
        return _YESNO[value][lang]
    if value is None:
        return _NONE[lang]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        colon = "：" if lang == "zh" else ": "
        sep = ("，" if nested else "；") if lang == "zh" else (", " if nested else "; ")
        body = sep.join(
            f"{_param_key(k, lang)}{'' if isinstance(v, Mapping) else colon}"
            f"{param_value(v, lang, True)}"
            for k, v in value.items()
        )
        if not nested:
            return body
        return f"（{body}）" if lang == "zh" else f" ({body})"
    if isinstance(value, list | tuple):
        return _SEP[lang].join(param_value(v, lang, True) for v in value)
    if isinstance(value, int | float | Decimal):
        return str(value)
    return words(PARAM_CODE)(value, lang)


def _param_key(key: Any, lang: str) -> str:
    pair = PARAM_KEY.get(str(key))
    if pair is None:
        return str(key).replace("_", " ") if lang == "en" else str(key)
    return pair[1] if lang == "zh" else pair[0]


def param_parts(
    name: str,
    description: Mapping[str, str],
    keys: tuple[tuple[str, str], ...],
    start: dt.date,
    end: dt.date | None,
    mark: str,
) -> tuple[tuple[str, Text], ...]:
    """The readable parts of a parameter step (label, keys, period, mark), built once per value."""
    zh_label = str(description.get("zh") or "").strip() or name
    where_en = ", ".join(f"{_param_key(k, 'en')} {param_value(v, 'en')}" for k, v in keys)
    where_zh = "".join(f"{_param_key(k, 'zh')} {param_value(v, 'zh')}，" for k, v in keys)
    if end is None:
        when = Text(f"from {start.isoformat()}", f"{start.isoformat()} 起")
    else:
        when = Text(
            f"{start.isoformat()} to {end.isoformat()}", f"{start.isoformat()} 至 {end.isoformat()}"
        )
    checked = MARK.get(mark, (f"[{mark}]", mark))
    return (
        ("label", Text(name, zh_label)),
        ("where", Text(f" ({where_en})" if where_en else "", where_zh)),
        ("when", when),
        ("checked", Text(*checked)),
    )
