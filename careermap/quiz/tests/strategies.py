"""Hypothesis strategies for matching: random answers and random candidate sets."""

from __future__ import annotations

from hypothesis import strategies as st

from careermap.quiz.matching import (
    EDUCATION_LEVELS,
    RIASEC,
    Answers,
    Candidate,
    Experience,
    Pay,
    Practical,
    Source,
    high_point_code,
)

ITEM_IDS = [f"{letter}{n}" for letter in RIASEC for n in range(1, 9)]
CODES = ["11-1021.00", "15-1252.00", "29-1141.00", "47-2111.00", "53-3032.00"]

experience = st.builds(
    Experience,
    code=st.sampled_from(CODES),
    title=st.just("Current job"),
    years=st.sampled_from([0, 1, 2, 5]),
    job_zone=st.one_of(st.none(), st.integers(1, 5)),
    related=st.frozensets(st.sampled_from(CODES), max_size=3),
    median_wage=st.one_of(st.none(), st.integers(20_000, 150_000)),
)
BANDS = ["days", "weeks", "uneven", "months", "year-plus"]
TONES = ["good", "mixed", "poor"]

practical = st.builds(
    Practical,
    urgency=st.sampled_from(["week", "month", "within-year", "year"]),
    budget_usd=st.sampled_from([0, 100, 500, 2000, 10000, None]),
    education=st.integers(0, len(EDUCATION_LEVELS) - 1),
    train=st.sampled_from(["any", "short", "none"]),
    adult=st.booleans(),
    work_authorized=st.booleans(),
    licence_ok=st.booleans(),
    setting=st.sampled_from(["remote", "in-person", "either"]),
    hours=st.sampled_from(["under-10", "10-20", "20-35", "full-time"]),
    goal=st.sampled_from(["cash", "hired", "business"]),
    durability=st.sampled_from(["a-lot", "some", "not-much"]),
    pay_floor_usd=st.one_of(st.none(), st.sampled_from([20_000, 40_000, 60_000, 100_000])),
    experience=st.one_of(st.none(), experience),
)


@st.composite
def full_interests(draw: st.DrawFn) -> dict[str, int]:
    """All 48 items: a liking per type, each item near it (Hypothesis alone favours all-1 answers)."""
    liking: dict[str, int] = {letter: draw(st.integers(1, 5)) for letter in RIASEC}
    return {item: min(5, max(1, liking[item[0]] + draw(st.integers(-1, 1)))) for item in ITEM_IDS}


# Mostly complete answer sets (so most examples reach matching), sometimes uniform noise or gaps.
uniform_interests = st.fixed_dictionaries({item: st.integers(1, 5) for item in ITEM_IDS})
partial_interests = st.dictionaries(st.sampled_from(ITEM_IDS), st.integers(1, 5))
interests = st.one_of(full_interests(), full_interests(), uniform_interests, partial_interests)

answers = st.builds(Answers, interests=interests, practical=practical)

_score = st.floats(1.0, 7.0, allow_nan=False)
_pay = st.builds(
    Pay,
    occupation_title=st.just("Test occupation"),
    median_wage=st.one_of(st.none(), st.integers(20_000, 240_000)),
    wage_is_floor=st.booleans(),
    change_percent=st.one_of(st.none(), st.floats(-40, 40, allow_nan=False)),
    openings_thousands=st.one_of(st.none(), st.floats(0, 500, allow_nan=False)),
    source=st.just(Source(name="Projections", version="2024–34", url="https://www.bls.gov/emp/")),
)


@st.composite
def candidate(draw: st.DrawFn, key: str) -> Candidate:
    profile = (draw(_score), draw(_score), draw(_score), draw(_score), draw(_score), draw(_score))
    cost_min = draw(st.one_of(st.none(), st.integers(0, 20_000)))
    cost_max = None if cost_min is None else cost_min + draw(st.integers(0, 20_000))
    is_read = draw(st.booleans())
    lenses = None
    if is_read:
        lenses = tuple((draw(st.sampled_from(TONES)), "verdict") for _ in range(3))
    return Candidate(
        key=key,
        kind="read" if is_read else "occupation",
        title=f"Candidate {key}",
        url=f"/{key}/",
        profile=profile,
        interest_code=high_point_code(profile),
        # A small pool of groups so that near-duplicates are common.
        groups=frozenset(
            draw(st.lists(st.sampled_from(["11-1", "15-1", "29-1", "47-2", "53-3"]), min_size=1, max_size=2))
        ),
        min_age=draw(st.sampled_from([14, 16, 18, 21])),
        needs_work_authorization=draw(st.booleans()),
        needs_licence=draw(st.sampled_from([True, False, None])),
        education_level=draw(st.integers(0, len(EDUCATION_LEVELS) - 1)),
        first_dollar=tuple(draw(st.sampled_from(BANDS)) for _ in EDUCATION_LEVELS),
        start_cost_min=cost_min,
        start_cost_max=cost_max,
        lenses=lenses,
        collection=draw(st.sampled_from(["gigwatch", "careers", "own-business"])) if is_read else "",
        self_employed_percent=draw(st.one_of(st.none(), st.floats(0, 100, allow_nan=False))),
        remote=draw(st.sampled_from([True, False, None])),
        flexible_hours=draw(st.booleans()),
        needs_experience=draw(st.booleans()),
        experience_years=draw(st.sampled_from([0, 1, 5])),
        job_zone=draw(st.one_of(st.none(), st.integers(1, 5))),
        codes=tuple(draw(st.lists(st.sampled_from(CODES), max_size=2, unique=True))),
        first_dollar_credited=tuple(draw(st.sampled_from(BANDS)) for _ in EDUCATION_LEVELS),
        durability=draw(st.one_of(st.none(), st.integers(0, 100))),
        pay=draw(st.one_of(st.none(), _pay)),
    )


@st.composite
def candidates(draw: st.DrawFn, min_size: int = 3, max_size: int = 24) -> list[Candidate]:
    size = draw(st.integers(min_size, max_size))
    return [draw(candidate(f"c{i:03d}")) for i in range(size)]
