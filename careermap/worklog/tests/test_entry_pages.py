from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client

from careermap.worklog.models import Entry, Status
from careermap.worklog.tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


def test_the_work_log_sends_strangers_to_log_in(client: Client) -> None:
    response = client.get("/worklog/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/worklog/"


def test_logging_work_from_the_form_stores_it(alice_client: Client, alice) -> None:
    response = alice_client.post(
        "/worklog/entries/add/",
        {
            "platform": "outlier",
            "task_type": "Rubric grading",
            "date": "2026-11-24",
            "start_time": "20:00",
            "end_time": "21:30",
            "units": "12",
            "pay_expected": "33.75",
            "currency": "usd",
            "status": Status.PENDING,
            "notes": "Project Mango",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/worklog/"
    entry = Entry.objects.get(user=alice)
    assert (entry.platform, entry.minutes, entry.pay_expected, entry.currency, entry.units) == (
        "Outlier",
        90,
        Decimal("33.75"),
        "USD",
        Decimal("12.00"),
    )


def test_save_and_log_another_comes_back_to_the_form_with_the_last_platform(alice_client: Client) -> None:
    data = {
        "platform": "Prolific",
        "date": "2026-11-24",
        "duration": "25m",
        "pay_expected": "4",
        "currency": "GBP",
        "status": "paid",
    }
    response = alice_client.post("/worklog/entries/add/", data | {"another": "1"})
    assert response["Location"] == "/worklog/entries/add/"
    form = alice_client.get("/worklog/entries/add/").content.decode()
    assert 'value="Prolific"' in form and 'value="GBP"' in form
    assert '<datalist id="platforms">' in form and '<option value="DataAnnotation">' in form


def test_the_form_explains_what_is_missing(alice_client: Client) -> None:
    response = alice_client.post(
        "/worklog/entries/add/",
        {"platform": "Outlier", "date": "2026-11-24", "pay_expected": "0", "currency": "USD", "status": "paid"},
    )
    assert response.status_code == 200
    assert "give the start and end times, or the minutes worked" in response.content.decode()
    assert not Entry.objects.exists()


def test_the_list_shows_only_my_entries_and_filters_them(alice_client: Client, alice, bob) -> None:
    EntryFactory(user=alice, platform="Outlier", task_type="Alice outlier task", status=Status.PAID)
    EntryFactory(user=alice, platform="Uber", task_type="Alice uber shift", status=Status.DISPUTED)
    EntryFactory(user=bob, platform="Outlier", task_type="Bob task")
    html = alice_client.get("/worklog/").content.decode()
    assert "Alice outlier task" in html and "Alice uber shift" in html and "Bob task" not in html
    owed = alice_client.get("/worklog/?status=owed").content.decode()
    assert "Alice uber shift" in owed and "Alice outlier task" not in owed
    by_platform = alice_client.get("/worklog/?platform=outlier").content.decode()
    assert "Alice outlier task" in by_platform and "Alice uber shift" not in by_platform


def test_the_list_is_a_fixed_number_of_queries(alice_client: Client, alice, django_assert_num_queries) -> None:
    EntryFactory.create_batch(60, user=alice)
    # session, user, count, page of entries, platform names for the datalist
    with django_assert_num_queries(5):
        response = alice_client.get("/worklog/")
    assert response.content.decode().count('name="ids"') == 50


def test_bulk_status_edit_changes_the_ticked_entries_and_keeps_the_filter(alice_client: Client, alice) -> None:
    ticked = EntryFactory.create_batch(2, user=alice, status=Status.PENDING)
    left = EntryFactory(user=alice, status=Status.PENDING)
    response = alice_client.post(
        "/worklog/entries/bulk/", {"ids": [e.pk for e in ticked], "status": Status.DISPUTED, "query": "status=pending"}
    )
    assert response["Location"] == "/worklog/?status=pending"
    assert set(Entry.objects.filter(status=Status.DISPUTED).values_list("pk", flat=True)) == {e.pk for e in ticked}
    left.refresh_from_db()
    assert left.status == Status.PENDING


def test_editing_from_a_stale_page_is_refused_not_overwritten(alice_client: Client, alice) -> None:
    entry = EntryFactory(user=alice, notes="original", minutes=60)
    form = {
        "platform": "Outlier",
        "date": "2026-11-02",
        "duration": "1h",
        "pay_expected": "20.00",
        "currency": "USD",
        "status": "pending",
        "notes": "from the laptop",
        "version": "1",
    }
    assert alice_client.post(f"/worklog/entries/{entry.pk}/", form | {"notes": "from the phone"}).status_code == 302
    response = alice_client.post(f"/worklog/entries/{entry.pk}/", form)
    assert response.status_code == 200 and "changed elsewhere" in response.content.decode()
    entry.refresh_from_db()
    assert (entry.notes, entry.version) == ("from the phone", 2)


def test_deleting_asks_first_then_deletes(alice_client: Client, alice) -> None:
    entry = EntryFactory(user=alice, date=dt.date(2026, 11, 2))
    assert "Delete this entry?" in alice_client.get(f"/worklog/entries/{entry.pk}/delete/").content.decode()
    assert Entry.objects.filter(pk=entry.pk).exists()
    alice_client.post(f"/worklog/entries/{entry.pk}/delete/")
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_pages_carry_no_inline_script_or_style(alice_client: Client, alice) -> None:
    EntryFactory(user=alice)
    for url in ["/worklog/", "/worklog/entries/add/", "/worklog/summary/", "/worklog/data/", "/worklog/payments/"]:
        html = alice_client.get(url).content.decode()
        # Scripts load from static files (`<script src=…>`, allowed by the CSP); none is written inline.
        scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, flags=re.S)
        assert all(" src=" in attrs and not body.strip() for attrs, body in scripts), url
        assert "style=" not in html and "<style" not in html, url
