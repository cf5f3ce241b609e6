"""POST /api/v1/quiz/matches returns the next ten after the best three, as the result page lists them."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from django.test import Client

from careermap.quiz.matching import LIMIT, MORE
from careermap.quiz.tests.conftest import ITEM_IDS, make_occupation, only

pytestmark = pytest.mark.django_db

URL = "/api/v1/quiz/matches"

# fmt: off
# Made-up occupations leaning Social, each in its own O*NET minor group (the first four characters),
# except the last, which shares 29-1 with the fixture's Registered Nurses: at most one of the two may show.
MORE_OCCUPATIONS = [
    ("11-9032.00", "Fixture School Principals", (1.5, 2.5, 2.0, 6.0, 5.0, 3.0)),
    ("13-1071.00", "Fixture Recruiters", (1.2, 2.0, 1.8, 5.5, 5.2, 4.0)),
    ("19-3031.00", "Fixture Counseling Psychologists", (1.4, 5.0, 2.8, 6.8, 2.0, 2.0)),
    ("21-2011.00", "Fixture Clergy", (1.2, 2.8, 3.0, 6.7, 3.5, 2.0)),
    ("25-1011.00", "Fixture Business Teachers", (1.3, 4.0, 2.5, 6.2, 4.0, 3.0)),
    ("25-2021.00", "Fixture Elementary Teachers", (1.8, 2.5, 3.8, 6.9, 2.6, 2.8)),
    ("25-9041.00", "Fixture Teaching Assistants", (1.6, 2.0, 2.8, 6.5, 2.0, 3.4)),
    ("31-1131.00", "Fixture Nursing Assistants", (3.0, 2.4, 1.4, 6.3, 1.8, 2.9)),
    ("33-9011.00", "Fixture Animal Control Workers", (4.5, 2.6, 1.2, 5.0, 2.4, 3.0)),
    ("37-2012.00", "Fixture Maids and Housekeepers", (4.0, 1.2, 1.3, 4.2, 1.4, 3.0)),
    ("39-5012.00", "Fixture Hairdressers", (3.2, 1.6, 4.0, 5.8, 3.6, 2.0)),
    ("39-7011.00", "Fixture Tour Guides", (2.4, 2.0, 3.4, 6.1, 4.6, 2.0)),
    ("41-9031.00", "Fixture Sales Engineers", (3.0, 4.0, 1.6, 4.0, 5.6, 3.2)),
    ("43-4051.00", "Fixture Customer Service Representatives", (1.0, 1.6, 1.2, 5.4, 4.2, 5.0)),
    ("29-1071.00", "Fixture Physician Assistants", (3.0, 5.6, 1.4, 6.4, 2.2, 2.8)),
]
# fmt: on


@pytest.fixture
def wide_catalogue(catalogue: None) -> None:
    """The small fixture catalogue and enough Social-leaning occupations for three matches and ten more."""
    for n, (code, title, interests) in enumerate(MORE_OCCUPATIONS):
        make_occupation(
            code,
            title,
            interests,
            job_zone=2 + n % 3,
            employment_2034=102.0,
            change_numeric=2.0,
            change_percent=2.0,
            self_employed_percent=3.0,
            openings_annual=5.0,
            median_wage=40_000 + 1_000 * n,
            typical_entry_education="High school diploma or equivalent",
            on_the_job_training="Short-term on-the-job training",
        )


def post(client: Client, answers: dict[str, Any]) -> dict[str, Any]:
    response = client.post(URL, {"answers": answers}, content_type="application/json")
    assert response.status_code == 200, response.content
    return dict(response.json())


def page_more_links(client: Client, result_url: str) -> list[str]:
    """The links of the result page's "next ten" list, in its order."""
    html = client.get(result_url).content.decode()
    block = re.search(r'<ol class="matches-more"[^>]*data-testid="more-matches">(.*?)</ol>', html, re.S)
    assert block, "the result page has no list of further matches"
    return [unescape(href) for href in re.findall(r'<li><a href="([^"]+)"', block.group(1))]


@pytest.mark.usefixtures("items", "wide_catalogue")
def test_the_api_returns_the_next_ten_in_the_result_pages_order_without_repeating_the_three(client: Client) -> None:
    body = post(client, only("S"))
    three, more = body["matches"], body["more"]
    assert len(three) == LIMIT and len(more) == MORE == 10
    assert [m["rank"] for m in three + more] == list(range(1, LIMIT + MORE + 1))
    keys = [m["key"] for m in three + more]
    assert len(set(keys)) == len(keys)  # no overlap with the three, no repeat among the ten
    # Durability "not much": nothing lifts a match out of score order, so the thirteen are in it.
    scores = [m["score"] for m in three + more]
    assert scores == sorted(scores, reverse=True)
    # One per O*NET minor group: of the three 29-1 candidates (two occupations and the nursing read,
    # which covers one of them), one shows.
    assert sum(key in {"occupation:29-1141.00", "occupation:29-1071.00", "read:test-nursing"} for key in keys) == 1
    # The same fields as the three (the API's schema leaves out the page's charts).
    assert all(set(m) == set(three[0]) for m in three + more)
    assert all(m["why"] and m["first_dollar"]["label"] and m["url"] for m in more)
    # Exactly the page's "next ten", in its order.
    assert page_more_links(client, body["result_url"]) == [m["url"] for m in more]


@pytest.mark.usefixtures("items", "wide_catalogue")
def test_the_results_stamp_still_names_only_the_three(client: Client) -> None:
    """The token's stamp hashes the three matches' keys, as the quiz's last step does: the result page
    opened from the API's link must not say that its matches differ from the first ones."""
    body = post(client, only("S"))
    html = client.get(body["result_url"]).content.decode()
    assert 'data-testid="result-stamp"' in html and 'data-testid="result-differs"' not in html


@pytest.mark.usefixtures("items", "wide_catalogue")
def test_fewer_fits_give_fewer_further_matches(client: Client) -> None:
    # A $50,000 floor rules out most of the made-up occupations (medians from $40,000).
    body = post(client, only("S", pay_floor="50000"))
    assert len(body["matches"]) == LIMIT and 0 < len(body["more"]) < MORE
    keys = [m["key"] for m in body["matches"] + body["more"]]
    assert len(set(keys)) == len(keys)
    assert [m["rank"] for m in body["more"]] == list(range(LIMIT + 1, LIMIT + 1 + len(body["more"])))


@pytest.mark.usefixtures("items", "catalogue")
def test_no_profile_means_no_further_matches_either(client: Client) -> None:
    body = post(client, only("S") | dict.fromkeys(ITEM_IDS, 3))  # every answer the same: no profile
    assert body["problem"] is not None and body["matches"] == [] and body["more"] == []


def test_the_openapi_schema_declares_the_next_ten_like_the_three(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    schemas = spec["components"]["schemas"]
    ok = spec["paths"]["/api/v1/quiz/matches"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    out = schemas[ok["$ref"].rsplit("/", 1)[-1]]
    assert "more" in out["required"] and "matches" in out["required"]
    more, three = out["properties"]["more"], out["properties"]["matches"]
    assert more["type"] == "array" and more["items"] == three["items"]  # the same item schema
    assert "next 10" in more["description"] and "ranks 4–13" in more["description"]
