"""The evidence pack: payments attributed to the work they pay for, owed and disputed totals, the effective
rate, when each entry was logged, the worker's name and ID, and privacy. Figures are worked out by hand."""

from __future__ import annotations

import datetime as dt
import logging
import re
from decimal import Decimal

import pytest
import time_machine
from django.test import Client

from careermap.worklog import services
from careermap.worklog.evidence import evidence_pack
from careermap.worklog.models import Payment, PaymentMatch, Status
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db

NOVEMBER = {"platform": "Outlier", "date_from": "2026-11-01", "date_to": "2026-11-30"}


def pay(payment: Payment, entry, amount: str) -> None:
    PaymentMatch.objects.create(payment=payment, entry=entry, amount=Decimal(amount))


@pytest.fixture
def outlier(alice):
    """October and November on Outlier. A 440.00 payout on 15 November pays 100.00 of November's work and
    340.00 of October's; a 10.00 payment in December pays part of a disputed November task; 25.00 arrived
    in November matched to nothing.

    November by hand: hours 5 + 2 + 1 + 1.5 = 9.5 (1.5 unpaid); expected 100 + 50 + 30 + 0 = 180.00;
    received for November's work 100 + 10 = 110.00; pending 50.00; disputed 30 - 10 = 20.00; owed 70.00;
    effective hourly 110.00 / 9.5 = 11.578… → 11.58; arrived in November for other work 340 + 25 = 365.00.
    """
    october = EntryFactory(
        user=alice, date=dt.date(2026, 10, 20), minutes=600, pay_expected=Decimal("340.00"), status=Status.PAID
    )
    paid = EntryFactory(
        user=alice, date=dt.date(2026, 11, 3), minutes=300, pay_expected=Decimal("100.00"), status=Status.PAID
    )
    EntryFactory(user=alice, date=dt.date(2026, 11, 10), minutes=120, pay_expected=Decimal("50.00"))
    disputed = EntryFactory(
        user=alice, date=dt.date(2026, 11, 12), minutes=60, pay_expected=Decimal("30.00"), status=Status.DISPUTED
    )
    EntryFactory(user=alice, date=dt.date(2026, 11, 14), minutes=90, pay_expected=0, status=Status.UNPAID_ASSESSMENT)
    payout = PaymentFactory(user=alice, date=dt.date(2026, 11, 15), amount=Decimal("440.00"), reference="OUT-440")
    pay(payout, paid, "100.00")
    pay(payout, october, "340.00")
    late = PaymentFactory(user=alice, date=dt.date(2026, 12, 5), amount=Decimal("10.00"), reference="OUT-DEC")
    pay(late, disputed, "10.00")
    PaymentFactory(user=alice, date=dt.date(2026, 11, 20), amount=Decimal("25.00"), reference="OUT-LOOSE")
    return alice


def cell(html: str, testid: str) -> str:
    found = re.search(rf'data-testid="{re.escape(testid)}"[^>]*>([^<]*)<', html)
    assert found, testid
    return found.group(1)


def totals(html: str, currency: str = "USD") -> str:
    start = html.index(f'data-testid="totals-{currency}"')
    return html[start : html.index("</table>", start)]


def test_november_counts_only_the_part_of_a_payout_that_paid_for_novembers_work(alice_client: Client, outlier) -> None:
    html = alice_client.get("/worklog/evidence/", NOVEMBER).content.decode()
    usd = totals(html)
    assert cell(usd, "received") == "110.00 USD"  # 100.00 of the 440.00 payout, 10.00 of December's
    assert cell(usd, "other-work") == "365.00 USD"  # the payout's other 340.00, and 25.00 matched to nothing
    assert "440.00" not in usd
    for_period = html[html.index('data-testid="payments-for-period"') :]
    for_period = for_period[: for_period.index("</table>")]
    assert "OUT-440" in for_period and "OUT-DEC" in for_period and "OUT-LOOSE" not in for_period
    assert "2026-11-03: 100.00" in for_period and "2026-10-20" not in for_period
    other = html[html.index('data-testid="payments-other-work"') :]
    other = other[: other.index("</table>")]
    assert "OUT-440" in other and "OUT-LOOSE" in other and "OUT-DEC" not in other
    assert "work on 2026-10-20: 340.00" in other and "not matched to any entry: 25.00" in other
    assert "Arrived in this period for other work" in html


def test_october_gets_the_rest_of_the_november_payout(alice_client: Client, outlier) -> None:
    html = alice_client.get(
        "/worklog/evidence/", {"platform": "Outlier", "date_from": "2026-10-01", "date_to": "2026-10-31"}
    ).content.decode()
    assert cell(totals(html), "received") == "340.00 USD"
    assert cell(totals(html), "other-work") == "0.00 USD"


def test_owed_and_disputed_are_expected_less_received(alice_client: Client, outlier) -> None:
    usd = totals(alice_client.get("/worklog/evidence/", NOVEMBER).content.decode())
    assert cell(usd, "pending") == "50.00 USD"
    assert cell(usd, "disputed") == "20.00 USD"  # 30.00 expected, 10.00 arrived in December
    assert cell(usd, "owed") == "70.00 USD"
    assert "180.00 USD" in usd and "9.50 h" in usd and "1.50 h" in usd


def test_the_effective_rate_line_shows_its_sum(alice_client: Client, outlier) -> None:
    html = alice_client.get("/worklog/evidence/", NOVEMBER).content.decode()
    assert cell(totals(html), "hourly") == "11.58 USD/h"  # 110.00 ÷ 9.5 h, the unpaid 1.5 h included
    line = cell(html, "rate-line-USD")
    assert "money received for this period’s work (the payments matched to it) ÷ all hours in the period" in line
    assert "unpaid hours included" in line
    assert "110.00 USD ÷ 9.50 h = 11.58 USD/h" in line


def test_tips_count_as_received_shown_apart_and_do_not_reduce_what_is_owed(alice_client: Client, alice) -> None:
    """By hand: payments 30.00 + tips 6.00 + 4.00 = 40.00 received over 2 + 1 = 3 hours → 13.33/h;
    the pending trip still owes its 20.00 whatever tip came with it."""
    trip = EntryFactory(
        user=alice,
        platform="Uber",
        minutes=120,
        pay_expected=Decimal("30.00"),
        tips=Decimal("6.00"),
        status=Status.PAID,
    )
    EntryFactory(user=alice, platform="Uber", minutes=60, pay_expected=Decimal("20.00"), tips=Decimal("4.00"))
    pay(PaymentFactory(user=alice, platform="Uber", amount=Decimal("30.00")), trip, "30.00")
    html = alice_client.get("/worklog/evidence/", {**NOVEMBER, "platform": "Uber"}).content.decode()
    usd = totals(html)
    assert cell(usd, "received") == "40.00 USD"
    assert cell(usd, "payments") == "30.00 USD" and cell(usd, "tips") == "10.00 USD"
    assert cell(usd, "pending") == "20.00 USD"
    assert "(30.00 + 10.00) = 40.00 USD ÷ 3.00 h = 13.33 USD/h" in cell(html, "rate-line-USD")
    assert "30.00 + 6.00 tips" in html


def test_the_pack_has_one_totals_table_per_currency(alice_client: Client, alice) -> None:
    EntryFactory(user=alice, currency="EUR", minutes=120, pay_expected=Decimal("30.00"))
    EntryFactory(user=alice, currency="USD", minutes=60)
    html = alice_client.get("/worklog/evidence/", {"platform": "Outlier"}).content.decode()
    assert cell(totals(html, "EUR"), "pending") == "30.00 EUR"
    assert cell(totals(html, "USD"), "pending") == "20.00 USD"
    assert '<th scope="row">Received for this period’s work</th>' in totals(html, "EUR")


def test_each_entry_shows_when_it_was_logged_and_when_it_was_last_changed(alice_client: Client, alice) -> None:
    with time_machine.travel(dt.datetime(2026, 11, 3, 18, 42, tzinfo=dt.UTC), tick=False):
        entry = EntryFactory(user=alice, date=dt.date(2026, 11, 3), notes="first")
        EntryFactory(user=alice, date=dt.date(2026, 11, 4))
    with time_machine.travel(dt.datetime(2026, 11, 6, 9, 10, tzinfo=dt.UTC), tick=False):
        services.entry_update(user=alice, entry_id=entry.pk, changes={"notes": "corrected"})
    html = alice_client.get("/worklog/evidence/", NOVEMBER).content.decode()
    logged = [re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r'data-testid="logged">(.*?)</td>', html)]
    assert logged == ["2026-11-03 18:42; changed 2026-11-06 09:10 (version 2)", "2026-11-03 18:42"]
    assert "Logged (UTC)" in html and "Times are in UTC" in html


def test_name_and_worker_id_are_printed_and_escaped_and_never_saved(alice_client: Client, alice) -> None:
    EntryFactory(user=alice)
    query = {**NOVEMBER, "name": "Ana <b>O'Neil</b>", "worker_id": "W-123<script>x</script>"}
    html = alice_client.get("/worklog/evidence/", query).content.decode()
    assert cell(html, "worker-name") == "Ana &lt;b&gt;O&#x27;Neil&lt;/b&gt;"
    assert cell(html, "worker-id") == "W-123&lt;script&gt;x&lt;/script&gt;"
    assert "<b>O'Neil</b>" not in html and "<script>x</script>" not in html
    assert "· Ana &lt;b&gt;O&#x27;Neil&lt;/b&gt; · worker ID W-123&lt;script&gt;x" in html  # the running header
    statement = html[html.index('data-testid="statement"') :]
    assert "What it is not:</strong> it has not been verified by the platform" in statement


def test_a_name_too_long_or_with_a_line_break_is_refused(alice_client: Client, alice) -> None:
    EntryFactory(user=alice)
    for bad in ({"name": "A" * 101}, {"worker_id": "W" * 101}, {"name": "Ana\nBee"}):
        response = alice_client.get("/worklog/evidence/", {**NOVEMBER, **bad})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'class="field-error"' in html and "evidence-frame" not in html, bad
    ok = alice_client.get("/worklog/evidence/", {**NOVEMBER, "name": "A" * 100}).content.decode()
    assert "evidence-frame" in ok


def test_the_pack_has_a_print_button_script_and_no_inline_script(alice_client: Client, alice) -> None:
    EntryFactory(user=alice)
    html = alice_client.get("/worklog/evidence/", NOVEMBER).content.decode()
    assert "data-print hidden" in html and "Print or save as PDF" in html
    assert re.search(r'<script src="/static/js/print\.js" defer></script>', html)
    assert not re.search(r"<script(?![^>]*\bsrc=)", html) and " style=" not in html
    assert "Generated" in html and "UTC" in cell(html, "generated")


def test_the_pack_is_private_and_never_cached(alice_client: Client, outlier) -> None:
    response = alice_client.get("/worklog/evidence/", NOVEMBER)
    assert response.status_code == 200
    assert set(response["Cache-Control"].replace(" ", "").split(",")) == {"private", "no-store"}


def test_bob_sees_none_of_alices_pack(bob_client: Client, outlier) -> None:
    """The pack has no id in its URL, so there is nothing of alice's for bob to ask for by number: his pack
    for the same platform and dates is his own, and empty."""
    response = bob_client.get("/worklog/evidence/", {**NOVEMBER, "name": "Bob"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "OUT-440" not in html and "alice" not in html and "340.00" not in html
    assert "Nothing logged in this period." in html and "No entries in this period." in html


def test_a_visitor_who_is_not_logged_in_is_sent_to_log_in(client: Client, outlier) -> None:
    response = client.get("/worklog/evidence/", NOVEMBER)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_pack_takes_four_queries_however_many_entries_and_payments(
    alice, outlier, django_assert_num_queries
) -> None:
    for day in range(1, 20):
        entry = EntryFactory(user=alice, date=dt.date(2026, 11, day))
        pay(PaymentFactory(user=alice, date=dt.date(2026, 11, day)), entry, "20.00")
    with django_assert_num_queries(4):
        pack = evidence_pack(user=alice, platform="outlier", date_from=dt.date(2026, 11, 1))
    assert len(pack.entries) == 23 and len(pack.for_period) == 21
    assert pack.totals[0].received == Decimal("110.00") + 19 * Decimal("20.00")


def test_the_name_and_worker_id_never_reach_the_logs(alice_client: Client, alice, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    EntryFactory(user=alice)
    alice_client.get("/worklog/evidence/", {**NOVEMBER, "name": "Zebulon Quartz", "worker_id": "WID-98765"})
    logged = "\n".join(record.getMessage() + repr(vars(record)) for record in caplog.records)
    assert "/worklog/evidence/" in logged  # the request was logged, by its route only
    assert "Zebulon" not in logged and "WID-98765" not in logged
