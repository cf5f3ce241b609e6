"""/compare/: reads and occupations side by side, on the shipped-format fixture reads and the tiny datasets."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, start_cost, write_read
from careermap.durability.services import durability_compute
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import write_data_dir

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(tmp_path: Path) -> None:
    data_import(data_dir=write_data_dir(tmp_path / "data"), progress=lambda step: None)
    durability_compute()
    reads = tmp_path / "reads"
    reads.mkdir()
    write_read(reads, "test-gig")
    write_read(
        reads,
        "nurse",
        front_matter(
            title="Nurse",
            collection="careers",
            occupations=["29-1141.00"],
            durability={"scored": True, "basis": "Computed from the linked occupation's data."},
            quick_facts__start_cost=start_cost(2000, 6000, "School"),
        ),
    )
    content_load(directory=reads)


def test_it_shows_a_read_a_gig_and_an_occupation_side_by_side(client: Client, site: None) -> None:
    response = client.get("/compare/?items=nurse,test-gig,15-1252.00")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="compare-item"') == 3
    assert html.index(">Nurse</a>") < html.index(">Test gig</a>") < html.index(">Software Developers</a>")
    assert "66/100" in html  # the nurse read's durability: its one occupation's score
    assert "Gigs have no durability score by design" in html
    assert "$2,000–$6,000" in html
    assert "As a hired job" in html  # verdicts per lens
    assert "$135,980 nationally" in html  # OEWS May 2025 median, software developers
    assert "Projected change 2024–34" in html
    assert "Last reviewed" in html and "source" in html
    # Full: no "add" form; each item can be removed, keeping the others in the URL.
    assert 'name="add"' not in html
    assert 'href="/compare/?items=test-gig,15-1252.00"' in html


def test_local_pay_follows_the_area(client: Client, site: None) -> None:
    html = client.get("/compare/?items=15-1252.00&area=0041860").content.decode()
    assert "$186,640 in San Francisco-Oakland-Fremont, CA" in html
    assert "$135,980 nationally" in html


def test_bad_items_get_a_clear_message_never_a_500(client: Client, site: None) -> None:
    response = client.get("/compare/?items=<script>alert(1)</script>")
    assert response.status_code == 400
    assert "is neither a read" in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    response = client.get("/compare/?items=no-such-read,99-9999.99")
    assert response.status_code == 404
    html = response.content.decode()
    assert "We have no read called “no-such-read”" in html
    assert "No occupation 99-9999.99 is loaded on this site" in html
    response = client.get("/compare/?items=nurse,no-such-read")  # what is there is still shown
    assert response.status_code == 200
    assert ">Nurse</a>" in response.content.decode()
    response = client.get("/compare/?items=a,b,c,d,e")
    assert response.status_code == 400
    assert "Compare takes at most 3 items" in response.content.decode()
    assert client.get("/compare/?area=xyz&items=nurse").status_code == 200


def test_the_add_form_answers_with_the_canonical_url(client: Client, site: None) -> None:
    response = client.get("/compare/?items=nurse&add=test-gig&add_code=")
    assert response.status_code == 302
    assert response["Location"] == "/compare/?items=nurse,test-gig"
    response = client.get("/compare/?items=nurse&add_code=15-1252.00&area=0041860")
    assert response["Location"] == "/compare/?items=nurse,15-1252.00&area=0041860"


def test_compare_is_a_public_cacheable_page(client: Client, site: None) -> None:
    response = client.get("/compare/?items=nurse,15-1252.00")
    assert "public" in response["Cache-Control"]
    assert "Set-Cookie" not in response
    assert response.has_header("ETag")


def test_an_empty_compare_offers_the_reads(client: Client, site: None) -> None:
    html = client.get("/compare/").content.decode()
    assert "Nothing to compare yet" in html
    assert '<option value="nurse">Nurse</option>' in html
