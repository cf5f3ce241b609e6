"""Only the owner ever sees an entry: nothing of alice's reaches bob's lists, exports and summaries, and
no entry's content reaches the logs.

Every URL that takes an object id (pages and API) is walked once, for the whole project, in
careermap/tests/test_private_urls.py: bob gets a 404 for each of alice's objects by any method.
"""

from __future__ import annotations

import logging
from decimal import Decimal

import pytest
from django.test import Client

from careermap.worklog.models import Entry, ImportBatch
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory, expense_with_receipt

pytestmark = pytest.mark.django_db


@pytest.fixture
def alices_objects(alice) -> dict[str, int]:
    entry = EntryFactory(user=alice, notes="alice's secret note")
    payment = PaymentFactory(user=alice)
    expense = expense_with_receipt(alice, note="alice's secret note")
    return {"entry_id": entry.pk, "payment_id": payment.pk, "expense_id": expense.pk}


def test_nothing_of_alices_leaks_into_bobs_lists(bob_client: Client, alices_objects: dict[str, int]) -> None:
    for url in [
        "/worklog/",
        "/worklog/payments/",
        "/worklog/summary/",
        "/worklog/data/",
        "/accounts/",
        "/worklog/evidence/?platform=Outlier",
        "/worklog/export/entries.csv",
        "/worklog/export/worklog.json",
        "/worklog/export/payments.csv",
        "/worklog/export/expenses.csv",
        "/worklog/expenses/",
        "/worklog/expenses/costs/",
        "/worklog/taxes/",
        "/worklog/summary/times/",
    ]:
        response = bob_client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content  # type: ignore[attr-defined]
        assert b"secret note" not in body and b"alice" not in body and b"PAYOUT-1" not in body, url


def test_no_entry_content_reaches_the_logs(alice_client: Client, bob_client: Client, alice, caplog) -> None:
    caplog.set_level(logging.DEBUG)
    secret = "Xylophone-7731 private note"
    alice_client.post(
        "/worklog/entries/add/",
        {
            "platform": "Secret Platform Qz",
            "date": "2026-11-24",
            "duration": "30m",
            "pay_expected": "1",
            "currency": "USD",
            "status": "paid",
            "notes": secret,
        },
    )
    entry = Entry.objects.get(user=alice)
    alice_client.post(
        f"/worklog/entries/{entry.pk}/", {"platform": "Secret Platform Qz", "date": "bad", "notes": secret}
    )
    bob_client.get(f"/worklog/entries/{entry.pk}/")
    upload = f"date,platform,minutes,notes\nnot-a-date,Secret Platform Qz,30,{secret}\n".encode()
    from django.core.files.uploadedfile import SimpleUploadedFile

    alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("log.csv", upload, content_type="text/csv")})
    batch = ImportBatch.objects.get(user=alice)
    alice_client.get(f"/worklog/import/{batch.pk}/preview/")
    alice_client.post(f"/worklog/import/{batch.pk}/confirm/")
    alice_client.get(f"/api/v1/worklog/entries/{entry.pk}")
    bob_client.get(f"/api/v1/worklog/entries/{entry.pk}")
    alice_client.post(
        "/api/v1/worklog/entries", {"platform": "Secret Platform Qz", "notes": secret}, content_type="application/json"
    )
    alice_client.get("/worklog/", {"q": secret, "platform": "Secret Platform Qz"})
    alice_client.get("/worklog/evidence/", {"platform": "Secret Platform Qz"})
    logged = "\n".join(record.getMessage() + repr(vars(record)) for record in caplog.records)
    assert len(caplog.records) >= 10  # the requests were logged (routes only), so there was something to check
    assert secret not in logged and "Secret Platform Qz" not in logged
    assert Decimal("1") == entry.pay_expected
