"""A U.S. state choropleth drawn on the server from the shared us-atlas TopoJSON.

`load_state_shapes` decodes the topology (already projected to a 975×610 box) into SVG path strings once
per file and keeps them in memory; `state_choropleth` sorts states into a few quantile bins with round
dollar edges and returns plain dataclasses for `templates/occupations/_state_map.html` to draw. Colours
come from CSS classes (`static/css/usmap.css`), never from attributes: the CSP stays strict.

The file lives in the shared data folder, never in the repository:
`load_state_shapes(Path(settings.CAREERMAP_DATA_DIR) / STATES_FILE)`.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

STATES_FILE = Path("us_atlas_3_0_1") / "states-albers-10m.json"
WIDTH = 975
HEIGHT = 610
MAX_BINS = 7  # usmap.css has .bin-0 … .bin-6
NO_DATA_CLASS = "bin-none"


class MapDataError(Exception):
    """The TopoJSON file exists but cannot be read as a topology of state shapes."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class StateShape:
    fips: str  # two-digit state FIPS code, e.g. "06"
    name: str  # e.g. "California"
    d: str  # SVG path data in the 975×610 box


@dataclass(frozen=True, slots=True)
class MapState:
    fips: str
    name: str
    d: str
    bin: int | None  # 0 = lowest bin; None = no published value
    css_class: str  # "bin-0" … "bin-6" (spread over the palette) or "bin-none"
    href: str
    label: str  # "California: $186,640" or "Wyoming: not published by BLS"
    selected: bool


@dataclass(frozen=True, slots=True)
class LegendEntry:
    bin: int | None  # None for the "not published" entry
    css_class: str
    low: float | None
    high: float | None
    label: str  # "$40,000–$49,999"


@dataclass(frozen=True, slots=True)
class Choropleth:
    width: int
    height: int
    states: list[MapState]  # in drawing order
    legend: list[LegendEntry]
    edges: list[float]  # lower edges of bins 1…n-1 (a value equal to an edge belongs to the upper bin)
    selected: MapState | None  # drawn again, last, as an outline


# --- decoding ---------------------------------------------------------------------------------------

_shape_cache: dict[str, dict[str, StateShape]] = {}


def load_state_shapes(path: Path) -> dict[str, StateShape]:
    """State FIPS → shape from a TopoJSON file with a `states` object; {} when the file is missing.

    Decoded once per path and kept for the life of the process (requests never re-decode). Raises
    MapDataError when the file is there but is not a usable topology.
    """
    key = str(path)
    cached = _shape_cache.get(key)
    if cached is None:
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            return {}  # not cached: the data may be added later
        except OSError as exc:
            raise MapDataError(path, f"cannot read the file ({exc.strerror or exc})") from exc
        cached = decode_states(raw, path=path)
        _shape_cache[key] = cached
    return dict(cached)


def clear_shape_cache() -> None:
    _shape_cache.clear()


def decode_states(raw: bytes | str, *, path: Path | str = "<topojson>") -> dict[str, StateShape]:
    """Decode the `states` object of a TopoJSON topology into SVG path strings (pure; see load_state_shapes)."""
    try:
        topology = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MapDataError(path, f"not valid JSON ({exc})") from exc
    if not isinstance(topology, dict) or topology.get("type") != "Topology":
        raise MapDataError(path, 'not a TopoJSON topology (no "type": "Topology")')
    objects = topology.get("objects")
    states = objects.get("states") if isinstance(objects, dict) else None
    if not isinstance(states, dict) or not isinstance(states.get("geometries"), list):
        raise MapDataError(path, 'no "states" geometry collection under "objects"')
    try:
        arcs = _decode_arcs(topology.get("arcs"), topology.get("transform"))
    except (TypeError, ValueError, IndexError, KeyError) as exc:
        raise MapDataError(path, f"malformed arcs or transform ({exc})") from exc

    shapes: dict[str, StateShape] = {}
    for number, geometry in enumerate(states["geometries"], start=1):
        where = f"states geometry {number}"
        if not isinstance(geometry, dict):
            raise MapDataError(path, f"{where}: not an object")
        kind = geometry.get("type")
        if kind is None:
            continue  # TopoJSON's null geometry: nothing to draw
        fips = geometry.get("id")
        properties = geometry.get("properties")
        name = properties.get("name") if isinstance(properties, dict) else None
        if not isinstance(fips, str | int) or str(fips) == "":
            raise MapDataError(path, f'{where}: no "id" (state FIPS code)')
        fips = str(fips).zfill(2)
        if not isinstance(name, str) or not name:
            raise MapDataError(path, f'{where} (id {fips}): no "properties.name"')
        if kind not in ("Polygon", "MultiPolygon"):
            raise MapDataError(path, f"{where} (id {fips}): unexpected geometry type {kind!r}")
        try:
            polygons = [geometry["arcs"]] if kind == "Polygon" else list(geometry["arcs"])
            d = "".join(_ring_path(ring, arcs) for polygon in polygons for ring in polygon)
        except (TypeError, ValueError, IndexError, KeyError) as exc:
            raise MapDataError(path, f"{where} (id {fips}): malformed arcs ({exc!r})") from exc
        if fips in shapes:
            raise MapDataError(path, f"{where}: id {fips} appears twice")
        shapes[fips] = StateShape(fips=fips, name=name, d=d)
    return shapes


def _decode_arcs(raw_arcs: Any, transform: Any) -> list[list[tuple[float, float]]]:
    if not isinstance(raw_arcs, list):
        raise ValueError('"arcs" is not a list')
    if transform is None:
        return [[(float(p[0]), float(p[1])) for p in arc] for arc in raw_arcs]
    sx, sy = (float(v) for v in transform["scale"])
    tx, ty = (float(v) for v in transform["translate"])
    decoded: list[list[tuple[float, float]]] = []
    for arc in raw_arcs:
        x = y = 0
        points: list[tuple[float, float]] = []
        for p in arc:  # quantized and delta-encoded: positions are running sums
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring_path(ring: list[int], arcs: list[list[tuple[float, float]]]) -> str:
    """One closed subpath: absolute start, then relative steps, in tenths of a unit (1 decimal)."""
    points: list[tuple[int, int]] = []  # tenths, so rounding never drifts and duplicates compare exactly
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        for i, (x, y) in enumerate(arc):
            if i == 0 and points:
                continue  # an arc starts where the previous one ended
            point = (round(x * 10), round(y * 10))
            if not points or points[-1] != point:
                points.append(point)
    if len(points) > 1 and points[-1] == points[0]:
        points.pop()  # z closes the ring
    if len(points) < 3 or _outside_viewbox(points):
        return ""  # smaller than the rounding, or wholly off the map (Alaska's far western Aleutians)
    steps = " ".join(
        f"{_tenths(x - px)},{_tenths(y - py)}" for (px, py), (x, y) in zip(points, points[1:], strict=False)
    )
    return f"M{_tenths(points[0][0])},{_tenths(points[0][1])}l{steps}z"


def _outside_viewbox(points: list[tuple[int, int]]) -> bool:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return max(xs) < 0 or min(xs) > WIDTH * 10 or max(ys) < 0 or min(ys) > HEIGHT * 10


def _tenths(value: int) -> str:
    whole, tenth = divmod(abs(value), 10)
    sign = "-" if value < 0 else ""
    return f"{sign}{whole}" if tenth == 0 else f"{sign}{whole}.{tenth}"


# --- binning ----------------------------------------------------------------------------------------


def state_choropleth(
    values: Mapping[str, float | None],
    *,
    shapes: Mapping[str, StateShape],
    selected: str | None,
    href: Callable[[str], str],
    bins: int = 5,
    value_labels: Mapping[str, str] | None = None,
    missing_text: str = "not published by BLS",
) -> Choropleth | None:
    """Colour each drawn state by the quantile bin of its value; None when there are no shapes.

    `values` maps state FIPS → value (None or absent = not published); values for areas without a shape
    (Puerto Rico, Guam…) are left out of the bins. `value_labels` may replace a state's formatted value in
    its title (e.g. "≥ $239,200" for a top-coded figure). Bin edges are quantiles rounded to a round dollar
    figure, strictly increasing, and every bin holds at least one state, so few values give fewer bins.
    """
    if not shapes:
        return None
    if not 1 <= bins <= MAX_BINS:
        raise ValueError(f"bins must be between 1 and {MAX_BINS}, not {bins}")
    published = {fips: float(v) for fips, v in values.items() if v is not None and fips in shapes}
    cents = any(v != math.floor(v) for v in published.values())
    edges = bin_edges(sorted(published.values()), bins=bins, whole_dollars=not cents)
    classes = _palette_classes(len(edges) + 1)
    labels = value_labels or {}

    states: list[MapState] = []
    chosen: MapState | None = None
    for fips, shape in sorted(shapes.items(), key=lambda item: item[1].name):
        value = published.get(fips)
        index = None if value is None else bisect_right(edges, value)
        text = labels.get(fips) or (missing_text if value is None else _money(value, cents=cents))
        state = MapState(
            fips=fips,
            name=shape.name,
            d=shape.d,
            bin=index,
            css_class=NO_DATA_CLASS if index is None else classes[index],
            href=href(fips),
            label=f"{shape.name}: {text}",
            selected=fips == selected,
        )
        states.append(state)
        if state.selected:
            chosen = state

    legend = _legend(sorted(published.values()), edges, classes, cents=cents)
    if len(published) < len(shapes):
        legend.append(
            LegendEntry(
                bin=None,
                css_class=NO_DATA_CLASS,
                low=None,
                high=None,
                label=missing_text[:1].upper() + missing_text[1:],
            )
        )
    return Choropleth(width=WIDTH, height=HEIGHT, states=states, legend=legend, edges=edges, selected=chosen)


def bin_edges(ordered: list[float], *, bins: int, whole_dollars: bool = True) -> list[float]:
    """Lower edges of bins 1…k-1: quantiles of the sorted values, rounded, strictly increasing, no empty bin."""
    if len(ordered) < 2 or ordered[0] == ordered[-1]:
        return []
    bins = min(bins, len(set(ordered)))
    unit = _round_unit(ordered[-1] - ordered[0], bins=bins, whole_dollars=whole_dollars)
    edges: list[float] = []
    floor = ordered[0]  # lower edge of the bin being closed
    for i in range(1, bins):
        q = _quantile(ordered, i / bins) / unit
        # The nearest round figure, else the one below or above, as long as no bin is left empty.
        for edge in (round(q) * unit, math.floor(q) * unit, math.ceil(q) * unit):
            edge = round(edge, 2)  # no 0.30000000000000004 in labels
            if edge <= ordered[-1] and bisect_left(ordered, edge) > bisect_left(ordered, floor):
                edges.append(edge)  # values in [floor, edge) fill the bin below; the top value is above
                floor = edge
                break
    return edges


def _quantile(ordered: list[float], q: float) -> float:
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _round_unit(span: float, *, bins: int, whole_dollars: bool) -> float:
    """The largest 1, 2.5 or 5 × 10^k within a quarter of a bin's average width ($1,000 for most annual pay),
    and a whole number of dollars (or cents), so edges and the labels "… to one unit below" stay exact."""
    step = 1.0 if whole_dollars else 0.01
    target = span / (bins * 4)
    power = 10.0 ** math.floor(math.log10(target)) if target > 0 else step
    fits = [m * power for m in (1.0, 2.5, 5.0) if step <= m * power <= target and (m * power / step) % 1 < 1e-9]
    return max(fits, default=step)


def _palette_classes(count: int) -> list[str]:
    """Spread `count` bins over the 7-step palette so the darkest colour always marks the top bin."""
    if count == 1:
        return ["bin-3"]
    return [f"bin-{int(i * (MAX_BINS - 1) / (count - 1) + 0.5)}" for i in range(count)]


def _legend(ordered: list[float], edges: list[float], classes: list[str], *, cents: bool) -> list[LegendEntry]:
    if not ordered:
        return []
    step = 0.01 if cents else 1.0
    lows = [ordered[0], *edges]
    highs = [round(edge - step, 2) for edge in edges] + [ordered[-1]]
    legend: list[LegendEntry] = []
    for index, (low, high) in enumerate(zip(lows, highs, strict=True)):
        text = _money(low, cents=cents) if low >= high else f"{_money(low, cents=cents)}–{_money(high, cents=cents)}"
        legend.append(LegendEntry(bin=index, css_class=classes[index], low=low, high=high, label=text))
    return legend


def _money(value: float, *, cents: bool) -> str:
    return f"${value:,.2f}" if cents else f"${value:,.0f}"
