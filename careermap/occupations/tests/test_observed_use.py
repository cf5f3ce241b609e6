"""Observed AI use end to end on the tiny fixture folder plus hand-made AEI files: the import,
the registry, the occupation page and its API twin, and the methodology chart."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from careermap.durability.services import durability_compute
from careermap.occupations.importers.base import ImportFileError
from careermap.occupations.models import Dataset, ObservedExposure, ObservedTask
from careermap.occupations.selectors import observed_vs_predicted, occupation_observed
from careermap.occupations.services import data_import
from careermap.occupations.tests.aeifiles import EXPOSURE, USAGE, aei_files
from careermap.occupations.tests.datafiles import write_data_dir

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = write_data_dir(tmp_path / "data", overrides=aei_files())
    data_import(data_dir=root)
    durability_compute()
    return root


def test_the_import_writes_values_tasks_and_the_registry(data: Path) -> None:
    shared = ObservedExposure.objects.get(occupation_id="11-1011.03")
    assert (shared.value, shared.soc_code, shared.join) == (0.0333, "11-1011", "shared")
    assert ObservedExposure.objects.get(occupation_id="15-1252.00").below_share == 0.8  # 4 of 5 below 0.5
    assert ObservedExposure.objects.count() == 5  # 11-1011 twice, 15-1252, 15-1253, 29-1141
    assert sorted(ObservedTask.objects.values_list("task_id", "conversations")) == [
        (8823, 40),
        (16363, 130),
        (16987, 60),
    ]

    exposure = Dataset.objects.get(key="aei-observed-exposure")
    assert (exposure.rows_read, exposure.rows_joined, exposure.rows_unmatched) == (5, 4, 1)
    assert exposure.join_notes["unmatched"][0]["code"] == "99-9999"
    assert exposure.license.endswith("(CC BY 4.0)") and "Massenkoff" in exposure.attribution
    assert "could not be checked against the publisher" in exposure.notes  # the known caveat
    usage = Dataset.objects.get(key="aei-api-task-usage")
    assert (usage.rows_read, usage.rows_joined, usage.rows_unmatched) == (7, 4, 3)
    assert usage.join_notes["conversations_joined"] == 170
    assert usage.occupations_covered == 2
    assert set(usage.files) == {"api_onet_task_usage_2025_11.csv"}


def test_an_occupation_total_counts_a_string_once(data: Path) -> None:
    observed = occupation_observed(code="15-1252.00")
    assert [t.task_id for t in observed.tasks] == [16363, 16987]  # largest share first
    assert observed.conversations == 100 + 10 + 40 + 20  # "shared string" matches both tasks: once
    assert observed.task_count == 2


def test_the_page_shows_observed_use_with_task_text_and_attribution(client: Client, data: Path) -> None:
    html = client.get("/occupations/15-1252.00/").content.decode()
    assert "AI use observed so far" in html
    assert "Observed exposure: 0.5000" in html
    assert "higher than 80% of the 5 occupations Anthropic scored" in html
    assert "Modify existing software." in html  # the O*NET task text
    assert "2 of this occupation's 2 O*NET tasks appear" in html
    assert "Anthropic Economic Index (Anthropic, 2025–2026)" in html
    assert 'href="/data/#aei-api-task-usage"' in html


def test_a_zero_reads_no_measured_exposure_never_zero_percent(client: Client, data: Path) -> None:
    html = client.get("/occupations/15-1253.00/").content.decode()
    start, end = html.index('id="observed-h"'), html.index('id="interests-h"')
    part = html[start:end]
    assert "No measured exposure." in part
    assert "does not mean AI is not used" in part
    assert "0%" not in part and "0.0000" not in part and "0.000" not in part
    assert (
        "None of this occupation's tasks appear in the observed data (which covers one week of business API traffic)."
        in part
    )


def test_an_occupation_without_a_published_row_says_so(client: Client, data: Path) -> None:
    html = client.get("/occupations/55-1011.00/").content.decode()
    assert "observed-exposure table has no row for this occupation's SOC code (55-1011)" in html


def test_the_api_gives_observed_exposure_and_tasks(client: Client, data: Path) -> None:
    body = client.get("/api/v1/occupations/15-1252.00").json()["observed"]
    assert body["exposure"]["value"] == 0.5 and body["exposure"]["measured"] is True
    assert body["exposure"]["dataset"] == "aei-observed-exposure"
    assert [t["task_id"] for t in body["tasks"]] == [16363, 16987]
    assert body["tasks"][0]["statement"] == "Modify existing software."
    assert body["tasks"][0]["anthropic_tasks"] == [
        "modify existing software.",
        "modify existing software",
        "shared string",
    ]
    assert body["conversations"] == 170
    assert len(body["caveats"]) == 2
    zero = client.get("/api/v1/occupations/15-1253.00").json()["observed"]
    assert zero["exposure"]["measured"] is False and zero["tasks"] == []


def test_without_the_folder_nothing_is_imported_and_the_page_says_so(client: Client, tmp_path: Path) -> None:
    data_import(data_dir=write_data_dir(tmp_path))
    assert not Dataset.objects.filter(key__startswith="aei-").exists()
    html = client.get("/occupations/15-1252.00/").content.decode()
    assert "Observed AI-use data (Anthropic Economic Index) is not loaded on this site." in html
    assert client.get("/api/v1/occupations/15-1252.00").json()["observed"] is None


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [
        (EXPOSURE, "occ_code,title,title_source,observed_exposure\n15-1252,A,x,0.1\n15-1253,B,x,nan\n", ":3: "),
        (USAGE, aei_files()[USAGE].replace("15-1252.00|16363,15", "15-1252|16363,15"), ":2: onet29_3_matches"),
    ],
)
def test_a_bad_aei_file_leaves_the_previous_import_intact(
    tmp_path: Path, data: Path, relative: str, text: str, expected: str
) -> None:
    before = (ObservedExposure.objects.count(), ObservedTask.objects.count(), Dataset.objects.count())
    bad = write_data_dir(tmp_path / "bad", overrides={**aei_files(), relative: text})
    with pytest.raises(ImportFileError) as error:
        data_import(data_dir=bad)
    assert str(error.value).startswith(str(bad / relative) + expected)
    assert (ObservedExposure.objects.count(), ObservedTask.objects.count(), Dataset.objects.count()) == before


def test_a_missing_aei_file_is_an_error_not_a_silent_skip(tmp_path: Path) -> None:
    root = write_data_dir(tmp_path, overrides={EXPOSURE: aei_files()[EXPOSURE]})
    with pytest.raises(ImportFileError, match="file not found"):
        data_import(data_dir=root)
    assert Dataset.objects.count() == 0


def test_the_methodology_page_compares_predicted_and_observed(client: Client, data: Path) -> None:
    html = client.get("/methodology/durability/").content.decode()
    assert "Predicted against observed exposure" in html
    assert '<svg class="chart scatter"' in html
    pairs = observed_vs_predicted()
    assert [code for code, *_ in pairs] == ["11-1011.00", "15-1252.00"]  # the fixture has β for these two only
    assert html.count('<circle class="dot"') == len(pairs)
    assert "Spearman rank correlation" in html
    assert "Every occupation's two values (table)" in html
