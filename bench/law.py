"""Benchmark the law calculators and the re-screening of stored case facts.

Measures evaluations per second of eligibility, compensation and sentence (each result built
with its full trace and serialised with the trace rendered as text), then generates N case-fact
records reproducibly into a SQLite file and re-screens them all across worker processes,
storing each result with the rules version. Prints a table, then one JSON line.

    .venv/bin/python bench/law.py                      # default size, about a minute
    .venv/bin/python bench/law.py --rescreen 1000000   # the issue's figure
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from concord.law import compensation, eligibility, params, sentencing

ARTICLES = [
    ("234", 0),
    ("233", 2),
    ("264", 3),
    ("266", 3),
    ("275", 2),
    ("133", 3),
    ("293", 2),
    ("292", 2),
    ("397", 2),
    ("261", 1),
    ("238", 3),
    ("336(1)", 3),
    ("253-1", 2),
]
GRADES = ["none", "slight", "minor_2", "minor_1", "serious_2", "serious_1", "death"]


def maybe(rng: random.Random, p_missing: float = 0.1) -> bool | None:
    return None if rng.random() < p_missing else rng.random() < 0.7


def case_facts(rng: random.Random) -> dict[str, Any]:
    """One plausible case: mostly minor injuries, some facts still unknown."""
    offences = []
    for _ in range(1 if rng.random() < 0.9 else 2):
        article, tiers = rng.choice(ARTICLES)
        offences.append({"article": article, **({"tier": rng.randint(1, tiers)} if tiers else {})})
    facts: dict[str, Any] = {
        "offences": offences,
        "injury_grade": rng.choices(GRADES, weights=[2, 8, 50, 20, 12, 6, 2])[0],
        "as_of": f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
    }
    for key in (
        "civil_dispute_origin",
        "prior_intentional_crime_within_5_years",
        "suspect_repents",
        "victim_willing",
    ):
        value = maybe(rng)
        if value is not None:
            facts[key] = not value if key == "prior_intentional_crime_within_5_years" else value
    facts["public_interest_litigation"] = rng.random() < 0.05
    return facts


def compensation_case(rng: random.Random) -> dict[str, Any]:
    region, as_of = rng.choice(
        [("CN-BJ", "2024-06-01"), ("CN-HN", "2023-06-01"), ("CN-GD", "2024-09-01")]
    )
    case: dict[str, Any] = {
        "region": region,
        "as_of": as_of,
        "proceeding": rng.choice(["civil", "mediation", "criminal_incidental"]),
        "victim": {"age": rng.randint(5, 85)},
        "medical_expenses": [f"{rng.uniform(100, 50000):.2f}" for _ in range(rng.randint(1, 4))],
        "lost_income": {
            "days": rng.randint(1, 180),
            "daily_income": f"{rng.uniform(100, 600):.2f}",
        },
        "nursing": {"days": rng.randint(1, 90), "daily_rate": "150"},
        "transport": f"{rng.uniform(0, 2000):.2f}",
        "mental_distress": f"{rng.uniform(0, 20000):.2f}",
        "victim_fault_share": f"{rng.choice([0, 0, 0.1, 0.3]):.2f}",
    }
    if rng.random() < 0.5:
        case["disability"] = {"grades": [rng.randint(1, 10)]}
        if rng.random() < 0.3:
            case["dependents"] = [{"age": rng.randint(0, 17), "obligors": 2}]
    return case


def sentence_case(rng: random.Random) -> dict[str, Any]:
    factors = {
        k: True
        for k in (
            "surrender",
            "confession",
            "guilty_plea",
            "plea_leniency",
            "compensated",
            "victim_understanding",
            "recidivist",
        )
        if rng.random() < 0.3
    }
    if rng.random() < 0.2:
        factors["age"] = rng.randint(14, 80)
    offence = rng.choice(
        [
            {"article": "234", "injury_grade": rng.choice(GRADES[2:6])},
            {"article": "133", "tier": rng.randint(1, 3)},
            {"article": "293", "tier": rng.randint(1, 2)},
        ]
    )
    return {"offence": offence, "factors": factors, "as_of": "2024-06-01"}


def throughput(
    fn: Callable[[dict[str, Any]], Any], inputs: list[dict[str, Any]], seconds: float
) -> tuple[float, int]:
    """Evaluate inputs in a loop for `seconds`; each result is serialised with its trace."""
    count, start = 0, time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for data in inputs[:200]:
            fn(data).to_dict()
            count += 1
        inputs = inputs[200:] + inputs[:200]
    return count / (time.perf_counter() - start), count


def generate(db: Path, n: int, seed: int) -> float:
    start = time.perf_counter()
    con = sqlite3.connect(db)
    con.executescript(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
        "DROP TABLE IF EXISTS cases; DROP TABLE IF EXISTS screenings;"
        "CREATE TABLE cases (id INTEGER PRIMARY KEY, facts TEXT NOT NULL);"
        "CREATE TABLE screenings (case_id INTEGER PRIMARY KEY, recommended TEXT,"
        " decided INTEGER, rules_version TEXT);"
    )
    rng = random.Random(seed)
    batch = 50_000
    for first in range(1, n + 1, batch):
        rows = [
            (i, json.dumps(case_facts(rng), separators=(",", ":")))
            for i in range(first, min(first + batch, n + 1))
        ]
        con.executemany("INSERT INTO cases VALUES (?, ?)", rows)
    con.commit()
    con.close()
    return time.perf_counter() - start


def _screen_range(task: tuple[str, int, int]) -> list[tuple[int, str, int]]:
    db, first, last = task
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out = []
    loads, screen = json.loads, eligibility.screen
    for case_id, facts in con.execute(
        "SELECT id, facts FROM cases WHERE id BETWEEN ? AND ?", (first, last)
    ):
        result = screen(loads(facts))
        out.append((case_id, result.recommended, int(result.decided)))
    con.close()
    return out


def tasks(db: Path, n: int, chunk: int) -> Iterator[tuple[str, int, int]]:
    for first in range(1, n + 1, chunk):
        yield str(db), first, min(first + chunk - 1, n)


def rescreen(db: Path, n: int, workers: int) -> tuple[float, float, Counter[str]]:
    """Re-screen every stored case in parallel and store results with the rules version."""
    version = params.rules_version()
    counts: Counter[str] = Counter()
    start = time.perf_counter()
    before = os.times()
    con = sqlite3.connect(db)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("DELETE FROM screenings")
    with mp.get_context("fork").Pool(workers) as pool:
        for rows in pool.imap_unordered(_screen_range, tasks(db, n, 10_000)):
            con.executemany(
                "INSERT INTO screenings VALUES (?, ?, ?, ?)",
                [(i, rec, dec, version) for i, rec, dec in rows],
            )
            counts.update(rec for _, rec, _ in rows)
        pool.close()
        pool.join()
    con.commit()
    stored = con.execute("SELECT count(*) FROM screenings").fetchone()[0]
    con.close()
    elapsed = time.perf_counter() - start
    after = os.times()
    cpu = sum(after[i] - before[i] for i in range(4))  # this process and its workers
    if stored != n:
        raise SystemExit(f"stored {stored} screenings for {n} cases")
    return elapsed, cpu, counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--seconds", type=float, default=8.0, help="time per calculator (default 8)"
    )
    parser.add_argument(
        "--rescreen",
        type=int,
        default=200_000,
        help="stored case-fact records to re-screen (default 200000)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes for re-screening (default: all cores)",
    )
    parser.add_argument("--seed", type=int, default=20240601, help="seed for generated data")
    parser.add_argument("--db", type=Path, help="SQLite file to keep (default: a temporary file)")
    args = parser.parse_args(argv)

    params.registry()
    rng = random.Random(args.seed)
    rates = {}
    for name, fn, make in (
        ("eligibility", eligibility.screen, case_facts),
        ("compensation", compensation.calculate, compensation_case),
        ("sentence", sentencing.estimate, sentence_case),
    ):
        inputs = [make(rng) for _ in range(1000)]
        rates[name], _ = throughput(fn, inputs, args.seconds)

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "cases.sqlite3"
        gen_s = generate(db, args.rescreen, args.seed)
        load_before = os.getloadavg()[0]
        rescreen_s, rescreen_cpu, counts = rescreen(db, args.rescreen, args.workers)

    print(f"{'measure':<34}{'value':>16}")
    print("-" * 50)
    for name in ("eligibility", "compensation", "sentence"):
        print(f"{name + ' evaluations/s (trace)':<34}{rates[name]:>16,.0f}")
    print(f"{'cases generated (SQLite)':<34}{args.rescreen:>16,}  in {gen_s:.1f} s")
    print(f"{'re-screen time, ' + str(args.workers) + ' workers':<34}{rescreen_s:>15.1f}s")
    print(f"{'re-screened cases/s':<34}{args.rescreen / rescreen_s:>16,.0f}")
    print(f"{'re-screen CPU time (all processes)':<34}{rescreen_cpu:>15.1f}s")
    print(f"{'load average before re-screen':<34}{load_before:>16.2f}")
    for rec, count in counts.most_common():
        print(f"{'  ' + rec:<34}{count:>16,}")
    print(
        json.dumps(
            {
                "bench": "law",
                "compensation_per_s": round(rates["compensation"], 1),
                "eligibility_per_s": round(rates["eligibility"], 1),
                "sentence_per_s": round(rates["sentence"], 1),
                "rescreen_cases": args.rescreen,
                "rescreen_s": round(rescreen_s, 2),
                "rescreen_per_s": round(args.rescreen / rescreen_s, 1),
                "rescreen_cpu_s": round(rescreen_cpu, 2),
                "load_avg_before": round(load_before, 2),
                "workers": args.workers,
                "generate_s": round(gen_s, 2),
                "rules_version": params.rules_version(),
                "recommended": dict(counts),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
