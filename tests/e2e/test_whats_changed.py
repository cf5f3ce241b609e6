"""A reader follows What's changed on a gig read: dated events, newest first, each with its source and a feed."""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from careermap.content.services import content_load


@pytest.fixture
def shipped_content(transactional_db) -> None:
    content_load(directory=settings.CAREERMAP_CONTENT_DIR)


def test_a_reader_sees_whats_changed_and_can_follow_it(page: Page, live_server, shipped_content) -> None:
    page.goto(f"{live_server.url}/reads/rideshare-driving/")
    section = page.locator("[data-testid=whats-changed]")
    expect(section.get_by_role("heading", name="What’s changed")).to_be_visible()
    dates = section.locator("li.change time").evaluate_all("nodes => nodes.map(n => n.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True) and len(dates) >= 2
    expect(section.locator("li.change").first).to_contain_text("Waymo")
    expect(section.locator("li.change").first.get_by_role("link", name="source 9")).to_be_visible()
    expect(page.locator('link[rel=alternate][href="/reads/rideshare-driving/changes.atom"]')).to_have_count(1)
    if os.environ.get("SCREENSHOT_DIR"):
        section.screenshot(path=os.path.join(os.environ["SCREENSHOT_DIR"], "whats-changed.png"))

    feed = page.request.get(f"{live_server.url}/reads/rideshare-driving/changes.atom")
    assert feed.ok and feed.headers["content-type"].startswith("application/atom+xml")
    assert "Waymo" in feed.text()

    page.goto(f"{live_server.url}/reads/grocery-shopping-delivery/sources/")
    expect(page.locator(".evidence-part[data-part=whats-changed]")).to_be_visible()
    expect(page.locator("[data-testid=source-note]").first).to_contain_text("Shipt's own account of its pay model")
