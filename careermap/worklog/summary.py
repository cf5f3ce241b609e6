"""The summary: what the work really paid, overall, by platform, by month and by week, for one currency
and (optionally) a date range; what it cost and the net hourly rate.

Computed by the database (a fixed number of GROUP BY queries), never by loading entries, so it stays
fast for a worker with 100,000 entries and their expenses (see bench/worklog_bench.py). The queries that
group entries by month read the summary index on `Entry` in its order (`dbfuncs.MonthStart`).

**Where money counts.** Money received is what payments say plus tips (logged with the work).

* A payment's part *matched* to entries counts for that work: in its platform, month and week, whenever
  the payment arrived. Tips count with their entry.
* A payment's *unmatched* rest (money not tied to any work yet) counts overall and for its platform, on
  the day it arrived, shown apart as "not matched to work". It never counts in a month's or a week's rate:
  those say what that month's work paid. The month and week tables list it in a column of its own, by the
  month or week it arrived.
* In a date range: work in the range, the payments matched to it (whenever they arrived), its tips, and
  the unmatched rest of payments that arrived in the range.

**What it cost** is `costs.py`: expenses, or the IRS standard mileage rate × miles, never both for the
same miles; the net hourly rate is (money received − costs) ÷ all hours.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, Exists, Max, Min, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from careermap.content.models import Read
from careermap.worklog.costs import compute_costs
from careermap.worklog.dbfuncs import MonthStart, WeekStart
from careermap.worklog.figures import Figures, MissingPayments, Owed, Summary
from careermap.worklog.models import OWED_STATUSES, UNPAID_STATUSES, Entry, Payment, PaymentMatch, Status
from careermap.worklog.platforms import read_slug_for
from careermap.worklog.rules import cents

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
_MONEY: DecimalField[Decimal, Decimal] = DecimalField(max_digits=14, decimal_places=2)
#: Weeks shown when no date range is chosen: the last WEEKS_SHOWN weeks up to the latest work.
WEEKS_SHOWN = 12
#: At most this many weeks in a table (a long range shows its latest weeks).
MAX_WEEKS = 60


def as_date(value: dt.date | dt.datetime | str) -> dt.date:
    if isinstance(value, str):  # SQLite's date() gives text
        return dt.date.fromisoformat(value)
    return value.date() if isinstance(value, dt.datetime) else value


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def weeks_before(day: dt.date, weeks: int) -> dt.date:
    """`weeks` weeks before `day`, or the first day there is (rows stored before the date range existed
    may be dated in the year 1)."""
    try:
        return day - dt.timedelta(weeks=weeks)
    except OverflowError:
        return dt.date.min


def _in_range(qs: QuerySet[Any], field: str, date_from: dt.date | None, date_to: dt.date | None) -> QuerySet[Any]:
    if date_from:
        qs = qs.filter(**{f"{field}__gte": date_from})
    if date_to:
        qs = qs.filter(**{f"{field}__lte": date_to})
    return qs


def worklog_summary(
    *,
    user: Any,
    currency: str | None = None,
    today: dt.date | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    weeks: int = WEEKS_SHOWN,
) -> Summary:
    """Effective hourly rate (money received ÷ all hours, unpaid included) overall, by platform, by month and
    by week; money still owed and for how long; the share of hours that went unpaid; costs and net."""
    today = today or dt.date.today()
    # One pass over the entries and one over the payments, every currency at once; then pick the currency.
    work = list(
        _in_range(Entry.objects.filter(user=user), "date", date_from, date_to)
        .annotate(month=MonthStart("date"))
        .values("currency", "platform", "month")
        .annotate(
            worked=Sum("minutes"),
            unpaid=Coalesce(Sum("minutes", filter=Q(status__in=UNPAID_STATUSES)), 0),
            owed=Coalesce(Sum("minutes", filter=Q(status__in=OWED_STATUSES)), 0),
            expected_sum=Sum("pay_expected"),
            tips_sum=Sum("tips"),
            miles_sum=Sum("miles"),
            last=Max("date"),
            n=Count("id"),
        )
        .order_by()
    )
    paid_in = list(
        _in_range(Payment.objects.filter(user=user), "date", date_from, date_to)
        .annotate(month=MonthStart("date"))
        .values("currency", "platform", "month")
        .annotate(total=Sum("amount"), n=Count("id"))
        .order_by()
    )
    counts: dict[str, int] = defaultdict(int)
    for row in [*work, *paid_in]:
        counts[row["currency"]] += row["n"]
    currencies = sorted(counts, key=lambda code: (-counts[code], code))
    currency = currency if currency in currencies else (currencies[0] if currencies else "USD")
    entries = _in_range(Entry.objects.filter(user=user, currency=currency), "date", date_from, date_to)
    matches = PaymentMatch.objects.filter(payment__user=user, payment__currency=currency)

    overall = Figures(label="All work")
    platforms: dict[str, Figures] = {}
    months: dict[dt.date, Figures] = {}

    def platform_row(name: str) -> Figures:
        return platforms.setdefault(name.lower(), Figures(label=name))

    def month_row(month: dt.date) -> Figures:
        return months.setdefault(month, Figures(label=month.strftime("%B %Y"), month=month, unmatched_in_rate=False))

    miles: list[tuple[str, dt.date, Decimal]] = []
    for row in (row for row in work if row["currency"] == currency):
        month = as_date(row["month"])
        tips = cents(row["tips_sum"])
        for figures in (overall, platform_row(row["platform"]), month_row(month)):
            figures.minutes += row["worked"]
            figures.unpaid_minutes += row["unpaid"]
            figures.owed_minutes += row["owed"]
            figures.expected += cents(row["expected_sum"])
            figures.tips += tips
            figures.entries += row["n"]
            figures.miles += cents(row["miles_sum"])
            figures.last_date = max(filter(None, (figures.last_date, row["last"])))
        miles.append((row["platform"], month, cents(row["miles_sum"])))

    # Payments arrived in the range, by platform and month; less their parts matched to work, that is the
    # money not matched to any work.
    unmatched: dict[tuple[str, dt.date], Decimal] = defaultdict(lambda: ZERO)
    names: dict[str, str] = {}
    for row in (row for row in paid_in if row["currency"] == currency):
        unmatched[(row["platform"].lower(), as_date(row["month"]))] += cents(row["total"])
        names.setdefault(row["platform"].lower(), row["platform"])
    by_paid_month = (
        _in_range(matches, "payment__date", date_from, date_to)
        .annotate(month=MonthStart("payment__date"))
        .values("month", "payment__platform")
        .annotate(total=Sum("amount"))
    )
    for row in by_paid_month.order_by():
        unmatched[(row["payment__platform"].lower(), as_date(row["month"]))] -= cents(row["total"])
    unmatched_by_platform: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for (platform, month), amount in unmatched.items():
        if not amount:
            continue
        unmatched_by_platform[platform] += amount
        for figures in (overall, platform_row(names[platform]), month_row(month)):
            figures.not_matched += amount

    # Matched money counts for the work it paid for: its platform and month (and, by the work's status,
    # what has arrived for money owed). Read through the entries (matches never cross currencies).
    by_work_month = (
        _in_range(
            PaymentMatch.objects.filter(entry__user=user, entry__currency=currency), "entry__date", date_from, date_to
        )
        .annotate(month=MonthStart("entry__date"))
        .values("month", "entry__platform", "entry__status")
        .annotate(total=Sum("amount"))
    )
    arrived: dict[tuple[str, str], Decimal] = defaultdict(lambda: ZERO)
    for row in by_work_month.order_by():
        total = cents(row["total"])
        for figures in (overall, platform_row(row["entry__platform"]), month_row(as_date(row["month"]))):
            figures.for_work += total
        if row["entry__status"] in OWED_STATUSES:
            arrived[(row["entry__platform"], row["entry__status"])] += total

    costs = compute_costs(
        user=user,
        currency=currency,
        miles=miles,
        month_expr=MonthStart("date"),
        date_from=date_from,
        date_to=date_to,
    )
    for key, line in costs.platforms.items():
        row = platform_row(line.platform) if key not in platforms else platforms[key]
        row.costs, row.cost_total = line, line.total
    for figures in platforms.values():
        if figures.cost_total is None:
            figures.cost_total = ZERO
    overall.cost_total = costs.total

    owed, owed_total = _owed(entries=entries, arrived=arrived, today=today)
    platform_list = sorted(platforms.values(), key=lambda f: (-f.minutes, f.label.lower()))
    _attach_reads(platform_list)
    return Summary(
        currency=currency,
        currencies=currencies,
        overall=overall,
        platforms=platform_list,
        months=[months[key] for key in sorted(months)],
        owed=owed,
        owed_total=owed_total,
        unmatched=overall.not_matched,
        today=today,
        paid_in=overall.for_work + overall.not_matched,
        missing=_missing_payments(entries=entries, unmatched=unmatched_by_platform),
        weeks=_weeks(
            user=user,
            currency=currency,
            last=overall.last_date,
            date_from=date_from,
            date_to=date_to,
            count=weeks,
        ),
        date_from=date_from,
        date_to=date_to,
        costs=costs,
    )


def worklog_currencies(*, user: Any) -> list[str]:
    """The worker's currencies, the most used first (entries and payments counted together)."""
    counts: dict[str, int] = defaultdict(int)
    for model in (Entry, Payment):
        for row in model.objects.filter(user=user).values("currency").annotate(n=Count("id")).order_by():
            counts[row["currency"]] += row["n"]
    return sorted(counts, key=lambda code: (-counts[code], code))


def _weeks(
    *,
    user: Any,
    currency: str,
    last: dt.date | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    count: int,
) -> list[Figures]:
    """Week by week (Monday to Sunday): the weeks of the range (its latest MAX_WEEKS), or the last `count`
    weeks up to the latest work. Money for each week's work; payments not matched to work by the week they
    arrived, apart. Three small queries over those weeks only."""
    if date_from or date_to:
        stop = date_to or last or dt.date.today()
        start = date_from or weeks_before(monday(stop), count - 1)
        start = max(start, weeks_before(monday(stop), MAX_WEEKS - 1))
    elif last is None:
        return []
    else:
        stop, start = last, weeks_before(monday(last), count - 1)
    if start > stop:
        return []
    weeks: dict[dt.date, Figures] = {}

    def week_row(week: dt.date) -> Figures:
        return weeks.setdefault(
            week,
            Figures(label=f"{week.day} {week:%b %Y}", week=week, unmatched_in_rate=False),
        )

    day = monday(start)
    while day <= stop:
        week_row(day)
        if day > dt.date.max - dt.timedelta(days=7):
            break  # the last week of the year 9999
        day += dt.timedelta(days=7)
    work = (
        Entry.objects.filter(user=user, currency=currency, date__gte=start, date__lte=stop)
        .annotate(week=WeekStart("date"))
        .values("week")
        .annotate(
            worked=Sum("minutes"),
            unpaid=Coalesce(Sum("minutes", filter=Q(status__in=UNPAID_STATUSES)), 0),
            expected_sum=Sum("pay_expected"),
            tips_sum=Sum("tips"),
            n=Count("id"),
        )
        .order_by()
    )
    for row in work:
        figures = week_row(as_date(row["week"]))
        figures.minutes += row["worked"]
        figures.unpaid_minutes += row["unpaid"]
        figures.expected += cents(row["expected_sum"])
        figures.tips += cents(row["tips_sum"])
        figures.entries += row["n"]
    for row in (
        PaymentMatch.objects.filter(entry__user=user, entry__currency=currency)
        .filter(entry__date__gte=start, entry__date__lte=stop)
        .annotate(week=WeekStart("entry__date"))
        .values("week")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        week_row(as_date(row["week"])).for_work += cents(row["total"])
    # The payments that arrived in those weeks, each less its parts matched to work (a few hundred rows at
    # most: the weeks are at most MAX_WEEKS).
    for day, amount, matched in (
        Payment.objects.filter(user=user, currency=currency, date__gte=start, date__lte=stop)
        .annotate(matched=Coalesce(Sum("matches__amount"), Value(ZERO), output_field=_MONEY))
        .values_list("date", "amount", "matched")
        .order_by()
    ):
        if amount != matched:
            week_row(monday(day)).not_matched += cents(amount) - cents(matched)
    return [weeks[key] for key in sorted(weeks)]


def _missing_payments(*, entries: QuerySet[Entry], unmatched: dict[str, Decimal]) -> list[MissingPayments]:
    """By platform, entries marked paid (with pay expected) that no payment is matched to — listed where the
    platform's unmatched payments cannot cover them, since then their money is missing from the rate."""
    rows = (
        entries.filter(status=Status.PAID, pay_expected__gt=0)
        .filter(~Exists(PaymentMatch.objects.filter(entry=OuterRef("pk"))))
        .values("platform")
        .annotate(n=Count("id"), expected_sum=Sum("pay_expected"), first=Min("date"), last=Max("date"))
        .order_by()
    )
    merged: dict[str, MissingPayments] = {}
    for row in rows:
        key = row["platform"].lower()
        found = merged.get(key)
        if found is None:
            found = merged[key] = MissingPayments(
                platform=row["platform"],
                entries=0,
                expected=ZERO,
                first=row["first"],
                last=row["last"],
                unmatched=max(unmatched.get(key, ZERO), ZERO),
            )
        found.entries += row["n"]
        found.expected += cents(row["expected_sum"])
        found.first, found.last = min(found.first, row["first"]), max(found.last, row["last"])
    missing = [m for m in merged.values() if m.expected > m.unmatched]
    return sorted(missing, key=lambda m: (-m.expected, m.platform.lower()))


def _by_age(today: dt.date) -> dict[str, Coalesce]:
    """Expected pay split by the age of the work: ≤ 30 days, 31–90, over 90 (for money owed)."""

    def expected_between(**dates: dt.date) -> Coalesce:
        return Coalesce(Sum("pay_expected", filter=Q(**dates)), Value(ZERO), output_field=_MONEY)

    return {
        "within_30": expected_between(date__gte=today - dt.timedelta(days=30)),
        "days_31_90": expected_between(date__lt=today - dt.timedelta(days=30), date__gte=today - dt.timedelta(days=90)),
        "over_90": expected_between(date__lt=today - dt.timedelta(days=90)),
    }


def _owed(
    *, entries: QuerySet[Entry], arrived: dict[tuple[str, str], Decimal], today: dt.date
) -> tuple[list[Owed], Decimal]:
    """Pending and disputed money by platform and status: expected, less what has arrived for those
    entries (from the matches by work), with the expected amounts split by age. One query."""
    rows = (
        entries.filter(status__in=OWED_STATUSES)
        .values("platform", "status")
        .annotate(n=Count("id"), expected_sum=Sum("pay_expected"), oldest=Min("date"), **_by_age(today))
        .order_by()
    )
    owed = [
        Owed(
            platform=row["platform"],
            status=row["status"],
            entries=row["n"],
            outstanding=cents(row["expected_sum"]) - arrived.get((row["platform"], row["status"]), ZERO),
            oldest=row["oldest"],
            days=(today - row["oldest"]).days,
            within_30=cents(row["within_30"]),
            days_31_90=cents(row["days_31_90"]),
            over_90=cents(row["over_90"]),
        )
        for row in rows
    ]
    owed.sort(key=lambda o: (o.oldest, o.platform.lower(), o.status))
    return owed, sum((o.outstanding for o in owed), ZERO)


def _attach_reads(platforms: list[Figures]) -> None:
    slugs = {figures.label: read_slug_for(figures.label) for figures in platforms}
    wanted = {slug for slug in slugs.values() if slug}
    if not wanted:
        return
    reads = {read.slug: read for read in Read.objects.filter(slug__in=wanted).defer("html")}
    for figures in platforms:
        slug = slugs[figures.label]
        figures.read = reads.get(slug) if slug else None
