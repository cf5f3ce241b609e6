from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from careermap.worklog.models import Payment, PaymentMatch, Status
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db


def test_recording_a_payment_leads_to_matching_it(alice_client: Client, alice) -> None:
    response = alice_client.post(
        "/worklog/payments/add/",
        {"date": "2026-11-20", "platform": "outlier", "amount": "45.5", "currency": "USD", "reference": "PO-77"},
    )
    payment = Payment.objects.get(user=alice)
    assert response["Location"] == f"/worklog/payments/{payment.pk}/match/"
    assert (payment.platform, payment.amount) == ("Outlier", Decimal("45.50"))


def test_the_match_page_offers_only_fitting_entries_and_matches_them(alice_client: Client, alice, bob) -> None:
    payment = PaymentFactory(user=alice, amount=Decimal("20.00"))
    fits = EntryFactory(user=alice, task_type="Fits the payment", pay_expected=Decimal("20.00"))
    EntryFactory(user=alice, platform="Uber", task_type="Other platform")
    EntryFactory(user=bob, task_type="Bob's entry")
    html = alice_client.get(f"/worklog/payments/{payment.pk}/match/").content.decode()
    assert "Fits the payment" in html and "Other platform" not in html and "Bob&#x27;s entry" not in html
    alice_client.post(f"/worklog/payments/{payment.pk}/match/", {"entries": [fits.pk], "mark_paid": "on"})
    assert PaymentMatch.objects.get().amount == Decimal("20.00")
    fits.refresh_from_db()
    assert fits.status == Status.PAID
    alice_client.post(f"/worklog/payments/{payment.pk}/unmatch/")
    assert not PaymentMatch.objects.exists()


def test_matching_bobs_entry_to_my_payment_is_a_404(alice_client: Client, alice, bob) -> None:
    payment = PaymentFactory(user=alice)
    bobs = EntryFactory(user=bob)
    response = alice_client.post(f"/worklog/payments/{payment.pk}/match/", {"entries": [bobs.pk]})
    assert response.status_code == 404
    assert not PaymentMatch.objects.exists()


def test_the_payment_list_shows_what_is_matched(alice_client: Client, alice) -> None:
    match_ = EntryFactory(user=alice, pay_expected=Decimal("20.00"))
    payment = PaymentFactory(user=alice, amount=Decimal("30.00"), reference="REF-123")
    alice_client.post(f"/worklog/payments/{payment.pk}/match/", {"entries": [match_.pk]})
    html = alice_client.get("/worklog/payments/").content.decode()
    assert "REF-123" in html and "30.00 USD" in html and "20.00" in html


def test_editing_a_payment_keeps_its_version_honest(alice_client: Client, alice) -> None:
    payment = PaymentFactory(user=alice)
    form = {
        "date": "2026-11-09",
        "platform": "Outlier",
        "amount": "25.00",
        "currency": "USD",
        "reference": "x",
        "version": "1",
    }
    assert alice_client.post(f"/worklog/payments/{payment.pk}/", form).status_code == 302
    assert "changed elsewhere" in alice_client.post(f"/worklog/payments/{payment.pk}/", form).content.decode()
    payment.refresh_from_db()
    assert (payment.amount, payment.version) == (Decimal("25.00"), 2)
    alice_client.post(f"/worklog/payments/{payment.pk}/delete/")
    assert not Payment.objects.exists()
