"""Issue 20, item 1: the dates the work log takes (2000-01-01 to a year from today), refused with the same
message on every path (form, API, CSV import, JSON restore), and a summary that draws whatever dates are
already stored — a row dated 31 December 9999 made its month range overflow (a 500)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from careermap.accounts.services import api_token_create
from careermap.worklog import rules
from careermap.worklog.charts import month_range, summary_charts
from careermap.worklog.exports import export_dict
from careermap.worklog.models import Entry, Payment, Status
from careermap.worklog.services import entry_create, import_batch_create, worklog_csv_import, worklog_json_restore
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db

TOO_LATE = dt.date(9999, 12, 31)  # a spreadsheet's "no date"
TOO_EARLY = dt.date(1999, 12, 31)


def test_the_range_is_2000_to_a_year_from_today() -> None:
    today = dt.date(2026, 12, 6)
    assert rules.check_date(dt.date(2000, 1, 1), today=today) == dt.date(2000, 1, 1)
    assert rules.check_date(dt.date(2027, 12, 6), today=today) == dt.date(2027, 12, 6)
    for bad in (TOO_EARLY, dt.date(2027, 12, 7), TOO_LATE):
        with pytest.raises(rules.RuleError, match="outside the dates the work log takes: 2000-01-01 to 2027-12-06"):
            rules.check_date(bad, today=today)
    assert rules.latest_date(dt.date(2028, 2, 29)) == dt.date(2029, 2, 28)


@pytest.mark.parametrize("date", [TOO_LATE, TOO_EARLY])
def test_the_entry_and_payment_forms_refuse_a_date_outside_the_range(alice_client: Client, date: dt.date) -> None:
    entry = {"platform": "Uber", "date": date.isoformat(), "duration": "1h", "pay_expected": "10", "currency": "USD"}
    response = alice_client.post("/worklog/entries/add/", {**entry, "status": Status.PENDING})
    assert response.status_code == 200 and "outside the dates the work log takes" in response.content.decode()
    payment = {"platform": "Uber", "date": date.isoformat(), "amount": "10", "currency": "USD"}
    response = alice_client.post("/worklog/payments/add/", payment)
    assert response.status_code == 200 and "outside the dates the work log takes" in response.content.decode()
    assert not Entry.objects.exists() and not Payment.objects.exists()


def test_the_forms_date_pickers_offer_the_range(alice_client: Client) -> None:
    html = alice_client.get("/worklog/entries/add/").content.decode()
    assert f'min="2000-01-01" max="{rules.latest_date().isoformat()}"' in html


def test_the_api_refuses_a_date_outside_the_range_naming_the_field(alice) -> None:
    _, raw = api_token_create(user=alice, name="tests")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = {"platform": "Uber", "date": "9999-12-31", "minutes": 60, "status": "pending"}
    response = api.post("/api/v1/worklog/entries", body, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "payload.date"
    assert "outside the dates the work log takes" in response.json()["detail"][0]["message"]
    payment = {"platform": "Uber", "date": "1999-01-01", "amount": "5.00"}
    assert api.post("/api/v1/worklog/payments", payment, content_type="application/json").status_code == 422
    entry = EntryFactory(user=alice)
    patch = api.patch(f"/api/v1/worklog/entries/{entry.pk}", {"date": "9999-12-31"}, content_type="application/json")
    assert patch.status_code == 422
    assert not Payment.objects.exists() and Entry.objects.get().date == entry.date


def test_a_csv_row_dated_9999_is_a_row_error_naming_its_line(alice) -> None:
    text = "date,platform,hours,pay\n2026-11-02,Uber,1,10\n9999-12-31,Uber,1,10\n1999-12-31,Uber,1,10\n"
    batch = worklog_csv_import(
        user=alice, batch_id=import_batch_create(user=alice, filename="t.csv", data=text.encode()).pk
    )
    assert batch.rows_created == 1
    assert [line for line, _ in batch.errors] == [3, 4]
    assert all("Date: " in reason and "outside the dates the work log takes" in reason for _, reason in batch.errors)
    payouts = "date,platform,amount\n9999-12-31,Uber,10\n"
    payout_batch = import_batch_create(user=alice, filename="p.csv", data=payouts.encode(), kind="payments")
    with pytest.raises(ValidationError, match="Line 2: Date paid: 9999-12-31 is outside"):
        worklog_csv_import(user=alice, batch_id=payout_batch.pk)


def test_a_restore_with_a_date_outside_the_range_says_where(alice, bob) -> None:
    entry_create(user=alice, platform="Uber", date=dt.date(2026, 11, 2), status=Status.PAID, minutes=60)
    PaymentFactory(user=alice, date=dt.date(2026, 11, 3), platform="Uber")
    document = json.loads(json.dumps(export_dict(user=alice)))
    document["entries"][0]["date"] = "9999-12-31"
    document["payments"][0]["date"] = "1999-01-01"
    with pytest.raises(ValidationError) as caught:
        worklog_json_restore(user=bob, document=document)
    assert [m.split(":")[0] for m in caught.value.messages] == ["entries[0].date", "payments[0].date"]
    assert not Entry.objects.filter(user=bob).exists()


def test_the_summary_draws_a_row_dated_9999_already_in_the_database(alice_client: Client, alice) -> None:
    """Rows stored before the range existed (inserted here straight into the database) still draw."""
    EntryFactory(user=alice, date=dt.date(2026, 11, 2), status=Status.PAID)
    Entry.objects.bulk_create([Entry(user=alice, platform="Uber", date=TOO_LATE, minutes=60, status=Status.PAID)])
    Payment.objects.bulk_create([Payment(user=alice, platform="Uber", date=TOO_LATE, amount=Decimal("5.00"))])
    assert alice_client.get("/worklog/summary/").status_code == 200
    assert alice_client.get("/api/v1/worklog/summary").status_code == 200
    assert alice_client.get("/worklog/").status_code == 200


def test_the_month_range_ends_at_december_9999() -> None:
    assert month_range(dt.date(9999, 11, 30), TOO_LATE) == [dt.date(9999, 11, 1), dt.date(9999, 12, 1)]


class Month:
    def __init__(self, month: dt.date) -> None:
        self.month = month
        self.paid_hours = self.unpaid_hours = self.received = Decimal("1")


def test_months_far_apart_draw_at_most_the_slot_limit() -> None:
    hours, money = summary_charts(months=[Month(dt.date(2026, 11, 1)), Month(dt.date(9999, 12, 1))], currency="USD")
    assert len(hours.bars) <= 2 * 120 and len(money.bars) == 1  # the 2026 month is out of the last 120
