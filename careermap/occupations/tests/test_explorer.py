"""The occupations explorer (/occupations/) and the durability dot plot on the occupation page."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import Client
from django.utils.safestring import mark_safe

from careermap.durability.services import durability_compute
from careermap.lib.charts import OccupationPoint, explorer_chart, explorer_marks_markup
from careermap.occupations.explorer import ExplorerData
from careermap.occupations.forms import OccupationFilterForm
from careermap.occupations.paypage import AreaChoice
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import write_data_dir

OMARK = re.compile(r'<a class="omark" href="(/occupations/[^"]+)"><title>([^<]*)</title>')


@pytest.fixture
def data(tmp_path: Path, db: None) -> None:
    data_import(data_dir=write_data_dir(tmp_path), progress=lambda step: None)
    durability_compute()


def test_the_explorer_draws_every_occupation_with_a_score_and_pay(client: Client, data: None) -> None:
    html = client.get("/occupations/").content.decode()
    marks = dict(OMARK.findall(html))
    assert marks["/occupations/15-1252.00/"].startswith("Software Developers: durability 48, median pay $133,080, ")
    assert marks["/occupations/11-1011.00/"].startswith("Chief Executives: durability 47, median pay at least $239,200")
    assert "/occupations/55-1011.00/" not in marks  # no score, no pay: in the table, not the chart
    assert "Not drawn: 1 without a durability score" in html
    assert 'class="explorer explorer--labelled"' in html  # five marks: every one labelled
    assert '<td class="num">48</td>' in html  # the table gives the same durability


def test_the_filters_drive_the_explorer(client: Client, data: None) -> None:
    html = client.get("/occupations/?job_zone=5").content.decode()
    assert set(dict(OMARK.findall(html))) == {"/occupations/11-1011.00/", "/occupations/11-1011.03/"}
    html = client.get("/occupations/?interest=S").content.decode()
    assert set(dict(OMARK.findall(html))) == {"/occupations/29-1141.00/"}
    html = client.get("/occupations/?change_min=1000").content.decode()
    assert OMARK.findall(html) == []


def test_with_an_area_the_explorer_draws_local_pay(client: Client, data: None) -> None:
    html = client.get("/occupations/?area=0041860").content.decode()
    marks = dict(OMARK.findall(html))
    assert marks["/occupations/15-1252.00/?area=0041860"].startswith(
        "Software Developers: durability 48, median pay $186,640,"
    )
    assert "BLS OEWS, May 2025</a>, San Francisco-Oakland-Fremont, CA" in html
    assert "Median pay in San Francisco-Oakland-Fremont, CA" in html  # the table gives the same figure


@pytest.mark.parametrize(
    "query", ["?area=abc", "?area=9999999", "?job_zone=9", "?wage_min=x", "?change_min=5&change_max=1", "?page=zz"]
)
def test_bad_input_is_explained_never_a_500(client: Client, data: None, query: str) -> None:
    assert client.get(f"/occupations/{query}").status_code == 200


def test_the_explorer_is_a_fixed_number_of_queries(client: Client, data: None, django_assert_max_num_queries) -> None:
    client.get("/occupations/?job_zone=4")  # warm the version caches
    with django_assert_max_num_queries(8):
        client.get("/occupations/?job_zone=3")


def test_1016_occupations_draw_in_at_most_150_kb_gzipped(db: None) -> None:
    """As many marks as O*NET has occupations, with long titles, through the real template."""
    points = [
        OccupationPoint(
            code=f"{11 + i % 40:02d}-{i:04d}.00",
            title=f"Occupation number {i} with a long title, as many O*NET titles are",
            score=(i * 37) % 101,
            pay=20_000 + (i * 7919) % 220_000,
            pay_at_least=False,
            employment=float((i * 104_729) % 3_000_000),
            url=f"/occupations/{11 + i % 40:02d}-{i:04d}.00/",
        )
        for i in range(1016)
    ]
    chart = explorer_chart(points)
    html = render_to_string(
        "occupations/index.html",
        {
            "form": OccupationFilterForm(),
            "page": Paginator([], 50).get_page(1),
            "total": 1016,
            "explorer": ExplorerData(points, 1016, 0, 0, False),
            "chart": chart,
            "scores": {},
            "drawn": {},
            "marks_markup": mark_safe(explorer_marks_markup(chart["marks"])),
            "area": None,
            "area_choice": AreaChoice(None, "", ""),
            "states": [],
        },
    )
    svg = html[html.index('<svg class="explorer-svg"') : html.index("</svg>", html.index("explorer-svg")) + 6]
    assert svg.count('class="omark"') == 1016
    assert len(gzip.compress(svg.encode())) <= 150_000


def test_mark_text_is_escaped() -> None:
    chart = explorer_chart([OccupationPoint("1", "<b>&amp</b>", 50, 1.0, False, None, '/x"y')])
    markup = explorer_marks_markup(chart["marks"], link_suffix="?area=1&b")
    assert "<b>" not in markup and "&lt;b&gt;&amp;amp&lt;/b&gt;" in markup
    assert 'href="/x&quot;y?area=1&amp;b"' in markup


def test_the_occupation_page_plots_each_durability_input(client: Client, data: None) -> None:
    html = client.get("/occupations/15-1252.00/").content.decode()
    assert 'data-testid="durability-dots"' in html
    figure = html[html.index('data-testid="durability-dots"') : html.index("</figure>", html.index("durability-dots"))]
    assert figure.count('<circle class="dot') == figure.count('<text class="dot-label"') >= 3
    description = re.search(r'<desc id="dots-desc">([^<]*)</desc>', figure)
    assert description and "percentile" in description.group(1)
    assert "raises the score" in figure or "lowers the score" in figure
