from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from careermap.worklog.models import Entry, Payment, PaymentMatch, Status
from careermap.worklog.services import payment_create, payment_delete, payment_match, payment_unmatch, payment_update
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db


def test_a_payment_is_stored_as_a_decimal(alice) -> None:
    payment = payment_create(user=alice, date=dt.date(2026, 11, 9), platform="prolific", amount=Decimal("12.3"))
    payment.refresh_from_db()
    assert (payment.platform, payment.amount) == ("Prolific", Decimal("12.30"))
    with pytest.raises(ValidationError):
        payment_create(user=alice, date=dt.date(2026, 11, 9), platform="Prolific", amount=Decimal("0"))


def test_matching_pays_the_oldest_entries_first_up_to_what_each_expects(alice) -> None:
    old = EntryFactory(user=alice, date=dt.date(2026, 11, 1), pay_expected=Decimal("30.00"))
    new = EntryFactory(user=alice, date=dt.date(2026, 11, 3), pay_expected=Decimal("30.00"))
    payment = PaymentFactory(user=alice, amount=Decimal("45.00"))
    assert payment_match(user=alice, payment_id=payment.pk, entry_ids=[new.pk, old.pk]) == 2
    amounts = dict(PaymentMatch.objects.values_list("entry_id", "amount"))
    assert amounts == {old.pk: Decimal("30.00"), new.pk: Decimal("15.00")}
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.status, new.status) == (Status.PAID, Status.PENDING)


def test_a_payment_is_never_matched_beyond_its_amount(alice) -> None:
    entries = EntryFactory.create_batch(3, user=alice, pay_expected=Decimal("10.00"))
    payment = PaymentFactory(user=alice, amount=Decimal("15.00"))
    payment_match(user=alice, payment_id=payment.pk, entry_ids=[entries[0].pk])
    payment_match(user=alice, payment_id=payment.pk, entry_ids=[e.pk for e in entries])
    assert sum(PaymentMatch.objects.values_list("amount", flat=True)) == Decimal("15.00")


def test_matches_stay_within_one_platform_and_one_currency(alice) -> None:
    payment = PaymentFactory(user=alice, platform="Outlier")
    with pytest.raises(ValidationError):
        payment_match(user=alice, payment_id=payment.pk, entry_ids=[EntryFactory(user=alice, platform="Uber").pk])
    with pytest.raises(ValidationError):
        payment_match(user=alice, payment_id=payment.pk, entry_ids=[EntryFactory(user=alice, currency="EUR").pk])
    assert not PaymentMatch.objects.exists()


def test_nobody_matches_someone_elses_payment_or_entries(alice, bob) -> None:
    payment = PaymentFactory(user=alice)
    entry = EntryFactory(user=alice)
    with pytest.raises(Payment.DoesNotExist):
        payment_match(user=bob, payment_id=payment.pk, entry_ids=[entry.pk])
    bobs_payment = PaymentFactory(user=bob)
    with pytest.raises(Entry.DoesNotExist):
        payment_match(user=bob, payment_id=bobs_payment.pk, entry_ids=[entry.pk])
    assert not PaymentMatch.objects.exists()


def test_a_payment_cannot_shrink_below_what_is_matched(alice) -> None:
    entry = EntryFactory(user=alice, pay_expected=Decimal("20.00"))
    payment = PaymentFactory(user=alice, amount=Decimal("20.00"))
    payment_match(user=alice, payment_id=payment.pk, entry_ids=[entry.pk])
    with pytest.raises(ValidationError):
        payment_update(user=alice, payment_id=payment.pk, changes={"amount": Decimal("10.00")})
    assert payment_unmatch(user=alice, payment_id=payment.pk) == 1
    payment_update(user=alice, payment_id=payment.pk, changes={"amount": Decimal("10.00")})
    payment.refresh_from_db()
    assert (payment.amount, payment.version) == (Decimal("10.00"), 2)


def test_deleting_a_payment_removes_its_matches_but_not_the_entries(alice) -> None:
    entry = EntryFactory(user=alice)
    payment = PaymentFactory(user=alice)
    payment_match(user=alice, payment_id=payment.pk, entry_ids=[entry.pk])
    payment_delete(user=alice, payment_id=payment.pk)
    assert not PaymentMatch.objects.exists()
    entry.refresh_from_db()


def test_a_matched_entry_keeps_the_payments_platform_and_currency(alice) -> None:
    from careermap.worklog.services import entry_update

    entry = EntryFactory(user=alice, platform="Acme")
    payment_match(user=alice, payment_id=PaymentFactory(user=alice, platform="Acme").pk, entry_ids=[entry.pk])
    with pytest.raises(ValidationError):
        entry_update(user=alice, entry_id=entry.pk, changes={"platform": "Uber"})
    with pytest.raises(ValidationError):
        entry_update(user=alice, entry_id=entry.pk, changes={"currency": "EUR"})
    entry_update(user=alice, entry_id=entry.pk, changes={"platform": "ACME", "notes": "fine"})
    entry.refresh_from_db()
    assert (entry.platform, entry.notes) == ("ACME", "fine")
