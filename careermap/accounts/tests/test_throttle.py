"""The database-backed limits on password attempts (accounts/throttle.py; issue 20, items 9 and 16)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from careermap.accounts.models import AttemptBucket
from careermap.accounts.tests.factories import PASSWORD
from careermap.accounts.throttle import (
    LOGIN_PER_ADDRESS,
    LOGIN_PER_ADDRESS_AND_CLIENT,
    Bucket,
    attempt_refund,
    attempt_take,
    login_buckets,
)

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a fresh passphrase 2026"


def guess(address: str, password: str = "wrong", email: str = "alice@example.com"):
    return Client(REMOTE_ADDR=address).post("/accounts/login/", {"username": email, "password": password})


def test_a_bucket_takes_all_or_nothing_and_refills() -> None:
    small, big = Bucket("t", "small", (1, 60)), Bucket("t", "big", (5, 60))
    assert attempt_take([small, big], now=100.0)
    assert not attempt_take([small, big], now=100.0)  # small is empty: big keeps its tokens
    assert AttemptBucket.objects.get(key=big.key).tokens == 4.0
    assert attempt_take([small, big], now=160.0)  # a minute refills small
    attempt_refund([small], now=160.0)
    assert attempt_take([small], now=160.0)


def test_an_owner_locked_out_from_everywhere_gets_in_through_the_reset_link(alice) -> None:
    per_client = LOGIN_PER_ADDRESS_AND_CLIENT[0]
    for n in range(LOGIN_PER_ADDRESS[0] // per_client + 1):  # many clients, each up to its own limit
        for _ in range(per_client):
            guess(f"198.51.100.{n}")
    owner = Client(REMOTE_ADDR="203.0.113.10")
    page = owner.post("/accounts/login/", {"username": "alice@example.com", "password": PASSWORD}).content.decode()
    assert "Too many attempts" in page and "_auth_user_id" not in owner.session
    reset_url = re.search(r'data-testid="throttled-way-in">.*?href="([^"]+)"', page, re.S).group(1)  # type: ignore[union-attr]
    owner.post(reset_url, {"email": "alice@example.com"})
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", str(mail.outbox[0].body)).group(1)  # type: ignore[union-attr]
    form_url = owner.get(link)["Location"]
    owner.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert owner.get("/worklog/").status_code == 200  # the reset logged the owner in
    owner.post("/accounts/logout/")
    assert guess("203.0.113.10", NEW_PASSWORD).status_code == 302  # and emptied the address's buckets


def test_the_buckets_hold_no_address_and_full_ones_are_pruned(alice) -> None:
    guess("192.0.2.77", email="secret-person@example.com")
    rows = list(AttemptBucket.objects.values_list("key", "account"))
    assert len(rows) == 3 and not any("secret" in key + account or "192.0.2" in key + account for key, account in rows)
    buckets = login_buckets(email="someone@example.com", client="192.0.2.78")
    far_future = AttemptBucket.objects.order_by("-full_at").first().full_at + 1  # type: ignore[union-attr]
    attempt_take(buckets, now=far_future)  # every earlier bucket is full again by then
    assert AttemptBucket.objects.count() == 3
    assert set(AttemptBucket.objects.values_list("key", flat=True)) == {b.key for b in buckets}
