"""Sign-up never says whether an address already has an account (issue 20, item 11): the answer is the
same page either way, and the difference goes by e-mail to the address itself."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from careermap.accounts.forms import SIGNUP_PER_EMAIL, THROTTLED
from careermap.accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()
CHOSEN = "a fresh passphrase 2026"


def sign_up(client: Client, email: str, password: str = CHOSEN):
    return client.post("/accounts/signup/", {"email": email, "password1": password, "password2": password})


def confirm_link(message: mail.EmailMessage) -> str:
    return re.search(r"http://testserver(/accounts/signup/confirm/\S+/)", str(message.body)).group(1)  # type: ignore[union-attr]


def answer(response) -> tuple[int, str, str]:
    """What a visitor can see of a sign-up: status, where it leads, the page there (CSRF token aside)."""
    page = Client().get(response["Location"]).content.decode() if response.status_code == 302 else ""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)
    return response.status_code, response.get("Location", ""), page


def test_signing_up_with_a_taken_address_looks_the_same_as_with_a_new_one(alice) -> None:
    taken, new = Client(), Client()
    taken_response, new_response = sign_up(taken, "Alice@example.com"), sign_up(new, "nobody@example.com")
    assert answer(taken_response) == answer(new_response)
    assert answer(new_response)[1] == "/accounts/signup/sent/"
    assert set(taken_response.cookies) == set(new_response.cookies)  # no session for either
    assert "_auth_user_id" not in taken.session and "_auth_user_id" not in new.session


def test_the_owner_of_a_taken_address_gets_an_email_with_the_ways_in_and_nothing_changes(client: Client, alice) -> None:
    sign_up(client, "alice@example.com")
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["alice@example.com"]
    body = mail.outbox[0].body
    assert "already has one" in body
    assert "http://testserver/accounts/login/" in body and "http://testserver/accounts/password/reset/" in body
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD) and alice.is_active  # the sign-up changed nothing
    assert User.objects.count() == 1


def test_a_new_account_opens_only_from_the_emailed_link_with_the_password_chosen(client: Client) -> None:
    sign_up(client, "maria@example.com")
    link = confirm_link(mail.outbox[0])
    assert not Client().login(username="maria@example.com", password=CHOSEN)  # inactive until confirmed
    wrong = client.post(link, {"password": "not what I chose"})
    assert wrong.status_code == 200 and "not the password you chose" in wrong.content.decode()
    assert client.post(link, {"password": CHOSEN})["Location"] == "/worklog/"
    assert User.objects.get().is_active
    assert Client().login(username="maria@example.com", password=CHOSEN)


def test_signing_up_again_before_confirming_replaces_the_password_and_the_link(client: Client) -> None:
    sign_up(client, "maria@example.com", "somebody else's choice 1")
    sign_up(Client(), "maria@example.com", CHOSEN)
    first, second = (confirm_link(message) for message in mail.outbox)
    assert "no longer works" in client.get(first).content.decode()
    assert client.post(second, {"password": CHOSEN})["Location"] == "/worklog/"
    assert User.objects.count() == 1


def test_a_reset_link_does_not_confirm_a_sign_up(client: Client) -> None:
    sign_up(client, "maria@example.com")
    user = User.objects.get()
    from django.contrib.auth.tokens import default_token_generator

    uid, token = re.search(r"/confirm/([^/]+)/([^/]+)/", confirm_link(mail.outbox[0])).groups()  # type: ignore[union-attr]
    forged = f"/accounts/signup/confirm/{uid}/{default_token_generator.make_token(user)}/"
    assert "no longer works" in client.get(forged).content.decode()
    assert "no longer works" in client.get(f"/accounts/signup/confirm/{uid}/{token}x/").content.decode()
    assert "no longer works" in client.get("/accounts/signup/confirm/9999999999999999999999/x-y/").content.decode()


def test_sign_up_mails_to_one_address_are_limited_whether_or_not_it_has_an_account(alice) -> None:
    for email in ("alice@example.com", "nobody@example.com"):
        for n in range(SIGNUP_PER_EMAIL[0]):
            sign_up(Client(REMOTE_ADDR=f"198.51.100.{n}"), email)
        assert THROTTLED in sign_up(Client(REMOTE_ADDR="198.51.100.99"), email).content.decode()
    assert len(mail.outbox) == 2 * SIGNUP_PER_EMAIL[0]


@pytest.mark.parametrize("email", ["o'brien@example.com", "a{b}@example.com", ("x" * 140) + "@example.com"])
def test_an_address_that_cannot_be_a_username_is_refused_with_a_reason_not_a_500(client: Client, email: str) -> None:
    response = sign_up(client, email)
    assert response.status_code == 200 and "at most 150 characters" in response.content.decode()
    assert not User.objects.exists() and mail.outbox == []
