"""Issue 22, item 3: each imported row gets the status it really had.

A status column is read in the words people use; rows without one take the import's default; a note
such as "(unpaid)" or "rejected" on a row with no money only *suggests* a status, shown in the preview and
used when the worker says so.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from careermap.worklog.csvimport import ParsedRow, parse_rows, suggest_status
from careermap.worklog.models import Entry, ImportBatch, Status
from careermap.worklog.selectors import import_preview, worklog_summary
from careermap.worklog.services import (
    import_batch_create,
    import_batch_set_mapping,
    import_batch_use_note_statuses,
    worklog_csv_import,
)

pytestmark = pytest.mark.django_db


def statuses(text: str, **mapping: object) -> list[str]:
    header = text.splitlines()[0].split(",")
    columns = {name: index for index, name in enumerate(header)}
    rows = list(parse_rows(text, mapping={"columns": columns, "date_format": "iso", **mapping}))
    return [row.values["status"] if isinstance(row, ParsedRow) else row.reason for row in rows]


@pytest.mark.parametrize(
    ("written", "pay", "status"),
    [
        ("Paid", "10", Status.PAID),
        ("paid out", "10", Status.PAID),
        ("Deposited", "10", Status.PAID),
        ("PENDING", "10", Status.PENDING),
        ("In review", "10", Status.PENDING),
        ("awaiting payment", "10", Status.PENDING),
        ("Disputed", "10", Status.DISPUTED),
        ("in dispute", "10", Status.DISPUTED),
        ("Rejected", "0", Status.REJECTED),
        ("declined", "0", Status.REJECTED),
        ("Rejected (unpaid)", "0", Status.REJECTED),
        ("rejected", "0", Status.REJECTED),
        ("unpaid_training", "0", Status.UNPAID_TRAINING),
        ("Unpaid: assessment", "0", Status.UNPAID_ASSESSMENT),
        ("qualification", "0", Status.UNPAID_ASSESSMENT),
        ("onboarding", "0", Status.UNPAID_ONBOARDING),
        ("(unpaid)", "0", Status.UNPAID_TRAINING),
        ("Unpaid", "0", Status.UNPAID_TRAINING),
        ("Unpaid", "25.00", Status.PENDING),  # money not yet paid: owed, not work that earned nothing
        ("not paid", "25.00", Status.PENDING),
    ],
)
def test_a_status_column_is_read_in_the_words_people_use(written: str, pay: str, status: str) -> None:
    text = f"date,platform,minutes,pay_expected,status\n2026-11-02,Outlier,30,{pay},{written}\n"
    assert statuses(text) == [status]


def test_an_unknown_status_is_a_row_error_naming_the_field() -> None:
    text = "date,platform,minutes,status\n2026-11-02,Outlier,30,maybe\n"
    assert statuses(text) == ["Status: “maybe” is not a status (paid, pending, disputed, rejected, unpaid, …)"]


def test_rows_without_a_status_take_the_imports_default() -> None:
    text = "date,platform,minutes,status\n2026-11-02,Outlier,30,\n2026-11-03,Outlier,30,paid\n"
    assert statuses(text, default_status=Status.PENDING) == [Status.PENDING, Status.PAID]


@pytest.mark.parametrize(
    ("notes", "suggested"),
    [
        ("(unpaid)", Status.UNPAID_TRAINING),
        ("Onboarding course (unpaid)", Status.UNPAID_ONBOARDING),
        ("qualification test - unpaid", Status.UNPAID_ASSESSMENT),
        ("Task rejected by reviewer", Status.REJECTED),
        ("REJECTED", Status.REJECTED),
        ("paid late", None),
        ("great tips tonight", None),
    ],
)
def test_notes_suggest_a_status_for_work_that_earned_nothing(notes: str, suggested: str | None) -> None:
    assert suggest_status(notes) == suggested


SHEET = """Date,App,Hours,Earnings,Notes
2026-11-02,Outlier,1,0,Onboarding (unpaid)
2026-11-03,Outlier,0.5,0,rejected
2026-11-04,Outlier,1,20.00,rejected once then approved
2026-11-05,Outlier,1.5,30.00,
"""


def test_a_note_only_suggests_until_the_worker_takes_the_suggestion(alice) -> None:
    batch = import_batch_create(user=alice, filename="s.csv", data=SHEET.encode())
    preview = import_preview(user=alice, batch=batch)
    # the row with money is not touched by its note; the two with none are only suggestions so far
    assert [(row.line, row.values["status"], row.suggested) for row in preview.sample] == [
        (2, Status.PAID, Status.UNPAID_ONBOARDING),
        (3, Status.PAID, Status.REJECTED),
        (4, Status.PAID, None),
        (5, Status.PAID, None),
    ]
    assert preview.suggestion_count == 2 and not preview.note_statuses
    batch = import_batch_use_note_statuses(user=alice, batch_id=batch.pk, use=True)
    preview = import_preview(user=alice, batch=batch)
    assert [row.values["status"] for row in preview.sample] == [
        Status.UNPAID_ONBOARDING,
        Status.REJECTED,
        Status.PAID,
        Status.PAID,
    ]
    worklog_csv_import(user=alice, batch_id=batch.pk)
    summary = worklog_summary(user=alice)
    assert summary.overall.unpaid_share == Decimal("37.5")  # 1.5 of 4 hours


def test_the_default_status_can_be_chosen_per_import(alice) -> None:
    batch = import_batch_create(user=alice, filename="s.csv", data=SHEET.encode())
    batch = import_batch_set_mapping(
        user=alice, batch_id=batch.pk, mapping=dict(batch.mapping, default_status=Status.PENDING)
    )
    worklog_csv_import(user=alice, batch_id=batch.pk)
    assert set(Entry.objects.filter(user=alice).values_list("status", flat=True)) == {Status.PENDING}
    assert not alice.worklog_payments.exists()  # pending rows keep their money expected


def test_the_preview_shows_each_rows_status_and_money(alice_client: Client, alice) -> None:
    text = "Date,App,Hours,Earnings,Tips,Status\n2026-11-02,Uber,1,20.00,3.00,paid\n2026-11-03,Uber,1,15.00,,pending\n"
    alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("s.csv", text.encode())})
    batch = ImportBatch.objects.get(user=alice)
    html = alice_client.get(f"/worklog/import/{batch.pk}/preview/").content.decode()
    first = html[html.index('data-testid="row-2"') : html.index('data-testid="row-3"')]
    second = html[html.index('data-testid="row-3"') :]
    assert 'status-badge--paid">Paid</span>' in first and 'status-badge--pending">Pending</span>' in second
    assert '<td data-label="Received" class="num">20.00</td>' in first
    assert '<td data-label="Expected" class="num">0.00</td>' in first
    assert '<td data-label="Tips" class="num">3.00</td>' in first
    assert '<td data-label="Received" class="num">0.00</td>' in second
    assert '<td data-label="Expected" class="num">15.00</td>' in second


def test_taking_the_suggestions_from_the_preview_page(alice_client: Client, bob_client: Client, alice) -> None:
    alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("s.csv", SHEET.encode())})
    batch = ImportBatch.objects.get(user=alice)
    html = alice_client.get(f"/worklog/import/{batch.pk}/preview/").content.decode()
    assert "Use the 2 suggested statuses" in html
    assert bob_client.post(f"/worklog/import/{batch.pk}/preview/", {"note_statuses": "1"}).status_code == 404
    batch.refresh_from_db()
    assert batch.mapping["note_statuses"] is False
    response = alice_client.post(f"/worklog/import/{batch.pk}/preview/", {"note_statuses": "1"})
    assert response["Location"] == f"/worklog/import/{batch.pk}/preview/"
    html = alice_client.get(response["Location"]).content.decode()
    assert "They will get the suggested status." in html and "Don’t use the suggestions" in html
