"""Parameters: every value dated, cited and marked; a new year is a data change only."""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from pathlib import Path

import pytest

from concord.law import compensation, list_parameters, params, rules_version
from concord.law.errors import MissingParameterError

SHANGHAI_FIXTURE = textwrap.dedent(
    """\
    keys: [region]
    values:
      - region: CN-SH
        stat_year: 2023
        from: 2024-01-01
        to: 2024-12-31
        value: "12345"
        citation: test fixture, not a statistic
        mark: U
    """
)


def extra_dir(tmp_path: Path) -> Path:
    target = tmp_path / "compensation" / "statistics"
    target.mkdir(parents=True)
    (target / "urban_disposable_income_per_capita.yaml").write_text(SHANGHAI_FIXTURE)
    return tmp_path


def test_every_value_has_a_period_a_citation_and_a_mark() -> None:
    for parameter in list_parameters():
        for value in parameter["values"]:
            assert value["from"] and value["source"] and value["mark"] in ("V", "S", "U")
        assert parameter["description"].get("en") and parameter["description"].get("zh")


def test_listing_is_json_ready() -> None:
    json.dumps(list_parameters(), ensure_ascii=False)


def test_a_new_years_figure_is_added_as_data_without_code_changes(tmp_path: Path) -> None:
    case = {
        "region": "CN-SH",
        "as_of": "2024-06-01",
        "proceeding": "civil",
        "victim": {"age": 30},
        "disability": {"grades": [10]},
    }
    with pytest.raises(MissingParameterError):
        compensation.calculate(case)
    reg = params.load([extra_dir(tmp_path)], replace=False)
    result = compensation.calculate(case, registry=reg)
    assert f"{result.total:.2f}" == "24690.00"
    assert rules_version(reg) != rules_version()


def test_the_environment_variable_adds_a_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(params.ENV_VAR, str(extra_dir(tmp_path)))
    reg = params.Registry(params.default_directories())
    value = reg.get(
        "compensation.statistics.urban_disposable_income_per_capita",
        dt.date(2024, 6, 1),
        region="CN-SH",
    )
    assert value.value == "12345" and value.mark == "U"


def test_overlapping_periods_are_refused(tmp_path: Path) -> None:
    target = tmp_path / "compensation" / "statistics"
    target.mkdir(parents=True)
    (target / "urban_disposable_income_per_capita.yaml").write_text(
        SHANGHAI_FIXTURE.replace("CN-SH", "CN-BJ")
    )
    with pytest.raises(ValueError, match="overlaps"):
        params.load([tmp_path], replace=False)


def test_rules_version_is_stable_for_the_same_data() -> None:
    assert rules_version() == rules_version(params.Registry(params.default_directories()))


def test_package_never_imports_django() -> None:
    root = Path(params.__file__).parent
    pattern = re.compile(r"^\s*(import|from)\s+django\b", re.MULTILINE)
    for path in root.rglob("*.py"):
        assert not pattern.search(path.read_text(encoding="utf-8")), path
