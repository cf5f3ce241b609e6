from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from careermap.worklog.csvimport import guess_date_format, guess_mapping, parse_rows
from careermap.worklog.models import Entry, ImportBatch, Payment, PaymentMatch, Status
from careermap.worklog.selectors import import_preview
from careermap.worklog.services import (
    import_batch_create,
    import_batch_set_mapping,
    import_batch_undo,
    payment_match,
    worklog_csv_import,
)
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db

SPREADSHEET = """Day,Company,Project,Hours,Earnings,Payment status,Comments
11/03/2026,outlier,Rubrics,1.5,"$1,020.00",Paid,first
11/04/2026,Remotasks,Lidar,2:15,18.5,training,
11/31/2026,Outlier,Rubrics,1,10,paid,bad date
11/05/2026,Outlier,Rubrics,,10,paid,no hours
11/06/2026,,Rubrics,1,10,paid,no platform
11/07/2026,Outlier,Rubrics,1,ten,paid,bad pay
11/08/2026,Outlier,Rubrics,1,10,maybe,bad status
11/03/2026,outlier,Rubrics,1.5,"$1,020.00",Paid,first
"""


def upload(user, text: str = SPREADSHEET, name: str = "tracker.csv") -> ImportBatch:
    return import_batch_create(user=user, filename=name, data=text.encode())


def test_the_mapping_is_guessed_from_the_column_names() -> None:
    header = ["Day", "Company", "Project", "Hours", "Earnings", "Payment status", "Comments"]
    assert guess_mapping(header) == {
        "date": 0,
        "platform": 1,
        "task_type": 2,
        "start_time": None,
        "end_time": None,
        "minutes": None,
        "hours": 3,
        "units": None,
        "pay_expected": 4,
        "tips": None,
        "miles": None,
        "currency": None,
        "status": 5,
        "notes": 6,
    }
    assert guess_date_format(["11/03/2026", "13/04/2026"]) == "eu"
    assert guess_date_format(["11/03/2026", "11/28/2026"]) == "us"
    assert guess_date_format(["2026-11-03"]) == "iso"


def test_rows_with_errors_are_reported_by_line_and_reason(alice) -> None:
    batch = upload(alice)
    assert batch.mapping["date_format"] == "us"
    rows = list(parse_rows(batch.content, mapping=batch.mapping))
    errors = [(r.line, r.reason) for r in rows if not hasattr(r, "values")]
    assert errors == [
        (4, "Date: “11/31/2026” is not a date in the form MM/DD/YYYY (11/25/2026)"),
        (5, "Time worked: give the start and end times, or the minutes worked"),
        (6, "Platform: is required"),
        (7, "Pay or earnings: “ten” is not an amount"),
        (8, "Status: “maybe” is not a status (paid, pending, disputed, rejected, unpaid, …)"),
    ]
    first = next(r for r in rows if hasattr(r, "values"))
    assert first.values | {} == {
        "date": dt.date(2026, 11, 3),
        "platform": "Outlier",
        "task_type": "Rubrics",
        "start_time": None,
        "end_time": None,
        "minutes": 90,
        "units": None,
        "pay_expected": Decimal("1020.00"),
        "tips": Decimal("0.00"),
        "miles": None,
        "currency": "USD",
        "status": Status.PAID,
        "notes": "first",
    }


def test_nothing_is_written_until_the_worker_confirms(alice) -> None:
    batch = upload(alice)
    preview = import_preview(user=alice, batch=batch)
    assert (preview.valid, preview.new, preview.duplicates, preview.error_count) == (3, 3, 0, 5)
    assert not Entry.objects.exists()
    batch = worklog_csv_import(user=alice, batch_id=batch.pk)
    assert (batch.rows_created, batch.rows_duplicate, batch.rows_error, batch.state) == (3, 0, 5, "imported")
    assert batch.errors[0] == [4, "Date: “11/31/2026” is not a date in the form MM/DD/YYYY (11/25/2026)"]
    assert batch.content == ""
    # two identical rows in one file are two entries (the same task done twice)
    assert Entry.objects.filter(user=alice, notes="first").count() == 2
    assert Entry.objects.get(task_type="Lidar").minutes == 135


def test_importing_the_same_file_again_adds_nothing(alice) -> None:
    worklog_csv_import(user=alice, batch_id=upload(alice).pk)
    again = upload(alice)
    assert import_preview(user=alice, batch=again).new == 0
    again = worklog_csv_import(user=alice, batch_id=again.pk)
    assert (again.rows_created, again.rows_duplicate) == (0, 3)
    assert Entry.objects.count() == 3
    with pytest.raises(ValidationError):
        worklog_csv_import(user=alice, batch_id=again.pk)  # a double submit imports once


def test_a_file_with_one_more_row_adds_only_that_row(alice) -> None:
    worklog_csv_import(user=alice, batch_id=upload(alice).pk)
    longer = SPREADSHEET + "11/09/2026,Outlier,Rubrics,2,20,pending,new row\n"
    batch = worklog_csv_import(user=alice, batch_id=upload(alice, longer).pk)
    assert (batch.rows_created, batch.rows_duplicate) == (1, 3)


def test_an_import_can_be_undone_and_then_imported_again(alice) -> None:
    manual = EntryFactory(user=alice)
    batch = worklog_csv_import(user=alice, batch_id=upload(alice).pk)
    imported = Entry.objects.filter(import_batch=batch, platform="Outlier").first()
    payment = PaymentFactory(user=alice, amount=Decimal("5"))
    payment_match(user=alice, payment_id=payment.pk, entry_ids=[imported.pk])  # type: ignore[union-attr]
    assert import_batch_undo(user=alice, batch_id=batch.pk) == (3, 2)  # the two paid rows' payments too
    assert list(Entry.objects.all()) == [manual]
    assert not PaymentMatch.objects.exists()
    assert worklog_csv_import(user=alice, batch_id=upload(alice).pk).rows_created == 3


def test_an_import_never_touches_another_workers_log(alice, bob) -> None:
    worklog_csv_import(user=alice, batch_id=upload(alice).pk)
    batch = worklog_csv_import(user=bob, batch_id=upload(bob).pk)
    assert batch.rows_created == 3  # alice's keys do not count as bob's duplicates
    alices = upload(alice)
    with pytest.raises(ImportBatch.DoesNotExist):
        worklog_csv_import(user=bob, batch_id=alices.pk)
    with pytest.raises(ImportBatch.DoesNotExist):
        import_batch_set_mapping(user=bob, batch_id=alices.pk, mapping={})


def test_platform_spelling_follows_the_workers_log(alice) -> None:
    EntryFactory(user=alice, platform="Acme Tasks")
    batch = upload(alice, "date,platform,minutes\n2026-11-01,acme  tasks,30\n")
    worklog_csv_import(user=alice, batch_id=batch.pk)
    assert set(Entry.objects.values_list("platform", flat=True)) == {"Acme Tasks"}


def test_the_upload_mapping_preview_confirm_and_undo_pages(alice_client: Client, alice) -> None:
    response = alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("t.csv", SPREADSHEET.encode())})
    batch = ImportBatch.objects.get(user=alice)
    assert response["Location"] == f"/worklog/import/{batch.pk}/"
    mapping_page = alice_client.get(response["Location"]).content.decode()
    assert '<option value="3" selected>Hours</option>' in mapping_page
    form = {
        "col_date": "0",
        "col_platform": "1",
        "col_task_type": "2",
        "col_hours": "3",
        "col_pay_expected": "4",
        "pay_kind": "received",
        "col_status": "5",
        "col_notes": "6",
        "date_format": "us",
        "default_status": "paid",
        "default_currency": "eur",
    }
    assert alice_client.post(f"/worklog/import/{batch.pk}/", form)["Location"] == f"/worklog/import/{batch.pk}/preview/"
    preview = alice_client.get(f"/worklog/import/{batch.pk}/preview/").content.decode()
    assert "nothing is imported yet" in preview
    assert "<strong>3</strong> new entries will be added" in preview
    assert "<strong>5</strong> rows with errors, skipped" in preview
    assert not Entry.objects.exists()
    alice_client.post(f"/worklog/import/{batch.pk}/confirm/")
    assert Entry.objects.filter(user=alice, currency="EUR").count() == 3
    assert Payment.objects.filter(user=alice, import_batch=batch).count() == 2  # the two paid rows
    assert "Undo this import" in alice_client.get(f"/worklog/import/{batch.pk}/").content.decode()
    alice_client.post(f"/worklog/import/{batch.pk}/undo/")
    assert not Entry.objects.exists() and not Payment.objects.exists()


def test_the_mapping_must_name_a_date_and_hours(alice_client: Client, alice) -> None:
    batch = upload(alice)
    response = alice_client.post(
        f"/worklog/import/{batch.pk}/", {"date_format": "iso", "default_status": "paid", "default_currency": "USD"}
    )
    html = response.content.decode()
    assert "Choose the column that holds the date." in html and "Choose a column with the hours or minutes" in html


def test_an_empty_file_is_refused(alice_client: Client) -> None:
    response = alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("e.csv", b"")})
    assert response.status_code == 422
    assert not ImportBatch.objects.exists()
