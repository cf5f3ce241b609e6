"""GET /api/v1/quiz/questions and POST /api/v1/quiz/matches."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from careermap.quiz.codes import answers_decode
from careermap.quiz.questions import question_set
from careermap.quiz.services import SUBMIT_CAPACITY
from careermap.quiz.tests.conftest import ITEM_IDS, PRACTICAL, only

pytestmark = pytest.mark.django_db

URL = "/api/v1/quiz/matches"


def post(client: Client, answers: Any, **extra: Any) -> Any:
    return client.post(URL, {"answers": answers}, content_type="application/json", **extra)


@pytest.mark.usefixtures("items")
def test_questions_lists_every_item_and_practical_question_with_its_answers(client: Client) -> None:
    body = client.get("/api/v1/quiz/questions").json()
    assert body["interest_items_available"] is True
    ids = [q["id"] for q in body["questions"]]
    assert ids[:7] == ["R1", "I1", "A1", "S1", "E1", "C1", "R2"]
    assert sorted(ids[:48]) == sorted(ITEM_IDS)
    assert ids[48:] == list(PRACTICAL)
    first = body["questions"][0]
    assert first["text"] == "Fixture activity R1" and first["interest_type"] == "R"
    assert [a["value"] for a in first["answers"]] == [1, 2, 3, 4, 5]
    assert first["answers"][0]["label"] == "Dislike" and first["answers"][4]["label"] == "Enjoy"
    urgency = body["questions"][48]
    assert [a["value"] for a in urgency["answers"]] == ["week", "month", "within-year", "year"]
    assert urgency["required"] and not body["questions"][-1]["required"]  # the pay floor is optional
    assert any("Liao" in credit for credit in body["credits"]) and any("Allison" in c for c in body["credits"])


@pytest.mark.usefixtures("no_items")
def test_questions_say_when_the_items_are_not_available(client: Client) -> None:
    body = client.get("/api/v1/quiz/questions").json()
    assert body["interest_items_available"] is False and "not available" in body["message"]
    assert [q["kind"] for q in body["questions"]] == ["practical"] * len(PRACTICAL)


@pytest.mark.usefixtures("no_items", "catalogue")
def test_matches_are_503_without_the_items(client: Client) -> None:
    response = post(client, only("S"))
    assert response.status_code == 503 and "not available" in response.json()["detail"]


@pytest.mark.usefixtures("items", "catalogue")
def test_matches_return_scores_three_matches_and_a_token(client: Client) -> None:
    response = post(client, only("S"))
    assert response.status_code == 200
    body = response.json()
    assert body["profile"]["scores"] == {"R": 8, "I": 8, "A": 8, "S": 40, "E": 8, "C": 8}
    assert body["profile"]["code"][0] == "S" and body["problem"] is None
    matches = body["matches"]
    assert len(matches) == 3
    assert all(m["interest_code"][0] == "S" for m in matches)
    assert len({m["key"] for m in matches}) == 3
    first = matches[0]
    assert first["why"] and first["url"] and first["first_dollar"]["band"]
    assert first["durability"]["score"] is None and first["durability"]["note"]
    with_pay = next(m for m in matches if m["pay"])
    assert with_pay["pay"]["source"]["name"].startswith("Employment Projections")
    assert answers_decode(body["token"], question_set().practical)[0] == only("S")
    assert body["result_url"] == f"/quiz/results/{body['token']}/"


@pytest.mark.usefixtures("items", "catalogue")
def test_a_result_is_not_stored_its_link_holds_only_the_answers(client: Client) -> None:
    body = post(client, only("I"), HTTP_USER_AGENT="Secret Browser", REMOTE_ADDR="203.0.113.9").json()
    assert answers_decode(body["token"], question_set().practical)[0] == only("I")
    stranger = Client().get(body["result_url"]).content.decode()
    assert "Interest profile: I" in stranger and "203.0.113.9" not in stranger and "Secret" not in stranger


@pytest.mark.usefixtures("items", "catalogue")
def test_needing_money_this_week_never_returns_a_year_or_more(client: Client) -> None:
    body = post(client, only("S", urgency="week", education="high-school")).json()
    assert body["matches"]
    assert all(m["first_dollar"]["band"] in ("days", "weeks", "uneven") for m in body["matches"])


@pytest.mark.usefixtures("items", "catalogue")
def test_under_18_without_work_authorization_only_gets_what_allows_both(client: Client) -> None:
    body = post(client, only("S", age="under-18", work_authorization="not-authorized")).json()
    assert [m["key"] for m in body["matches"]] == ["read:test-tutoring"]
    assert body["notes"] and "under 18" in body["notes"][0]


@pytest.mark.usefixtures("items", "catalogue")
def test_flat_answers_get_a_message_and_no_token(client: Client) -> None:
    body = post(client, dict.fromkeys(ITEM_IDS, 3) | PRACTICAL).json()
    assert body["problem"]["code"] == "all-same" and body["matches"] == []
    assert body["token"] is None


@pytest.mark.usefixtures("items", "catalogue")
def test_too_few_answers_get_a_message(client: Client) -> None:
    body = post(client, {"R1": 5, "I1": 1} | PRACTICAL).json()
    assert body["problem"]["code"] == "too-few" and body["profile"] is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"R1": 7}, "answers.R1"),
        ({"R1": True}, "answers.R1"),
        ({"R1": "5"}, "answers.R1"),
        ({"urgency": "soon"}, "answers.urgency"),
        ({"Z9": 3}, "answers.Z9"),
    ],
)
@pytest.mark.usefixtures("items", "catalogue")
def test_a_bad_answer_is_a_422_naming_it(client: Client, change: dict[str, Any], field: str) -> None:
    response = post(client, only("S") | change)
    assert response.status_code == 422
    assert field in [error["field"] for error in response.json()["detail"]]


@pytest.mark.usefixtures("items", "catalogue")
def test_a_missing_practical_answer_is_a_422_naming_it(client: Client) -> None:
    answers = only("S")
    del answers["licence"]
    response = post(client, answers)
    assert response.status_code == 422
    assert response.json()["detail"] == [{"field": "answers.licence", "message": "is required"}]


@pytest.mark.usefixtures("items", "catalogue")
def test_a_malformed_body_is_a_422_naming_the_field(client: Client) -> None:
    response = client.post(URL, {"answers": [1, 2]}, content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "answers"
    response = client.post(URL, {"answer": {}}, content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "answers"


@pytest.mark.usefixtures("items", "catalogue")
def test_submissions_are_rate_limited_per_address(client: Client) -> None:
    for _ in range(SUBMIT_CAPACITY):
        assert post(client, only("A"), REMOTE_ADDR="198.51.100.7").status_code == 200
    assert post(client, only("A"), REMOTE_ADDR="198.51.100.7").status_code == 429
    assert post(client, only("A"), REMOTE_ADDR="198.51.100.8").status_code == 200


@pytest.mark.usefixtures("items", "catalogue")
def test_a_submission_costs_no_query_once_candidates_are_cached(client: Client, django_assert_num_queries: Any) -> None:
    post(client, only("E"))  # builds and caches the candidates
    with django_assert_num_queries(0):  # no reads, and no write: the token holds the answers
        assert post(client, only("C")).status_code == 200


@pytest.mark.usefixtures("items", "catalogue")
def test_every_response_code_is_declared_in_openapi(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    declared = set(spec["paths"]["/api/v1/quiz/matches"]["post"]["responses"])
    assert {"200", "400", "422", "429", "503"} <= declared


@pytest.mark.usefixtures("items", "catalogue")
def test_a_body_that_is_not_json_is_a_400(client: Client) -> None:
    response = client.post(URL, "answers=5", content_type="application/json")
    assert response.status_code == 400 and response.json()["detail"]
