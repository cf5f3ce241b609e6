"""A tax set-aside *estimate* for U.S. self-employed work: what to put aside per IRS estimated-tax period.

It is an estimate, and only this:

* **Self-employment tax** at the published rate: 15.3% (12.4% Social Security + 2.9% Medicare) of
  92.35% of net earnings. Sources: IRS Topic no. 554, "Self-employment tax" — "the amount subject to
  self-employment tax is 92.35% of your net earnings from self-employment", and tax is usually due when
  net earnings from self-employment are $400 or more (https://www.irs.gov/taxtopics/tc554); the rate,
  15.3% = 12.4% + 2.9%, from the IRS page "Self-employment tax (Social Security and Medicare taxes)"
  (https://www.irs.gov/businesses/small-businesses-self-employed/self-employment-tax-social-security-and-medicare-taxes).
  The estimate does not stop the 12.4% part at the year's Social Security wage base, and does not add
  the Additional Medicare Tax.
* **Income tax** at a rate the worker chooses (none by default): that share of net earnings.
* **Net earnings** = money received in the period (payments on the day they arrived, tips on the day of
  the work) − costs counted in the period (`costs.py`: expenses, or the IRS mileage rate × miles).
* **Periods** are the IRS estimated-tax payment periods and due dates: 1 Jan–31 Mar (15 April),
  1 Apr–31 May (15 June), 1 Jun–31 Aug (15 September), 1 Sep–31 Dec (15 January of the next year)
  (https://www.irs.gov/faqs/estimated-tax/individuals/individuals-2). A due date on a weekend or holiday
  moves to the next business day; the page shows the nominal date.

No advice beyond that: the page links to the IRS guidance.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum

from careermap.worklog.costs import Costs, compute_costs
from careermap.worklog.models import Entry, Payment
from careermap.worklog.rules import cents

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
SE_TAX_RATE = Decimal("0.153")
SE_EARNINGS_SHARE = Decimal("0.9235")
SE_THRESHOLD = Decimal("400")  # net earnings from self-employment (after the 92.35%) below which none is due
TAX_CURRENCY = "USD"
MAX_INCOME_TAX_RATE = Decimal("60")

TOPIC_554_URL = "https://www.irs.gov/taxtopics/tc554"
SE_TAX_URL = "https://www.irs.gov/businesses/small-businesses-self-employed/self-employment-tax-social-security-and-medicare-taxes"
ESTIMATED_TAX_URL = "https://www.irs.gov/faqs/estimated-tax/individuals/individuals-2"


@dataclasses.dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    due: dt.date

    @property
    def label(self) -> str:
        return f"{self.start.day} {self.start:%b} – {self.end.day} {self.end:%b %Y}"


def payment_periods(year: int) -> list[Period]:
    """The IRS estimated-tax payment periods of a calendar year, with their due dates."""
    return [
        Period(dt.date(year, 1, 1), dt.date(year, 3, 31), dt.date(year, 4, 15)),
        Period(dt.date(year, 4, 1), dt.date(year, 5, 31), dt.date(year, 6, 15)),
        Period(dt.date(year, 6, 1), dt.date(year, 8, 31), dt.date(year, 9, 15)),
        Period(dt.date(year, 9, 1), dt.date(year, 12, 31), dt.date(year + 1, 1, 15) if year < 9999 else dt.date.max),
    ]


def se_tax(net: Decimal) -> Decimal:
    """15.3% of 92.35% of net earnings (nothing on a loss), rounded once, to the cent."""
    return (max(net, ZERO) * SE_EARNINGS_SHARE * SE_TAX_RATE).quantize(CENT)


def income_tax(net: Decimal, rate_percent: Decimal | None) -> Decimal:
    if not rate_percent:
        return ZERO
    return (max(net, ZERO) * rate_percent / 100).quantize(CENT)


@dataclasses.dataclass
class TaxRow:
    period: Period | None  # None: the whole year
    received: Decimal = ZERO
    costs: Decimal = ZERO
    income_tax_rate: Decimal | None = None

    @property
    def net(self) -> Decimal:
        return self.received - self.costs

    @property
    def se_tax(self) -> Decimal:
        return se_tax(self.net)

    @property
    def income_tax(self) -> Decimal:
        return income_tax(self.net, self.income_tax_rate)

    @property
    def set_aside(self) -> Decimal:
        return self.se_tax + self.income_tax


@dataclasses.dataclass
class TaxEstimate:
    year: int
    currency: str
    periods: list[TaxRow]
    year_row: TaxRow
    income_tax_rate: Decimal | None
    costs: Costs | None
    years: list[int]

    @property
    def applies(self) -> bool:
        """U.S. self-employment tax is reckoned in dollars: other currencies get no estimate."""
        return self.currency == TAX_CURRENCY

    @property
    def under_threshold(self) -> bool:
        """So far this year, net earnings × 92.35% are under $400: if they stay there, no SE tax is due."""
        return max(self.year_row.net, ZERO) * SE_EARNINGS_SHARE < SE_THRESHOLD


def estimate_rows(
    *,
    year: int,
    received_by_month: dict[dt.date, Decimal],
    costs_by_month: dict[dt.date, Decimal],
    rate: Decimal | None,
) -> tuple[list[TaxRow], TaxRow]:
    """Pure: the four periods and the year from money received and costs by month."""
    rows = []
    for period in payment_periods(year):
        row = TaxRow(period=period, income_tax_rate=rate)
        for month, amount in received_by_month.items():
            if period.start <= month <= period.end:
                row.received += amount
        for month, amount in costs_by_month.items():
            if period.start <= month <= period.end:
                row.costs += amount
        rows.append(row)
    year_row = TaxRow(
        period=None,
        received=sum((r.received for r in rows), ZERO),
        costs=sum((r.costs for r in rows), ZERO),
        income_tax_rate=rate,
    )
    return rows, year_row


def tax_estimate(
    *, user: Any, year: int | None = None, income_tax_rate: Decimal | None = None, currency: str = TAX_CURRENCY
) -> TaxEstimate:
    """The estimate for one calendar year (default: the latest year with money in the log, or this year)."""
    from careermap.worklog.summary import MonthStart, as_date

    years = sorted(
        {
            d.year
            for d in [
                *Entry.objects.filter(user=user, currency=currency).dates("date", "year"),
                *Payment.objects.filter(user=user, currency=currency).dates("date", "year"),
            ]
        },
        reverse=True,
    )
    if year is None:
        year = years[0] if years else dt.date.today().year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    received: dict[dt.date, Decimal] = {}
    for row in (
        Payment.objects.filter(user=user, currency=currency, date__gte=start, date__lte=end)
        .annotate(month=MonthStart("date"))
        .values("month")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        month = as_date(row["month"])
        received[month] = received.get(month, ZERO) + cents(row["total"])
    miles = []
    for row in (
        Entry.objects.filter(user=user, currency=currency, date__gte=start, date__lte=end)
        .filter(Q(tips__gt=0) | Q(miles__gt=0))
        .annotate(month=MonthStart("date"))
        .values("platform", "month")
        .annotate(tips_sum=Sum("tips"), miles_sum=Sum("miles"), n=Count("id"))
        .order_by()
    ):
        month = as_date(row["month"])
        received[month] = received.get(month, ZERO) + cents(row["tips_sum"])
        miles.append((row["platform"], month, cents(row["miles_sum"])))
    costs = compute_costs(
        user=user, currency=currency, miles=miles, month_expr=MonthStart("date"), date_from=start, date_to=end
    )
    periods, year_row = estimate_rows(
        year=year, received_by_month=received, costs_by_month=costs.by_month, rate=income_tax_rate
    )
    if year not in years:
        years = sorted([*years, year], reverse=True)
    return TaxEstimate(
        year=year,
        currency=currency,
        periods=periods,
        year_row=year_row,
        income_tax_rate=income_tax_rate,
        costs=costs,
        years=years,
    )
