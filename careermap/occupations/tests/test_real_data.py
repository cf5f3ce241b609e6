"""The import on the real shared datasets (skipped when CAREERMAP_DATA_DIR is absent).

Expected values are read straight from the source files here, not from our parsers.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Literal

import pytest
from django.test import Client

from careermap.occupations.models import Area, Dataset, ExposureScore, Occupation, Projection, Task, Wage
from careermap.occupations.selectors import area_search
from careermap.occupations.services import data_import
from careermap.tests.realdata import real_data_path

pytestmark = [pytest.mark.django_db, pytest.mark.realdata]


@pytest.fixture
def data_dir() -> Path:
    real_data_path("onet_29_3", "Occupation Data.txt")
    return real_data_path()


def rows(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        quoting: Literal[0, 1, 2, 3] = csv.QUOTE_NONE if path.suffix == ".txt" else csv.QUOTE_MINIMAL
        return list(csv.DictReader(handle, delimiter=delimiter, quoting=quoting))


def test_the_full_import_matches_the_files(data_dir: Path) -> None:
    summary = data_import(data_dir=data_dir)
    assert Occupation.objects.count() == 1016
    assert Occupation.objects.filter(interest_r__isnull=False).count() == 923
    assert summary.counts["with_interests"] == 923
    # 11 datasets, plus the Anthropic Economic Index's two files when that folder is in the shared data.
    assert Dataset.objects.count() == (13 if (data_dir / "anthropic_economic_index").is_dir() else 11)

    onet = data_dir / "onet_29_3"
    occupation = next(r for r in rows(onet / "Occupation Data.txt", "\t") if r["O*NET-SOC Code"] == "29-1141.00")
    assert Occupation.objects.get(code="29-1141.00").title == occupation["Title"]

    investigative = next(
        r
        for r in rows(onet / "Interests.txt", "\t")
        if r["O*NET-SOC Code"] == "15-1252.00" and r["Element Name"] == "Investigative"
    )
    assert Occupation.objects.get(code="15-1252.00").interest_i == float(investigative["Data Value"])

    zone = next(r for r in rows(onet / "Job Zones.txt", "\t") if r["O*NET-SOC Code"] == "47-2152.00")
    assert Occupation.objects.get(code="47-2152.00").job_zone == int(zone["Job Zone"])

    task = next(r for r in rows(onet / "Task Statements.txt", "\t") if r["Task ID"] == "8823")
    assert Task.objects.get(task_id=8823).statement == task["Task"]

    table = data_dir / "bls_employment_projections_2024_34" / "table_1_2_occupational_projections_2024_34.csv"
    developers = next(r for r in rows(table) if r["2024 National Employment Matrix code"] == "15-1252")
    projection = Projection.objects.get(occupation_id="15-1252.00")
    assert projection.employment_2024 == float(developers["Employment, 2024"])
    assert projection.median_wage == int(developers["Median annual wage, dollars, 2024[1]"])
    surgeons = next(r for r in rows(table) if r["2024 National Employment Matrix code"] == "29-1022")
    assert surgeons["Median annual wage, dollars, 2024[1]"] == ">=$239,200"
    oral = Projection.objects.get(occupation_id="29-1022.00")
    assert (oral.median_wage, oral.median_wage_is_floor) == (239200, True)

    gpt = next(r for r in rows(data_dir / "gpts_are_gpts" / "occ_level.csv") if r["O*NET-SOC Code"] == "11-1011.00")
    score = ExposureScore.objects.get(occupation_id="11-1011.00", measure__key="dv_rating_beta")
    assert score.value == float(gpt["dv_rating_beta"])

    ms = next(
        r
        for r in rows(data_dir / "microsoft_working_with_ai" / "soc_ai_applicability_scores.csv")
        if r["SOC Code"] == "11-1011"
    )
    shared = ExposureScore.objects.get(occupation_id="11-1011.03", measure__key="ai_applicability_score")
    assert (shared.value, shared.source_code) == (float(ms["ai_applicability_score"]), "11-1011")


def test_every_source_row_is_joined_or_counted_as_unmatched(data_dir: Path) -> None:
    data_import(data_dir=data_dir)
    for key in ("aioe", "aioe-lm", "aioe-ig", "microsoft-working-with-ai", "frey-osborne-2013"):
        dataset = Dataset.objects.get(key=key)
        assert dataset.rows_joined + dataset.rows_unmatched == dataset.rows_read, key
        assert len(dataset.join_notes["unmatched"]) == dataset.rows_unmatched
    bls = Dataset.objects.get(key="bls-ep-2024-34")
    assert bls.rows_joined + bls.rows_unmatched + bls.join_notes["summary_rows_skipped"] == bls.rows_read
    assert len(bls.join_notes["occupations_without_projection"]) == 1016 - Projection.objects.count()


def test_oews_pay_on_the_real_files(data_dir: Path, client: Client) -> None:
    real_data_path("bls_oews_may2025", "areas.csv")
    data_import(data_dir=data_dir)
    assert Area.objects.filter(kind="state").count() == 54
    assert Area.objects.filter(kind__in=["metro", "nonmetro"]).count() == 528
    assert Wage.objects.get(soc_code="15-1252", area_id="0000000", year=2025).a_median == 135_980
    assert Wage.objects.get(soc_code="15-1252", area_id="0041860", year=2025).a_median == 186_640
    assert [a.name for a in area_search(q="austin")][0] == "Austin-Round Rock-San Marcos, TX"
    assert [a.code for a in area_search(q="san francisco")][0] == "0041860"

    body = client.get("/api/v1/occupations/15-1252.00/pay", {"area": "0041860"}).json()
    assert body["national"]["annual"]["median"]["value"] == 135_980
    assert body["local"]["annual"]["median"]["value"] == 186_640
    html = client.get("/occupations/15-1252.00/?area=0041860").content.decode()
    assert "$186,640" in html and "$135,980" in html

    # A top-coded figure reads "≥", never a blank: find one in the state file itself (the May 2025
    # national file has none).
    with (data_dir / "bls_oews_may2025" / "oews_may2025_state.csv").open(encoding="utf-8") as handle:
        top = next(r for r in csv.DictReader(handle) if r["o_level"] == "detailed" and "a_median:5" in r["footnotes"])
    occupation = Occupation.objects.filter(wage_soc_code=top["occ_code"]).first()
    assert occupation is not None
    html = client.get(occupation.get_absolute_url(), {"area": top["area_code"]}).content.decode()
    assert "≥ $239,200" in html
