"""Password changes and resets (issue 20, items 8 and 10): they revoke the API tokens, and say so before;
guesses at the old password are limited like login's; passwords made of spaces are refused everywhere."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from careermap.accounts.forms import THROTTLED
from careermap.accounts.models import ApiToken
from careermap.accounts.services import api_token_create
from careermap.accounts.tests.factories import PASSWORD
from careermap.accounts.throttle import PASSWORD_CHANGE_PER_USER

pytestmark = pytest.mark.django_db
User = get_user_model()
NEW_PASSWORD = "a fresh passphrase 2026"
SPACES = ["            ", " \t  \u3000     \n  ", "a" + " " * 15, "ab  cd  ef  g   "]


def api_status(raw: str) -> int:
    return Client().get("/api/v1/worklog/entries", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


def reset_form_url(client: Client, email: str) -> str:
    client.post("/accounts/password/reset/", {"email": email})
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", str(mail.outbox[-1].body)).group(1)  # type: ignore[union-attr]
    return str(client.get(link)["Location"])


def test_changing_the_password_revokes_every_api_token(alice_client: Client, alice) -> None:
    _, phone = api_token_create(user=alice, name="phone")
    _, laptop = api_token_create(user=alice, name="laptop")
    assert api_status(phone) == 200 and api_status(laptop) == 200
    response = alice_client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert "Your 2 API tokens stopped working" in response.content.decode()
    assert api_status(phone) == 401 and api_status(laptop) == 401
    assert not ApiToken.objects.filter(user=alice).exists()


def test_resetting_the_password_revokes_every_api_token(client: Client, alice, bob) -> None:
    _, alices = api_token_create(user=alice, name="phone")
    _, bobs = api_token_create(user=bob, name="bob's phone")
    assert api_status(alices) == 200
    client.post(
        reset_form_url(client, "alice@example.com"), {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert api_status(alices) == 401
    assert api_status(bobs) == 200  # only the owner's tokens


def test_the_change_and_reset_pages_say_the_tokens_will_be_revoked_before_the_change(
    alice_client: Client, alice
) -> None:
    api_token_create(user=alice, name="phone")
    change = alice_client.get("/accounts/password/").content.decode()
    assert "also revokes your 1 API token" in change
    reset = Client()
    page = reset.get(reset_form_url(reset, "alice@example.com")).content.decode()
    assert "also revokes every API token on this account" in page
    assert ApiToken.objects.filter(user=alice).count() == 1  # only said, not done yet


def test_guesses_at_the_old_password_are_limited_and_the_right_one_is_then_refused_too(
    alice_client: Client, alice
) -> None:
    def change(old: str) -> str:
        data = {"old_password": old, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
        return alice_client.post("/accounts/password/", data).content.decode()

    for n in range(PASSWORD_CHANGE_PER_USER[0]):
        assert THROTTLED not in change(f"guess {n}")
    assert THROTTLED in change(PASSWORD)
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_a_right_old_password_does_not_count_towards_the_limit(alice_client: Client, alice) -> None:
    for _ in range(PASSWORD_CHANGE_PER_USER[0] + 2):  # right old password, new ones that do not match
        data = {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": "other"}
        assert THROTTLED not in alice_client.post("/accounts/password/", data).content.decode()


@pytest.mark.parametrize("password", SPACES, ids=["spaces", "mixed-whitespace", "one-letter", "seven-letters"])
def test_passwords_that_are_mostly_spaces_are_refused_at_sign_up_change_and_reset(
    password: str, alice_client: Client, alice
) -> None:
    message = "mostly spaces"
    signup = Client().post(
        "/accounts/signup/", {"email": "new@example.com", "password1": password, "password2": password}
    )
    assert message in signup.content.decode() and not User.objects.filter(username="new@example.com").exists()
    change = alice_client.post(
        "/accounts/password/", {"old_password": PASSWORD, "new_password1": password, "new_password2": password}
    )
    assert message in change.content.decode()
    reset = Client()
    page = reset.post(
        reset_form_url(reset, "alice@example.com"), {"new_password1": password, "new_password2": password}
    )
    assert message in page.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_a_passphrase_with_spaces_in_it_is_fine(client: Client) -> None:
    response = client.post(
        "/accounts/signup/", {"email": "new@example.com", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
