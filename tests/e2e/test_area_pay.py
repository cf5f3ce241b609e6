"""A reader on a phone picks their area by typing a city, sees local pay and the state map, and
keeps the area as they follow links (fixture data: careermap/occupations/tests/datafiles.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from careermap.durability.services import durability_compute
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import write_data_dir
from careermap.occupations.tests.test_oews import ATLAS


@pytest.fixture
def pay_data(transactional_db, tmp_path: Path, settings) -> None:
    root = write_data_dir(tmp_path, {"us_atlas_3_0_1/states-albers-10m.json": json.dumps(ATLAS)})
    settings.CAREERMAP_DATA_DIR = root
    data_import(data_dir=root)
    durability_compute()


def test_a_reader_picks_an_area_on_a_phone_and_keeps_it(page: Page, live_server, pay_data) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/occupations/15-1252.00/")
    expect(page.get_by_role("heading", name="Pay", exact=True)).to_be_visible()

    page.get_by_label("See pay where you live").fill("san francisco")
    page.get_by_role("button", name="Show local pay").click()

    expect(page).to_have_url(f"{live_server.url}/occupations/15-1252.00/?area=0041860")
    expect(page.get_by_role("heading", name="Pay in San Francisco-Oakland-Fremont, CA")).to_be_visible()
    local = page.locator(".pay-place").first
    expect(local).to_contain_text("$186,640")
    expect(local.locator("svg.pay-range")).to_be_visible()
    expect(page.locator("svg.usmap-svg")).to_be_visible()
    expect(page.locator("svg.usmap-svg path.state-selected")).to_have_count(1)
    # Nothing wider than the phone: the page does not scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    page.get_by_role("link", name="Software Quality Assurance Analysts and Testers").click()
    expect(page).to_have_url(f"{live_server.url}/occupations/15-1253.00/?area=0041860")
    expect(page.get_by_role("heading", name="Pay in San Francisco-Oakland-Fremont, CA")).to_be_visible()
    expect(page.get_by_text("BLS does not publish figures for this occupation in San Francisco")).to_be_visible()


def test_a_place_with_several_matches_lists_them_to_choose(page: Page, live_server, pay_data) -> None:
    page.goto(f"{live_server.url}/occupations/15-1252.00/")
    page.get_by_label("See pay where you live").fill("tx")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Choose your area")).to_be_visible()
    page.get_by_role("link", name="Austin-Round Rock-San Marcos, TX").click()
    expect(page).to_have_url(f"{live_server.url}/occupations/15-1252.00/?area=0012420")
    expect(page.locator(".pay-place").first).to_contain_text("low precision")


def test_with_javascript_a_suggestion_takes_the_reader_straight_to_the_area(page: Page, live_server, pay_data) -> None:
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/occupations/15-1252.00/")
    page.get_by_label("See pay where you live").press_sequentially("texark", delay=30)
    expect(page.locator("datalist#area-options option")).to_have_count(1)
    page.get_by_label("See pay where you live").fill("Texarkana, TX-AR")
    page.get_by_role("button", name="Show local pay").click()
    expect(page).to_have_url(f"{live_server.url}/occupations/15-1252.00/?area=0045220")
    assert errors == []  # no CSP violation or script error
