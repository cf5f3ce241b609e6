"""Reads of the work log. Every function takes `user` and filters by it; nothing fetches a row by id alone.

The summary is computed by the database (a handful of GROUP BY queries), never by loading entries, so it
stays fast for a worker with 100,000 entries (see bench/worklog_bench.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Count, DateField, DecimalField, Exists, Func, Max, Min, OuterRef, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from careermap.content.models import Read
from careermap.worklog.csvimport import (
    ParsedRow,
    RowError,
    ignored_columns,
    is_our_export,
    is_our_payment_export,
    parse_payment_rows,
    parse_rows,
)
from careermap.worklog.models import (
    OWED_STATUSES,
    UNPAID_STATUSES,
    Entry,
    ImportBatch,
    ImportKind,
    Payment,
    PaymentMatch,
    Status,
)
from careermap.worklog.platforms import SUGGESTIONS, read_slug_for
from careermap.worklog.rules import cents

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
_MONEY = DecimalField(max_digits=14, decimal_places=2)


@dataclasses.dataclass(frozen=True)
class EntryFilters:
    platform: str = ""
    status: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    currency: str = ""
    q: str = ""


def entry_list(*, user: Any, filters: EntryFilters | None = None) -> QuerySet[Entry]:
    filters = filters or EntryFilters()
    qs = Entry.objects.filter(user=user)
    if filters.platform:
        qs = qs.filter(platform__iexact=filters.platform)
    if filters.status == "unpaid":
        qs = qs.filter(status__in=UNPAID_STATUSES)
    elif filters.status == "owed":
        qs = qs.filter(status__in=OWED_STATUSES)
    elif filters.status:
        qs = qs.filter(status=filters.status)
    if filters.date_from:
        qs = qs.filter(date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(date__lte=filters.date_to)
    if filters.currency:
        qs = qs.filter(currency=filters.currency)
    for word in filters.q.split():
        qs = qs.filter(Q(task_type__icontains=word) | Q(notes__icontains=word) | Q(platform__icontains=word))
    return qs.order_by("-date", "-start_time", "-pk")


def entry_received(*, user: Any, entry_ids: Iterable[int]) -> dict[int, Decimal]:
    """Money matched to each of these entries."""
    rows = (
        PaymentMatch.objects.filter(entry__user=user, entry_id__in=list(entry_ids))
        .values("entry_id")
        .annotate(total=Sum("amount"))
    )
    return {row["entry_id"]: cents(row["total"]) for row in rows}


def payment_list(*, user: Any) -> QuerySet[Payment]:
    return (
        Payment.objects.filter(user=user)
        .annotate(
            matched=Coalesce(Sum("matches__amount"), Value(ZERO), output_field=_MONEY),
            matched_entries=Count("matches"),
        )
        .order_by("-date", "-pk")
    )


def payment_match_candidates(*, user: Any, payment: Payment, limit: int = 200) -> list[Entry]:
    """Entries this payment could pay for: same platform and currency, on or before its date, not yet matched
    to it; those still owed first, newest first."""
    return list(
        Entry.objects.filter(
            user=user, platform__iexact=payment.platform, currency=payment.currency, date__lte=payment.date
        )
        .exclude(matches__payment=payment)
        .annotate(received=Coalesce(Sum("matches__amount"), Value(ZERO), output_field=_MONEY))
        .order_by("-date", "-pk")[:limit]
    )


def platform_names(*, user: Any) -> list[str]:
    """The worker's own platforms first, then our suggestions, without repeats (case-insensitive)."""
    own = Entry.objects.filter(user=user).values_list("platform", flat=True).distinct().order_by("platform")
    seen: set[str] = set()
    names: list[str] = []
    for name in [*own, *SUGGESTIONS]:
        if name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names


def last_entry_defaults(*, user: Any) -> dict[str, Any]:
    """Prefill a new entry with the platform, currency and status of the last one logged."""
    last = Entry.objects.filter(user=user).order_by("-pk").values("platform", "currency").first()
    return last or {}


def import_list(*, user: Any) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(user=user).defer("content")


# ---------------------------------------------------------------------------------------------------------
# The summary


@dataclasses.dataclass
class Figures:
    """Hours and money for one slice of the log (all of it, a platform, or a month).

    `received` is money that arrived: payments, plus the tips logged with the work (`tips`, shown apart)."""

    label: str
    minutes: int = 0
    unpaid_minutes: int = 0
    owed_minutes: int = 0
    expected: Decimal = ZERO
    received: Decimal = ZERO
    tips: Decimal = ZERO
    entries: int = 0
    month: dt.date | None = None
    read: Read | None = None

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.minutes) / 60).quantize(CENT)

    @property
    def unpaid_hours(self) -> Decimal:
        return (Decimal(self.unpaid_minutes) / 60).quantize(CENT)

    @property
    def paid_hours(self) -> Decimal:
        return self.hours - self.unpaid_hours

    @property
    def hourly(self) -> Decimal | None:
        """Money received per hour worked, unpaid hours included."""
        if not self.minutes:
            return None
        return (self.received * 60 / self.minutes).quantize(CENT)

    @property
    def expected_hourly(self) -> Decimal | None:
        """What the hour would have paid had every expected amount arrived (tips included)."""
        if not self.minutes:
            return None
        return ((self.expected + self.tips) * 60 / self.minutes).quantize(CENT)

    @property
    def unpaid_share(self) -> Decimal | None:
        """Percent of hours that earned nothing."""
        if not self.minutes:
            return None
        return (Decimal(self.unpaid_minutes) * 100 / self.minutes).quantize(Decimal("0.1"))


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
    unmatched: Decimal
    today: dt.date
    paid_in: Decimal = ZERO  # money from payments (received less tips)
    missing: list[MissingPayments] = dataclasses.field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.overall.entries == 0 and self.overall.received == 0


class MonthStart(Func):
    """The first day of a date's month, computed natively by the database.

    Django's TruncMonth is a Python function on SQLite, called once per row: with 100,000 entries that
    alone took ~230 ms. substr() on SQLite's ISO date text and date_trunc() on a plain timestamp in
    PostgreSQL (no time-zone conversion) cost a fraction of that.
    """

    output_field = DateField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 7) || '-01'", **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "date_trunc('month', %(expressions)s::timestamp)::date"
        return self.as_sql(compiler, connection, template=template, **extra)


def _month(value: dt.date | dt.datetime) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def worklog_summary(*, user: Any, currency: str | None = None, today: dt.date | None = None) -> Summary:
    """Effective hourly rate (money received ÷ all hours, unpaid included) overall, by platform and by month;
    money still owed and for how long; the share of hours that went unpaid.

    Received money is placed where it belongs: the part of a payment matched to entries counts in those
    entries' months; the unmatched rest counts in the payment's own month. Platforms take payments by the
    payment's platform (matches never cross platforms).
    """
    today = today or dt.date.today()
    # One pass over the entries and one over the payments, every currency at once; then pick the currency.
    work = list(
        Entry.objects.filter(user=user)
        .annotate(month=MonthStart("date"))
        .values("currency", "platform", "month")
        .annotate(
            worked=Sum("minutes"),
            unpaid=Coalesce(Sum("minutes", filter=Q(status__in=UNPAID_STATUSES)), 0),
            owed=Coalesce(Sum("minutes", filter=Q(status__in=OWED_STATUSES)), 0),
            expected_sum=Sum("pay_expected"),
            tips_sum=Sum("tips"),
            n=Count("id"),
        )
        .order_by()
    )
    paid_in = list(
        Payment.objects.filter(user=user)
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
    entries = Entry.objects.filter(user=user, currency=currency)
    matches = PaymentMatch.objects.filter(payment__user=user, payment__currency=currency)

    overall = Figures(label="All work")
    platforms: dict[str, Figures] = {}
    months: dict[dt.date, Figures] = {}

    def platform_row(name: str) -> Figures:
        return platforms.setdefault(name.lower(), Figures(label=name))

    def month_row(month: dt.date) -> Figures:
        return months.setdefault(month, Figures(label=month.strftime("%B %Y"), month=month))

    for row in (row for row in work if row["currency"] == currency):
        tips = cents(row["tips_sum"])
        for figures in (overall, platform_row(row["platform"]), month_row(_month(row["month"]))):
            figures.minutes += row["worked"]
            figures.unpaid_minutes += row["unpaid"]
            figures.owed_minutes += row["owed"]
            figures.expected += cents(row["expected_sum"])
            figures.tips += tips
            figures.received += tips  # tips are money received, in the month and platform of the work
            figures.entries += row["n"]

    paid_total = ZERO
    unmatched_by_platform: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for row in (row for row in paid_in if row["currency"] == currency):
        total = cents(row["total"])
        paid_total += total
        unmatched_by_platform[row["platform"].lower()] += total
        overall.received += total
        platform_row(row["platform"]).received += total
        month_row(_month(row["month"])).received += total

    # Move matched money from the payment's month to the month of the work it paid for: two small
    # GROUP BYs (each a two-table join) instead of one three-table join.
    matched_total = ZERO
    by_paid_month = (
        matches.annotate(month=MonthStart("payment__date"))
        .values("month", "payment__platform")
        .annotate(total=Sum("amount"))
    )
    for row in by_paid_month.order_by():
        total = cents(row["total"])
        matched_total += total
        unmatched_by_platform[row["payment__platform"].lower()] -= total
        month_row(_month(row["month"])).received -= total
    by_work_month = matches.annotate(month=MonthStart("entry__date")).values("month").annotate(total=Sum("amount"))
    for row in by_work_month.order_by():
        month_row(_month(row["month"])).received += cents(row["total"])

    owed, owed_total = _owed(entries=entries, today=today)
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
        unmatched=paid_total - matched_total,
        today=today,
        paid_in=paid_total,
        missing=_missing_payments(entries=entries, unmatched=unmatched_by_platform),
    )


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


def _owed(*, entries: QuerySet[Entry], today: dt.date) -> tuple[list[Owed], Decimal]:
    """Pending and disputed money by platform and status: expected, less what has arrived for those
    entries, with the expected amounts split by age."""

    def expected_between(**dates: dt.date) -> Coalesce:
        return Coalesce(Sum("pay_expected", filter=Q(**dates)), Value(ZERO), output_field=_MONEY)

    owed_entries = entries.filter(status__in=OWED_STATUSES)
    rows = (
        owed_entries.values("platform", "status")
        .annotate(
            n=Count("id"),
            expected_sum=Sum("pay_expected"),
            oldest=Min("date"),
            within_30=expected_between(date__gte=today - dt.timedelta(days=30)),
            days_31_90=expected_between(
                date__lt=today - dt.timedelta(days=30), date__gte=today - dt.timedelta(days=90)
            ),
            over_90=expected_between(date__lt=today - dt.timedelta(days=90)),
        )
        .order_by()
    )
    arrived = {
        (row["entry__platform"], row["entry__status"]): cents(row["total"])
        for row in PaymentMatch.objects.filter(entry__in=owed_entries)
        .values("entry__platform", "entry__status")
        .annotate(total=Sum("amount"))
        .order_by()
    }
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


# ---------------------------------------------------------------------------------------------------------
# CSV import preview


def known_platforms(*, user: Any) -> dict[str, str]:
    """Lower-cased name → the worker's spelling of each platform already in the log."""
    names = Entry.objects.filter(user=user).values_list("platform", flat=True).distinct().order_by()
    return {name.lower(): name for name in names}


@dataclasses.dataclass
class ImportPreview:
    """What confirming an import would do. For entries, also the money: received (one payment recorded
    per row), still expected, and tips; and the statuses the notes suggest."""

    kind: str
    valid: int = 0
    duplicates: int = 0
    error_count: int = 0
    errors: list[RowError] = dataclasses.field(default_factory=list)
    sample: list[ParsedRow] = dataclasses.field(default_factory=list)
    ours: bool = False
    ignored: list[str] = dataclasses.field(default_factory=list)
    received: Decimal = ZERO
    payments: int = 0
    expected: Decimal = ZERO
    tips: Decimal = ZERO
    suggestions: list[ParsedRow] = dataclasses.field(default_factory=list)
    suggestion_count: int = 0
    note_statuses: bool = False
    currencies: set[str] = dataclasses.field(default_factory=set)

    @property
    def new(self) -> int:
        return self.valid - self.duplicates

    @property
    def all_or_nothing(self) -> bool:
        """A payout file imports only when every row is right."""
        return self.kind == ImportKind.PAYMENTS

    @property
    def can_import(self) -> bool:
        return self.new > 0 and not (self.all_or_nothing and self.error_count)

    @property
    def currency(self) -> str:
        return next(iter(self.currencies)) if len(self.currencies) == 1 else ""


def import_preview(*, user: Any, batch: ImportBatch, sample: int = 20, max_errors: int = 100) -> ImportPreview:
    """What confirming would do, without writing: rows to add, rows already in the log, rows with errors."""
    payments = batch.kind == ImportKind.PAYMENTS
    model = Payment if payments else Entry
    existing = set(model.objects.filter(user=user).exclude(import_key="").values_list("import_key", flat=True))
    parse = parse_payment_rows if payments else parse_rows
    preview = ImportPreview(
        kind=batch.kind,
        ours=(is_our_payment_export if payments else is_our_export)(batch.header),
        ignored=ignored_columns(batch.header, batch.mapping.get("columns", {})),
        note_statuses=bool(batch.mapping.get("note_statuses")),
    )
    for row in parse(batch.content, mapping=batch.mapping, known_platforms=known_platforms(user=user)):
        if isinstance(row, RowError):
            preview.error_count += 1
            if len(preview.errors) < max_errors:
                preview.errors.append(row)
            continue
        preview.valid += 1
        if row.key in existing:
            preview.duplicates += 1
            continue
        if len(preview.sample) < sample:
            preview.sample.append(row)
        preview.currencies.add(row.values["currency"])
        if payments:
            preview.received += row.values["amount"]
            preview.payments += 1
            continue
        preview.received += row.received
        preview.payments += 1 if row.received else 0
        preview.expected += row.values["pay_expected"] - row.received
        preview.tips += row.values["tips"]
        if row.suggested:
            preview.suggestion_count += 1
            if len(preview.suggestions) < max_errors:
                preview.suggestions.append(row)
    return preview
