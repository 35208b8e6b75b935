"""The calculators' forms: plain questions in, the rules' JSON input out.

The same forms serve the public page for parties and the case page (where they are prefilled
from the case's records).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from concord.cases.choices import InjuryGrade
from concord.cases.offences import offence_choices

TRI_STATE = [("", _("尚不清楚")), ("true", _("是")), ("false", _("否"))]
REGIONS = [
    ("CN-SH", _("上海市")),
    ("CN-BJ", _("北京市")),
    ("CN-GD", _("广东省")),
    ("CN-GD-SZ", _("深圳市")),
    ("CN-HN", _("湖南省")),
]
PROCEEDINGS = [
    ("mediation", _("调解、和解协议（可协商任何合理项目）")),
    ("criminal_incidental", _("刑事附带民事诉讼判决（不含精神损害等）")),
    ("civil", _("民事诉讼")),
]


def _tri(value: str) -> bool | None:
    return {"true": True, "false": False}.get(value)


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


class TriStateField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=TRI_STATE, required=False, **kwargs)


class EligibilityForm(forms.Form):
    offence = forms.ChoiceField(label=_("涉嫌罪名"))
    injury_grade = forms.ChoiceField(
        label=_("伤情鉴定结论"), required=False, choices=[("", _("未鉴定")), *InjuryGrade.choices]
    )
    civil_dispute_origin = TriStateField(label=_("是否因邻里、婚恋、债务等民间纠纷引起"))
    prior_intentional_crime_within_5_years = TriStateField(
        label=_("犯罪嫌疑人五年内是否曾故意犯罪")
    )
    suspect_repents = TriStateField(label=_("犯罪嫌疑人是否真诚悔罪、愿意赔礼道歉和赔偿"))
    victim_willing = TriStateField(label=_("被害人是否愿意和解"))
    public_interest_litigation = forms.BooleanField(
        label=_("检察机关提起了附带民事公益诉讼"), required=False
    )

    def __init__(self, *args, language: str = "zh-hans", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offence"].choices = offence_choices(language)

    def to_input(self) -> dict[str, Any]:
        data = self.cleaned_data
        facts: dict[str, Any] = {
            "offences": [{"article": data["offence"]}],
            "public_interest_litigation": data["public_interest_litigation"],
            "as_of": timezone.localdate().isoformat(),
        }
        if data["injury_grade"]:
            facts["injury_grade"] = data["injury_grade"]
        for name in (
            "civil_dispute_origin",
            "prior_intentional_crime_within_5_years",
            "suspect_repents",
            "victim_willing",
        ):
            value = _tri(data[name])
            if value is not None:
                facts[name] = value
        return facts


def _amount(label) -> forms.DecimalField:
    return forms.DecimalField(
        label=label, required=False, min_value=0, max_digits=12, decimal_places=2
    )


def _days(label) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=36500)


class CompensationForm(forms.Form):
    region = forms.ChoiceField(label=_("受诉法院所在地区"), choices=REGIONS)
    proceeding = forms.ChoiceField(label=_("用途"), choices=PROCEEDINGS)
    victim_age = forms.IntegerField(label=_("受害人年龄（定残时）"), min_value=0, max_value=130)
    medical_expenses = _amount(_("医疗费（有票据，元）"))
    lost_income_days = _days(_("误工天数"))
    daily_income = _amount(_("误工前日均收入（元）"))
    nursing_days = _days(_("护理天数"))
    nursing_carers = forms.IntegerField(
        label=_("护理人数"), required=False, min_value=1, max_value=5
    )
    nursing_daily_rate = _amount(_("护理费日标准（元）"))
    hospital_days = _days(_("住院天数"))
    nutrition_days = _days(_("营养期（天）"))
    transport = _amount(_("交通费（元）"))
    disability_grades = forms.TypedMultipleChoiceField(
        label=_("伤残等级（可多选）"),
        required=False,
        coerce=int,
        choices=[(g, _("%(g)s级") % {"g": g}) for g in range(1, 11)],
        widget=forms.CheckboxSelectMultiple,
    )
    mental_distress = _amount(_("精神损害抚慰金（元，协商或主张的金额）"))
    victim_fault_share = forms.DecimalField(
        label=_("受害人自身过错比例（%）"),
        required=False,
        min_value=0,
        max_value=100,
        decimal_places=1,
    )
    urban_disposable_income_per_capita = _amount(_("统计数据：城镇居民人均可支配收入（元/年）"))
    urban_consumption_expenditure_per_capita = _amount(_("统计数据：城镇居民人均消费支出（元/年）"))
    hospital_food_daily_allowance = _amount(_("统计数据：住院伙食补助标准（元/天）"))

    OVERRIDES = (
        "urban_disposable_income_per_capita",
        "urban_consumption_expenditure_per_capita",
        "hospital_food_daily_allowance",
    )

    def to_input(self) -> dict[str, Any]:
        d = self.cleaned_data
        data: dict[str, Any] = {
            "region": d["region"],
            "proceeding": d["proceeding"],
            "as_of": timezone.localdate().isoformat(),
            "victim": {"age": d["victim_age"]},
        }
        if d["medical_expenses"] is not None:
            data["medical_expenses"] = _money(d["medical_expenses"])
        if d["lost_income_days"] and d["daily_income"] is not None:
            data["lost_income"] = {
                "days": d["lost_income_days"],
                "daily_income": _money(d["daily_income"]),
            }
        if d["nursing_days"] and d["nursing_daily_rate"] is not None:
            data["nursing"] = {
                "days": d["nursing_days"],
                "carers": d["nursing_carers"] or 1,
                "daily_rate": _money(d["nursing_daily_rate"]),
            }
        for name in ("hospital_days", "nutrition_days"):
            if d[name]:
                data[name] = d[name]
        for name in ("transport", "mental_distress"):
            if d[name] is not None:
                data[name] = _money(d[name])
        if d["disability_grades"]:
            data["disability"] = {"grades": sorted(d["disability_grades"])}
        if d["victim_fault_share"] is not None:
            data["victim_fault_share"] = str(d["victim_fault_share"] / 100)
        overrides = {n: _money(d[n]) for n in self.OVERRIDES if d[n] is not None}
        if overrides:
            data["parameters"] = overrides
        return data


FACTORS = [
    ("surrender", _("自首")),
    ("confession", _("坦白，如实供述")),
    ("guilty_plea", _("当庭自愿认罪")),
    ("plea_leniency", _("认罪认罚")),
    ("compensated", _("已积极赔偿")),
    ("victim_understanding", _("取得被害人谅解")),
    ("reconciliation", _("达成刑事和解协议")),
    ("recidivist", _("累犯")),
]


class SentenceForm(forms.Form):
    offence = forms.ChoiceField(label=_("涉嫌罪名"))
    injury_grade = forms.ChoiceField(
        label=_("伤情鉴定结论"), required=False, choices=[("", _("不适用")), *InjuryGrade.choices]
    )
    victims = forms.IntegerField(label=_("被害人人数"), required=False, min_value=1, max_value=50)
    factors = forms.MultipleChoiceField(
        label=_("量刑情节"), required=False, choices=FACTORS, widget=forms.CheckboxSelectMultiple
    )
    age = forms.IntegerField(label=_("犯罪时年龄"), required=False, min_value=12, max_value=120)

    def __init__(self, *args, language: str = "zh-hans", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["offence"].choices = offence_choices(language)

    def to_input(self) -> dict[str, Any]:
        d = self.cleaned_data
        offence: dict[str, Any] = {"article": d["offence"]}
        if d["injury_grade"]:
            offence["injury_grade"] = d["injury_grade"]
        if d["victims"]:
            offence["victims"] = d["victims"]
        factors: dict[str, Any] = dict.fromkeys(d["factors"], True)
        if d["age"]:
            factors["age"] = d["age"]
        return {"offence": offence, "factors": factors, "as_of": timezone.localdate().isoformat()}


FORMS = {"eligibility": EligibilityForm, "compensation": CompensationForm, "sentence": SentenceForm}
