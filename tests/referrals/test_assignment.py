"""The mediator assignment rule: exclusions, the score's parts, ranking, batches, teams, overrides.

Pure functions: no database. Points are read from the weights file so the tests state the rule's
shape (each criterion adds exactly its points), not the centre's current numbers; the rendering
tests pin their own points.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
from collections.abc import Sequence

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from concord.referrals.assignment import (
    AT_CAPACITY,
    CONFLICT_EARLIER_INVOLVEMENT,
    CONFLICT_RELATED_PARTY,
    CRITERIA,
    EXCLUSIONS,
    UNAVAILABLE,
    Candidate,
    Excluded,
    Needs,
    OverrideRefused,
    Scored,
    WeightsError,
    assign_batch,
    evaluate,
    exclusion,
    explain,
    load_weights,
    order_key,
    override_check,
    parse_weights,
    rank,
    team_propose,
)
from concord.referrals.assignment.weights import DEFAULT_PATH

W = load_weights()


def mediator(user_id: int = 1, **changes) -> Candidate:
    """A plain mediator: no specialty, area or language of interest, no load, no experience."""
    fields = {
        "user_id": user_id,
        "name": f"调解员{user_id}",
        "specialties": frozenset(),
        "languages": frozenset(),
        "area": "",
        "available": True,
        "load": 0,
        "capacity": W.default_capacity,
        "years_experience": 0,
    }
    fields.update(changes)
    return Candidate(**fields)


def referral(referral_id: int = 1, **changes) -> Needs:
    fields = {
        "referral_id": referral_id,
        "specialty": "injury",
        "area": "方松街道",
        "languages": frozenset({"上海话"}),
        "party_keys": frozenset({"bi:victim", "bi:suspect"}),
    }
    fields.update(changes)
    return Needs(**fields)


def total(needs: Needs, candidate: Candidate) -> float:
    result = evaluate(needs, candidate, W)
    assert isinstance(result, Scored), result
    return result.total


def _pinned_weights():
    """The weights file with the points of the design example, so the rendering is pinned."""
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    for code, points in {"specialty": 40, "area": 15, "language": 10, "load": -3}.items():
        data["criteria"][code]["points"] = points
    data["criteria"]["experience"].update(points=1, cap=10)
    return parse_weights(data)


def naive_batch(needs: Sequence[Needs], candidates: Sequence[Candidate]) -> dict[int, int | None]:
    """The definition of a batch: rank everyone for each referral in turn, take the top."""
    load = {c.user_id: c.load for c in candidates}
    out: dict[int, int | None] = {}
    for n in needs:
        current = [dataclasses.replace(c, load=load[c.user_id]) for c in candidates]
        ranked, _ = rank(n, current, W, top=1)
        out[n.referral_id] = ranked[0].candidate.user_id if ranked else None
        if ranked:
            load[ranked[0].candidate.user_id] += 1
    return out


# Small vocabularies so random inputs collide often: shared areas, parties and specialties.
SPECIALTIES = ("injury", "neighbour", "traffic")
AREAS = ("方松街道", "中山街道", "", "全区")
LANGUAGES = ("普通话", "上海话", "English")
KEYS = ("bi:1", "bi:2", "bi:3", "bi:4", "bi:5")


@st.composite
def candidate_pools(draw) -> list[Candidate]:
    size = draw(st.integers(min_value=0, max_value=8))
    return [
        Candidate(
            user_id=uid,
            name=f"m{uid}",
            specialties=draw(st.frozensets(st.sampled_from(SPECIALTIES), max_size=2)),
            languages=draw(st.frozensets(st.sampled_from(LANGUAGES), max_size=3)),
            area=draw(st.sampled_from(AREAS)),
            available=draw(st.booleans()),
            load=draw(st.integers(min_value=0, max_value=4)),
            capacity=draw(st.integers(min_value=0, max_value=5)),
            years_experience=draw(st.integers(min_value=0, max_value=15)),
            related_party_keys=draw(st.frozensets(st.sampled_from(KEYS), max_size=1)),
        )
        for uid in draw(st.permutations(range(1, size + 1)))
    ]


@st.composite
def referral_lists(draw, user_ids: int = 8) -> list[Needs]:
    size = draw(st.integers(min_value=0, max_value=25))
    return [
        Needs(
            referral_id=rid,
            specialty=draw(st.sampled_from(SPECIALTIES)),
            area=draw(st.sampled_from(AREAS)),
            languages=draw(st.frozensets(st.sampled_from(LANGUAGES), max_size=2)),
            party_keys=draw(st.frozensets(st.sampled_from(KEYS), max_size=2)),
            earlier_involvement=draw(
                st.frozensets(st.integers(min_value=1, max_value=user_ids), max_size=2)
            ),
        )
        for rid in range(100, 100 + size)
    ]


# --- exclusions --------------------------------------------------------------------------------


def test_a_mediator_related_to_a_party_is_excluded_however_well_they_score():
    best = mediator(
        specialties=frozenset({"injury"}),
        area="方松街道",
        languages=frozenset({"上海话"}),
        related_party_keys=frozenset({"bi:victim"}),
    )
    result = evaluate(referral(), best, W)
    assert result == Excluded(best, CONFLICT_RELATED_PARTY)


def test_a_mediator_involved_earlier_in_the_case_is_excluded():
    result = evaluate(referral(earlier_involvement=frozenset({7})), mediator(7), W)
    assert isinstance(result, Excluded)
    assert result.reason == CONFLICT_EARLIER_INVOLVEMENT


def test_a_mediator_not_taking_cases_is_excluded():
    result = evaluate(referral(), mediator(available=False), W)
    assert isinstance(result, Excluded)
    assert result.reason == UNAVAILABLE


def test_a_mediator_at_capacity_is_excluded_and_one_below_is_not():
    assert exclusion(referral(), mediator(load=5, capacity=5)) == AT_CAPACITY
    assert exclusion(referral(), mediator(load=4, capacity=5)) is None


def test_a_conflict_is_reported_before_unavailability():
    busy_relative = mediator(
        available=False, load=9, capacity=1, related_party_keys=frozenset({"bi:suspect"})
    )
    assert exclusion(referral(), busy_relative) == CONFLICT_RELATED_PARTY


@settings(max_examples=80, deadline=None)
@given(candidate_pools(), referral_lists())
def test_ranking_never_scores_a_conflicted_unavailable_or_full_candidate(pool, needs):
    for n in needs:
        scored, excluded = rank(n, pool, W)
        for s in scored:
            c = s.candidate
            assert c.related_party_keys.isdisjoint(n.party_keys)
            assert c.user_id not in n.earlier_involvement
            assert c.available is True
            assert c.load < c.capacity
            # A total is the plain sum of parts the coordinator sees, from known criteria only.
            assert s.total == sum(p.points for p in s.parts)
            assert {p.criterion for p in s.parts} <= set(CRITERIA)
        assert len(scored) + len(excluded) == len(pool)


# --- the parts of a score ----------------------------------------------------------------------


def test_a_matching_specialty_adds_exactly_the_specialty_points():
    n = referral()
    plain = mediator(specialties=frozenset({"family"}))
    matching = dataclasses.replace(plain, specialties=frozenset({"family", "injury"}))
    assert total(n, matching) - total(n, plain) == W.specialty


def test_serving_the_case_subdistrict_adds_exactly_the_area_points():
    n = referral()
    assert total(n, mediator(area="方松街道")) - total(n, mediator(area="中山街道")) == W.area


def test_district_wide_mediators_and_cases_with_no_place_earn_no_area_points():
    assert total(referral(), mediator(area="全区")) == total(referral(), mediator(area=""))
    assert total(referral(area=""), mediator(area="")) == 0


def test_each_needed_language_the_mediator_speaks_adds_exactly_the_language_points():
    n = referral(languages=frozenset({"普通话", "上海话"}))
    none = mediator(languages=frozenset({"English"}))
    one = mediator(languages=frozenset({"上海话", "English"}))
    both = mediator(languages=frozenset({"上海话", "普通话"}))
    assert total(n, one) - total(n, none) == W.language
    assert total(n, both) - total(n, one) == W.language


def test_when_the_parties_need_no_language_nobody_earns_language_points():
    assert total(referral(languages=frozenset()), mediator(languages=frozenset({"上海话"}))) == 0


def test_each_open_case_lowers_the_score_by_the_load_points():
    n = referral()
    assert W.load < 0
    assert total(n, mediator(load=3)) - total(n, mediator(load=2)) == W.load


def test_experience_adds_points_per_year_up_to_the_cap():
    n = referral()
    assert total(n, mediator(years_experience=1)) == W.experience
    years_at_cap = W.experience_cap // W.experience
    assert total(n, mediator(years_experience=years_at_cap)) == W.experience_cap
    assert total(n, mediator(years_experience=years_at_cap + 5)) == W.experience_cap


# --- ranking -----------------------------------------------------------------------------------


def test_equal_totals_go_to_fewer_open_cases_then_more_experience_then_lower_id():
    n = referral(languages=frozenset())
    # One open case costs what three years of experience earn, so these two tie on total.
    years = -W.load // W.experience
    loaded = mediator(5, load=1, years_experience=years)
    free = mediator(9)
    assert total(n, loaded) == total(n, free)
    assert [s.candidate.user_id for s in rank(n, [loaded, free], W)[0]] == [9, 5]

    # Both past the cap: same points, the longer-serving mediator first.
    veteran = mediator(8, years_experience=W.experience_cap + 20)
    senior = mediator(4, years_experience=W.experience_cap + 1)
    assert [s.candidate.user_id for s in rank(n, [senior, veteran], W)[0]] == [8, 4]

    twins = [mediator(3), mediator(2)]
    assert [s.candidate.user_id for s in rank(n, twins, W)[0]] == [2, 3]


@settings(max_examples=60, deadline=None)
@given(candidate_pools(), referral_lists(), st.randoms(use_true_random=False))
def test_rank_is_sorted_by_total_and_does_not_depend_on_input_order(pool, needs, rng):
    for n in needs:
        scored, _ = rank(n, pool, W)
        totals = [s.total for s in scored]
        assert totals == sorted(totals, reverse=True)
        assert scored == sorted(scored, key=order_key)
        shuffled = list(pool)
        rng.shuffle(shuffled)
        assert rank(n, shuffled, W) == rank(n, pool, W)
        assert rank(n, pool, W, top=2)[0] == scored[:2]


# --- batches -----------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(candidate_pools(), referral_lists())
def test_a_batch_gives_what_ranking_referral_by_referral_gives(pool, needs):
    assert assign_batch(needs, pool, W) == naive_batch(needs, pool)


@settings(max_examples=100, deadline=None)
@given(candidate_pools(), referral_lists(), st.randoms(use_true_random=False))
def test_a_batch_never_assigns_an_excluded_mediator_nor_overfills_one(pool, needs, rng):
    result = assign_batch(needs, pool, W)
    assert set(result) == {n.referral_id for n in needs}
    load = {c.user_id: c.load for c in pool}
    by_id = {c.user_id: c for c in pool}
    for n in needs:
        chosen = result[n.referral_id]
        current = [dataclasses.replace(c, load=load[c.user_id]) for c in pool]
        if chosen is None:
            assert all(exclusion(n, c) is not None for c in current)
            continue
        assert exclusion(n, dataclasses.replace(by_id[chosen], load=load[chosen])) is None
        load[chosen] += 1
        assert load[chosen] <= by_id[chosen].capacity
    # Deterministic, and the order candidates arrive in does not matter.
    shuffled = list(pool)
    rng.shuffle(shuffled)
    assert assign_batch(needs, shuffled, W) == result


def test_two_equal_mediators_take_turns():
    needs = [referral(i, languages=frozenset()) for i in range(1, 7)]
    result = assign_batch(needs, [mediator(2), mediator(1)], W)
    assert list(result.values()) == [1, 2, 1, 2, 1, 2]


def test_a_batch_stops_at_capacity_and_leaves_the_rest_unassigned():
    needs = [referral(i) for i in range(1, 5)]
    result = assign_batch(needs, [mediator(1, load=1, capacity=3)], W)
    assert result == {1: 1, 2: 1, 3: None, 4: None}


def test_a_batch_skips_a_conflicted_favourite_for_that_referral_only():
    favourite = mediator(
        1,
        specialties=frozenset({"injury"}),
        area="方松街道",
        related_party_keys=frozenset({"bi:neighbour"}),
    )
    other = mediator(2)
    needs = [
        referral(1, party_keys=frozenset({"bi:neighbour"})),
        referral(2),
        referral(3, earlier_involvement=frozenset({1})),
    ]
    assert assign_batch(needs, [favourite, other], W) == {1: 2, 2: 1, 3: 2}


def test_a_batch_breaks_a_tie_between_a_specialist_and_a_generalist_like_rank_does():
    w = _pinned_weights()
    # 40 for the specialty minus 10 open cases x 3 = 10 = ten years' experience: equal totals,
    # so the mediator with fewer open cases must win even though the specialist is seen first.
    specialist = mediator(1, specialties=frozenset({"injury"}), load=10)
    generalist = mediator(2, years_experience=10)
    n = referral(area="", languages=frozenset())
    ranked, _ = rank(n, [specialist, generalist], w)
    assert [s.total for s in ranked] == [10, 10]
    assert ranked[0].candidate.user_id == 2
    assert assign_batch([n], [specialist, generalist], w) == {1: 2}


def test_a_batch_refuses_duplicate_ids():
    with pytest.raises(ValueError, match="referral_id must be unique"):
        assign_batch([referral(1), referral(1)], [mediator(1)], W)
    with pytest.raises(ValueError, match="user_id must be unique"):
        assign_batch([referral(1)], [mediator(1), mediator(1)], W)


# --- what the coordinator reads ----------------------------------------------------------------


def test_explain_reads_every_part_and_the_total_in_chinese_and_english():
    w = _pinned_weights()
    c = mediator(
        specialties=frozenset({"injury"}),
        area="方松街道",
        languages=frozenset({"上海话", "普通话"}),
        load=3,
        years_experience=4,
    )
    scored = evaluate(referral(), c, w)
    assert explain(scored, "zh", w) == (
        "专长匹配 +40；同一街镇 +15；语言：上海话 +10；在办 3 件 −9；调解年限 4 年 +4；合计 60"
    )
    assert explain(scored, "en", w) == (
        "specialty match +40; same subdistrict +15; language: 上海话 +10; 3 open cases −9; "
        "4 years' experience +4; total 60"
    )


def test_explain_with_the_centre_weights_names_every_part():
    c = mediator(
        specialties=frozenset({"injury"}),
        area="方松街道",
        languages=frozenset({"上海话"}),
        load=2,
        years_experience=3,
    )
    scored = evaluate(referral(), c, W)
    assert isinstance(scored, Scored)
    for lang in ("zh", "en"):
        line = explain(scored, lang)
        for part in scored.parts:
            label = W.criteria[part.criterion].label[lang].format(**dict(part.params))
            assert label in line
        assert line.endswith(f"{W.total_label[lang]} {int(scored.total)}")


def test_explain_gives_the_reason_for_an_exclusion_in_both_languages():
    excluded = evaluate(referral(), mediator(available=False), W)
    assert explain(excluded, "zh") == "排除：目前不可接案"
    assert explain(excluded, "en") == "Excluded: not taking cases now"


def test_a_negative_total_shows_a_minus_sign():
    scored = evaluate(referral(languages=frozenset()), mediator(load=2), W)
    assert explain(scored, "en").endswith(f"total −{-2 * W.load}")


# --- the weights file --------------------------------------------------------------------------


def test_the_weights_file_describes_every_criterion_and_exclusion_in_both_languages():
    assert set(W.criteria) == set(CRITERIA)
    for criterion in W.criteria.values():
        for lang in ("zh", "en"):
            assert criterion.description[lang].strip()
            assert criterion.label[lang].strip()
    assert set(W.exclusions) == set(EXCLUSIONS)
    assert isinstance(W.since, dt.date)
    assert W.default_capacity >= 1


def test_the_weights_file_says_it_is_centre_policy_not_law():
    assert "不是法律规定" in W.source["zh"]
    assert "not law" in W.source["en"]


def test_a_weights_file_missing_a_description_is_refused_naming_the_field():
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    del data["criteria"]["area"]["description"]["en"]
    with pytest.raises(WeightsError, match=r"criteria\.area\.description\.en: missing or empty"):
        parse_weights(data)


def test_a_load_bonus_is_refused():
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["criteria"]["load"]["points"] = 2
    with pytest.raises(WeightsError, match=r"criteria\.load\.points: must be zero or negative"):
        parse_weights(data)


def test_fractional_points_are_refused_so_totals_stay_whole():
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    data["criteria"]["specialty"]["points"] = 40.5
    with pytest.raises(WeightsError, match=r"criteria\.specialty\.points: expected a whole number"):
        parse_weights(data)


# --- teams and overrides -----------------------------------------------------------------------


def test_a_joint_team_takes_one_person_per_seat_and_excludes_a_conflicted_lawyer():
    mediators = [mediator(1, specialties=frozenset({"injury"})), mediator(2)]
    judge = mediator(10)
    lawyers = [mediator(20, related_party_keys=frozenset({"bi:suspect"})), mediator(21)]
    team = team_propose(referral(), mediators, [judge], lawyers, mediator_count=2, weights=W)
    assert [s.candidate.user_id for s in team.mediators] == [1, 2]
    assert team.official is not None and team.official.candidate.user_id == 10
    assert team.lawyer is not None and team.lawyer.candidate.user_id == 21


def test_a_person_in_two_pools_fills_only_one_seat():
    both = mediator(1)
    team = team_propose(referral(), [both], [both], [both], weights=W)
    assert [s.candidate.user_id for s in team.mediators] == [1]
    assert team.official is None
    assert team.lawyer is None


def test_an_override_needs_a_reason_and_may_not_assign_a_conflicted_mediator():
    with pytest.raises(OverrideRefused, match="reason: an override needs a reason") as refused:
        override_check(referral(), mediator(), reason="  ", weights=W)
    assert refused.value.code == "no_reason"
    related = mediator(related_party_keys=frozenset({"bi:victim"}))
    with pytest.raises(OverrideRefused, match="has a conflict") as refused:
        override_check(referral(), related, reason="当事人点名要求", weights=W)
    assert refused.value.code == CONFLICT_RELATED_PARTY


def test_an_override_may_set_aside_capacity_and_records_what_it_waived():
    full = mediator(4, load=W.default_capacity)
    override = override_check(
        referral(9), full, reason="调解员同意多接一件", suggested_user_id=2, weights=W
    )
    assert (override.referral_id, override.user_id, override.suggested_user_id) == (9, 4, 2)
    assert override.waived == AT_CAPACITY
    assert override.scored.total == W.load * W.default_capacity


# --- boundaries --------------------------------------------------------------------------------


def test_the_rule_imports_no_django():
    code = (
        "import sys, concord.referrals.assignment as a; "
        "assert not [m for m in sys.modules if m.split('.')[0] == 'django'], 'django imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
