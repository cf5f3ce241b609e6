"""Expenses out and back in: the expenses CSV, their part of the JSON export (with each receipt's bytes,
base64-encoded, and the cost methods chosen), and restoring that part.

The JSON export's version 3 added `expenses` and `cost_methods`; versions 1 and 2 have neither and still
restore (with no expenses).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterator
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError
from pydantic import BaseModel, ConfigDict, Field

from careermap.lib.csvio import csv_lines
from careermap.worklog import expenses as expense_services
from careermap.worklog.models import CostMethod, CostMethodChoice, Expense, ExpenseCategory, Receipt

EXPENSE_CSV_HEADER = ("date", "platform", "category", "amount", "currency", "note", "receipt")
CHUNK = 200

CategoryLiteral = Literal["fuel", "vehicle_maintenance", "phone_data", "equipment", "fees", "insurance", "other"]
MethodLiteral = Literal["actual", "mileage"]
assert set(CategoryLiteral.__args__) == set(ExpenseCategory.values)  # type: ignore[attr-defined]
assert set(MethodLiteral.__args__) == set(CostMethodChoice.values)  # type: ignore[attr-defined]


def _expenses(user: Any) -> Iterator[Expense]:
    return Expense.objects.filter(user=user).select_related("receipt").order_by("date", "pk").iterator(chunk_size=CHUNK)


def _receipt_of(expense: Expense) -> Receipt | None:
    try:
        return expense.receipt
    except Receipt.DoesNotExist:
        return None


def expense_csv(*, user: Any) -> Iterator[str]:
    rows = (
        [
            expense.date.isoformat(),
            expense.platform,
            expense.category,
            f"{expense.amount:.2f}",
            expense.currency,
            expense.note,
            receipt.name if (receipt := _receipt_of(expense)) else "",
        ]
        for expense in Expense.objects.filter(user=user)
        .select_related("receipt")
        .defer("receipt__data")
        .order_by("date", "pk")
        .iterator(chunk_size=2000)
    )
    return csv_lines(EXPENSE_CSV_HEADER, rows)


def expense_dict(expense: Expense) -> dict[str, Any]:
    receipt = _receipt_of(expense)
    return {
        "id": expense.pk,
        "date": expense.date.isoformat(),
        "platform": expense.platform,
        "category": expense.category,
        "amount": f"{expense.amount:.2f}",
        "currency": expense.currency,
        "note": expense.note,
        "version": expense.version,
        "receipt": None
        if receipt is None
        else {
            "name": receipt.name,
            "content_type": receipt.content_type,
            "size": receipt.size,
            "sha256": receipt.sha256,
            "data": base64.b64encode(bytes(receipt.data)).decode("ascii"),
        },
    }


def expense_dicts(*, user: Any) -> Iterator[dict[str, Any]]:
    for expense in _expenses(user):
        yield expense_dict(expense)


def cost_method_dicts(*, user: Any) -> list[dict[str, Any]]:
    return [
        {"platform": m.platform, "year": m.year, "method": m.method}
        for m in CostMethod.objects.filter(user=user).order_by("year", "platform")
    ]


# ---------------------------------------------------------------------------------------------------------
# Restore (called by services.worklog_json_restore, inside its transaction)


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReceiptIn(_Schema):
    name: Annotated[str, Field(max_length=255)]
    content_type: str | None = None  # informative: the type is read from the bytes again
    size: int | None = None
    sha256: str | None = None
    data: str


class ExpenseIn(_Schema):
    id: int | None = None
    date: str
    platform: str = ""
    category: CategoryLiteral
    amount: str
    currency: str = "USD"
    note: str = ""
    version: int | None = None
    receipt: ReceiptIn | None = None


class CostMethodIn(_Schema):
    platform: str
    year: int
    method: MethodLiteral


def _date(value: str) -> Any:
    import datetime as dt

    return dt.date.fromisoformat(value)


def restore_expenses(
    *, user: Any, expenses: list[ExpenseIn] | None, cost_methods: list[CostMethodIn] | None
) -> tuple[int, list[str]]:
    """Create the document's expenses (with their receipts) and cost methods. Returns (expenses created,
    problems); with any problem, the caller rolls everything back."""
    problems: list[str] = []
    created = 0
    total_bytes = 0
    for index, item in enumerate(expenses or []):
        where = f"expenses[{index}]"
        try:
            values = expense_services.expense_fields_clean(
                {
                    "date": _date(item.date),
                    "platform": item.platform,
                    "category": item.category,
                    "amount": Decimal(item.amount),
                    "currency": item.currency,
                    "note": item.note,
                }
            )
            receipt = None
            if item.receipt is not None:
                try:
                    data = base64.b64decode(item.receipt.data, validate=True)
                except (binascii.Error, ValueError):
                    raise ValidationError({"receipt": ["its data is not base64"]}) from None
                if item.receipt.sha256 and hashlib.sha256(data).hexdigest() != item.receipt.sha256:
                    raise ValidationError({"receipt": ["its data does not match its sha256"]})
                receipt = expense_services.receipt_check(name=item.receipt.name, data=data)
                total_bytes += len(data)
                if total_bytes > expense_services.MAX_RECEIPT_BYTES_PER_WORKER:
                    limit = expense_services.MAX_RECEIPT_BYTES_PER_WORKER // (1024 * 1024)
                    raise ValidationError({"receipt": [f"the receipts add up to more than {limit} MB"]})
        except ValidationError as error:
            problems.append(
                "; ".join(f"{where}.{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
                if hasattr(error, "error_dict")
                else f"{where}: {' '.join(error.messages)}"
            )
            continue
        except (ValueError, ArithmeticError) as error:
            problems.append(f"{where}: {error}")
            continue
        if problems:
            continue  # nothing will be kept: check the rest without writing
        expense = Expense.objects.create(user=user, **values)
        if receipt is not None:
            Receipt.objects.create(
                expense=expense,
                name=receipt.name,
                content_type=receipt.content_type,
                size=len(receipt.data),
                sha256=receipt.sha256,
                data=receipt.data,
            )
        created += 1
    seen: set[tuple[str, int]] = set()
    for index, method in enumerate(cost_methods or []):
        key = (method.platform.strip().lower(), method.year)
        if key in seen:
            problems.append(f"cost_methods[{index}]: {method.platform} {method.year} appears twice")
            continue
        seen.add(key)
        try:
            if not problems:
                expense_services.cost_method_set(
                    user=user, platform=method.platform, year=method.year, method=method.method
                )
        except ValidationError as error:
            problems.append(f"cost_methods[{index}]: {' '.join(error.messages)}")
    return created, problems
