"""Reading a worker's CSV into entries (or payments): per-row parsing with reasons, duplicate keys, and
statuses the notes suggest. Which column holds which field (targets, header guesses, date formats, header
checks) is `csvmapping`; its names are re-exported here, so callers import them from either.

Pure functions (no ORM): `parse_rows` turns CSV text and a mapping into parsed rows and row errors;
`parse_payment_rows` does the same for a payout file. The services decide what to write. Every value goes
through the same rules as the entry form, so an exported log imports back to the very same values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from careermap.lib.csvio import CsvFormatError, read_rows, unescape_cell
from careermap.worklog import rules
from careermap.worklog.csvmapping import (
    DATE_FORMATS,
    EXPORT_COLUMNS,
    MAX_COLUMN_NAME,
    MAX_COLUMNS,
    PAY_KINDS,
    PAYMENT_EXPORT_COLUMNS,
    PAYMENT_TARGETS,
    TARGETS,
    guess_date_format,
    guess_mapping,
    guess_pay_kind,
    header_problem,
    ignored_columns,
    is_our_export,
    is_our_payment_export,
)
from careermap.worklog.models import Status

__all__ = [
    "DATE_FORMATS",
    "EXPORT_COLUMNS",
    "MAX_COLUMNS",
    "MAX_COLUMN_NAME",
    "PAYMENT_EXPORT_COLUMNS",
    "PAYMENT_TARGETS",
    "PAY_KINDS",
    "TARGETS",
    "ParsedRow",
    "RowError",
    "entry_key",
    "guess_date_format",
    "guess_mapping",
    "guess_pay_kind",
    "header_problem",
    "ignored_columns",
    "is_our_export",
    "is_our_payment_export",
    "parse_payment_rows",
    "parse_rows",
    "payment_key",
    "suggest_status",
]

ZERO = Decimal("0.00")

#: Words a status column uses. "unpaid" is read with the row's money: with an amount it is pay still owed
#: (pending); without, work that earned nothing.
_UNPAID_WORDS = {"unpaid", "not paid", "no pay", "unpaid work", "no"}
_STATUS_WORDS: dict[str, str] = {
    **{code.replace("_", " "): code for code in Status.values},
    **{label.lower(): code for code, label in Status.choices},
    "paid out": Status.PAID,
    "deposited": Status.PAID,
    "settled": Status.PAID,
    "received": Status.PAID,
    "cashed out": Status.PAID,
    "yes": Status.PAID,
    "processing": Status.PENDING,
    "in review": Status.PENDING,
    "under review": Status.PENDING,
    "awaiting payment": Status.PENDING,
    "not yet paid": Status.PENDING,
    "scheduled": Status.PENDING,
    "due": Status.PENDING,
    "owed": Status.PENDING,
    "in dispute": Status.DISPUTED,
    "contested": Status.DISPUTED,
    "appealed": Status.DISPUTED,
    "appeal": Status.DISPUTED,
    "reported": Status.DISPUTED,
    "reject": Status.REJECTED,
    "declined": Status.REJECTED,
    "denied": Status.REJECTED,
    "refused": Status.REJECTED,
    "returned": Status.REJECTED,
    "assessment": Status.UNPAID_ASSESSMENT,
    "qualification": Status.UNPAID_ASSESSMENT,
    "qualification test": Status.UNPAID_ASSESSMENT,
    "screening": Status.UNPAID_ASSESSMENT,
    "test": Status.UNPAID_ASSESSMENT,
    "unpaid assessment": Status.UNPAID_ASSESSMENT,
    "training": Status.UNPAID_TRAINING,
    "course": Status.UNPAID_TRAINING,
    "unpaid training": Status.UNPAID_TRAINING,
    "onboarding": Status.UNPAID_ONBOARDING,
    "orientation": Status.UNPAID_ONBOARDING,
    "unpaid onboarding": Status.UNPAID_ONBOARDING,
}

#: What a note says about a row that earned nothing, checked in this order.
_NOTE_REJECTED = re.compile(r"\breject(ed|ion)?\b|\bdeclined\b", re.IGNORECASE)
_NOTE_UNPAID = re.compile(r"\bunpaid\b|\bnot paid\b|\bno pay\b|\bwithout pay\b|\bfor free\b", re.IGNORECASE)
_UNPAID_KINDS = (
    (re.compile(r"assess|qualif|screen|\btest|\bexam", re.IGNORECASE), Status.UNPAID_ASSESSMENT),
    (re.compile(r"onboard|orientation|sign.?up|set.?up|background check", re.IGNORECASE), Status.UNPAID_ONBOARDING),
    (re.compile(r"train|course|tutorial|webinar|lesson", re.IGNORECASE), Status.UNPAID_TRAINING),
)

_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I:%M:%S %p")


def suggest_status(notes: str, task_type: str = "") -> str | None:
    """The status a row's note suggests for work that earned nothing: "rejected", "(unpaid)"…"""
    text = f"{task_type} {notes}"
    if _NOTE_REJECTED.search(text):
        return str(Status.REJECTED)
    if _NOTE_UNPAID.search(text):
        return _unpaid_kind(text)
    return None


def _unpaid_kind(text: str) -> str:
    for pattern, status in _UNPAID_KINDS:
        if pattern.search(text):
            return str(status)
    return str(Status.UNPAID_TRAINING)


@dataclasses.dataclass(frozen=True)
class ParsedRow:
    line: int
    values: dict[str, Any]
    key: str
    #: Money received for this row (a payment is recorded for it); zero when the pay is only expected.
    received: Decimal = ZERO
    #: The status the row's note suggests, when it differs from the status the row would otherwise get.
    suggested: str | None = None

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.values["minutes"]) / 60).quantize(Decimal("0.01"))

    @property
    def expected_left(self) -> Decimal:
        """Pay this row still expects: all of it, unless it was received."""
        return self.values["pay_expected"] - self.received

    @property
    def status_label(self) -> str:
        return str(Status(self.values["status"]).label) if "status" in self.values else ""

    @property
    def suggested_label(self) -> str:
        return str(Status(self.suggested).label) if self.suggested else ""


@dataclasses.dataclass(frozen=True)
class RowError:
    line: int
    reason: str


def _read_date(text: str, fmt: str) -> dt.date:
    if fmt == "iso":
        return dt.date.fromisoformat(text)
    return dt.datetime.strptime(text, DATE_FORMATS[fmt][1]).date()


def _parse_date(text: str, fmt: str) -> dt.date:
    try:
        value = _read_date(text, fmt)
    except (ValueError, KeyError):
        raise rules.RuleError("date", f"“{text}” is not a date in the form {DATE_FORMATS[fmt][0]}") from None
    return rules.check_date(value)


def _parse_time(text: str, field: str) -> dt.time | None:
    if not text:
        return None
    for fmt in _TIME_FORMATS:
        try:
            return dt.datetime.strptime(text.upper() if "M" in text.upper() else text, fmt).time()
        except ValueError:
            continue
    raise rules.RuleError(field, f"“{text}” is not a time such as 09:30")


def _parse_status(text: str, default: str, *, amount: Decimal, context: str) -> str:
    if not text:
        return default
    word = " ".join(text.lower().replace("_", " ").replace("-", " ").split())
    bare = word.strip("()[]. ")
    if bare in _UNPAID_WORDS:
        return str(Status.PENDING) if amount > 0 else _unpaid_kind(context)
    status = _STATUS_WORDS.get(word) or _STATUS_WORDS.get(bare)
    if status is None:
        raise rules.RuleError("status", f"“{text}” is not a status (paid, pending, disputed, rejected, unpaid, …)")
    return str(status)


def entry_key(values: Mapping[str, Any], occurrence: int) -> str:
    """A fingerprint of an imported row: the same row in the same file gives the same key, so a second
    import of that file adds nothing. `occurrence` tells identical rows within one file apart. Tips and
    miles count only when given, so a row without them keeps the key it had before they existed."""
    parts = [str(values[name]) if values[name] is not None else "" for name in EXPORT_COLUMNS]
    tips, miles = values.get("tips") or ZERO, values.get("miles")
    if tips or miles is not None:
        parts += [str(tips), "" if miles is None else str(miles)]
    parts.append(str(occurrence))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def payment_key(values: Mapping[str, Any], occurrence: int) -> str:
    parts = [str(values[name]) for name in PAYMENT_EXPORT_COLUMNS] + [str(occurrence)]
    return hashlib.sha256(("payment\x1f" + "\x1f".join(parts)).encode()).hexdigest()


class _Cells:
    """One row's cells by target, unescaped when the file is one of our exports."""

    def __init__(self, cells: list[str], columns: Mapping[str, int], width: int, escaped: bool) -> None:
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        self.cells = [unescape_cell(cell) for cell in cells] if escaped else cells
        self.columns = columns

    def raw(self, target: str) -> str:
        """A cell as written (the rules trim text), so notes keep their inner line breaks."""
        index = self.columns.get(target)
        return "" if index is None or index >= len(self.cells) else self.cells[index]

    def __call__(self, target: str) -> str:
        return self.raw(target).strip()


def _amount(text: str, field: str) -> Decimal:
    return rules.parse_amount(text, field=field) if text else ZERO


def parse_rows(
    text: str, *, mapping: Mapping[str, Any], known_platforms: Mapping[str, str] | None = None
) -> Iterator[ParsedRow | RowError]:
    """Each data row of the file as a ParsedRow (normalised values, ready to store) or a RowError (line, reason)."""
    header, rows = read_rows(text)
    escaped = is_our_export(header)
    columns: dict[str, int] = {target: int(index) for target, index in mapping["columns"].items()}
    date_format = mapping.get("date_format", "iso")
    default_platform = mapping.get("default_platform", "")
    default_status = mapping.get("default_status", Status.PAID)
    default_currency = mapping.get("default_currency", "USD")
    pay_received = mapping.get("pay_kind", "expected") == "received"
    use_note_statuses = bool(mapping.get("note_statuses"))
    known = known_platforms or {}
    seen: dict[str, int] = {}

    for item in _rows_or_format_error(rows):
        if isinstance(item, RowError):
            yield item
            return
        line, cells = item
        cell = _Cells(cells, columns, len(header), escaped)
        try:
            platform = rules.clean_platform_name(cell("platform") or default_platform)
            platform = known.get(platform.lower(), platform)
            start = _parse_time(cell("start_time"), "start_time")
            end = _parse_time(cell("end_time"), "end_time")
            minutes = rules.parse_duration(cell("minutes"), unit="minutes", field="minutes")
            if minutes is None:
                minutes = rules.parse_duration(cell("hours"), unit="hours", field="hours")
            units_text = cell("units")
            amount = _amount(cell("pay_expected"), "pay_expected")
            tips = _amount(cell("tips"), "tips")
            task_type = rules.clean_text(cell.raw("task_type"), field="task_type", max_length=200)
            notes = rules.clean_notes(cell.raw("notes"))
            status = _parse_status(cell("status"), default_status, amount=amount, context=f"{task_type} {notes}")
            suggested = None
            if not cell("status") and not amount and not tips:
                hint = suggest_status(notes, task_type)
                suggested = hint if hint != status else None
                if suggested and use_note_statuses:
                    status = suggested
            values = {
                "date": _parse_date(cell("date"), date_format),
                "platform": platform,
                "task_type": task_type,
                "start_time": start,
                "end_time": end,
                "minutes": rules.entry_minutes(start=start, end=end, minutes=minutes),
                "units": rules.parse_amount(units_text, field="units") if units_text else None,
                "pay_expected": amount,
                "tips": tips,
                "miles": rules.parse_miles(cell("miles")),
                "currency": rules.clean_currency(cell("currency") or default_currency),
                "status": status,
                "notes": notes,
            }
        except rules.RuleError as error:
            yield RowError(line, _reason(error, TARGETS))
            continue
        received = amount if pay_received and status == Status.PAID and amount > 0 else ZERO
        fingerprint = entry_key(values, 0)
        occurrence = seen.get(fingerprint, 0)
        seen[fingerprint] = occurrence + 1
        key = fingerprint if occurrence == 0 else entry_key(values, occurrence)
        yield ParsedRow(line, values, key, received=received, suggested=suggested)


def parse_payment_rows(
    text: str, *, mapping: Mapping[str, Any], known_platforms: Mapping[str, str] | None = None
) -> Iterator[ParsedRow | RowError]:
    """Each row of a payout file (date, platform, amount, currency, reference) as a ParsedRow or RowError."""
    header, rows = read_rows(text)
    escaped = is_our_payment_export(header)
    columns: dict[str, int] = {target: int(index) for target, index in mapping["columns"].items()}
    date_format = mapping.get("date_format", "iso")
    known = known_platforms or {}
    seen: dict[str, int] = {}
    for item in _rows_or_format_error(rows):
        if isinstance(item, RowError):
            yield item
            return
        line, cells = item
        cell = _Cells(cells, columns, len(header), escaped)
        try:
            platform = rules.clean_platform_name(cell("platform") or mapping.get("default_platform", ""))
            amount_text = cell("amount")
            if not amount_text:
                raise rules.RuleError("amount", "is empty")
            values = {
                "date": _parse_date(cell("date"), date_format),
                "platform": known.get(platform.lower(), platform),
                "amount": rules.check_amount(
                    rules.parse_amount(amount_text, field="amount"), field="amount", allow_zero=False
                ),
                "currency": rules.clean_currency(cell("currency") or mapping.get("default_currency", "USD")),
                "reference": rules.clean_text(cell.raw("reference"), field="reference", max_length=200),
            }
        except rules.RuleError as error:
            yield RowError(line, _reason(error, PAYMENT_TARGETS))
            continue
        fingerprint = payment_key(values, 0)
        occurrence = seen.get(fingerprint, 0)
        seen[fingerprint] = occurrence + 1
        yield ParsedRow(line, values, fingerprint if occurrence == 0 else payment_key(values, occurrence))


_ERROR_LABELS = {"minutes": "Time worked", "hours": "Time worked", "end_time": "End time", "start_time": "Start time"}


def _reason(error: rules.RuleError, targets: Mapping[str, tuple[str, bool]]) -> str:
    label = (
        _ERROR_LABELS.get(error.field)
        or targets.get(error.field, (error.field.replace("_", " ").capitalize(), False))[0]
    )
    return f"{label}: {error.message}"


def _rows_or_format_error(rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]] | RowError]:
    """The rows, then a RowError where the file stops being CSV (nothing after it can be read)."""
    try:
        yield from rows
    except CsvFormatError as error:
        yield RowError(error.line, error.message)
