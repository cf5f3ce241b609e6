"""Only the owner ever sees an entry: every URL that takes an object id is a 404 for anyone else.

The walk covers every pattern in the work log's and the accounts' URL confs, so a new view with an id
cannot be added without this test covering it (an unknown parameter name fails the test).
"""

from __future__ import annotations

import logging
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import URLPattern

from careermap.accounts import urls as accounts_urls
from careermap.accounts.services import api_token_create
from careermap.worklog import urls as worklog_urls
from careermap.worklog.models import Entry, Expense, ImportBatch, Payment, Receipt
from careermap.worklog.services import import_batch_create
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory, expense_with_receipt

pytestmark = pytest.mark.django_db

NOT_OBJECT_IDS = {"uidb64", "token"}  # the password-reset link: checked by Django's token generator


def patterns() -> list[tuple[str, URLPattern]]:
    return [("/worklog/", p) for p in worklog_urls.urlpatterns] + [("/accounts/", p) for p in accounts_urls.urlpatterns]


@pytest.fixture
def alices_objects(alice) -> dict[str, int]:  # type: ignore[no-untyped-def]
    entry = EntryFactory(user=alice, notes="alice's secret note")
    payment = PaymentFactory(user=alice)
    batch = import_batch_create(user=alice, filename="a.csv", data=b"date,platform,minutes\n2026-11-01,Outlier,30\n")
    token, _ = api_token_create(user=alice, name="alice's phone")
    expense = expense_with_receipt(alice, note="alice's secret note")
    return {
        "entry_id": entry.pk,
        "payment_id": payment.pk,
        "batch_id": batch.pk,
        "token_id": token.pk,
        "expense_id": expense.pk,  # type: ignore[attr-defined]
    }


def urls_with_ids(objects: dict[str, int]) -> list[str]:
    urls = []
    for prefix, pattern in patterns():
        names = set(pattern.pattern.converters)
        if not names or names <= NOT_OBJECT_IDS:
            continue
        unknown = names - set(objects)
        assert not unknown, f"{pattern.name} takes {unknown}: add an object of that kind to this test"
        route = str(pattern.pattern)
        for name in names:
            route = route.replace(f"<int:{name}>", str(objects[name]))
        urls.append(prefix + route)
    return urls


def test_the_walk_covers_every_view_with_an_id(alices_objects: dict[str, int]) -> None:
    assert len(urls_with_ids(alices_objects)) == 15  # 12, and an expense: edit, delete, receipt


def test_bob_gets_404_for_every_one_of_alices_objects(
    bob_client: Client, alice_client: Client, alices_objects: dict[str, int]
) -> None:
    """GET and POST each are a 404, or a 405 where the view takes only the other method (decided before
    any lookup, the same for every id, so it reveals nothing)."""
    for url in urls_with_ids(alices_objects):
        statuses = {
            bob_client.get(url).status_code,
            bob_client.post(url, {"entries": [alices_objects["entry_id"]], "notes": "bob was here"}).status_code,
        }
        assert 404 in statuses and statuses <= {404, 405}, (url, statuses)
    entry = Entry.objects.get(pk=alices_objects["entry_id"])
    assert entry.notes == "alice's secret note" and entry.version == 1
    assert Payment.objects.filter(pk=alices_objects["payment_id"]).exists()
    assert ImportBatch.objects.get(pk=alices_objects["batch_id"]).state == "draft"
    expense = Expense.objects.get(pk=alices_objects["expense_id"])
    assert (expense.note, expense.version, Receipt.objects.filter(expense=expense).exists()) == (
        "alice's secret note",
        1,
        True,
    )
    for url in urls_with_ids(alices_objects):  # the same URLs work for their owner
        assert alice_client.get(url).status_code in {200, 405}, url


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


def test_no_entry_content_reaches_the_logs(alice_client: Client, bob_client: Client, alice, caplog) -> None:  # type: ignore[no-untyped-def]
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
