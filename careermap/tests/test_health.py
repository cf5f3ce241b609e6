from __future__ import annotations

from unittest import mock

import pytest
from django.db.utils import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


def test_ping_answers_without_touching_the_database(client: Client, django_assert_num_queries) -> None:
    with django_assert_num_queries(0):
        response = client.get("/ping")
    assert response.content == b"pong"


def test_healthz_is_200_when_database_and_cache_answer(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_naming_the_database_when_it_is_down(client: Client) -> None:
    with mock.patch("careermap.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"


def test_healthz_is_503_naming_the_cache_when_it_is_down(client: Client) -> None:
    with mock.patch("careermap.health.cache.set", side_effect=ConnectionError("redis down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


def test_pages_answer_503_with_retry_after_when_the_database_is_unreachable(client: Client) -> None:
    with mock.patch("careermap.content.views.read_list", side_effect=OperationalError("connection refused")):
        response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert b"Back in a moment" in response.content


def test_api_calls_answer_a_json_503_when_the_database_is_unreachable(client: Client) -> None:
    with mock.patch("careermap.api.routers.reads.read_list", side_effect=OperationalError("connection refused")):
        response = client.get("/api/v1/reads")
    assert response.status_code == 503
    assert response.json()["detail"].startswith("The database is unavailable")


@pytest.mark.parametrize(
    "url",
    ["/api/v1/reads?q=a%00b", "/api/v1/occupations?q=%00", "/api/v1/reads/ab%00c", "/api/v1/search?q=nurse%00"],
)
def test_nul_characters_in_api_input_are_a_422_on_every_database(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["detail"][0]["message"] == "must not contain NUL characters"


def test_nul_characters_in_an_api_body_are_a_422(client: Client) -> None:
    response = client.post("/api/v1/quiz/matches", '{"answers": {"R1": "\\u0000"}}', content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "body"


@pytest.mark.parametrize("url", ["/occupations/15-1252.0%00/", "/quiz/results/abc%00def/"])
def test_nul_characters_in_page_paths_are_a_404_on_every_database(client: Client, url: str) -> None:
    assert client.get(url).status_code == 404
