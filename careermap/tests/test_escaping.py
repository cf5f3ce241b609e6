"""Hostile text comes out inert wherever it is shown: script and HTML in a read's Markdown and front
matter, in imported occupation data, in search queries, in work-log notes and uploaded CSV cells
(on the page and in the CSV export, where formulas are defused too)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import StreamingHttpResponse
from django.test import Client
from django.utils.html import escape

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, write_read
from careermap.lib.markdown import render_markdown
from careermap.occupations.models import Occupation
from careermap.worklog.models import Entry
from careermap.worklog.tests.factories import EntryFactory

SCRIPT = "<script>alert('xss')</script>"
PAYLOADS = [
    SCRIPT,
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<iframe src=//evil.example></iframe>",
    '"><script>alert(1)</script>',
    "<style>body{display:none}</style>",
]


class _Markup(HTMLParser):
    """Collects what a browser would run: inline script, event-handler attributes, javascript: URLs,
    and elements a payload could add (iframe, style, object, embed)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"iframe", "style", "object", "embed"}:
            self.live.append(f"<{tag}>")
        if tag == "script":
            self._in_script = True
            if not dict(attrs).get("src"):
                self.live.append("<script> without src")
        for name, value in attrs:
            if name.startswith("on"):
                self.live.append(f"{tag} {name}=")
            if name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                ("javascript:", "data:text/html", "vbscript:")
            ):
                self.live.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.live.append("inline script text")


def live_markup(html: str) -> list[str]:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.live


def assert_inert(html: str, *payloads: str) -> None:
    """Nothing in the page would run, and no payload appears as raw markup (it may appear escaped)."""
    assert live_markup(html) == []
    lowered = html.lower()
    for payload in payloads:
        assert payload.lower() not in lowered, f"{payload!r} came out unescaped"


# ---------------------------------------------------------------------------------------------
# Markdown and reads


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_drops_or_escapes_script_and_html(payload: str) -> None:
    html = render_markdown(f"Intro *text*.\n\n{payload}\n\nInline {payload} too.")
    assert_inert(html, payload)
    assert "<em>text</em>" in html


@pytest.mark.parametrize(
    "markdown",
    ["[click](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "![i](javascript:alert(1))", "<javascript:alert(1)>"],
)
def test_markdown_links_never_carry_javascript_urls(markdown: str) -> None:
    assert live_markup(render_markdown(markdown)) == []


@pytest.fixture
def hostile_read(db, tmp_path: Path) -> str:
    front = front_matter(
        title=f"Gig {SCRIPT}",
        description=f"Desc {SCRIPT}",
        what_this_is__headline=f"Head {SCRIPT}",
        what_this_is__summary=f"Summary {PAYLOADS[1]} and {SCRIPT}",
        lenses__gig__text=f"Lens {PAYLOADS[2]}",
        lenses__gig__verdict=f"Verdict {SCRIPT}",
    )
    front["sources"][0]["title"] = f"Source {SCRIPT}"
    body = f"\n## Editor's read\n\nRead {SCRIPT} {PAYLOADS[3]}\n\n## Before you commit\n\nCommit {PAYLOADS[4]}\n"
    write_read(tmp_path, "hostile-read", front, body)
    content_load(directory=tmp_path)
    return "hostile-read"


def test_a_read_with_script_in_its_markdown_and_front_matter_is_served_inert(client: Client, hostile_read: str) -> None:
    for url in (f"/reads/{hostile_read}/", f"/reads/{hostile_read}/sources/", "/", "/feed/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode(), SCRIPT, PAYLOADS[1], PAYLOADS[2], PAYLOADS[3], PAYLOADS[4])
    page = client.get(f"/reads/{hostile_read}/").content.decode()
    assert "Gig &lt;script&gt;" in page  # plain-text fields are escaped, not dropped


def test_the_read_api_returns_hostile_text_as_json_strings(client: Client, hostile_read: str) -> None:
    response = client.get(f"/api/v1/reads/{hostile_read}")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["title"] == f"Gig {SCRIPT}"


def test_imported_occupation_text_is_escaped(client: Client, db) -> None:
    Occupation.objects.create(
        code="99-9999.00", title=f"Title {SCRIPT}", description=f"Does {PAYLOADS[1]}", soc_code="99-9999"
    )
    response = client.get("/occupations/99-9999.00/")
    assert response.status_code == 200
    assert_inert(response.content.decode(), SCRIPT, PAYLOADS[1])
    assert "Title &lt;script&gt;" in response.content.decode()


# ---------------------------------------------------------------------------------------------
# Search


@pytest.mark.django_db
@pytest.mark.parametrize("query", [SCRIPT, '"><img src=x onerror=alert(1)> nurse', "nurse</title><script>x</script>"])
def test_a_search_query_is_echoed_escaped(client: Client, query: str) -> None:
    response = client.get("/search/", {"q": query})
    assert response.status_code in {200, 422}
    assert_inert(response.content.decode(), query)


@pytest.mark.django_db
def test_the_search_api_answers_json_for_a_hostile_query(client: Client) -> None:
    response = client.get("/api/v1/search", {"q": f"nurse {SCRIPT}"})
    assert response.status_code in {200, 422}
    assert response["Content-Type"].startswith("application/json")


# ---------------------------------------------------------------------------------------------
# Work log: notes on the page, cells of an uploaded CSV, the CSV export


def test_entry_notes_and_platform_with_script_are_escaped_on_the_pages(alice, alice_client: Client) -> None:
    entry = EntryFactory(user=alice, notes=f"Note {SCRIPT}", task_type=f"Task {PAYLOADS[1]}", platform="Outlier")
    for url in ("/worklog/", f"/worklog/entries/{entry.pk}/", "/worklog/summary/"):
        response = alice_client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.content.decode(), SCRIPT, PAYLOADS[1])


def test_cells_of_an_uploaded_csv_are_escaped_in_the_preview(alice, alice_client: Client) -> None:
    csv_text = (
        f'Date,Platform,Minutes,Task\n2026-11-02,"{PAYLOADS[1]}",30,"{SCRIPT}"\n2026-11-03,Uber,45,"{PAYLOADS[2]}"\n'
    )
    upload = SimpleUploadedFile("hostile.csv", csv_text.encode(), content_type="text/csv")
    response = alice_client.post("/worklog/import/", {"file": upload})
    assert response.status_code == 302, response.content[:500]
    detail = alice_client.get(response["Location"])
    assert detail.status_code == 200
    assert_inert(detail.content.decode(), SCRIPT, PAYLOADS[1], PAYLOADS[2])
    batch_id = response["Location"].rstrip("/").split("/")[-1]
    preview = alice_client.get(f"/worklog/import/{batch_id}/preview/")
    assert preview.status_code == 200
    html = preview.content.decode()
    assert_inert(html, SCRIPT, PAYLOADS[1], PAYLOADS[2])
    for payload in (SCRIPT, PAYLOADS[1], PAYLOADS[2]):  # the rows are on the page, escaped
        assert escape(payload) in html, payload


@pytest.mark.parametrize(
    "formula", ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]
)
def test_the_csv_export_defuses_formulas_and_keeps_text(alice, alice_client: Client, formula: str) -> None:
    EntryFactory(user=alice, notes=formula, date=dt.date(2026, 11, 2))
    response = alice_client.get("/worklog/export/entries.csv")
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content).decode()  # bytes from a sync view
    header, *rows = csv.reader(io.StringIO(body, newline=""))
    assert len(rows) == 1
    assert rows[0][header.index("notes")] == "'" + formula  # one apostrophe in front: a spreadsheet shows text
    assert Entry.objects.get(user=alice).notes == formula  # stored as written
