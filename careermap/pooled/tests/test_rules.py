"""The privacy rules as pure functions: thresholds, rounding and differencing (property-based)."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from careermap.pooled import rules
from careermap.pooled.rules import Contribution, complement_safe, decide, enough, figures_for, quantile

KEY = b"test-key"


def person(i: int, *, minutes: int = 600, cents: int = 15000, unpaid: int = 60, disputed: int = 0) -> Contribution:
    return Contribution(
        person=f"p{i}", minutes=minutes, unpaid_minutes=unpaid, disputed_minutes=disputed, received_cents=cents
    )


def test_nine_people_are_not_enough_and_ten_are() -> None:
    assert not enough([person(i) for i in range(9)])
    assert enough([person(i) for i in range(10)])


def test_people_without_time_do_not_count_towards_the_ten() -> None:
    assert not enough([person(i) for i in range(9)] + [person(9, minutes=0, unpaid=0)])


def test_no_one_may_have_more_than_a_quarter_of_the_hours() -> None:
    crowd = [person(i, minutes=600) for i in range(10)]  # 6000 minutes
    assert enough([*crowd, person(10, minutes=2000)])  # 2000 of 8000: 25% exactly
    assert not enough([*crowd, person(10, minutes=2001)])


def test_a_task_table_may_differ_from_its_platform_table_by_nobody_or_by_k_people() -> None:
    platform = {i: (600, 15000) for i in range(15)}
    same = dict(platform)
    assert complement_safe(same, platform)
    few = {i: work for i, work in platform.items() if i >= rules.K_CHANGED - 1}  # K-1 people have other work
    assert not complement_safe(few, platform)
    enough_others = {i: work for i, work in platform.items() if i >= rules.K_CHANGED}
    assert complement_safe(enough_others, platform)


def test_quantiles_interpolate_between_ranks() -> None:
    values = [Decimal(v) for v in (1, 2, 3, 4)]
    assert quantile(values, Decimal("0.5")) == Decimal("2.5")
    assert quantile(values, Decimal("0.25")) == Decimal("1.75")


def test_published_values_are_rounded() -> None:
    figures = figures_for([person(i, cents=15000 + 137 * i, minutes=607) for i in range(10)])
    assert figures.hourly_median % rules.DOLLAR_STEP == 0
    assert figures.hours % rules.HOURS_STEP == 0


rate_cents = st.integers(min_value=0, max_value=60_000)
minutes = st.integers(min_value=60, max_value=700)


@st.composite
def cells(draw: st.DrawFn) -> list[Contribution]:
    n = draw(st.integers(min_value=rules.MIN_PEOPLE, max_value=25))
    return [
        person(i, minutes=draw(minutes), cents=draw(rate_cents), unpaid=draw(st.integers(0, 59)), disputed=0)
        for i in range(n)
    ]


@settings(max_examples=120, deadline=None)
@given(crowd=cells(), newcomer_cents=rate_cents, newcomer_minutes=minutes)
def test_one_person_more_or_less_cannot_be_read_out_of_what_is_published(
    crowd: list[Contribution], newcomer_cents: int, newcomer_minutes: int
) -> None:
    """Publish a cell, then recompute with one person added (or one removed): whatever that person's
    figures, the published output is either exactly what it was or nothing at all, so comparing the two
    reveals nothing about their values."""
    first = decide(crowd, previous=None, previous_basis={}, key=KEY)
    if first.status != rules.PUBLISHED:
        return  # one person over a quarter of the hours: nothing published to compare with
    newcomer = person(99, minutes=newcomer_minutes, cents=newcomer_cents, unpaid=0)
    joined = decide([*crowd, newcomer], previous=first.figures, previous_basis=first.basis, key=KEY)
    assert joined.status in (rules.HELD, rules.TOO_FEW)
    assert joined.figures in (first.figures, None)
    left = decide(crowd[1:], previous=first.figures, previous_basis=first.basis, key=KEY)
    assert left.status in (rules.WITHHELD, rules.TOO_FEW)
    assert left.figures is None


@settings(max_examples=60, deadline=None)
@given(crowd=cells(), extra_cents=st.integers(min_value=100, max_value=10_000))
def test_one_person_logging_more_work_changes_nothing_published(crowd: list[Contribution], extra_cents: int) -> None:
    first = decide(crowd, previous=None, previous_basis={}, key=KEY)
    if first.status != rules.PUBLISHED:
        return
    target = crowd[0]
    edited = Contribution(
        person=target.person,
        minutes=target.minutes + 30,
        unpaid_minutes=target.unpaid_minutes,
        disputed_minutes=target.disputed_minutes,
        received_cents=target.received_cents + extra_cents,
    )
    again = decide([edited, *crowd[1:]], previous=first.figures, previous_basis=first.basis, key=KEY)
    assert again.figures in (first.figures, None)


def test_changes_accumulate_against_the_last_published_basis() -> None:
    crowd = [person(i, cents=15000 + 1000 * i) for i in range(12)]
    first = decide(crowd, previous=None, previous_basis={}, key=KEY)
    state = first
    grown = list(crowd)
    for i in range(rules.K_CHANGED - 1):  # one newcomer per run: each run alone is too few
        grown.append(person(100 + i, cents=90000))
        state = decide(grown, previous=state.figures, previous_basis=state.basis, key=KEY)
        assert state.status == rules.HELD and state.figures == first.figures
    grown.append(person(200, cents=90000))
    state = decide(grown, previous=state.figures, previous_basis=state.basis, key=KEY)
    assert state.status == rules.PUBLISHED
    assert state.changed == rules.K_CHANGED
    assert state.figures != first.figures


def test_a_figure_hidden_after_someone_left_returns_only_after_enough_changes() -> None:
    crowd = [person(i, cents=15000 + 1000 * i) for i in range(12)]
    first = decide(crowd, previous=None, previous_basis={}, key=KEY)
    state = decide(crowd[1:], previous=first.figures, previous_basis=first.basis, key=KEY)
    assert state.status == rules.WITHHELD
    later = [*crowd[1:], *(person(100 + i) for i in range(rules.K_CHANGED - 2))]
    state = decide(later, previous=state.figures, previous_basis=state.basis, key=KEY)
    assert state.status == rules.WITHHELD  # 1 left + 3 joined = 4 changes
    later.append(person(200))
    state = decide(later, previous=state.figures, previous_basis=state.basis, key=KEY)
    assert state.status == rules.PUBLISHED
