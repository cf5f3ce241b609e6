"""Quiz fixtures: a tiny item file in a temporary data folder, and a small catalogue in the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, start_cost, write_read
from careermap.occupations import sources
from careermap.occupations.models import Dataset, Occupation, Projection
from careermap.quiz.matching import RIASEC
from careermap.quiz.selectors import quiz_candidates_reset

ITEM_IDS = [f"{letter}{n}" for letter in RIASEC for n in range(1, 9)]

PRACTICAL = {
    "urgency": "year",
    "budget": "more",
    "education": "bachelor",
    "train": "any",
    "age": "18-plus",
    "work_authorization": "authorized",
    "licence": "willing",
    "setting": "either",
    "hours": "full-time",
    "goal": "hired",
    "durability": "not-much",
    "years": "none",
    "pay_floor": "none",
}


def codebook_text() -> str:
    lines = [
        "Some preamble.",
        "",
        "The following items were rated on a 1-5 scale ... 1=Dislike, 3=Neutral, 5=Enjoy.",
        "",
    ]
    lines += [f"{item}\tFixture activity {item}" for item in ITEM_IDS]
    lines += ["", "TIPI1\tExtraverted, enthusiastic."]
    return "\n".join(lines) + "\n"


def only(letter: str, **practical: str) -> dict[str, Any]:
    """Answers from someone who enjoys only one type's activities."""
    answers: dict[str, Any] = {item: 5 if item[0] == letter else 1 for item in ITEM_IDS}
    return answers | PRACTICAL | practical


@pytest.fixture(autouse=True)
def _fresh_candidates() -> Iterator[None]:
    quiz_candidates_reset()
    yield
    quiz_candidates_reset()


@pytest.fixture
def items(tmp_path: Path, settings: Any) -> Path:
    folder = tmp_path / "data" / "openpsychometrics_riasec_markers_items"
    folder.mkdir(parents=True)
    (folder / "codebook.txt").write_text(codebook_text(), encoding="utf-8")
    settings.CAREERMAP_DATA_DIR = tmp_path / "data"
    return folder


@pytest.fixture
def no_items(tmp_path: Path, settings: Any) -> None:
    (tmp_path / "empty").mkdir()
    settings.CAREERMAP_DATA_DIR = tmp_path / "empty"


# code, title, job zone, R I A S E C, BLS typical entry education, on-the-job training, wage, change %
# fmt: off
OCCUPATIONS = [
    ("21-1012.00", "Educational Counselors", 5, (1.5, 3.0, 2.0, 6.9, 3.5, 2.5), "Master's degree", "None", 65140, 4.0),
    ("29-1141.00", "Registered Nurses", 3, (2.5, 4.8, 1.5, 6.6, 2.5, 2.8), "Bachelor's degree", "None", 93600, 5.0),
    ("39-9011.00", "Childcare Workers", 2, (1.8, 1.5, 3.0, 6.4, 1.9, 2.0), "High school diploma or equivalent", "Short-term on-the-job training", 32050, -1.5),
    ("15-1252.00", "Software Developers", 4, (2.4, 6.4, 2.6, 1.4, 2.0, 4.6), "Bachelor's degree", "None", 133080, 15.0),
    ("27-1024.00", "Graphic Designers", 4, (1.6, 2.4, 6.8, 1.6, 3.0, 3.0), "Bachelor's degree", "None", 61300, 2.0),
    ("41-2031.00", "Retail Salespersons", 2, (1.3, 1.2, 1.8, 3.0, 6.5, 3.9), "No formal educational credential", "Short-term on-the-job training", 34730, -1.8),
    ("43-3031.00", "Bookkeeping Clerks", 3, (1.2, 2.1, 1.0, 1.9, 2.6, 6.9), "Some college, no degree", "Moderate-term on-the-job training", 49210, -6.0),
    ("47-2111.00", "Electricians", 3, (6.9, 3.6, 1.4, 1.6, 2.0, 3.0), "High school diploma or equivalent", "Apprenticeship", 62350, 9.0),
    ("53-3031.00", "Driver/Sales Workers", 2, (5.6, 1.2, 1.0, 2.2, 4.1, 3.6), "High school diploma or equivalent", "Short-term on-the-job training", 40100, 1.0),
    ("35-2014.00", "Cooks, Restaurant", 2, (5.8, 1.6, 3.2, 1.8, 2.4, 2.3), "No formal educational credential", "Moderate-term on-the-job training", 37000, 6.0),
]
# fmt: on


def _dataset(info: sources.DatasetInfo) -> Dataset:
    return Dataset.objects.create(
        key=info.key,
        name=info.name,
        version=info.version,
        publisher=info.publisher,
        license=info.license,
        attribution=info.attribution,
        url=info.url,
        imported_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC),
    )


def make_occupation(
    code: str,
    title: str,
    interests: tuple[float, float, float, float, float, float],
    *,
    job_zone: int,
    **projection: Any,
) -> Occupation:
    """One fixture occupation with its interest profile and a BLS projection (`projection` overrides)."""
    r, i, a, s, e, c = interests
    high = "".join(sorted(RIASEC, key=lambda x: -interests[RIASEC.index(x)])[:3])
    occupation = Occupation.objects.create(
        code=code,
        title=title,
        description=f"{title} do things.",
        soc_code=code[:7],
        job_zone=job_zone,
        interest_r=r,
        interest_i=i,
        interest_a=a,
        interest_s=s,
        interest_e=e,
        interest_c=c,
        interest_code=high,
    )
    Projection.objects.create(
        **{
            "occupation": occupation,
            "nem_code": code[:7],
            "nem_title": title,
            "join": "direct",
            "employment_2024": 100.0,
            "work_experience": "None",
            **projection,
        }
    )
    return occupation


def make_occupations() -> None:
    _dataset(sources.ONET)
    _dataset(sources.BLS)
    for code, title, zone, interests, education, training, wage, change in OCCUPATIONS:
        make_occupation(
            code,
            title,
            interests,
            job_zone=zone,
            employment_2034=100.0 * (1 + change / 100),
            change_numeric=change,
            change_percent=change,
            self_employed_percent=30.0 if code.startswith("27") else 3.0,
            openings_annual=12.3,
            median_wage=wage,
            typical_entry_education=education,
            on_the_job_training=training,
        )
    Occupation.objects.create(code="11-9199.00", title="Managers, All Other", description="-", soc_code="11-9199")


def make_reads(directory: Path) -> None:
    write_read(
        directory,
        "test-delivery",
        front_matter(
            title="Test delivery",
            occupations=["53-3031.00"],
            interests=["R", "C"],
        ),
    )
    write_read(
        directory,
        "test-tutoring",
        front_matter(
            title="Test tutoring",
            occupations=[],
            interests=["S", "A"],
            quick_facts__start_cost=start_cost(0, 50, "A laptop"),
            quick_facts__requirements__min_age={"years": 16, "required_by": "The platform"},
            quick_facts__requirements__work_authorization={"required": False, "required_by": "Nobody"},
            quick_facts__requirements__other=[],
        ),
    )
    write_read(
        directory,
        "test-nursing",
        front_matter(
            title="Test nursing",
            collection="careers",
            occupations=["29-1141.00"],
            interests=["S", "I"],
            durability={"scored": True, "basis": "Computed from the linked occupation's data."},
            quick_facts__first_dollar={
                "band": "year-plus",
                "caveat": "school first",
                "basis": "our estimate from school lengths",
            },
            quick_facts__requirements__education={"level": "associate", "credential": "ADN", "required_by": "States"},
            lenses__hired={"verdict": "Steady work", "tone": "good", "text": "Hired text."},
        ),
    )
    content_load(directory=directory)


@pytest.fixture
def catalogue(tmp_path: Path, db: None) -> None:
    make_occupations()
    make_reads(tmp_path / "content")


def answer_interest_pages(page: Any) -> tuple[int, int]:
    """In a browser, answer every interest page as someone who likes Social work; (pages, answers).

    Each click waits for the next step's URL: checking for the Next button straight after a click can
    still see the page being left (or not yet the one arriving), which made the journey skip its steps.
    """
    page.get_by_test_id("quiz-begin").click()
    page.wait_for_url("**/quiz/step/1/")
    pages = answers = 0
    while page.get_by_test_id("quiz-next").count():
        pages += 1
        for fieldset in page.locator("fieldset.likert").all():
            item = fieldset.get_attribute("data-item") or ""
            fieldset.locator(f"input[value='{'5' if item.startswith('S') else '1'}']").check()
            answers += 1
        page.get_by_test_id("quiz-next").click()
        page.wait_for_url(f"**/quiz/step/{pages + 1}/")
    return pages, answers
