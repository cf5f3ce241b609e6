"""Issue 22, item 1: imported money counts as received.

A money column can be money received (a payment per paid row, matched to it, labelled with the import
and removed by its undo) or pay expected; payouts import from their own CSV, all or nothing; and the
summary says when paid entries have no payment behind them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from careermap.worklog.exports import payment_csv
from careermap.worklog.models import Entry, ImportBatch, Payment, PaymentMatch, Status
from careermap.worklog.selectors import import_preview, worklog_summary
from careermap.worklog.services import (
    import_batch_create,
    import_batch_set_mapping,
    import_batch_undo,
    worklog_csv_import,
)
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)
SHIFTS = """Date,App,Hours,Earnings,Status
2026-11-02,Uber,2,50.00,
2026-11-03,Uber,1,20.00,pending
2026-11-04,Uber,1,0,
"""
PAYOUTS = """Payout date,Platform,Amount,Currency,Payout ID
2026-11-09,Outlier,120.00,USD,PO-1
2026-11-16,Outlier,"1,020.50",USD,PO-2
2026-11-16,Outlier,1020.50,USD,PO-2
"""


def entries_import(user: object, text: str = SHIFTS) -> ImportBatch:
    return import_batch_create(user=user, filename="shifts.csv", data=text.encode())


def payouts_import(user: object, text: str = PAYOUTS) -> ImportBatch:
    return import_batch_create(user=user, filename="payouts.csv", data=text.encode(), kind="payments")


def test_a_column_named_earnings_is_money_received_and_each_paid_row_gets_its_payment(alice) -> None:
    batch = entries_import(alice)
    assert batch.mapping["pay_kind"] == "received" and batch.mapping["default_status"] == Status.PAID
    batch = worklog_csv_import(user=alice, batch_id=batch.pk)
    # 2 Nov is paid: a 50.00 payment matched to it; 3 Nov is pending: 20.00 still expected; 4 Nov: no money
    assert batch.payments_created == 1
    payment = Payment.objects.get(user=alice)
    assert (payment.date, payment.platform, payment.amount, payment.import_batch_id) == (
        dt.date(2026, 11, 2),
        "Uber",
        Decimal("50.00"),
        batch.pk,
    )
    assert payment.reference == "Imported from shifts.csv, line 2"
    match = PaymentMatch.objects.get()
    assert (match.entry.date, match.amount) == (dt.date(2026, 11, 2), Decimal("50.00"))
    summary = worklog_summary(user=alice, today=TODAY)
    assert (summary.overall.received, summary.overall.hourly) == (Decimal("50.00"), Decimal("12.50"))  # 50 ÷ 4 h
    assert [(o.platform, o.outstanding) for o in summary.owed] == [("Uber", Decimal("20.00"))]


def test_the_worker_can_say_the_money_is_only_expected(alice) -> None:
    batch = entries_import(alice)
    batch = import_batch_set_mapping(user=alice, batch_id=batch.pk, mapping=dict(batch.mapping, pay_kind="expected"))
    assert import_preview(user=alice, batch=batch).payments == 0
    worklog_csv_import(user=alice, batch_id=batch.pk)
    assert not Payment.objects.exists()
    assert Entry.objects.get(date=dt.date(2026, 11, 2)).pay_expected == Decimal("50.00")


def test_a_column_named_pay_expected_stays_expected(alice) -> None:
    batch = entries_import(alice, "date,platform,minutes,pay expected\n2026-11-02,Uber,60,10\n")
    assert batch.mapping["pay_kind"] == "expected"


def test_undo_removes_the_payments_the_import_recorded_and_nothing_else(alice) -> None:
    own = PaymentFactory(user=alice, platform="Uber")
    batch = worklog_csv_import(user=alice, batch_id=entries_import(alice).pk)
    assert import_batch_undo(user=alice, batch_id=batch.pk) == (3, 1)
    assert list(Payment.objects.all()) == [own] and not Entry.objects.exists()


def test_the_summary_names_paid_entries_that_no_payment_covers(alice_client: Client, alice) -> None:
    """Some payments exist, so the old "no payments at all" notice stays quiet; the money of the paid
    DoorDash entries is still missing, and the summary says so."""
    uber = EntryFactory(user=alice, platform="Uber", status=Status.PENDING, pay_expected=Decimal("30.00"))
    payment = PaymentFactory(user=alice, platform="Uber", amount=Decimal("30.00"))
    alice_client.post(f"/worklog/payments/{payment.pk}/match/", {"entries": [uber.pk], "mark_paid": "on"})
    for day in (3, 10):
        EntryFactory(
            user=alice, platform="DoorDash", date=dt.date(2026, 11, day), status=Status.PAID, pay_expected=Decimal("25")
        )
    EntryFactory(user=alice, platform="Prolific", status=Status.PAID, pay_expected=Decimal("8.00"))
    PaymentFactory(user=alice, platform="Prolific", amount=Decimal("8.00"))  # not matched, but it covers it
    summary = worklog_summary(user=alice, today=TODAY)
    assert [(m.platform, m.entries, m.expected, m.first, m.last) for m in summary.missing] == [
        ("DoorDash", 2, Decimal("50.00"), dt.date(2026, 11, 3), dt.date(2026, 11, 10))
    ]
    html = alice_client.get("/worklog/summary/").content.decode()
    assert 'data-testid="no-payments"' not in html
    assert (
        "2 paid entries on DoorDash (3 Nov 2026 – 10 Nov 2026, 50.00 USD expected) have no payment recorded: "
        "their money is not counted."
    ) in html


# ---------------------------------------------------------------------------------------------------------
# Payments from a payout file


def test_payouts_import_from_csv_with_their_columns_guessed(alice) -> None:
    batch = payouts_import(alice)
    assert batch.mapping == {
        "columns": {"date": 0, "platform": 1, "amount": 2, "currency": 3, "reference": 4},
        "date_format": "iso",
        "default_platform": "",
        "default_currency": "USD",
    }
    preview = import_preview(user=alice, batch=batch)
    assert (preview.new, preview.received, preview.error_count, preview.can_import) == (
        3,
        Decimal("2161.00"),
        0,
        True,
    )
    batch = worklog_csv_import(user=alice, batch_id=batch.pk)
    assert (batch.rows_created, batch.payments_created) == (3, 3)
    assert sorted(Payment.objects.values_list("reference", "amount")) == [
        ("PO-1", Decimal("120.00")),
        ("PO-2", Decimal("1020.50")),
        ("PO-2", Decimal("1020.50")),  # two identical rows are two payouts
    ]
    again = worklog_csv_import(user=alice, batch_id=payouts_import(alice).pk)
    assert (again.rows_created, again.rows_duplicate) == (0, 3)  # the same file twice adds nothing
    assert import_batch_undo(user=alice, batch_id=batch.pk) == (0, 3)
    assert not Payment.objects.exists()


def test_a_payout_file_with_a_bad_row_writes_nothing_and_names_line_and_field(alice) -> None:
    text = PAYOUTS + "2026-11-31,Outlier,5.00,USD,PO-3\n2026-11-20,Outlier,-3.00,USD,fee\n2026-11-21,,4.00,USD,\n"
    batch = payouts_import(alice, text)
    preview = import_preview(user=alice, batch=batch)
    assert [(e.line, e.reason) for e in preview.errors] == [
        (5, "Date paid: “2026-11-31” is not a date in the form YYYY-MM-DD (2026-11-25)"),
        (6, "Amount: cannot be negative"),
        (7, "Platform: is required"),
    ]
    assert not preview.can_import
    with pytest.raises(ValidationError) as caught:
        worklog_csv_import(user=alice, batch_id=batch.pk)
    assert caught.value.messages[:2] == [
        "Nothing was imported: fix these rows and upload the file again.",
        "Line 5: Date paid: “2026-11-31” is not a date in the form YYYY-MM-DD (2026-11-25)",
    ]
    assert not Payment.objects.exists()
    batch.refresh_from_db()
    assert batch.state == "draft"


def test_our_payments_export_imports_back_as_the_same_payments(alice, bob) -> None:
    PaymentFactory(user=alice, reference="=not a formula", amount=Decimal("12.50"))
    PaymentFactory(user=alice, platform="Uber", reference="", currency="EUR", date=dt.date(2026, 10, 1))
    exported = "".join(payment_csv(user=alice)).encode()
    batch = import_batch_create(user=bob, filename="payments.csv", data=exported, kind="payments")
    worklog_csv_import(user=bob, batch_id=batch.pk)
    fields = ("date", "platform", "amount", "currency", "reference")
    assert sorted(Payment.objects.filter(user=bob).values_list(*fields)) == sorted(
        Payment.objects.filter(user=alice).values_list(*fields)
    )


def test_the_payout_pages_upload_map_preview_and_confirm(alice_client: Client, alice) -> None:
    page = alice_client.get("/worklog/data/").content.decode()
    assert "Import payments from a payout CSV" in page and 'name="kind" value="payments"' in page
    response = alice_client.post(
        "/worklog/import/", {"kind": "payments", "file": SimpleUploadedFile("payouts.csv", PAYOUTS.encode())}
    )
    batch = ImportBatch.objects.get(user=alice)
    assert batch.kind == "payments" and response["Location"] == f"/worklog/import/{batch.pk}/"
    mapping = alice_client.get(response["Location"]).content.decode()
    assert "(payouts)" in mapping and 'name="col_amount"' in mapping and 'name="col_hours"' not in mapping
    form = {"col_date": "0", "col_platform": "1", "col_amount": "2", "col_reference": "4"}
    form |= {"date_format": "iso", "default_currency": "USD"}
    assert alice_client.post(f"/worklog/import/{batch.pk}/", form).status_code == 302
    preview = alice_client.get(f"/worklog/import/{batch.pk}/preview/").content.decode()
    assert "<strong>3</strong> new payments will be added, 2,161.00 USD in all" in preview
    assert "<li>Currency</li>" in preview  # the column no field takes is listed
    assert alice_client.post(f"/worklog/import/{batch.pk}/preview/", {"note_statuses": "1"}).status_code == 302
    alice_client.post(f"/worklog/import/{batch.pk}/confirm/")
    assert Payment.objects.filter(user=alice, import_batch=batch).count() == 3
    listed = alice_client.get("/worklog/payments/").content.decode()
    assert "(imported: undo removes it)" in listed


def test_bob_gets_404_for_alices_payout_import_everywhere(bob_client: Client, alice) -> None:
    batch = payouts_import(alice)
    for url in ["", "preview/", "confirm/", "undo/", "discard/"]:
        assert bob_client.get(f"/worklog/import/{batch.pk}/{url}").status_code in {404, 405}
        assert bob_client.post(f"/worklog/import/{batch.pk}/{url}", {"note_statuses": "1"}).status_code == 404
    batch.refresh_from_db()
    assert batch.state == "draft" and not Payment.objects.exists()
