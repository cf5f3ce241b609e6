"""GET /api/v1/search (fixture occupations and reads from fixtures.py)."""

from __future__ import annotations

import pytest
from django.test import Client

from careermap.occupations.models import Projection
from careermap.search.tests.fixtures import build_index, score_occupation

pytestmark = pytest.mark.django_db


def test_it_returns_ranked_occupations_and_reads(client: Client, search_data: None) -> None:
    body = client.get("/api/v1/search", {"q": "registered nurse", "limit": "3"}).json()
    assert body["query"] == "registered nurse"
    assert body["count"] == 3
    first, second = body["results"][:2]
    assert first == {
        "kind": "occupation",
        "code": "29-1141.00",
        "slug": None,
        "title": "Registered Nurses",
        "url": "/occupations/29-1141.00/",
        "score": first["score"],
        "matched": "Registered Nurses",
        "matched_kind": "title",
        "median_wage": first["median_wage"],
        "median_wage_is_floor": False,
        "durability": None,
        "no_score": False,
    }
    assert body["exact"] is True
    assert (second["kind"], second["slug"], second["code"]) == ("read", "registered-nurse", None)
    assert second["url"] == "/reads/registered-nurse/"
    assert first["score"] >= second["score"] >= body["results"][2]["score"]
    assert body["data_as_of"] is not None
    assert body["sources"] == []  # the fixture rows were not imported from a registered dataset


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("data labeler", "ai-data-labeling"),
        ("RN", "29-1141.00"),
        ("registred nurse", "29-1141.00"),
        ("LPN", "29-2061.00"),
        ("nurse registered", "29-1141.00"),
    ],
)
def test_the_examples_come_first(client: Client, search_data: None, query: str, first: str) -> None:
    result = client.get("/api/v1/search", {"q": query}).json()["results"][0]
    assert (result["code"] or result["slug"]) == first


def test_limit_caps_the_results(client: Client, search_data: None) -> None:
    assert client.get("/api/v1/search?q=nurse&limit=2").json()["count"] == 2


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   "}, "q"),
        ({"q": "x" * 101}, "q"),
        ({"q": "!!! ???"}, "q"),
        ({"q": "nurse", "limit": 0}, "limit"),
        ({"q": "nurse", "limit": 51}, "limit"),
        ({"q": "nurse", "limit": "many"}, "limit"),
    ],
)
def test_a_bad_parameter_is_a_422_naming_it(
    client: Client, search_data: None, params: dict[str, str | int], field: str
) -> None:
    response = client.get("/api/v1/search", params)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["field"] == field
    assert detail[0]["message"]


def test_script_in_the_query_is_returned_as_data_not_markup(client: Client, search_data: None) -> None:
    response = client.get("/api/v1/search", {"q": "<script>alert(1)</script> nurse"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["query"] == "<script>alert(1)</script> nurse"


def test_the_openapi_document_declares_the_422(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    responses = spec["paths"]["/api/v1/search"]["get"]["responses"]
    assert {"200", "422"} <= set(responses)


def test_once_built_the_endpoint_runs_no_query(client: Client, search_data: None, django_assert_num_queries) -> None:
    build_index(client, "/api/v1/search?q=nurse")
    with django_assert_num_queries(0):
        assert client.get("/api/v1/search?q=plumber").status_code == 200


def test_each_result_says_what_it_matched(client: Client, search_data: None) -> None:
    body = client.get("/api/v1/search", {"q": "skin doctor", "limit": "1"}).json()
    assert body["exact"] is True
    assert (body["results"][0]["matched"], body["results"][0]["matched_kind"]) == ("Skin Doctor", "alternate title")
    assert body["read_as"] is None
    body = client.get("/api/v1/search", {"q": "plumbng", "limit": "1"}).json()
    assert (body["exact"], body["read_as"]) == (True, "plumbing")  # a typo, read as the word it misspells
    body = client.get("/api/v1/search", {"q": "pulmbre", "limit": "1"}).json()
    assert (body["exact"], body["read_as"]) == (False, None)  # too far for a reading: the closest, said so
    assert body["count"] == 1


def test_suggest_returns_titles_for_a_prefix(client: Client, search_data: None) -> None:
    response = client.get("/api/v1/search/suggest", {"q": "nur", "limit": "3"})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "nur"
    assert [s["key"] for s in body["suggestions"]] == ["29-1141.00", "29-1141.03", "31-1131.00"]
    assert body["suggestions"][0] == {
        "text": "Registered Nurses",
        "kind": "occupation",
        "key": "29-1141.00",
        "title": "Registered Nurses",
        "url": "/occupations/29-1141.00/",
    }
    assert response["Cache-Control"].startswith("public")
    assert client.get("/api/v1/search/suggest", {"q": "n"}).json()["suggestions"] == []
    assert client.get("/api/v1/search/suggest").json() == {"query": "", "suggestions": []}  # nothing typed yet


@pytest.mark.parametrize(
    ("params", "field"),
    [({"q": "x" * 101}, "q"), ({"q": "nur", "limit": 11}, "limit"), ({"q": "nur", "limit": "a"}, "limit")],
)
def test_suggest_rejects_bad_parameters_by_name(
    client: Client, search_data: None, params: dict[str, str | int], field: str
) -> None:
    response = client.get("/api/v1/search/suggest", params)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field


def test_suggest_runs_no_query_once_built(client: Client, search_data: None, django_assert_num_queries) -> None:
    build_index(client, "/api/v1/search/suggest?q=nur")
    with django_assert_num_queries(0):
        assert client.get("/api/v1/search/suggest?q=plu").status_code == 200


def test_each_result_carries_its_pay_and_durability_as_the_page_shows_them(client: Client, search_data: None) -> None:
    Projection.objects.filter(occupation_id="29-1213.00").update(median_wage=81220)
    score_occupation("29-1213.00", 62)
    first = client.get("/api/v1/search", {"q": "skin doctor"}).json()["results"][0]
    assert (first["code"], first["median_wage"], first["median_wage_is_floor"]) == ("29-1213.00", 81220, False)
    assert (first["durability"], first["no_score"]) == (62, False)
    gig = next(r for r in client.get("/api/v1/search", {"q": "rideshare"}).json()["results"] if r["kind"] == "read")
    assert gig["no_score"] is True and gig["durability"] is None and gig["median_wage"] is None


def test_a_military_job_code_that_matches_nothing_is_flagged(client: Client, search_data: None) -> None:
    body = client.get("/api/v1/search", {"q": "0621"}).json()
    assert (body["count"], body["military_code"]) == (0, True)
    assert client.get("/api/v1/search", {"q": "plumber"}).json()["military_code"] is False


def test_a_query_of_job_search_words_alone_names_no_job(client: Client, search_data: None) -> None:
    """ "jobs near me" found Near East archeology professors; it names no job, so nothing is ranked."""
    body = client.get("/api/v1/search", {"q": "jobs near me"}).json()
    assert (body["count"], body["results"], body["names_no_job"]) == (0, [], True)
    body = client.get("/api/v1/search", {"q": "plumber near me"}).json()
    assert body["names_no_job"] is False
    assert "47-2152.00" in [result["code"] for result in body["results"]]
