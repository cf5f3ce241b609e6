"""Issue 22, item 2: tips and miles are kept, not silently dropped.

Tips are money received (counted in the rate, shown apart); miles are optional. Both go through the form,
the API, the CSV import, the exports and the restore; the database refuses negatives. The mapping page
lists every column the import will leave out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.test import Client

from careermap.accounts.services import api_token_create
from careermap.worklog.exports import entry_csv, export_dict
from careermap.worklog.models import Entry, ImportBatch, Status
from careermap.worklog.selectors import worklog_summary
from careermap.worklog.services import import_batch_create, worklog_csv_import, worklog_json_restore
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db


def test_the_entry_form_keeps_tips_and_miles(alice_client: Client, alice) -> None:
    form = {
        "platform": "DoorDash",
        "date": "2026-11-20",
        "duration": "2h",
        "pay_expected": "24.00",
        "tips": "9.50",
        "miles": "18.4",
        "currency": "USD",
        "status": "paid",
    }
    assert alice_client.post("/worklog/entries/add/", form).status_code == 302
    entry = Entry.objects.get(user=alice)
    assert (entry.tips, entry.miles) == (Decimal("9.50"), Decimal("18.40"))
    edit = alice_client.get(f"/worklog/entries/{entry.pk}/").content.decode()
    assert 'name="tips" value="9.50"' in edit and 'name="miles" value="18.40"' in edit
    refused = alice_client.post("/worklog/entries/add/", form | {"tips": "-1"})
    assert refused.status_code == 200 and "Ensure this value is greater than or equal to 0." in refused.content.decode()
    assert Entry.objects.count() == 1


def test_the_database_refuses_negative_tips_and_miles(alice) -> None:
    entry = EntryFactory(user=alice)
    for field in ("tips", "miles"):
        with pytest.raises(IntegrityError), transaction.atomic():
            Entry.objects.filter(pk=entry.pk).update(**{field: Decimal("-1")})


def test_the_api_takes_and_returns_tips_and_miles(alice) -> None:
    _, raw = api_token_create(user=alice, name="t")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = {"platform": "Uber", "date": "2026-11-20", "minutes": 60, "status": "paid", "tips": "4.25", "miles": "12.5"}
    created = api.post("/api/v1/worklog/entries", body, content_type="application/json")
    assert created.status_code == 201
    assert (created.json()["tips"], created.json()["miles"]) == ("4.25", "12.50")
    entry_id = created.json()["id"]
    patched = api.patch(f"/api/v1/worklog/entries/{entry_id}", {"miles": None}, content_type="application/json")
    assert patched.json()["miles"] is None and patched.json()["tips"] == "4.25"
    bad = api.post("/api/v1/worklog/entries", body | {"tips": "-1"}, content_type="application/json")
    assert bad.status_code == 422 and "payload.tips" in {e["field"] for e in bad.json()["detail"]}


def test_tips_count_as_money_received_and_are_shown_apart(alice_client: Client, alice) -> None:
    EntryFactory(user=alice, platform="DoorDash", minutes=120, status=Status.PAID, pay_expected=Decimal("20"))
    EntryFactory(user=alice, platform="DoorDash", minutes=60, status=Status.PENDING, pay_expected=Decimal("10"))
    Entry.objects.filter(user=alice).update(tips=Decimal("7.50"))
    PaymentFactory(user=alice, platform="DoorDash", amount=Decimal("20.00"))
    summary = worklog_summary(user=alice, today=dt.date(2026, 12, 1))
    # (20.00 paid + 2 × 7.50 tips) ÷ 3 h = 35.00 ÷ 3 = 11.666… → 11.67
    assert (summary.overall.received, summary.overall.tips, summary.overall.hourly) == (
        Decimal("35.00"),
        Decimal("15.00"),
        Decimal("11.67"),
    )
    assert summary.platforms[0].tips == Decimal("15.00") and summary.paid_in == Decimal("20.00")
    # had everything arrived: (30.00 expected + 15.00 tips) ÷ 3 = 15.00, never below what did arrive
    assert summary.overall.expected_hourly == Decimal("15.00")
    html = alice_client.get("/worklog/summary/").content.decode()
    assert "of which tips: 15.00 USD" in html and '<th scope="col" class="num">Of which tips</th>' in html
    api = alice_client.get("/api/v1/worklog/summary").json()
    assert (api["overall"]["received"], api["overall"]["tips"], api["paid_in"]) == ("35.00", "15.00", "20.00")


SHEET = "Date,App,Minutes,Earnings,Tips,Miles,Vehicle,Notes\n2026-11-02,Uber,60,18.00,$4.50,21.3 mi,Prius,\n"


def test_an_import_maps_tips_and_miles_and_lists_the_columns_it_leaves_out(alice_client: Client, alice) -> None:
    alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("s.csv", SHEET.encode())})
    batch = ImportBatch.objects.get(user=alice)
    assert (batch.mapping["columns"]["tips"], batch.mapping["columns"]["miles"]) == (4, 5)
    mapping_page = alice_client.get(f"/worklog/import/{batch.pk}/").content.decode()
    assert "No field below takes 1 of the file’s columns" in mapping_page and "<li>Vehicle</li>" in mapping_page
    preview = alice_client.get(f"/worklog/import/{batch.pk}/preview/").content.decode()
    assert "<li>Vehicle</li>" in preview and '<dd data-testid="tips">4.50 USD</dd>' in preview
    worklog_csv_import(user=alice, batch_id=batch.pk)
    entry = Entry.objects.get(user=alice)
    assert (entry.tips, entry.miles) == (Decimal("4.50"), Decimal("21.30"))


def test_bad_tips_or_miles_are_row_errors_naming_the_field(alice) -> None:
    text = "date,platform,minutes,tips,miles\n2026-11-02,Uber,60,-2,\n2026-11-03,Uber,60,1,12.345\n"
    batch = worklog_csv_import(
        user=alice, batch_id=import_batch_create(user=alice, filename="x.csv", data=text.encode()).pk
    )
    assert batch.errors == [[2, "Tips: cannot be negative"], [3, "Miles: has more than two decimal places"]]


def test_exports_carry_tips_and_miles_and_import_back(alice, bob) -> None:
    EntryFactory(user=alice, tips=Decimal("3.00"), miles=Decimal("10.50"))
    EntryFactory(user=alice, platform="Prolific")
    text = "".join(entry_csv(user=alice))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["tips"], r["miles"]) for r in rows] == [("3.00", "10.50"), ("0.00", "")]
    worklog_csv_import(user=bob, batch_id=import_batch_create(user=bob, filename="e.csv", data=text.encode()).pk)
    assert sorted(Entry.objects.filter(user=bob).values_list("tips", "miles"), key=str) == sorted(
        [(Decimal("3.00"), Decimal("10.50")), (Decimal("0.00"), None)], key=str
    )
    document = json.loads(json.dumps(export_dict(user=alice)))
    assert document["version"] == 3  # version 2 added tips and miles; 3, expenses
    assert [(e["tips"], e["miles"]) for e in document["entries"]] == [("3.00", "10.50"), ("0.00", None)]


def old_export(user: Any) -> dict[str, Any]:
    """A version-1 JSON export, from before tips and miles."""
    document = export_dict(user=user)
    for entry in document["entries"]:
        del entry["tips"], entry["miles"]
    return document | {"version": 1}


def test_an_old_json_export_without_tips_or_miles_still_restores(alice, bob) -> None:
    EntryFactory(user=alice, notes="from 2025")
    worklog_json_restore(user=bob, document=json.loads(json.dumps(old_export(alice))))
    entry = Entry.objects.get(user=bob)
    assert (entry.notes, entry.tips, entry.miles) == ("from 2025", Decimal("0.00"), None)


def test_an_old_csv_export_without_tips_or_miles_still_imports(bob) -> None:
    old = (
        "date,platform,task_type,start_time,end_time,minutes,units,pay_expected,currency,status,notes,received\n"
        "2026-11-02,Outlier,,,,60,,20.00,USD,paid,'=not a formula,20.00\n"
    )
    batch = import_batch_create(user=bob, filename="old.csv", data=old.encode())
    assert batch.mapping["pay_kind"] == "expected"  # our own export's pay column is what was expected
    worklog_csv_import(user=bob, batch_id=batch.pk)
    entry = Entry.objects.get(user=bob)
    assert (entry.notes, entry.tips, entry.miles, entry.minutes) == ("=not a formula", Decimal("0.00"), None, 60)
