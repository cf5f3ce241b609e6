"""Expenses, their receipts, and how each platform's driving costs count: every write and read.

Like the rest of the work log, each function takes the acting `user` and touches only that user's rows;
values pass the same rules on every path (form, API, JSON restore); edits lock the row and bump
`version`.

Receipts are PDF, JPEG or PNG, told apart by their first bytes (not by the name or the type the browser
claims; a name whose extension says otherwise is refused), at most MAX_RECEIPT_BYTES each and
MAX_RECEIPT_BYTES_PER_WORKER in all. They are kept in the database, never under a public URL, and served
only to their owner (`money_views.expense_receipt`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet, Sum

from careermap.worklog import rules
from careermap.worklog.models import CostMethod, CostMethodChoice, Entry, Expense, ExpenseCategory, Receipt
from careermap.worklog.versioned import lock_for_change, save_changed

MAX_RECEIPT_BYTES = 5 * 1024 * 1024
#: All of one worker's receipts together (they travel inside the JSON export, base64-encoded).
MAX_RECEIPT_BYTES_PER_WORKER = 60 * 1024 * 1024
NOTE_MAX_LENGTH = 2000
RECEIPT_TYPES = {"application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG"}
_EXTENSIONS = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}
EXPENSE_FIELDS = ("date", "platform", "category", "amount", "currency", "note")


def _error(error: rules.RuleError) -> ValidationError:
    return ValidationError({error.field: [error.message]})


def expense_fields_clean(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Normalise a complete set of expense fields; raise ValidationError naming the bad field."""
    try:
        if not isinstance(fields.get("date"), dt.date):
            raise rules.RuleError("date", "is required")
        category = fields.get("category")
        if category not in ExpenseCategory.values:
            raise rules.RuleError("category", f"“{category}” is not a category")
        amount = fields.get("amount")
        if amount is None:
            raise rules.RuleError("amount", "is required")
        platform = rules.clean_text(fields.get("platform"), field="platform")
        return {
            "date": rules.check_date(fields["date"]),
            "platform": rules.clean_platform_name(platform) if platform else "",
            "category": category,
            "amount": rules.check_amount(Decimal(amount), field="amount", allow_zero=False),
            "currency": rules.clean_currency(fields.get("currency") or "USD"),
            "note": rules.clean_text(fields.get("note"), field="note", max_length=NOTE_MAX_LENGTH),
        }
    except rules.RuleError as error:
        raise _error(error) from None


# ---------------------------------------------------------------------------------------------------------
# Receipts


@dataclasses.dataclass(frozen=True)
class ReceiptFile:
    """A checked receipt, ready to store."""

    name: str
    content_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def sniff_receipt(data: bytes) -> str | None:
    """The receipt's type from its first bytes: PDF, JPEG or PNG; None for anything else."""
    if data.startswith(b"%PDF-"):
        return "application/pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


def receipt_check(*, name: str, data: bytes) -> ReceiptFile:
    """A receipt file as uploaded, checked: size, type by content, and a name that agrees with it."""
    if not data:
        raise ValidationError({"receipt": ["The file is empty."]})
    if len(data) > MAX_RECEIPT_BYTES:
        raise ValidationError(
            {"receipt": [f"The file is larger than {MAX_RECEIPT_BYTES // (1024 * 1024)} MB; scan it smaller."]}
        )
    content_type = sniff_receipt(data)
    if content_type is None:
        raise ValidationError({"receipt": ["A receipt must be a PDF, JPEG or PNG file."]})
    base = PurePath(name.replace("\\", "/")).name.strip() or "receipt"
    suffix = PurePath(base).suffix.lower()
    if suffix and _EXTENSIONS.get(suffix) != content_type:
        raise ValidationError(
            {
                "receipt": [
                    f"The file is named {suffix} but is a {RECEIPT_TYPES[content_type]}: rename it or pick another."
                ]
            }
        )
    try:
        base = rules.clean_text(base, field="receipt", max_length=255)
    except rules.RuleError as error:
        raise _error(error) from None
    return ReceiptFile(name=base, content_type=content_type, data=data)


def _receipt_room(*, user: Any, size: int, replacing: int = 0) -> None:
    stored = Receipt.objects.filter(expense__user=user).aggregate(total=Sum("size"))["total"] or 0
    if stored - replacing + size > MAX_RECEIPT_BYTES_PER_WORKER:
        limit = MAX_RECEIPT_BYTES_PER_WORKER // (1024 * 1024)
        raise ValidationError(
            {"receipt": [f"Your receipts would take more than {limit} MB in all; remove some old ones first."]}
        )


def _store_receipt(*, user: Any, expense: Expense, receipt: ReceiptFile) -> Receipt:
    replacing = Receipt.objects.filter(expense=expense).values_list("size", flat=True).first() or 0
    _receipt_room(user=user, size=len(receipt.data), replacing=replacing)
    Receipt.objects.filter(expense=expense).delete()
    return Receipt.objects.create(
        expense=expense,
        name=receipt.name,
        content_type=receipt.content_type,
        size=len(receipt.data),
        sha256=receipt.sha256,
        data=receipt.data,
    )


# ---------------------------------------------------------------------------------------------------------
# Writes


@transaction.atomic
def expense_create(
    *,
    user: Any,
    date: dt.date,
    category: str,
    amount: Decimal,
    currency: str = "USD",
    platform: str = "",
    note: str = "",
    receipt: ReceiptFile | None = None,
) -> Expense:
    values = expense_fields_clean(
        {"date": date, "category": category, "amount": amount, "currency": currency, "platform": platform, "note": note}
    )
    expense = Expense(user=user, **values)
    expense.full_clean()
    expense.save()
    if receipt is not None:
        _store_receipt(user=user, expense=expense, receipt=receipt)
    return expense


@transaction.atomic
def expense_update(
    *,
    user: Any,
    expense_id: int,
    changes: Mapping[str, Any],
    expected_version: int | None = None,
    receipt: ReceiptFile | None = None,
    remove_receipt: bool = False,
) -> Expense:
    """Apply `changes` under a row lock; with `expected_version`, refuse (ConflictError) a stale change."""
    expense, current = lock_for_change(
        Expense, user=user, pk=expense_id, expected_version=expected_version, fields=EXPENSE_FIELDS, changes=changes
    )
    values = expense_fields_clean(dict(current, **changes))
    changed = [name for name in EXPENSE_FIELDS if values[name] != current[name]]
    if remove_receipt:
        Receipt.objects.filter(expense=expense).delete()
    if receipt is not None:
        _store_receipt(user=user, expense=expense, receipt=receipt)
    if changed or remove_receipt or receipt is not None:
        save_changed(expense, values, changed)
    return expense


@transaction.atomic
def expense_delete(*, user: Any, expense_id: int) -> None:
    Expense.objects.select_for_update().get(user=user, pk=expense_id).delete()


def cost_method_set(*, user: Any, platform: str, year: int, method: str) -> CostMethod:
    """Choose how a platform's driving costs count in a year (one choice per platform and year)."""
    if method not in CostMethodChoice.values:
        raise ValidationError({"method": [f"“{method}” is not a way to count costs"]})
    if not 2000 <= year <= 9999:
        raise ValidationError({"year": [f"{year} is not a year of the work log"]})
    try:
        name = rules.clean_platform_name(platform)
    except rules.RuleError as error:
        raise _error(error) from None
    with transaction.atomic():
        existing = CostMethod.objects.select_for_update().filter(user=user, platform__iexact=name, year=year).first()
        if existing is None:
            return CostMethod.objects.create(user=user, platform=name, year=year, method=method)
        existing.method = method
        existing.save(update_fields=["method", "updated_at"])
        return existing


# ---------------------------------------------------------------------------------------------------------
# Reads


@dataclasses.dataclass(frozen=True)
class ExpenseFilters:
    platform: str = ""
    category: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    currency: str = ""


def expense_list(*, user: Any, filters: ExpenseFilters | None = None) -> QuerySet[Expense]:
    filters = filters or ExpenseFilters()
    qs = Expense.objects.filter(user=user)
    if filters.platform == "-":
        qs = qs.filter(platform="")
    elif filters.platform:
        qs = qs.filter(platform__iexact=filters.platform)
    if filters.category:
        qs = qs.filter(category=filters.category)
    if filters.date_from:
        qs = qs.filter(date__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(date__lte=filters.date_to)
    if filters.currency:
        qs = qs.filter(currency=filters.currency)
    receipts = Receipt.objects.filter(expense=OuterRef("pk"))
    return qs.annotate(has_receipt=Exists(receipts)).order_by("-date", "-pk")


def expense_totals(*, qs: QuerySet[Expense]) -> list[tuple[str, Decimal]]:
    """Total of a list of expenses, per currency."""
    rows = qs.order_by().values("currency").annotate(total=Sum("amount")).values_list("currency", "total")
    return sorted((currency, rules.cents(total)) for currency, total in rows)


def receipt_get(*, user: Any, expense_id: int) -> Receipt:
    """The owner's receipt for one expense (Receipt.DoesNotExist for anyone else's, or none)."""
    return Receipt.objects.get(expense__user=user, expense_id=expense_id)


def receipt_meta(*, user: Any, expense_ids: list[int]) -> dict[int, Receipt]:
    """Name, type and size of the receipts of these expenses, without their bytes."""
    rows = Receipt.objects.filter(expense__user=user, expense_id__in=expense_ids).defer("data")
    return {receipt.expense_id: receipt for receipt in rows}


@dataclasses.dataclass
class MethodRow:
    """A platform and year where the worker logged miles or recorded vehicle costs, and the method chosen."""

    platform: str
    year: int
    miles: Decimal
    vehicle_expenses: Decimal
    method: str  # chosen, or "actual" by default
    chosen: bool

    @property
    def method_label(self) -> str:
        return CostMethodChoice(self.method).label


def cost_method_rows(*, user: Any) -> list[MethodRow]:
    """Every platform and year with miles or vehicle expenses (or a choice already made), newest first."""
    from careermap.worklog.models import VEHICLE_CATEGORIES
    from careermap.worklog.summary import MonthStart, as_date

    miles: dict[tuple[str, int], Decimal] = defaultdict(lambda: Decimal("0.00"))
    vehicle: dict[tuple[str, int], Decimal] = defaultdict(lambda: Decimal("0.00"))
    names: dict[str, str] = {}
    for row in (
        Entry.objects.filter(user=user, miles__gt=0)
        .annotate(month=MonthStart("date"))
        .values("platform", "month")
        .annotate(total=Sum("miles"))
        .order_by()
    ):
        key = (row["platform"].lower(), as_date(row["month"]).year)
        names.setdefault(key[0], row["platform"])
        miles[key] += rules.cents(row["total"])
    for row in (
        Expense.objects.filter(user=user, category__in=VEHICLE_CATEGORIES)
        .exclude(platform="")
        .annotate(month=MonthStart("date"))
        .values("platform", "month")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        key = (row["platform"].lower(), as_date(row["month"]).year)
        names.setdefault(key[0], row["platform"])
        vehicle[key] += rules.cents(row["total"])
    chosen = {}
    for method in CostMethod.objects.filter(user=user):
        key = (method.platform.lower(), method.year)
        names.setdefault(key[0], method.platform)
        chosen[key] = method.method
    keys = set(miles) | set(vehicle) | set(chosen)
    rows = [
        MethodRow(
            platform=names[key[0]],
            year=key[1],
            miles=miles.get(key, Decimal("0.00")),
            vehicle_expenses=vehicle.get(key, Decimal("0.00")),
            method=chosen.get(key, CostMethodChoice.ACTUAL),
            chosen=key in chosen,
        )
        for key in keys
    ]
    return sorted(rows, key=lambda r: (-r.year, r.platform.lower()))
