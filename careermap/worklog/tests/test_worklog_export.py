from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careermap.accounts.tests.factories import UserFactory
from careermap.worklog import rules
from careermap.worklog.exports import ENTRY_CSV_HEADER, entry_csv
from careermap.worklog.models import Entry, Status
from careermap.worklog.services import entry_create, import_batch_create, payment_match, worklog_csv_import
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db

FIELDS = (
    "date",
    "platform",
    "task_type",
    "start_time",
    "end_time",
    "minutes",
    "units",
    "pay_expected",
    "tips",
    "miles",
    "currency",
    "status",
    "notes",
)


def body(response: Any) -> str:
    return b"".join(response.streaming_content).decode()


def test_the_csv_export_neutralises_formulas(alice_client: Client, alice) -> None:
    EntryFactory(user=alice, platform='=HYPERLINK("http://x")', task_type="+1", notes="@SUM(A1:A9)")
    EntryFactory(user=alice, notes="-3 tasks\r\nsecond line")
    response = alice_client.get("/worklog/export/entries.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="worklog-entries-')
    rows = list(csv.reader(io.StringIO(body(response))))
    assert rows[0] == list(ENTRY_CSV_HEADER)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    assert '\'=HYPERLINK("http://x")' in rows[1] and "'@SUM(A1:A9)" in rows[1]


def test_the_json_export_has_every_entry_payment_and_match_as_decimals(alice_client: Client, alice, bob) -> None:
    entry = EntryFactory(user=alice, pay_expected=Decimal("20.00"), start_time=dt.time(9), end_time=dt.time(10))
    payment = PaymentFactory(user=alice, amount=Decimal("20.00"))
    payment_match(user=alice, payment_id=payment.pk, entry_ids=[entry.pk])
    EntryFactory(user=bob, notes="bob's")
    data = json.loads(body(alice_client.get("/worklog/export/worklog.json")))
    assert (data["format"], data["version"]) == ("careermap-worklog", 3)
    assert len(data["entries"]) == 1
    exported = data["entries"][0]
    assert (exported["id"], exported["pay_expected"], exported["start_time"], exported["status"]) == (
        entry.pk,
        "20.00",
        "09:00",
        "paid",
    )
    assert data["payments"][0]["matches"] == [{"entry": entry.pk, "amount": "20.00"}]


def test_the_payments_csv_lists_amounts_and_what_is_matched(alice_client: Client, alice) -> None:
    PaymentFactory(user=alice, amount=Decimal("12.5"), reference="=cmd")
    rows = list(csv.reader(io.StringIO(body(alice_client.get("/worklog/export/payments.csv")))))
    assert rows == [
        ["date", "platform", "amount", "currency", "reference", "matched"],
        ["2026-11-09", "Outlier", "12.50", "USD", "'=cmd", ""],
    ]


# ------------------------------------------------------------------------------------------------
# Export → import into a new account reproduces the log exactly.

text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=40)
money = st.decimals(min_value=0, max_value=Decimal("999999.99"), places=2, allow_nan=False, allow_infinity=False)
minute_of_day = st.integers(min_value=0, max_value=1439).map(lambda m: dt.time(m // 60, m % 60))


@st.composite
def entries(draw: st.DrawFn) -> dict[str, Any]:
    timed = draw(st.booleans())
    start = end = minutes = None
    if timed:
        start = draw(minute_of_day)
        end = draw(minute_of_day.filter(lambda t: t != start))
    else:
        minutes = draw(st.integers(min_value=0, max_value=1440))
    return {
        "platform": draw(st.sampled_from(["Outlier", "doordash", "Prolific"]) | text.filter(lambda s: s.split())),
        "task_type": draw(text),
        "date": draw(st.dates(min_value=rules.EARLIEST_DATE, max_value=rules.latest_date())),
        "start_time": start,
        "end_time": end,
        "minutes": minutes,
        "units": draw(st.none() | money),
        "pay_expected": draw(money),
        "tips": draw(st.just(Decimal("0")) | money),
        "miles": draw(st.none() | st.decimals(min_value=0, max_value=Decimal("9999.99"), places=2)),
        "currency": draw(st.sampled_from(["USD", "EUR", "GBP"])),
        "status": draw(st.sampled_from(Status.values)),
        "notes": draw(
            text | st.sampled_from(["=1+1", "'quoted", "-5", "+x", "@a", "a\r\nb", "  x  ", "line\n\nbreak"])
        ),
    }


def log_of(user: Any) -> list[tuple[Any, ...]]:
    return sorted((tuple(row) for row in Entry.objects.filter(user=user).values_list(*FIELDS)), key=repr)


counter = itertools.count()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(st.lists(entries(), max_size=12))
def test_export_then_import_into_a_new_account_reproduces_the_log(values: list[dict[str, Any]]) -> None:
    n = next(counter)
    old, new = UserFactory(username=f"old{n}@example.com"), UserFactory(username=f"new{n}@example.com")
    for fields in values:
        entry_create(user=old, **fields)
    exported = "".join(entry_csv(user=old)).encode()
    batch = import_batch_create(user=new, filename="export.csv", data=exported)
    batch = worklog_csv_import(user=new, batch_id=batch.pk)
    assert (batch.rows_error, batch.errors) == (0, [])
    assert log_of(new) == log_of(old)
    assert "".join(entry_csv(user=new)) == exported.decode()  # and the second export is byte-identical
