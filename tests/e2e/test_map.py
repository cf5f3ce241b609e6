"""The drawn map, the occupations explorer and compare in Debian's chromium, at desktop and phone widths:
the map renders, a filter changes it, a mark is reached by keyboard and opens its read, compare shows the
chosen items, and axe-core finds no serious or critical violation on the new pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import Browser, Page, ViewportSize, expect

from careermap.content.models import Read
from careermap.content.services import content_load
from careermap.durability.services import durability_compute
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import write_data_dir
from tests.e2e.test_a11y import check

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}


@pytest.fixture
def site(transactional_db, settings, tmp_path: Path) -> None:
    """The shipped reads over the fixture datasets, with durability computed."""
    data = write_data_dir(tmp_path / "data")
    settings.CAREERMAP_DATA_DIR = data
    data_import(data_dir=data)
    durability_compute()
    content_load(directory=django_settings.CAREERMAP_CONTENT_DIR)


@pytest.fixture
def axe_context(browser: Browser) -> Any:
    context = browser.new_context(bypass_csp=True)  # only for injecting axe (see test_a11y.py)
    yield context
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_map_renders_filters_and_opens_a_read_from_the_keyboard(
    page: Page, live_server, site, viewport: ViewportSize
) -> None:
    errors: list[str] = []
    # Any refused or missing resource of the page (the site has no favicon: not this page's concern).
    page.on(
        "response",
        lambda response: (
            errors.append(response.url)
            if response.status >= 400 and not response.url.endswith("/favicon.ico")
            else None
        ),
    )
    page.on(
        "console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/")
    chart = page.get_by_test_id("read-map")
    expect(chart).to_be_visible()
    marks = chart.locator("a.mark")
    expect(marks).to_have_count(Read.objects.count())
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    page.locator("#id_collection").select_option("careers")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(
        f"{live_server.url}/?collection=careers&max_start_cost=&first_dollar=&durability=&q=&sort="
    )
    expect(chart.locator("a.mark")).to_have_count(Read.objects.filter(collection="careers").count())
    expect(chart.locator("a.mark--gigwatch")).to_have_count(0)

    # Keyboard: from the skip link, Tab lands on the first mark; its name shows; Enter opens the read.
    page.get_by_role("link", name="Skip the chart to the list of reads").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('data-slug')")
    assert focused
    label = chart.locator(f"a.mark[data-slug='{focused}'] text")
    expect(label).to_be_visible()
    assert not errors, errors  # map.js and map.css load; no CSP refusal
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/reads/{focused}/")


def test_the_explorer_draws_occupations_and_a_filter_changes_it(page: Page, live_server, site) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/occupations/")
    chart = page.get_by_test_id("explorer")
    expect(chart).to_be_visible()
    before = chart.locator("a.omark").count()
    assert before >= 3
    page.get_by_label("Job zone").select_option("5")
    page.get_by_role("button", name="Apply").click()
    expect(chart.locator("a.omark")).to_have_count(2)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_compare_shows_the_chosen_items(page: Page, live_server, site, viewport: ViewportSize) -> None:
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/?collection=careers")
    page.locator(".read-card", has_text="Registered nurse").get_by_role("link", name="Compare with…").click()
    expect(page.locator(".compare-item")).to_have_count(1)
    page.get_by_label("A read").select_option(label="Food delivery")
    page.get_by_role("button", name="Add").click()
    page.get_by_label("or an O*NET-SOC code").fill("15-1252.00")
    page.get_by_role("button", name="Add").click()
    expect(page).to_have_url(f"{live_server.url}/compare/?items=registered-nurse,food-delivery,15-1252.00")
    items = page.locator(".compare-item h2")
    expect(items).to_have_text(["Registered nurse", "Food delivery", "Software Developers"])
    expect(page.get_by_role("button", name="Add")).to_have_count(0)  # three is the most
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_new_pages_have_no_serious_accessibility_violations(
    axe_context, live_server, site, viewport: ViewportSize
) -> None:
    page = axe_context.new_page()
    page.set_viewport_size(viewport)
    check(
        page,
        live_server.url,
        [
            "/",
            "/?collection=careers&sort=reviewed",
            "/occupations/",
            "/occupations/?job_zone=5",
            "/occupations/15-1252.00/",
            "/compare/?items=registered-nurse,food-delivery,15-1252.00",
            "/compare/?items=nope",
        ],
    )
