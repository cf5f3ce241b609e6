"""Issue 20, item 4: ids in the bulk-status and match forms are bounded integers. An id above 2⁶³ − 1
made SQLite raise OverflowError (a 500); the API's path and body ids were already bounded."""

from __future__ import annotations

import pytest
from django.test import Client

from careermap.accounts.services import api_token_create
from careermap.worklog import rules
from careermap.worklog.models import Entry, PaymentMatch, Status
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db

NOT_IDS = [str(2**63), str(2**64), "9" * 40, "0", "-1", "1.0", "²", "١", " 1", "1e3", ""]


def test_an_id_is_digits_from_1_to_2_to_the_63_less_1() -> None:
    assert rules.parse_id("1") == 1 and rules.parse_id(str(2**63 - 1)) == 2**63 - 1
    assert [rules.parse_id(text) for text in NOT_IDS] == [None] * len(NOT_IDS)


@pytest.mark.parametrize("value", NOT_IDS)
def test_the_bulk_status_form_refuses_what_is_not_an_id(alice_client: Client, alice, value: str) -> None:
    entry = EntryFactory(user=alice, status=Status.PENDING)
    response = alice_client.post("/worklog/entries/bulk/", {"ids": [str(entry.pk), value], "status": "paid"})
    assert response.status_code == 302 and response["Location"] == "/worklog/"
    assert Entry.objects.get().status == Status.PENDING
    page = alice_client.get("/worklog/").content.decode()
    assert "That is not an entry of your log." in page or "Tick at least one entry." in page


@pytest.mark.parametrize("value", NOT_IDS)
def test_the_match_form_refuses_what_is_not_an_id(alice_client: Client, alice, value: str) -> None:
    payment = PaymentFactory(user=alice)
    EntryFactory(user=alice)
    response = alice_client.post(f"/worklog/payments/{payment.pk}/match/", {"entries": [value]})
    assert response.status_code == 200
    assert "That is not an entry of your log." in response.content.decode() or not value
    assert not PaymentMatch.objects.exists()


def test_the_api_refuses_ids_out_of_range_in_paths_and_bodies(alice) -> None:
    _, raw = api_token_create(user=alice, name="tests")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    payment = PaymentFactory(user=alice)
    assert api.get(f"/api/v1/worklog/entries/{2**64}").status_code == 422
    url = f"/api/v1/worklog/payments/{payment.pk}/matches"
    assert api.post(url, {"entries": [2**64]}, content_type="application/json").status_code == 422
