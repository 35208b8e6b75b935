"""The rendered texts read as words: Chinese with no code tokens, English with no Python reprs.

Only `text`, `reasons[].text`, `excluded[].reason`, `formula`, `warning` and `explain()` are
checked; citations (English-titled sources) are removed first. The structured `inputs` and
`output` of each step stay the same codes in both languages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from concord.law import compensation, eligibility, params, sentencing
from concord.law.facts import INJURY_GRADES
from concord.law.messages_sentencing import FACTORS, STARTING_POINT_FOR
from concord.law.messages_values import GRADE, MENS_REA, PARAM_CODE, POLICY_FLAG

from .conftest import neighbour_injury

CODES = re.compile(
    r"(?<![A-Za-z_])(unknown|yes|no|true|false|none|either|intentional|negligent|as_is|"
    r"statutory_max|predicted_sentence|minor_[12]|serious_[12]|slight|civil_dispute_origin|"
    r"injury_grade|statutory_reconciliation|compensation_mediation|public_interest_mediation|"
    r"compensation_and_understanding|surrender|reconciliation|criminal_incidental|obligor)"
    r"(?![A-Za-z_])",
    re.IGNORECASE,
)
REPRS = ("{'", "['", "':", "True", "False", "None")
REGION = re.compile(r"CN(-[A-Z]{2})+")
ASCII_WORD = re.compile(r"[A-Za-z]{2,}")

SCREENINGS: list[dict[str, Any]] = [
    neighbour_injury(),  # 288(1)
    neighbour_injury(injury_grade="serious_2"),  # outside both categories → compensation
    neighbour_injury(injury_grade="slight"),  # no crime
    neighbour_injury(injury_grade=None),  # grade missing
    neighbour_injury(offences=[{"article": "233", "tier": 1}]),  # 288(2)
    neighbour_injury(offences=[{"article": "397", "tier": 1}]),  # dereliction, "either"
    neighbour_injury(offences=[{"article": "234"}, {"article": "293", "tier": 1}]),  # MPS 334
    neighbour_injury(offences=[{"article": "236-1", "tier": 1}]),  # policy flag
    neighbour_injury(offences=[{"article": "264"}]),  # tier missing
    neighbour_injury(prior_intentional_crime_within_5_years=True),
    neighbour_injury(suspect_repents=False, victim_willing=False),
    neighbour_injury(civil_dispute_exclusions=["hired_to_injure"]),
    neighbour_injury(offences=[{"article": "264", "tier": 2}], interpretation="predicted_sentence"),
    {"offences": [{"article": "234"}], "as_of": "2024-06-01"},  # every fact missing
    {
        "offences": [{"article": "336(1)", "tier": 1}],
        "public_interest_litigation": True,
        "as_of": "2024-06-01",
    },
]
COMPENSATIONS: list[dict[str, Any]] = [
    {
        "region": "CN-BJ",
        "as_of": "2024-06-01",
        "proceeding": "criminal_incidental",
        "injury_grade": "serious_2",
        "victim": {"age": 40},
        "medical_expenses": ["1000", "200.5"],
        "lost_income": {"days": 30, "annual_income": 120000},
        "nursing": {"days": 20, "daily_rate": 200, "carers": 2},
        "hospital_days": 10,
        "nutrition_days": 10,
        "parameters": {"hospital_food_daily_allowance": "100", "nutrition_daily_rate": "50"},
        "transport": 300,
        "accommodation": [100, 50],
        "disability": {"grades": [8, 10], "additional_indices": ["0.02"]},
        "assistive_devices": [{"unit_cost": 1000, "years": 10, "replacement_cycle_years": 3}],
        "dependents": [{"age": 10, "obligors": 2}, {"age": 70, "incapacitated": True}],
        "mental_distress": 5000,
        "victim_fault_share": 0.2,
        "obligors": [{"name": "张三", "share": 0.6, "advanced": 1000}, {"share": 0.4}],
    },
    {
        "region": "CN-HN",
        "as_of": "2023-06-01",
        "proceeding": "civil",
        "victim": {"age": 70},
        "death": {"date": "2023-05-01"},
        "dependents": [{"age": 5}],
        "medical_expenses": 1000,
        "lost_income": {"days": 3, "daily_income": 300},
        "nursing": {"days": 8000, "daily_rate": 100},
        "nutrition": {"share_of_medical": 0.1, "cap": 50},
        "assistive_devices": 300,
        "fixed_amounts": {"transport": 99},
    },
    {
        "region": "CN-BJ",
        "as_of": "2024-06-01",
        "proceeding": "mediation",
        "victim": {"age": 40},
        "lost_income": {"days": 3, "industry": "制造业"},
        "parameters": {"industry_average_wage": 100000},
    },
    {
        "region": "CN-GD",
        "as_of": "2022-06-01",
        "tort_date": "2021-06-01",
        "proceeding": "civil",
        "residence": "rural",
        "victim": {"age": 40},
        "disability": {"grades": [9]},
        "parameters": {"rural_net_income_per_capita": "20000"},
    },
]
SENTENCES: list[dict[str, Any]] = [
    {
        "offence": {"article": "234", "injury_grade": "minor_2"},
        "factors": {
            "age": 16,
            "attempt": True,
            "accessory": True,
            "surrender": True,
            "guilty_plea": True,
        },
    },
    {
        "offence": {"article": "234", "injury_grade": "serious_2"},
        "factors": {
            "surrender": {"pct": 40},
            "plea_leniency": True,
            "confession": True,
            "recidivist": True,
            "compensated": True,
        },
    },
    {
        "offence": {"article": "293", "tier": 1},
        "factors": {"age": 76, "victim_understanding": True},
    },
    {
        "offence": {"article": "133", "tier": 1},
        "factors": {
            "age": 80,
            "reconciliation": True,
            "plea_leniency": True,
            "deaf_mute_or_blind": True,
        },
    },
    {
        "offence": {
            "article": "234",
            "tier": 1,
            "victims": 2,
            "increment_months": [3, 6],
            "starting_point_months": [6, 12],
        },
        "factors": {"age": 13, "pregnant": True, "ringleader": True},
    },
]


def results() -> Iterator[Any]:
    for facts in SCREENINGS:
        yield eligibility.screen({k: v for k, v in facts.items() if v is not None})
    for data in COMPENSATIONS:
        yield compensation.calculate(data)
    for data in SENTENCES:
        yield sentencing.estimate({**data, "as_of": "2024-06-01"})


RESULTS = list(results())


def texts(result: Any, lang: str) -> Iterator[tuple[str, list[str]]]:
    """Every human-readable text of a result, with the citations that may appear in it."""
    data = result.to_dict(lang)
    every = sorted({c for s in data["trace"] for c in s["citations"]}, key=len, reverse=True)
    for step in data["trace"]:
        yield step["text"], step["citations"]
    for path in data.get("paths", []):
        for reason in path["reasons"]:
            yield reason["text"], reason["citations"]
    for excluded in data.get("excluded", []):
        yield excluded["reason"], excluded["citations"]
    for item in data.get("items", []):
        yield item["formula"], item["citations"]
    yield data["warning"], []
    for line in result.explain(lang).splitlines():
        if not line.startswith("   — "):  # citation lines
            yield line, every


def without(text: str, citations: list[str]) -> str:
    for citation in sorted(citations, key=len, reverse=True):
        text = text.replace(citation, "")
    return text


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: type(r).__name__)
def test_chinese_texts_have_no_code_tokens_or_reprs(result: Any) -> None:
    for text, citations in texts(result, "zh"):
        rest = without(text, citations)
        assert not CODES.search(rest), text
        assert not any(r in rest for r in REPRS), text
        assert ".." not in rest, text
        assert not ASCII_WORD.findall(REGION.sub("", rest)), text


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: type(r).__name__)
def test_english_texts_have_no_python_reprs_or_snake_case_codes(result: Any) -> None:
    names = sorted(params.registry().parameters, key=len, reverse=True)
    for text, citations in texts(result, "en"):
        rest = without(without(text, citations), names)
        assert not any(r in rest for r in REPRS), text
        assert ".." not in rest, text
        assert not re.search(r"[a-z0-9]+_[a-z0-9_]+", rest), text


@pytest.mark.parametrize("result", RESULTS, ids=lambda r: type(r).__name__)
def test_structured_inputs_and_outputs_do_not_depend_on_the_language(result: Any) -> None:
    en, zh = result.to_dict("en")["trace"], result.to_dict("zh")["trace"]
    assert [(s["rule"], s["inputs"], s["output"]) for s in en] == [
        (s["rule"], s["inputs"], s["output"]) for s in zh
    ]


def test_examples_from_the_brief_read_as_chinese() -> None:
    screened = eligibility.screen(neighbour_injury()).to_dict("zh")
    steps = [s["text"] for s in screened["trace"]]
    assert "罪名：第234条故意伤害罪，刑法分则第4章，故意犯罪" in steps
    assert "损伤程度为轻伤二级，对应第234条第1档；采用第1档" in steps
    assert any("按法定最高刑计为36个月" in s and "是否因民间纠纷引起：是" in s for s in steps)
    assert steps[0].startswith(
        "参数“当事人和解的公诉案件诉讼程序及其条文”（适用期间 2018-10-26 起，已核对原文）"
    )
    assert "法律版本：刑事诉讼法（2018年）" in steps[0]
    assert steps[-1] == "建议：刑事和解（尚需事实：无）"
    missing = eligibility.screen({"offences": [{"article": "234"}], "as_of": "2024-06-01"})
    last = missing.to_dict("zh")["trace"][-1]["text"]
    assert last.startswith(
        "建议：暂无可适用的调解路径（尚需事实：损伤程度、五年以内是否曾经故意犯罪"
    )
    estimate = sentencing.estimate({**SENTENCES[0], "as_of": "2024-06-01"}).to_dict("zh")
    steps = [s["text"] for s in estimate["trace"]]
    assert "情形“现状”：增加的情节：无；可否适用：是" in steps
    assert "已认定自首，当庭自愿认罪不再重复评价" in steps


def test_every_factor_name_is_the_one_in_the_parameter_data() -> None:
    table = params.registry().parameters["sentencing.adjustments"]
    for value in table.values:
        for code, row in value.value.items():
            if isinstance(row, dict):
                assert FACTORS[code][1] == row["zh"], code


def test_every_starting_point_and_grade_and_catalogue_code_has_words() -> None:
    reg = params.registry()
    for value in reg.parameters["sentencing.starting_points"].values:
        for tiers in value.value.values():
            for row in tiers.values():
                assert row["per"] in STARTING_POINT_FOR, row["per"]
    assert set(INJURY_GRADES) <= set(GRADE)
    for value in reg.parameters["offences.catalogue"].values:
        for offence in value.value:
            assert offence["mens_rea"] in MENS_REA, offence["article"]
            flag = offence.get("policy_flag")
            assert flag is None or flag in POLICY_FLAG, offence["article"]
    for value in reg.parameters["compensation.statistics.funeral_wage_series"].values:
        assert value.value in PARAM_CODE, value.value
