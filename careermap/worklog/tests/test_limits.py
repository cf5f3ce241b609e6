"""Issue 20, items 6, 7 and 13: work bounded however large the input (a CSV header's width, an evidence
pack's rows, the API export streamed), one note limit on every path, and one currency rule for an import's
default as for every entry and payment."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from careermap.accounts.services import api_token_create
from careermap.worklog import evidence, rules
from careermap.worklog.models import Entry, ImportBatch, Status
from careermap.worklog.services import import_batch_create, worklog_csv_import
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db

# --- item 6: a wide CSV header is refused at upload -------------------------------------------------------


def _header(columns: int, name: str = "c") -> bytes:
    return (",".join(["date", *(f"{name}{i}" for i in range(columns - 1))]) + "\n2026-11-02\n").encode()


def test_a_file_with_more_than_100_columns_is_refused_at_upload(alice_client: Client, alice) -> None:
    response = alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("wide.csv", _header(20_001))})
    assert response.status_code == 422
    assert "The file has 20,001 columns; the import reads at most 100." in response.content.decode()
    assert not ImportBatch.objects.exists()
    assert import_batch_create(user=alice, filename="ok.csv", data=_header(100)).header[-1] == "c98"


def test_a_column_name_longer_than_200_characters_is_refused(alice) -> None:
    with pytest.raises(ValidationError, match="Column 2's name is longer than 200 characters"):
        import_batch_create(user=alice, filename="long.csv", data=f"date,{'x' * 201}\n".encode())


# --- item 7: the evidence pack and the API export ---------------------------------------------------------


def test_an_evidence_pack_past_its_row_limit_points_to_a_shorter_period_and_the_csv(
    alice_client: Client, alice, monkeypatch
) -> None:
    monkeypatch.setattr(evidence, "MAX_ROWS", 3)
    for day in range(1, 5):
        EntryFactory(user=alice, date=dt.date(2026, 11, day))
    html = alice_client.get("/worklog/evidence/", {"date_from": "2026-11-01"}).content.decode()
    assert "This period holds more than 3 entries: too many for one pack to print." in html
    assert 'href="/worklog/export/entries.csv"' in html and "evidence-table" not in html
    assert "evidence-table" in alice_client.get("/worklog/evidence/", {"date_from": "2026-11-02"}).content.decode()


def test_an_evidence_pack_past_its_payment_limit_is_refused_too(alice, monkeypatch) -> None:
    monkeypatch.setattr(evidence, "MAX_ROWS", 2)
    for day in range(1, 4):
        PaymentFactory(user=alice, date=dt.date(2026, 11, day))
    with pytest.raises(evidence.PackTooLarge) as caught:
        evidence.evidence_pack(user=alice, date_from=dt.date(2026, 11, 1))
    assert caught.value.what == "payments"


def test_the_api_export_streams(alice) -> None:
    _, raw = api_token_create(user=alice, name="tests")
    EntryFactory.create_batch(3, user=alice)
    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/worklog/export")
    assert response.status_code == 200 and response.streaming
    assert response["Cache-Control"] == "private, no-store"
    assert len(json.loads(b"".join(response.streaming_content))["entries"]) == 3  # type: ignore[attr-defined]


# --- item 7: one note limit, every path ------------------------------------------------------------------

LIMIT = 10_000  # rules.NOTES_MAX_LENGTH
FORM = {"platform": "Uber", "date": "2026-11-02", "duration": "1h", "pay_expected": "10", "currency": "USD"}


def test_the_note_limit_is_10_000_characters_on_the_form(alice_client: Client, alice) -> None:
    assert rules.NOTES_MAX_LENGTH == LIMIT
    too_long = alice_client.post("/worklog/entries/add/", FORM | {"status": "pending", "notes": "x" * (LIMIT + 1)})
    assert "is longer than 10,000 characters" in too_long.content.decode() and not Entry.objects.exists()
    # A browser sends a line break as two characters; the limit counts it as one, as it is stored.
    notes = ("y" * 99 + "\r\n") * (LIMIT // 100)
    assert alice_client.post("/worklog/entries/add/", FORM | {"status": "pending", "notes": notes}).status_code == 302
    assert len(Entry.objects.get().notes) == LIMIT - 1
    assert f'maxlength="{LIMIT}"' in alice_client.get("/worklog/entries/add/").content.decode()


def test_the_note_limit_is_the_same_in_the_api_and_the_csv_import(alice) -> None:
    _, raw = api_token_create(user=alice, name="tests")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    body = {"platform": "Uber", "date": "2026-11-02", "minutes": 60, "status": "pending"}
    assert (
        api.post(
            "/api/v1/worklog/entries", body | {"notes": "x" * (LIMIT + 1)}, content_type="application/json"
        ).status_code
        == 422
    )
    assert (
        api.post("/api/v1/worklog/entries", body | {"notes": "x" * LIMIT}, content_type="application/json").status_code
        == 201
    )
    text = f"date,platform,hours,notes\n2026-11-02,Uber,1,{'x' * LIMIT}\n2026-11-03,Uber,1,{'x' * (LIMIT + 1)}\n"
    batch = worklog_csv_import(
        user=alice, batch_id=import_batch_create(user=alice, filename="n.csv", data=text.encode()).pk
    )
    assert batch.rows_created == 1 and batch.errors == [[3, "Notes: is longer than 10,000 characters"]]


# --- item 13: an import's default currency keeps the currency rule ----------------------------------------


@pytest.mark.parametrize(("typed", "refused"), [("1$%", True), ("é€x", True), ("ﬃ", True), (" eur ", False)])
def test_the_import_mappings_default_currency_is_three_letters(
    alice_client: Client, alice, typed: str, refused: bool
) -> None:
    batch = import_batch_create(user=alice, filename="t.csv", data=b"date,platform,hours\n2026-11-02,Uber,1\n")
    form = {"col_date": "0", "col_platform": "1", "col_hours": "2", "date_format": "iso", "pay_kind": "expected"}
    response = alice_client.post(
        f"/worklog/import/{batch.pk}/", form | {"default_status": "paid", "default_currency": typed}
    )
    if refused:
        assert (
            response.status_code == 200
            and "is not a three-letter currency code such as USD" in response.content.decode()
        )
    else:
        assert response.status_code == 302
        batch.refresh_from_db()
        assert batch.mapping["default_currency"] == "EUR"


def test_an_entry_and_a_payment_keep_the_same_currency_rule(alice_client: Client) -> None:
    response = alice_client.post("/worklog/entries/add/", FORM | {"status": Status.PENDING, "currency": "ﬃ"})
    assert "is not a three-letter currency code" in response.content.decode() and not Entry.objects.exists()
