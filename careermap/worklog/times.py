"""When the work pays: each platform compared by day of the week and by hour of the day.

Money here is money for the work (payments matched to it, and its tips), per hour worked, unpaid hours
included; payments not matched to any work cannot be placed on a day or an hour and are left out (match
them to place them). Day of the week comes from the date; hour of the day from the start time, so entries
without one are in the weekday table only (the page says how many). A stretch of work counts in the hour
it started. Two GROUP BY queries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from careermap.worklog.dbfuncs import IsoWeekday, StartHour
from careermap.worklog.models import UNPAID_STATUSES, Entry, PaymentMatch
from careermap.worklog.rules import cents
from careermap.worklog.summary import _in_range

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclasses.dataclass
class Cell:
    minutes: int = 0
    unpaid_minutes: int = 0
    money: Decimal = ZERO
    entries: int = 0

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.minutes) / 60).quantize(CENT)

    @property
    def hourly(self) -> Decimal | None:
        return (self.money * 60 / self.minutes).quantize(CENT) if self.minutes else None


@dataclasses.dataclass
class PlatformTimes:
    platform: str
    weekdays: list[Cell]  # Monday … Sunday
    hours: list[Cell]  # 0 … 23
    without_start: int = 0  # entries with no start time (not in the hours)

    @property
    def weekday_rows(self) -> list[tuple[str, Cell]]:
        return list(zip(WEEKDAYS, self.weekdays, strict=True))

    @property
    def busiest_hours(self) -> list[tuple[int, Cell]]:
        return [(hour, cell) for hour, cell in enumerate(self.hours) if cell.minutes]


@dataclasses.dataclass
class Times:
    currency: str
    platforms: list[PlatformTimes]
    entries: int
    without_start: int


def worklog_times(
    *, user: Any, currency: str, date_from: dt.date | None = None, date_to: dt.date | None = None
) -> Times:
    entries = _in_range(Entry.objects.filter(user=user, currency=currency), "date", date_from, date_to)
    platforms: dict[str, PlatformTimes] = {}

    def row(name: str) -> PlatformTimes:
        return platforms.setdefault(
            name.lower(),
            PlatformTimes(platform=name, weekdays=[Cell() for _ in WEEKDAYS], hours=[Cell() for _ in range(24)]),
        )

    total = without = 0
    for item in (
        entries.annotate(weekday=IsoWeekday("date"), hour=StartHour("start_time"))
        .values("platform", "weekday", "hour")
        .annotate(
            worked=Sum("minutes"),
            unpaid=Coalesce(Sum("minutes", filter=Q(status__in=UNPAID_STATUSES)), 0),
            tips_sum=Sum("tips"),
            n=Count("id"),
        )
        .order_by()
    ):
        times = row(item["platform"])
        cells = [times.weekdays[item["weekday"] - 1]]
        if item["hour"] is None:
            times.without_start += item["n"]
            without += item["n"]
        else:
            cells.append(times.hours[item["hour"]])
        total += item["n"]
        for cell in cells:
            cell.minutes += item["worked"]
            cell.unpaid_minutes += item["unpaid"]
            cell.money += cents(item["tips_sum"])
            cell.entries += item["n"]
    matches = _in_range(
        PaymentMatch.objects.filter(payment__user=user, payment__currency=currency), "entry__date", date_from, date_to
    )
    for item in (
        matches.annotate(weekday=IsoWeekday("entry__date"), hour=StartHour("entry__start_time"))
        .values("entry__platform", "weekday", "hour")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        times = row(item["entry__platform"])
        money = cents(item["total"])
        times.weekdays[item["weekday"] - 1].money += money
        if item["hour"] is not None:
            times.hours[item["hour"]].money += money
    ordered = sorted(platforms.values(), key=lambda p: (-sum(c.minutes for c in p.weekdays), p.platform.lower()))
    return Times(currency=currency, platforms=ordered, entries=total, without_start=without)
