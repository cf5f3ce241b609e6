"""Expenses and their receipts (issue 22): category from a closed list, amount above zero, an optional
receipt — PDF, JPEG or PNG told by its content, at most 5 MB, kept private and served only to its owner —
and exported with the log (CSV, and JSON that restores)."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from careermap.accounts.tests.factories import UserFactory
from careermap.worklog import expenses
from careermap.worklog.expenses import cost_method_set, expense_create, receipt_check
from careermap.worklog.exports import export_dict
from careermap.worklog.models import CostMethod, Expense, Receipt
from careermap.worklog.selectors import worklog_summary
from careermap.worklog.services import worklog_json_restore
from careermap.worklog.tests.factories import EntryFactory, expense_with_receipt, pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def form(**fields: object) -> dict[str, object]:
    return {
        "date": "2026-11-03",
        "category": "fuel",
        "amount": "42.10",
        "currency": "USD",
        "platform": "doordash",
        "note": "Shell, Main St",
    } | fields


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_an_expense_with_a_receipt_is_recorded_from_the_page(alice_client: Client, alice) -> None:
    upload = SimpleUploadedFile("pump.png", png_bytes(), content_type="image/png")
    response = alice_client.post("/worklog/expenses/add/", form(receipt=upload))
    assert response.status_code == 302
    expense = Expense.objects.get(user=alice)
    assert (expense.platform, expense.category, expense.amount, expense.note) == (
        "DoorDash",  # one spelling for a known platform
        "fuel",
        Decimal("42.10"),
        "Shell, Main St",
    )
    receipt = Receipt.objects.get(expense=expense)
    assert (receipt.name, receipt.content_type, bytes(receipt.data)) == ("pump.png", "image/png", png_bytes())
    html = alice_client.get("/worklog/expenses/").content.decode()
    assert f'href="/worklog/expenses/{expense.pk}/receipt/">Open</a>' in html and "42.10 USD" in html


def test_the_receipt_is_served_only_to_its_owner_and_can_run_nothing(
    alice_client: Client, bob_client: Client, alice
) -> None:
    expense = expense_with_receipt(alice)
    url = f"/worklog/expenses/{expense.pk}/receipt/"
    response = alice_client.get(url)
    assert response.status_code == 200 and response.content == png_bytes()
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="receipt.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert (
        "sandbox" in response["Content-Security-Policy"] and "default-src 'none'" in response["Content-Security-Policy"]
    )
    assert {"private", "no-store"} <= {part.strip() for part in response["Cache-Control"].split(",")}
    for who in (bob_client, Client()):
        refused = who.get(url)
        assert refused.status_code in {404, 302} and png_bytes() not in refused.content
    assert bob_client.get(url).status_code == 404
    assert bob_client.get(f"/worklog/expenses/{expense.pk}/").status_code == 404
    assert bob_client.post(f"/worklog/expenses/{expense.pk}/delete/").status_code == 404
    assert Expense.objects.filter(pk=expense.pk).exists()


def test_a_pdf_receipt_downloads_rather_than_opening_in_the_page(alice_client: Client, alice) -> None:
    expense = expense_create(
        user=alice,
        date=dt.date(2026, 11, 3),
        category="phone_data",
        amount=Decimal("30.00"),
        receipt=receipt_check(name="phone bill.pdf", data=pdf_bytes()),
    )
    response = alice_client.get(f"/worklog/expenses/{expense.pk}/receipt/")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="phone bill.pdf"'


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("receipt.pdf", b"just some text, not a PDF", "A receipt must be a PDF, JPEG or PNG file."),
        ("receipt.png", pdf_bytes(), "The file is named .png but is a PDF"),
        ("receipt.html", png_bytes(), "The file is named .html but is a PNG"),
        ("shot.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "PDF, JPEG or PNG"),
        ("big.png", png_bytes() + b"\0" * (5 * 1024 * 1024), "larger than 5 MB"),
        ("empty.png", b"", "The submitted file is empty."),
    ],
)
def test_a_receipt_is_checked_by_its_content_and_size(
    alice_client: Client, alice, name: str, data: bytes, message: str
) -> None:
    response = alice_client.post("/worklog/expenses/add/", form(receipt=SimpleUploadedFile(name, data)))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not Expense.objects.exists() and not Receipt.objects.exists()


def test_a_jpeg_without_an_extension_is_taken_for_what_it_is() -> None:
    receipt = receipt_check(name="IMG_0042", data=b"\xff\xd8\xff\xe0" + b"\0" * 20)
    assert (receipt.name, receipt.content_type) == ("IMG_0042", "image/jpeg")
    assert receipt_check(name="C:\\Users\\me\\scan.JPG", data=b"\xff\xd8\xff\xe1rest").name == "scan.JPG"


def test_a_workers_receipts_have_a_total_limit(alice, monkeypatch) -> None:
    monkeypatch.setattr(expenses, "MAX_RECEIPT_BYTES_PER_WORKER", len(png_bytes()) * 2)
    expense_with_receipt(alice)
    expense_with_receipt(alice)
    with pytest.raises(Exception, match="more than 0 MB in all"):
        expense_with_receipt(alice)
    assert Expense.objects.filter(user=alice).count() == 2  # the third was not kept, not even without its file


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"amount": "0"}, "amount", "greater than or equal to 0.01"),
        ({"amount": "-3"}, "amount", "greater than or equal to 0.01"),
        ({"category": "coffee"}, "category", "Select a valid choice"),
        ({"currency": "US"}, "currency", "is not a three-letter currency code"),
        ({"date": "1999-12-31"}, "date", "outside the dates the work log takes"),
    ],
)
def test_an_expense_breaking_a_rule_is_refused_naming_the_field(
    alice_client: Client, fields: dict[str, str], field: str, message: str
) -> None:
    response = alice_client.post("/worklog/expenses/add/", form(**fields))
    assert response.status_code == 422 and message in response.content.decode()
    assert not Expense.objects.exists()


def test_editing_replaces_or_removes_the_receipt_and_refuses_a_stale_copy(alice_client: Client, alice) -> None:
    expense = expense_with_receipt(alice)
    url = f"/worklog/expenses/{expense.pk}/"
    assert "Receipt kept with this expense" in alice_client.get(url).content.decode()
    upload = SimpleUploadedFile("bill.pdf", pdf_bytes())
    assert alice_client.post(url, form(version="1", amount="41.00", receipt=upload)).status_code == 302
    receipt = Receipt.objects.get(expense_id=expense.pk)
    assert (receipt.name, receipt.content_type) == ("bill.pdf", "application/pdf")
    stale = alice_client.post(url, form(version="1", amount="5.00"))
    assert stale.status_code == 422 and "changed elsewhere" in stale.content.decode()
    assert alice_client.post(url, form(version="2", remove_receipt="on")).status_code == 302
    assert not Receipt.objects.exists()
    assert Expense.objects.get().amount == Decimal("42.10")


def test_the_driving_cost_method_is_chosen_per_platform_and_year(
    alice_client: Client, bob_client: Client, alice
) -> None:
    EntryFactory(user=alice, platform="Uber", date=dt.date(2019, 5, 1), miles=Decimal("31.20"))
    html = alice_client.get("/worklog/expenses/costs/").content.decode()
    assert "31.20 mi" in html and 'Actual expenses <span class="muted">(default)</span>' in html
    assert "58" in html and "IR-2018-251" in html  # the stored rates, with their source
    response = alice_client.post("/worklog/expenses/costs/", {"platform": "uber", "year": "2019", "method": "mileage"})
    assert response.status_code == 302
    chosen = CostMethod.objects.get(user=alice)
    assert (chosen.platform, chosen.year, chosen.method) == ("Uber", 2019, "mileage")
    assert (
        alice_client.post(
            "/worklog/expenses/costs/", {"platform": "Uber", "year": "2019", "method": "actual"}
        ).status_code
        == 302
    )
    assert CostMethod.objects.get(user=alice).method == "actual"  # one choice per platform and year
    assert "31.20" not in bob_client.get("/worklog/expenses/costs/").content.decode()


def test_the_expenses_api_records_lists_changes_and_deletes(alice_client: Client, alice) -> None:
    base = "/api/v1/worklog/expenses"
    created = alice_client.post(
        base,
        {"date": "2026-11-03", "category": "fees", "amount": "4.50", "platform": "uber"},
        content_type="application/json",
    )
    assert created.status_code == 201
    data = created.json()
    assert (data["platform"], data["amount"], data["receipt"], data["receipt_url"]) == ("Uber", "4.50", None, None)
    with_receipt = expense_with_receipt(alice)
    listed = alice_client.get(base, {"category": "fuel"}).json()
    assert listed["count"] == 1 and listed["results"][0]["receipt"]["content_type"] == "image/png"
    assert listed["results"][0]["receipt_url"] == f"/worklog/expenses/{with_receipt.pk}/receipt/"
    url = f"{base}/{data['id']}"
    assert (
        alice_client.patch(url, {"amount": "5.00", "version": 1}, content_type="application/json").json()["version"]
        == 2
    )
    assert alice_client.patch(url, {"amount": "6.00", "version": 1}, content_type="application/json").status_code == 409
    bad = alice_client.post(
        base, {"date": "2026-11-03", "category": "coffee", "amount": "1.00"}, content_type="application/json"
    )
    assert bad.status_code == 422
    zero = alice_client.post(
        base, {"date": "2026-11-03", "category": "fuel", "amount": "0"}, content_type="application/json"
    )
    assert zero.status_code == 422
    assert alice_client.delete(url).status_code == 204
    assert alice_client.get(url).status_code == 404
    methods = alice_client.put(
        "/api/v1/worklog/cost-methods",
        {"platform": "Uber", "year": 2026, "method": "mileage"},
        content_type="application/json",
    )
    assert methods.status_code == 200 and methods.json()["method"] == "mileage" and methods.json()["chosen"] is True


def test_expenses_are_exported_as_csv(alice_client: Client, alice, bob) -> None:
    expense_with_receipt(alice, note="=cmd|' /C calc'!A0")
    expense_create(user=bob, date=dt.date(2026, 11, 3), category="fuel", amount=Decimal("1.00"), note="bob's")
    rows = list(csv.reader(io.StringIO(body(alice_client.get("/worklog/export/expenses.csv")).decode())))
    assert rows[0] == ["date", "platform", "category", "amount", "currency", "note", "receipt"]
    assert rows[1] == ["2026-11-03", "Uber", "fuel", "40.00", "USD", "'=cmd|' /C calc'!A0", "receipt.png"]
    assert len(rows) == 2


def test_the_json_export_carries_expenses_receipts_and_methods_and_restores_them(alice) -> None:
    EntryFactory(user=alice, platform="Uber", date=dt.date(2019, 5, 1), miles=Decimal("100.00"), minutes=120)
    expense_with_receipt(alice, date=dt.date(2019, 5, 2), note="fill-up")
    expense_create(user=alice, date=dt.date(2019, 5, 3), category="fees", amount=Decimal("6.00"), platform="Uber")
    cost_method_set(user=alice, platform="Uber", year=2019, method="mileage")
    document = json.loads(json.dumps(export_dict(user=alice)))
    assert document["version"] == 3
    exported = document["expenses"][0]
    assert (exported["category"], exported["amount"], exported["receipt"]["name"]) == ("fuel", "40.00", "receipt.png")
    assert base64.b64decode(exported["receipt"]["data"]) == png_bytes()
    assert document["cost_methods"] == [{"platform": "Uber", "year": 2019, "method": "mileage"}]

    elsewhere = UserFactory(username="moved@example.com")
    worklog_json_restore(user=elsewhere, document=document)
    restored = Expense.objects.filter(user=elsewhere).order_by("date")
    assert [(e.category, e.amount, e.note) for e in restored] == [
        ("fuel", Decimal("40.00"), "fill-up"),
        ("fees", Decimal("6.00"), ""),
    ]
    assert bytes(Receipt.objects.get(expense__user=elsewhere).data) == png_bytes()
    before = worklog_summary(user=alice, today=dt.date(2019, 12, 31)).overall
    after = worklog_summary(user=elsewhere, today=dt.date(2019, 12, 31)).overall
    # 100 mi × 0.58 = 58.00 + fees 6.00 = 64.00 (the fuel is left out: the rate stands for it); nothing was
    # received, so net is −64.00: the same on both sides
    assert (after.cost_total, after.net) == (before.cost_total, before.net) == (Decimal("64.00"), Decimal("-64.00"))


def test_an_export_from_before_expenses_still_restores(alice) -> None:
    EntryFactory(user=alice)
    document = json.loads(json.dumps(export_dict(user=alice)))
    document["version"] = 2
    del document["expenses"], document["cost_methods"]
    elsewhere = UserFactory(username="v2@example.com")
    assert worklog_json_restore(user=elsewhere, document=document)[0] == 1
    assert not Expense.objects.filter(user=elsewhere).exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"data": base64.b64encode(b"<html>not a receipt</html>").decode(), "sha256": None}, "PDF, JPEG or PNG"),
        ({"sha256": "0" * 64}, "does not match its sha256"),
        ({"data": "***"}, "not base64"),
    ],
)
def test_a_restore_with_a_bad_receipt_writes_nothing(alice, change: dict[str, str], message: str) -> None:
    EntryFactory(user=alice)
    expense_with_receipt(alice)
    document = json.loads(json.dumps(export_dict(user=alice)))
    document["expenses"][0]["receipt"] |= change
    elsewhere = UserFactory(username="bad@example.com")
    with pytest.raises(Exception, match=message):
        worklog_json_restore(user=elsewhere, document=document)
    assert not Expense.objects.filter(user=elsewhere).exists()
    assert not elsewhere.worklog_entries.exists()
