from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import time_machine
from django.test import Client

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, write_read
from careermap.worklog.charts import month_range, nice_step, stacked_bars
from careermap.worklog.models import Status
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db


def test_the_summary_page_shows_the_rate_the_chart_and_its_table(alice_client: Client, alice, tmp_path: Path) -> None:
    write_read(tmp_path, "ai-data-labeling", front_matter(title="AI data-labeling work"))
    content_load(directory=tmp_path)
    EntryFactory(user=alice, date=dt.date(2026, 10, 5), minutes=120, status=Status.PAID, pay_expected=Decimal("40"))
    EntryFactory(user=alice, date=dt.date(2026, 11, 5), minutes=120, status=Status.UNPAID_ASSESSMENT, pay_expected=0)
    PaymentFactory(user=alice, date=dt.date(2026, 10, 20), amount=Decimal("40.00"))
    with time_machine.travel(dt.date(2026, 11, 25)):
        html = alice_client.get("/worklog/summary/").content.decode()
    assert '<dd data-testid="hourly">10.00 USD/h</dd>' in html  # 40 received ÷ 4 hours, the unpaid 2 included
    assert '<dd data-testid="unpaid-share">50.0%</dd>' in html
    assert html.count('<svg viewBox="0 0 640 200" role="img"') == 2
    assert '<rect x="' in html and 'class="bar-unpaid"' in html
    assert "<caption>Every month, the figures behind the charts</caption>" in html
    assert "October 2026" in html and "November 2026" in html
    assert 'href="/reads/ai-data-labeling/">AI data-labeling work</a>' in html


def test_an_empty_log_gets_a_way_in(alice_client: Client) -> None:
    html = alice_client.get("/worklog/summary/").content.decode()
    assert "Nothing logged in USD yet" in html


def test_nice_steps_are_round() -> None:
    assert [nice_step(v) for v in (0, 3, 9, 37, 180, 1234)] == [1.0, 1.0, 5.0, 10.0, 50.0, 500.0]


def test_months_run_without_gaps() -> None:
    assert month_range(dt.date(2025, 11, 1), dt.date(2026, 2, 1)) == [
        dt.date(2025, 11, 1),
        dt.date(2025, 12, 1),
        dt.date(2026, 1, 1),
        dt.date(2026, 2, 1),
    ]


def test_stacked_bars_sit_on_each_other_and_scale_to_the_tallest() -> None:
    months = [dt.date(2026, 10, 1), dt.date(2026, 11, 1)]
    chart = stacked_bars(
        title="Hours",
        months=months,
        series=[("a", "Paid", [Decimal("10"), Decimal("5")]), ("b", "Unpaid", [Decimal("10"), Decimal("0")])],
        unit="h",
    )
    first_paid, first_unpaid, second_paid = chart.bars
    assert first_paid.y + first_paid.height == pytest.approx(chart.baseline)
    assert first_unpaid.y + first_unpaid.height == pytest.approx(first_paid.y)
    assert first_unpaid.y == pytest.approx(8.0)  # 20 h is the top of the scale
    assert second_paid.height == pytest.approx(first_paid.height / 2)
    assert [t.label for t in chart.ticks] == ["0", "5", "10", "15", "20"]
