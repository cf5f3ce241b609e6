"""Pure rules shared by the entry form, the API and the CSV import: no ORM, so they are cheap and testable.

Each normalises one value the way every write path must, so that what the worker types, what the API
receives and what an import reads end up stored identically (the export → import round trip relies on it).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from django.utils import timezone

from careermap.worklog.models import MAX_MINUTES
from careermap.worklog.platforms import clean_platform

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("9999999999.99")
MAX_MILES = Decimal("999999.99")
#: The dates the work log takes, for work and for payments, on every path: from EARLIEST_DATE to a year
#: from today (`latest_date`). Earlier is not work this log is for; later is a typo or a spreadsheet's
#: "no date" (9999-12-31), which would otherwise stretch every chart and total to the year 9999.
EARLIEST_DATE = dt.date(2000, 1, 1)
#: The longest note, in characters (line breaks count one), on every path: form, API, CSV import, restore.
NOTES_MAX_LENGTH = 10_000
#: Row ids are 64-bit: a larger number is no id (and SQLite cannot even compare with it).
MAX_ID = 2**63 - 1
MATCH_RULE = "a payment can only be matched to entries of the same platform and currency"
_THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_CURRENCY = re.compile(r"[A-Za-z]{3}")
_ID = re.compile(r"[0-9]{1,19}")


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
        raise RuleError(field, f"is longer than {max_length:,} characters")
    return text


def clean_notes(value: str | None) -> str:
    return clean_text(value, field="notes", max_length=NOTES_MAX_LENGTH)


def clean_platform_name(value: str | None) -> str:
    name = clean_platform(clean_text(value, field="platform"))
    if not name:
        raise RuleError("platform", "is required")
    if len(name) > 100:
        raise RuleError("platform", "is longer than 100 characters")
    return name


def clean_currency(value: str | None, *, field: str = "currency") -> str:
    """Three letters, A to Z, in capitals: the same rule for an entry, a payment and an import's default."""
    code = (value or "").strip()
    if not _CURRENCY.fullmatch(code):
        raise RuleError(field, f"“{value}” is not a three-letter currency code such as USD")
    return code.upper()


def latest_date(today: dt.date | None = None) -> dt.date:
    """A year from today (28 February when today is the 29th)."""
    today = today or timezone.localdate()
    try:
        return today.replace(year=today.year + 1)
    except ValueError:
        return today.replace(year=today.year + 1, day=28)


def check_date(value: dt.date, *, field: str = "date", today: dt.date | None = None) -> dt.date:
    """A date of work or of a payment: from EARLIEST_DATE to a year from today."""
    latest = latest_date(today)
    if not EARLIEST_DATE <= value <= latest:
        raise RuleError(
            field,
            f"{value.isoformat()} is outside the dates the work log takes: "
            f"{EARLIEST_DATE.isoformat()} to {latest.isoformat()} (a year from today)",
        )
    return value


def parse_id(value: object) -> int | None:
    """A row id as a form sends it ("12"): digits only, 1 to MAX_ID. Anything else: None."""
    text = str(value)
    if not _ID.fullmatch(text) or not 1 <= int(text) <= MAX_ID:
        return None
    return int(text)


def matchable(*, platform: str, currency: str, other_platform: str, other_currency: str) -> bool:
    """A payment and an entry can be matched: same platform (any case) and same currency."""
    return platform.lower() == other_platform.lower() and currency == other_currency


def check_match(*, payment_platform: str, payment_currency: str, entry_platform: str, entry_currency: str) -> None:
    """Refuse matching a payment to an entry of another platform or currency (every path: the match form,
    the API, the JSON restore)."""
    if not matchable(
        platform=payment_platform,
        currency=payment_currency,
        other_platform=entry_platform,
        other_currency=entry_currency,
    ):
        raise RuleError("entries", MATCH_RULE)


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


# ---------------------------------------------------------------------------------------------------------
# Time worked, written the way people write it

DurationUnit = Literal["hours", "minutes"]
DURATION_HINT = "write 1:30, 1.5h or 90m"
_NUMBER = r"(\d+(?:[.,]\d+)?|[.,]\d+)"
_HOUR_WORD = r"(?:h|hr|hrs|hour|hours)"
_MINUTE_WORD = r"(?:m|min|mins|minute|minutes)"
_CLOCK = re.compile(r"^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$")
_BARE = re.compile(rf"^{_NUMBER}$")
_HOURS_ONLY = re.compile(rf"^{_NUMBER}\s*{_HOUR_WORD}\.?$")
_MINUTES_ONLY = re.compile(rf"^{_NUMBER}\s*{_MINUTE_WORD}\.?$")
_HOURS_AND_MINUTES = re.compile(rf"^(\d+)\s*{_HOUR_WORD}\.?\s*,?\s*(\d+)\s*(?:{_MINUTE_WORD}\.?)?$")


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def parse_duration(value: str | None, *, unit: DurationUnit = "hours", field: str = "duration") -> int | None:
    """Minutes worked from what a person writes: "2h", "1:30", "90m", "1h30", "1h 30m", "1.5" or "1,5"
    (a bare number counts in `unit`), "1:30:00" (seconds round to the nearest minute). Empty: None."""
    text = " ".join((value or "").strip().lower().split())
    if not text:
        return None
    hours = minutes = Decimal(0)
    if match := _CLOCK.match(text):
        hours = Decimal(match.group(1))
        minutes = Decimal(match.group(2)) + (1 if int(match.group(3) or 0) >= 30 else 0)
    elif match := _HOURS_AND_MINUTES.match(text):
        hours, minutes = Decimal(match.group(1)), Decimal(match.group(2))
        if minutes >= 60:
            raise RuleError(field, f"“{value}” has {minutes} minutes after the hours; {DURATION_HINT}")
    elif match := _HOURS_ONLY.match(text):
        hours = _number(match.group(1))
    elif match := _MINUTES_ONLY.match(text):
        minutes = _number(match.group(1))
    elif match := _BARE.match(text):
        if unit == "hours":
            hours = _number(match.group(1))
        else:
            minutes = _number(match.group(1))
    else:
        raise RuleError(field, f"“{value}” is not a duration: {DURATION_HINT}")
    total = hours * 60 + minutes
    if total != total.to_integral_value() and hours == 0:
        hint = f" (for hours, write {text}h)" if _BARE.match(text) else ""
        raise RuleError(field, f"“{value}” is not a whole number of minutes{hint}")
    result = int(total.to_integral_value(rounding=ROUND_HALF_UP))
    if result > MAX_MINUTES:
        bare_hours = _BARE.match(text) is not None and unit == "hours"
        hint = f"; if you meant minutes, write {text}m" if bare_hours and result <= MAX_MINUTES * 60 else ""
        raise RuleError(field, f"“{value}” is more than a day (24 hours); log each day separately{hint}")
    return result


def format_duration(minutes: int) -> str:
    """Minutes as people write them, in a form `parse_duration` reads back: 90 → "1h 30m", 120 → "2h"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}m"
    return f"{hours}h" if not rest else f"{hours}h {rest:02d}m"


def minutes_given(*, minutes: int | None, duration: str | None, unit: DurationUnit = "hours") -> int | None:
    """The minutes an API call or form gives: `minutes`, or a written `duration`; both must agree."""
    parsed = parse_duration(duration, unit=unit)
    if parsed is None:
        return minutes
    if minutes is not None and minutes != parsed:
        raise RuleError("duration", f"“{duration}” is {parsed} minutes, but minutes says {minutes}")
    return parsed


def check_miles(miles: Decimal, *, field: str = "miles") -> Decimal:
    if not miles.is_finite():
        raise RuleError(field, "is not a number")
    if miles < 0:
        raise RuleError(field, "cannot be negative")
    if miles > MAX_MILES:
        raise RuleError(field, "is too large")
    if miles != miles.quantize(CENT):
        raise RuleError(field, "has more than two decimal places")
    return miles.quantize(CENT)


def parse_miles(value: str, *, field: str = "miles") -> Decimal | None:
    """Miles from text: "12.4", "12.4 mi", "1,204.5". Empty: None."""
    text = value.strip().lower().removesuffix("miles").removesuffix("mi").strip()
    if not text:
        return None
    if _THOUSANDS.match(text):
        text = text.replace(",", "")
    try:
        miles = Decimal(text)
    except InvalidOperation:
        raise RuleError(field, f"“{value}” is not a number of miles") from None
    return check_miles(miles, field=field)
