"""Reads of the work log. Every function takes `user` and filters by it; nothing fetches a row by id alone.

The summary (what the work paid, by platform, month and week; costs and net) is in summary.py; its names
are importable from here too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

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
)
from careermap.worklog.platforms import SUGGESTIONS
from careermap.worklog.rules import cents
from careermap.worklog.summary import (  # noqa: F401 - the summary lives in summary.py; importable here too
    Figures,
    MissingPayments,
    MonthStart,
    Owed,
    Summary,
    WeekStart,
    worklog_summary,
)

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
_MONEY: DecimalField[Decimal, Decimal] = DecimalField(max_digits=14, decimal_places=2)


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
    return dict(last) if last else {}


def import_list(*, user: Any) -> QuerySet[ImportBatch]:
    return ImportBatch.objects.filter(user=user).defer("content")


# ---------------------------------------------------------------------------------------------------------
# The summary lives in summary.py (what the work paid, by platform, month and week; costs and net).


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
