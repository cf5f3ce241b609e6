"""Geometry for the drawn map, the occupations explorer and the durability dot plot.

Pure: plain data in, plain dicts out, no Django. The templates draw; this decides where.
Every mark carries the numbers it stands for, so the template can print the same figures
in its text alternative.
"""

from __future__ import annotations

import dataclasses
import html
import math
from collections.abc import Sequence
from typing import Any

# Colour and shape per collection: each pair distinguishable without colour (shape) and
# without shape (colour). Colours are ≥ 4.5:1 on the page's paper (#fdfcf9).
SHAPES = {"gigwatch": "circle", "careers": "square", "own-business": "diamond"}

# Start cost (the most a read says it can take to start, USD) → mark radius. Discrete steps
# so the legend can name each one.
COST_STEPS: list[tuple[int, float, str]] = [
    (0, 4.0, "$0"),
    (500, 5.5, "up to $500"),
    (5_000, 7.5, "up to $5,000"),
    (10**12, 10.0, "more than $5,000"),
]

CHAR_WIDTH = 6.2  # px per character of an 11px label: an estimate, used only to avoid overlaps
LABEL_HEIGHT = 12.0


def cost_radius(start_cost_max: int) -> float:
    for limit, radius, _ in COST_STEPS:
        if start_cost_max <= limit:
            return radius
    return COST_STEPS[-1][1]  # pragma: no cover - the last step has no real limit


def shape_path(shape: str, x: float, y: float, r: float) -> str:
    """An SVG path for a mark of `shape` centred on (x, y) with radius-like size r.

    Squares and diamonds are shrunk to the circle's area so one size reads the same in every shape."""
    if shape == "circle":
        return f"M{x - r:.1f},{y:.1f}a{r:.1f},{r:.1f} 0 1,0 {2 * r:.1f},0a{r:.1f},{r:.1f} 0 1,0 {-2 * r:.1f},0Z"
    if shape == "square":
        h = r * math.sqrt(math.pi) / 2
        return f"M{x - h:.1f},{y - h:.1f}h{2 * h:.1f}v{2 * h:.1f}h{-2 * h:.1f}Z"
    if shape == "diamond":
        h = r * math.sqrt(math.pi / 2)
        return f"M{x:.1f},{y - h:.1f}L{x + h:.1f},{y:.1f}L{x:.1f},{y + h:.1f}L{x - h:.1f},{y:.1f}Z"
    raise ValueError(f"unknown shape {shape!r}")


@dataclasses.dataclass(frozen=True)
class ReadPoint:
    slug: str
    title: str
    collection: str
    band: str  # time to first dollar: a key of the bands passed to map_chart
    score: int | None  # durability 0–100, None for reads without a score
    start_cost_max: int
    url: str


@dataclasses.dataclass
class _Box:
    x0: float
    y0: float
    x1: float
    y1: float

    def hits(self, other: _Box) -> bool:
        return not (self.x1 <= other.x0 or other.x1 <= self.x0 or self.y1 <= other.y0 or other.y1 <= self.y0)


def _swarm(items: list[tuple[Any, float, float]], *, centre: float, half_width: float) -> list[tuple[Any, float]]:
    """Place (item, y, r) marks near x=centre without overlap: a deterministic beeswarm.

    Items are placed in the order given; each takes the first free offset 0, -d, +d, -2d, ...
    within half_width, or the least crowded one when the column is full."""
    placed: list[tuple[float, float, float]] = []
    out: list[tuple[Any, float]] = []
    for item, y, r in items:
        best_x, best_overlap = centre, math.inf
        step = 2.0
        k = 0
        while True:
            offset = ((k + 1) // 2) * step * (-1 if k % 2 else 1)
            if abs(offset) > half_width - r:
                break
            x = centre + offset
            overlap = sum(1 for (px, py, pr) in placed if math.hypot(px - x, py - y) < pr + r + 1)
            if overlap == 0:
                best_x, best_overlap = x, 0
                break
            if overlap < best_overlap:
                best_x, best_overlap = x, overlap
            k += 1
        placed.append((best_x, y, r))
        out.append((item, best_x))
    return out


def map_chart(
    points: Sequence[ReadPoint],
    *,
    bands: Sequence[tuple[str, str]],
    width: int = 880,
    plot_height: int = 300,
) -> dict[str, Any]:
    """The home page's map: time to first dollar across (one column per band), durability up,
    reads without a score in their own band below ("no score: cash now").

    Labels are placed beside marks where they fit without overlapping a mark or another label;
    the rest have `label_shown` False (the template shows them on hover and keyboard focus)."""
    left, right, top = 44, 12, 16
    band_keys = [key for key, _ in bands]
    column_width = (width - left - right) / max(len(bands), 1)
    scored = sorted((p for p in points if p.score is not None), key=lambda p: (-(p.score or 0), p.slug))
    unscored = sorted((p for p in points if p.score is None), key=lambda p: (-p.start_cost_max, p.slug))

    def y_of(score: float) -> float:
        return top + plot_height * (1 - score / 100)

    marks: list[dict[str, Any]] = []
    for index, key in enumerate(band_keys):
        centre = left + column_width * (index + 0.5)
        in_band = [(p, y_of(p.score or 0), cost_radius(p.start_cost_max)) for p in scored if p.band == key]
        for point, x in _swarm(in_band, centre=centre, half_width=column_width / 2):
            marks.append(_mark(point, x, y_of(point.score or 0)))

    # The no-score band: each column's unscored reads in rows of up to `per_row`.
    step = 2 * COST_STEPS[-1][1] + 6
    per_row = max(int((column_width - 8) // step), 1)
    rows = max((math.ceil(sum(1 for p in unscored if p.band == key) / per_row) for key in band_keys), default=0)
    band_top = top + plot_height + 28
    band_height = max(rows, 1) * step + 12
    for index, key in enumerate(band_keys):
        x0 = left + column_width * index + 4 + step / 2
        for i, point in enumerate(p for p in unscored if p.band == key):
            marks.append(_mark(point, x0 + (i % per_row) * step, band_top + 6 + step / 2 + (i // per_row) * step))

    _place_labels(marks, width=width)
    labels = dict(bands)
    for mark in marks:
        mark["band_label"] = labels[mark["band"]]
    height = band_top + band_height + 34
    return {
        "width": width,
        "height": round(height),
        "left": left,
        "right": width - right,
        "top": top,
        "plot_bottom": top + plot_height,
        "band_top": band_top,
        "band_bottom": band_top + band_height,
        "band_height": band_height,
        "plot_width": width - left - right,
        "y_title_y": top + plot_height / 2,
        "band_label_y": band_top - 6,
        "axis_y": round(height - 18),
        "columns": [
            {
                "key": key,
                "label": label,
                "x": round(left + column_width * (i + 0.5), 1),
                "x0": round(left + column_width * i, 1),
                "count": sum(1 for p in points if p.band == key),
            }
            for i, (key, label) in enumerate(bands)
        ],
        "ticks": [{"value": v, "y": round(y_of(v), 1)} for v in (0, 25, 50, 75, 100)],
        "marks": marks,
        "labelled": sum(1 for m in marks if m["label_shown"]),
    }


def _mark(point: ReadPoint, x: float, y: float) -> dict[str, Any]:
    r = cost_radius(point.start_cost_max)
    return {
        "slug": point.slug,
        "title": point.title,
        "collection": point.collection,
        "band": point.band,
        "score": point.score,
        "start_cost_max": point.start_cost_max,
        "url": point.url,
        "x": round(x, 1),
        "y": round(y, 1),
        "r": r,
        "path": shape_path(SHAPES[point.collection], x, y, r),
        "label_x": round(x + r + 3, 1),
        "label_y": round(y + 4, 1),
        "label_shown": False,
        "label_end": False,
    }


def _place_labels(marks: list[dict[str, Any]], *, width: int) -> None:
    """Greedy: the most durable (then first listed) marks get their labels first, to the right of the
    mark if that is free, else to its left (`label_end`: the text ends at label_x)."""
    taken = [_Box(m["x"] - m["r"], m["y"] - m["r"], m["x"] + m["r"], m["y"] + m["r"]) for m in marks]
    for index, mark in enumerate(marks):
        text_width = CHAR_WIDTH * len(mark["title"])
        top, bottom = mark["y"] - LABEL_HEIGHT / 2, mark["y"] + LABEL_HEIGHT / 2
        right_x = mark["x"] + mark["r"] + 3
        left_x = mark["x"] - mark["r"] - 3
        for box, end in (
            (_Box(right_x, top, right_x + text_width, bottom), False),
            (_Box(left_x - text_width, top, left_x, bottom), True),
        ):
            if box.x0 < 0 or box.x1 > width:
                continue
            if any(box.hits(other) for i, other in enumerate(taken) if i != index):
                continue
            mark["label_shown"] = True
            mark["label_end"] = end
            mark["label_x"] = round(left_x if end else right_x, 1)
            taken.append(box)
            break


@dataclasses.dataclass(frozen=True)
class OccupationPoint:
    code: str
    title: str
    score: int  # durability 0–100
    pay: float  # median annual pay, USD
    pay_at_least: bool  # BLS top-code: the median is this or more
    employment: float | None  # jobs
    url: str


def explorer_chart(
    points: Sequence[OccupationPoint],
    *,
    width: int = 880,
    height: int = 460,
    label_limit: int = 15,
) -> dict[str, Any]:
    """Median pay (up) against durability (across), one mark per occupation, employment as area.

    Labels are drawn for every mark but shown only on hover and focus, unless at most
    `label_limit` occupations are drawn (then all of them are labelled)."""
    left, right, top, bottom = 64, 16, 12, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    top_pay = max((p.pay for p in points), default=0)
    pay_max = max(50_000, math.ceil(top_pay / 50_000) * 50_000)
    most = max((p.employment or 0 for p in points), default=0) or 1
    marks = []
    # Big marks first, so the small ones are drawn on top and stay reachable.
    for p in sorted(points, key=lambda p: (-(p.employment or 0), p.code)):
        r = 1.8 + 8.2 * math.sqrt((p.employment or 0) / most)
        x = left + plot_w * p.score / 100
        y = top + plot_h * (1 - p.pay / pay_max)
        marks.append(
            {
                "code": p.code,
                "title": p.title,
                "score": p.score,
                "pay": p.pay,
                "pay_at_least": p.pay_at_least,
                "employment": p.employment,
                "pay_text": f"{'at least ' if p.pay_at_least else ''}${p.pay:,.0f}",
                "employment_text": f"{p.employment:,.0f} jobs"
                if p.employment is not None
                else "employment not published",
                "url": p.url,
                "cx": round(x, 1),
                "cy": round(y, 1),
                "r": round(r, 1),
                "label_x": round(x - r - 2 if x > left + plot_w * 0.7 else x + r + 2, 1),
                "label_y": round(y + 4, 1),
                "label_end": x > left + plot_w * 0.7,  # labels near the right edge run leftwards
            }
        )
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "top": top,
        "bottom": top + plot_h,
        "labels_shown": 0 < len(marks) <= label_limit,
        "x_ticks": [{"value": v, "x": round(left + plot_w * v / 100, 1)} for v in (0, 20, 40, 60, 80, 100)],
        "y_ticks": [
            {"value": v, "label": f"${v // 1000:,}k" if v else "$0", "y": round(top + plot_h * (1 - v / pay_max), 1)}
            for v in range(0, pay_max + 1, 50_000 if pay_max <= 250_000 else 100_000)
        ],
        "x_label_y": height - 6,
        "y_title_y": top + plot_h / 2,
        "marks": marks,
    }


def explorer_marks_markup(marks: Sequence[dict[str, Any]], *, link_suffix: str = "") -> str:
    """The explorer's marks as SVG markup, every text escaped. Built here rather than in a template
    loop because 1,016 marks through the template engine cost ~250 ms a render, this ~5 ms.

    Each mark: a link to the occupation (plus `link_suffix`, e.g. "?area=0600000") whose <title> names it
    with its figures, a circle, and a label the CSS shows on hover and focus."""
    esc = html.escape
    suffix = esc(link_suffix)
    parts = []
    for m in marks:
        title = esc(m["title"])
        end = ' class="end"' if m["label_end"] else ""
        parts.append(
            f'<a class="omark" href="{esc(m["url"])}{suffix}"><title>{title}: durability {m["score"]}, '
            f"median pay {esc(m['pay_text'])}, {esc(m['employment_text'])}</title>"
            f'<circle cx="{m["cx"]}" cy="{m["cy"]}" r="{m["r"]}"></circle>'
            f'<text x="{m["label_x"]}" y="{m["label_y"]}"{end}>{title}</text></a>'
        )
    return "\n".join(parts)


def dot_plot(rows: Sequence[tuple[str, float]], *, width: int = 360, row_height: int = 34) -> dict[str, Any]:
    """One row per input: its label, a 0–100 track under it and a dot at this occupation's
    percentile among all occupations (0 = lowest value of any occupation, 100 = highest)."""
    x0, x1 = 8, width - 8
    dots = []
    for i, (label, percentile) in enumerate(rows):
        share = min(max(percentile, 0.0), 1.0)
        top = i * row_height
        dots.append(
            {
                "label": label,
                "percentile": round(share * 100),
                "x": round(x0 + (x1 - x0) * share, 1),
                "label_y": top + 12,
                "y": top + 24,
            }
        )
    axis_y = row_height * len(rows) + 10
    return {
        "width": width,
        "height": axis_y + 4,
        "x0": x0,
        "x1": x1,
        "ticks": [{"value": v, "x": round(x0 + (x1 - x0) * v / 100, 1)} for v in (0, 25, 50, 75, 100)],
        "axis_y": axis_y,
        "dots": dots,
    }
