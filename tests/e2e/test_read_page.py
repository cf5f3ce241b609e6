from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from playwright.sync_api import Page, expect

from careermap.content.services import content_load


@pytest.fixture
def shipped_content(transactional_db) -> None:
    content_load(directory=settings.CAREERMAP_CONTENT_DIR)


def test_a_reader_sees_every_part_of_the_data_labeling_read(page: Page, live_server, shipped_content) -> None:
    page.goto(f"{live_server.url}/reads/ai-data-labeling/")
    expect(page.locator(".kind-label")).to_have_text("GigWatch · Cash-now gig")
    expect(page.get_by_role("heading", level=1)).to_have_text("AI data-labeling work")
    for label in ("Start cost", "Time to first dollar", "To begin"):
        expect(page.locator(".quick-facts dt", has_text=label)).to_be_visible()
    expect(page.get_by_role("heading", name="What this is")).to_be_visible()
    expect(page.get_by_text("No durability score")).to_be_visible()
    for heading in (
        "As just a gig",
        "As a bridge to a hired job",
        "As your own business",
        "Editor’s read",
        "Before you commit",
    ):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.locator(".lens--poor").first).to_be_visible()
    expect(page.get_by_text("Last reviewed")).to_be_visible()
    expect(page.locator("[data-testid=overdue-notice]")).to_have_count(0)

    page.get_by_role("link", name="How we judged this").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How we judged this")
    expect(page.locator(".source").first).to_be_visible()


def test_the_overdue_notice_appears_when_the_clock_is_past_the_next_review(
    page: Page, live_server, shipped_content
) -> None:
    from careermap.content.models import Read

    next_review = Read.objects.get(slug="ai-data-labeling").next_review
    with time_machine.travel(next_review + dt.timedelta(days=1), tick=True):
        page.goto(f"{live_server.url}/reads/ai-data-labeling/")
        expect(page.locator("[data-testid=overdue-notice]")).to_be_visible()
        expect(page.locator("[data-testid=overdue-notice]")).to_contain_text("Overdue for review")
