"""A worker on a phone opens the evidence pack for November: the totals keep their labels, nothing scrolls
sideways, the print button prints, and on paper the page chrome goes while the running header stays."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from careermap.worklog.models import PaymentMatch, Status
from tests.e2e.test_a11y import report, violations

NOVEMBER = "/worklog/evidence/?platform=Outlier&date_from=2026-11-01&date_to=2026-11-30&name=Ana+Lopez&worker_id=W-4471"


def log_in(page: Page, live_server: Any, user: Any) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_a_worker_reads_and_prints_the_evidence_pack_on_a_phone(
    page: Page, live_server: Any, transactional_db: Any, alice: Any
) -> None:
    from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

    october = EntryFactory(user=alice, date=dt.date(2026, 10, 20), pay_expected=Decimal("340.00"), status=Status.PAID)
    november = EntryFactory(
        user=alice,
        date=dt.date(2026, 11, 3),
        minutes=300,
        pay_expected=Decimal("100.00"),
        status=Status.PAID,
        notes="A long note without spaces: " + "x" * 120,
    )
    EntryFactory(user=alice, date=dt.date(2026, 11, 10), minutes=120, pay_expected=Decimal("50.00"))
    payout = PaymentFactory(user=alice, date=dt.date(2026, 11, 15), amount=Decimal("440.00"), reference="OUT-440")
    PaymentMatch.objects.create(payment=payout, entry=november, amount=Decimal("100.00"))
    PaymentMatch.objects.create(payment=payout, entry=october, amount=Decimal("340.00"))

    page.add_init_script("window.print = function () { window.__printed = (window.__printed || 0) + 1; };")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, live_server, alice)
    page.goto(live_server.url + NOVEMBER)

    totals = page.get_by_test_id("totals-USD")
    for label in ("Received for this period’s work", "Total owed, pending and disputed", "Effective hourly rate"):
        expect(totals.get_by_role("rowheader", name=label)).to_be_visible()
    expect(totals.get_by_test_id("received")).to_have_text("100.00 USD")
    expect(totals.get_by_test_id("other-work")).to_have_text("340.00 USD")
    expect(page.get_by_test_id("worker-name")).to_have_text("Ana Lopez")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    button = page.get_by_role("button", name="Print or save as PDF")
    expect(button).to_be_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1

    page.emulate_media(media="print")
    expect(button).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".running-header")).to_be_visible()
    expect(page.locator(".running-header")).to_contain_text("Ana Lopez · worker ID W-4471")
    assert page.evaluate("getComputedStyle(document.querySelector('.evidence-frame > thead')).display") == (
        "table-header-group"  # the header row the browser repeats on every printed page
    )
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and b"/Type /Page" in pdf


def test_the_evidence_pack_has_no_serious_accessibility_violations(
    browser: Browser, live_server: Any, transactional_db: Any, alice: Any
) -> None:
    from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

    entry = EntryFactory(user=alice, date=dt.date(2026, 11, 3), notes="A note")
    PaymentMatch.objects.create(
        payment=PaymentFactory(user=alice, date=dt.date(2026, 11, 9)), entry=entry, amount=Decimal("20.00")
    )
    PaymentFactory(user=alice, date=dt.date(2026, 11, 20), reference="LOOSE")
    context = browser.new_context(bypass_csp=True)  # axe is injected inline; see test_a11y.py
    page = context.new_page()
    log_in(page, live_server, alice)
    found = violations(page, live_server.url + NOVEMBER)
    context.close()
    assert not found, report({NOVEMBER: found})
