"""What the work cost, for the summary's net hourly rate and the tax estimate.

For each platform and year the worker chooses how driving costs count (`CostMethod`; no choice: actual
expenses):

* **Actual expenses** — every expense recorded for the platform counts; its miles are not priced.
* **IRS standard mileage rate** — the platform's miles × the IRS business rate for the period they were
  driven (`mileage.py`), plus its expenses that the rate does not stand for (phone, equipment, fees such
  as parking and tolls, other). Its fuel, maintenance and vehicle-insurance expenses are *not* counted:
  the rate already stands for them, and counting both would count the same miles twice. Where the rate for
  a period is not stored, those miles are not priced and the summary says so.

Expenses not tied to a platform count in the total only (never in a platform's net). Their fuel,
maintenance and vehicle insurance are left out in a year where any platform uses the mileage rate, since
they may be the costs of those miles; the summary names the amount left out.

The mileage rate is in US dollars: in another currency every platform counts actual expenses.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum

from careermap.worklog.mileage import MileageRate, rate_for
from careermap.worklog.models import VEHICLE_CATEGORIES, CostMethod, CostMethodChoice, Expense
from careermap.worklog.rules import cents

ZERO = Decimal("0.00")
MILEAGE_CURRENCY = "USD"


@dataclasses.dataclass
class CostLine:
    """The costs counted for one platform (or, with `platform == ""`, for expenses not tied to one)."""

    platform: str
    expenses: Decimal = ZERO  # expenses counted
    left_out: Decimal = ZERO  # vehicle expenses not counted: the mileage rate stands for them
    miles: Decimal = ZERO  # miles logged with the work
    priced_miles: Decimal = ZERO  # of which priced at the IRS rate
    mileage: Decimal = ZERO  # priced_miles × the rate of their period
    unpriced_miles: Decimal = ZERO  # miles under the mileage method whose rate is not stored
    expense_count: int = 0
    methods: dict[int, str] = dataclasses.field(default_factory=dict)  # year → method used
    unknown_years: set[int] = dataclasses.field(default_factory=set)  # mileage chosen, rate not stored

    @property
    def total(self) -> Decimal:
        return self.expenses + self.mileage

    @property
    def uses_mileage(self) -> bool:
        return CostMethodChoice.MILEAGE in self.methods.values()

    @property
    def method_label(self) -> str:
        """Which method the figures used, in words ("IRS mileage rate (2019)", "actual expenses")."""
        if not self.methods:
            return "actual expenses"
        years = sorted(self.methods)
        mileage = [y for y in years if self.methods[y] == CostMethodChoice.MILEAGE]
        actual = [y for y in years if self.methods[y] != CostMethodChoice.MILEAGE]
        parts = []
        if mileage:
            parts.append(f"IRS mileage rate ({', '.join(str(y) for y in mileage)})")
        if actual:
            parts.append(f"actual expenses ({', '.join(str(y) for y in actual)})")
        return "; ".join(parts)


@dataclasses.dataclass
class Costs:
    currency: str
    platforms: dict[str, CostLine]  # by lower-cased platform name
    general: CostLine
    by_month: dict[dt.date, Decimal]  # costs counted, by month (for the tax estimate)
    rates: list[MileageRate]

    @property
    def lines(self) -> list[CostLine]:
        """The platforms' cost lines, by name."""
        return sorted(self.platforms.values(), key=lambda line: line.platform.lower())

    @property
    def total(self) -> Decimal:
        return self.general.total + sum((line.total for line in self.platforms.values()), ZERO)

    @property
    def left_out(self) -> Decimal:
        return self.general.left_out + sum((line.left_out for line in self.platforms.values()), ZERO)

    @property
    def unpriced(self) -> list[CostLine]:
        return [line for line in self.platforms.values() if line.unpriced_miles]

    @property
    def unchosen_miles(self) -> list[CostLine]:
        """Platforms with miles, no mileage rate chosen and no vehicle expense: their driving costs nothing."""
        return [
            line
            for line in self.platforms.values()
            if line.miles and not line.uses_mileage and not line.expense_count and not line.left_out
        ]

    @property
    def is_empty(self) -> bool:
        return not self.total and not self.left_out and not any(line.miles for line in self.platforms.values())


def methods_for(*, user: Any) -> dict[tuple[str, int], str]:
    """(lower-cased platform, year) → the method the worker chose."""
    rows = CostMethod.objects.filter(user=user).values_list("platform", "year", "method")
    return {(platform.lower(), year): method for platform, year, method in rows}


def compute_costs(
    *,
    user: Any,
    currency: str,
    miles: Iterable[tuple[str, dt.date, Decimal]],
    month_expr: Any,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Costs:
    """Costs for one currency and date range. `miles` is (platform, first day of month, miles) for the
    work in that range, as the caller's own pass over the entries found them; `month_expr` is the month
    expression the caller uses (so the expenses group the same way). Two queries: methods and expenses."""
    methods = methods_for(user=user)
    mileage_ok = currency == MILEAGE_CURRENCY
    platforms: dict[str, CostLine] = {}
    general = CostLine(platform="")
    by_month: dict[dt.date, Decimal] = defaultdict(lambda: ZERO)
    rates: dict[dt.date, MileageRate] = {}

    def line(name: str) -> CostLine:
        return platforms.setdefault(name.lower(), CostLine(platform=name))

    def method(name: str, year: int) -> str:
        chosen = methods.get((name.lower(), year), CostMethodChoice.ACTUAL)
        return chosen if mileage_ok else CostMethodChoice.ACTUAL

    mileage_years = {year for (_, year), chosen in methods.items() if chosen == CostMethodChoice.MILEAGE}
    for platform, month, count in miles:
        if not count:
            continue
        cost_line = line(platform)
        cost_line.miles += count
        chosen = method(platform, month.year)
        cost_line.methods[month.year] = chosen
        if chosen != CostMethodChoice.MILEAGE:
            continue
        rate = rate_for(month)
        if rate is None:
            cost_line.unpriced_miles += count
            cost_line.unknown_years.add(month.year)
            continue
        priced = cents(count * rate.dollars)
        cost_line.priced_miles += count
        cost_line.mileage += priced
        by_month[month] += priced
        rates[rate.start] = rate

    expenses = Expense.objects.filter(user=user, currency=currency)
    if date_from:
        expenses = expenses.filter(date__gte=date_from)
    if date_to:
        expenses = expenses.filter(date__lte=date_to)
    rows = (
        expenses.annotate(month=month_expr)
        .values("platform", "category", "month")
        .annotate(total=Sum("amount"), n=Count("id"))
        .order_by()
    )
    for row in rows:
        month = row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]
        total = cents(row["total"])
        vehicle = row["category"] in VEHICLE_CATEGORIES
        if row["platform"]:
            cost_line = line(row["platform"])
            chosen = method(row["platform"], month.year)
            cost_line.methods.setdefault(month.year, chosen)
            leave_out = vehicle and chosen == CostMethodChoice.MILEAGE
        else:
            cost_line = general
            leave_out = vehicle and mileage_ok and month.year in mileage_years
        cost_line.expense_count += row["n"]
        if leave_out:
            cost_line.left_out += total
            continue
        cost_line.expenses += total
        by_month[month] += total
    return Costs(
        currency=currency,
        platforms=platforms,
        general=general,
        by_month=dict(by_month),
        rates=[rates[key] for key in sorted(rates)],
    )
