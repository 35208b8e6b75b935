"""Benchmark assigning a batch of referrals to people's mediators.

Generates mediators and referrals reproducibly from a seed (dispute types mostly minor injury, as
in the white paper; eight subdistricts and towns of the demo district; mostly Mandarin, some
Shanghainese and English; a few declared relations to parties and earlier involvement), times
``assign_batch`` over several repetitions, then checks the result: no conflict ignored, nobody over
capacity, every referral left without a mediator really had nobody eligible, and a smaller batch
gives exactly what ranking its referrals one by one gives. Prints a table, then one JSON line.

    .venv/bin/python bench/assignment.py                       # the issue's size, a few seconds
    .venv/bin/python bench/assignment.py --referrals 50000 --mediators 2000 --seed 7
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from concord.referrals.assignment import (
    Candidate,
    Needs,
    Weights,
    assign_batch,
    exclusion,
    load_weights,
    rank,
)

# Eight subdistricts and towns of Songjiang (the demo district); "" = serves the whole district.
AREAS = (
    "岳阳街道",
    "永丰街道",
    "方松街道",
    "中山街道",
    "广富林街道",
    "九里亭街道",
    "泗泾镇",
    "九亭镇",
)
# Referral mix: minor injury dominates (79% of the white paper's trial-stage cases were intentional
# injury); the rest are the civil disputes and public-interest cases the centre also takes.
REFERRAL_TYPES = {
    "injury": 62,
    "neighbour": 10,
    "traffic": 7,
    "family": 6,
    "medical": 5,
    "loan": 4,
    "property": 3,
    "personal_information": 3,
}
# What a mediator lists as specialties: most civil-compensation mediators take injury cases.
MEDIATOR_TYPES = {
    "injury": 55,
    "neighbour": 30,
    "family": 20,
    "loan": 15,
    "property": 12,
    "traffic": 10,
    "medical": 8,
    "personal_information": 5,
}
PARTY_LANGUAGES = (
    (frozenset({"普通话"}), 70),
    (frozenset({"上海话"}), 12),
    (frozenset({"普通话", "上海话"}), 10),
    (frozenset({"English"}), 3),
    (frozenset({"普通话", "English"}), 2),
    (frozenset(), 3),
)


def _pick(rng: random.Random, table: dict[str, int]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


def generate(
    referrals: int, mediators: int, seed: int, weights: Weights
) -> tuple[list[Needs], list[Candidate]]:
    """Return reproducible referrals and mediators with some conflicts planted between them."""
    rng = random.Random(seed)
    candidates = []
    for i in range(mediators):
        specialties = {_pick(rng, MEDIATOR_TYPES) for _ in range(rng.randint(1, 3))}
        languages = {"普通话"}
        if rng.random() < 0.6:
            languages.add("上海话")
        if rng.random() < 0.08:
            languages.add("English")
        candidates.append(
            Candidate(
                user_id=1000 + i,
                name=f"调解员{i:04d}",
                specialties=frozenset(specialties),
                languages=frozenset(languages),
                area="" if rng.random() < 0.25 else rng.choice(AREAS),
                available=rng.random() < 0.9,
                load=rng.randint(0, 8),
                capacity=weights.default_capacity if rng.random() < 0.8 else rng.randint(8, 30),
                years_experience=rng.randint(0, 30),
            )
        )
    by_specialty_area: dict[tuple[str, str], list[int]] = {}
    for c in candidates:
        for s in c.specialties:
            by_specialty_area.setdefault((s, c.area), []).append(c.user_id)
    needs = []
    related: dict[int, set[str]] = {}
    langs, lang_weights = zip(*PARTY_LANGUAGES, strict=True)
    for r in range(referrals):
        specialty, area = _pick(rng, REFERRAL_TYPES), rng.choice(AREAS)
        parties = frozenset(f"bi:{rng.getrandbits(64):016x}" for _ in range(rng.randint(2, 3)))
        local = by_specialty_area.get((specialty, area), [])
        # Plant conflicts among the mediators the rule would most like: that is where an
        # ignored conflict would show.
        if local and rng.random() < 0.04:
            related.setdefault(rng.choice(local), set()).add(next(iter(parties)))
        involved = frozenset(rng.sample(local, min(len(local), 2))) if rng.random() < 0.05 else ()
        needs.append(
            Needs(
                referral_id=r + 1,
                specialty=specialty,
                area=area,
                languages=rng.choices(langs, weights=lang_weights)[0],
                party_keys=parties,
                earlier_involvement=frozenset(involved),
            )
        )
    candidates = [
        dataclasses.replace(c, related_party_keys=frozenset(related.get(c.user_id, ())))
        for c in candidates
    ]
    return needs, candidates


def verify(
    needs: Sequence[Needs], candidates: Sequence[Candidate], result: dict[int, int | None]
) -> Counter[str]:
    """Replay the batch and count violations (all must be zero) and what the rule excluded."""
    counts: Counter[str] = Counter()
    by_id = {c.user_id: c for c in candidates}
    load = {c.user_id: c.load for c in candidates}
    open_room = [c for c in candidates if c.available and c.load < c.capacity]
    for n in needs:
        chosen = result[n.referral_id]
        counts["conflicts_excluded"] += sum(
            1
            for c in candidates
            if c.user_id in n.earlier_involvement
            or not c.related_party_keys.isdisjoint(n.party_keys)
        )
        if chosen is None:
            counts["unassigned"] += 1
            open_room = [c for c in open_room if load[c.user_id] < c.capacity]
            if any(
                exclusion(n, dataclasses.replace(c, load=load[c.user_id])) is None
                for c in open_room
            ):
                counts["violation_left_unassigned"] += 1
            continue
        c = dataclasses.replace(by_id[chosen], load=load[chosen])
        reason = exclusion(n, c)
        if reason is not None:
            counts[f"violation_{reason}"] += 1
        load[chosen] += 1
        counts["assigned"] += 1
    over = sum(1 for c in candidates if load[c.user_id] > max(c.capacity, c.load))
    counts["violation_over_capacity"] += over
    return counts


def naive(
    needs: Sequence[Needs], candidates: Sequence[Candidate], weights: Weights
) -> dict[int, int | None]:
    """The definition: rank every candidate for each referral in turn, take the top one."""
    load = {c.user_id: c.load for c in candidates}
    result: dict[int, int | None] = {}
    for n in needs:
        current = [dataclasses.replace(c, load=load[c.user_id]) for c in candidates]
        ranked, _ = rank(n, current, weights, top=1)
        result[n.referral_id] = ranked[0].candidate.user_id if ranked else None
        if ranked:
            load[ranked[0].candidate.user_id] += 1
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--referrals", type=int, default=10_000, help="referrals in the batch")
    parser.add_argument("--mediators", type=int, default=500, help="mediators to choose from")
    parser.add_argument("--seed", type=int, default=1, help="random seed for the inputs")
    parser.add_argument("--repeat", type=int, default=7, help="timed repetitions")
    parser.add_argument(
        "--check-referrals",
        type=int,
        default=1500,
        help="size of a second, smaller batch assigned also one by one and compared in full",
    )
    parser.add_argument(
        "--check-mediators", type=int, default=75, help="mediators in that smaller batch"
    )
    args = parser.parse_args(argv)
    sizes = (
        args.referrals,
        args.mediators,
        args.repeat,
        args.check_referrals,
        args.check_mediators,
    )
    if min(sizes) < 1:
        parser.error("every size and --repeat must be at least 1")

    weights = load_weights()
    start = time.perf_counter()
    needs, candidates = generate(args.referrals, args.mediators, args.seed, weights)
    generate_s = time.perf_counter() - start

    times, result = [], {}
    for _ in range(args.repeat):
        start = time.perf_counter()
        result = assign_batch(needs, candidates, weights)
        times.append(time.perf_counter() - start)
    if any(assign_batch(needs, candidates, weights) != result for _ in range(2)):
        print("assign_batch is not deterministic", file=sys.stderr)
        return 1

    counts = verify(needs, candidates, result)
    # The definition is too slow for the full batch, so compare it in full on a smaller one that
    # still fills mediators up (the capacity path is where a fast assigner goes wrong).
    small_needs, small_candidates = generate(
        args.check_referrals, args.check_mediators, args.seed, weights
    )
    start = time.perf_counter()
    reference = naive(small_needs, small_candidates, weights)
    naive_s = time.perf_counter() - start
    fast = assign_batch(small_needs, small_candidates, weights)
    mismatches = sum(1 for n in small_needs if reference[n.referral_id] != fast[n.referral_id])
    violations = sum(v for k, v in counts.items() if k.startswith("violation")) + mismatches

    best, median = min(times), statistics.median(times)
    naive_per_referral = naive_s / len(small_needs)
    rows = [
        ("referrals", f"{args.referrals}"),
        ("mediators", f"{args.mediators}"),
        ("generate inputs", f"{generate_s:.2f} s"),
        (f"assign_batch best of {args.repeat}", f"{best:.3f} s"),
        (f"assign_batch median of {args.repeat}", f"{median:.3f} s"),
        ("per referral (median)", f"{median / args.referrals * 1e6:.1f} µs"),
        (
            f"one-by-one rank, per referral ({args.check_mediators} mediators)",
            f"{naive_per_referral * 1e6:.0f} µs",
        ),
        ("assigned", f"{counts['assigned']}"),
        ("unassigned (nobody eligible)", f"{counts['unassigned']}"),
        ("conflicts excluded", f"{counts['conflicts_excluded']}"),
        (f"mismatches vs one-by-one ({len(small_needs)} referrals)", f"{mismatches}"),
        ("violations", f"{violations}"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    print(
        json.dumps(
            {
                "bench": "assignment",
                "referrals": args.referrals,
                "mediators": args.mediators,
                "seconds": round(median, 4),
                "best_seconds": round(best, 4),
                "seed": args.seed,
                "repeat": args.repeat,
                "assigned": counts["assigned"],
                "unassigned": counts["unassigned"],
                "conflicts_excluded": counts["conflicts_excluded"],
                "violations": violations,
                "checked_referrals": len(small_needs),
                "mismatches": mismatches,
            },
            ensure_ascii=False,
        )
    )
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main())
