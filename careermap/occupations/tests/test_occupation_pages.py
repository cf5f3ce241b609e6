"""Occupation pages, the registry page and their API twins, on the tiny fixture folder (datafiles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from careermap.durability.services import durability_compute
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import write_data_dir

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(tmp_path: Path) -> None:
    data_import(data_dir=write_data_dir(tmp_path), progress=lambda step: None)
    durability_compute()


def test_the_occupation_page_shows_figures_with_their_sources(client: Client, data: None) -> None:
    response = client.get("/occupations/15-1252.00/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Software Developers</h1>" in html
    for part in (
        "Pay",
        "$135,980",
        "median a year",
        "Projected change, 2024–34",
        "Openings a year",
        "AI-exposure indices, as published",
        "Interests (RIASEC)",
        "Job zone",
    ):
        assert part in html
    assert 'href="/data/#bls-ep-2024-34"' in html
    assert 'href="/data/#bls-oews-may2025"' in html
    assert 'href="/data/#onet-29-3"' in html
    assert "CC BY 4.0" in html  # O*NET's required attribution
    assert "Durability score:" in html


def test_a_missing_dataset_row_is_said_not_filled(client: Client, data: None) -> None:
    html = client.get("/occupations/55-1011.00/").content.decode()
    assert "BLS Employment Projections has no row for this occupation" in html
    assert "O*NET publishes no interest profile for this occupation" in html
    assert "No row" in html


def test_top_coded_wages_are_shown_as_a_floor(client: Client, data: None) -> None:
    html = client.get("/occupations/11-1011.00/").content.decode()
    assert "≥ $239,200" in html and "≥ $115.00" in html


def test_an_unknown_occupation_is_404(client: Client, data: None) -> None:
    assert client.get("/occupations/99-9999.99/").status_code == 404
    assert client.get("/api/v1/occupations/99-9999.99").status_code == 404


def test_the_occupations_view_filters(client: Client, data: None) -> None:
    everything = client.get("/occupations/").content.decode()
    assert "6 occupations" in everything
    nurses = client.get("/occupations/?q=nurse").content.decode()
    assert "Registered Nurses" in nurses and "Software Developers" not in nurses
    bad = client.get("/occupations/?wage_min=90000&wage_max=10").content.decode()
    assert "must not be below the lower bound" in bad


def test_the_registry_lists_every_dataset_with_vintage_license_and_coverage(client: Client, data: None) -> None:
    html = client.get("/data/").content.decode()
    for key in ("onet-29-3", "bls-ep-2024-34", "gpts-are-gpts", "frey-osborne-2013"):
        assert f'id="{key}"' in html
    assert "USDOL/ETA" in html and "sha256" in html


def test_the_api_returns_figures_with_dataset_and_vintage(client: Client, data: None) -> None:
    body = client.get("/api/v1/occupations/15-1252.00").json()
    assert body["title"] == "Software Developers"
    assert body["projection"]["median_wage_2024"]["dataset"] == "bls-ep-2024-34"
    assert body["projection"]["median_wage_2024"]["vintage"]
    assert {row["dataset"] for row in body["exposure"]} >= {"gpts-are-gpts", "aioe-lm"}
    assert body["durability"]["score"] is not None
    assert all(item["vintage"] for item in body["durability"]["inputs"])  # every input carries its vintage
    listing = client.get("/api/v1/occupations?interest=s").json()
    assert [row["code"] for row in listing["results"]] == ["29-1141.00"]
    assert client.get("/api/v1/occupations?job_zone=0").status_code == 422
    datasets = client.get("/api/v1/datasets").json()
    assert any(ds["key"] == "onet-29-3" and "CC BY" in ds["license"] for ds in datasets)


def test_pages_say_so_when_no_data_is_loaded(client: Client) -> None:
    assert "not loaded" in client.get("/occupations/").content.decode()
    assert "No dataset is loaded" in client.get("/data/").content.decode()
    assert "occupation data is not loaded" in client.get("/").content.decode()


def test_the_sitemap_lists_every_occupation(client: Client, data: None) -> None:
    body = client.get("/sitemap.xml").content.decode()
    assert "/occupations/15-1252.00/" in body and "/occupations/55-1011.00/" in body
    assert "/methodology/durability/" in body
