from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.test import Client

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, start_cost, write_read

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A two-read content folder written by the test: one gig, one career."""
    write_read(tmp_path, "test-gig")
    write_read(
        tmp_path,
        "plumber",
        front_matter(
            title="Plumber",
            description="Pipes and water.",
            collection="careers",
            occupations=["47-2152.00"],
            durability={"scored": True, "basis": "Computed from the linked occupation's data."},
            quick_facts__start_cost=start_cost(2000, 6000, "Tools"),
            quick_facts__first_dollar={
                "band": "year-plus",
                "caveat": "apprentices are paid",
                "basis": "our estimate from apprenticeship rules",
            },
            quick_facts__requirements__education={
                "level": "high-school",
                "credential": "",
                "required_by": "Apprenticeship programs",
            },
            quick_facts__requirements__min_age={"years": 18, "required_by": "Apprenticeship programs"},
            reviewed="2026-11-01",
            next_review="2027-05-01",
            changelog=[{"date": "2026-11-01", "note": "First published."}],
        ),
    )
    content_load(directory=tmp_path)
    return tmp_path


def test_the_read_page_shows_every_part_in_order(client: Client, content: Path) -> None:
    with time_machine.travel(dt.date(2026, 7, 1)):
        response = client.get("/reads/test-gig/")
    assert response.status_code == 200
    html = response.content.decode()
    order = [
        "GigWatch · Cash-now gig",
        "<h1>Test gig</h1>",
        "Start cost",
        "Time to first dollar",
        "To begin",
        "What this is",
        "A test headline",
        "No durability score",
        "As just a gig",
        "As a bridge to a hired job",
        "As your own business",
        "Editor’s read",
        "Before you commit",
        "How we judged this",
        "Last reviewed June 2026 · Next September 2026",
    ]
    positions = [html.index(part) for part in order]
    assert positions == sorted(positions)
    assert "overdue-notice" not in html
    assert (
        'class="lens lens--good"' in html and 'class="lens lens--poor"' in html and 'class="lens lens--mixed"' in html
    )


def test_the_overdue_notice_appears_once_the_next_review_has_passed(client: Client, content: Path) -> None:
    with time_machine.travel(dt.date(2026, 9, 16)):
        html = client.get("/reads/test-gig/").content.decode()
    assert "Overdue for review" in html


def test_a_career_read_shows_its_lens_headings_and_a_missing_score_honestly(client: Client, content: Path) -> None:
    html = client.get("/reads/plumber/").content.decode()
    assert "As a hired job" in html and "As a gig (cash now)" in html
    assert "Durability score not available yet" in html


def test_content_load_invalidates_the_cached_read(
    client: Client, content: Path, django_capture_on_commit_callbacks
) -> None:
    assert "Test gig" in client.get("/reads/test-gig/").content.decode()
    write_read(content, "test-gig", front_matter(title="Renamed gig"))
    with django_capture_on_commit_callbacks(execute=True):
        content_load(directory=content)
    assert "Renamed gig" in client.get("/reads/test-gig/").content.decode()


def test_an_unknown_read_is_404(client: Client, content: Path) -> None:
    assert client.get("/reads/no-such-read/").status_code == 404
    assert client.get("/reads/no-such-read/sources/").status_code == 404


def test_the_sources_page_lists_sources_with_kind_date_parts_and_changelog(client: Client, content: Path) -> None:
    html = client.get("/reads/test-gig/sources/").content.decode()
    assert "How we judged this" in html
    assert 'href="https://www.bls.gov/ooh/"' in html
    assert "Official data" in html
    assert "28 August 2025" in html and "checked" in html
    assert "Backs: Quick facts, Lens: as a hired job" in html
    assert "First published." in html
    assert "No cited source: this part is our judgment" in html  # editors-read has no source in the fixture


def test_the_sources_page_shows_when_each_source_was_published_and_checked(client: Client, tmp_path: Path) -> None:
    base = front_matter()["sources"][0]
    sources = [
        base | {"published": "2017", "accessed": "2026-06-15", "url": "https://example.org/a"},
        base | {"published": "2023-05", "accessed": "2026-06-15", "url": "https://example.org/b"},
        base | {"published": "undated", "published_note": "no date on the page", "url": "https://example.org/c"},
    ]
    write_read(tmp_path, "test-gig", front_matter(sources=sources))
    content_load(directory=tmp_path)
    html = client.get("/reads/test-gig/sources/").content.decode()
    assert 'published <time datetime="2017">2017</time>, checked <time datetime="2026-06-15">2026-06</time>' in html
    assert "9 years old when checked" in html
    assert 'published <time datetime="2023-05">May 2023</time>' in html and "3 years old when checked" in html
    assert "undated (no date on the page), checked" in html
    assert "The dated sources were published between 2017 and 2023; 1 carries no date we have checked." in html


def test_the_start_cost_shown_is_computed_from_the_required_items(client: Client, tmp_path: Path) -> None:
    cost = start_cost(100, 300, "Hand tools")
    cost["items"] += [
        {"what": "A course", "low_usd": 1000, "high_usd": 2500, "required": True, "basis": "https://www.bls.gov/ooh/"},
        {
            "what": "A van",
            "low_usd": 9000,
            "high_usd": 30000,
            "required": False,
            "basis": "our estimate from used-van ads",
        },
    ]
    write_read(tmp_path, "test-gig", front_matter(quick_facts__start_cost=cost))
    content_load(directory=tmp_path)
    page = client.get("/reads/test-gig/").content.decode()
    assert "<strong>$1,100–$2,800</strong>" in page
    assert "A van: $9,000–$30,000" in page and "optional, not counted" in page
    assert "Not counted: A driver&#x27;s licence you already hold is not counted." in page
    assert "our estimate from the platform&#x27;s sign-up steps" in page  # time to first dollar names its basis
    sources = client.get("/reads/test-gig/sources/").content.decode()
    assert "is the sum of the required items below" in sources and "($1,100–$2,800)" in sources
    assert 'A course: $1,000–$2,500, required · source <a href="#source-1">[1]</a>' in sources
    map_page = client.get("/", {"max_start_cost": "1000"}).content.decode()
    assert "Test gig" not in map_page  # the filter compares the computed minimum, $1,100
    assert "Test gig" in client.get("/", {"max_start_cost": "5000"}).content.decode()


def test_the_map_groups_reads_by_collection(client: Client, content: Path) -> None:
    html = client.get("/").content.decode()
    gigs, careers = html.index('id="collection-gigwatch-h"'), html.index('id="collection-careers-h"')
    assert gigs < html.index("<strong>Test gig</strong>") < careers < html.index("<strong>Plumber</strong>")
    assert "2 reads" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("max_start_cost=1000", {"Test gig"}),
        ("first_dollar=weeks", {"Test gig"}),
        ("durability=scored", {"Plumber"}),
        ("no_licence=on", set()),
        ("collection=careers", {"Plumber"}),
        ("q=pipes", {"Plumber"}),
    ],
)
def test_the_map_filters(client: Client, content: Path, query: str, expected: set[str]) -> None:
    html = client.get(f"/?{query}").content.decode()
    shown = {title for title in ("Test gig", "Plumber") if f"<strong>{title}</strong>" in html}
    assert shown == expected


def test_a_bad_filter_value_is_explained_not_crashed(client: Client, content: Path) -> None:
    response = client.get("/?first_dollar=decades")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_methodology_page_explains_lenses_score_and_review(client: Client) -> None:
    html = client.get("/methodology/").content.decode()
    for heading in ("Three lenses", "The durability score", "Source standards", "Review cadence"):
        assert heading in html


def test_the_feed_lists_new_reads(client: Client, content: Path) -> None:
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<title>Plumber (new)</title>" in body
    assert "/reads/test-gig/" in body


def test_the_sitemap_lists_every_read(client: Client, content: Path) -> None:
    body = client.get("/sitemap.xml").content.decode()
    assert "/reads/plumber/" in body and "/reads/test-gig/" in body
    assert "<lastmod>2026-11-01</lastmod>" in body


def test_pages_carry_a_strict_content_security_policy(client: Client, content: Path) -> None:
    policy = client.get("/reads/test-gig/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
