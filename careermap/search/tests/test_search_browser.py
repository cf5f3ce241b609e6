"""The search box's typeahead in a real browser (Playwright driving Debian's /usr/bin/chromium):
suggestions arrive as the reader types, under the strict CSP, and a picked title opens its page."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careermap.search.selectors import search_index_forget
from careermap.search.tests.fixtures import create_occupations, create_reads

pytestmark = pytest.mark.e2e
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # as tests/e2e/conftest.py: one test thread
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (installs Debian's chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--no-sandbox", "--disable-gpu"]}


@pytest.fixture
def live_search(transactional_db: Any, tmp_path: Path) -> None:
    create_occupations()
    create_reads(tmp_path)
    search_index_forget()


@pytest.mark.parametrize("width", [1280, 390])  # desktop and phone
def test_typing_offers_titles_and_a_picked_title_opens_its_page(
    page: Page, live_server: Any, live_search: None, width: int
) -> None:
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/search/")
    box = page.locator("#search-q")
    box.press_sequentially("nur", delay=30)
    options = page.locator("form.search-form datalist option")
    # the first suggestion request builds the index (synonyms.yaml included): allow for a busy machine
    expect(options.first).to_have_attribute("value", "Registered Nurses", timeout=15000)
    assert options.count() >= 3
    box.fill("Registered Nurses")
    box.press("Enter")
    page.wait_for_url(f"{live_server.url}/occupations/29-1141.00/", timeout=5000)
    assert not [p for p in problems if "Content Security Policy" in p], problems


def test_without_a_suggestion_the_form_searches_as_before(page: Page, live_server: Any, live_search: None) -> None:
    page.goto(f"{live_server.url}/search/")
    page.locator("#search-q").fill("plumbng")
    page.locator("#search-q").press("Enter")
    page.wait_for_url("**/search/?q=plumbng", timeout=5000)
    expect(page.get_by_text("Showing results for “plumbing” (you typed “plumbng”).")).to_be_visible()


def test_the_results_page_has_no_serious_accessibility_violations(
    browser: Any, live_server: Any, live_search: None
) -> None:
    # axe-core as tests/e2e/test_a11y.py runs it (vendored; a CSP-bypassing context adds only axe)
    vendor = Path(__file__).resolve().parents[3] / "tests" / "e2e" / "vendor"
    axe = sorted(vendor.glob("axe-core-*.min.js"))[-1]
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        for query in ("nurse", "plumbng"):  # results, and the "closest" notice
            page.goto(f"{live_server.url}/search/?q={query}")
            page.add_script_tag(path=str(axe))
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            blocking = [(v["id"], v["help"]) for v in result["violations"] if v["impact"] in {"serious", "critical"}]
            assert not blocking, (query, blocking)
    finally:
        context.close()
