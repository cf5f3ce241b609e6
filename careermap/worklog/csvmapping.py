"""Which column of a worker's CSV holds which field: the import's targets, header-name guesses, the date
format a column's samples suggest, and the checks made on a header at upload.

Pure (no ORM, no Django). Split from `csvimport`, which parses the rows and re-exports these names, so callers
can keep importing them from there.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: The widest file the import takes, and the longest column name: the mapping page offers every column
#: for every field, so a 20,000-column header would cost seconds and megabytes on each view of it.
MAX_COLUMNS = 100
MAX_COLUMN_NAME = 200

#: The first columns of our entries export. A file whose header starts with these is one of ours (cells
#: escaped on export). Exports add `received`, `tips` and `miles` after them; older exports lack the last two.
EXPORT_COLUMNS = (
    "date",
    "platform",
    "task_type",
    "start_time",
    "end_time",
    "minutes",
    "units",
    "pay_expected",
    "currency",
    "status",
    "notes",
)
#: The first columns of our payments export.
PAYMENT_EXPORT_COLUMNS = ("date", "platform", "amount", "currency", "reference")

#: Import target → (label, required), in the order the mapping page shows them.
TARGETS: dict[str, tuple[str, bool]] = {
    "date": ("Date", True),
    "platform": ("Platform", False),
    "task_type": ("Project or task type", False),
    "start_time": ("Start time", False),
    "end_time": ("End time", False),
    "hours": ("Time worked, a bare number in hours", False),
    "minutes": ("Time worked, a bare number in minutes", False),
    "pay_expected": ("Pay or earnings", False),
    "tips": ("Tips", False),
    "miles": ("Miles", False),
    "units": ("Units done", False),
    "currency": ("Currency", False),
    "status": ("Status", False),
    "notes": ("Notes", False),
}

PAYMENT_TARGETS: dict[str, tuple[str, bool]] = {
    "date": ("Date paid", True),
    "platform": ("Platform", False),
    "amount": ("Amount", True),
    "currency": ("Currency", False),
    "reference": ("Reference", False),
}

_SYNONYMS = {
    "date": {"date", "day", "work date", "task date", "shift date", "worked on", "trip date", "delivery date"},
    "platform": {"platform", "company", "app", "client", "service", "source", "gig", "employer"},
    "task_type": {"task type", "task_type", "project", "task", "project or task type", "type", "job", "activity"},
    "start_time": {"start", "start time", "start_time", "started", "from", "clock in"},
    "end_time": {"end", "end time", "end_time", "ended", "to", "finish", "clock out"},
    "minutes": {"minutes", "mins", "minutes worked", "duration (min)", "duration minutes", "duration_minutes"},
    "hours": {"hours", "hrs", "hours worked", "duration (h)", "duration", "time (hours)", "time worked"},
    "units": {"units", "units done", "tasks", "count", "quantity", "rides", "deliveries", "trips", "orders"},
    "pay_expected": {
        "pay expected",
        "pay_expected",
        "expected pay",
        "expected",
        "pay",
        "amount",
        "earnings",
        "earned",
        "payout",
        "total",
        "total pay",
        "net",
        "net pay",
        "net earnings",
        "gross",
        "gross earnings",
        "income",
        "fare",
        "amount paid",
        "paid",
    },
    "tips": {"tips", "tip", "tip amount", "tips received", "gratuity", "gratuities", "customer tips"},
    "miles": {"miles", "mileage", "mi", "miles driven", "distance", "distance (mi)", "distance miles", "trip miles"},
    "currency": {"currency", "cur", "ccy"},
    "status": {"status", "state", "payment status", "pay status", "paid?", "paid status"},
    "notes": {"notes", "note", "comments", "comment", "description", "memo", "remarks"},
}

_PAYMENT_SYNONYMS = {
    "date": {"date", "payout date", "payment date", "paid on", "date paid", "deposit date", "transfer date", "day"},
    "platform": {"platform", "app", "company", "client", "source", "payer", "from", "service"},
    "amount": {"amount", "payout", "payout amount", "amount paid", "paid", "total", "net", "net pay", "deposit", "sum"},
    "currency": {"currency", "cur", "ccy"},
    "reference": {"reference", "ref", "payout id", "transaction id", "transfer id", "id", "memo", "description"},
}

#: A money column under one of these names is pay still expected; under any other (Earnings, Pay,
#: Amount…) it is taken for money received unless the worker says otherwise on the mapping page.
_EXPECTED_NAMES = {"pay expected", "expected pay", "expected", "owed", "due", "amount due", "invoiced", "billed"}
PAY_KINDS = {
    "received": "Money I received (records a payment for each paid row)",
    "expected": "Pay expected, not yet received",
}

DATE_FORMATS: dict[str, tuple[str, str]] = {
    "iso": ("YYYY-MM-DD (2026-11-25)", "%Y-%m-%d"),
    "us": ("MM/DD/YYYY (11/25/2026)", "%m/%d/%Y"),
    "eu": ("DD/MM/YYYY (25/11/2026)", "%d/%m/%Y"),
    "dot": ("DD.MM.YYYY (25.11.2026)", "%d.%m.%Y"),
}


def _norm(header: str) -> str:
    return " ".join(header.strip().lower().replace("_", " ").split())


def guess_mapping(header: list[str], *, kind: str = "entries") -> dict[str, int | None]:
    """Our best guess at which column holds which field, from the header names."""
    synonyms = _PAYMENT_SYNONYMS if kind == "payments" else _SYNONYMS
    guessed: dict[str, int | None] = dict.fromkeys(PAYMENT_TARGETS if kind == "payments" else TARGETS)
    names = [_norm(name) for name in header]
    for target, words in synonyms.items():
        words = {_norm(word) for word in words}
        for index, name in enumerate(names):
            if name in words and index not in guessed.values():
                guessed[target] = index
                break
    if kind == "entries" and guessed["minutes"] is not None:
        guessed["hours"] = None
    return guessed


def guess_pay_kind(header: list[str], column: int | None) -> str:
    """Money received, unless the column's name says the pay is expected (or the file is our export)."""
    if column is None or column >= len(header) or is_our_export(header):
        return "expected"
    return "expected" if _norm(header[column]) in _EXPECTED_NAMES else "received"


def guess_date_format(samples: list[str]) -> str:
    for sample in samples:
        text = sample.strip()
        if re.match(r"^\d{4}-\d{2}-\d{2}$", text):
            return "iso"
        if "." in text:
            return "dot"
        if match := re.match(r"^(\d{1,2})/(\d{1,2})/\d{4}$", text):
            if int(match.group(1)) > 12:
                return "eu"
            if int(match.group(2)) > 12:
                return "us"
    return "iso"


def header_problem(header: list[str]) -> str | None:
    """Why a file's header is refused at upload (too many columns, a name too long), or None."""
    if len(header) > MAX_COLUMNS:
        return (
            f"The file has {len(header):,} columns; the import reads at most {MAX_COLUMNS}. "
            "Delete the columns you do not need (keep the date, platform, time, pay…) and upload it again."
        )
    for index, name in enumerate(header):
        if len(name) > MAX_COLUMN_NAME:
            return (
                f"Column {index + 1}'s name is longer than {MAX_COLUMN_NAME} characters. "
                "The first line should name the columns (Date, Platform, Hours, Pay…)."
            )
    return None


def is_our_export(header: list[str]) -> bool:
    return tuple(header[: len(EXPORT_COLUMNS)]) == EXPORT_COLUMNS


def is_our_payment_export(header: list[str]) -> bool:
    return tuple(header[: len(PAYMENT_EXPORT_COLUMNS)]) == PAYMENT_EXPORT_COLUMNS


def ignored_columns(header: list[str], columns: Mapping[str, Any]) -> list[str]:
    """The names of the columns no field takes: the import will not read them."""
    used = {int(index) for index in columns.values() if index not in (None, "")}
    return [name or f"Column {index + 1}" for index, name in enumerate(header) if index not in used]
