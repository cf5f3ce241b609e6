from __future__ import annotations

import datetime as dt
import itertools
import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careermap.accounts.tests.factories import UserFactory
from careermap.worklog.exports import export_dict
from careermap.worklog.models import Entry, Payment, PaymentMatch
from careermap.worklog.services import entry_create, payment_create, payment_match, worklog_json_restore
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory
from careermap.worklog.tests.test_worklog_export import FIELDS, entries, log_of, money

pytestmark = pytest.mark.django_db

PAYMENT_FIELDS = ("date", "platform", "amount", "currency", "reference")


def payments_of(user: Any) -> list[tuple[Any, ...]]:
    return sorted((tuple(r) for r in Payment.objects.filter(user=user).values_list(*PAYMENT_FIELDS)), key=repr)


def matches_of(user: Any) -> list[tuple[Any, ...]]:
    """Each match as (the payment's fields, the entry's fields, amount): ids differ between accounts."""
    rows = PaymentMatch.objects.filter(payment__user=user).select_related("payment", "entry")
    return sorted(
        (
            (
                tuple(getattr(m.payment, f) for f in PAYMENT_FIELDS),
                tuple(getattr(m.entry, f) for f in FIELDS),
                m.amount,
            )
            for m in rows
        ),
        key=repr,
    )


counter = itertools.count()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(
    st.lists(entries(), min_size=1, max_size=8),
    st.lists(st.tuples(money.filter(lambda m: m > 0), st.lists(st.integers(0, 7), max_size=4)), max_size=4),
)
def test_restoring_a_json_export_into_a_new_account_reproduces_the_whole_log(
    values: list[dict[str, Any]], paid: list[tuple[Decimal, list[int]]]
) -> None:
    n = next(counter)
    old, new = UserFactory(username=f"jold{n}@example.com"), UserFactory(username=f"jnew{n}@example.com")
    made = [entry_create(user=old, **fields) for fields in values]
    for amount, picks in paid:
        target = made[picks[0] % len(made)] if picks else made[0]
        payment = payment_create(
            user=old, date=target.date, platform=target.platform, amount=amount, currency=target.currency
        )
        same = [e.pk for e in made if e.platform.lower() == target.platform.lower() and e.currency == target.currency]
        payment_match(user=old, payment_id=payment.pk, entry_ids=[same[i % len(same)] for i in picks] or same[:1])
    document = json.loads(json.dumps(export_dict(user=old)))  # through real JSON text
    worklog_json_restore(user=new, document=document)
    assert log_of(new) == log_of(old)
    assert payments_of(new) == payments_of(old)
    assert matches_of(new) == matches_of(old)


def test_restore_refuses_an_account_that_already_has_a_log(alice, bob) -> None:
    EntryFactory(user=alice)
    EntryFactory(user=bob)
    with pytest.raises(ValidationError, match="empty work log"):
        worklog_json_restore(user=bob, document=export_dict(user=alice))
    assert Entry.objects.filter(user=bob).count() == 1


def test_a_bad_file_changes_nothing_and_says_where(alice, bob) -> None:
    EntryFactory(user=alice)
    PaymentFactory(user=alice)
    document = export_dict(user=alice)
    document["entries"].append(dict(document["entries"][0], id=999, pay_expected="-5"))
    document["payments"][0]["matches"] = [{"entry": 12345, "amount": "1.00"}]
    with pytest.raises(ValidationError) as caught:
        worklog_json_restore(user=bob, document=document)
    assert caught.value.messages == [
        "entries[1].pay_expected: cannot be negative",
        "payments[0]: matched to entries not in the file: [12345]",
    ]
    assert not Entry.objects.filter(user=bob).exists() and not Payment.objects.filter(user=bob).exists()
    with pytest.raises(ValidationError, match="not a Career Map"):
        worklog_json_restore(user=bob, document={"entries": []})


def test_the_restore_page_takes_the_json_download(alice_client: Client, alice, bob_client: Client, bob) -> None:
    EntryFactory(user=alice, date=dt.date(2026, 11, 1), notes="moved with me")
    download = b"".join(alice_client.get("/worklog/export/worklog.json").streaming_content)  # type: ignore[attr-defined]
    response = bob_client.post("/worklog/restore/", {"file": SimpleUploadedFile("log.json", download)})
    assert response["Location"] == "/worklog/summary/"
    assert Entry.objects.get(user=bob).notes == "moved with me"
    again = bob_client.post("/worklog/restore/", {"file": SimpleUploadedFile("log.json", download)})
    assert again.status_code == 422 and "empty work log" in again.content.decode()
    junk = bob_client.post("/worklog/restore/", {"file": SimpleUploadedFile("log.json", b"{not json")})
    assert "This is not a JSON file." in junk.content.decode()


# ---------------------------------------------------------------------------------------------------------
# Issue 20, items 3 and 13: a malformed document is refused with the place of each problem, never a 500;
# matches keep to the rule every other path keeps (same platform and currency).


def _document(alice) -> dict[str, Any]:
    entry = EntryFactory(user=alice, platform="Outlier", currency="USD")
    payment = PaymentFactory(user=alice, platform="Outlier", currency="USD")
    PaymentMatch.objects.create(payment=payment, entry=entry, amount=Decimal("20.00"))
    return json.loads(json.dumps(export_dict(user=alice)))


def _problems(user: Any, document: Any) -> list[str]:
    with pytest.raises(ValidationError) as caught:
        worklog_json_restore(user=user, document=document)
    assert not Entry.objects.filter(user=user).exists() and not Payment.objects.filter(user=user).exists()
    return caught.value.messages


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(entries={"a": 1}), ["entries: Input should be a valid list"]),
        (lambda d: d.update(entries=5), ["entries: Input should be a valid list"]),
        (lambda d: d.update(payments="x"), ["payments: Input should be a valid list"]),
        (
            lambda d: d["payments"][0]["matches"][0].update(entry=[1]),
            ["payments[0].matches[0].entry: Input should be a valid integer"],
        ),
        (
            lambda d: d["payments"][0]["matches"][0].update(entry={"id": 1}),
            ["payments[0].matches[0].entry: Input should be a valid integer"],
        ),
        (
            lambda d: d["payments"][0].update(matches={"entry": 1}),
            ["payments[0].matches: Input should be a valid list"],
        ),
        (
            lambda d: d["entries"][0].update(id=2**64),
            ["entries[0].id: Input should be less than or equal to 9223372036854775807"],
        ),
        (lambda d: d["entries"][0].update(date=["2026-11-02"]), ["entries[0].date: use a date in the form YYYY-MM-DD"]),
        (lambda d: d["entries"][0].update(minutes="60"), ["entries[0].minutes: Input should be a valid integer"]),
        (
            lambda d: d["entries"][0].update(pay_expected="NaN"),
            ["entries[0].pay_expected: Input should be a finite number"],
        ),
        (lambda d: d["entries"][0].pop("status"), ["entries[0].status: is missing"]),
        (lambda d: d["entries"][0].update(extra=[[[]]]), ["entries[0].extra: is not part of a work-log export"]),
        (lambda d: d["entries"].append(7), ["entries[1]: Input should be a valid dictionary or instance of EntryIn"]),
    ],
)
def test_a_malformed_document_is_refused_naming_each_place(alice, bob, change, expected) -> None:
    document = _document(alice)
    change(document)
    assert _problems(bob, document) == expected


def test_deep_nesting_is_refused_before_it_is_parsed(alice_client: Client) -> None:
    for body in (b"[" * 100_000 + b"]" * 100_000, b'{"format": ' + b'{"a": ' * 50 + b"1" + b"}" * 51):
        response = alice_client.post("/worklog/restore/", {"file": SimpleUploadedFile("deep.json", body)})
        assert response.status_code == 422
        assert "nest more than 8 levels deep (an export nests five)" in response.content.decode()


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    from careermap.worklog.restore import nesting_problem

    assert nesting_problem('{"notes": "' + "[" * 50 + '\\"[[["}') is None
    assert nesting_problem("[" * 9 + "]" * 9) is not None
    assert nesting_problem("[" * 8 + "]" * 8) is None


def test_a_restore_cannot_match_a_payment_across_platforms_or_currencies(alice, bob) -> None:
    document = _document(alice)
    document["entries"][0]["platform"] = "Uber"
    assert _problems(bob, document) == [
        "payments[0].matches[0].entry: a payment can only be matched to entries of the same platform and currency"
    ]
    document["entries"][0].update(platform="outlier", currency="EUR")
    assert _problems(bob, document)[0].endswith("of the same platform and currency")
    document["entries"][0]["currency"] = "USD"  # the platform's spelling may differ, as on every other path
    assert worklog_json_restore(user=bob, document=document) == (1, 1, 1)


def test_a_restore_takes_the_same_note_limit_as_every_path(alice, bob) -> None:
    document = _document(alice)
    document["entries"][0]["notes"] = "x" * 10_001
    assert _problems(bob, document) == [
        "entries[0].notes: is longer than 10,000 characters",
        f"payments[0]: matched to entries not in the file: [{document['entries'][0]['id']}]",
    ]
