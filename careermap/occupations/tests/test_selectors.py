"""Selectors over a tiny hand-made fixture import (tests/datafiles.py, written into tmp_path)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careermap.occupations.models import Occupation
from careermap.occupations.selectors import OccupationFilters, dataset_list, occupation_get, occupation_list
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import write_data_dir

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(tmp_path: Path) -> None:
    data_import(data_dir=write_data_dir(tmp_path))


def codes(filters: OccupationFilters) -> list[str]:
    return [o.code for o in occupation_list(filters=filters)]


@pytest.mark.usefixtures("imported")
def test_occupation_get_has_everything_the_page_needs(django_assert_num_queries) -> None:
    with django_assert_num_queries(8):
        detail = occupation_get(code="15-1252.00")
        assert detail.occupation.title == "Software Developers"
        assert detail.projection is not None and detail.projection.median_wage == 133080
        assert detail.job_zone is not None and detail.job_zone.zone == 4
        assert [t.task_id for t in detail.tasks] == [16363, 16987]
        assert [t.title for t in detail.alternate_titles] == ["Application Developer", "Software Engineer"]
        assert [r.to_occupation.title for r in detail.related] == [
            "Software Quality Assurance Analysts and Testers",
            "Chief Executives",
        ]
        by_key = {row.measure.key: row for row in detail.exposures}
        assert len(by_key) == 11
        assert by_key["aioe"].score is not None and by_key["aioe"].score.value == 1.2
        assert by_key["aioe"].dataset.key == "aioe"
        assert "onet-29-3" in detail.datasets


@pytest.mark.usefixtures("imported")
def test_occupation_get_says_which_measures_have_no_row() -> None:
    detail = occupation_get(code="55-1011.00")
    assert detail.projection is None and detail.job_zone is None
    assert all(row.score is None for row in detail.exposures)


@pytest.mark.usefixtures("imported")
def test_occupation_get_raises_for_an_unknown_code() -> None:
    with pytest.raises(Occupation.DoesNotExist):
        occupation_get(code="00-0000.00")


@pytest.mark.usefixtures("imported")
def test_occupation_list_filters() -> None:
    assert len(codes(OccupationFilters())) == 6
    assert codes(OccupationFilters(job_zone=4)) == ["15-1252.00", "15-1253.00"]
    assert codes(OccupationFilters(interest="e")) == ["11-1011.00", "11-1011.03"]
    assert codes(OccupationFilters(change_min=10)) == ["15-1252.00", "15-1253.00"]
    assert codes(OccupationFilters(change_min=5, change_max=10)) == ["29-1141.00", "15-1253.00"]
    assert codes(OccupationFilters(text="engineer")) == ["15-1252.00"]  # alternate title
    assert codes(OccupationFilters(text="nurses")) == ["29-1141.00"]


@pytest.mark.usefixtures("imported")
def test_a_top_coded_wage_counts_as_at_least_its_floor() -> None:
    assert codes(OccupationFilters(wage_min=250000)) == ["11-1011.00", "11-1011.03"]
    assert set(codes(OccupationFilters(wage_max=240000))) == {"15-1252.00", "15-1253.00", "29-1141.00"}
    assert set(codes(OccupationFilters(wage_min=100000, wage_max=140000))) == {"15-1252.00", "15-1253.00"}


def test_an_unknown_interest_letter_is_refused() -> None:
    with pytest.raises(ValueError, match="RIASEC"):
        OccupationFilters(interest="X")


@pytest.mark.usefixtures("imported")
def test_dataset_list_is_in_registry_order_with_measures(django_assert_num_queries) -> None:
    with django_assert_num_queries(2):
        datasets = list(dataset_list())
        assert [d.key for d in datasets][-1] == "frey-osborne-2013"
        assert [m.key for m in datasets[-1].measures.all()] == ["fo_probability"]
