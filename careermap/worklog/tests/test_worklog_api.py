from __future__ import annotations

import datetime as dt
import json
import re
import typing
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from careermap.accounts.services import api_token_create
from careermap.worklog.api import StatusLiteral
from careermap.worklog.expenses import expense_create
from careermap.worklog.models import Entry, Payment, PaymentMatch, Status
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db
BASE = "/api/v1/worklog"


@pytest.fixture
def api(alice) -> Client:
    _, raw = api_token_create(user=alice, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.fixture
def bob_api(bob) -> Client:
    _, raw = api_token_create(user=bob, name="tests")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def post(client: Client, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, data, content_type="application/json")


def patch(client: Client, url: str, data: dict[str, Any]) -> Any:
    return client.patch(url, data, content_type="application/json")


def test_the_statuses_in_the_api_are_the_models() -> None:
    assert set(typing.get_args(StatusLiteral)) == set(Status.values)


def test_no_credentials_or_a_wrong_token_is_a_401(client: Client, alice) -> None:
    EntryFactory(user=alice)
    assert client.get(f"{BASE}/entries").status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer cmk_wrong").get(f"{BASE}/entries").status_code == 401
    assert post(client, f"{BASE}/entries", {}).status_code == 401


def test_a_session_works_but_writes_need_the_csrf_token(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.get(f"{BASE}/entries").status_code == 200
    data = {"platform": "Outlier", "date": "2026-11-20", "minutes": 30, "status": "paid"}
    assert post(client, f"{BASE}/entries", data).status_code == 403
    client.get("/worklog/entries/add/")  # sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    response = client.post(f"{BASE}/entries", data, content_type="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201


def test_creating_an_entry_returns_it_with_decimal_strings(api: Client, alice) -> None:
    response = post(
        api,
        f"{BASE}/entries",
        {
            "platform": "doordash",
            "date": "2026-11-20",
            "start_time": "17:00",
            "end_time": "19:45",
            "pay_expected": "41.5",
            "status": "pending",
            "notes": "dinner rush",
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["platform"], body["minutes"], body["hours"], body["pay_expected"], body["received"]) == (
        "DoorDash",
        165,
        "2.75",
        "41.50",
        "0.00",
    )
    assert Entry.objects.get(user=alice).pay_expected == Decimal("41.50")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"platform": "Outlier", "date": "2026-11-20", "status": "paid"}, "minutes"),
        ({"platform": "Outlier", "date": "2026-11-20", "minutes": 30, "status": "maybe"}, "status"),
        (
            {"platform": "Outlier", "date": "2026-11-20", "minutes": 30, "status": "paid", "pay_expected": "1.234"},
            "pay_expected",
        ),
        (
            {"platform": "Outlier", "date": "2026-11-20", "minutes": 30, "status": "paid", "pay_expected": "-1"},
            "pay_expected",
        ),
        ({"platform": "   ", "date": "2026-11-20", "minutes": 30, "status": "paid"}, "platform"),
        ({"platform": "Outlier", "date": "2026-11-20", "start_time": "09:00", "status": "paid"}, "end_time"),
    ],
)
def test_bad_entries_are_a_422_naming_the_field(api: Client, data: dict[str, Any], field: str) -> None:
    response = post(api, f"{BASE}/entries", data)
    assert response.status_code == 422
    assert f"payload.{field}" in {error["field"] for error in response.json()["detail"]}
    assert not Entry.objects.exists()


def test_the_list_filters_pages_and_pins_its_queries(api: Client, alice, bob, django_assert_num_queries) -> None:
    EntryFactory.create_batch(5, user=alice, status=Status.PENDING)
    EntryFactory.create_batch(3, user=alice, status=Status.UNPAID_TRAINING, platform="Remotasks")
    EntryFactory(user=bob)
    api.get(f"{BASE}/entries")  # the first use of a token records when it was used
    with django_assert_num_queries(4):  # token, page, received, count
        body = api.get(f"{BASE}/entries?limit=4").json()
    assert (body["count"], len(body["results"])) == (8, 4)
    assert api.get(f"{BASE}/entries?status=unpaid").json()["count"] == 3
    assert api.get(f"{BASE}/entries?platform=remotasks&offset=2").json()["results"][0]["platform"] == "Remotasks"
    assert api.get(f"{BASE}/entries?status=nonsense").status_code == 422


def test_patch_changes_only_what_is_sent_and_a_stale_version_is_a_409(api: Client, alice) -> None:
    entry = EntryFactory(user=alice, notes="keep me", status=Status.PENDING)
    response = patch(api, f"{BASE}/entries/{entry.pk}", {"status": "disputed", "version": 1})
    assert response.status_code == 200 and response.json()["version"] == 2 and response.json()["notes"] == "keep me"
    stale = patch(api, f"{BASE}/entries/{entry.pk}", {"status": "paid", "version": 1})
    assert stale.status_code == 409
    entry.refresh_from_db()
    assert entry.status == Status.DISPUTED


def test_delete_removes_the_entry(api: Client, alice) -> None:
    entry = EntryFactory(user=alice)
    assert api.delete(f"{BASE}/entries/{entry.pk}").status_code == 204
    assert api.get(f"{BASE}/entries/{entry.pk}").status_code == 404


def test_payments_are_recorded_matched_and_listed(api: Client, alice) -> None:
    first = EntryFactory(user=alice, pay_expected=Decimal("20.00"))
    second = EntryFactory(user=alice, pay_expected=Decimal("20.00"))
    created = post(api, f"{BASE}/payments", {"date": "2026-11-20", "platform": "Outlier", "amount": "30.00"})
    assert created.status_code == 201
    payment_id = created.json()["id"]
    matched = post(api, f"{BASE}/payments/{payment_id}/matches", {"entries": [first.pk, second.pk]})
    assert matched.status_code == 200
    assert matched.json()["matches"] == [
        {"entry": first.pk, "amount": "20.00"},
        {"entry": second.pk, "amount": "10.00"},
    ]
    listed = api.get(f"{BASE}/payments").json()
    assert listed["count"] == 1 and listed["results"][0]["matched"] == "30.00"
    assert api.get(f"{BASE}/entries/{first.pk}").json()["received"] == "20.00"
    assert (
        post(api, f"{BASE}/payments", {"date": "2026-11-20", "platform": "Outlier", "amount": "0"}).status_code == 422
    )
    assert patch(api, f"{BASE}/payments/{payment_id}", {"amount": "10.00"}).status_code == 422  # below what is matched
    assert api.delete(f"{BASE}/payments/{payment_id}").status_code == 204
    assert not PaymentMatch.objects.exists()


def test_the_summary_and_export_are_the_callers_own(api: Client, alice, bob) -> None:
    EntryFactory(user=alice, minutes=120, status=Status.PAID)
    PaymentFactory(user=alice, amount=Decimal("30.00"))
    EntryFactory(user=bob, minutes=600, notes="bob's")
    summary = api.get(f"{BASE}/summary").json()
    assert (summary["overall"]["hours"], summary["overall"]["received"], summary["overall"]["hourly"]) == (
        "2.00",
        "30.00",
        "15.00",
    )
    assert summary["platforms"][0]["label"] == "Outlier"
    response = api.get(f"{BASE}/export")
    assert response.streaming and response["Content-Type"] == "application/json"
    export = json.loads(b"".join(response.streaming_content))  # type: ignore[attr-defined]  # a StreamingHttpResponse
    assert export["format"] == "careermap-worklog" and len(export["entries"]) == 1 and len(export["payments"]) == 1


def object_urls(entry_id: int, payment_id: int, expense_id: int) -> list[tuple[str, str]]:
    """Every (method, URL) of the work-log API that takes an object id, read from the OpenAPI document."""
    spec = Client().get("/api/v1/openapi.json").json()
    ids = {"entry_id": entry_id, "payment_id": payment_id, "expense_id": expense_id}
    urls = []
    for path, operations in spec["paths"].items():
        if not path.startswith(BASE) or "{" not in path:
            continue
        names = set(re.findall(r"{(\w+)}", path))
        assert names <= set(ids), f"{path}: add an object of that kind to this test"
        for method in operations:
            urls.append((method, re.sub(r"{(\w+)}", lambda m: str(ids[m.group(1)]), path)))
    return urls


def test_bob_gets_404_from_every_api_endpoint_for_alices_objects(api: Client, bob_api: Client, alice) -> None:
    entry = EntryFactory(user=alice, notes="alice only")
    payment = PaymentFactory(user=alice)
    expense = expense_create(
        user=alice, date=dt.date(2026, 11, 2), category="fuel", amount=Decimal("9.00"), note="alice only"
    )
    urls = object_urls(entry.pk, payment.pk, expense.pk)
    assert len(urls) == 10  # entries, payments, expenses: get, patch, delete; matches: post
    bodies = {"patch": {"notes": "bob"}, "post": {"entries": [entry.pk]}}
    for method, url in urls:
        response = getattr(bob_api, method)(url, bodies.get(method, {}), content_type="application/json")
        assert response.status_code == 404, (method, url)
        assert "alice only" not in response.content.decode()
    entry.refresh_from_db()
    assert (entry.notes, Payment.objects.count(), PaymentMatch.objects.count()) == ("alice only", 1, 0)
    expense.refresh_from_db()
    assert (expense.note, expense.version) == ("alice only", 1)
    assert api.get(f"{BASE}/entries/{entry.pk}").status_code == 200


def test_bob_cannot_match_his_payment_to_alices_entry(bob_api: Client, bob, alice) -> None:
    payment = PaymentFactory(user=bob)
    entry = EntryFactory(user=alice)
    assert post(bob_api, f"{BASE}/payments/{payment.pk}/matches", {"entries": [entry.pk]}).status_code == 404
    assert not PaymentMatch.objects.exists()


def test_our_schemas_are_the_ones_in_the_openapi_document(client: Client) -> None:
    """Component names are global: a schema of the same name elsewhere would silently replace ours."""
    from careermap.worklog.api import common, expenses, records, summary

    components = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    ours = [
        obj
        for module in (common, records, summary, expenses)
        for name, obj in vars(module).items()
        if name.startswith("Worklog") and isinstance(obj, type) and name in components
    ]
    assert len(ours) >= 15
    for schema in ours:
        assert set(components[schema.__name__]["properties"]) == set(schema.model_fields), schema.__name__  # type: ignore[attr-defined]
