"""The drawn map on the home page: every read a linked mark, driven by the same filters as the list."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, start_cost, write_read
from careermap.durability.services import durability_compute
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import write_data_dir

pytestmark = pytest.mark.django_db

MARK = re.compile(
    r'<a href="(/reads/[^"]+/)" class="mark mark--([a-z-]+)[^"]*" data-slug="([^"]+)"><title>([^<]*)</title>'
)


@pytest.fixture
def site(tmp_path: Path) -> None:
    data_import(data_dir=write_data_dir(tmp_path / "data"), progress=lambda step: None)
    durability_compute()
    reads = tmp_path / "reads"
    reads.mkdir()
    write_read(reads, "test-gig", front_matter(reviewed="2026-10-01", next_review="2027-04-01"))
    for slug, title, code, band, reviewed in (
        ("nurse", "Nurse", "29-1141.00", "year-plus", "2026-11-01"),
        ("developer", "Developer", "15-1252.00", "months", "2026-09-01"),
    ):
        write_read(
            reads,
            slug,
            front_matter(
                title=title,
                collection="careers",
                occupations=[code],
                durability={"scored": True, "basis": "Computed from the linked occupation's data."},
                quick_facts__start_cost=start_cost(2000, 6000, "School"),
                quick_facts__first_dollar={
                    "band": band,
                    "caveat": "it varies",
                    "basis": "our estimate from training lengths",
                },
                reviewed=reviewed,
                next_review="2027-05-01",
            ),
        )
    content_load(directory=reads)


def marks(html: str) -> dict[str, tuple[str, str, str]]:
    return {slug: (url, collection, title) for url, collection, slug, title in MARK.findall(html)}


def test_every_read_is_a_linked_labelled_mark(client: Client, site: None) -> None:
    html = client.get("/").content.decode()
    assert 'data-testid="read-map"' in html
    found = marks(html)
    assert set(found) == {"test-gig", "nurse", "developer"}
    assert found["nurse"] == (
        "/reads/nurse/",
        "careers",
        "Nurse: durability 66/100; first dollar a year or more; start cost up to $6,000",
    )
    assert found["test-gig"][1] == "gigwatch"
    assert "no durability score" in found["test-gig"][2]
    # The list below gives the same figures.
    assert "Durability 66/100" in html and "Durability 48/100" in html
    assert "No score: cash now" in html
    for legend in ("Cash-now gig", "Hired career", "Own business", "Mark size: start cost"):
        assert legend in html


def test_the_filters_drive_the_map(client: Client, site: None) -> None:
    assert set(marks(client.get("/?collection=careers").content.decode())) == {"nurse", "developer"}
    assert set(marks(client.get("/?first_dollar=months").content.decode())) == {"test-gig", "developer"}
    html = client.get("/?q=nothing-matches").content.decode()
    assert marks(html) == {} and 'data-testid="read-map"' not in html


def test_the_list_can_be_sorted_by_last_review(client: Client, site: None) -> None:
    html = client.get("/?sort=reviewed").content.decode()
    assert "Reads by last review, oldest first" in html
    list_part = html[html.index('id="read-list"') :]
    assert (
        list_part.index("<strong>Developer</strong>")
        < list_part.index("<strong>Test gig</strong>")
        < list_part.index("<strong>Nurse</strong>")
    )
    assert '<option value="reviewed" selected>' in html
    assert "match your filters" not in html  # sorting is not filtering


def test_the_map_takes_a_fixed_number_of_queries(client: Client, site: None, django_assert_max_num_queries) -> None:
    client.get("/?collection=careers")  # warm the version caches
    with django_assert_max_num_queries(6):
        client.get("/?collection=")
