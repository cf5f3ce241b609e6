"""The worker's data, out: entries and payments as CSV (formula-escaped), everything as JSON.

Reads only, streamed in chunks so a 100,000-entry log never sits in memory as one string.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils import timezone

from careermap.lib.csvio import csv_lines
from careermap.worklog.csvimport import EXPORT_COLUMNS
from careermap.worklog.expense_exports import cost_method_dicts, expense_dicts
from careermap.worklog.models import Entry, Payment, PaymentMatch

FORMAT = "careermap-worklog"
#: Version 2 added each entry's `tips` and `miles`; a version-1 export restores with no tips and no miles.
#: Version 3 added `expenses` (with their receipts) and `cost_methods` (`expense_exports.py`); an earlier
#: version restores with none.
FORMAT_VERSION = 3
RESTORABLE_VERSIONS = (1, 2, 3)
#: Our import's columns, then what was received for the entry (from payments) and the columns added later.
ENTRY_CSV_HEADER = (*EXPORT_COLUMNS, "received", "tips", "miles")
PAYMENT_CSV_HEADER = ("date", "platform", "amount", "currency", "reference", "matched")
CHUNK = 2000


def _time(value: dt.time | None) -> str:
    return value.strftime("%H:%M") if value else ""


def _money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def received_by_entry(*, user: Any) -> dict[int, Decimal]:
    rows = PaymentMatch.objects.filter(entry__user=user).values("entry_id").annotate(total=Sum("amount")).order_by()
    return {row["entry_id"]: row["total"] for row in rows}


def _entries(user: Any) -> Iterator[Entry]:
    return Entry.objects.filter(user=user).order_by("date", "pk").iterator(chunk_size=CHUNK)


def entry_csv(*, user: Any) -> Iterator[str]:
    received = received_by_entry(user=user)
    rows = (
        [
            entry.date.isoformat(),
            entry.platform,
            entry.task_type,
            _time(entry.start_time),
            _time(entry.end_time),
            entry.minutes,
            _money(entry.units),
            _money(entry.pay_expected),
            entry.currency,
            entry.status,
            entry.notes,
            _money(received.get(entry.pk)),
            _money(entry.tips),
            _money(entry.miles),
        ]
        for entry in _entries(user)
    )
    return csv_lines(ENTRY_CSV_HEADER, rows)


def payment_csv(*, user: Any) -> Iterator[str]:
    payments = (
        Payment.objects.filter(user=user)
        .annotate(matched=Sum("matches__amount"))
        .order_by("date", "pk")
        .iterator(CHUNK)
    )
    rows = (
        [p.date.isoformat(), p.platform, _money(p.amount), p.currency, p.reference, _money(p.matched)] for p in payments
    )
    return csv_lines(PAYMENT_CSV_HEADER, rows)


def entry_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.pk,
        "date": entry.date.isoformat(),
        "platform": entry.platform,
        "task_type": entry.task_type,
        "start_time": _time(entry.start_time) or None,
        "end_time": _time(entry.end_time) or None,
        "minutes": entry.minutes,
        "units": _money(entry.units) or None,
        "pay_expected": _money(entry.pay_expected),
        "tips": _money(entry.tips),
        "miles": _money(entry.miles) or None,
        "currency": entry.currency,
        "status": entry.status,
        "notes": entry.notes,
        "version": entry.version,
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
    }


def payment_dict(payment: Payment, matches: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": payment.pk,
        "date": payment.date.isoformat(),
        "platform": payment.platform,
        "amount": _money(payment.amount),
        "currency": payment.currency,
        "reference": payment.reference,
        "version": payment.version,
        "matches": matches,
    }


def _payment_dicts(user: Any) -> Iterator[dict[str, Any]]:
    matches: dict[int, list[dict[str, Any]]] = {}
    for payment_id, entry_id, amount in (
        PaymentMatch.objects.filter(payment__user=user)
        .order_by("payment", "entry")
        .values_list("payment", "entry", "amount")
    ):
        matches.setdefault(payment_id, []).append({"entry": entry_id, "amount": _money(amount)})
    for payment in Payment.objects.filter(user=user).order_by("date", "pk"):
        yield payment_dict(payment, matches.get(payment.pk, []))


def export_head() -> dict[str, Any]:
    return {"format": FORMAT, "version": FORMAT_VERSION, "exported_at": timezone.now().isoformat()}


def export_dict(*, user: Any) -> dict[str, Any]:
    return export_head() | {
        "entries": [entry_dict(entry) for entry in _entries(user)],
        "payments": list(_payment_dicts(user)),
        "expenses": list(expense_dicts(user=user)),
        "cost_methods": cost_method_dicts(user=user),
    }


def export_json(*, user: Any) -> Iterator[str]:
    """The same document as `export_dict`, streamed."""
    head = json.dumps(export_head(), ensure_ascii=False)[:-1]
    yield head + ', "entries": ['
    for index, entry in enumerate(_entries(user)):
        yield ("," if index else "") + json.dumps(entry_dict(entry), ensure_ascii=False)
    yield '], "payments": ['
    for index, payment in enumerate(_payment_dicts(user)):
        yield ("," if index else "") + json.dumps(payment, ensure_ascii=False)
    yield '], "expenses": ['
    for index, expense in enumerate(expense_dicts(user=user)):
        yield ("," if index else "") + json.dumps(expense, ensure_ascii=False)
    yield '], "cost_methods": ' + json.dumps(cost_method_dicts(user=user), ensure_ascii=False) + "}\n"
