"""The quiz in a real browser (Playwright driving Debian's /usr/bin/chromium): the whole quiz with a
current job typed in, the result page's copy button, and how long finishing takes.

The time measured is the browser's: every answer clicked and every page loaded, with no time to
read or think. It is the floor under a person's time and shows what the pages themselves cost;
`QUESTIONS` and `PAGES` say how much a person has to read and answer.
"""

from __future__ import annotations

import os
import re
import statistics
import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from careermap.quiz.selectors import quiz_candidates_reset
from careermap.quiz.tests.conftest import PRACTICAL, answer_interest_pages, codebook_text, make_occupations, make_reads

pytestmark = pytest.mark.e2e
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # as tests/e2e/conftest.py: one test thread
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
RUNS = 5


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: run `make browser` (installs Debian's chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": ["--no-sandbox", "--disable-gpu"]}


@pytest.fixture
def quiz_data(transactional_db: Any, tmp_path: Path, settings: Any) -> None:
    folder = tmp_path / "data" / "openpsychometrics_riasec_markers_items"
    folder.mkdir(parents=True)
    (folder / "codebook.txt").write_text(codebook_text(), encoding="utf-8")
    settings.CAREERMAP_DATA_DIR = tmp_path / "data"
    make_occupations()
    make_reads(tmp_path / "content")
    quiz_candidates_reset()


def take_quiz(page: Page, base: str) -> tuple[float, int, int]:
    """Answer everything as someone who likes Social work and works as a nurse; (seconds, answers, pages)."""
    started = time.perf_counter()
    page.goto(f"{base}/quiz/")
    pages, answers = answer_interest_pages(page)
    pages += 1
    page.locator("input[name='job_title']").fill("registered nurse")
    answers += 1
    for question, value in (PRACTICAL | {"years": "5-plus", "pay_floor": "current"}).items():
        page.locator(f"input[name='{question}'][value='{value}']").check()
        answers += 1
    page.get_by_test_id("quiz-finish").click()
    expect(page).to_have_url(re.compile(r"/quiz/results/[^/]+/$"))
    return time.perf_counter() - started, answers, pages


def test_the_quiz_with_a_job_ends_on_explained_matches_and_its_time_is_measured(
    page: Page, live_server: Any, quiz_data: None
) -> None:
    times = []
    for _ in range(RUNS):
        page.context.clear_cookies()  # a new visitor each time
        seconds, answers, pages = take_quiz(page, live_server.url)
        times.append(seconds)
    median = statistics.median(times)
    print(f"quiz finished in the browser: median {median:.2f} s over {RUNS} runs; {answers} answers on {pages} pages")
    assert answers == 48 + 1 + len(PRACTICAL) and pages == 5

    expect(page.get_by_test_id("result-job")).to_contain_text("Registered Nurses")
    expect(page.get_by_test_id("result-stamp")).to_be_visible()
    expect(page.locator("[data-testid=match]").first).to_contain_text("fit")
    copy = page.get_by_test_id("copy-link")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    expect(copy).to_be_visible()  # shown by static/js/quiz-share.js: no inline script under the CSP
    copy.click()
    expect(page.locator("[data-copy-status]")).to_have_text(re.compile("copied|copy it"))
    assert median < 60, times
