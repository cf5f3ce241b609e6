"""Entries and payments, one at a time: create, edit (locked, versioned), delete, bulk status, matching."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone

from careermap.worklog import rules
from careermap.worklog.models import (
    Entry,
    Payment,
    PaymentMatch,
    Status,
)
from careermap.worklog.versioned import lock_for_change, save_changed

ENTRY_FIELDS = (
    "platform",
    "task_type",
    "date",
    "start_time",
    "end_time",
    "minutes",
    "units",
    "pay_expected",
    "tips",
    "miles",
    "currency",
    "status",
    "notes",
)
PAYMENT_FIELDS = ("date", "platform", "amount", "currency", "reference")


def _as_validation_error(error: rules.RuleError) -> ValidationError:
    return ValidationError({error.field: [error.message]})


def entry_fields_clean(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Normalise a complete set of entry fields; raise ValidationError naming the bad field."""
    try:
        start = rules.clean_time(fields.get("start_time"))
        end = rules.clean_time(fields.get("end_time"))
        units = fields.get("units")
        miles = fields.get("miles")
        status = fields.get("status")
        if status not in Status.values:
            raise rules.RuleError("status", f"“{status}” is not a status")
        if not isinstance(fields.get("date"), dt.date):
            raise rules.RuleError("date", "is required")
        return {
            "platform": rules.clean_platform_name(fields.get("platform")),
            "task_type": rules.clean_text(fields.get("task_type"), field="task_type", max_length=200),
            "date": rules.check_date(fields["date"]),
            "start_time": start,
            "end_time": end,
            "minutes": rules.entry_minutes(start=start, end=end, minutes=fields.get("minutes")),
            "units": None if units is None else rules.check_amount(Decimal(units), field="units"),
            "pay_expected": rules.check_amount(Decimal(fields.get("pay_expected") or 0), field="pay_expected"),
            "tips": rules.check_amount(Decimal(fields.get("tips") or 0), field="tips"),
            "miles": None if miles is None else rules.check_miles(Decimal(miles)),
            "currency": rules.clean_currency(fields.get("currency") or "USD"),
            "status": status,
            "notes": rules.clean_notes(fields.get("notes")),
        }
    except rules.RuleError as error:
        raise _as_validation_error(error) from None


def entry_create(
    *,
    user: Any,
    platform: str,
    date: dt.date,
    status: str,
    task_type: str = "",
    start_time: dt.time | None = None,
    end_time: dt.time | None = None,
    minutes: int | None = None,
    units: Decimal | None = None,
    pay_expected: Decimal = Decimal("0"),
    tips: Decimal = Decimal("0"),
    miles: Decimal | None = None,
    currency: str = "USD",
    notes: str = "",
) -> Entry:
    values = entry_fields_clean(
        {
            "platform": platform,
            "task_type": task_type,
            "date": date,
            "start_time": start_time,
            "end_time": end_time,
            "minutes": minutes,
            "units": units,
            "pay_expected": pay_expected,
            "tips": tips,
            "miles": miles,
            "currency": currency,
            "status": status,
            "notes": notes,
        }
    )
    entry = Entry(user=user, **values)
    entry.full_clean()
    entry.save()
    return entry


@transaction.atomic
def entry_update(*, user: Any, entry_id: int, changes: Mapping[str, Any], expected_version: int | None = None) -> Entry:
    """Apply `changes` (only the fields the caller changed) under a row lock.

    With `expected_version`, refuse (ConflictError) when someone else saved the entry in between.
    Without it, fields the caller did not change are left as the other writer saved them.
    """
    entry, current = lock_for_change(
        Entry, user=user, pk=entry_id, expected_version=expected_version, fields=ENTRY_FIELDS, changes=changes
    )
    proposed = dict(current, **changes)
    if {"start_time", "end_time"} & set(changes) and "minutes" not in changes:
        proposed["minutes"] = None if proposed["start_time"] else current["minutes"]
    times_given = "start_time" in changes or "end_time" in changes
    if "minutes" in changes and not times_given and changes["minutes"] != current["minutes"]:
        proposed["start_time"] = proposed["end_time"] = None
    values = entry_fields_clean(proposed)
    changed = [name for name in ENTRY_FIELDS if values[name] != current[name]]
    if not changed:
        return entry
    moves = values["currency"] != current["currency"] or values["platform"].lower() != current["platform"].lower()
    if moves and entry.matches.exists():
        raise ValidationError(
            {"platform": ["unmatch the payments of this entry before changing its platform or currency"]}
        )
    save_changed(entry, values, changed)
    return entry


@transaction.atomic
def entry_delete(*, user: Any, entry_id: int) -> None:
    entry = Entry.objects.select_for_update().get(user=user, pk=entry_id)
    entry.delete()


@transaction.atomic
def entry_bulk_set_status(*, user: Any, entry_ids: Iterable[int], status: str) -> int:
    """Set the status of several entries at once; returns how many changed."""
    if status not in Status.values:
        raise ValidationError({"status": [f"“{status}” is not a status"]})
    return (
        Entry.objects.filter(user=user, pk__in=list(entry_ids))
        .exclude(status=status)
        .update(status=status, version=F("version") + 1, updated_at=timezone.now())
    )


def payment_fields_clean(fields: Mapping[str, Any]) -> dict[str, Any]:
    try:
        if not isinstance(fields.get("date"), dt.date):
            raise rules.RuleError("date", "is required")
        amount = fields.get("amount")
        if amount is None:
            raise rules.RuleError("amount", "is required")
        return {
            "date": rules.check_date(fields["date"]),
            "platform": rules.clean_platform_name(fields.get("platform")),
            "amount": rules.check_amount(Decimal(amount), field="amount", allow_zero=False),
            "currency": rules.clean_currency(fields.get("currency") or "USD"),
            "reference": rules.clean_text(fields.get("reference"), field="reference", max_length=200),
        }
    except rules.RuleError as error:
        raise _as_validation_error(error) from None


def payment_create(
    *, user: Any, date: dt.date, platform: str, amount: Decimal, currency: str = "USD", reference: str = ""
) -> Payment:
    values = payment_fields_clean(
        {"date": date, "platform": platform, "amount": amount, "currency": currency, "reference": reference}
    )
    payment = Payment(user=user, **values)
    payment.full_clean()
    payment.save()
    return payment


@transaction.atomic
def payment_update(
    *, user: Any, payment_id: int, changes: Mapping[str, Any], expected_version: int | None = None
) -> Payment:
    payment, current = lock_for_change(
        Payment, user=user, pk=payment_id, expected_version=expected_version, fields=PAYMENT_FIELDS, changes=changes
    )
    values = payment_fields_clean(dict(current, **changes))
    changed = [name for name in PAYMENT_FIELDS if values[name] != current[name]]
    if not changed:
        return payment
    matched = rules.cents(payment.matches.aggregate(total=Sum("amount"))["total"])
    if values["amount"] < matched:
        raise ValidationError({"amount": [f"is less than the {matched} already matched to entries; unmatch first"]})
    if payment.matches.exists() and (
        values["currency"] != current["currency"] or values["platform"].lower() != current["platform"].lower()
    ):
        raise ValidationError({"platform": ["unmatch this payment before changing its platform or currency"]})
    save_changed(payment, values, changed)
    return payment


@transaction.atomic
def payment_delete(*, user: Any, payment_id: int) -> None:
    Payment.objects.select_for_update().get(user=user, pk=payment_id).delete()


@transaction.atomic
def payment_match(*, user: Any, payment_id: int, entry_ids: Iterable[int], mark_paid: bool = True) -> int:
    """Allocate what is left of a payment to entries, oldest first, each up to what it still expects.

    Entries must share the payment's platform and currency. Entries fully covered become "paid" when
    `mark_paid`. Locks the payment, then the entries in id order, so concurrent matches serialise.
    Returns the number of entries matched.
    """
    payment = Payment.objects.select_for_update().get(user=user, pk=payment_id)
    ids = sorted(set(entry_ids))
    entries = list(Entry.objects.select_for_update().filter(user=user, pk__in=ids).order_by("pk"))
    if len(entries) != len(ids):
        raise Entry.DoesNotExist("Entry matching query does not exist.")
    for entry in entries:
        try:
            rules.check_match(
                payment_platform=payment.platform,
                payment_currency=payment.currency,
                entry_platform=entry.platform,
                entry_currency=entry.currency,
            )
        except rules.RuleError as error:
            raise _as_validation_error(error) from None
    matched = rules.cents(payment.matches.aggregate(total=Sum("amount"))["total"])
    remaining = payment.amount - matched
    received = {
        entry_id: rules.cents(total)
        for entry_id, total in PaymentMatch.objects.filter(entry__in=entries)
        .values("entry")
        .annotate(total=Sum("amount"))
        .values_list("entry", "total")
    }
    already = set(payment.matches.filter(entry__in=entries).values_list("entry_id", flat=True))
    count = 0
    now = timezone.now()
    for entry in sorted(entries, key=lambda e: (e.date, e.pk)):
        if remaining <= 0:
            break
        if entry.pk in already:
            continue
        outstanding = entry.pay_expected - received.get(entry.pk, Decimal("0"))
        share = min(outstanding, remaining) if outstanding > 0 else Decimal("0")
        if len(entries) == 1 and share == 0:
            share = remaining  # one entry, paid more than expected (or nothing was expected): it gets it all
        if share <= 0:
            continue
        PaymentMatch.objects.create(payment=payment, entry=entry, amount=share)
        remaining -= share
        count += 1
        if mark_paid and share >= outstanding and entry.status != Status.PAID:
            Entry.objects.filter(pk=entry.pk).update(status=Status.PAID, version=F("version") + 1, updated_at=now)
    return count


@transaction.atomic
def payment_unmatch(*, user: Any, payment_id: int) -> int:
    payment = Payment.objects.select_for_update().get(user=user, pk=payment_id)
    deleted, _ = payment.matches.all().delete()
    return deleted


# ---------------------------------------------------------------------------------------------------------
# CSV import: upload (a draft) → mapping → preview → confirm; then perhaps undo.
