"""Restoring a JSON export (the whole log: entries, payments, matches, expenses) into an empty account."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction

from careermap.worklog import rules
from careermap.worklog.expense_exports import restore_expenses
from careermap.worklog.models import (
    Entry,
    Expense,
    Payment,
    PaymentMatch,
)
from careermap.worklog.services.imports import IMPORT_BATCH_SIZE, RESTORE_MAX_ERRORS
from careermap.worklog.services.records import entry_fields_clean, payment_fields_clean


def _problem(where: str, error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(f"{where}.{field}: {' '.join(messages)}" for field, messages in error.message_dict.items())
    return f"{where}: {' '.join(error.messages)}"


@transaction.atomic
def worklog_json_restore(*, user: Any, document: Mapping[str, Any]) -> tuple[int, int, int]:
    """Recreate a JSON export (`exports.export_dict`) in an empty work log: every entry, payment and match,
    all or nothing. The whole document is checked against the restore schema first (`restore.py`), then
    each value against the rules every write path applies. Returns (entries, payments, matches) created."""
    from careermap.worklog import restore
    from careermap.worklog.exports import FORMAT, RESTORABLE_VERSIONS

    if not isinstance(document, Mapping) or document.get("format") != FORMAT:
        raise ValidationError("This is not a Career Map work-log export (JSON).")
    if document.get("version") not in RESTORABLE_VERSIONS:
        versions = " or ".join(str(v) for v in RESTORABLE_VERSIONS)
        version = str(document.get("version"))[:20]
        raise ValidationError(f"This export is version {version}; we can restore version {versions}.")
    parsed = restore.validate(document)
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
    if any(model.objects.filter(user=user).exists() for model in (Entry, Payment, Expense)):
        raise ValidationError("Restore only works into an empty work log; use the CSV import to add entries.")

    problems: list[str] = []
    entries: dict[int, Entry] = {}
    for index, item in enumerate(parsed.entries or []):
        if item.id in entries:
            problems.append(f"entries[{index}].id: {item.id} appears twice")
            continue
        try:
            entries[item.id] = Entry(user=user, **entry_fields_clean(item.fields()))
        except ValidationError as error:
            problems.append(_problem(f"entries[{index}]", error))
    payments: list[tuple[Payment, list[tuple[int, Decimal]]]] = []
    for index, paid in enumerate(parsed.payments or []):
        where = f"payments[{index}]"
        try:
            payment = Payment(user=user, **payment_fields_clean(paid.fields()))
        except ValidationError as error:
            problems.append(_problem(where, error))
            continue
        matches: list[tuple[int, Decimal]] = []
        unknown: list[int] = []
        for number, match in enumerate(paid.matches or []):
            entry = entries.get(match.entry)
            try:
                amount = rules.check_amount(match.amount, field="amount", allow_zero=False)
                if entry is not None:
                    rules.check_match(
                        payment_platform=payment.platform,
                        payment_currency=payment.currency,
                        entry_platform=entry.platform,
                        entry_currency=entry.currency,
                    )
            except rules.RuleError as error:
                field = "amount" if error.field == "amount" else "entry"
                problems.append(f"{where}.matches[{number}].{field}: {error.message}")
                continue
            if entry is None:
                unknown.append(match.entry)
            matches.append((match.entry, amount))
        if sum((amount for _, amount in matches), Decimal("0")) > payment.amount:
            problems.append(f"{where}: its matches add up to more than its amount")
        if len({entry_id for entry_id, _ in matches}) != len(matches):
            problems.append(f"{where}: matched to the same entry twice")
        if unknown:
            problems.append(f"{where}: matched to entries not in the file: {unknown[:5]}")
        payments.append((payment, matches))
    if problems:
        raise ValidationError(problems[:RESTORE_MAX_ERRORS])

    Entry.objects.bulk_create(entries.values(), batch_size=IMPORT_BATCH_SIZE)
    Payment.objects.bulk_create([payment for payment, _ in payments], batch_size=IMPORT_BATCH_SIZE)
    links = [
        PaymentMatch(payment=payment, entry=entries[entry_id], amount=amount)
        for payment, matches in payments
        for entry_id, amount in matches
    ]
    PaymentMatch.objects.bulk_create(links, batch_size=IMPORT_BATCH_SIZE)
    _, expense_problems = restore_expenses(  # version 3 on: expenses, receipts, cost methods
        user=user, expenses=parsed.expenses, cost_methods=parsed.cost_methods
    )
    if expense_problems:
        raise ValidationError(expense_problems[:RESTORE_MAX_ERRORS])
    return len(entries), len(payments), len(links)
