from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from careermap.content.services import content_load
from careermap.content.tests.factories import write_read
from careermap.worklog.models import Status
from careermap.worklog.selectors import worklog_summary
from careermap.worklog.services import payment_match
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 25)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


@pytest.fixture
def log(alice):
    """Alice's month: paid, unpaid, owed and disputed work on two platforms, one payment late by a month."""

    def entry(platform: str, day: str, minutes: int, status: str, pay: str, currency: str = "USD") -> object:
        return EntryFactory(
            user=alice,
            platform=platform,
            date=d(day),
            minutes=minutes,
            status=status,
            pay_expected=Decimal(pay),
            currency=currency,
        )

    paid_nov = entry("Outlier", "2026-11-02", 60, Status.PENDING, "20.00")
    entry("Outlier", "2026-11-03", 120, Status.UNPAID_TRAINING, "0.00")
    pending_oct = entry("Outlier", "2026-10-15", 60, Status.PENDING, "25.00")
    paid_oct = entry("Outlier", "2026-10-20", 30, Status.PENDING, "30.00")
    entry("Outlier", "2026-08-01", 60, Status.DISPUTED, "40.00")
    entry("Uber", "2026-11-10", 120, Status.PAID, "50.00")
    entry("Outlier", "2026-11-04", 600, Status.PAID, "99.00", currency="EUR")

    def paid(platform: str, day: str, amount: str, *entries: object) -> None:
        payment = PaymentFactory(user=alice, platform=platform, date=d(day), amount=Decimal(amount))
        if entries:
            payment_match(user=alice, payment_id=payment.pk, entry_ids=[e.pk for e in entries])  # type: ignore[attr-defined]

    paid("Outlier", "2026-11-09", "20.00", paid_nov)
    paid("Outlier", "2026-11-05", "30.00", paid_oct)
    paid("Outlier", "2026-11-20", "5.00", pending_oct)
    paid("Uber", "2026-11-10", "50.00")
    return alice


def test_the_hourly_rate_divides_money_received_by_all_hours_unpaid_included(log) -> None:
    summary = worklog_summary(user=log, today=TODAY)
    assert summary.currency == "USD"
    assert summary.currencies == ["USD", "EUR"]
    overall = summary.overall
    assert (overall.hours, overall.received, overall.hourly) == (Decimal("7.50"), Decimal("105.00"), Decimal("14.00"))
    assert overall.unpaid_share == Decimal("26.7")


def test_platforms_get_their_own_rate_and_payments(log) -> None:
    platforms = {f.label: f for f in worklog_summary(user=log, today=TODAY).platforms}
    assert list(platforms) == ["Outlier", "Uber"]
    assert (platforms["Outlier"].hours, platforms["Outlier"].received, platforms["Outlier"].hourly) == (
        Decimal("5.50"),
        Decimal("55.00"),
        Decimal("10.00"),
    )
    assert platforms["Uber"].hourly == Decimal("25.00")


def test_matched_money_counts_in_the_month_of_the_work_it_paid_for(log) -> None:
    summary = worklog_summary(user=log, today=TODAY)
    months = {f.month: f for f in summary.months}
    assert list(months) == [d("2026-08-01"), d("2026-10-01"), d("2026-11-01")]
    assert months[d("2026-08-01")].received == Decimal("0.00")
    # October: 30.00 and 5.00 paid in November for October's work, ÷ 1.5 h
    assert (months[d("2026-10-01")].received, months[d("2026-10-01")].hourly) == (Decimal("35.00"), Decimal("23.33"))
    # November: 20.00 for its work ÷ 5 h; Uber's 50.00 matched to no work is not this month's pay (issue 22,
    # item 6: it used to make November 70.00 ÷ 5 h = 14.00) but is listed apart, in the month it arrived
    november = months[d("2026-11-01")]
    assert (november.received, november.hourly, november.not_matched) == (
        Decimal("20.00"),
        Decimal("4.00"),
        Decimal("50.00"),
    )
    assert sum(f.received for f in months.values()) + summary.months_not_matched == summary.overall.received


def test_owed_money_is_what_is_still_outstanding_and_how_long(log) -> None:
    summary = worklog_summary(user=log, today=TODAY)
    owed = [(o.platform, o.status, o.outstanding, o.days, o.over_90) for o in summary.owed]
    assert owed == [
        ("Outlier", Status.DISPUTED, Decimal("40.00"), 116, Decimal("40.00")),
        ("Outlier", Status.PENDING, Decimal("20.00"), 41, Decimal("0.00")),
    ]
    assert summary.owed_total == Decimal("60.00")
    assert summary.unmatched == Decimal("50.00")


def test_another_currency_is_summarised_on_its_own(log) -> None:
    summary = worklog_summary(user=log, currency="EUR", today=TODAY)
    assert (summary.currency, summary.overall.hours, summary.overall.received) == (
        "EUR",
        Decimal("10.00"),
        Decimal("0"),
    )


def test_platforms_link_to_their_read_where_one_exists(log, tmp_path: Path) -> None:
    write_read(tmp_path, "ai-data-labeling")
    content_load(directory=tmp_path)
    platforms = {f.label: f for f in worklog_summary(user=log, today=TODAY).platforms}
    assert platforms["Outlier"].read is not None and platforms["Outlier"].read.slug == "ai-data-labeling"
    assert platforms["Uber"].read is None


def test_the_summary_never_counts_another_workers_log(log, bob) -> None:
    summary = worklog_summary(user=bob, today=TODAY)
    assert summary.is_empty and summary.platforms == [] and summary.owed == []


def test_the_summary_is_a_fixed_number_of_queries(log, django_assert_num_queries) -> None:
    EntryFactory.create_batch(20, user=log, platform="Prolific")
    # work by currency, platform and month; payments likewise; matched by paid month; matched by work month and
    # status (also what arrived for owed money); cost methods; expenses; money owed by age; paid entries without
    # a payment; reads; and for the weeks: work, matched by work week, and the payments that arrived in them
    with django_assert_num_queries(12):
        worklog_summary(user=log, today=TODAY)
