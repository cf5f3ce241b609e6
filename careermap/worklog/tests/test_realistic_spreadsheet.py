"""A new user's real path (issue 22): a driver for Uber and DoorDash who also labels data on Outlier
imports the spreadsheet they already keep, and the summary must say what the work paid.

Every expected figure below is computed by hand from the rows, in the comments beside it. Before the fix
this log showed 1.40 USD/h (the $40 paid before the import ÷ 28.5 hours, the imported earnings counted as
never received, the tips dropped) and 0.0% unpaid, with no warning.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from careermap.worklog.models import Entry, ImportBatch, Payment, PaymentMatch, Status
from careermap.worklog.selectors import worklog_summary
from careermap.worklog.services import entry_create, import_batch_undo, payment_create, payment_match

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)

# Hours as decimals, US dates, money in dollars; Outlier rows have no tips or miles; three Outlier rows
# earned nothing and say so only in the notes.
DRIVER_CSV = """Date,App,Hours,Earnings,Tips,Miles,Notes
10/02/2026,Uber,1.5,36.40,6.00,31.2,airport run
10/03/2026,DoorDash,1.5,19.50,11.25,18.4,dinner rush
10/04/2026,Uber,1,17.25,3.00,19.8,
10/05/2026,Outlier,1,0,,,Onboarding course (unpaid)
10/06/2026,DoorDash,0.75,10.25,5.00,9.1,
10/07/2026,Outlier,0.75,0,,,Qualification test (unpaid)
10/09/2026,Uber,0.75,12.10,,14.5,
10/11/2026,DoorDash,1,13.50,6.75,12.3,
10/12/2026,Outlier,1,20.00,,,Rubric grading
10/14/2026,Uber,1.25,29.60,5.50,26.0,
10/16/2026,DoorDash,0.5,4.75,3.00,5.6,
10/17/2026,Outlier,1.5,30.00,,,
10/18/2026,Uber,1,24.30,4.00,21.3,Saturday night
10/22/2026,Outlier,0.5,0,,,Task rejected by reviewer
10/23/2026,DoorDash,1.25,16.00,8.50,15.2,
10/25/2026,Uber,0.5,9.80,2.00,8.7,
10/27/2026,Outlier,1,20.00,,,
10/30/2026,DoorDash,0.75,9.85,4.25,8.8,
11/01/2026,Uber,1,25.40,3.50,22.1,
11/03/2026,Outlier,0.75,15.00,,,
11/05/2026,DoorDash,1,14.25,7.00,11.9,
11/07/2026,Uber,1.25,28.90,5.00,27.6,
11/10/2026,Outlier,0.5,10.00,,,
11/12/2026,DoorDash,0.5,5.00,2.75,6.0,
11/15/2026,Uber,0.75,13.25,2.50,15.4,
11/17/2026,Outlier,0.75,15.00,,,
11/19/2026,DoorDash,1,13.75,6.50,12.7,
11/21/2026,Uber,0.5,8.90,1.50,9.9,
11/24/2026,Outlier,0.5,10.00,,,
11/26/2026,DoorDash,0.5,4.50,3.25,5.5,
"""

# By hand, per platform (10 rows each):
#   Uber      hours 1.5+1+0.75+1.25+1+0.5+1+1.25+0.75+0.5 = 9.50
#             earnings 36.40+17.25+12.10+29.60+24.30+9.80+25.40+28.90+13.25+8.90 = 205.90
#             tips 6.00+3.00+5.50+4.00+2.00+3.50+5.00+2.50+1.50 = 33.00
#             miles 31.2+19.8+14.5+26.0+21.3+8.7+22.1+27.6+15.4+9.9 = 196.50
#   DoorDash  hours 1.5+0.75+1+0.5+1.25+0.75+1+0.5+1+0.5 = 8.75
#             earnings 19.50+10.25+13.50+4.75+16.00+9.85+14.25+5.00+13.75+4.50 = 111.35
#             tips 11.25+5.00+6.75+3.00+8.50+4.25+7.00+2.75+6.50+3.25 = 58.25
#             miles 18.4+9.1+12.3+5.6+15.2+8.8+11.9+6.0+12.7+5.5 = 105.50
#   Outlier   hours 1+0.75+1+1.5+0.5+1+0.75+0.5+0.75+0.5 = 8.25, of which unpaid 1+0.75+0.5 = 2.25
#             earnings 20+30+20+15+10+15+10 = 120.00 (7 paid rows)
# Before the import, logged by hand: Uber, 28 Sep, 2 h, 40.00 expected, a 40.00 payment matched to it.


def log_by_hand(user: object) -> None:
    entry = entry_create(
        user=user, platform="Uber", date=dt.date(2026, 9, 28), minutes=120, pay_expected=Decimal("40.00"), status="paid"
    )
    payment = payment_create(user=user, date=dt.date(2026, 9, 30), platform="Uber", amount=Decimal("40.00"))
    payment_match(user=user, payment_id=payment.pk, entry_ids=[entry.pk])


def selected(html: str, name: str) -> str:
    """The value of the selected option of a <select> on the page."""
    match = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.DOTALL)
    assert match, name
    chosen = re.search(r'<option value="([^"]*)" selected>', match.group(1))
    return chosen.group(1) if chosen else ""


def import_through_the_pages(client: Client, *, use_suggestions: bool = True) -> ImportBatch:
    """Upload, keep the mapping the page proposes, take the suggested statuses, confirm."""
    client.post("/worklog/import/", {"file": SimpleUploadedFile("my earnings.csv", DRIVER_CSV.encode())})
    batch = ImportBatch.objects.get(state="draft")
    mapping_page = client.get(f"/worklog/import/{batch.pk}/").content.decode()
    proposed = {
        "col_date": "0",
        "col_platform": "1",
        "col_hours": "2",
        "col_pay_expected": "3",
        "col_tips": "4",
        "col_miles": "5",
        "col_notes": "6",
    }
    for field, column in proposed.items():
        assert selected(mapping_page, field) == column, field
        assert batch.mapping["columns"][field.removeprefix("col_")] == int(column)
    assert batch.mapping | {"columns": {}} == {
        "columns": {},
        "date_format": "us",
        "default_platform": "",
        "default_currency": "USD",
        "default_status": "paid",
        "pay_kind": "received",  # a column named Earnings is money received, unless the worker says not
        "note_statuses": False,
    }
    assert 'name="pay_kind" value="received" required id="id_pay_kind_0" checked>' in mapping_page
    form = proposed | {"pay_kind": "received", "date_format": "us", "default_status": "paid", "default_currency": "USD"}
    assert client.post(f"/worklog/import/{batch.pk}/", form).status_code == 302
    if use_suggestions:
        client.post(f"/worklog/import/{batch.pk}/preview/", {"note_statuses": "1"})
    client.post(f"/worklog/import/{batch.pk}/confirm/")
    batch.refresh_from_db()
    return batch


def test_the_preview_shows_the_money_and_the_statuses_the_notes_suggest(alice_client: Client, alice) -> None:
    alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("my earnings.csv", DRIVER_CSV.encode())})
    batch = ImportBatch.objects.get(user=alice)
    html = alice_client.get(f"/worklog/import/{batch.pk}/preview/").content.decode()
    assert "<strong>30</strong> new entries will be added" in html
    assert '<dd data-testid="received">437.25 USD</dd>' in html  # 205.90 + 111.35 + 120.00
    assert '<dd data-testid="expected">0.00 USD</dd>' in html
    assert '<dd data-testid="tips">91.25 USD</dd>' in html  # 33.00 + 58.25
    assert "A payment is recorded for each of the 27 paid rows" in html  # 10 + 10 + 7 with money
    assert "None: every column goes into a field." in html
    assert "3 rows with no money and no status of their own have a note" in html
    assert "notes suggest: Unpaid: onboarding" in html and "notes suggest: Unpaid: assessment" in html
    assert "notes suggest: Rejected (unpaid)" in html
    assert html.count('class="status-badge status-badge--paid">Paid</span>') == 30  # until the worker says
    alice_client.post(f"/worklog/import/{batch.pk}/preview/", {"note_statuses": "1"})
    html = alice_client.get(f"/worklog/import/{batch.pk}/preview/").content.decode()
    assert html.count('class="status-badge status-badge--paid">Paid</span>') == 27
    assert 'status-badge--rejected">Rejected (unpaid)</span> <span class="muted">(from the notes)</span>' in html
    assert not Entry.objects.exists() and not Payment.objects.exists()


def test_the_summary_of_the_imported_spreadsheet_is_right(alice_client: Client, alice) -> None:
    log_by_hand(alice)
    batch = import_through_the_pages(alice_client)
    assert (batch.rows_created, batch.payments_created, batch.rows_error) == (30, 27, 0)

    summary = worklog_summary(user=alice, today=TODAY)
    overall = summary.overall
    # hours 2 (by hand) + 9.50 + 8.75 + 8.25 = 28.50
    assert overall.hours == Decimal("28.50")
    # received: 40.00 + 205.90 + 111.35 + 120.00 paid + 91.25 tips = 568.50
    assert (overall.received, overall.tips, summary.paid_in) == (
        Decimal("568.50"),
        Decimal("91.25"),
        Decimal("477.25"),
    )
    # 568.50 ÷ 28.50 = 19.947… → 19.95 (before the fix: 40.00 ÷ 28.50 = 1.40)
    assert overall.hourly == Decimal("19.95")
    # unpaid 2.25 ÷ 28.50 = 7.89…% → 7.9% (before: 0.0%, every row imported as Paid)
    assert (overall.unpaid_hours, overall.unpaid_share) == (Decimal("2.25"), Decimal("7.9"))
    # everything expected arrived, so "if every expected amount had arrived" is the same 19.95, not less
    assert overall.expected_hourly == Decimal("19.95")
    assert summary.missing == [] and summary.unmatched == Decimal("0.00") and summary.owed_total == Decimal("0.00")

    platforms = {p.label: p for p in summary.platforms}
    assert list(platforms) == ["Uber", "DoorDash", "Outlier"]  # by hours: 11.50, 8.75, 8.25
    # Uber: (40.00 + 205.90 + 33.00) ÷ (2 + 9.50) = 278.90 ÷ 11.50 = 24.252… → 24.25
    assert (platforms["Uber"].received, platforms["Uber"].tips, platforms["Uber"].hourly) == (
        Decimal("278.90"),
        Decimal("33.00"),
        Decimal("24.25"),
    )
    # DoorDash: (111.35 + 58.25) ÷ 8.75 = 169.60 ÷ 8.75 = 19.382… → 19.38
    assert (platforms["DoorDash"].received, platforms["DoorDash"].hourly) == (Decimal("169.60"), Decimal("19.38"))
    # Outlier: 120.00 ÷ 8.25 = 14.545… → 14.55; unpaid 2.25 ÷ 8.25 = 27.27…% → 27.3%
    assert (platforms["Outlier"].received, platforms["Outlier"].hourly, platforms["Outlier"].unpaid_share) == (
        Decimal("120.00"),
        Decimal("14.55"),
        Decimal("27.3"),
    )
    assert platforms["DoorDash"].unpaid_share == Decimal("0.0")

    months = {m.month: m for m in summary.months}
    # September: the hand-logged 2 h and 40.00 → 20.00
    assert (months[dt.date(2026, 9, 1)].received, months[dt.date(2026, 9, 1)].hourly) == (
        Decimal("40.00"),
        Decimal("20.00"),
    )
    # October: Uber 1.5+1+0.75+1.25+1+0.5 = 6.00 h, 129.45 + 20.50 tips; DoorDash 1.5+0.75+1+0.5+1.25+0.75 = 5.75 h,
    # 73.85 + 38.75 tips; Outlier 1+0.75+1+1.5+0.5+1 = 5.75 h, 70.00 → 17.50 h, 332.55 → 19.002… → 19.00
    october = months[dt.date(2026, 10, 1)]
    assert (october.hours, october.received, october.tips, october.hourly) == (
        Decimal("17.50"),
        Decimal("332.55"),
        Decimal("59.25"),
        Decimal("19.00"),
    )
    # November: the rest, 26.50 - 17.50 = 9.00 h and 528.50 - 332.55 = 195.95 → 21.772… → 21.77
    november = months[dt.date(2026, 11, 1)]
    assert (november.hours, november.received, november.hourly) == (
        Decimal("9.00"),
        Decimal("195.95"),
        Decimal("21.77"),
    )

    # Tips and miles are kept with the work; each paid row has one payment, labelled and matched in full.
    imported = Entry.objects.filter(user=alice, import_batch=batch)
    assert sum(e.miles or 0 for e in imported) == Decimal("302.00")  # 196.50 + 105.50
    assert imported.get(date=dt.date(2026, 10, 22)).status == Status.REJECTED
    assert imported.get(date=dt.date(2026, 10, 7)).status == Status.UNPAID_ASSESSMENT
    payment = Payment.objects.get(user=alice, import_batch=batch, date=dt.date(2026, 10, 2))
    assert (payment.platform, payment.amount, payment.reference) == (
        "Uber",
        Decimal("36.40"),
        "Imported from my earnings.csv, line 2",
    )
    assert PaymentMatch.objects.get(payment=payment).entry.date == dt.date(2026, 10, 2)

    html = alice_client.get("/worklog/summary/").content.decode()
    assert '<dd data-testid="hourly">19.95 USD/h</dd>' in html
    assert '<dd data-testid="unpaid-share">7.9%</dd>' in html
    assert "of which tips: 91.25 USD" in html
    assert 'data-testid="missing-payments"' not in html and 'data-testid="no-payments"' not in html


def test_undoing_the_import_takes_its_payments_too(alice_client: Client, alice) -> None:
    log_by_hand(alice)
    batch = import_through_the_pages(alice_client)
    assert import_batch_undo(user=alice, batch_id=batch.pk) == (30, 27)
    summary = worklog_summary(user=alice, today=TODAY)
    assert (summary.overall.hours, summary.overall.received, summary.overall.hourly) == (
        Decimal("2.00"),
        Decimal("40.00"),
        Decimal("20.00"),
    )
    assert Payment.objects.filter(user=alice).count() == 1 and PaymentMatch.objects.count() == 1


def test_imported_as_pay_expected_the_summary_says_the_money_is_missing(alice_client: Client, alice) -> None:
    """The worker may still say the column is pay expected; then the summary says which money is missing."""
    log_by_hand(alice)
    alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("my earnings.csv", DRIVER_CSV.encode())})
    batch = ImportBatch.objects.get(user=alice)
    mapping = dict(batch.mapping, pay_kind="expected")
    alice_client.post(
        f"/worklog/import/{batch.pk}/",
        {f"col_{t}": str(i) for t, i in mapping["columns"].items()}
        | {k: v for k, v in mapping.items() if k not in ("columns", "note_statuses")},
    )
    preview = alice_client.get(f"/worklog/import/{batch.pk}/preview/").content.decode()
    assert '<dd data-testid="received">0.00 USD</dd>' in preview
    assert '<dd data-testid="expected">437.25 USD</dd>' in preview
    assert "The pay column is read as <strong>pay expected</strong>" in preview
    alice_client.post(f"/worklog/import/{batch.pk}/confirm/")

    summary = worklog_summary(user=alice, today=TODAY)
    # (40.00 + 91.25 tips) ÷ 28.50 = 4.605… → 4.61: only the hand-logged payment and the tips arrived
    assert summary.overall.hourly == Decimal("4.61")
    missing = [(m.platform, m.entries, m.expected) for m in summary.missing]
    assert missing == [
        ("Uber", 10, Decimal("205.90")),
        ("Outlier", 7, Decimal("120.00")),
        ("DoorDash", 10, Decimal("111.35")),
    ]
    html = alice_client.get("/worklog/summary/").content.decode()
    assert (
        "10 paid entries on Uber (2 Oct 2026 – 21 Nov 2026, 205.90 USD expected) have no payment recorded: "
        "their money is not counted"
    ) in html
