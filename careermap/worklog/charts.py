"""Geometry for the summary's SVG charts, computed here and drawn by a template (no JS, CSP-clean).

Pure functions of plain numbers, so they are tested without a browser. Every chart has a table beside it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

MONTHS_SHOWN = 24
#: At most this many monthly slots, however far apart the months with figures are (a row dated in the
#: year 9999 beside one in 2026 would otherwise ask for 95,000 slots).
MAX_SLOTS = 120

WIDTH = 640
HEIGHT = 200
LEFT = 48  # room for the y-axis labels
BOTTOM = 24  # room for the x-axis labels
TOP = 8


@dataclasses.dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    css: str
    title: str


@dataclasses.dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclasses.dataclass(frozen=True)
class XLabel:
    x: float
    label: str


@dataclasses.dataclass(frozen=True)
class Chart:
    title: str
    width: int
    height: int
    left: int
    baseline: float
    bars: list[Bar]
    ticks: list[Tick]
    xlabels: list[XLabel]
    legend: list[tuple[str, str]]  # (css class, label)


def nice_step(maximum: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) that splits 0…maximum into at most `ticks` parts."""
    if maximum <= 0:
        return 1.0
    raw = maximum / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * power:
            return float(multiple * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def next_month(month: dt.date) -> dt.date | None:
    """The first day of the month after `month`'s; None after December 9999 (there is none)."""
    if month.month < 12:
        return month.replace(month=month.month + 1, day=1)
    return None if month.year == dt.MAXYEAR else month.replace(year=month.year + 1, month=1, day=1)


def months_back(month: dt.date, count: int) -> dt.date:
    """The first day of the month `count` months before `month`'s (never before January of year 1)."""
    index = month.year * 12 + month.month - 1 - count
    if index < 12:
        return dt.date(1, 1, 1)
    return dt.date(index // 12, index % 12 + 1, 1)


def month_range(first: dt.date, last: dt.date) -> list[dt.date]:
    months = []
    current: dt.date | None = first.replace(day=1)
    while current is not None and current <= last:
        months.append(current)
        current = next_month(current)
    return months


def stacked_bars(
    *,
    title: str,
    months: Sequence[dt.date],
    series: Sequence[tuple[str, str, Sequence[Decimal]]],
    unit: str,
) -> Chart:
    """Monthly bars, the series stacked bottom-up. `series` is (css class, label, values per month)."""
    plot_width = WIDTH - LEFT - 8
    plot_height = HEIGHT - TOP - BOTTOM
    baseline = float(TOP + plot_height)
    totals = [sum((float(values[i]) for _, _, values in series), 0.0) for i in range(len(months))]
    step = nice_step(max(totals, default=0.0))
    top = step * max(1, math.ceil(max(totals, default=0.0) / step))
    slot = plot_width / max(1, len(months))
    bar_width = max(2.0, slot * 0.7)
    bars: list[Bar] = []
    for i, month in enumerate(months):
        x = LEFT + i * slot + (slot - bar_width) / 2
        y = baseline
        for css, label, values in series:
            value = float(values[i])
            if value <= 0:
                continue
            height = value / top * plot_height
            y -= height
            bars.append(
                Bar(
                    x=round(x, 1),
                    y=round(y, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    css=css,
                    title=f"{month:%b %Y}: {values[i]} {unit} {label.lower()}",
                )
            )
    ticks = [
        Tick(y=round(baseline - (n * step) / top * plot_height, 1), label=_number(n * step))
        for n in range(int(round(top / step)) + 1)
    ]
    every = max(1, math.ceil(len(months) / 8))
    xlabels = [
        XLabel(x=round(LEFT + i * slot + slot / 2, 1), label=f"{month:%b %y}")
        for i, month in enumerate(months)
        if i % every == 0
    ]
    return Chart(
        title=title,
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        baseline=baseline,
        bars=bars,
        ticks=ticks,
        xlabels=xlabels,
        legend=[(css, label) for css, label, _ in series],
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def summary_charts(*, months: Sequence[Any], currency: str) -> tuple[Chart, Chart]:
    """Hours (paid or payable and unpaid, stacked) and money received, per month, for the last 24 months
    with any figures; months without any in between are drawn as empty slots (at most MAX_SLOTS in all)."""
    recent = list(months)[-MONTHS_SHOWN:]
    span = []
    if recent:
        last = recent[-1].month
        span = month_range(max(recent[0].month, months_back(last, MAX_SLOTS - 1)), last)
    by_month = {figures.month: figures for figures in recent}
    zero = Decimal("0")

    def series(attribute: str) -> list[Decimal]:
        return [getattr(by_month[m], attribute) if m in by_month else zero for m in span]

    hours = stacked_bars(
        title="Hours worked per month",
        months=span,
        series=[
            ("bar-paid", "Paid or payable", series("paid_hours")),
            ("bar-unpaid", "Unpaid", series("unpaid_hours")),
        ],
        unit="h",
    )
    money = stacked_bars(
        title=f"Money paid for each month's work ({currency})",
        months=span,
        series=[("bar-money", "Paid for the month's work", series("received"))],
        unit=currency,
    )
    return hours, money
