"""CSV imports: upload (a draft), mapping, preview choices, confirm (bulk insert), undo and discard."""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, models, transaction
from django.utils import timezone

from careermap.lib.csvio import CsvFormatError, decode_upload, read_rows
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
from careermap.worklog.models import (
    Entry,
    ImportBatch,
    ImportKind,
    ImportState,
    Payment,
    PaymentMatch,
    Status,
)
from careermap.worklog.selectors import known_platforms
from careermap.worklog.services.records import ENTRY_FIELDS

IMPORT_BATCH_SIZE = 2000
RESTORE_MAX_ERRORS = 20  # problems listed when a file or a restore is refused
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


def _entry_column(name: str) -> str:
    field = Entry._meta.get_field(name)
    assert isinstance(field, models.Field)
    return connection.ops.quote_name(field.column)


def _insert_entries(*, user: Any, batch: ImportBatch, rows: list[ParsedRow]) -> int:
    """Insert parsed, validated rows as entries, bypassing model instances (the import's hot path); then
    record a payment, matched to its entry, for each row whose money was received. Returns the payments.

    PostgreSQL gets COPY; other databases a parameterised executemany. The values already passed the same
    rules as every other write (`rules.py`), and the database constraints still check them.
    """
    now = timezone.now()
    stamp = now if connection.vendor == "postgresql" else connection.ops.adapt_datetimefield_value(now)
    # Columns and values come from the same two places, so their order cannot drift apart: the entry's
    # fields (ENTRY_FIELDS, from the row), then its import key, then what is the same for the whole batch.
    same: dict[str, Any] = {
        "user": user.pk,
        "import_batch": batch.pk,
        "version": 1,
        "created_at": stamp,
        "updated_at": stamp,
    }
    names = [*ENTRY_FIELDS, "import_key", *same]
    table = Entry._meta.db_table
    columns = ", ".join(_entry_column(name) for name in names)
    tail = tuple(same.values())
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([*(row.values[name] for name in ENTRY_FIELDS), row.key, *tail])
    else:
        adapt = _adapters()
        params = [(*(to_db(row.values[name]) for name, to_db in adapt), row.key, *tail) for row in rows]
        placeholders = ", ".join(["%s"] * len(names))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", params)
    return _record_received(user=user, batch=batch, rows=[row for row in rows if row.received > 0])


def _adapters() -> list[tuple[str, Any]]:
    """How each entry field's value goes to the database driver (plain functions: the import's hot path)."""
    ops = connection.ops
    adapt: list[tuple[str, Any]] = []
    for name in ENTRY_FIELDS:
        field = Entry._meta.get_field(name)
        assert isinstance(field, models.Field)
        kind = field.get_internal_type()
        if kind == "DateField":
            adapt.append((name, ops.adapt_datefield_value))
        elif kind == "TimeField":
            adapt.append((name, ops.adapt_timefield_value))
        elif isinstance(field, models.DecimalField):
            digits, places = field.max_digits, field.decimal_places
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
