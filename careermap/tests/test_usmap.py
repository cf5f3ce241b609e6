"""The U.S. state choropleth: TopoJSON decoding, quantile bins, the SVG partial, and the real shared file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string
from hypothesis import given
from hypothesis import strategies as st

from careermap.lib import usmap
from careermap.lib.usmap import MapDataError, StateShape, bin_edges, load_state_shapes, state_choropleth
from careermap.tests.realdata import real_data_path

# Quantized coordinates (x*0.5+10, y*0.5+20 once decoded). Arc 1 is the edge "01" and "02" share, with a
# kink at (12,5) so drawing it the wrong way round changes the path. "03" is two separate small squares.
FIXTURE: dict[str, Any] = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
    "objects": {
        "states": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "01", "properties": {"name": "Westland"}, "arcs": [[0, 1]]},
                {"type": "Polygon", "id": "02", "properties": {"name": "Eastland"}, "arcs": [[2, ~1]]},
                {"type": "MultiPolygon", "id": "03", "properties": {"name": "Islands"}, "arcs": [[[3]], [[4]]]},
            ],
        }
    },
    "arcs": [
        [[10, 10], [-10, 0], [0, -10], [10, 0]],  # (10,10) → (0,10) → (0,0) → (10,0)
        [[10, 0], [2, 5], [-2, 5]],  # (10,0) → (12,5) → (10,10)
        [[10, 0], [10, 0], [0, 10], [-10, 0]],  # (10,0) → (20,0) → (20,10) → (10,10)
        [[30, 0], [2, 0], [0, 2], [-2, 0], [0, -2]],
        [[40, 0], [2, 0], [0, 2], [-2, 0], [0, -2]],
    ],
}


def write(tmp_path: Path, topology: Any, name: str = "states.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(topology) if not isinstance(topology, str) else topology)
    return path


def absolute_points(d: str) -> list[list[tuple[float, float]]]:
    """The rings of a path written as M x,y l dx,dy … z, in absolute coordinates."""
    rings = []
    for start, steps in re.findall(r"M([^l]+)l([^z]*)z", d):
        x, y = (float(v) for v in start.split(","))
        ring = [(x, y)]
        for step in steps.split():
            dx, dy = (float(v) for v in step.split(","))
            x, y = round(x + dx, 1), round(y + dy, 1)
            ring.append((x, y))
        rings.append(ring)
    return rings


def squares(n: int) -> dict[str, StateShape]:
    return {
        f"{i:02d}": StateShape(fips=f"{i:02d}", name=f"State {i:02d}", d=f"M{i},0l1,0 0,1 -1,0z")
        for i in range(1, n + 1)
    }


def link(fips: str) -> str:
    return f"/occupations/15-1252.00/?area={fips}"


# --- decoding -----------------------------------------------------------------------------------------


def test_a_quantized_square_decodes_to_the_expected_path(tmp_path: Path) -> None:
    shapes = load_state_shapes(write(tmp_path, FIXTURE))
    assert shapes["01"] == StateShape(fips="01", name="Westland", d="M15,25l-5,0 0,-5 5,0 1,2.5z")


def test_a_negative_arc_index_draws_the_shared_arc_backwards(tmp_path: Path) -> None:
    shapes = load_state_shapes(write(tmp_path, FIXTURE))
    # (15,20) → (20,20) → (20,25) → (15,25), then the shared arc reversed: → (16,22.5) → back to the start.
    assert shapes["02"].d == "M15,20l5,0 0,5 -5,0 1,-2.5z"


def test_a_multipolygon_becomes_one_path_with_a_subpath_per_polygon(tmp_path: Path) -> None:
    shapes = load_state_shapes(write(tmp_path, FIXTURE))
    assert shapes["03"].d == "M25,20l1,0 0,1 -1,0zM30,20l1,0 0,1 -1,0z"


def test_coordinates_are_rounded_to_one_decimal(tmp_path: Path) -> None:
    topology = json.loads(json.dumps(FIXTURE))
    topology["transform"] = {"scale": [0.123, 0.456], "translate": [1.0, 2.0]}
    d = load_state_shapes(write(tmp_path, topology))["01"].d
    assert d.startswith("M2.2,6.6l")  # 10*0.123+1 = 2.23, 10*0.456+2 = 6.56
    assert all(len(number.split(".")[1]) == 1 for number in re.findall(r"\d+\.\d+", d))


def test_a_missing_file_gives_no_shapes(tmp_path: Path) -> None:
    assert load_state_shapes(tmp_path / "absent.json") == {}


@pytest.mark.parametrize(
    ("topology", "reason"),
    [
        ("{not json", "not valid JSON"),
        ({"type": "FeatureCollection"}, "not a TopoJSON topology"),
        ({"type": "Topology", "objects": {"nation": {}}, "arcs": []}, '"states"'),
        ({**FIXTURE, "arcs": FIXTURE["arcs"][:2]}, "states geometry 2 (id 02): malformed arcs"),
        ({**FIXTURE, "transform": {"scale": [1]}}, "malformed arcs or transform"),
    ],
)
def test_a_malformed_file_raises_an_error_naming_the_file_and_the_reason(
    tmp_path: Path, topology: Any, reason: str
) -> None:
    path = write(tmp_path, topology)
    with pytest.raises(MapDataError) as caught:
        load_state_shapes(path)
    assert caught.value.path == str(path)
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}: ")


def test_a_geometry_without_a_name_is_an_error(tmp_path: Path) -> None:
    topology = json.loads(json.dumps(FIXTURE))
    del topology["objects"]["states"]["geometries"][0]["properties"]
    with pytest.raises(MapDataError, match=r"states geometry 1 \(id 01\): no \"properties.name\""):
        load_state_shapes(write(tmp_path, topology))


def test_shapes_are_decoded_once_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, FIXTURE)
    calls: list[Path | str] = []
    real_decode = usmap.decode_states

    def counting_decode(raw: bytes | str, *, path: Path | str = "") -> dict[str, StateShape]:
        calls.append(path)
        return real_decode(raw, path=path)

    monkeypatch.setattr(usmap, "decode_states", counting_decode)
    first = load_state_shapes(path)
    first.clear()  # a caller changing its copy does not change the cache
    assert load_state_shapes(path)["01"].name == "Westland"
    assert len(calls) == 1


# --- bins -----------------------------------------------------------------------------------------------

PAY = {
    "01": 41_230.0,
    "02": 48_900.0,
    "03": 52_000.0,
    "04": 55_480.0,
    "05": 61_020.0,
    "06": 186_640.0,
    "07": 70_100.0,
    "08": 74_950.0,
    "09": 88_300.0,
    "10": 99_999.0,
    "11": 120_400.0,
    "12": None,
}


def test_edges_are_round_thousands_and_strictly_increasing() -> None:
    chart = state_choropleth(PAY, shapes=squares(13), selected=None, href=link)
    assert chart is not None
    assert len(chart.edges) == 4
    assert all(edge % 1000 == 0 for edge in chart.edges)
    assert all(a < b for a, b in zip(chart.edges, chart.edges[1:], strict=False))


def test_every_published_value_falls_in_exactly_one_legend_range() -> None:
    chart = state_choropleth(PAY, shapes=squares(13), selected=None, href=link)
    assert chart is not None
    ranges = [entry for entry in chart.legend if entry.bin is not None]
    for state in chart.states:
        value = PAY.get(state.fips)
        if value is None:
            continue
        holding = [
            entry.bin
            for entry in ranges
            if entry.low is not None and entry.high is not None and entry.low <= value <= entry.high
        ]
        assert holding == [state.bin], (state.fips, value, ranges)
    assert ranges[0].low == 41_230 and ranges[-1].high == 186_640


def test_a_state_without_a_value_is_no_data_never_the_lowest_bin() -> None:
    chart = state_choropleth(PAY, shapes=squares(13), selected=None, href=link)
    assert chart is not None
    by_fips = {state.fips: state for state in chart.states}
    for fips in ("12", "13"):  # None, and absent from the values
        assert by_fips[fips].bin is None
        assert by_fips[fips].css_class == "bin-none"
        assert by_fips[fips].label == f"State {fips}: not published by BLS"
    assert by_fips["01"].bin == 0 and by_fips["01"].css_class == "bin-0"
    assert chart.legend[-1].bin is None and chart.legend[-1].css_class == "bin-none"
    assert chart.legend[-1].label == "Not published by BLS"


def test_legend_labels_read_as_dollar_ranges() -> None:
    values = {f"{i:02d}": float(v) for i, v in enumerate(range(40_000, 90_000, 1_000), start=1)}
    chart = state_choropleth(values, shapes=squares(50), selected=None, href=link)
    assert chart is not None
    assert [entry.label for entry in chart.legend] == [
        "$40,000–$49,999",
        "$50,000–$59,999",
        "$60,000–$68,999",
        "$69,000–$78,999",
        "$79,000–$89,000",
    ]
    assert [entry.css_class for entry in chart.legend] == ["bin-0", "bin-2", "bin-3", "bin-5", "bin-6"]
    by_value = {values[state.fips]: state.bin for state in chart.states}
    assert (by_value[49_000], by_value[50_000], by_value[59_000], by_value[60_000]) == (
        0,
        1,
        1,
        2,
    )  # an edge opens a bin


def test_few_values_give_fewer_bins_and_one_value_one_bin() -> None:
    two = state_choropleth({"01": 50_000.0, "02": 90_000.0}, shapes=squares(2), selected=None, href=link)
    assert two is not None
    assert [state.bin for state in two.states] == [0, 1]
    assert [entry.label for entry in two.legend] == ["$50,000–$69,999", "$70,000–$90,000"]
    same = state_choropleth({"01": 60_000.0, "02": 60_000.0}, shapes=squares(2), selected=None, href=link)
    assert same is not None
    assert same.edges == [] and [entry.label for entry in same.legend] == ["$60,000"]
    assert {state.css_class for state in same.states} == {"bin-3"}  # one bin takes the middle colour


def test_an_edge_rounded_past_the_top_value_rounds_the_other_way() -> None:
    # The median 96 rounds to 100 on a $10 step, above the top value 98: 90 keeps both bins filled.
    assert bin_edges([0.0, 96.0, 98.0], bins=2) == [90.0]
    assert bin_edges([0.0, 11.0, 98.0], bins=2) == [10.0]


def test_edges_stay_whole_dollars_or_cents_when_the_spread_is_small() -> None:
    assert bin_edges([1000.0, 1004.0, 1012.0, 1019.0, 1030.0], bins=2) == [1012.0]  # a $2.50 step would give 1012.5
    cents = bin_edges([10.0, 10.02, 10.05, 10.11], bins=2, whole_dollars=False)
    assert cents == [10.04]  # the median 10.035 on a $0.01 step, not a $0.025 one


def test_hourly_values_keep_their_cents() -> None:
    values = {f"{i:02d}": 15 + i * 1.37 for i in range(1, 11)}
    chart = state_choropleth(values, shapes=squares(10), selected="01", href=link)
    assert chart is not None
    assert chart.states[0].label == "State 01: $16.37"
    assert chart.legend[0].label.startswith("$16.37–$")
    assert chart.legend[0].label.endswith("9")  # one cent below the next edge


@given(
    st.lists(st.integers(min_value=1_000, max_value=25_000_000), min_size=1, max_size=51),
    st.integers(min_value=1, max_value=7),
    st.booleans(),
)
def test_binning_properties_hold_for_any_values(amounts: list[int], bins: int, cents: bool) -> None:
    values = {f"{i:02d}": (a / 100 if cents else float(a)) for i, a in enumerate(amounts, start=1)}
    ordered = sorted(values.values())
    edges = bin_edges(ordered, bins=bins, whole_dollars=not cents)
    assert all(a < b for a, b in zip(edges, edges[1:], strict=False))
    assert len(edges) + 1 <= min(bins, len(set(ordered)))
    bounds = [float("-inf"), *edges, float("inf")]
    counts = [sum(1 for v in ordered if low <= v < high) for low, high in zip(bounds, bounds[1:], strict=False)]
    assert sum(counts) == len(ordered) and all(counts), (ordered, edges)  # no empty bin

    chart = state_choropleth(values, shapes=squares(len(values)), selected=None, href=link, bins=bins)
    assert chart is not None and chart.edges == edges
    ranges = [entry for entry in chart.legend if entry.bin is not None]
    for state in chart.states:
        value = values[state.fips]
        holding = [e.bin for e in ranges if e.low is not None and e.high is not None and e.low <= value <= e.high]
        assert holding == [state.bin], (value, ranges)


def test_labels_can_be_replaced_for_top_coded_figures() -> None:
    chart = state_choropleth(
        {"01": 239_200.0, "02": 80_000.0},
        shapes=squares(2),
        selected=None,
        href=link,
        value_labels={"01": "≥ $239,200"},
    )
    assert chart is not None
    assert chart.states[0].label == "State 01: ≥ $239,200"
    assert chart.states[1].label == "State 02: $80,000"


def test_the_selected_state_is_flagged_and_drawn_last() -> None:
    chart = state_choropleth(PAY, shapes=squares(13), selected="06", href=link)
    assert chart is not None
    assert [state.fips for state in chart.states if state.selected] == ["06"]
    assert chart.selected is not None and chart.selected.fips == "06"
    assert chart.selected.href == "/occupations/15-1252.00/?area=06"
    assert chart.selected.label == "State 06: $186,640"


def test_a_selected_area_without_a_shape_outlines_nothing() -> None:
    chart = state_choropleth({**PAY, "72": 30_000.0}, shapes=squares(13), selected="72", href=link)
    assert chart is not None
    assert chart.selected is None and not any(state.selected for state in chart.states)
    assert chart.legend[0].low == 41_230  # Puerto Rico has no shape, so it is not in the bins


def test_no_shapes_means_no_map_and_bins_are_bounded() -> None:
    assert state_choropleth(PAY, shapes={}, selected=None, href=link) is None
    with pytest.raises(ValueError, match="between 1 and 7"):
        state_choropleth(PAY, shapes=squares(2), selected=None, href=link, bins=8)


# --- the partial ----------------------------------------------------------------------------------------


def test_the_partial_draws_one_link_per_state_and_no_inline_style() -> None:
    chart = state_choropleth(PAY, shapes=squares(13), selected="06", href=link)
    html = render_to_string(
        "occupations/_state_map.html", {"state_map": chart, "map_caption": "Median pay by state, May 2025"}
    )
    assert "style=" not in html and "fill=" not in html and "<script" not in html
    assert html.count("<a href=") == 13
    assert html.count('class="state ') == 13
    assert '<path class="state bin-none" d="M12,0l1,0 0,1 -1,0z"/>' in html
    assert "<title>State 06: $186,640</title>" in html
    assert 'viewBox="0 0 975 610" role="img" aria-labelledby="usmap-title"' in html
    assert '<title id="usmap-title">Median pay by state, May 2025</title>' in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.rstrip().endswith('<path class="state-selected" d="M6,0l1,0 0,1 -1,0z" aria-hidden="true"/>')
    assert html.count('<span class="swatch bin-') == 6  # 5 bins + not published
    assert '<li><span class="swatch bin-none" aria-hidden="true"></span>Not published by BLS</li>' in html


def test_the_partial_draws_nothing_without_a_map() -> None:
    html = render_to_string("occupations/_state_map.html", {"state_map": None, "map_caption": "x"})
    assert html.strip() == ""


# --- the real shared file -------------------------------------------------------------------------------


@pytest.mark.realdata
def test_the_real_file_decodes_to_every_state_inside_the_map_box() -> None:
    path = real_data_path(str(usmap.STATES_FILE))
    shapes = load_state_shapes(path)
    assert len(shapes) >= 51
    assert shapes["06"].name == "California"
    assert shapes["11"].name == "District of Columbia"
    for fips, shape in shapes.items():
        rings = absolute_points(shape.d)
        assert rings, fips
        for ring in rings:
            assert all(0 <= y <= usmap.HEIGHT for _, y in ring), (fips, shape.name)
            if fips == "02":
                # Alaska's Aleutians run past the left edge in the file itself (x down to -57.6). Rings wholly
                # outside the box are dropped; the one that crosses x = 0 is kept and clipped by the viewBox.
                assert any(0 <= x <= usmap.WIDTH for x, _ in ring) and min(x for x, _ in ring) > -10
            else:
                assert all(0 <= x <= usmap.WIDTH for x, _ in ring), (fips, shape.name)
