"""Pure rules shared by the entry form, the API and the CSV import: no ORM, so they are cheap and testable.

Each normalises one value the way every write path must, so that what the worker types, what the API
receives and what an import reads end up stored identically (the export → import round trip relies on it).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from careermap.worklog.models import MAX_MINUTES
from careermap.worklog.platforms import clean_platform

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999.99")
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


class RuleError(ValueError):
    """A value breaks a rule; `field` names it and the message says why, in words for the worker."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def clean_text(value: str | None, *, field: str = "notes", max_length: int | None = None) -> str:
    """Trim the ends and use \n line breaks (browsers send \r\n)."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\x00" in text:
        raise RuleError(field, "contains a null character")
    if max_length is not None and len(text) > max_length:
        raise RuleError(field, f"is longer than {max_length} characters")
    return text


def clean_platform_name(value: str | None) -> str:
    name = clean_platform(clean_text(value, field="platform"))
    if not name:
        raise RuleError("platform", "is required")
    if len(name) > 100:
        raise RuleError("platform", "is longer than 100 characters")
    return name


def clean_currency(value: str | None) -> str:
    code = (value or "").strip().upper()
    if not _CURRENCY.match(code):
        raise RuleError("currency", f"“{value}” is not a three-letter currency code such as USD")
    return code


def parse_amount(value: str, *, field: str) -> Decimal:
    """A money amount from text: "12.50", "$1,234.50". Never a float."""
    text = value.strip().lstrip("$€£¥").strip()
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    if "," in text:
        raise RuleError(field, f"“{value}” is not an amount (use a point for decimals: 12.50)")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise RuleError(field, f"“{value}” is not an amount") from None
    return check_amount(amount, field=field)


def check_amount(amount: Decimal, *, field: str, allow_zero: bool = True) -> Decimal:
    if not amount.is_finite():
        raise RuleError(field, "is not a number")
    if amount < 0 or (amount == 0 and not allow_zero):
        raise RuleError(field, "must be more than zero" if not allow_zero else "cannot be negative")
    if amount > MAX_AMOUNT:  # before quantize, which fails on huge exponents ("1E+999999")
        raise RuleError(field, "is too large")
    if amount != amount.quantize(CENT):
        raise RuleError(field, "has more than two decimal places")
    return amount.quantize(CENT)


def cents(value: Decimal | int | None) -> Decimal:
    """An amount read back from a database aggregate, to the cent. SQLite sums decimals as floats (to 15
    significant digits), so every SUM of money passes through here before it is shown or compared."""
    return Decimal(value or 0).quantize(CENT)


def clean_time(value: dt.time | None) -> dt.time | None:
    return None if value is None else value.replace(second=0, microsecond=0, tzinfo=None)


def entry_minutes(*, start: dt.time | None, end: dt.time | None, minutes: int | None) -> int:
    """Minutes worked: from start and end (an end before the start means the shift ran past midnight),
    or as given. Both given must agree."""
    if (start is None) != (end is None):
        raise RuleError("end_time" if end is None else "start_time", "give both a start and an end time")
    if start is not None and end is not None:
        computed = ((end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)) % MAX_MINUTES
        if computed == 0:
            raise RuleError("end_time", "is the same as the start time")
        if minutes is not None and minutes != computed:
            raise RuleError("minutes", f"{minutes} minutes does not match the start and end times ({computed} minutes)")
        return computed
    if minutes is None:
        raise RuleError("minutes", "give the start and end times, or the minutes worked")
    if minutes < 0:
        raise RuleError("minutes", "cannot be negative")
    if minutes > MAX_MINUTES:
        raise RuleError("minutes", "is more than a day (1,440 minutes); log each day separately")
    return minutes
