"""The chart geometry (careermap/lib/charts.py): pure, so checked on generated inputs."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from careermap.lib.charts import (
    CHAR_WIDTH,
    LABEL_HEIGHT,
    SHAPES,
    OccupationPoint,
    ReadPoint,
    cost_radius,
    dot_plot,
    explorer_chart,
    map_chart,
    shape_path,
)

BANDS = [
    ("days", "Days"),
    ("weeks", "Weeks"),
    ("uneven", "Uneven"),
    ("months", "Months"),
    ("year-plus", "A year or more"),
]

reads = st.lists(
    st.builds(
        ReadPoint,
        slug=st.from_regex(r"[a-z]{1,12}", fullmatch=True),
        title=st.text(alphabet="abcdefgh ", min_size=1, max_size=40),
        collection=st.sampled_from(list(SHAPES)),
        band=st.sampled_from([key for key, _ in BANDS]),
        score=st.one_of(st.none(), st.integers(0, 100)),
        start_cost_max=st.integers(0, 200_000),
        url=st.just("/reads/x/"),
    ),
    max_size=40,
    unique_by=lambda p: p.slug,
)


@settings(max_examples=60, deadline=None)
@given(reads)
def test_every_read_is_drawn_once_where_its_figures_say(points: list[ReadPoint]) -> None:
    chart = map_chart(points, bands=BANDS)
    assert sorted(m["slug"] for m in chart["marks"]) == sorted(p.slug for p in points)
    columns = {c["key"]: c for c in chart["columns"]}
    width = (chart["right"] - chart["left"]) / len(BANDS)
    for mark in chart["marks"]:
        column = columns[mark["band"]]
        # In its own column, across...
        assert column["x0"] - 0.1 <= mark["x"] <= column["x0"] + width + 0.1
        if mark["score"] is None:  # ...in the no-score band below the plot...
            assert chart["band_top"] < mark["y"] < chart["band_bottom"]
        else:  # ...or at its score, up.
            expected = chart["top"] + (chart["plot_bottom"] - chart["top"]) * (1 - mark["score"] / 100)
            assert math.isclose(mark["y"], expected, abs_tol=0.06)
        assert mark["r"] == cost_radius(mark["start_cost_max"])


@settings(max_examples=60, deadline=None)
@given(reads)
def test_shown_labels_never_overlap_each_other(points: list[ReadPoint]) -> None:
    chart = map_chart(points, bands=BANDS)
    boxes = []
    for m in chart["marks"]:
        if m["label_shown"]:
            x0 = m["label_x"] - (CHAR_WIDTH * len(m["title"]) if m["label_end"] else 0)
            boxes.append((x0, m["y"] - LABEL_HEIGHT / 2, x0 + CHAR_WIDTH * len(m["title"]), m["y"] + LABEL_HEIGHT / 2))
            assert (m["label_x"] < m["x"]) == m["label_end"]  # beside its own mark, on the side it says
    for i, a in enumerate(boxes):
        assert a[0] >= -0.1 and a[2] <= chart["width"] + 0.1
        for b in boxes[i + 1 :]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_marks_with_the_same_score_and_band_are_spread_apart() -> None:
    points = [ReadPoint(f"r{i}", f"R{i}", "careers", "weeks", 50, 100, "/") for i in range(6)]
    marks = map_chart(points, bands=BANDS)["marks"]
    for i, a in enumerate(marks):
        for b in marks[i + 1 :]:
            assert math.hypot(a["x"] - b["x"], a["y"] - b["y"]) >= a["r"] + b["r"]


def test_start_cost_steps_and_shapes() -> None:
    assert [cost_radius(v) for v in (0, 1, 500, 501, 5000, 5001, 10**7)] == [4.0, 5.5, 5.5, 7.5, 7.5, 10.0, 10.0]
    assert shape_path("circle", 10, 10, 4).startswith("M6.0,10.0a4.0,4.0")
    assert shape_path("square", 10, 10, 4).startswith("M6.5,6.5h7.1")  # same area as the circle
    assert shape_path("diamond", 10, 10, 4).startswith("M10.0,5.0L15.0,10.0")


def test_the_explorer_puts_durability_across_and_pay_up() -> None:
    points = [
        OccupationPoint("a", "Low", 0, 0, False, 10.0, "/a"),
        OccupationPoint("b", "High", 100, 200_000, True, 1000.0, "/b"),
        OccupationPoint("c", "None", 50, 100_000, False, None, "/c"),
    ]
    chart = explorer_chart(points)
    by_code = {m["code"]: m for m in chart["marks"]}
    assert (by_code["a"]["cx"], by_code["a"]["cy"]) == (chart["left"], chart["bottom"])
    assert (by_code["b"]["cx"], by_code["b"]["cy"]) == (chart["right"], chart["top"])
    assert by_code["b"]["r"] > by_code["a"]["r"] > by_code["c"]["r"] > 0  # area follows employment
    assert by_code["b"]["pay_text"] == "at least $200,000"
    assert by_code["c"]["employment_text"] == "employment not published"
    assert [m["code"] for m in chart["marks"]] == ["b", "a", "c"]  # big marks first, small on top
    assert chart["labels_shown"]
    assert [t["label"] for t in chart["y_ticks"]] == ["$0", "$50k", "$100k", "$150k", "$200k"]


def test_the_explorer_hides_labels_past_the_limit() -> None:
    points = [OccupationPoint(str(i), "T", i % 101, 50_000, False, 1.0, "/") for i in range(16)]
    assert not explorer_chart(points, label_limit=15)["labels_shown"]
    assert explorer_chart(points[:15], label_limit=15)["labels_shown"]
    assert not explorer_chart([])["labels_shown"]


@given(st.lists(st.floats(-1, 2, allow_nan=False), max_size=12))
def test_dots_sit_on_their_track_at_their_percentile(values: list[float]) -> None:
    chart = dot_plot([(f"input {i}", v) for i, v in enumerate(values)])
    for dot, value in zip(chart["dots"], values, strict=True):
        assert chart["x0"] <= dot["x"] <= chart["x1"]
        assert dot["percentile"] == round(min(max(value, 0), 1) * 100)
    assert chart["height"] > chart["axis_y"]
