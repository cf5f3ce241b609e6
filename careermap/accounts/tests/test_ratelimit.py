from __future__ import annotations

from django.core.cache import cache
from django.test import RequestFactory

from careermap.lib.ratelimit import allow, client_ip


def test_a_bucket_allows_its_capacity_then_refuses() -> None:
    results = [allow(scope="t", value="a@example.com", capacity=3, per_seconds=60, now=1000.0) for _ in range(4)]
    assert results == [True, True, True, False]


def test_a_bucket_refills_over_time() -> None:
    for _ in range(3):
        allow(scope="t", value="x", capacity=3, per_seconds=60, now=1000.0)
    assert not allow(scope="t", value="x", capacity=3, per_seconds=60, now=1001.0)
    assert allow(scope="t", value="x", capacity=3, per_seconds=60, now=1021.0)  # 20 s refills one token


def test_buckets_are_separate_per_scope_and_value_and_ignore_case() -> None:
    for _ in range(2):
        allow(scope="login", value="A@example.com", capacity=2, per_seconds=60, now=0.0)
    assert not allow(scope="login", value="a@EXAMPLE.com", capacity=2, per_seconds=60, now=0.0)
    assert allow(scope="login", value="b@example.com", capacity=2, per_seconds=60, now=0.0)
    assert allow(scope="signup", value="a@example.com", capacity=2, per_seconds=60, now=0.0)


def test_the_cache_never_holds_the_address_itself() -> None:
    allow(scope="login", value="secret@example.com", capacity=2, per_seconds=60)
    keys = list(cache._cache.keys())  # type: ignore[attr-defined]  # LocMemCache in tests
    assert keys and not any("secret" in key for key in keys)


def test_the_client_address_ignores_forwarded_headers_unless_behind_our_proxy(settings) -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    settings.SECURE_PROXY_SSL_HEADER = None
    assert client_ip(request) == "10.0.0.1"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_ip(request) == "203.0.113.9"
