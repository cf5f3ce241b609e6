"""Two journeys a new user takes, in a real browser: quiz → three matches; sign up (with the e-mailed
link) → log work → export.

The quiz uses the quiz tests' tiny hand-made catalogue and item file (careermap/quiz/tests/conftest.py),
not the real datasets.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from careermap.quiz.selectors import quiz_candidates_reset
from careermap.quiz.tests.conftest import PRACTICAL, answer_interest_pages, codebook_text, make_occupations, make_reads


@pytest.fixture
def quiz_data(transactional_db: Any, tmp_path: Path, settings: Any) -> None:
    folder = tmp_path / "data" / "openpsychometrics_riasec_markers_items"
    folder.mkdir(parents=True)
    (folder / "codebook.txt").write_text(codebook_text(), encoding="utf-8")
    settings.CAREERMAP_DATA_DIR = tmp_path / "data"
    make_occupations()
    make_reads(tmp_path / "content")
    quiz_candidates_reset()


def test_a_visitor_takes_the_quiz_and_gets_three_matches_with_reasons(
    page: Page, live_server: Any, quiz_data: None
) -> None:
    page.goto(f"{live_server.url}/quiz/")
    answer_interest_pages(page)
    for question, value in PRACTICAL.items():
        page.locator(f"input[name='{question}'][value='{value}']").check()
    page.get_by_test_id("quiz-finish").click()

    expect(page).to_have_url(re.compile(r"/quiz/results/[^/]+/$"))
    matches = page.locator("[data-testid=match]")
    expect(matches).to_have_count(3)
    expect(matches.first).to_contain_text("Social")
    result_url = page.url
    page.goto(result_url)  # shareable: the result reloads from its token alone
    expect(page.locator("[data-testid=match]")).to_have_count(3)


def test_a_worker_signs_up_logs_work_and_exports_it(page: Page, live_server: Any, transactional_db: Any) -> None:
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("Email").fill("worker@example.com")
    passwords = page.locator("input[type=password]")
    passwords.nth(0).fill("a long and unusual passphrase 42")
    passwords.nth(1).fill("a long and unusual passphrase 42")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    link = re.search(r"https?://\S+/accounts/signup/confirm/\S+/", str(mail.outbox[-1].body)).group(0)  # type: ignore[union-attr]
    page.goto(link)
    page.get_by_label("Password").fill("a long and unusual passphrase 42")
    page.get_by_role("button", name="Open my work log").click()
    expect(page.get_by_text("Welcome. Your work log is private")).to_be_visible()

    page.goto(f"{live_server.url}/worklog/entries/add/")
    page.get_by_label("Platform").fill("Outlier")
    page.get_by_label("Date").fill("2026-11-20")
    page.get_by_label("Time worked").fill("1:30")
    page.get_by_label("Pay expected").fill("30.00")
    page.get_by_label("Status").select_option("unpaid_assessment")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Outlier").first).to_be_visible()

    with page.expect_download() as download_info:
        page.goto(f"{live_server.url}/worklog/data/")
        page.get_by_role("link", name="Entries (CSV)").click()
    exported = Path(download_info.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) == 1
    assert rows[0]["platform"] == "Outlier"
    assert rows[0]["minutes"] == "90"  # "1:30" as written
