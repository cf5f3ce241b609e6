"""matching.py: examples for each rule, then properties over random answers and candidates."""

from __future__ import annotations

import dataclasses
import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from careermap.quiz.evaluation import OPEN, only
from careermap.quiz.matching import (
    BAND_RANK,
    LIMIT,
    MIN_FIT,
    RIASEC,
    Answers,
    Candidate,
    CandidateSet,
    Experience,
    Pay,
    Source,
    _unit,
    code_profile,
    interest_profile,
    match,
    occupation_first_dollar,
)
from careermap.quiz.rules import WEIGHTS as W
from careermap.quiz.rules import Rules as _Rules
from careermap.quiz.rules import adjust_columns, durability_points
from careermap.quiz.tests import strategies as s
from careermap.quiz.tests.oracle import practical_adjust as _practical_adjust

# The open practical answers and single-type profiles are the evaluation's own, so both test the same cases.


def occupation(key: str, profile: tuple[float, ...], **overrides: object) -> Candidate:
    fields: dict[str, object] = {
        "key": f"occupation:{key}",
        "kind": "occupation",
        "title": key,
        "url": f"/occupations/{key}/",
        "profile": profile,
        "interest_code": "".join(sorted(RIASEC, key=lambda x: -profile[RIASEC.index(x)])[:3]),
        "groups": frozenset({key[:4]}),
        "min_age": 18,
        "needs_work_authorization": True,
        "needs_licence": None,
        "education_level": 1,
        "first_dollar": ("months",) + ("weeks",) * 6,
    }
    fields.update(overrides)
    return Candidate(**fields)  # type: ignore[arg-type]


# --- profiles ------------------------------------------------------------------------------


def test_it_scores_each_type_from_its_eight_items() -> None:
    profile, problem = interest_profile(only("S"))
    assert problem is None and profile is not None
    assert profile.as_dict() == {"R": 8, "I": 8, "A": 8, "S": 40, "E": 8, "C": 8}
    assert profile.code == "SRI"  # ties after the top go in R-I-A-S-E-C order


def test_it_prorates_a_type_with_a_skipped_item() -> None:
    answers = only("I")
    del answers["I8"]
    profile, _ = interest_profile(answers)
    assert profile is not None and profile.as_dict()["I"] == 40 and profile.answered[1] == 7


def test_too_few_answers_get_a_message_instead_of_a_profile() -> None:
    answers = {item: v for item, v in only("A").items() if not item.startswith("C") or item in ("C1", "C2")}
    profile, problem = interest_profile(answers)
    assert profile is None and problem is not None
    assert problem.code == "too-few" and "Conventional" in problem.message


def test_identical_answers_get_a_message_instead_of_a_profile() -> None:
    profile, problem = interest_profile(dict.fromkeys(s.ITEM_IDS, 4))
    assert profile is None and problem is not None and problem.code == "all-same"


def test_nearly_flat_answers_get_a_message_instead_of_a_profile() -> None:
    answers = dict.fromkeys(s.ITEM_IDS, 3)
    answers["R1"] = 5  # R mean 3.25: still within half a point of the rest
    profile, problem = interest_profile(answers)
    assert profile is None and problem is not None and problem.code == "flat"


def test_out_of_range_and_unknown_items_are_ignored() -> None:
    answers = only("E") | {"X1": 5, "E1": 9}
    profile, _ = interest_profile(answers)
    assert profile is not None and profile.answered[4] == 7


def test_a_code_profile_puts_the_letters_in_order() -> None:
    profile = code_profile("SC")
    assert profile[3] > profile[5] > profile[0] == profile[1] == profile[2] == profile[4]


def test_interest_fit_is_the_pearson_correlation() -> None:
    answers = Answers(interests={**only("S"), "I1": 4, "I2": 4, "C3": 3}, practical=OPEN)
    target = (2.0, 5.5, 1.5, 6.2, 3.3, 2.8)
    outcome = match(answers, [occupation("29-1141.00", target)])
    assert outcome.profile is not None
    expected = statistics.correlation(list(outcome.profile.scores), list(target))
    assert abs(outcome.matches[0].interest_fit - expected) < 1e-6


# --- first dollar ----------------------------------------------------------------------------


def test_first_dollar_is_weeks_when_you_meet_the_entry_level() -> None:
    assert occupation_first_dollar(entry_level=1, user_level=1) == "weeks"


def test_first_dollar_is_months_for_a_certificate_you_lack() -> None:
    assert occupation_first_dollar(entry_level=2, user_level=1) == "months"


def test_first_dollar_is_a_year_or_more_for_a_degree_you_lack() -> None:
    assert occupation_first_dollar(entry_level=4, user_level=1) == "year-plus"
    assert occupation_first_dollar(entry_level=3, user_level=2) == "year-plus"


def test_first_dollar_is_a_year_or_more_when_experience_is_needed() -> None:
    assert occupation_first_dollar(entry_level=1, user_level=6, needs_experience=True) == "year-plus"


def test_first_dollar_is_months_for_apprenticeships_and_licences() -> None:
    assert occupation_first_dollar(entry_level=1, user_level=1, apprenticeship=True) == "months"
    assert occupation_first_dollar(entry_level=4, user_level=4, needs_licence=True) == "months"


# --- matching examples -----------------------------------------------------------------------


def test_it_returns_the_closest_profiles_first() -> None:
    social = occupation("21-1012.00", (1.5, 2.0, 2.0, 6.8, 3.0, 2.0))
    investigative = occupation("19-1029.00", (2.5, 6.9, 2.0, 2.0, 1.5, 3.0))
    outcome = match(Answers(interests=only("S"), practical=OPEN), [investigative, social])
    assert [m.candidate.key for m in outcome.matches] == ["occupation:21-1012.00"]
    assert "Social" in outcome.matches[0].why[0]


def test_it_keeps_one_match_per_minor_group() -> None:
    nurses = occupation("29-1141.00", (2.0, 4.0, 1.5, 6.8, 2.5, 2.0))
    therapists = occupation("29-1123.00", (2.5, 4.0, 1.5, 6.7, 2.0, 2.0))
    counsellors = occupation("21-1012.00", (1.5, 3.0, 2.0, 6.5, 3.0, 2.5))
    outcome = match(Answers(interests=only("S"), practical=OPEN), [nurses, therapists, counsellors])
    groups = [m.candidate.key[11:15] for m in outcome.matches]
    assert len(groups) == 2 and sorted(groups) == ["21-1", "29-1"]


def test_ties_are_broken_by_key() -> None:
    a = occupation("21-1012.00", (1, 1, 1, 7, 1, 1))
    b = occupation("21-1013.00", (1, 1, 1, 7, 1, 1), groups=frozenset({"x"}))
    for order in ([a, b], [b, a]):
        outcome = match(Answers(interests=only("S"), practical=OPEN), order)
        assert [m.candidate.key for m in outcome.matches] == ["occupation:21-1012.00", "occupation:21-1013.00"]


def test_under_18s_never_get_an_adults_only_match() -> None:
    teen = dataclasses.replace(OPEN, adult=False)
    adult_job = occupation("21-1012.00", (1, 1, 1, 7, 1, 1))
    teen_job = occupation("39-9011.00", (1, 1, 2, 6, 1, 1), min_age=16)
    outcome = match(Answers(interests=only("S"), practical=teen), [adult_job, teen_job])
    assert [m.candidate.key for m in outcome.matches] == ["occupation:39-9011.00"]


def test_no_licence_rules_out_a_licensed_match_but_not_an_unknown_one() -> None:
    p = dataclasses.replace(OPEN, licence_ok=False)
    licensed = occupation("29-1141.00", (1, 1, 1, 7, 1, 1), needs_licence=True)
    unknown = occupation("21-1012.00", (1, 1, 1, 6, 2, 1))
    outcome = match(Answers(interests=only("S"), practical=p), [licensed, unknown])
    assert [m.candidate.key for m in outcome.matches] == ["occupation:21-1012.00"]
    assert any("no licensing data" in note for note in outcome.matches[0].watch)


def test_needing_money_this_week_rules_out_months_and_years() -> None:
    p = dataclasses.replace(OPEN, urgency="week")
    slow = occupation("29-1141.00", (1, 1, 1, 7, 1, 1), first_dollar=("year-plus",) * 7)
    months = occupation("21-1012.00", (1, 1, 1, 7, 1, 1), first_dollar=("months",) * 7)
    fast = occupation("39-9011.00", (1, 1, 2, 6, 1, 1), first_dollar=("weeks",) * 7)
    outcome = match(Answers(interests=only("S"), practical=p), [slow, months, fast])
    assert [m.candidate.key for m in outcome.matches] == ["occupation:39-9011.00"]
    assert "weeks, not days" in " ".join(outcome.matches[0].watch)
    assert "rule out the rest" in outcome.notes[0]


def test_no_training_rules_out_a_degree_you_lack() -> None:
    p = dataclasses.replace(OPEN, education=1, train="none")
    degree = occupation("21-1012.00", (1, 1, 1, 7, 1, 1), education_level=4)
    outcome = match(Answers(interests=only("S"), practical=p), [degree])
    assert outcome.matches == () and outcome.notes


def test_a_start_cost_above_the_budget_is_ruled_out() -> None:
    p = dataclasses.replace(OPEN, budget_usd=100)
    dear = occupation("37-2012.00", (1, 1, 1, 7, 1, 1), start_cost_min=500, start_cost_max=900)
    outcome = match(Answers(interests=only("S"), practical=p), [dear])
    assert outcome.matches == ()


def test_durability_counts_when_it_matters() -> None:
    fragile = occupation("43-4051.00", (1, 1, 1, 7, 1, 1), durability=10)
    durable = occupation("21-1012.00", (1.5, 1, 1, 6.5, 1, 1.3), durability=90)
    cares = Answers(interests=only("S"), practical=dataclasses.replace(OPEN, durability="a-lot"))
    indifferent = Answers(interests=only("S"), practical=OPEN)
    assert match(cares, [fragile, durable]).matches[0].candidate.key == "occupation:21-1012.00"
    assert match(indifferent, [fragile, durable]).matches[0].candidate.key == "occupation:43-4051.00"


def test_a_negatively_correlated_candidate_is_never_a_match() -> None:
    opposite = occupation("11-1011.00", (7, 7, 7, 1, 7, 7))
    assert match(Answers(interests=only("S"), practical=OPEN), [opposite]).matches == ()


def test_a_profile_problem_returns_no_matches() -> None:
    outcome = match(Answers(interests={}, practical=OPEN), [occupation("21-1012.00", (1, 1, 1, 7, 1, 1))])
    assert outcome.problem is not None and outcome.matches == () and outcome.profile is None


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=80, deadline=None)
@given(answers=s.answers, pool=s.candidates())
def test_at_most_three_unique_matches_in_distinct_groups(answers: Answers, pool: list[Candidate]) -> None:
    outcome = match(answers, pool)
    keys = [m.candidate.key for m in outcome.matches]
    assert len(keys) <= LIMIT and len(set(keys)) == len(keys)
    groups = [g for m in outcome.matches for g in m.candidate.groups]
    assert len(groups) == len(set(groups))
    # Sorted by the rule's own key: the score, except that durability "a lot" lifts the good fits
    # (most durable first), so there the shown scores may be out of order, and the page says why.
    keys_ranked = rank_keys(answers, pool)
    ranks = [keys_ranked[key] for key in keys]
    assert ranks == sorted(ranks, reverse=True)
    if answers.practical.durability != "a-lot":
        scores = [m.score for m in outcome.matches]
        assert scores == sorted(scores, reverse=True)
    elif outcome.matches:
        assert any("most durable" in n for n in outcome.notes)
    assert all(m.why and m.interest_fit > 0 for m in outcome.matches)


def rank_keys(answers: Answers, pool: list[Candidate]) -> dict[str, float]:
    """Each eligible candidate's ranking key, from the one-candidate rules (tests/oracle.py): the
    score, plus, for durability "a lot", good_fit_lift and good_fit_durability × points on the good
    fits (within good_fit_margin of the best eligible fit)."""
    profile, _ = interest_profile(answers.interests)
    if profile is None:
        return {}
    user = _unit(profile.scores)
    assert user is not None
    rules = _Rules.of(answers.practical)
    ranked: dict[str, tuple[float, float, Candidate]] = {}
    for c in pool:
        if c.unit is None:
            continue
        fit = sum(u * v for u, v in zip(user, c.unit, strict=True))
        adjust = _practical_adjust(rules, c)
        if fit > MIN_FIT and adjust is not None:
            ranked[c.key] = (fit, fit + adjust, c)
    if answers.practical.durability != "a-lot" or not ranked:
        return {key: score for key, (_, score, _) in ranked.items()}
    best = max(fit for fit, _, _ in ranked.values())
    keys: dict[str, float] = {}
    for key, (fit, score, c) in ranked.items():
        if fit >= best - W.good_fit_margin:
            points = W.no_score_points_a_lot if c.durability is None else durability_points(c)
            score = score + W.good_fit_lift + W.good_fit_durability * points
        keys[key] = score
    return keys


@settings(max_examples=60, deadline=None)
@given(answers=s.answers, pool=s.candidates())
def test_matching_is_deterministic(answers: Answers, pool: list[Candidate]) -> None:
    assert match(answers, pool) == match(answers, list(pool))


@settings(max_examples=80, deadline=None)
@given(answers=s.answers, pool=s.candidates(), data=st.data())
def test_candidate_order_does_not_matter(answers: Answers, pool: list[Candidate], data: st.DataObject) -> None:
    shuffled = data.draw(st.permutations(pool))
    first, second = match(answers, pool), match(answers, shuffled)
    assert first.matches == second.matches
    assert first.eligible == second.eligible


@settings(max_examples=80, deadline=None)
@given(answers=s.answers, pool=s.candidates(), data=st.data())
def test_answer_order_does_not_matter(answers: Answers, pool: list[Candidate], data: st.DataObject) -> None:
    items = data.draw(st.permutations(list(answers.interests.items())))
    reordered = Answers(interests=dict(items), practical=answers.practical)
    assert match(answers, pool) == match(reordered, pool)


@settings(max_examples=100, deadline=None)
@given(answers=s.answers, pool=s.candidates())
def test_hard_requirements_are_never_violated(answers: Answers, pool: list[Candidate]) -> None:
    p = answers.practical
    for m in match(answers, pool).matches:
        c = m.candidate
        if not p.adult:
            assert c.min_age < 18
        if not p.work_authorized:
            assert not c.needs_work_authorization
        if not p.licence_ok:
            assert c.needs_licence is not True
        if p.budget_usd is not None and c.start_cost_min is not None:
            assert c.start_cost_min <= p.budget_usd
        own = p.experience is not None and p.experience.years >= 1 and p.experience.code in c.codes
        if p.train == "none" and not own:  # related occupations never waive education
            assert c.education_level <= p.education
        if c.education_level > p.education and own:  # the one waiver, and the page says so
            assert m.credited and any("the work you have done" in w for w in m.why)
            assert not any("which you do not have yet" in w for w in m.watch)


@settings(max_examples=100, deadline=None)
@given(answers=s.answers, pool=s.candidates())
def test_urgency_is_respected(answers: Answers, pool: list[Candidate]) -> None:
    urgency = answers.practical.urgency
    for m in match(answers, pool).matches:
        if not m.credited:  # credited experience may shorten the wait (tests/oracle.py)
            assert m.first_dollar == m.candidate.first_dollar[answers.practical.education]
        if urgency in ("week", "month", "within-year"):
            assert m.first_dollar != "year-plus"
        if urgency == "week":
            assert BAND_RANK[m.first_dollar] <= BAND_RANK["weeks"]


@settings(max_examples=60, deadline=None)
@given(answers=s.answers, pool=s.candidates())
def test_a_match_is_the_best_remaining_candidate_in_its_turn(answers: Answers, pool: list[Candidate]) -> None:
    """Nothing skipped over ranks higher than a match unless it shares a group with an earlier match.
    The rank is the score, lifted for the good fits when durability matters a lot (rank_keys): a
    candidate alone is always its own best fit, so the lift needs the whole pool's best fit."""
    outcome = match(answers, pool)
    if not outcome.matches:
        return
    ranked = [match(answers, [c], limit=1).matches for c in pool]
    key_of = rank_keys(answers, pool)
    singles = sorted((m[0] for m in ranked if m), key=lambda m: (-key_of[m.candidate.key], m.candidate.key))
    taken: set[str] = set()
    expected = []
    for single in singles:
        if taken & single.candidate.groups:
            continue
        taken |= single.candidate.groups
        expected.append(single.candidate.key)
    assert [m.candidate.key for m in outcome.matches] == expected[:LIMIT]


@settings(max_examples=150, deadline=None)
@given(answers=s.answers, pool=s.candidates())
def test_the_column_rules_equal_the_rules_stated_one_candidate_at_a_time(
    answers: Answers, pool: list[Candidate]
) -> None:
    """match() scores all candidates at once (CandidateSet.practical_adjust); _practical_adjust is
    the readable statement of the same rules. They must agree exactly, filter and float alike."""
    rules = _Rules.of(answers.practical)
    prepared = CandidateSet(pool)
    allowed, adjust, _ = adjust_columns(prepared, rules)
    for column, index in enumerate(prepared.index.tolist()):
        expected = _practical_adjust(rules, pool[index])
        assert bool(allowed[column]) is (expected is not None)
        if expected is not None:
            assert float(adjust[column]) == expected


@settings(max_examples=60, deadline=None)
@given(answers=s.answers, pool=s.candidates())
def test_the_ranking_is_the_one_a_plain_loop_gives(answers: Answers, pool: list[Candidate]) -> None:
    """The whole ranking against the simplest reading of it: score every candidate in a loop,
    sort by score then key, take the best of each group."""
    outcome = match(answers, pool)
    if outcome.profile is None:
        return
    user = _unit(outcome.profile.scores)
    assert user is not None  # a profile is only made from answers that vary
    rules = _Rules.of(answers.practical)
    ranked: list[tuple[float, float, Candidate]] = []
    for c in pool:
        if c.unit is None:
            continue
        fit = sum(u * v for u, v in zip(user, c.unit, strict=True))
        adjust = _practical_adjust(rules, c)
        if fit > MIN_FIT and adjust is not None:
            ranked.append((fit, fit + adjust, c))
    if answers.practical.durability == "a-lot" and ranked:  # the good fits first, the most durable leading
        best = max(fit for fit, _, _ in ranked)
        for n, (fit, score, c) in enumerate(ranked):
            if fit >= best - W.good_fit_margin:
                points = W.no_score_points_a_lot if c.durability is None else durability_points(c)
                ranked[n] = (fit, score + W.good_fit_lift + W.good_fit_durability * points, c)
    order = sorted(((-score, c.key, c) for _, score, c in ranked), key=lambda t: (t[0], t[1]))
    picked: list[str] = []
    taken: set[str] = set()
    for _, key, c in order:
        if not taken & c.groups:
            taken |= c.groups
            picked.append(key)
    assert outcome.eligible == len(ranked)
    assert [m.candidate.key for m in outcome.matches] == picked[:LIMIT]


# --- issue 23: experience, pay floor, a hired job, durability first ------------------------------

SOCIAL = (1.0, 1.0, 1.0, 7.0, 2.0, 1.0)
PAY = Pay(
    occupation_title="x", median_wage=40_000, wage_is_floor=False, change_percent=None,
    openings_thousands=None, source=Source(name="BLS", version="2024", url="https://www.bls.gov/emp/"),
)  # fmt: skip


def social(**practical: object) -> Answers:
    return Answers(interests=only("S"), practical=dataclasses.replace(OPEN, **practical))  # type: ignore[arg-type]


def test_years_in_the_same_occupation_or_a_related_one_count_as_the_experience_it_needs() -> None:
    waits = {"needs_experience": True, "experience_years": 5, "first_dollar": ("year-plus",) * 7,
             "first_dollar_credited": ("weeks",) * 7}  # fmt: skip
    own = occupation("21-1000.00", SOCIAL, codes=("21-1000.00",), **waits)
    related = occupation("25-1000.00", SOCIAL, codes=("25-1000.00",), job_zone=3, **waits)
    job = Experience(code="21-1000.00", title="Counselors", years=5, job_zone=3,
                     related=frozenset({"25-1000.00"}), median_wage=None)  # fmt: skip
    plain = match(social(urgency="within-year"), [own, related])
    assert plain.matches == ()  # a year or more of experience first: too slow for "within a year"
    credited = match(social(urgency="within-year", experience=job), [own, related])
    assert [m.first_dollar for m in credited.matches] == ["weeks", "weeks"]
    assert all(m.credited and not any("years of experience" in w for w in m.watch) for m in credited.matches)
    too_few_years = dataclasses.replace(job, years=2)
    only_own = match(social(urgency="within-year", experience=too_few_years), [own, related])
    assert [m.candidate.key for m in only_own.matches] == [own.key]  # related ones need BLS's 5 years


def test_experience_waives_education_only_for_the_persons_own_occupation() -> None:
    """Own occupation: no education gap (the page says "the work you have done"). A related one
    credits the experience wait only: the education it asks for still counts."""
    degree = {"education_level": 4, "first_dollar": ("year-plus",) * 7, "first_dollar_credited": ("weeks",) * 7}
    own = occupation("21-1000.00", SOCIAL, codes=("21-1000.00",), **degree)
    related = occupation("25-1000.00", SOCIAL, codes=("25-1000.00",), job_zone=3, **degree)
    job = Experience(code="21-1000.00", title="Counselors", years=5, job_zone=3,
                     related=frozenset({"25-1000.00"}), median_wage=None)  # fmt: skip
    no_training = match(social(education=1, train="none", experience=job), [own, related])
    assert [m.candidate.key for m in no_training.matches] == [own.key]
    assert any("the work you have done" in w for w in no_training.matches[0].why)
    will_train = match(social(education=1, experience=job), [own, related])
    by_key = {m.candidate.key: m for m in will_train.matches}
    assert abs(by_key[own.key].score - by_key[related.key].score + 3 * W.education_gap) < 1e-6
    assert any("which you do not have yet" in w for w in by_key[related.key].watch)


def test_a_pay_floor_leaves_out_occupations_below_it_and_flags_reads() -> None:
    low = occupation("21-1000.00", SOCIAL, pay=PAY)
    read = dataclasses.replace(
        occupation("read-a", SOCIAL, pay=PAY, lenses=(("good", "v"),) * 3, groups=frozenset({"read:a"})),
        key="read:a",
        kind="read",
    )
    outcome = match(social(pay_floor_usd=50_000), [low, read])
    assert [m.candidate.key for m in outcome.matches] == ["read:a"]
    assert any("below your pay floor of $50,000" in w for w in outcome.matches[0].watch)
    at_the_floor = match(social(pay_floor_usd=40_000), [low, read])
    assert len(at_the_floor.matches) == 2 and not any(
        "pay floor of" in w for m in at_the_floor.matches for w in m.watch
    )


def test_a_mostly_self_employed_occupation_is_not_sold_as_a_hired_job() -> None:
    hired = occupation("21-1000.00", SOCIAL, self_employed_percent=5.0)
    own_account = occupation("25-1000.00", SOCIAL, self_employed_percent=54.0)
    outcome = match(social(goal="hired"), [hired, own_account])
    assert [m.candidate.key for m in outcome.matches] == [hired.key, own_account.key]
    second = outcome.matches[1]
    assert not any("hired job" in w for w in second.why)
    assert any("54% of its workers are self-employed" in w for w in second.watch)


def test_durability_a_lot_puts_the_most_durable_good_fit_first_and_says_when_it_is_middling() -> None:
    best_fit = occupation("21-1000.00", SOCIAL, durability=40)
    near_fit = occupation("25-1000.00", (1.0, 1.5, 1.0, 7.0, 2.0, 1.0), durability=55)
    far_fit = occupation("31-1000.00", (3.0, 1.0, 1.0, 5.0, 1.0, 4.0), durability=95)
    outcome = match(social(durability="a-lot"), [best_fit, near_fit, far_fit])
    assert outcome.matches[0].candidate.key == near_fit.key  # the most durable of the good fits
    assert outcome.matches[-1].candidate.key == far_fit.key  # a poorer fit stays behind them
    assert any("only mid-durability" in n or "none of them reaches 60/100" in n for n in outcome.notes)
    indifferent = match(social(durability="not-much"), [best_fit, near_fit, far_fit])
    assert indifferent.matches[0].candidate.key == best_fit.key and indifferent.notes == ()
