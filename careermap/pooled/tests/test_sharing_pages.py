"""The private sharing page: explanation, one click to start or stop, history, and nothing of anyone else."""

from __future__ import annotations

import pytest
from django.test import Client

from careermap.pooled.models import SharingConsent
from careermap.pooled.tests.helpers import contributor

pytestmark = pytest.mark.django_db


def test_sharing_is_off_by_default_and_explained(alice, alice_client: Client) -> None:
    contributor(user=alice, share=False)
    response = alice_client.get("/worklog/sharing/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "What is shared, and what never is" in html
    assert "Share DoorDash" in html
    assert not SharingConsent.objects.exists()
    assert response["Cache-Control"] == "private, no-store"


def test_one_click_starts_and_one_click_stops_with_dates_recorded(alice, alice_client: Client) -> None:
    contributor(user=alice, share=False)
    response = alice_client.post("/worklog/sharing/start/", {"platform": "doordash"}, follow=True)
    assert "Stop sharing DoorDash" in response.content.decode()
    consent = SharingConsent.objects.get(user=alice)
    assert consent.is_active and consent.opted_in_at
    response = alice_client.post("/worklog/sharing/stop/", {"platform": "doordash"}, follow=True)
    assert "Share DoorDash" in response.content.decode()
    consent.refresh_from_db()
    assert consent.opted_out_at and consent.opted_out_at >= consent.opted_in_at
    alice_client.post("/worklog/sharing/start/", {"platform": "DoorDash"})
    assert SharingConsent.objects.filter(user=alice).count() == 2  # the history keeps both periods
    assert SharingConsent.objects.active().filter(user=alice).count() == 1


def test_stop_everything(alice, alice_client: Client) -> None:
    contributor(user=alice)
    contributor(user=alice, platform="Uber")
    alice_client.post("/worklog/sharing/stop/", {"platform": "*"})
    assert not SharingConsent.objects.active().filter(user=alice).exists()


def test_a_platform_not_in_your_log_is_404(alice, alice_client: Client) -> None:
    contributor(user=alice, share=False)
    assert alice_client.post("/worklog/sharing/start/", {"platform": "uber"}).status_code == 404
    assert alice_client.post("/worklog/sharing/start/", {"platform": "x" * 500}).status_code == 404
    assert alice_client.post("/worklog/sharing/start/", {}).status_code == 404
    assert not SharingConsent.objects.exists()


def test_bob_cannot_see_or_stop_alices_sharing(alice, bob_client: Client) -> None:
    contributor(user=alice)
    page = bob_client.get("/worklog/sharing/").content.decode()
    assert "DoorDash" not in page
    assert bob_client.post("/worklog/sharing/stop/", {"platform": "doordash"}).status_code == 404
    assert bob_client.post("/worklog/sharing/start/", {"platform": "doordash"}).status_code == 404
    assert SharingConsent.objects.active().get().user == alice


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    response = client.get("/worklog/sharing/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.post("/worklog/sharing/start/", {"platform": "doordash"}).status_code == 302


def test_account_deletion_deletes_the_consents(alice) -> None:
    contributor(user=alice)
    alice.delete()
    assert not SharingConsent.objects.exists()


def test_stopping_everything_stops_only_your_own_sharing(alice, bob) -> None:
    from careermap.pooled.services import consent_opt_out

    contributor(user=alice)
    contributor(user=bob)
    assert consent_opt_out(user=bob) == 1
    assert SharingConsent.objects.active().get().user == alice


def test_a_platform_keeps_the_spelling_of_the_log(alice, alice_client: Client) -> None:
    contributor(user=alice, platform="Tiny Local Courier", share=False)
    alice_client.post("/worklog/sharing/start/", {"platform": "tiny local courier"})
    consent = SharingConsent.objects.get(user=alice)
    assert (consent.platform, consent.platform_label) == ("tiny local courier", "Tiny Local Courier")
