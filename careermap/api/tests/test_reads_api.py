from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, write_read

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """Two reads written by the test."""
    write_read(tmp_path, "test-gig")
    write_read(
        tmp_path,
        "plumber",
        front_matter(
            title="Plumber",
            collection="careers",
            occupations=["47-2152.00"],
            durability={"scored": True, "basis": "Computed."},
            quick_facts__first_dollar={
                "band": "year-plus",
                "caveat": "paid apprenticeship",
                "basis": "our estimate from apprenticeship rules",
            },
        ),
    )
    content_load(directory=tmp_path)
    return tmp_path


def test_it_lists_reads_with_the_map_filters(client: Client, content: Path, django_assert_max_num_queries) -> None:
    client.get("/api/v1/reads?warm=1")  # the HTTP validators' one-time lookups (careermap/lib/httpcache.py)
    with django_assert_max_num_queries(2):
        body = client.get("/api/v1/reads").json()
    assert body["count"] == 2
    assert {read["slug"] for read in body["results"]} == {"plumber", "test-gig"}
    assert body["data_as_of"] is not None
    only_fast = client.get("/api/v1/reads?first_dollar=weeks").json()
    assert [read["slug"] for read in only_fast["results"]] == ["test-gig"]
    scored = client.get("/api/v1/reads?durability=scored&collection=careers").json()
    assert [read["slug"] for read in scored["results"]] == ["plumber"]


def test_a_bad_filter_gets_a_422_naming_the_field(client: Client, content: Path) -> None:
    response = client.get("/api/v1/reads?first_dollar=decades")
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "first_dollar"


def test_it_returns_every_field_of_one_read_with_sources(client: Client, content: Path) -> None:
    body = client.get("/api/v1/reads/plumber").json()
    assert body["title"] == "Plumber"
    assert body["occupations"] == ["47-2152.00"]
    assert body["durability"]["scored"] is True
    assert set(body["lenses"]) == {"gig", "hired", "business"}
    assert body["sources"][0]["kind"] == "official-data"
    assert body["quick_facts"]["first_dollar"]["band"] == "year-plus"
    assert body["html"]["editors_read"].startswith("<p>")
    assert body["changelog"][0]["note"] == "First published."


def test_an_unknown_slug_is_a_json_404(client: Client, content: Path) -> None:
    response = client.get("/api/v1/reads/nope")
    assert response.status_code == 404
    assert response.json() == {"detail": "No read named 'nope'."}


def test_the_openapi_document_lists_the_endpoints(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/reads" in spec["paths"]
    assert "404" in spec["paths"]["/api/v1/reads/{slug}"]["get"]["responses"]
