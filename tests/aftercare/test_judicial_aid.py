"""State judicial aid: the cap, a missing wage figure, and once per person per case."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from concord.aftercare import services
from concord.aftercare.judicial_aid import judicial_aid_cap
from concord.core.errors import InvalidInput, ServiceError
from concord.law import params

CASES = [
    # (sentence, wage, court-awardable, cap)
    ("The months cap applies when it is the lower", "10000", "500000", "360000.00"),
    ("The court-awardable compensation caps the aid when lower", "10000", "120000", "120000.00"),
    ("Equal limits give that figure", "5000.50", "180018", "180018.00"),
]


@pytest.mark.parametrize(("sentence", "wage", "awardable", "cap"), CASES, ids=[c[0] for c in CASES])
def test_cap_is_the_lower_of_36_months_wages_and_the_court_awardable_figure(
    sentence, wage, awardable, cap
):
    result = judicial_aid_cap(
        on=dt.date(2025, 6, 1),
        region="CN-SH",
        monthly_wage=Decimal(wage),
        wage_source="测试来源",
        court_awardable=Decimal(awardable),
    )
    assert result.value == Decimal(cap)
    assert result.missing == ()
    months = result.steps[0]
    assert months.name == "cap_months" and months.value == "36"
    assert "中政委〔2014〕3号" in months.source and months.source.endswith("[S]")


def test_the_months_parameter_is_in_force_from_2014_and_not_before():
    reg = params.registry()
    assert reg.get("aid.judicial_aid_cap_months", dt.date(2014, 1, 1)).value == 36
    with pytest.raises(params.MissingParameterError):
        reg.get("aid.judicial_aid_cap_months", dt.date(2013, 12, 31))


def test_without_a_wage_figure_on_record_the_cap_names_what_is_missing():
    result = judicial_aid_cap(
        on=dt.date(2025, 6, 1), region="CN-SH", court_awardable=Decimal("80000")
    )
    assert result.value is None
    assert result.missing == ("monthly_wage",)


def test_without_the_court_awardable_figure_there_is_no_cap_but_the_wage_limit_shows():
    result = judicial_aid_cap(
        on=dt.date(2025, 6, 1), region="CN-SH", monthly_wage=Decimal("12000"), wage_source="x"
    )
    assert result.value is None and result.missing == ("court_awardable",)
    assert ("wage_cap", "432000.00") in [(s.name, s.value) for s in result.steps]


def test_aid_is_recorded_once_per_person_per_case(district, decided):
    victim = decided.case.parties.get(role="victim")
    kwargs = {
        "actor": district.mediator,
        "referral": decided,
        "party": victim,
        "applicant": "",
        "applied_on": dt.date(2026, 11, 1),
        "category": "injured_unpaid",
        "requested_amount": Decimal("50000"),
    }
    with pytest.raises(InvalidInput) as caught:
        services.judicial_aid_apply(**kwargs, monthly_wage=Decimal("12000"))
    assert caught.value.field == "wage_source"
    application = services.judicial_aid_apply(**kwargs, court_awardable=Decimal("90000"))
    assert application.applicant == victim.name
    assert application.cap_amount is None
    assert application.cap_trace["missing"] == ["monthly_wage"]
    with pytest.raises(ServiceError) as again:
        services.judicial_aid_apply(**kwargs, monthly_wage=Decimal("12000"), wage_source="统计局")
    assert again.value.code == "aid_once"
    assert "只能申请一次" in str(again.value.message)


def test_the_cap_is_stored_with_the_wage_and_its_source(district, decided):
    victim = decided.case.parties.get(role="victim")
    application = services.judicial_aid_apply(
        actor=district.officer,
        referral=decided,
        party=victim,
        applicant="李明之妻",
        applied_on=dt.date(2026, 11, 1),
        category="injured_unpaid",
        requested_amount=Decimal("50000"),
        monthly_wage=Decimal("12000"),
        wage_source="上海市统计局2025年公报",
        court_awardable=Decimal("90000"),
    )
    assert application.cap_amount == Decimal("90000.00")
    assert application.rules_version.startswith("law-")


def test_only_a_victim_of_the_case_is_checked_for_aid(district, decided):
    suspect = decided.case.parties.get(role="suspect")
    with pytest.raises(InvalidInput):
        services.aid_checklist_set(
            actor=district.mediator,
            referral=decided,
            party=suspect,
            categories=["injured_unpaid"],
            cannot_obtain_compensation=True,
        )
    victim = decided.case.parties.get(role="victim")
    checklist = services.aid_checklist_set(
        actor=district.mediator,
        referral=decided,
        party=victim,
        categories=["injured_unpaid"],
        cannot_obtain_compensation=True,
        note="加害人无赔偿能力",
    )
    assert checklist.categories == ["injured_unpaid"]
