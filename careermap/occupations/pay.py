"""OEWS pay as people read it: every figure with what it is, and every gap with its reason.

Pure: takes `Wage` rows (or anything with the same attributes) and returns plain
dataclasses the templates and the API format. A figure BLS did not publish is never 0
and never interpolated: it carries the reason in words instead.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Protocol

from careermap.lib.money import dollars, dollars_hourly
from careermap.occupations.importers import oews

# Our rule for the "low precision" flag (BLS publishes the relative standard errors, not a
# cut-off): employment RSE above 30% (the usual "unreliable" line for survey counts) or a
# mean-wage RSE above 10% (a 90% interval wider than about ±16%). On May 2025 this flags
# 5% of metro rows, 8% of state rows, and 6 national occupations.
LOW_PRECISION_EMP_RSE = 30.0
LOW_PRECISION_WAGE_RSE = 10.0

MISSING_WORDS = {
    oews.HOURLY_OR_ANNUAL_ONLY: "not published: BLS reports this occupation's pay only {other}",
    oews.TOP_CODED: "at least {floor} (BLS does not publish higher values)",
    oews.NOT_RELEASED: "not published by BLS for {place}",
}


class WageLike(Protocol):
    year: int
    soc_code: str
    notes: str
    tot_emp: float | None
    emp_prse: float | None
    mean_prse: float | None
    jobs_1000: float | None
    loc_quotient: float | None


@dataclasses.dataclass(frozen=True)
class Figure:
    """One published measure: its value, whether it is BLS's top-code floor, or why it is missing."""

    measure: str
    value: float | None
    at_least: bool  # top-coded: the true value is this or more
    missing: str  # words for a missing value ("" when published)

    @property
    def published(self) -> bool:
        return self.value is not None

    def as_dollars(self, *, hourly: bool) -> str:
        """The same words the templates print: "$135,980", "$65.38", "≥ $239,200"."""
        return (dollars_hourly if hourly else dollars)(self.value, self.at_least)

    def as_json(self) -> dict[str, Any]:
        return {"value": self.value, "at_least": self.at_least, "missing": self.missing or None}


@dataclasses.dataclass(frozen=True)
class PayFigures:
    """One occupation's OEWS row for one place and year, ready to show."""

    year: int
    place: str
    soc_code: str
    hourly: dict[str, Figure]  # mean, pct10, pct25, median, pct75, pct90
    annual: dict[str, Figure]
    employment: Figure
    jobs_per_1000: Figure
    location_quotient: Figure
    low_precision: bool
    employment_rse: float | None
    wage_rse: float | None

    @property
    def median_annual(self) -> Figure:
        return self.annual["median"]

    @property
    def median_hourly(self) -> Figure:
        return self.hourly["median"]

    @property
    def has_any_wage(self) -> bool:
        return any(f.published for f in (*self.hourly.values(), *self.annual.values()))

    def as_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "place": self.place,
            "soc_code": self.soc_code,
            "hourly": {k: f.as_json() for k, f in self.hourly.items()},
            "annual": {k: f.as_json() for k, f in self.annual.items()},
            "employment": self.employment.as_json(),
            "jobs_per_1000": self.jobs_per_1000.as_json(),
            "location_quotient": self.location_quotient.as_json(),
            "employment_rse_percent": self.employment_rse,
            "wage_rse_percent": self.wage_rse,
            "low_precision": self.low_precision,
        }


def _figure(row: WageLike, measure: str, notes: dict[str, str], place: str) -> Figure:
    value = getattr(row, measure)
    code = notes.get(measure)
    if code == oews.TOP_CODED and value is not None:
        return Figure(measure, value, True, "")
    if value is not None:
        return Figure(measure, value, False, "")
    if code == oews.HOURLY_OR_ANNUAL_ONLY:
        other = "by the year" if measure.startswith("h_") else "by the hour"
        return Figure(measure, None, False, MISSING_WORDS[code].format(other=other))
    if code is None and measure in ("jobs_1000", "loc_quotient") and place == NATION:
        return Figure(measure, None, False, "not defined nationally (it compares an area with the nation)")
    return Figure(measure, None, False, MISSING_WORDS[oews.NOT_RELEASED].format(place=place))


NATION = "the United States"


def pay_figures(row: WageLike, *, place: str) -> PayFigures:
    notes = oews.parse_notes(row.notes)
    percentiles = ("mean", *oews.PERCENTILES)
    emp_rse, wage_rse = row.emp_prse, row.mean_prse
    return PayFigures(
        year=row.year,
        place=place,
        soc_code=row.soc_code,
        hourly={p: _figure(row, f"h_{p}", notes, place) for p in percentiles},
        annual={p: _figure(row, f"a_{p}", notes, place) for p in percentiles},
        employment=_figure(row, "tot_emp", notes, place),
        jobs_per_1000=_figure(row, "jobs_1000", notes, place),
        location_quotient=_figure(row, "loc_quotient", notes, place),
        low_precision=(emp_rse is not None and emp_rse > LOW_PRECISION_EMP_RSE)
        or (wage_rse is not None and wage_rse > LOW_PRECISION_WAGE_RSE),
        employment_rse=emp_rse,
        wage_rse=wage_rse,
    )


@dataclasses.dataclass(frozen=True)
class RangeBar:
    """Geometry of the 10th–90th percentile bar: box from the 25th to the 75th, a tick at the median."""

    width: int
    height: int
    x10: float
    x25: float
    x50: float
    x75: float
    x90: float
    labels: list[tuple[float, float, str, str]]  # (x, y, anchor, text): median above the bar, ends below


def range_bar(figures: PayFigures, *, scale_max: float, width: int = 320, height: int = 50) -> RangeBar | None:
    """Annual percentiles on a shared scale (0 … scale_max) so an area's bar and the nation's compare
    by eye. None when any of the five is missing: a partial bar would suggest values BLS did not publish."""
    points = [figures.annual[p] for p in oews.PERCENTILES]
    if any(not p.published for p in points) or scale_max <= 0:
        return None
    pad = 8
    span = width - 2 * pad
    xs = [round(pad + span * min(p.value or 0, scale_max) / scale_max, 1) for p in points]
    return RangeBar(
        width=width,
        height=height,
        x10=xs[0],
        x25=xs[1],
        x50=xs[2],
        x75=xs[3],
        x90=xs[4],
        labels=[
            (xs[0], 48, "start", points[0].as_dollars(hourly=False)),
            (xs[2], 10, "middle", points[2].as_dollars(hourly=False)),
            (xs[4], 48, "end", points[4].as_dollars(hourly=False)),
        ],
    )


@dataclasses.dataclass(frozen=True)
class TrendPoint:
    year: int
    median_annual: Figure
    median_hourly: Figure


def trend_change(points: list[TrendPoint]) -> float | None:
    """Percent change in the annual median from the first to the last year, nominal; None if
    either end is missing or top-coded (a floor cannot show a change)."""
    if len(points) < 2:
        return None
    first, last = points[0].median_annual, points[-1].median_annual
    if not (first.published and last.published) or first.at_least or last.at_least or not first.value:
        return None
    return round(100 * ((last.value or 0) - first.value) / first.value, 1)
