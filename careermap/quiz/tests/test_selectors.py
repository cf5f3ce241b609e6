"""Candidates built from the database: occupations and reads, once per data version."""

from __future__ import annotations

from typing import Any

import pytest

from careermap.content.selectors import content_version_bump
from careermap.occupations.models import Occupation
from careermap.quiz.matching import EDUCATION_LEVELS
from careermap.quiz.selectors import DURABILITY_MISSING, quiz_candidates

pytestmark = pytest.mark.django_db
BACHELOR = EDUCATION_LEVELS.index("bachelor")
HIGH_SCHOOL = EDUCATION_LEVELS.index("high-school")


def by_key() -> dict[str, Any]:
    return {c.key: c for c in quiz_candidates().candidates}


@pytest.mark.usefixtures("catalogue")
def test_every_profiled_occupation_and_every_read_is_a_candidate() -> None:
    pool = quiz_candidates()
    assert (pool.occupations, pool.reads, pool.skipped_without_profile) == (10, 3, 1)
    assert "occupation:11-9199.00" not in by_key()


@pytest.mark.usefixtures("catalogue")
def test_an_occupation_candidate_carries_its_data() -> None:
    nurse = by_key()["occupation:29-1141.00"]
    assert nurse.profile == (2.5, 4.8, 1.5, 6.6, 2.5, 2.8) and nurse.interest_code == "SIC"
    assert nurse.groups == frozenset({"29-1"})
    assert nurse.min_age == 18 and nurse.needs_work_authorization
    assert nurse.needs_licence is True  # a read linked to it needs one
    assert nurse.education_level == BACHELOR
    assert nurse.first_dollar[HIGH_SCHOOL] == "year-plus" and nurse.first_dollar[BACHELOR] == "months"
    assert nurse.pay is not None and nurse.pay.median_wage == 93600
    assert nurse.pay.source.version == "2024–34 (released 2025)"
    assert nurse.durability is None and nurse.durability_note == DURABILITY_MISSING


@pytest.mark.usefixtures("catalogue")
def test_first_dollar_follows_bls_entry_education_and_training() -> None:
    candidates = by_key()
    assert candidates["occupation:41-2031.00"].first_dollar[0] == "weeks"  # no credential needed
    assert candidates["occupation:39-9011.00"].first_dollar[0] == "months"  # a diploma to get first
    assert candidates["occupation:47-2111.00"].first_dollar[HIGH_SCHOOL] == "months"  # apprenticeship intake
    assert candidates["occupation:43-3031.00"].education_level == EDUCATION_LEVELS.index("postsecondary-certificate")


@pytest.mark.usefixtures("catalogue")
def test_the_job_zone_stands_in_when_bls_has_no_row() -> None:
    Occupation.objects.get(code="15-1252.00").projection.delete()
    developer = by_key()["occupation:15-1252.00"]
    assert developer.education_level == BACHELOR and developer.pay is None


@pytest.mark.usefixtures("catalogue")
def test_a_read_with_occupations_takes_their_profile_and_its_own_requirements() -> None:
    read = by_key()["read:test-nursing"]
    assert read.profile == (2.5, 4.8, 1.5, 6.6, 2.5, 2.8)
    assert read.groups == frozenset({"29-1"}) and read.interest_code == "SI"
    assert read.education_level == EDUCATION_LEVELS.index("associate")
    assert set(read.first_dollar) == {"year-plus"}
    assert read.lenses is not None and read.lenses[1] == ("good", "Steady work")
    assert read.pay is not None and read.pay.occupation_title == "Registered Nurses"
    assert read.durability is None and "not yet available" in read.durability_note
    assert any(note.startswith("Before you commit: Keep a record.") for note in read.notes)


@pytest.mark.usefixtures("catalogue")
def test_a_read_without_occupations_is_matched_on_its_interest_letters() -> None:
    read = by_key()["read:test-tutoring"]
    assert read.profile[3] > read.profile[2] > read.profile[0]
    assert read.groups == frozenset({"read:test-tutoring"})
    assert read.min_age == 16 and not read.needs_work_authorization and read.needs_licence is False
    assert read.flexible_hours and read.start_cost_max == 50
    assert read.durability_note.startswith("No durability score: cash now")


@pytest.mark.usefixtures("catalogue")
def test_durability_scores_fill_in_when_the_durability_app_has_them() -> None:
    from careermap.durability.models import DurabilityScore

    for code, score in (("29-1141.00", 80), ("21-1012.00", 64)):
        DurabilityScore.objects.create(
            occupation_id=code, version="1.0", score=score, confidence="high", coverage=1.0,
            inputs=[], missing=[], why=[], disagreements=[],
        )  # fmt: skip
    candidates = by_key()
    assert candidates["occupation:29-1141.00"].durability == 80
    assert candidates["read:test-nursing"].durability == 80
    assert quiz_candidates().durability_available


@pytest.mark.usefixtures("catalogue")
def test_candidates_are_built_once_per_data_version(django_assert_num_queries: Any) -> None:
    first = quiz_candidates()
    with django_assert_num_queries(0):  # the version lives in the cache
        assert quiz_candidates() is first
    content_version_bump(999)  # a content load elsewhere: the next call sees the bumped version
    assert quiz_candidates() is not first
