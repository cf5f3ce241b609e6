"""What the summary is made of: one row of figures (overall, a platform, a month, a week), money owed by
age, paid work no payment covers, and the summary itself. Plain dataclasses with the derived figures as
properties; `summary.py` computes them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from careermap.content.models import Read
from careermap.worklog.costs import CostLine, Costs
from careermap.worklog.models import Status

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


@dataclasses.dataclass
class Figures:
    """One row of the summary. `received` is the money in this row's rate: payments matched to its work,
    its tips, and — overall and by platform, not by month or week — payments not matched to any work."""

    label: str
    minutes: int = 0
    unpaid_minutes: int = 0
    owed_minutes: int = 0
    expected: Decimal = ZERO
    tips: Decimal = ZERO
    for_work: Decimal = ZERO  # payments matched to this row's work
    not_matched: Decimal = ZERO  # payments not matched to any work (by the day they arrived)
    unmatched_in_rate: bool = True  # False for months and weeks: the rate is what that period's work paid
    entries: int = 0
    miles: Decimal = ZERO
    month: dt.date | None = None
    week: dt.date | None = None
    last_date: dt.date | None = None
    read: Read | None = None
    costs: CostLine | None = None  # None: not computed for this row (months, weeks)
    cost_total: Decimal | None = None

    @property
    def received(self) -> Decimal:
        return self.for_work + self.tips + (self.not_matched if self.unmatched_in_rate else ZERO)

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.minutes) / 60).quantize(CENT)

    @property
    def unpaid_hours(self) -> Decimal:
        return (Decimal(self.unpaid_minutes) / 60).quantize(CENT)

    @property
    def paid_hours(self) -> Decimal:
        return self.hours - self.unpaid_hours

    def _per_hour(self, amount: Decimal) -> Decimal | None:
        if not self.minutes:
            return None
        return (amount * 60 / self.minutes).quantize(CENT)

    @property
    def hourly(self) -> Decimal | None:
        """Money received per hour worked, unpaid hours included."""
        return self._per_hour(self.received)

    @property
    def if_all_arrived(self) -> Decimal:
        """What the work would have brought had every expected amount arrived: expected pay plus tips, or what
        did arrive where that is more (payments beyond what the entries expected). Never less than received."""
        return max(self.received, self.expected + self.tips)

    @property
    def expected_hourly(self) -> Decimal | None:
        return self._per_hour(self.if_all_arrived)

    @property
    def nothing_received(self) -> bool:
        """Hours worked and no money at all yet (say so, rather than "0.00 per hour")."""
        return bool(self.minutes) and not self.received

    @property
    def net(self) -> Decimal | None:
        return None if self.cost_total is None else self.received - self.cost_total

    @property
    def net_hourly(self) -> Decimal | None:
        net = self.net
        return None if net is None else self._per_hour(net)

    @property
    def unpaid_share(self) -> Decimal | None:
        """Percent of hours that earned nothing."""
        if not self.minutes:
            return None
        return (Decimal(self.unpaid_minutes) * 100 / self.minutes).quantize(Decimal("0.1"))

    @property
    def week_end(self) -> dt.date | None:
        if not self.week:
            return None
        return self.week + dt.timedelta(days=6) if self.week < dt.date.max - dt.timedelta(days=6) else dt.date.max


@dataclasses.dataclass
class Owed:
    platform: str
    status: str
    entries: int
    outstanding: Decimal
    oldest: dt.date
    days: int
    within_30: Decimal
    days_31_90: Decimal
    over_90: Decimal

    @property
    def status_label(self) -> str:
        return Status(self.status).label


@dataclasses.dataclass
class MissingPayments:
    """Entries marked paid that no payment covers: their money is not in the rate."""

    platform: str
    entries: int
    expected: Decimal
    first: dt.date
    last: dt.date
    unmatched: Decimal  # payments on the platform not matched to any entry, which may be this money


@dataclasses.dataclass
class Summary:
    currency: str
    currencies: list[str]
    overall: Figures
    platforms: list[Figures]
    months: list[Figures]
    owed: list[Owed]
    owed_total: Decimal
    unmatched: Decimal  # payments not matched to any work (in the range, by the day they arrived)
    today: dt.date
    paid_in: Decimal = ZERO  # money from payments in the rates (received less tips)
    missing: list[MissingPayments] = dataclasses.field(default_factory=list)
    weeks: list[Figures] = dataclasses.field(default_factory=list)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    costs: Costs | None = None

    @property
    def is_empty(self) -> bool:
        return self.overall.entries == 0 and self.overall.received == 0 and not (self.costs and self.costs.total)

    @property
    def ranged(self) -> bool:
        return bool(self.date_from or self.date_to)

    @property
    def months_not_matched(self) -> Decimal:
        return sum((m.not_matched for m in self.months), ZERO)
