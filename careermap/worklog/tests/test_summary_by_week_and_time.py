"""The summary by week and for a date range, and each platform by weekday and hour of day (issue 22),
worked out by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from careermap.worklog.models import Status
from careermap.worklog.selectors import worklog_summary
from careermap.worklog.services import entry_create, payment_create, payment_match
from careermap.worklog.times import worklog_times

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture
def fortnight(alice):
    """Two weeks of work (Monday 2 and Monday 9 November 2026)."""

    def work(day: str, minutes: int, pay: str, platform: str, status: str = Status.PAID, **more: object) -> object:
        return entry_create(
            user=alice,
            platform=platform,
            date=d(day),
            minutes=None if more.get("start_time") else minutes,
            pay_expected=Decimal(pay),
            status=status,
            **more,  # type: ignore[arg-type]
        )

    uber = work("2026-11-02", 120, "40.00", "Uber", start_time=dt.time(8), end_time=dt.time(10))  # Monday
    work("2026-11-07", 60, "15.00", "Uber", Status.PENDING, tips=Decimal("6.00"))  # Saturday, no start time
    doordash = work("2026-11-10", 90, "30.00", "DoorDash", start_time=dt.time(18), end_time=dt.time(19, 30))  # Tue
    work("2026-11-15", 60, "0", "Outlier", Status.REJECTED, start_time=dt.time(18, 30), end_time=dt.time(19, 30))  # Sun
    for day, platform, amount, entry in [
        ("2026-11-09", "Uber", "40.00", uber),  # paid a week later, for the first week's work
        ("2026-11-10", "DoorDash", "30.00", doordash),
        ("2026-11-12", "DoorDash", "25.00", None),  # matched to no work
    ]:
        payment = payment_create(user=alice, date=d(day), platform=platform, amount=Decimal(amount))
        if entry is not None:
            payment_match(user=alice, payment_id=payment.pk, entry_ids=[entry.pk])  # type: ignore[attr-defined]
    return alice


def test_week_by_week_each_week_says_what_its_work_paid(fortnight) -> None:
    weeks = {w.week: w for w in worklog_summary(user=fortnight, today=TODAY).weeks if w.week}
    # the last 12 weeks up to the latest work (Sunday 15 November): Monday 24 August to Monday 9 November
    assert min(weeks) == d("2026-08-24") and max(weeks) == d("2026-11-09") and len(weeks) == 12
    first, second = weeks[d("2026-11-02")], weeks[d("2026-11-09")]
    # week of 2 Nov: 2 h + 1 h; 40.00 paid for it (it arrived the next week) + 6.00 tips = 46.00 → 15.33 USD/h
    assert (first.hours, first.received, first.hourly, first.not_matched) == (
        Decimal("3.00"),
        Decimal("46.00"),
        Decimal("15.33"),
        Decimal("0.00"),
    )
    # week of 9 Nov: 1.5 h + 1 h (rejected); 30.00 for its work → 12.00 USD/h; the 25.00 matched to no work
    # arrived that week and is listed apart, not in the rate
    assert (second.hours, second.unpaid_hours, second.received, second.hourly, second.not_matched) == (
        Decimal("2.50"),
        Decimal("1.00"),
        Decimal("30.00"),
        Decimal("12.00"),
        Decimal("25.00"),
    )
    assert weeks[d("2026-08-24")].hours == Decimal("0.00")


def test_a_date_range_counts_its_work_the_money_for_it_and_payments_unmatched_that_arrived_in_it(fortnight) -> None:
    summary = worklog_summary(user=fortnight, today=TODAY, date_from=d("2026-11-09"), date_to=d("2026-11-15"))
    overall = summary.overall
    # 1.5 h + 1 h; 30.00 matched to the DoorDash work + 25.00 unmatched arrived in the range = 55.00 → 22.00 USD/h;
    # Uber's 40.00 arrived in the range but paid for work before it: not counted
    assert (overall.hours, overall.received, overall.not_matched, overall.hourly) == (
        Decimal("2.50"),
        Decimal("55.00"),
        Decimal("25.00"),
        Decimal("22.00"),
    )
    platforms = {p.label: p for p in summary.platforms}
    assert set(platforms) == {"DoorDash", "Outlier"}
    assert (platforms["DoorDash"].received, platforms["DoorDash"].hourly) == (Decimal("55.00"), Decimal("36.67"))
    assert platforms["Outlier"].nothing_received
    assert [w.week for w in summary.weeks] == [d("2026-11-09")]
    assert summary.owed == []  # the pending Uber work is outside the range


def test_the_page_takes_a_date_range_and_refuses_one_that_ends_before_it_starts(
    fortnight, alice_client: Client
) -> None:
    html = alice_client.get("/worklog/summary/", {"date_from": "2026-11-09", "date_to": "2026-11-15"}).content.decode()
    assert '<dd data-testid="hourly">22.00 USD/h</dd>' in html
    assert "Work from 9 Nov 2026 to 15 Nov 2026" in html
    assert "9 Nov – 15 Nov 2026" in html  # the week's row
    html = alice_client.get("/worklog/summary/", {"date_from": "2026-11-15", "date_to": "2026-11-09"}).content.decode()
    assert "The end of the range is before its start." in html
    assert "All your work in USD." in html  # the bad range is not applied


def test_each_platform_by_weekday_and_by_the_hour_it_started(fortnight) -> None:
    times = worklog_times(user=fortnight, currency="USD")
    assert (times.entries, times.without_start) == (4, 1)
    by_platform = {p.platform: p for p in times.platforms}
    uber = by_platform["Uber"]
    # Monday: 2 h, 40.00 → 20.00 USD/h; Saturday: 1 h, 6.00 of tips → 6.00 USD/h
    assert (uber.weekdays[0].hours, uber.weekdays[0].money, uber.weekdays[0].hourly) == (
        Decimal("2.00"),
        Decimal("40.00"),
        Decimal("20.00"),
    )
    assert (uber.weekdays[5].hours, uber.weekdays[5].hourly) == (Decimal("1.00"), Decimal("6.00"))
    # by hour: only the Monday stretch had a start time (08:00)
    assert [(hour, cell.hours, cell.hourly) for hour, cell in uber.busiest_hours] == [
        (8, Decimal("2.00"), Decimal("20.00"))
    ]
    assert uber.without_start == 1
    doordash = by_platform["DoorDash"]
    assert [(hour, cell.hourly) for hour, cell in doordash.busiest_hours] == [(18, Decimal("20.00"))]
    assert doordash.weekdays[1].hourly == Decimal("20.00")  # Tuesday
    outlier = by_platform["Outlier"]
    assert outlier.weekdays[6].hours == Decimal("1.00") and outlier.weekdays[6].money == Decimal("0.00")  # Sunday


def test_the_times_page_says_how_many_entries_lack_a_start_time(fortnight, alice_client: Client) -> None:
    html = alice_client.get("/worklog/summary/times/").content.decode()
    assert "1 of 4 entries have no start time" in html
    assert "20.00 USD/h" in html and "08:00–08:59" in html and "18:00–18:59" in html
    assert "no money received yet" in html  # Outlier's rejected Sunday
    api = alice_client.get("/api/v1/worklog/summary/times").json()
    assert api["without_start_time"] == 1 and api["platforms"][0]["platform"] == "Uber"


@pytest.mark.parametrize("day", [dt.date.min, dt.date(1, 1, 3), dt.date.max])
def test_rows_dated_at_the_ends_of_the_calendar_still_draw(alice, alice_client: Client, day: dt.date) -> None:
    """Rows stored before the work log's date range existed (straight into the database) break nothing."""
    from careermap.worklog.models import Entry, Payment

    Entry.objects.bulk_create([Entry(user=alice, platform="Uber", date=day, minutes=60, status=Status.PAID)])
    Payment.objects.bulk_create([Payment(user=alice, platform="Uber", date=day, amount=Decimal("5.00"))])
    for url in ("/worklog/summary/", "/worklog/summary/times/", "/worklog/taxes/", "/api/v1/worklog/summary"):
        assert alice_client.get(url).status_code == 200, url
