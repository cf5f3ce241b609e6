"""The monthly table says what each figure is (issue 22, item 6).

* A payment's unmatched rest does not inflate the month it arrived in: a month's rate is what that month's
  work paid; money not matched to work is listed apart, in the month it arrived, and counts overall.
* "If every expected amount had arrived" is never below the actual rate, tips or not.
* A platform whose pay is only pending says "no money received yet", not "0.00 per hour".
* Rates read "12.10 USD/h", amounts "12.10 USD".
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client

from careermap.worklog.models import Status
from careermap.worklog.selectors import worklog_summary
from careermap.worklog.services import entry_create, payment_create, payment_match

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)


def work(
    user: object,
    day: str,
    minutes: int,
    pay: str,
    *,
    status: str = Status.PAID,
    platform: str = "Outlier",
    tips: str = "0",
) -> object:
    return entry_create(
        user=user,
        platform=platform,
        date=dt.date.fromisoformat(day),
        minutes=minutes,
        pay_expected=Decimal(pay),
        tips=Decimal(tips),
        status=status,
    )


def paid(user: object, day: str, amount: str, *entries: object, platform: str = "Outlier") -> None:
    payment = payment_create(user=user, date=dt.date.fromisoformat(day), platform=platform, amount=Decimal(amount))
    if entries:
        payment_match(user=user, payment_id=payment.pk, entry_ids=[e.pk for e in entries])  # type: ignore[attr-defined]


@pytest.fixture
def two_months(alice):
    """October: 8 h, 170.00 expected, paid in October. November: 8 h, 152.60 expected; 152.60 arrives in
    November for it, and a 100.00 payout nobody has matched to any work also arrives in November."""
    october = [work(alice, "2026-10-05", 240, "85.00"), work(alice, "2026-10-12", 240, "85.00")]
    november = [work(alice, "2026-11-03", 240, "76.30"), work(alice, "2026-11-10", 240, "76.30")]
    paid(alice, "2026-10-30", "170.00", *october)
    paid(alice, "2026-11-28", "152.60", *november)
    paid(alice, "2026-11-29", "100.00")
    return alice


def test_an_unmatched_payment_does_not_inflate_the_month_it_arrived_in(two_months) -> None:
    summary = worklog_summary(user=two_months, today=TODAY)
    october, november = summary.months
    # October: 170.00 ÷ 8 h = 21.25 USD/h; November: 152.60 ÷ 8 h = 19.075 → 19.08 (before: (152.60 + 100) ÷ 8 = 31.58)
    assert (october.received, october.hourly, october.not_matched) == (
        Decimal("170.00"),
        Decimal("21.25"),
        Decimal("0.00"),
    )
    assert (november.received, november.hourly, november.not_matched) == (
        Decimal("152.60"),
        Decimal("19.08"),
        Decimal("100.00"),
    )
    # the 100.00 is money received all the same: overall (170 + 152.60 + 100) ÷ 16 h = 26.4125 → 26.41
    assert (summary.overall.received, summary.overall.not_matched, summary.overall.hourly) == (
        Decimal("422.60"),
        Decimal("100.00"),
        Decimal("26.41"),
    )
    assert summary.months_not_matched == Decimal("100.00")


def test_the_month_table_says_what_each_figure_is(two_months, alice_client: Client) -> None:
    html = alice_client.get("/worklog/summary/").content.decode()
    table = re.search(r'<table class="wl-table" data-testid="months">(.*?)</table>', html, re.DOTALL)
    assert table
    months = table.group(1)
    assert "Paid for this month’s work" in months and "Payments not matched to work, arrived this month" in months
    assert "19.08 USD/h" in months and "21.25 USD/h" in months and "152.60 USD" in months
    assert 'data-testid="months-not-matched">100.00 USD</td>' in months
    assert "Not attributed to any month’s work" in months
    assert "of which not matched to any work: 100.00 USD" in html


def test_if_every_expected_amount_had_arrived_is_never_below_the_actual_rate(alice) -> None:
    # 2 h, 20.00 expected and 5.00 in tips; the platform paid 30.00 for it (a bonus)
    entry = work(alice, "2026-11-02", 120, "20.00", tips="5.00")
    paid(alice, "2026-11-09", "30.00", entry)
    overall = worklog_summary(user=alice, today=TODAY).overall
    # received 30.00 + 5.00 = 35.00 → 17.50 USD/h; expected + tips = 25.00 would say 12.50: it says 17.50
    assert (overall.hourly, overall.expected_hourly) == (Decimal("17.50"), Decimal("17.50"))

    # pending work with tips: 1 h, 20.00 expected, 4.00 tips, nothing paid yet
    work(alice, "2026-11-20", 60, "20.00", tips="4.00", status=Status.PENDING)
    overall = worklog_summary(user=alice, today=TODAY).overall
    # received 35.00 + 4.00 = 39.00 ÷ 3 h = 13.00; had everything arrived: max(39.00, 40.00 + 9.00) = 49.00 ÷ 3 = 16.33
    assert (overall.hourly, overall.expected_hourly) == (Decimal("13.00"), Decimal("16.33"))
    assert overall.expected_hourly is not None and overall.hourly is not None
    assert overall.expected_hourly >= overall.hourly


def test_a_platform_paid_nothing_yet_says_so_rather_than_zero_per_hour(alice_client: Client, alice) -> None:
    work(alice, "2026-11-02", 120, "50.00", platform="Uber")
    paid(alice, "2026-11-09", "50.00", platform="Uber")
    work(alice, "2026-11-03", 90, "30.00", status=Status.PENDING, platform="Prolific")
    html = alice_client.get("/worklog/summary/").content.decode()
    rows = re.findall(r"<tr>\s*<th scope=\"row\" data-label=\"Platform\">(\w+) .*?</tr>", html, re.DOTALL)
    assert rows == ["Uber", "Prolific"]
    prolific = re.search(r'data-label="Platform">Prolific .*?</tr>', html, re.DOTALL)
    assert prolific and 'data-testid="platform-hourly">no money received yet</td>' in prolific.group(0)
    assert "0.00 USD/h" not in prolific.group(0)
    # and the units: rates per hour, amounts in the currency
    uber = re.search(r'data-label="Platform">Uber .*?</tr>', html, re.DOTALL)
    assert (
        uber and 'data-testid="platform-hourly">25.00 USD/h</td>' in uber.group(0) and "50.00 USD</td>" in uber.group(0)
    )
    assert re.search(r"\d USD</dd>", re.search(r'data-testid="hourly">.*?</dd>', html).group(0)) is None  # type: ignore[union-attr]
