"""OEWS pay: the import (fixture files in datafiles.py), the pages and the API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, write_read
from careermap.durability.services import durability_compute
from careermap.occupations.importers.base import ImportFileError
from careermap.occupations.models import Area, Dataset, Occupation, Wage
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import OEWS_HEADER, oews_files, write_data_dir

pytestmark = pytest.mark.django_db

NATIONAL_2025 = "bls_oews_may2025/oews_may2025_national.csv"
METRO = "bls_oews_may2025/oews_may2025_metro_nonmetro.csv"
# Two squares as TopoJSON: California (06) and Texas (48), so the page draws a map from fixture data.
ATLAS = {
    "type": "Topology",
    "transform": {"scale": [1, 1], "translate": [0, 0]},
    "arcs": [
        [[10, 10], [100, 0], [0, 100], [-100, 0], [0, -100]],
        [[300, 10], [100, 0], [0, 100], [-100, 0], [0, -100]],
    ],
    "objects": {
        "states": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "arcs": [[0]], "id": "06", "properties": {"name": "California"}},
                {"type": "Polygon", "arcs": [[1]], "id": "48", "properties": {"name": "Texas"}},
            ],
        }
    },
}


@pytest.fixture
def data(tmp_path: Path, settings: pytest.FixtureRequest) -> Path:
    root = write_data_dir(tmp_path, {"us_atlas_3_0_1/states-albers-10m.json": json.dumps(ATLAS)})
    settings.CAREERMAP_DATA_DIR = root  # type: ignore[attr-defined]
    data_import(data_dir=root)
    durability_compute()
    return root


# --- import ------------------------------------------------------------------------------------------


def test_it_keeps_suppressed_top_coded_and_hourly_only_cells_apart_from_zero(data: Path) -> None:
    chief = Wage.objects.get(soc_code="11-1011", area_id="0000000", year=2025)
    assert chief.a_median == 239_200 and "a_median:5" in chief.notes  # top-coded: the floor, marked
    nurse_ca = Wage.objects.get(soc_code="29-1141", area_id="0600000")
    assert nurse_ca.h_median is None and "h_median:4" in nurse_ca.notes and nurse_ca.a_median == 137_000
    qa_tx = Wage.objects.get(soc_code="15-1253", area_id="4800000")
    assert qa_tx.tot_emp is None and "tot_emp:8" in qa_tx.notes
    assert not Wage.objects.filter(soc_code="15-0000").exists()  # group rows are skipped


def test_the_workbook_markers_of_2022_to_2024_become_the_same_notes(data: Path) -> None:
    chief = Wage.objects.get(soc_code="11-1011", area_id="0000000", year=2023)
    assert chief.a_median == 239_200 and "a_median:5" in chief.notes
    nurse = Wage.objects.get(soc_code="29-1141", area_id="0000000", year=2022)
    assert nurse.a_median is None and "a_median:8" in nurse.notes
    assert list(
        Wage.objects.filter(soc_code="15-1252", area_id="0000000").order_by("year").values_list("a_median", flat=True)
    ) == [127_260, 132_270, 133_080, 135_980]


def test_areas_have_kinds_and_every_state_a_metro_spans(data: Path) -> None:
    assert Area.objects.get(code="0012420").kind == "metro"
    assert Area.objects.get(code="4800003").kind == "nonmetro"
    assert Area.objects.get(code="0045220").states == "TX-AR"
    assert Area.objects.get(code="4800000").kind == "state"


def test_occupations_join_by_soc_code_and_the_registry_counts_rows(data: Path) -> None:
    assert Occupation.objects.get(code="15-1252.00").wage_join == "direct"
    assert Occupation.objects.get(code="11-1011.03").wage_join == "shared"
    assert Occupation.objects.get(code="55-1011.00").wage_soc_code == ""
    oews = Dataset.objects.get(key="bls-oews-may2025")
    assert oews.version == "May 2025 (released 2026-05-15)"
    national = oews.files["oews_may2025_national.csv"]
    assert (national["rows_read"], national["rows_detailed"], national["rows_unmatched"]) == (6, 5, 1)
    assert oews.join_notes["oews_codes_without_onet_occupation"] == ["53-3054"]
    assert oews.join_notes["areas"] == {"national": 1, "state": 2, "metro": 3, "nonmetro": 1}
    assert Dataset.objects.get(key="bls-oews-national-2022-2024").rows_joined == 9


def test_an_occupation_inside_an_oews_aggregate_joins_through_the_crosswalk(tmp_path: Path) -> None:
    # Say OEWS publishes QA testers only inside an aggregate 15-1250, as it does for 31-1120.
    files = oews_files()
    national = files[NATIONAL_2025].replace("N,0000000,15-1253,", "N,0000000,15-1250,")
    crosswalk_path = "soc_crosswalks/bls_nem_onet_soc_to_nem_crosswalk_2023-09-06.csv"
    root = write_data_dir(tmp_path, {NATIONAL_2025: national})
    text = (
        (root / crosswalk_path).read_text().replace("15-1253.00,Software QA,15-1253", "15-1253.00,Software QA,15-1250")
    )
    (root / crosswalk_path).write_text(text)
    data_import(data_dir=root)
    qa = Occupation.objects.get(code="15-1253.00")
    assert (qa.wage_soc_code, qa.wage_join) == ("15-1250", "broad_group")


@pytest.mark.parametrize(
    ("relative", "text", "line", "message"),
    [
        (NATIONAL_2025, OEWS_HEADER + "\nN,0000000,15-1252,detailed,1000,0.5\n", 2, "expected 22 fields"),
        (METRO, OEWS_HEADER + "\nM,0099999,15-1252,detailed" + ",1" * 17 + ",\n", 2, "'0099999' is not in areas.csv"),
        (NATIONAL_2025, OEWS_HEADER + "\nN,0000000,15-1252,detailed,lots" + ",1" * 16 + ",\n", 2, "tot_emp: 'lots'"),
        (NATIONAL_2025, OEWS_HEADER + "\nN,0000000,15-1252,detailed" + ",1" * 17 + ",h_median:9x\n", 2, "footnotes"),
        (NATIONAL_2025, OEWS_HEADER + "\n", 1, "no data rows"),
    ],
)
def test_a_bad_file_names_its_line_and_changes_nothing(
    tmp_path: Path, relative: str, text: str, line: int, message: str
) -> None:
    data_import(data_dir=write_data_dir(tmp_path / "good"))
    before = Wage.objects.count()
    with pytest.raises(ImportFileError) as caught:
        data_import(data_dir=write_data_dir(tmp_path / "bad", {relative: text}))
    assert caught.value.path.endswith(Path(relative).name)
    assert caught.value.line == line and message in caught.value.message
    assert Wage.objects.count() == before


def test_the_command_reports_a_truncated_file_and_keeps_the_previous_import(tmp_path: Path, settings) -> None:
    settings.CAREERMAP_DATA_DIR = write_data_dir(tmp_path / "good")
    call_command("import_data", verbosity=0)
    full = oews_files()[METRO]
    settings.CAREERMAP_DATA_DIR = write_data_dir(tmp_path / "bad", {METRO: full[: len(full) - 40]})
    with pytest.raises(CommandError, match=r"oews_may2025_metro_nonmetro.csv:4: expected 22 fields"):
        call_command("import_data", verbosity=0)
    assert Wage.objects.filter(area_id="4800003").count() == 1


def test_without_the_oews_folder_the_import_still_runs_and_pages_say_so(tmp_path: Path, client: Client) -> None:
    root = write_data_dir(tmp_path)
    for path in sorted((root / "bls_oews_may2025").iterdir()):
        path.unlink()
    (root / "bls_oews_may2025").rmdir()
    data_import(data_dir=root)
    assert not Wage.objects.exists() and not Dataset.objects.filter(key="bls-oews-may2025").exists()
    html = client.get("/occupations/15-1252.00/").content.decode()
    assert "are not loaded on this site" in html


# --- pages -------------------------------------------------------------------------------------------


def test_the_occupation_page_shows_area_and_national_pay_with_population_and_source(client: Client, data: Path) -> None:
    html = client.get("/occupations/15-1252.00/?area=0041860").content.decode()
    assert "Pay in San Francisco-Oakland-Fremont, CA" in html
    assert "$186,640" in html and "$89.73" in html and "$135,980" in html  # area and national medians
    assert "$128,090" in html and "$273,400" in html  # the 10th–90th range
    assert 'class="chart pay-range"' in html
    assert "The self-employed and gig workers are not counted" in html
    assert 'href="/data/#bls-oews-may2025"' in html
    assert "2.68" in html  # location quotient
    assert "low precision" not in html.split("United States")[0]


def test_a_missing_figure_is_said_in_words_never_shown_as_zero(client: Client, data: Path) -> None:
    html = client.get("/occupations/29-1141.00/?area=0600000").content.decode()
    assert "pay only by the year" in html
    qa = client.get("/occupations/15-1253.00/?area=4800000").content.decode()
    assert "not published by BLS for Texas" in qa
    absent = client.get("/occupations/15-1253.00/?area=0041860").content.decode()
    assert "BLS does not publish figures for this occupation in San Francisco-Oakland-Fremont, CA" in absent
    assert "$0" not in absent


def test_a_high_relative_standard_error_is_flagged(client: Client, data: Path) -> None:
    html = client.get("/occupations/15-1252.00/?area=0012420").content.decode()
    assert "low precision" in html.split('class="pay-place"')[1]


def test_the_state_map_links_each_state_and_outlines_the_chosen_one(client: Client, data: Path) -> None:
    html = client.get("/occupations/15-1252.00/?area=0012420").content.decode()
    assert 'href="/occupations/15-1252.00/?area=0600000"' in html
    assert 'class="state-selected"' in html  # Austin is in Texas
    assert "California: $174,410" in html
    assert " style=" not in html.split('class="usmap"')[1].split("</figure>")[0]


def test_the_national_trend_comes_with_bls_caution(client: Client, data: Path) -> None:
    html = client.get("/occupations/15-1252.00/").content.decode()
    assert "National median, May 2022 to May 2025" in html
    assert "$127,260" in html and "not adjusted for inflation" in html and "may not be real" in html
    assert "+6.9%" in html


def test_links_keep_the_area_and_an_unknown_one_falls_back_to_national(client: Client, data: Path) -> None:
    html = client.get("/occupations/11-1011.00/?area=0041860").content.decode()
    assert "/occupations/11-1011.03/?area=0041860" in html
    unknown = client.get("/occupations/15-1252.00/?area=0000001").content.decode()
    assert "We have no pay data for an area with code 0000001" in unknown
    malformed = client.get("/occupations/15-1252.00/?area=%3Cscript%3E").content.decode()
    assert "That is not an area code" in malformed and "<script>" not in malformed


def test_the_picker_sends_one_match_straight_back_and_lists_several(client: Client, data: Path) -> None:
    response = client.get("/areas/", {"q": "austin", "next": "/occupations/15-1252.00/"})
    assert response.status_code == 302 and response["Location"] == "/occupations/15-1252.00/?area=0012420"
    listed = client.get("/areas/", {"q": "tx", "next": "/occupations/15-1252.00/"}).content.decode()
    assert listed.index(">Texas<") < listed.index("Austin-Round Rock")
    away = client.get("/areas/", {"q": "austin", "next": "https://evil.example/"})
    assert away["Location"] == "/?area=0012420"


def test_a_career_read_shows_local_pay_and_a_gig_read_labels_employee_figures(client: Client, data: Path) -> None:
    root = data / "content"
    career = front_matter(
        title="Developer",
        collection="careers",
        occupations=["15-1252.00"],
        durability={"scored": True, "basis": "From the data."},
    )
    write_read(root, "developer", career)
    write_read(root, "app-testing", front_matter(title="App testing", occupations=["15-1253.00"]))
    content_load(directory=root)
    page = client.get("/reads/developer/?area=0041860").content.decode()
    assert "Median pay, San Francisco-Oakland-Fremont, CA" in page and "$186,640" in page
    assert "/occupations/15-1252.00/?area=0041860" in page
    gig = client.get("/reads/app-testing/").content.decode()
    assert "not</strong> what this gig pays" in gig and "excludes the self-employed" in gig


# --- API ---------------------------------------------------------------------------------------------


def test_the_api_finds_areas_by_city_state_and_postal_code(client: Client, data: Path) -> None:
    assert [a["code"] for a in client.get("/api/v1/areas", {"q": "san francisco"}).json()] == ["0041860"]
    assert client.get("/api/v1/areas", {"q": "texas"}).json()[0]["name"] == "Texas"
    assert client.get("/api/v1/areas", {"q": "TX"}).json()[0]["kind"] == "state"
    assert client.get("/api/v1/areas", {"q": ""}).status_code == 422


def test_the_pay_api_gives_figures_with_footnotes_as_words_and_the_vintage(client: Client, data: Path) -> None:
    body = client.get("/api/v1/occupations/15-1252.00/pay", {"area": "0041860"}).json()
    assert body["local"]["annual"]["median"]["value"] == 186_640
    assert body["national"]["annual"]["median"]["value"] == 135_980
    assert body["vintage"] == "May 2025 (released 2026-05-15)" and "self-employed" in body["population"]
    chief = client.get("/api/v1/occupations/11-1011.00/pay").json()
    assert chief["national"]["annual"]["median"] == {"value": 239_200, "at_least": True, "missing": None}
    nurse = client.get("/api/v1/occupations/29-1141.00/pay", {"area": "0600000"}).json()
    assert nurse["local"]["hourly"]["median"]["value"] is None
    assert "only by the year" in nurse["local"]["hourly"]["median"]["missing"]
    detail = client.get("/api/v1/occupations/15-1252.00", {"area": "0041860"}).json()
    assert detail["pay"]["local"]["annual"]["median"]["value"] == 186_640


def test_the_pay_api_says_404_for_an_unknown_area_and_422_for_a_malformed_one(client: Client, data: Path) -> None:
    unknown = client.get("/api/v1/occupations/15-1252.00/pay", {"area": "0000001"})
    assert unknown.status_code == 404 and "0000001" in unknown.json()["detail"]
    assert client.get("/api/v1/occupations/15-1252.00/pay", {"area": "SF"}).status_code == 422
    assert client.get("/api/v1/occupations/15-1252.00", {"area": "0000001"}).status_code == 404
    assert client.get("/api/v1/occupations/99-9999.00/pay").status_code == 404
