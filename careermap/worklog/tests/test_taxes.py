"""The tax set-aside estimate (issue 22): self-employment tax at the published rate (15.3% of 92.35% of net
earnings) plus an income-tax rate the worker chooses, per IRS estimated-tax period, labelled an estimate,
with the IRS guidance linked. Figures by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client

from careermap.worklog.mileage import IRS_BUSINESS_RATES, rate_for, rates_in_year
from careermap.worklog.taxes import estimate_rows, payment_periods, se_tax, tax_estimate
from careermap.worklog.tests.test_net_hourly import DRIVER_COSTS, record
from careermap.worklog.tests.test_realistic_spreadsheet import import_through_the_pages, log_by_hand

pytestmark = pytest.mark.django_db


def test_self_employment_tax_is_15_3_percent_of_92_35_percent_of_net_earnings() -> None:
    # 10,000 × 0.9235 × 0.153 = 1,412.955 → 1,412.96 (rounded once)
    assert se_tax(Decimal("10000.00")) == Decimal("1412.96")
    assert se_tax(Decimal("-50.00")) == Decimal("0.00")  # nothing on a loss


def test_the_periods_are_the_irs_estimated_tax_payment_periods() -> None:
    periods = payment_periods(2026)
    assert [(p.start, p.end, p.due) for p in periods] == [
        (dt.date(2026, 1, 1), dt.date(2026, 3, 31), dt.date(2026, 4, 15)),
        (dt.date(2026, 4, 1), dt.date(2026, 5, 31), dt.date(2026, 6, 15)),
        (dt.date(2026, 6, 1), dt.date(2026, 8, 31), dt.date(2026, 9, 15)),
        (dt.date(2026, 9, 1), dt.date(2026, 12, 31), dt.date(2027, 1, 15)),
    ]


def test_a_loss_in_one_period_lowers_the_year_not_the_other_periods() -> None:
    rows, year = estimate_rows(
        year=2026,
        received_by_month={dt.date(2026, 2, 1): Decimal("1000.00"), dt.date(2026, 4, 1): Decimal("100.00")},
        costs_by_month={dt.date(2026, 4, 1): Decimal("300.00")},
        rate=Decimal("10"),
    )
    # Jan–Mar: 1,000 net → SE 141.30 (1000 × 0.1412955 = 141.2955), income 100.00; Apr–May: −200 → nothing
    assert (rows[0].se_tax, rows[0].income_tax, rows[1].net, rows[1].set_aside) == (
        Decimal("141.30"),
        Decimal("100.00"),
        Decimal("-200.00"),
        Decimal("0.00"),
    )
    # the year: 800 net → SE 113.04 (800 × 0.1412955 = 113.0364), income 80.00
    assert (year.net, year.se_tax, year.income_tax, year.set_aside) == (
        Decimal("800.00"),
        Decimal("113.04"),
        Decimal("80.00"),
        Decimal("193.04"),
    )


def test_the_drivers_estimate_worked_out_by_hand(alice_client: Client, alice) -> None:
    log_by_hand(alice)
    import_through_the_pages(alice_client)
    record(alice, DRIVER_COSTS)
    estimate = tax_estimate(user=alice, income_tax_rate=Decimal("12"))
    assert estimate.year == 2026 and estimate.applies
    last = estimate.periods[-1]
    # 1 Sep – 31 Dec: payments 40.00 (30 Sep) + 437.25 (imported, Oct–Nov) + tips 91.25 = 568.50;
    # costs 287.74; net 280.76; SE: 280.76 × 0.9235 × 0.153 = 39.6701… → 39.67; income tax 12%: 33.6912 → 33.69
    assert (last.received, last.costs, last.net, last.se_tax, last.income_tax, last.set_aside) == (
        Decimal("568.50"),
        Decimal("287.74"),
        Decimal("280.76"),
        Decimal("39.67"),
        Decimal("33.69"),
        Decimal("73.36"),
    )
    assert [row.received for row in estimate.periods[:3]] == [Decimal("0.00")] * 3
    assert estimate.year_row.set_aside == Decimal("73.36")
    # 280.76 × 0.9235 = 259.28, under the 400 at which SE tax is usually due: the page says so
    assert estimate.under_threshold

    html = alice_client.get("/worklog/taxes/", {"income_tax_rate": "12"}).content.decode()
    assert "An estimate, not a tax calculation and not advice." in html
    assert 'data-testid="year-set-aside">73.36 USD</td>' in html
    assert 'data-testid="year-se">39.67 USD</td>' in html and "Income tax at 12%" in html
    assert 'data-testid="under-400"' in html
    for url in (
        "https://www.irs.gov/taxtopics/tc554",
        "https://www.irs.gov/faqs/estimated-tax/individuals/individuals-2",
        "https://www.irs.gov/businesses/small-businesses-self-employed/self-employment-tax-social-security-and-medicare-taxes",
    ):
        assert f'href="{url}"' in html
    # no income-tax rate chosen: none is set aside for it
    html = alice_client.get("/worklog/taxes/").content.decode()
    assert "Income tax at no rate chosen" in html and 'data-testid="year-income">0.00 USD</td>' in html
    api = alice_client.get("/api/v1/worklog/tax-estimate", {"income_tax_rate": "12"}).json()
    assert api["estimate"] is True and api["year_total"]["set_aside"] == "73.36"
    assert api["self_employment_tax_rate"] == "0.153" and api["share_of_net_earnings_taxed"] == "0.9235"


def test_an_income_tax_rate_out_of_bounds_is_refused(alice_client: Client) -> None:
    html = alice_client.get("/worklog/taxes/", {"income_tax_rate": "75"}).content.decode()
    assert "Ensure this value is less than or equal to 60" in html
    assert alice_client.get("/api/v1/worklog/tax-estimate", {"income_tax_rate": "-1"}).status_code == 422


def test_only_mileage_rates_read_on_irs_gov_are_stored_each_with_its_source() -> None:
    assert rate_for(dt.date(2020, 6, 1)).cents == Decimal("57.5")  # type: ignore[union-attr]
    assert rate_for(dt.date(2020, 6, 1)).source == "IR-2019-215"  # type: ignore[union-attr]
    # 2011 changed on 1 July: two periods
    assert [r.cents for r in rates_in_year(2011)] == [Decimal("51"), Decimal("55.5")]
    assert rate_for(dt.date(2011, 6, 30)).cents == Decimal("51")  # type: ignore[union-attr]
    assert rate_for(dt.date(2011, 7, 1)).cents == Decimal("55.5")  # type: ignore[union-attr]
    # read on the later copy of the irs.gov page (issue #22): 2021 to 2023, 2022 in two halves
    assert rate_for(dt.date(2021, 1, 1)).cents == Decimal("56")  # type: ignore[union-attr]
    assert rate_for(dt.date(2021, 1, 1)).source == "IR-2020-279"  # type: ignore[union-attr]
    assert [(r.cents, r.source) for r in rates_in_year(2022)] == [
        (Decimal("58.5"), "IR-2021-251"),
        (Decimal("62.5"), "IR-2022-124"),
    ]
    assert rate_for(dt.date(2022, 6, 30)).cents == Decimal("58.5")  # type: ignore[union-attr]
    assert rate_for(dt.date(2022, 7, 1)).cents == Decimal("62.5")  # type: ignore[union-attr]
    assert rate_for(dt.date(2023, 12, 31)).cents == Decimal("65.5")  # type: ignore[union-attr]
    # not read on irs.gov here: not known, never guessed
    for day in (dt.date(2024, 1, 1), dt.date(2025, 6, 1), dt.date(2026, 10, 1), dt.date(2010, 12, 31)):
        assert rate_for(day) is None
    # the stored periods run without gap or overlap from 1 Jan 2011 to 31 Dec 2023
    assert IRS_BUSINESS_RATES[0].start == dt.date(2011, 1, 1) and IRS_BUSINESS_RATES[-1].end == dt.date(2023, 12, 31)
    for before, after in zip(IRS_BUSINESS_RATES, IRS_BUSINESS_RATES[1:], strict=False):
        assert after.start == before.end + dt.timedelta(days=1)
    for rate in IRS_BUSINESS_RATES:
        assert rate.url == "https://www.irs.gov/tax-professionals/standard-mileage-rates"
        assert rate.source.startswith(("IR-", "IRB-")) and rate.start.day == 1
