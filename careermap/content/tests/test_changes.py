"""What's changed: dated, sourced events on gig reads, on the page and in Atom feeds."""

from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client

from careermap.content.parsing import ContentError, parse_read
from careermap.content.services import content_load
from careermap.content.tests.factories import DELETE, front_matter, read_text, write_read

ATOM = "{http://www.w3.org/2005/Atom}"
BLS = "https://www.bls.gov/ooh/"
COURT = "https://www.courts.example.gov/ruling"


def court_source(**fields: Any) -> dict[str, Any]:
    return {
        "title": "A ruling on drivers' status",
        "publisher": "A state court",
        "url": COURT,
        "published": "2026-03-02",
        "accessed": "2026-06-15",
        "kind": "official-data",
        "backs": ["lens-gig"],
    } | fields


def two_changes() -> dict[str, Any]:
    return front_matter(
        sources=[front_matter()["sources"][0], court_source()],
        changes=[
            {"date": "2026-01-10", "what": "The platform cut base pay per task.", "source": BLS},
            {"date": "2026-03-02", "what": "A court ruled the drivers are employees.", "source": COURT},
        ],
    )


def error_for(tmp_path: Path, front: dict[str, Any]) -> ContentError:
    path = tmp_path / "test-gig.md"
    path.write_text(read_text(front), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        parse_read(path)
    return caught.value


def line_of(tmp_path: Path, needle: str) -> int:
    lines = (tmp_path / "test-gig.md").read_text().splitlines()
    return next(number for number, line in enumerate(lines, start=1) if needle in line)


# ---------------------------------------------------------------------------------------------
# The format


def test_a_gig_read_needs_at_least_one_change(tmp_path: Path) -> None:
    for changes in (DELETE, []):
        error = error_for(tmp_path, front_matter(changes=changes))
        assert error.field == "changes"
        assert "a GigWatch read needs changes: at least one dated event" in error.message


def test_a_career_may_list_changes_or_none(tmp_path: Path) -> None:
    path = tmp_path / "plumber.md"
    path.write_text(read_text(front_matter(collection="careers")), encoding="utf-8")
    assert parse_read(path).front.changes == []
    path.write_text(
        read_text(
            front_matter(
                collection="careers", changes=[{"date": "2026-01-10", "what": "A new licence rule.", "source": BLS}]
            )
        ),
        encoding="utf-8",
    )
    assert parse_read(path).front.changes[0].date == dt.date(2026, 1, 10)


def test_a_change_cites_one_of_the_reads_sources_and_the_error_names_its_line(tmp_path: Path) -> None:
    front = front_matter(changes=[{"date": "2026-01-10", "what": "Pay cut.", "source": COURT}])
    error = error_for(tmp_path, front)
    assert error.field == "changes.0.source"
    assert f"{COURT!r} is not one of this read's sources" in error.message
    assert error.line == line_of(tmp_path, f"source: {COURT}")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"date": "2026-01", "what": "Pay cut.", "source": BLS}, "changes.0.date", "valid date"),
        ({"what": "Pay cut.", "source": BLS}, "changes.0.date", "Field required"),
        ({"date": "2026-01-10", "what": "", "source": BLS}, "changes.0.what", "at least 1 character"),
        ({"date": "2026-01-10", "what": "Pay cut."}, "changes.0.source", "Field required"),
        ({"date": "2026-01-10", "what": "Pay cut.", "source": BLS, "link": BLS}, "changes.0.link", "Extra inputs"),
        ({"date": "2026-07-01", "what": "Pay cut.", "source": BLS}, "changes.0.date", "after the read's review"),
    ],
)
def test_each_change_is_dated_said_and_sourced(
    tmp_path: Path, change: dict[str, Any], field: str, message: str
) -> None:
    error = error_for(tmp_path, front_matter(changes=[change]))
    assert error.field == field
    assert message in error.message


@pytest.mark.parametrize("kind", ["company", "aggregator"])
def test_a_companys_own_page_or_an_aggregator_must_say_so(tmp_path: Path, kind: str) -> None:
    own = court_source(kind=kind, title="Our new pay model", publisher="The platform")
    error = error_for(tmp_path, front_matter(sources=[front_matter()["sources"][0], own]))
    assert error.field == "sources.1.note"
    assert f"a source of kind {kind} needs a note saying what it is" in error.message
    path = tmp_path / "test-gig.md"
    path.write_text(read_text(front_matter(sources=[own | {"note": "the platform's own account"}])), encoding="utf-8")
    assert parse_read(path).front.sources[0].note == "the platform's own account"


@pytest.mark.django_db
def test_the_sources_page_shows_what_a_source_is(client: Client, tmp_path: Path) -> None:
    own = court_source(kind="company", publisher="The platform", note="the platform's own account of its pay model")
    write_read(tmp_path, "test-gig", front_matter(sources=[own]))
    content_load(directory=tmp_path)
    html = client.get("/reads/test-gig/sources/").content.decode()
    assert 'A company&#x27;s own account</span> <span class="source-note" data-testid="source-note">' in html
    assert "(the platform&#x27;s own account of its pay model)" in html


def test_content_check_fails_a_gig_read_without_changes(tmp_path: Path) -> None:
    write_read(tmp_path, "test-gig", front_matter(changes=DELETE))
    with pytest.raises(CommandError) as caught:
        call_command("content_check", path=tmp_path, stdout=io.StringIO(), stderr=io.StringIO())
    assert "test-gig.md:" in str(caught.value) and ": changes: a GigWatch read needs changes" in str(caught.value)


# ---------------------------------------------------------------------------------------------
# The page and the feeds


@pytest.fixture
def content(tmp_path: Path) -> Path:
    write_read(tmp_path, "test-gig", two_changes())
    write_read(
        tmp_path,
        "other-gig",
        front_matter(
            title="Other gig", changes=[{"date": "2025-12-01", "what": "A city set a minimum rate.", "source": BLS}]
        ),
    )
    write_read(tmp_path, "plumber", front_matter(title="Plumber", collection="careers"))
    content_load(directory=tmp_path)
    return tmp_path


@pytest.mark.django_db
def test_the_read_page_lists_whats_changed_newest_first_with_dates_and_sources(client: Client, content: Path) -> None:
    with time_machine.travel(dt.date(2026, 7, 1)):
        html = client.get("/reads/test-gig/").content.decode()
    section = html[html.index('data-testid="whats-changed"') :]
    section = section[: section.index("</section>")]
    assert section.index("2 March 2026") < section.index("10 January 2026")  # newest first
    assert '<time datetime="2026-03-02">2 March 2026</time>' in section
    assert "A court ruled the drivers are employees." in section
    assert f'<a href="{COURT}" rel="noopener noreferrer">A ruling on drivers&#x27; status</a>' in section
    assert 'href="/reads/test-gig/sources/#source-2">source 2</a>' in section
    assert '<link rel="alternate" type="application/atom+xml" title="What\'s changed: Test gig"' in html
    assert 'href="/reads/test-gig/changes.atom"' in html
    assert 'href="/feed/gigwatch/"' in html  # the collection's feed, from every page


@pytest.mark.django_db
def test_a_read_without_changes_shows_no_section_and_has_no_feed(client: Client, content: Path) -> None:
    html = client.get("/reads/plumber/").content.decode()
    assert "whats-changed" not in html and "changes.atom" not in html
    assert client.get("/reads/plumber/changes.atom").status_code == 404
    assert client.get("/reads/no-such-read/changes.atom").status_code == 404


@pytest.mark.django_db
def test_the_sources_page_says_which_sources_back_whats_changed(client: Client, content: Path) -> None:
    html = client.get("/reads/test-gig/sources/").content.decode()
    part = html[html.index('data-part="whats-changed"') :]
    part = part[: part.index("</div>")]
    assert "[1]</a> Occupational Outlook Handbook" in part and "[2]</a> A ruling on drivers" in part
    assert "Backs: Lens: as a gig, What&#x27;s changed" in html


def entries(body: bytes) -> list[dict[str, str]]:
    root = ET.fromstring(body)
    return [
        {
            "title": entry.findtext(f"{ATOM}title") or "",
            "id": entry.findtext(f"{ATOM}id") or "",
            "link": entry.find(f"{ATOM}link").get("href", ""),  # type: ignore[union-attr]
            "updated": entry.findtext(f"{ATOM}updated") or "",
            "published": entry.findtext(f"{ATOM}published") or "",
            "summary": entry.findtext(f"{ATOM}summary") or "",
        }
        for entry in root.iter(f"{ATOM}entry")
    ]


@pytest.mark.django_db
def test_the_read_feed_has_one_entry_per_change_newest_first(client: Client, content: Path) -> None:
    response = client.get("/reads/test-gig/changes.atom")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    found = entries(response.content)
    assert [entry["title"] for entry in found] == ["Test gig: 2 March 2026", "Test gig: 10 January 2026"]
    assert found[0]["published"].startswith("2026-03-02T00:00:00")
    assert (
        f"A court ruled the drivers are employees. Source: A ruling on drivers' status (A state court), {COURT}"
        == (found[0]["summary"])
    )
    assert found[0]["link"].startswith("http://testserver/reads/test-gig/#change-2026-03-02-")
    anchor = found[0]["link"].split("#")[1]
    assert f'id="{anchor}"' in client.get("/reads/test-gig/").content.decode()  # the entry links to its place
    assert len({entry["id"] for entry in found}) == 2


@pytest.mark.django_db
def test_an_entry_keeps_its_id_when_its_wording_is_corrected(
    client: Client, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    write_read(tmp_path, "test-gig", two_changes())
    content_load(directory=tmp_path)
    before = {entry["id"] for entry in entries(client.get("/reads/test-gig/changes.atom").content)}
    front = two_changes()
    front["changes"][1]["what"] = "A state court ruled the drivers are employees, not contractors."
    write_read(tmp_path, "test-gig", front)
    with django_capture_on_commit_callbacks(execute=True):  # the new release is published on commit
        content_load(directory=tmp_path)
    after = entries(client.get("/reads/test-gig/changes.atom").content)
    assert {entry["id"] for entry in after} == before
    assert "not contractors" in after[0]["summary"]


@pytest.mark.django_db
def test_the_gigwatch_feed_gathers_every_gigs_changes_newest_first(client: Client, content: Path) -> None:
    response = client.get("/feed/gigwatch/")
    assert response.status_code == 200
    titles = [entry["title"] for entry in entries(response.content)]
    assert titles == ["Test gig: 2 March 2026", "Test gig: 10 January 2026", "Other gig: 1 December 2025"]


@pytest.mark.django_db
def test_the_feeds_are_public_and_cacheable(client: Client, content: Path) -> None:
    for url in ("/reads/test-gig/changes.atom", "/feed/gigwatch/"):
        response = client.get(url)
        assert response["Cache-Control"] == "public, max-age=60, s-maxage=600", url
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
