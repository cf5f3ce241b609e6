"""The import service on a tiny hand-made fixture folder (tests/datafiles.py) written into tmp_path."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from careermap.occupations.importers.base import ImportFileError
from careermap.occupations.models import (
    AlternateTitle,
    Dataset,
    ExposureScore,
    JobZone,
    Measure,
    Occupation,
    Projection,
    RelatedOccupation,
    Task,
)
from careermap.occupations.services import STEP_COUNT, data_import
from careermap.occupations.tests.datafiles import write_data_dir

pytestmark = pytest.mark.django_db


def table_counts() -> dict[str, int]:
    models = (Occupation, AlternateTitle, Task, RelatedOccupation, Projection, ExposureScore, Measure, Dataset, JobZone)
    return {model.__name__: model.objects.count() for model in models}


def test_it_imports_every_table_and_counts_rows(tmp_path: Path) -> None:
    steps: list[str] = []
    summary = data_import(data_dir=write_data_dir(tmp_path), progress=steps.append)
    assert len(steps) == STEP_COUNT
    assert table_counts() == {
        "Occupation": 6,
        "AlternateTitle": 4,
        "Task": 4,
        "RelatedOccupation": 3,
        "Projection": 5,
        "ExposureScore": 12 + 3 * 5 + 3 + 5,
        "Measure": 11,
        "Dataset": 11,
        "JobZone": 5,
    }
    assert summary.counts["with_interests"] == 5
    assert summary.line().startswith("Imported 6 occupations (5 with interest profiles), 4 alternate titles")


def test_it_stores_occupation_fields(tmp_path: Path) -> None:
    data_import(data_dir=write_data_dir(tmp_path))
    dev = Occupation.objects.get(code="15-1252.00")
    assert (dev.soc_code, dev.job_zone, dev.interest_i, dev.interest_code) == ("15-1252", 4, 5.86, "ICR")
    chief = Occupation.objects.get(code="11-1011.00")
    assert (chief.education_category, chief.education_label, chief.education_share) == (6, "Bachelor's Degree", 45.5)
    military = Occupation.objects.get(code="55-1011.00")
    assert military.job_zone is None and not military.has_interests and military.interest_code == ""
    assert not Projection.objects.filter(occupation=military).exists()


def test_projections_are_shared_and_top_coded_wages_flagged(tmp_path: Path) -> None:
    data_import(data_dir=write_data_dir(tmp_path))
    chief = Projection.objects.get(occupation_id="11-1011.03")
    assert (chief.nem_code, chief.nem_title, chief.join) == ("11-1011", "Chief executives", "shared")
    assert (chief.median_wage, chief.median_wage_is_floor) == (239200, True)
    dev = Projection.objects.get(occupation_id="15-1252.00")
    assert (dev.join, dev.employment_2024, dev.change_percent, dev.median_wage) == ("direct", 309.4, 15.8, 133080)
    bls = Dataset.objects.get(key="bls-ep-2024-34")
    assert (bls.rows_read, bls.rows_joined, bls.rows_unmatched, bls.occupations_covered) == (6, 4, 1, 5)
    assert bls.join_notes["summary_rows_skipped"] == 1
    assert bls.join_notes["unmatched"][0]["code"] == "27-2023"
    assert bls.join_notes["occupations_without_projection"] == ["55-1011.00"]


def test_crosswalked_scores_record_split_merge_and_title_joins(tmp_path: Path) -> None:
    data_import(data_dir=write_data_dir(tmp_path))

    def score(code: str, key: str) -> tuple[float, str, str]:
        s = ExposureScore.objects.get(occupation_id=code, measure__key=key)
        return (s.value, s.join, s.source_code)

    assert score("15-1252.00", "aioe") == (1.2, "merged_averaged", "15-1132, 15-1133")
    assert score("15-1253.00", "aioe") == (1.2, "merged_averaged", "15-1132, 15-1133")
    assert score("11-1011.03", "aioe") == (1.334246, "direct", "11-1011")
    assert score("29-1141.00", "fo_probability") == (0.009, "title_match", "29-1111")
    assert score("15-1252.00", "fo_probability") == (0.086, "merged_averaged", "15-1132, 15-1133")
    assert score("11-1011.03", "ai_applicability_score") == (0.155502898114603, "direct", "11-1011")
    assert score("11-1011.00", "dv_rating_gamma") == (0.8200000000000001, "direct", "11-1011.00")

    aioe = Dataset.objects.get(key="aioe")
    assert (aioe.rows_read, aioe.rows_joined, aioe.rows_unmatched, aioe.occupations_covered) == (5, 4, 1, 5)
    assert aioe.join_notes["soc_codes_by_join"] == {"direct": 2, "merged_averaged": 2}
    assert aioe.join_notes["unmatched"] == [
        {
            "code": "19-9999",
            "title": "Made-up Scientists",
            "reason": "not a SOC 2010 code, and its title matches no unscored SOC 2010 title exactly",
        }
    ]
    fo = Dataset.objects.get(key="frey-osborne-2013")
    assert (fo.rows_read, fo.rows_joined, fo.rows_unmatched) == (5, 4, 1)
    assert fo.join_notes["title_match"] == ["29-1111 (Registered nurses) → 29-1141"]
    ms = Dataset.objects.get(key="microsoft-working-with-ai")
    assert (ms.rows_read, ms.rows_joined, ms.rows_unmatched, ms.occupations_covered) == (3, 2, 1, 3)


def test_task_labels_join_on_task_id_and_mark_reworded_tasks(tmp_path: Path) -> None:
    data_import(data_dir=write_data_dir(tmp_path))
    labelled = Task.objects.get(task_id=8823)
    assert (labelled.gpt_human_exposure, labelled.gpt4_exposure, labelled.gpt4_automation) == ("E0", "E2", "T2")
    assert not labelled.gpt_label_reworded
    assert Task.objects.get(task_id=16363).gpt_label_reworded
    assert not Task.objects.get(task_id=16987).has_gpt_labels
    gpts = Dataset.objects.get(key="gpts-are-gpts")
    assert gpts.join_notes["task_labels_joined"] == 2
    assert gpts.join_notes["task_labels_unmatched"] == {"task_id_not_in_onet_29_3": 1}
    assert gpts.join_notes["unmatched"][0]["code"] == "99-9999.00"
    assert (gpts.rows_read, gpts.rows_joined, gpts.rows_unmatched) == (6, 4, 2)


def test_the_registry_records_files_with_sha256_and_the_onet_attribution(tmp_path: Path) -> None:
    root = write_data_dir(tmp_path)
    data_import(data_dir=root)
    onet = Dataset.objects.get(key="onet-29-3")
    path = root / "onet_29_3" / "Occupation Data.txt"
    assert onet.files["Occupation Data.txt"] == {
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "bytes": path.stat().st_size,
        "rows_read": 6,
        "rows_joined": 6,
        "rows_unmatched": 0,
    }
    assert onet.files["Read Me.txt"]["rows_read"] == 0
    assert "includes information from the O*NET 29.3 Database" in onet.attribution
    assert "Used under the CC BY 4.0 license" in onet.attribution
    assert onet.join_notes["with_interest_profile"] == 5
    assert list(Dataset.objects.values_list("key", flat=True))[:3] == [
        "onet-29-3",
        "bls-ep-2024-34",
        "bls-oews-may2025",
    ]


def test_re_running_gives_the_same_rows(tmp_path: Path) -> None:
    root = write_data_dir(tmp_path)
    data_import(data_dir=root)
    first = (table_counts(), list(ExposureScore.objects.values_list("occupation_id", "measure__key", "value", "join")))
    data_import(data_dir=root)
    second = (table_counts(), list(ExposureScore.objects.values_list("occupation_id", "measure__key", "value", "join")))
    assert first == second


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [
        ("onet_29_3/Task Statements.txt", "O*NET-SOC Code\tTitle\tTask ID\n", "missing column(s)"),
        ("onet_29_3/Read Me.txt", "O*NET 30.0 Database\n", "O*NET 30.0 is not a supported version"),
        ("gpts_are_gpts/occ_level.csv", "O*NET-SOC Code,Title\n11-1011.00,Chief", "missing column(s)"),
        (
            "frey_osborne_2013/frey_osborne_automation_probability_soc2010.csv",
            "Rank,Probability,Label,SOC code,Occupation\n1,0.2,,11-1011,Chief\n2,0.",
            ":3: expected 5 fields, found 2",
        ),
    ],
)
def test_a_bad_file_leaves_the_previous_import_intact(tmp_path: Path, relative: str, text: str, expected: str) -> None:
    data_import(data_dir=write_data_dir(tmp_path / "good"))
    before = table_counts()
    imported_at = Dataset.objects.get(key="onet-29-3").imported_at
    bad = write_data_dir(tmp_path / "bad", overrides={relative: text})
    with pytest.raises(ImportFileError) as error:
        data_import(data_dir=bad)
    assert str(bad / relative) in str(error.value)
    assert expected in str(error.value)
    assert table_counts() == before
    assert Dataset.objects.get(key="onet-29-3").imported_at == imported_at


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    summary = data_import(data_dir=write_data_dir(tmp_path), dry_run=True)
    assert summary.counts["occupations"] == 6
    assert summary.line().startswith("Dry run, nothing written: would import 6 occupations")
    assert Occupation.objects.count() == 0 and Dataset.objects.count() == 0
