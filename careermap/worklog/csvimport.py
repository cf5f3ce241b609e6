"""Reading a worker's CSV into entries: column mapping, per-row parsing with reasons, duplicate keys.

Pure functions (no ORM): `parse_rows` turns CSV text and a mapping into parsed rows and row errors. The
services decide what to write. Every value goes through the same rules as the entry form, so an exported
log imports back to the very same values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from careermap.lib.csvio import CsvFormatError, read_rows, unescape_cell
from careermap.worklog import rules
from careermap.worklog.models import Status

#: Export column order. A file whose header starts with these is one of ours (cells escaped on export).
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

#: Import target → (label, required).
TARGETS: dict[str, tuple[str, bool]] = {
    "date": ("Date", True),
    "platform": ("Platform", False),
    "task_type": ("Project or task type", False),
    "start_time": ("Start time", False),
    "end_time": ("End time", False),
    "minutes": ("Minutes worked", False),
    "hours": ("Hours worked", False),
    "units": ("Units done", False),
    "pay_expected": ("Pay expected", False),
    "currency": ("Currency", False),
    "status": ("Status", False),
    "notes": ("Notes", False),
}

_SYNONYMS = {
    "date": {"date", "day", "work date", "task date", "shift date", "worked on"},
    "platform": {"platform", "company", "app", "client", "service", "source"},
    "task_type": {"task type", "task_type", "project", "task", "project or task type", "type", "job", "activity"},
    "start_time": {"start", "start time", "start_time", "started", "from", "clock in"},
    "end_time": {"end", "end time", "end_time", "ended", "to", "finish", "clock out"},
    "minutes": {"minutes", "mins", "minutes worked", "duration (min)", "duration minutes", "duration_minutes"},
    "hours": {"hours", "hrs", "hours worked", "duration (h)", "duration", "time (hours)"},
    "units": {"units", "units done", "tasks", "count", "quantity", "rides", "deliveries", "trips", "orders"},
    "pay_expected": {
        "pay expected",
        "pay_expected",
        "expected pay",
        "pay",
        "amount",
        "earnings",
        "payout",
        "total",
        "total pay",
    },
    "currency": {"currency", "cur", "ccy"},
    "status": {"status", "state", "payment status"},
    "notes": {"notes", "note", "comments", "comment", "description", "memo"},
}

DATE_FORMATS: dict[str, tuple[str, str]] = {
    "iso": ("YYYY-MM-DD (2026-11-25)", "%Y-%m-%d"),
    "us": ("MM/DD/YYYY (11/25/2026)", "%m/%d/%Y"),
    "eu": ("DD/MM/YYYY (25/11/2026)", "%d/%m/%Y"),
    "dot": ("DD.MM.YYYY (25.11.2026)", "%d.%m.%Y"),
}

_STATUS_WORDS = {
    **{code: code for code in Status.values},
    **{label.lower(): code for code, label in Status.choices},
    "assessment": Status.UNPAID_ASSESSMENT,
    "qualification": Status.UNPAID_ASSESSMENT,
    "unpaid assessment": Status.UNPAID_ASSESSMENT,
    "training": Status.UNPAID_TRAINING,
    "unpaid training": Status.UNPAID_TRAINING,
    "onboarding": Status.UNPAID_ONBOARDING,
    "unpaid onboarding": Status.UNPAID_ONBOARDING,
    "unpaid": Status.UNPAID_TRAINING,
    "owed": Status.PENDING,
    "in dispute": Status.DISPUTED,
    "received": Status.PAID,
}

_TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I:%M:%S %p")
_HOURS_MINUTES = re.compile(r"^(\d{1,2}):([0-5]\d)$")


def _norm(header: str) -> str:
    return " ".join(header.strip().lower().replace("_", " ").split())


def guess_mapping(header: list[str]) -> dict[str, int | None]:
    """Our best guess at which column holds which field, from the header names."""
    guessed: dict[str, int | None] = dict.fromkeys(TARGETS)
    names = [_norm(name) for name in header]
    for target, words in _SYNONYMS.items():
        words = {_norm(word) for word in words}
        for index, name in enumerate(names):
            if name in words and index not in guessed.values():
                guessed[target] = index
                break
    if guessed["minutes"] is not None:
        guessed["hours"] = None
    return guessed


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


def is_our_export(header: list[str]) -> bool:
    return tuple(header[: len(EXPORT_COLUMNS)]) == EXPORT_COLUMNS


@dataclasses.dataclass(frozen=True)
class ParsedRow:
    line: int
    values: dict[str, Any]
    key: str


@dataclasses.dataclass(frozen=True)
class RowError:
    line: int
    reason: str


def _parse_date(text: str, fmt: str) -> dt.date:
    try:
        if fmt == "iso":
            return dt.date.fromisoformat(text)
        return dt.datetime.strptime(text, DATE_FORMATS[fmt][1]).date()
    except (ValueError, KeyError):
        raise rules.RuleError("date", f"“{text}” is not a date in the form {DATE_FORMATS[fmt][0]}") from None


def _parse_time(text: str, field: str) -> dt.time | None:
    if not text:
        return None
    for fmt in _TIME_FORMATS:
        try:
            return dt.datetime.strptime(text.upper() if "M" in text.upper() else text, fmt).time()
        except ValueError:
            continue
    raise rules.RuleError(field, f"“{text}” is not a time such as 09:30")


def _parse_int(text: str, field: str) -> int | None:
    if not text:
        return None
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        raise rules.RuleError(field, f"“{text}” is not a number of minutes") from None
    if not value.is_finite() or value != value.to_integral_value():
        raise rules.RuleError(field, f"“{text}” is not a whole number of minutes")
    return int(value)


def _parse_hours(text: str) -> int | None:
    """Hours as minutes: "1.5" or "1:30" → 90."""
    if not text:
        return None
    if match := _HOURS_MINUTES.match(text):
        return int(match.group(1)) * 60 + int(match.group(2))
    try:
        value = Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise rules.RuleError("hours", f"“{text}” is not a number of hours") from None
    if not value.is_finite() or not 0 <= value <= 24:
        raise rules.RuleError("hours", f"“{text}” is not a number of hours between 0 and 24")
    return int((value * 60).to_integral_value())


def _parse_status(text: str, default: str) -> str:
    if not text:
        return default
    status = _STATUS_WORDS.get(" ".join(text.lower().replace("_", " ").split())) or _STATUS_WORDS.get(text.lower())
    if status is None:
        raise rules.RuleError("status", f"“{text}” is not a status (paid, pending, disputed, training, …)")
    return str(status)


def entry_key(values: Mapping[str, Any], occurrence: int) -> str:
    """A fingerprint of an imported row: the same row in the same file gives the same key, so a second
    import of that file adds nothing. `occurrence` tells identical rows within one file apart."""
    parts = [str(values[name]) if values[name] is not None else "" for name in EXPORT_COLUMNS]
    parts.append(str(occurrence))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


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
    known = known_platforms or {}
    seen: dict[str, int] = {}
    width = len(header)

    for item in _rows_or_format_error(rows):
        if isinstance(item, RowError):
            yield item
            return
        line, cells = item
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        if escaped:
            cells = [unescape_cell(cell) for cell in cells]

        def cell(target: str, cells: list[str] = cells) -> str:
            index = columns.get(target)
            return "" if index is None or index >= len(cells) else cells[index].strip()

        try:
            platform = rules.clean_platform_name(cell("platform") or default_platform)
            platform = known.get(platform.lower(), platform)
            start = _parse_time(cell("start_time"), "start_time")
            end = _parse_time(cell("end_time"), "end_time")
            minutes = _parse_int(cell("minutes"), "minutes")
            if minutes is None and "hours" in columns:
                minutes = _parse_hours(cell("hours"))
            units_text = cell("units")
            pay_text = cell("pay_expected")
            values = {
                "date": _parse_date(cell("date"), date_format),
                "platform": platform,
                "task_type": rules.clean_text(_raw(cells, columns, "task_type"), field="task_type", max_length=200),
                "start_time": start,
                "end_time": end,
                "minutes": rules.entry_minutes(start=start, end=end, minutes=minutes),
                "units": rules.parse_amount(units_text, field="units") if units_text else None,
                "pay_expected": rules.parse_amount(pay_text, field="pay_expected") if pay_text else Decimal("0.00"),
                "currency": rules.clean_currency(cell("currency") or default_currency),
                "status": _parse_status(cell("status"), default_status),
                "notes": rules.clean_text(_raw(cells, columns, "notes")),
            }
        except rules.RuleError as error:
            label = TARGETS.get(error.field, (error.field, False))[0]
            yield RowError(line, f"{label}: {error.message}")
            continue
        fingerprint = entry_key(values, 0)
        occurrence = seen.get(fingerprint, 0)
        seen[fingerprint] = occurrence + 1
        yield ParsedRow(line, values, fingerprint if occurrence == 0 else entry_key(values, occurrence))


def _rows_or_format_error(rows: Iterator[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]] | RowError]:
    """The rows, then a RowError where the file stops being CSV (nothing after it can be read)."""
    try:
        yield from rows
    except CsvFormatError as error:
        yield RowError(error.line, error.message)


def _raw(cells: list[str], columns: Mapping[str, int], target: str) -> str:
    """A text cell as written (the rules trim it), so notes keep their inner line breaks."""
    index = columns.get(target)
    return "" if index is None or index >= len(cells) else cells[index]
