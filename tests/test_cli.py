"""The `concord` console command as contracts/cli.md describes it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CONCORD = str(Path(sys.executable).parent / "concord")


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [CONCORD, *args], input=stdin, capture_output=True, text=True, timeout=120, check=False
    )


def test_law_eligibility_reads_stdin_and_prints_json():
    facts = {
        "offences": [{"article": "234"}],
        "injury_grade": "minor_2",
        "civil_dispute_origin": True,
        "prior_intentional_crime_within_5_years": False,
        "suspect_repents": True,
        "victim_willing": True,
    }
    done = run("law", "eligibility", "-", stdin=json.dumps(facts))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["recommended"] == "statutory_reconciliation"


def test_law_bad_input_exits_2_with_one_line_naming_the_field():
    done = run("law", "eligibility", "-", stdin='{"offences": []}')
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().count("\n") == 0 and "offences" in done.stderr


def test_django_commands_pass_through():
    done = run("help", "audit")
    assert done.returncode == 0 and "verify" in done.stdout


def test_unknown_environment_is_refused():
    done = subprocess.run(
        [CONCORD, "check"],
        capture_output=True,
        text=True,
        check=False,
        env={"CONCORD_ENV": "staging", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 2 and "CONCORD_ENV" in done.stderr


def test_production_refuses_to_start_without_keys():
    done = subprocess.run(
        [CONCORD, "check"],
        capture_output=True,
        text=True,
        check=False,
        env={"CONCORD_ENV": "production", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode != 0 and "CONCORD_SECRET_KEY" in done.stderr
