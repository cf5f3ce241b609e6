"""Predicted against observed exposure (pure) and the scatter geometry behind its chart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from careermap.durability.observed import Pair, compare
from careermap.lib.svg import scatter

PAIRS = [
    Pair("11-1011.00", "Chief Executives", 0.30, 0.03),
    Pair("15-1251.00", "Computer Programmers", 0.80, 0.75),
    Pair("23-2011.00", "Paralegals", 0.70, 0.0),  # predicted high, nothing measured
    Pair("31-9092.00", "Medical Assistants", 0.10, 0.40),  # observed beyond prediction
    Pair("47-2061.00", "Construction Laborers", 0.0, 0.0),
]


def test_rank_correlation_and_the_largest_gaps_each_way() -> None:
    result = compare(PAIRS, top=1)
    assert result.n == 5 and result.zeros == 2 and result.n_measured == 3
    assert result.rho is not None and 0 < result.rho < 1
    assert [g.code for g in result.predicted_beyond_observed] == ["23-2011.00"]
    assert [g.code for g in result.observed_beyond_predicted] == ["31-9092.00"]
    assert result.predicted_beyond_observed[0].sentence == (
        "Paralegals: predicted β 0.70 (percentile 70 of 100), no measured exposure."
    )
    assert "observed exposure 0.4000" in result.observed_beyond_predicted[0].sentence


def test_the_same_order_gives_rho_one_and_no_gaps() -> None:
    pairs = [Pair(f"00-000{i}.00", str(i), i / 10, i / 20) for i in range(5)]
    result = compare(pairs)
    assert result.rho == 1.0
    assert result.predicted_beyond_observed == [] and result.observed_beyond_predicted == []


values = st.floats(min_value=0, max_value=1, allow_nan=False)


@given(st.lists(st.tuples(values, values), min_size=3, max_size=30), st.randoms())
def test_the_comparison_does_not_depend_on_input_order(points: list[tuple[float, float]], rng) -> None:
    pairs = [Pair(f"{i:02d}-0000.00", f"Job {i}", x, y) for i, (x, y) in enumerate(points)]
    shuffled = pairs[:]
    rng.shuffle(shuffled)
    assert compare(pairs) == compare(shuffled)
    result = compare(pairs)
    assert all(g.gap > 0 for g in result.predicted_beyond_observed)
    assert all(g.gap < 0 for g in result.observed_beyond_predicted)


def test_scatter_puts_dots_inside_the_axes_and_y_grows_upward() -> None:
    chart = scatter(
        [(0.0, 0.0, "origin"), (1.0, 0.8, "top"), (2.0, -1.0, "clamped")], y_max=0.8, width=200, height=100, margin=10
    )
    origin, top, clamped = chart["dots"]
    assert (origin["cx"], origin["cy"]) == (chart["left"], chart["bottom"])
    assert (top["cx"], top["cy"]) == (chart["right"], chart["top"])
    assert (clamped["cx"], clamped["cy"]) == (chart["right"], chart["bottom"])
    assert [t["label"] for t in chart["y_ticks"]] == ["0", "0.2", "0.4", "0.6", "0.8"]
    assert [t["label"] for t in chart["x_ticks"]] == ["0", "0.2", "0.4", "0.6", "0.8", "1"]
