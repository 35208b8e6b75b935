"""`python -m concord.law …` as a user runs it: JSON out, exit 2 naming the field on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import neighbour_injury

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "concord.law", *args],
        input=stdin,
        text=True,
        capture_output=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


def test_eligibility_reads_stdin_and_prints_one_json_object() -> None:
    out = run("eligibility", "-", stdin=json.dumps(neighbour_injury()))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["recommended"] == "statutory_reconciliation"
    assert data["trace"] and all(step["citations"] for step in data["trace"])


def test_compensation_reads_a_file_and_prints_money_as_two_place_strings(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(
        json.dumps(
            {
                "region": "CN-BJ",
                "as_of": "2024-06-01",
                "proceeding": "civil",
                "victim": {"age": 10},
                "disability": {"grades": [10]},
                "victim_fault_share": 0.3,
            }
        ),
        encoding="utf-8",
    )
    out = run("compensation", str(path), "--lang", "zh")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["total"] == "124110.00" and data["gross_total"] == "177300.00"
    assert data["items"][0] == {
        "code": "disability",
        "amount": "177300.00",
        "formula": "88650 × 20年 × 0.1 = 177300.00",
        "citations": ["PI-2022 Art. 12 [V]", "GB 18667-2002 App. B [S]"],
    }
    assert "法院" in data["warning"]
    english = json.loads(run("compensation", str(path)).stdout)
    assert english["items"][0]["formula"] == "88650 × 20 years × 0.1 = 177300.00"


def test_sentence_output_has_the_contract_keys() -> None:
    body = {
        "offence": {"article": "234", "injury_grade": "minor_1", "victims": 1},
        "factors": {"surrender": True, "guilty_plea": True},
        "as_of": "2024-06-01",
    }
    out = run("sentence", "-", stdin=json.dumps(body))
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    for key in (
        "statutory_range_months",
        "estimate_months",
        "scenarios",
        "probation_possible",
        "exemption_possible",
        "adjustments",
        "trace",
    ):
        assert key in data
    assert set(data["scenarios"]) == {"as_is", "compensation_and_understanding", "reconciliation"}


@pytest.mark.parametrize(
    ("command", "body", "field"),
    [
        ("eligibility", {"offences": [{"article": "999"}]}, "offences[0].article"),
        (
            "eligibility",
            {"offences": [{"article": "234"}], "victim_willing": "yes"},
            "victim_willing",
        ),
        (
            "compensation",
            {
                "region": "CN-SH",
                "as_of": "2024-06-01",
                "proceeding": "civil",
                "victim": {"age": 30},
                "disability": {"grades": [9]},
            },
            "parameters.urban_disposable_income_per_capita",
        ),
        (
            "compensation",
            {"region": "CN-BJ", "proceeding": "civil", "victim": {"age": "old"}},
            "victim.age",
        ),
        ("sentence", {"offence": {"article": "234"}}, "offence.injury_grade"),
        (
            "sentence",
            {
                "offence": {"article": "234", "injury_grade": "minor_2"},
                "factors": {"surrender": "yes"},
            },
            "factors.surrender",
        ),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_field(
    command: str, body: dict[str, object], field: str
) -> None:
    out = run(command, "-", stdin=json.dumps(body))
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {field}:")


def test_invalid_json_and_unreadable_files_exit_2() -> None:
    bad = run("eligibility", "-", stdin="{not json")
    missing = run("compensation", "/nonexistent/case.json")
    assert (bad.returncode, missing.returncode) == (2, 2)
    assert bad.stderr.startswith("error: input: not valid JSON") and bad.stdout == ""
    assert missing.stderr.startswith("error: input: cannot read")


@pytest.mark.parametrize("command", ["eligibility", "compensation", "sentence", "parameters"])
def test_help_works_for_each_subcommand(command: str) -> None:
    out = run(command, "--help")
    assert out.returncode == 0 and "usage:" in out.stdout


def test_explain_prints_the_readable_trace() -> None:
    out = run("eligibility", "-", "--explain", "--lang", "zh", stdin=json.dumps(neighbour_injury()))
    assert out.returncode == 0
    assert out.stdout.startswith("建议路径") and "刑诉法第288条" in out.stdout


def test_parameters_lists_every_parameter_with_sources() -> None:
    out = run("parameters")
    data = json.loads(out.stdout)
    names = {p["name"] for p in data["parameters"]}
    assert "compensation.statistics.urban_disposable_income_per_capita" in names
    assert data["rules_version"].startswith("law-")
