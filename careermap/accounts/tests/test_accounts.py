from __future__ import annotations

import importlib
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from careermap.accounts.forms import RESET_PER_EMAIL, SIGNUP_PER_IP, THROTTLED
from careermap.accounts.models import ApiToken, token_hash
from careermap.accounts.tests.factories import PASSWORD, UserFactory
from careermap.accounts.throttle import LOGIN_PER_ADDRESS_AND_CLIENT
from careermap.worklog.models import Entry
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW_PASSWORD = "a fresh passphrase 2026"


def test_signing_up_mails_a_link_that_opens_the_work_log(client: Client) -> None:
    response = client.post(
        "/accounts/signup/", {"email": "Maria@Example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response["Location"] == "/accounts/signup/sent/"
    user = User.objects.get()
    assert (user.username, user.email, user.is_active) == ("maria@example.com", "maria@example.com", False)
    assert client.get("/worklog/").status_code == 302  # not in yet
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["maria@example.com"]
    link = re.search(r"http://testserver(/accounts/signup/confirm/\S+/)", str(mail.outbox[0].body)).group(1)  # type: ignore[union-attr]
    assert client.post(link, {"password": NEW_PASSWORD})["Location"] == "/worklog/"
    assert client.get("/worklog/").status_code == 200
    assert "no longer works" in client.get(link).content.decode()  # used once


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"email": "new@example.com", "password1": NEW_PASSWORD, "password2": "other"}, "The two passwords differ."),
        ({"email": "new@example.com", "password1": "12345678", "password2": "12345678"}, "too common"),
    ],
)
def test_signup_refuses_weak_or_mismatched_passwords(client: Client, alice, form, message) -> None:
    response = client.post("/accounts/signup/", form)
    assert response.status_code == 200 and message in response.content.decode()
    assert User.objects.count() == 1


def test_passwords_are_hashed_with_argon2_in_the_real_settings() -> None:
    real = importlib.import_module("careermap.settings")
    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_logging_in_goes_to_the_page_asked_for_but_never_off_site(client: Client, alice) -> None:
    ok = client.post(
        "/accounts/login/", {"username": "ALICE@example.com", "password": PASSWORD, "next": "/worklog/summary/"}
    )
    assert ok["Location"] == "/worklog/summary/"
    client.post("/accounts/logout/")
    evil = client.post(
        "/accounts/login/", {"username": "alice@example.com", "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert evil["Location"] == "/worklog/"


def test_login_is_throttled_per_address_from_one_client(client: Client, alice) -> None:
    for _ in range(LOGIN_PER_ADDRESS_AND_CLIENT[0]):
        response = client.post("/accounts/login/", {"username": "alice@example.com", "password": "wrong"})
        assert THROTTLED not in response.content.decode()
        assert "throttled-way-in" not in response.content.decode()
    response = client.post("/accounts/login/", {"username": "alice@example.com", "password": PASSWORD})
    assert THROTTLED in response.content.decode()
    assert "_auth_user_id" not in client.session  # even the right password is refused while throttled
    assert 'data-testid="throttled-way-in"' in response.content.decode()  # the owner's way in: a reset


def test_signup_is_throttled_per_client_address(client: Client) -> None:
    for n in range(SIGNUP_PER_IP[0]):
        client.post(
            "/accounts/signup/", {"email": f"x{n}@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
        )
        client.post("/accounts/logout/")
    response = client.post(
        "/accounts/signup/", {"email": "late@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert THROTTLED in response.content.decode()
    assert not User.objects.filter(username="late@example.com").exists()


def test_every_form_needs_its_csrf_token(alice) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post("/accounts/login/", {"username": "alice@example.com", "password": PASSWORD}).status_code == 403
    client.force_login(alice)
    for url in [
        "/worklog/entries/add/",
        "/worklog/payments/add/",
        "/worklog/import/",
        "/accounts/delete/",
        "/accounts/logout/",
    ]:
        assert client.post(url, {}).status_code == 403, url


def test_logout_takes_a_post_only(alice_client: Client) -> None:
    assert alice_client.get("/accounts/logout/").status_code == 405
    alice_client.post("/accounts/logout/")
    assert alice_client.get("/worklog/").status_code == 302


def test_a_password_reset_mails_a_link_that_sets_a_new_password(client: Client, alice) -> None:
    response = client.post("/accounts/password/reset/", {"email": "alice@example.com"})
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alice@example.com"]
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", str(mail.outbox[0].body)).group(1)  # type: ignore[union-attr]
    form_url = client.get(link)["Location"]  # Django swaps the token for a session marker
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/accounts/password/reset/done/"
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert client.get("/worklog/").status_code == 200  # logged in by the reset
    client.post("/accounts/logout/")
    assert "expired" in client.get(link, follow=True).content.decode()  # used once


def test_a_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client: Client) -> None:
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})
    assert response["Location"] == "/accounts/password/reset/sent/" and mail.outbox == []


def test_password_resets_are_throttled(client: Client, alice) -> None:
    for _ in range(RESET_PER_EMAIL[0]):
        client.post("/accounts/password/reset/", {"email": "alice@example.com"})
    response = client.post("/accounts/password/reset/", {"email": "alice@example.com"})
    assert THROTTLED in response.content.decode()
    assert len(mail.outbox) == RESET_PER_EMAIL[0]


def test_changing_the_password_keeps_the_worker_logged_in(alice_client: Client, alice) -> None:
    response = alice_client.post(
        "/accounts/password/", {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response["Location"] == "/accounts/"
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert alice_client.get("/worklog/").status_code == 200


def test_deleting_the_account_offers_the_export_first_then_removes_everything(alice_client: Client, alice, bob) -> None:
    EntryFactory(user=alice)
    PaymentFactory(user=alice)
    EntryFactory(user=bob)
    page = alice_client.get("/accounts/delete/").content.decode()
    assert (
        "take your data with you" in page
        and "/worklog/export/worklog.json" in page
        and "/worklog/export/entries.csv" in page
    )
    wrong = alice_client.post("/accounts/delete/", {"password": "nope", "confirm": "DELETE"})
    assert "That is not your password." in wrong.content.decode() and User.objects.filter(pk=alice.pk).exists()
    response = alice_client.post("/accounts/delete/", {"password": PASSWORD, "confirm": "DELETE"})
    assert response["Location"] == "/accounts/deleted/"
    assert not User.objects.filter(pk=alice.pk).exists()
    assert list(Entry.objects.values_list("user", flat=True)) == [bob.pk]
    assert alice_client.get("/worklog/").status_code == 302


def test_an_api_token_is_shown_once_and_stored_only_as_a_hash(alice_client: Client, alice) -> None:
    html = alice_client.post("/accounts/tokens/", {"name": "phone"}).content.decode()
    raw = re.search(r'<code data-testid="raw-token">([^<]+)</code>', html).group(1)  # type: ignore[union-attr]
    token = ApiToken.objects.get(user=alice)
    assert token.key_hash == token_hash(raw) and raw not in (token.hint + token.name) and raw.startswith(token.hint)
    assert raw not in alice_client.get("/accounts/").content.decode()
    alice_client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert not ApiToken.objects.exists()


def test_bob_cannot_revoke_alices_token(bob_client: Client, alice) -> None:
    token = ApiToken.objects.create(user=alice, name="x", key_hash="0" * 64, hint="cmk_x")
    assert bob_client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    assert ApiToken.objects.filter(pk=token.pk).exists()


def test_the_nav_shows_the_same_work_log_link_to_everyone(client: Client, alice_client: Client) -> None:
    """The read pages are cached for all visitors, so base.html must render nothing about the user."""
    anonymous = client.get("/methodology/").content.decode()
    logged_in = alice_client.get("/methodology/").content.decode()
    assert '<li><a href="/worklog/">Work log</a></li>' in anonymous
    assert "alice" not in logged_in
    assert re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", anonymous) == re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', "", logged_in
    )


def test_email_goes_to_the_console_unless_an_smtp_host_is_set(monkeypatch) -> None:
    import careermap.settings as real

    monkeypatch.delenv("EMAIL_HOST", raising=False)
    assert importlib.reload(real).EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.com")
    assert importlib.reload(real).EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    monkeypatch.delenv("EMAIL_HOST")
    importlib.reload(real)


def test_factory_users_log_in(alice) -> None:
    assert Client().login(username="alice@example.com", password=PASSWORD)
    assert UserFactory().email.endswith("@example.com")
