"""Assign a batch of referrals greedily, fast enough for tens of thousands at once.

The result is exactly what calling ``rank(..., top=1)`` for each referral in turn would give, with
each assignment adding one open case to the chosen mediator; the tests check that equivalence.

How it stays fast: a candidate's score for a referral splits into a *bonus* that depends only on
the referral's (specialty, area, languages) and a *base* (experience minus open cases) that does
not depend on the referral. For each distinct (specialty, area, languages) the eligible candidates
are grouped by bonus, and each group is a heap ordered by base - which within one group is exactly
the rule's own order. The best candidate is then the best of a dozen heap tops, not of 500 scores.

A base only ever falls during a batch (weights forbid a load bonus), so after an assignment the
mediator's entries in other heaps are left as they are: a stale entry over-states its base, so it
surfaces early, is seen to be stale (its recorded load differs) and is pushed back at its true
place, or dropped once the mediator is full. Conflicts are per referral, so a conflicted top is set
aside for that referral only and put back afterwards.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence

from .rule import Candidate, Needs
from .weights import Weights, load_weights

# Heap entry: (-base, load, -years, user_id, index). Tuple order = the rule's tie-break.
_Entry = tuple[int, int, int, int, int]
_Groups = list[tuple[int, list[_Entry]]]


def assign_batch(
    needs: Sequence[Needs], candidates: Sequence[Candidate], weights: Weights | None = None
) -> dict[int, int | None]:
    """Return referral_id -> user_id of the mediator assigned (None when nobody is eligible).

    Referrals are served in the given order; each assignment adds one open case to the chosen
    mediator for the referrals after it, and nobody is given more than their capacity.
    """
    w = weights or load_weights()
    _check_unique(needs, candidates)
    load = [c.load for c in candidates]
    capacity = [c.capacity for c in candidates]
    experience = [w.experience_points(c.years_experience) for c in candidates]
    neg_years = [-c.years_experience for c in candidates]
    user_ids = [c.user_id for c in candidates]
    related = [c.related_party_keys for c in candidates]
    load_points = w.load

    def entry(i: int) -> _Entry:
        return (-(experience[i] + load_points * load[i]), load[i], neg_years[i], user_ids[i], i)

    pools: dict[tuple[str, str, frozenset[str]], _Groups] = {}
    result: dict[int, int | None] = {}
    for referral in needs:
        key = (referral.specialty, referral.area, referral.languages)
        groups = pools.get(key)
        if groups is None:
            groups = pools[key] = _groups(referral, candidates, w, entry, load)
        parties, involved = referral.party_keys, referral.earlier_involvement
        best: tuple[int, int, int, int, int] | None = None
        set_aside: list[tuple[list[_Entry], _Entry]] = []
        for bonus, heap in groups:
            while heap:
                top = heap[0]
                # An entry over-states the candidate, so if even it cannot reach the best total
                # found so far, nobody else in this heap can.
                if best is not None and top[0] - bonus > best[0]:
                    break
                i = top[4]
                if top[1] != load[i]:
                    if load[i] < capacity[i]:
                        heapq.heapreplace(heap, entry(i))
                    else:
                        heapq.heappop(heap)
                    continue
                if user_ids[i] in involved or not related[i].isdisjoint(parties):
                    set_aside.append((heap, heapq.heappop(heap)))
                    continue
                found = (top[0] - bonus, top[1], top[2], top[3], i)
                if best is None or found < best:
                    best = found
                break
        for heap, item in set_aside:
            heapq.heappush(heap, item)
        if best is None:
            result[referral.referral_id] = None
        else:
            load[best[4]] += 1
            result[referral.referral_id] = best[3]
    return result


def _groups(
    referral: Needs,
    candidates: Sequence[Candidate],
    w: Weights,
    entry: Callable[[int], _Entry],
    load: Sequence[int],
) -> _Groups:
    """Group the candidates who can take work by their bonus for this kind of referral.

    ``load`` is the open cases so far in the batch: a kind of referral first seen late in the batch
    must not count mediators who have filled up since it began.
    """
    by_bonus: dict[int, list[_Entry]] = {}
    # Same test as rule.same_area: an unknown or district-wide place earns nobody the area points.
    district_wide = not referral.area or referral.area in w.district_wide_areas
    area = None if district_wide else referral.area
    # Built once per kind of referral, for every candidate: keep the loop to plain local lookups.
    specialty, languages = referral.specialty, referral.languages
    specialty_points, area_points, language_points = w.specialty, w.area, w.language
    for i, c in enumerate(candidates):
        if not c.available or load[i] >= c.capacity:
            continue
        bonus = specialty_points if specialty in c.specialties else 0
        if c.area == area:
            bonus += area_points
        if languages:
            bonus += language_points * len(languages & c.languages)
        group = by_bonus.get(bonus)
        if group is None:
            group = by_bonus[bonus] = []
        group.append(entry(i))
    groups = sorted(by_bonus.items(), reverse=True)
    for _bonus, heap in groups:
        heapq.heapify(heap)
    return groups


def _check_unique(needs: Sequence[Needs], candidates: Sequence[Candidate]) -> None:
    # The result is keyed by referral and names mediators by user id; duplicates would make an
    # assignment silently vanish or land on the wrong profile.
    if len({n.referral_id for n in needs}) != len(needs):
        raise ValueError("needs: referral_id must be unique within a batch")
    if len({c.user_id for c in candidates}) != len(candidates):
        raise ValueError("candidates: user_id must be unique within a batch")
