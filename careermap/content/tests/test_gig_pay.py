"""Gig reads carry a structured "What it pays" part: figures with unit, basis and source, or a reason for none."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from careermap.content.parsing import ContentError, parse_read
from careermap.content.services import content_load
from careermap.content.tests.factories import DELETE, front_matter, read_text, write_read

BLS = "https://www.bls.gov/ooh/"
EPI = "https://www.epi.org/publication/uber-and-the-labor-market/"


def figure(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "low_usd": 9,
        "high_usd": 11,
        "unit": "hour",
        "basis": "net_of_expenses",
        "unpaid_time": "not_counted",
        "population": "U.S. Uber and Lyft drivers",
        "place": "United States",
        "measured": "2018",
        "source": EPI,
        "note": "Averages across drivers.",
    }
    for key, value in changes.items():
        if value is DELETE:
            del data[key]
        else:
            data[key] = value
    return data


def gig_with(*figures: dict[str, Any], **overrides: Any) -> dict[str, Any]:
    """The factory's gig, citing a second source that backs its pay figures."""
    sources = front_matter()["sources"] + [
        {
            "title": "Uber and the labor market",
            "publisher": "Economic Policy Institute",
            "url": EPI,
            "published": "2018-05-15",
            "accessed": "2026-06-15",
            "kind": "research",
            "backs": ["what-it-pays"],
        }
    ]
    return front_matter(pay={"figures": list(figures)}, sources=sources, **overrides)


def refused(tmp_path: Path, front: dict[str, Any]) -> tuple[ContentError, str]:
    path = tmp_path / "test-gig.md"
    text = read_text(front)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        parse_read(path)
    return caught.value, text.splitlines()[caught.value.line - 1]


def test_a_gig_read_with_a_complete_figure_parses(tmp_path: Path) -> None:
    path = tmp_path / "test-gig.md"
    path.write_text(read_text(gig_with(figure())), encoding="utf-8")
    pay = parse_read(path).front.pay
    assert pay is not None
    assert pay.figures[0].amount_display == "$9–$11"
    assert pay.figures[0].unit_label == "per hour"


def test_a_gig_figure_without_a_unit_is_refused(tmp_path: Path) -> None:
    error, _line = refused(tmp_path, gig_with(figure(unit=DELETE)))
    assert error.field == "pay.figures.0.unit"
    assert "unit" in str(error) and "Field required" in error.message


def test_a_gig_figure_without_a_basis_is_refused(tmp_path: Path) -> None:
    error, _line = refused(tmp_path, gig_with(figure(basis=DELETE)))
    assert error.field == "pay.figures.0.basis"
    assert "basis" in str(error) and "Field required" in error.message


def test_a_gig_figure_without_a_source_is_refused(tmp_path: Path) -> None:
    error, _line = refused(tmp_path, gig_with(figure(), figure(source=DELETE)))
    assert error.field == "pay.figures.1.source"
    assert "source" in str(error) and "Field required" in error.message


def test_a_figure_citing_a_source_the_read_does_not_list_is_refused_at_its_line(tmp_path: Path) -> None:
    error, line = refused(tmp_path, gig_with(figure(source="https://example.com/made-up-study")))
    assert error.field == "pay.figures.0.source"
    assert "is not one of this read's sources" in error.message
    assert line.strip() == "source: https://example.com/made-up-study"


def test_a_source_behind_a_figure_must_say_it_backs_what_it_pays(tmp_path: Path) -> None:
    error, _line = refused(tmp_path, front_matter(pay={"figures": [figure(source=BLS)]}))
    assert error.field == "sources.0.backs"
    assert "what-it-pays" in error.message


def test_a_gig_read_without_pay_is_refused(tmp_path: Path) -> None:
    error, _line = refused(tmp_path, front_matter(pay=DELETE))
    assert error.field == "pay"
    assert "a GigWatch read needs pay" in error.message


def test_pay_with_neither_figures_nor_a_reason_is_refused(tmp_path: Path) -> None:
    error, line = refused(tmp_path, front_matter(pay={"no_figure_reason": "  "}))
    assert error.field == "pay"
    assert "no_figure_reason" in error.message
    assert line.startswith("pay:")


def test_a_career_read_with_pay_is_refused(tmp_path: Path) -> None:
    career = front_matter(
        collection="careers",
        occupations=["47-2152.00"],
        durability={"scored": True, "basis": "Computed from the linked occupation's data."},
        pay={"no_figure_reason": "Careers get pay from the public data."},
    )
    error, line = refused(tmp_path, career)
    assert error.field == "pay"
    assert "only GigWatch reads carry pay" in error.message
    assert line.startswith("pay:")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"low_usd": 12}, "pay.figures.0.high_usd", "high_usd (11) is below low_usd (12)"),
        ({"amount_usd": 10}, "pay.figures.0", "not both"),
        ({"low_usd": DELETE, "high_usd": DELETE}, "pay.figures.0", "needs amount_usd"),
        ({"high_usd": DELETE}, "pay.figures.0", "needs both low_usd and high_usd"),
        ({"unit": "fortnight"}, "pay.figures.0.unit", "Input should be"),
        ({"basis": "net"}, "pay.figures.0.basis", "Input should be"),
        ({"measured": 2018}, "pay.figures.0.measured", "valid string"),
        ({"low_usd": True}, "pay.figures.0.low_usd", "valid number"),
    ],
)
def test_a_figure_must_state_one_amount_in_words_we_know(
    tmp_path: Path, changes: dict[str, Any], field: str, message: str
) -> None:
    error, _line = refused(tmp_path, gig_with(figure(**changes)))
    assert error.field == field
    assert message in error.message


@pytest.mark.django_db
def test_the_gig_page_shows_what_it_pays_in_words_with_its_source(client: Client, tmp_path: Path) -> None:
    write_read(tmp_path, "test-gig", gig_with(figure(), figure(amount_usd=9.21, low_usd=DELETE, high_usd=DELETE)))
    content_load(directory=tmp_path)
    html = client.get("/reads/test-gig/").content.decode()
    section = html[html.index('data-part="what-it-pays"') : html.index('data-part="durability"')]
    assert "<h2" in section and "What it pays" in section
    assert "$9–$11 per hour" in section and "$9.21 per hour" in section
    assert "net of work expenses" in section
    assert "not counting unpaid waiting" in section
    assert "U.S. Uber and Lyft drivers · United States · measured 2018" in section
    assert (
        f'<a href="{EPI}" rel="noopener noreferrer">Uber and the labor market</a> (Economic Policy Institute)'
        in section
    )
    assert "not an employer’s wage" in section
    assert html.index("What this is") < html.index("What it pays")


@pytest.mark.django_db
def test_a_gig_without_a_trustworthy_figure_says_why(client: Client, tmp_path: Path) -> None:
    write_read(tmp_path, "test-gig", front_matter(pay={"no_figure_reason": "No platform publishes hourly pay."}))
    content_load(directory=tmp_path)
    html = client.get("/reads/test-gig/").content.decode()
    assert "What it pays" in html
    assert "We show no pay figure for this work.</strong> No platform publishes hourly pay." in html


@pytest.mark.django_db
def test_the_sources_page_lists_what_it_pays_only_where_figures_cite_sources(client: Client, tmp_path: Path) -> None:
    write_read(tmp_path, "test-gig", gig_with(figure()))
    write_read(tmp_path, "other-gig", front_matter(title="Other gig"))
    content_load(directory=tmp_path)
    with_figures = client.get("/reads/test-gig/sources/").content.decode()
    assert 'data-part="what-it-pays"' in with_figures and "Backs: What it pays" in with_figures
    assert 'data-part="what-it-pays"' not in client.get("/reads/other-gig/sources/").content.decode()


@pytest.mark.django_db
def test_a_career_page_has_no_what_it_pays_part(client: Client, tmp_path: Path) -> None:
    write_read(
        tmp_path,
        "plumber",
        front_matter(
            title="Plumber",
            collection="careers",
            occupations=["47-2152.00"],
            durability={"scored": True, "basis": "Computed from the linked occupation's data."},
        ),
    )
    content_load(directory=tmp_path)
    assert 'data-part="what-it-pays"' not in client.get("/reads/plumber/").content.decode()


def test_content_check_passes_on_the_shipped_reads() -> None:
    out = io.StringIO()
    call_command("content_check", stdout=out, stderr=io.StringIO())
    assert "reads valid" in out.getvalue()


def test_content_check_refuses_a_gig_figure_without_a_basis(tmp_path: Path) -> None:
    write_read(tmp_path, "test-gig", gig_with(figure(basis=DELETE)))
    with pytest.raises(CommandError) as caught:
        call_command("content_check", path=tmp_path, stdout=io.StringIO(), stderr=io.StringIO())
    assert "test-gig.md:" in str(caught.value) and "pay.figures.0.basis: Field required" in str(caught.value)


@pytest.mark.django_db
def test_the_read_api_gives_a_gig_reads_pay_evidence(client) -> None:
    from django.conf import settings

    from careermap.content.services import content_load

    content_load(directory=settings.CAREERMAP_CONTENT_DIR)
    body = client.get("/api/v1/reads/rideshare-driving").json()
    figure = body["pay"]["figures"][0]
    assert figure["unit"] == "hour" and figure["basis"] and figure["source"].startswith("https://")
    assert client.get("/api/v1/reads/software-developer").json()["pay"] is None
