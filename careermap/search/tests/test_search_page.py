"""The search page, /search/?q= (fixture occupations and reads from fixtures.py)."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from careermap.occupations.models import Projection
from careermap.search import engine
from careermap.search.forms import EMPTY_MESSAGE, NO_WORDS_MESSAGE, TOO_LONG_MESSAGE
from careermap.search.selectors import search_index_forget
from careermap.search.tests.fixtures import build_index, score_occupation

pytestmark = pytest.mark.django_db


def result_links(html: str) -> list[str]:
    return re.findall(r'<a class="card-link" href="([^"]+)"', html)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("data labeler", "/reads/ai-data-labeling/"),
        ("RN", "/occupations/29-1141.00/"),
        ("registred nurse", "/occupations/29-1141.00/"),
        ("plumber apprentice", "/occupations/47-2152.00/"),  # then its read
        ("pediatric dermatologist", "/occupations/29-1213.00/"),
    ],
)
def test_a_title_finds_the_right_result_first(client: Client, search_data: None, query: str, first: str) -> None:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert result_links(response.content.decode())[0] == first


def test_uber_driver_finds_the_rideshare_read_and_taxi_drivers(client: Client, search_data: None) -> None:
    links = result_links(client.get("/search/?q=uber+driver").content.decode())
    assert set(links[:2]) == {"/reads/rideshare-driving/", "/occupations/53-3054.00/"}


def test_the_page_works_without_javascript(client: Client, search_data: None) -> None:
    html = client.get("/search/?q=nurse").content.decode()
    assert '<form class="search-form" method="get" action="/search/"' in html
    # the only script is the typeahead file, deferred: results come from the GET form alone
    assert re.findall(r"<script[^>]*>", html) == ['<script defer src="/static/js/typeahead.js">']
    assert "Registered Nurses" in html


def test_the_header_search_box_goes_to_the_search_page(client: Client, search_data: None) -> None:
    html = client.get("/").content.decode()
    assert re.search(r'<form class="site-search" role="search" action="/search/" method="get" data-typeahead>', html)


def test_without_a_query_it_shows_the_form(client: Client, search_data: None) -> None:
    response = client.get("/search/")
    assert response.status_code == 200
    assert b"Search by job title" in response.content
    assert b'class="field-error"' not in response.content


@pytest.mark.parametrize(
    ("query", "message"),
    [("", EMPTY_MESSAGE), ("   ", EMPTY_MESSAGE), ("nurse " * 30, TOO_LONG_MESSAGE), ("!!! %%% ???", NO_WORDS_MESSAGE)],
)
def test_a_bad_query_gets_a_friendly_message(client: Client, search_data: None, query: str, message: str) -> None:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'aria-invalid="true"' in html
    assert result_links(html) == []


def test_no_match_says_so_and_suggests_what_to_try(client: Client, search_data: None) -> None:
    html = client.get("/search/?q=qqqqqqqq+zzzzzzz").content.decode()
    assert "Nothing matches “qqqqqqqq zzzzzzz”" in html


def test_script_in_the_query_comes_out_escaped(client: Client, search_data: None) -> None:
    html = client.get("/search/", {"q": '<script>alert("x")</script> nurse'}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; nurse" in html


def test_once_built_the_page_runs_no_query(client: Client, search_data: None, django_assert_num_queries) -> None:
    # neither the search nor the results' pay and durability (kept per data version) run SQL
    build_index(client, "/search/?q=nurse")
    with django_assert_num_queries(0):
        response = client.get("/search/?q=plumber")
    assert response.status_code == 200


def test_each_result_says_what_matched_and_shows_pay_and_durability(client: Client, search_data: None) -> None:
    Projection.objects.filter(occupation_id="29-1213.00").update(median_wage=81220)
    score_occupation("29-1213.00", 62)
    html = client.get("/search/?q=skin+doctor").content.decode()
    first = html[html.index('<ol class="read-next search-results">') :].split("</li>")[0]
    assert "Matched “Skin Doctor”, an alternate title" in first
    assert "Median pay $81,220 a year (U.S., 2024)" in first
    assert "Durability 62/100" in first
    html = client.get("/search/?q=nurse+aide").content.decode()
    assert "Pay: no national median published" in html and "Durability: no score yet" in html
    html = client.get("/search/?q=rideshare").content.decode()
    assert "No score: cash now" in html  # the gig read


def test_a_query_found_only_approximately_says_closest(client: Client, search_data: None) -> None:
    html = client.get("/search/?q=pulmbre").content.decode()
    assert "No occupation matches “pulmbre” exactly; closest:" in html
    assert result_links(html)  # ... and still shows the closest results
    html = client.get("/search/?q=plumber").content.decode()
    assert "exactly; closest" not in html
    assert "Showing results for" not in html


def test_a_misspelt_query_says_what_it_was_read_as(client: Client, search_data: None) -> None:
    html = client.get("/search/?q=plumbng").content.decode()
    assert "Showing results for <strong>“plumbing”</strong> (you typed “plumbng”)." in html
    assert "best match" in html and "for “plumbing”, best first." in html
    assert "exactly; closest" not in html


def test_a_search_that_names_no_job_says_so_and_points_to_the_quiz(client: Client, search_data: None) -> None:
    html = client.get("/search/", {"q": "entry level jobs"}).content.decode()
    assert "“entry level jobs” names no job, so there is nothing to rank." in html
    assert 'href="/quiz/"' in html
    assert result_links(html) == []


def test_a_military_job_code_that_matches_nothing_says_what_it_is(client: Client, search_data: None) -> None:
    """ "25u" (an Army job code with no entry) showed only "Nothing matches"; a veteran learns the code is known
    for what it is, and what to type instead."""
    html = client.get("/search/", {"q": "MOS 25U"}).content.decode()
    assert "“MOS 25U” looks like a military job code" in html
    assert result_links(html) == []
    html = client.get("/search/", {"q": "zzqx"}).content.decode()
    assert "military job code" not in html


@pytest.fixture
def low_broad_bar(monkeypatch: pytest.MonkeyPatch):
    """A word heading titles of three fixture occupations counts as broad; the index is rebuilt."""
    monkeypatch.setattr(engine, "BROAD_HEAD", 3)
    search_index_forget()
    yield
    monkeypatch.undo()
    search_index_forget()


def test_a_broad_role_word_says_its_results_are_only_the_likeliest(
    client: Client, search_data: None, low_broad_bar: None
) -> None:
    html = client.get("/search/", {"q": "driver"}).content.decode()
    assert re.search(r"“driver” is in the titles of \d+ occupations, so these are only the likeliest", html)
    assert result_links(html)  # ... and still shows them
    body = client.get("/api/v1/search", {"q": "driver"}).json()
    assert body["broad"] >= 3 and body["count"] > 0
    html = client.get("/search/", {"q": "truck driver"}).content.decode()
    assert "only the likeliest" not in html
