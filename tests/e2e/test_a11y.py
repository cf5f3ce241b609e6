"""Accessibility: axe-core (vendored from npm into tests/e2e/vendor/axe-core-<version>.min.js, kept with the
tests and out of the site's static files) runs in Debian's chromium on the map, a read, an occupation page,
the quiz (its start, first and last steps, with and without errors, and a result page) and the work log. No
serious or critical violation may remain; a failure lists each rule with the elements it found.

The script is injected with add_script_tag(path=...), which inlines it: the page's strict CSP would
refuse that, so these contexts bypass CSP (only axe is added; the pages are as served).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.test import Client
from playwright.sync_api import Browser, Page

from careermap.content.services import content_load
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import write_data_dir
from careermap.quiz.tests.conftest import codebook_text, only

AXE = sorted((Path(__file__).resolve().parent / "vendor").glob("axe-core-*.min.js"))[-1]
BLOCKING = {"serious", "critical"}


@pytest.fixture
def site(transactional_db, settings, tmp_path: Path) -> None:
    """Shipped reads, the fixture datasets and a fixture quiz item file."""
    data = write_data_dir(tmp_path / "data")
    items = data / "openpsychometrics_riasec_markers_items"
    items.mkdir(parents=True, exist_ok=True)
    (items / "codebook.txt").write_text(codebook_text(), encoding="utf-8")
    settings.CAREERMAP_DATA_DIR = data
    data_import(data_dir=data)
    content_load(directory=django_settings.CAREERMAP_CONTENT_DIR)


@pytest.fixture
def axe_page(browser: Browser) -> Any:
    context = browser.new_context(bypass_csp=True)
    yield context
    context.close()


def violations(page: Page, url: str) -> list[dict[str, Any]]:
    page.goto(url)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert result["testEngine"]["version"] in AXE.name  # axe really ran, the vendored version
    assert result["url"].startswith(url)  # on the page asked for (not a login redirect)
    return [v for v in result["violations"] if v["impact"] in BLOCKING]


def report(found: dict[str, list[dict[str, Any]]]) -> str:
    lines = []
    for url, items in found.items():
        for v in items:
            targets = ", ".join(" ".join(node["target"]) for node in v["nodes"][:5])
            lines.append(f"{url}: {v['impact']} {v['id']} — {v['help']} ({len(v['nodes'])} nodes: {targets})")
    return "\n".join(lines)


def check(page: Page, base: str, paths: list[str]) -> None:
    found = {path: items for path in paths if (items := violations(page, base + path))}
    assert not found, "axe found serious or critical violations:\n" + report(found)


def test_the_public_pages_have_no_serious_accessibility_violations(axe_page, live_server, site) -> None:
    page = axe_page.new_page()
    check(
        page,
        live_server.url,
        [
            "/",
            "/reads/ai-data-labeling/",
            "/reads/ai-data-labeling/sources/",
            "/occupations/29-1141.00/",
            "/occupations/",
        ],
    )


def test_the_quiz_has_no_serious_accessibility_violations(axe_page, live_server, site) -> None:
    # A result as someone who enjoys only Social activities gets it: the best three explained, then the next ten.
    response = Client().post("/api/v1/quiz/matches", {"answers": only("S")}, content_type="application/json")
    result = response.json()["result_url"]
    page = axe_page.new_page()
    check(page, live_server.url, ["/quiz/", "/quiz/step/1/", "/quiz/step/5/", result])
    # the result page checked above held both lists (otherwise the compact one went unchecked)
    assert page.locator("[data-testid=match]").count() == 3
    assert page.locator("[data-testid=more-matches] li").count() == 10
    # an invalid final step shows errors next to the fields: those must be accessible too
    page.goto(f"{live_server.url}/quiz/step/5/")
    if page.locator("form button[type=submit]").count():
        page.locator("form button[type=submit]").last.click()
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        blocking = [v for v in result["violations"] if v["impact"] in BLOCKING]
        assert not blocking, report({"/quiz/step/5/ (with errors)": blocking})


def test_the_work_log_has_no_serious_accessibility_violations(axe_page, live_server, site, alice) -> None:
    from careermap.worklog.services import import_batch_create
    from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

    EntryFactory(user=alice, date=dt.date.today(), notes="A note")
    PaymentFactory(user=alice)
    sheet = b"Date,App,Hours,Earnings,Tips,Miles,Vehicle,Notes\n2026-11-02,Uber,1.5,20.00,3.00,12.4,Prius,\n"
    sheet += b"2026-11-03,Outlier,1,0,,,,Onboarding (unpaid)\n"
    batch = import_batch_create(user=alice, filename="sheet.csv", data=sheet)
    client = Client()
    client.force_login(alice)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    axe_page.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    page = axe_page.new_page()
    check(
        page,
        live_server.url,
        [
            "/worklog/",
            "/worklog/entries/add/",
            "/worklog/payments/",
            "/worklog/summary/",
            "/worklog/data/",
            f"/worklog/import/{batch.pk}/",
            f"/worklog/import/{batch.pk}/preview/",
        ],
    )
