"""`concord law eligibility|compensation|sentence|parameters` — JSON in, JSON out.

Reads one JSON object from a file or stdin (`-`), prints one JSON object (UTF-8) and exits 0.
Bad input exits 2 with one English line on stderr naming the field, and prints nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from . import compensation, eligibility, params, sentencing
from .errors import LawInputError

DESCRIPTIONS = {
    "eligibility": (
        "Screen a case: statutory reconciliation (CPL 288), compensation mediation, "
        "public-interest mediation, or none. Input keys: offences [{article, tier}], "
        "injury_grade, civil_dispute_origin, prior_intentional_crime_within_5_years, "
        "suspect_repents, victim_willing, public_interest_litigation, as_of; optional "
        "interpretation (statutory_max|predicted_sentence), civil_dispute_exclusions."
    ),
    "compensation": (
        "Personal-injury compensation by region and year. Input keys: region (CN-BJ…), "
        "as_of, proceeding (criminal_incidental|civil|mediation), victim "
        "{age|birth_date}, medical_expenses, lost_income, nursing, hospital_days, "
        "nutrition_days, transport, accommodation, disability {grades, "
        "additional_indices}, assistive_devices, dependents [{age, obligors}], "
        "mental_distress, victim_fault_share, parameters {name: value}; optional "
        "tort_date, death, traffic_crime, obligors [{name, share, advanced}], "
        "fixed_amounts {code: amount}."
    ),
    "sentence": (
        "Leniency estimate under the 2021 sentencing guidance. Input keys: offence "
        "{article, injury_grade, tier, victims, starting_point_months, increment_months}, "
        "factors {surrender, confession, guilty_plea, plea_leniency, compensated, "
        "victim_understanding, reconciliation, "
        'recidivist, age, …; each true or {"pct": n}}, as_of.'
    ),
}
RUNNERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "eligibility": eligibility.screen,
    "compensation": compensation.calculate,
    "sentence": sentencing.estimate,
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="concord law", description="Rules as code: screening, compensation, leniency."
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, text in DESCRIPTIONS.items():
        p = sub.add_parser(name, help=text.split(".")[0], description=text)
        p.add_argument("input", help="JSON file, or - for stdin")
        p.add_argument(
            "--lang", choices=("en", "zh"), default="en", help="language of texts (default en)"
        )
        p.add_argument(
            "--explain", action="store_true", help="print the readable trace instead of JSON"
        )
    p = sub.add_parser(
        "parameters",
        help="list every parameter with its periods and sources",
        description="List every parameter, its dated values, sources and marks, as JSON.",
    )
    p.add_argument("--dir", action="append", default=[], help="extra parameter directory")
    sub.add_parser(
        "version", help="print RULES_VERSION", description="Print the rules version string."
    )
    return parser


def _read(path: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()  # noqa: SIM115
    except OSError as exc:
        raise LawInputError("input", f"cannot read {path}: {exc.strerror}", code="io") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LawInputError(
            "input", f"not valid JSON ({exc.msg} at line {exc.lineno})", code="json"
        ) from None
    if not isinstance(data, dict):
        raise LawInputError("input", "must be one JSON object", code="type")
    return data


def main(argv: list[str]) -> int:
    """Run one `concord law` subcommand; return the process exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "version":
            print(params.rules_version())
            return 0
        if args.command == "parameters":
            reg = params.load(args.dir, replace=False) if args.dir else params.registry()
            out: Any = {
                "rules_version": params.rules_version(reg),
                "parameters": params.list_parameters(reg),
            }
        else:
            result = RUNNERS[args.command](_read(args.input))
            if args.explain:
                sys.stdout.write(result.explain(args.lang) + "\n")
                return 0
            out = result.to_dict(args.lang)
    except LawInputError as exc:
        sys.stderr.write(f"error: {exc.field}: {exc.message}\n")
        return 2
    except ValueError as exc:  # a parameter file that does not parse
        sys.stderr.write(f"error: parameters: {exc}\n")
        return 2
    sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    return 0
