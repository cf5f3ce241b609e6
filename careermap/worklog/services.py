"""Every write to the work log. Views, the API and the importer all come through here.

Rules: each function takes the acting `user` and only touches that user's rows; input passes the same
normalisation (`rules.py`) on every path; edits lock the row (`select_for_update`) and bump `version`,
so two devices editing at once never silently lose a change. Nothing here logs entry content.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F, Sum
from django.utils import timezone

from careermap.lib.csvio import CsvFormatError, decode_upload, read_rows
from careermap.worklog import rules
from careermap.worklog.csvimport import (
    ParsedRow,
    RowError,
    guess_date_format,
    guess_mapping,
    guess_pay_kind,
    header_problem,
    parse_payment_rows,
    parse_rows,
)
from careermap.worklog.expense_exports import restore_expenses
from careermap.worklog.models import (
    Entry,
    Expense,
    ImportBatch,
    ImportKind,
    ImportState,
    Payment,
    PaymentMatch,
    Status,
)
from careermap.worklog.selectors import known_platforms

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


class ConflictError(Exception):
    """The row changed since the caller read it (its version moved on)."""


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
    entry = Entry.objects.select_for_update().get(user=user, pk=entry_id)
    if expected_version is not None and entry.version != expected_version:
        raise ConflictError
    unknown = set(changes) - set(ENTRY_FIELDS)
    if unknown:
        raise ValueError(f"not entry fields: {sorted(unknown)}")
    current = {name: getattr(entry, name) for name in ENTRY_FIELDS}
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
    for name in changed:
        setattr(entry, name, values[name])
    entry.version += 1
    entry.full_clean()
    entry.save(update_fields=[*changed, "version", "updated_at"])
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
    payment = Payment.objects.select_for_update().get(user=user, pk=payment_id)
    if expected_version is not None and payment.version != expected_version:
        raise ConflictError
    unknown = set(changes) - set(PAYMENT_FIELDS)
    if unknown:
        raise ValueError(f"not payment fields: {sorted(unknown)}")
    current = {name: getattr(payment, name) for name in PAYMENT_FIELDS}
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
    for name in changed:
        setattr(payment, name, values[name])
    payment.version += 1
    payment.full_clean()
    payment.save(update_fields=[*changed, "version", "updated_at"])
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

IMPORT_BATCH_SIZE = 2000
KEPT_ERRORS = 200


def import_batch_create(*, user: Any, filename: str, data: bytes, kind: str = ImportKind.ENTRIES) -> ImportBatch:
    """Keep an uploaded CSV as a draft. Nothing reaches the log until `worklog_csv_import`."""
    if kind not in ImportKind.values:
        raise ValueError(f"not an import kind: {kind}")
    try:
        text = decode_upload(data)
        header, rows = read_rows(text)
        if not header or not any(header):
            raise ValidationError({"file": ["The file is empty or has no header row."]})
        if problem := header_problem(header):
            raise ValidationError({"file": [problem]})
        rows_total = sum(1 for _ in rows)
    except CsvFormatError as error:
        raise ValidationError({"file": [f"Line {error.line}: {error.message}."]}) from None
    batch = ImportBatch(
        user=user,
        kind=kind,
        filename=filename[:255],
        sha256=hashlib.sha256(data).hexdigest(),
        content=text,
        header=header,
        rows_total=rows_total,
    )
    batch.mapping = default_mapping(header=header, text=text, kind=kind)
    batch.save()
    return batch


def default_mapping(*, header: list[str], text: str, kind: str = ImportKind.ENTRIES) -> dict[str, Any]:
    guessed = guess_mapping(header, kind=kind)
    date_samples: list[str] = []
    if guessed["date"] is not None:
        _, rows = read_rows(text)
        try:
            for _, cells in itertools.islice(rows, 20):
                if guessed["date"] < len(cells):
                    date_samples.append(cells[guessed["date"]])
        except CsvFormatError:
            pass  # the rows read so far are enough to guess from; the preview reports the line
    mapping: dict[str, Any] = {
        "columns": {target: index for target, index in guessed.items() if index is not None},
        "date_format": guess_date_format(date_samples),
        "default_platform": "",
        "default_currency": "USD",
    }
    if kind == ImportKind.ENTRIES:
        mapping |= {
            "default_status": Status.PAID,
            "pay_kind": guess_pay_kind(header, guessed["pay_expected"]),
            "note_statuses": False,
        }
    return mapping


def import_batch_set_mapping(*, user: Any, batch_id: int, mapping: dict[str, Any]) -> ImportBatch:
    batch = ImportBatch.objects.get(user=user, pk=batch_id, state=ImportState.DRAFT)
    batch.mapping = mapping
    batch.save(update_fields=["mapping"])
    return batch


def import_batch_use_note_statuses(*, user: Any, batch_id: int, use: bool) -> ImportBatch:
    """Take (or leave) the statuses the rows' notes suggest ("(unpaid)", "rejected") for rows without one."""
    batch = ImportBatch.objects.get(user=user, pk=batch_id, state=ImportState.DRAFT, kind=ImportKind.ENTRIES)
    batch.mapping = dict(batch.mapping, note_statuses=use)
    batch.save(update_fields=["mapping"])
    return batch


@transaction.atomic
def worklog_csv_import(*, user: Any, batch_id: int) -> ImportBatch:
    """Write the draft's rows: entries (and the payments of money received), or payments from a payout file.

    Entries: rows with errors are skipped and stay listed on the batch. Payments: all or nothing, a file
    with any bad row writes nothing. Re-importing the same file adds nothing: each row's key is already in
    the log. Locks the batch so a double-submit imports once.
    """
    batch = ImportBatch.objects.select_for_update().get(user=user, pk=batch_id)
    if batch.state != ImportState.DRAFT:
        raise ValidationError("This import has already been done.")
    # One import at a time per worker, so the duplicate check below cannot race another import.
    get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
    if batch.kind == ImportKind.PAYMENTS:
        _import_payments(user=user, batch=batch)
    else:
        _import_entries(user=user, batch=batch)
    batch.state = ImportState.IMPORTED
    batch.imported_at = timezone.now()
    batch.content = ""
    batch.save()
    return batch


def _import_entries(*, user: Any, batch: ImportBatch) -> None:
    existing = set(Entry.objects.filter(user=user).exclude(import_key="").values_list("import_key", flat=True))
    errors: list[list[Any]] = []
    error_count = duplicates = payments = 0
    pending: list[ParsedRow] = []
    for row in parse_rows(batch.content, mapping=batch.mapping, known_platforms=known_platforms(user=user)):
        if isinstance(row, RowError):
            error_count += 1
            if len(errors) < KEPT_ERRORS:
                errors.append([row.line, row.reason])
            continue
        if row.key in existing:
            duplicates += 1
            continue
        existing.add(row.key)
        pending.append(row)
        if len(pending) >= IMPORT_BATCH_SIZE:
            payments += _insert_entries(user=user, batch=batch, rows=pending)
            pending = []
    if pending:
        payments += _insert_entries(user=user, batch=batch, rows=pending)
    batch.rows_created = Entry.objects.filter(user=user, import_batch=batch).count()
    batch.payments_created = payments
    batch.rows_duplicate = duplicates
    batch.rows_error = error_count
    batch.errors = errors


def _import_payments(*, user: Any, batch: ImportBatch) -> None:
    """A payout file, all or nothing: any row with an error and nothing is written."""
    existing = set(Payment.objects.filter(user=user).exclude(import_key="").values_list("import_key", flat=True))
    rows: list[ParsedRow] = []
    errors: list[RowError] = []
    duplicates = 0
    for row in parse_payment_rows(batch.content, mapping=batch.mapping, known_platforms=known_platforms(user=user)):
        if isinstance(row, RowError):
            errors.append(row)
        elif row.key in existing:
            duplicates += 1
        else:
            rows.append(row)
    if errors:
        shown = [f"Line {error.line}: {error.reason}" for error in errors[:RESTORE_MAX_ERRORS]]
        more = [f"…and {len(errors) - len(shown)} more rows with errors."] if len(errors) > len(shown) else []
        raise ValidationError(["Nothing was imported: fix these rows and upload the file again.", *shown, *more])
    payments = [Payment(user=user, import_batch=batch, import_key=row.key, **row.values) for row in rows]
    for payment in payments:
        payment.full_clean(exclude=["user", "import_batch"], validate_unique=False, validate_constraints=False)
    Payment.objects.bulk_create(payments, batch_size=IMPORT_BATCH_SIZE)
    batch.rows_created = batch.payments_created = len(payments)
    batch.rows_duplicate = duplicates
    batch.rows_error = 0
    batch.errors = []


_INSERT_COLUMNS = (*ENTRY_FIELDS, "user_id", "import_batch_id", "import_key", "version", "created_at", "updated_at")


def _insert_entries(*, user: Any, batch: ImportBatch, rows: list[ParsedRow]) -> int:
    """Insert parsed, validated rows as entries, bypassing model instances (the import's hot path); then
    record a payment, matched to its entry, for each row whose money was received. Returns the payments.

    PostgreSQL gets COPY; other databases a parameterised executemany. The values already passed the same
    rules as every other write (`rules.py`), and the database constraints still check them.
    """
    now = timezone.now()
    table = Entry._meta.db_table
    columns = ", ".join(
        connection.ops.quote_name(Entry._meta.get_field(name.removesuffix("_id")).column) for name in _INSERT_COLUMNS
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([*(row.values[name] for name in ENTRY_FIELDS), user.pk, batch.pk, row.key, 1, now, now])
    else:
        stamp = connection.ops.adapt_datetimefield_value(now)
        adapt = _adapters()
        params = [
            (*(to_db(row.values[name]) for name, to_db in adapt), user.pk, batch.pk, row.key, 1, stamp, stamp)
            for row in rows
        ]
        placeholders = ", ".join(["%s"] * len(_INSERT_COLUMNS))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", params)
    return _record_received(user=user, batch=batch, rows=[row for row in rows if row.received > 0])


def _adapters() -> list[tuple[str, Any]]:
    """How each entry field's value goes to the database driver (plain functions: the import's hot path)."""
    ops = connection.ops
    adapt: list[tuple[str, Any]] = []
    for name in ENTRY_FIELDS:
        field = Entry._meta.get_field(name)
        kind = field.get_internal_type()
        if kind == "DateField":
            adapt.append((name, ops.adapt_datefield_value))
        elif kind == "TimeField":
            adapt.append((name, ops.adapt_timefield_value))
        elif kind == "DecimalField":
            digits, places = field.max_digits, field.decimal_places  # type: ignore[attr-defined]
            adapt.append((name, lambda value, d=digits, p=places: ops.adapt_decimalfield_value(value, d, p)))
        else:
            adapt.append((name, lambda value: value))
    return adapt


def _record_received(*, user: Any, batch: ImportBatch, rows: list[ParsedRow]) -> int:
    """One payment per row of money received, labelled with the import, matched in full to its entry."""
    if not rows:
        return 0
    keys = [row.key for row in rows]  # the partial unique index on (user, import_key) finds them
    entry_ids = dict(
        Entry.objects.filter(user=user, import_key__in=keys)
        .exclude(import_key="")
        .order_by()  # no sort: the default ordering made this lookup seconds long on SQLite
        .values_list("import_key", "pk")
    )
    label = f"Imported from {batch.filename}"[:180]
    payments = [
        Payment(
            user=user,
            import_batch=batch,
            date=row.values["date"],
            platform=row.values["platform"],
            amount=row.received,
            currency=row.values["currency"],
            reference=f"{label}, line {row.line}",
        )
        for row in rows
    ]
    Payment.objects.bulk_create(payments, batch_size=IMPORT_BATCH_SIZE)
    PaymentMatch.objects.bulk_create(
        [
            PaymentMatch(payment=payment, entry_id=entry_ids[row.key], amount=row.received)
            for payment, row in zip(payments, rows, strict=True)
        ],
        batch_size=IMPORT_BATCH_SIZE,
    )
    return len(payments)


@transaction.atomic
def import_batch_undo(*, user: Any, batch_id: int) -> tuple[int, int]:
    """Remove every entry and payment this import created (and their payment matches).
    Returns (entries, payments) removed."""
    batch = ImportBatch.objects.select_for_update().get(user=user, pk=batch_id)
    if batch.state != ImportState.IMPORTED:
        raise ValidationError("Only a finished import can be undone.")
    payments = Payment.objects.filter(user=user, import_batch=batch)
    payment_count = payments.count()
    payments.delete()
    entries = Entry.objects.filter(user=user, import_batch=batch)
    count = entries.count()
    entries.delete()
    batch.state = ImportState.UNDONE
    batch.save(update_fields=["state"])
    return count, payment_count


def import_batch_discard(*, user: Any, batch_id: int) -> None:
    ImportBatch.objects.get(user=user, pk=batch_id, state=ImportState.DRAFT).delete()


# ---------------------------------------------------------------------------------------------------------
# Restore from a JSON export (the whole log: entries, payments, matches) into an empty account.

RESTORE_MAX_ERRORS = 20


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
    for index, item in enumerate(parsed.payments or []):
        where = f"payments[{index}]"
        try:
            payment = Payment(user=user, **payment_fields_clean(item.fields()))
        except ValidationError as error:
            problems.append(_problem(where, error))
            continue
        matches: list[tuple[int, Decimal]] = []
        unknown: list[int] = []
        for number, match in enumerate(item.matches or []):
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
