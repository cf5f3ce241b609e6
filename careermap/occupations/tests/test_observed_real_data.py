"""Observed AI use on the real shared files (skipped when CAREERMAP_DATA_DIR lacks them).

Expected values are read straight from the source files here, not from our parsers.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from django.test import Client

from careermap.occupations import selectors
from careermap.occupations.models import Dataset, ObservedExposure, ObservedTask
from careermap.occupations.services import data_import
from careermap.tests.realdata import real_data_path

pytestmark = [pytest.mark.django_db, pytest.mark.realdata]
FOLDER = "anthropic_economic_index"


@pytest.fixture(scope="module")
def data_dir() -> Path:
    real_data_path("onet_29_3", "Occupation Data.txt")
    real_data_path(FOLDER)
    return real_data_path()


def test_computer_programmers_observed_exposure_and_tasks(data_dir: Path, client: Client) -> None:
    with (data_dir / FOLDER / "job_exposure_with_titles.csv").open(encoding="utf-8", newline="") as handle:
        published = {row["occ_code"]: row for row in csv.DictReader(handle)}
    assert published["15-1251"]["observed_exposure"] == "0.7451"
    with (data_dir / FOLDER / "api_onet_task_usage_2025_11.csv").open(encoding="utf-8", newline="") as handle:
        usage = list(csv.DictReader(handle))
    programmer_tasks = {
        int(pair.split("|")[1])
        for row in usage
        for pair in row["onet29_3_matches"].split(";")
        if pair.startswith("15-1251.00|")
    }

    data_import(data_dir=data_dir)
    # The page's OEWS area index is kept per data version, which only a committed durability run
    # moves; inside a rolled-back test it may still hold an earlier test's fixture areas.
    selectors.area_index_reset()

    observed = ObservedExposure.objects.get(occupation_id="15-1251.00")
    assert (observed.value, observed.soc_code, observed.join) == (0.7451, "15-1251", "direct")
    assert observed.below_share == 755 / 756  # the highest value published
    tasks = ObservedTask.objects.filter(occupation_id="15-1251.00")
    assert len(programmer_tasks) == 11
    assert set(tasks.values_list("task_id", flat=True)) == programmer_tasks

    exposure = Dataset.objects.get(key="aei-observed-exposure")
    zeros = sum(1 for row in published.values() if float(row["observed_exposure"]) == 0)
    assert (exposure.rows_read, exposure.join_notes["zeros_published"]) == (len(published), zeros) == (756, 413)
    api = Dataset.objects.get(key="aei-api-task-usage")
    assert api.rows_read == len(usage) == 2253
    assert api.rows_joined + api.rows_unmatched == api.rows_read
    assert api.join_notes["conversations_total"] == sum(int(row["api_conversation_count"]) for row in usage)

    html = client.get("/occupations/15-1251.00/").content.decode()
    assert "Observed exposure: 0.7451" in html
    assert "11 of this occupation's" in html
    body = client.get("/api/v1/occupations/15-1251.00").json()["observed"]
    assert body["exposure"]["value"] == 0.7451 and len(body["tasks"]) == 11

    legislators = client.get("/occupations/11-1031.00/").content.decode()  # published as 0.0
    assert "No measured exposure." in legislators
