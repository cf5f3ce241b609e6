"""The quiz on the real shared data and our real reads (skipped when CAREERMAP_DATA_DIR lacks them).

The same checks as eval/quiz_eval.py, with fewer random answer sets to stay quick.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from careermap.content.services import content_load
from careermap.occupations.services import data_import
from careermap.quiz import evaluation
from careermap.quiz.questions import ITEMS_FOLDER, question_set
from careermap.quiz.selectors import build_candidates
from careermap.tests.realdata import real_data_path

pytestmark = [pytest.mark.django_db, pytest.mark.realdata]


@pytest.fixture
def data_dir() -> Path:
    real_data_path("onet_29_3", "Interests.txt")
    return real_data_path(ITEMS_FOLDER, "codebook.txt").parent.parent


def test_the_real_codebook_gives_the_48_items_and_the_scale_we_show(data_dir: Path) -> None:
    text = (data_dir / ITEMS_FOLDER / "codebook.txt").read_text(encoding="utf-8")
    assert "1=Dislike, 3=Neutral, 5=Enjoy" in text
    items = question_set().items
    assert items is not None and len(items) == 48
    assert {item.id: item.text for item in items}["R1"] == "Test the quality of parts before shipment"


def test_matching_on_the_real_data_meets_the_quality_bar(data_dir: Path) -> None:
    data_import(data_dir=data_dir)
    content_load(directory=Path(settings.CAREERMAP_CONTENT_DIR))
    pool = build_candidates()
    assert pool.occupations > 900 and pool.reads > 30

    # Someone who enjoys only one type's activities: three matches, each with that type first.
    for row in evaluation.one_type(pool.candidates):
        assert row.ok, (row.letter, row.matches)

    # One interest answer changed: at most one of the three matches changes in most cases.
    result = evaluation.stability(pool.candidates, sets=300, seed=7)
    assert result["violations"] == []
    assert result["at_most_one_rate"] >= 0.85, result

    # Random answers never break a hard requirement or the urgency rule.
    audit = evaluation.audit(pool.candidates, sets=500, seed=8)
    assert audit["violations"] == [] and audit["matches_for_this_week"] > 0
