"""Reading a JSON export back in (`/worklog/restore/`): the file is checked for size and nesting before it
is parsed, and the whole document against a schema before anything is read from it, so a malformed file
is refused with the place of each problem (`entries[3].date: …`) and never reaches the database.

The schema checks the document's shape and each value's type (the API's own types where they fit); the
values then pass the same rules as every other write path (`rules.py`, through the services).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic import ValidationError as SchemaError

from careermap.worklog.api.common import BodyId, ClockTime, IsoDate, StatusLiteral
from careermap.worklog.expense_exports import CostMethodIn, ExpenseIn

#: The largest file the restore reads (a 120,000-entry export is about 50 MB).
MAX_BYTES = 100 * 1024 * 1024
#: Lists and objects nest at most this deep (an export nests five: document, payments, a payment, its
#: matches, a match).
MAX_DEPTH = 8
#: At most this many entries, and as many payments, in one document; and matches per payment.
MAX_ROWS = 500_000
MAX_MATCHES = 10_000
#: At most this many problems are listed.
MAX_ERRORS = 20

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def _blank_is_none(value: Any) -> Any:
    return None if value == "" else value


Amount = Annotated[Decimal, Field(allow_inf_nan=False)]
OptionalAmount = Annotated[Amount | None, BeforeValidator(_blank_is_none)]
OptionalTime = Annotated[ClockTime | None, BeforeValidator(_blank_is_none)]


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntryIn(_Schema):
    id: BodyId
    date: IsoDate
    platform: str
    task_type: str = ""
    start_time: OptionalTime = None
    end_time: OptionalTime = None
    minutes: int = Field(strict=True)
    units: OptionalAmount = None
    pay_expected: Amount = Decimal("0")
    tips: OptionalAmount = None  # version 1 has no tips and no miles
    miles: OptionalAmount = None
    currency: str = "USD"
    status: StatusLiteral
    notes: str = ""
    version: int | None = None  # exported, not restored: restored rows start again at version 1
    created_at: str | None = None
    updated_at: str | None = None

    def fields(self) -> dict[str, Any]:
        """The entry's values, for `services.entry_fields_clean`."""
        return self.model_dump(exclude={"id", "version", "created_at", "updated_at"}) | {
            "tips": self.tips or Decimal("0")
        }


class MatchIn(_Schema):
    entry: BodyId
    amount: Amount


class PaymentIn(_Schema):
    id: BodyId | None = None
    date: IsoDate
    platform: str
    amount: Amount
    currency: str = "USD"
    reference: str = ""
    version: int | None = None
    matches: Annotated[list[MatchIn], Field(max_length=MAX_MATCHES)] | None = None

    def fields(self) -> dict[str, Any]:
        """The payment's values, for `services.payment_fields_clean`."""
        return self.model_dump(include={"date", "platform", "amount", "currency", "reference"})


class DocumentIn(_Schema):
    format: Literal["careermap-worklog"]
    version: Literal[1, 2, 3]
    exported_at: str | None = None
    entries: Annotated[list[EntryIn], Field(max_length=MAX_ROWS)] | None = None
    payments: Annotated[list[PaymentIn], Field(max_length=MAX_ROWS)] | None = None
    # version 3 on (expense_exports.py)
    expenses: Annotated[list[ExpenseIn], Field(max_length=MAX_ROWS)] | None = None
    cost_methods: Annotated[list[CostMethodIn], Field(max_length=MAX_ROWS)] | None = None


def nesting_problem(text: str, *, limit: int = MAX_DEPTH) -> str | None:
    """Whether JSON text nests lists and objects deeper than `limit`, found without parsing it (a file of
    a million "[" costs no recursion and no memory): strings are dropped, then each pass removes the
    innermost pairs, one level everywhere at once. What still holds a pair after `limit` passes nested
    deeper. (Brackets that never pair up are left for the parser to report.)"""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(limit):
        shorter = brackets.replace("[]", "").replace("{}", "")
        if shorter == brackets:
            return None
        brackets = shorter
    if "[]" in brackets or "{}" in brackets:
        return f"lists and objects nest more than {limit} levels deep (an export nests five)"
    return None


def load(data: bytes) -> Any:
    """The JSON in an uploaded file, or ValidationError saying why there is none."""
    if len(data) > MAX_BYTES:
        raise ValidationError(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("This is not a JSON file.") from None
    if problem := nesting_problem(text):
        raise ValidationError(f"This is not a work-log export: {problem}.")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise ValidationError("This is not a JSON file.") from None


def where(location: Sequence[int | str]) -> str:
    """A schema error's location as a path: ("entries", 3, "date") → "entries[3].date"."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "the document"


_MESSAGES = {
    "missing": "is missing",
    "extra_forbidden": "is not part of a work-log export",
}


def validate(document: Any) -> DocumentIn:
    """The document as the schema reads it, or ValidationError listing where it does not fit (the first
    MAX_ERRORS places)."""
    try:
        return DocumentIn.model_validate(document)
    except SchemaError as error:
        problems = [
            f"{where(item['loc'])}: {_MESSAGES.get(item['type'], item['msg'].removeprefix('Value error, '))}"
            for item in error.errors(include_url=False, include_input=False)[:MAX_ERRORS]
        ]
        if error.error_count() > MAX_ERRORS:
            problems.append(f"…and {error.error_count() - MAX_ERRORS} more problems.")
        raise ValidationError(problems) from None
