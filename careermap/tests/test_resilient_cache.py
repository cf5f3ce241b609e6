"""The Redis cache serves "uncached" when Redis is down: a real connection to a closed port."""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client, override_settings

from careermap.lib.cache import ResilientRedisCache


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_dead_redis_reads_as_a_miss_and_writes_are_dropped() -> None:
    cache = ResilientRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    cache.set("key", "value")
    assert cache.get("key", "fallback") == "fallback"
    assert cache.get_many(["key"]) == {}
    assert cache.add("key", 1) is False
    cache.delete_many(["key", "other"])  # lib/ratelimit.reset: no exception


@pytest.mark.django_db
def test_the_site_keeps_serving_when_redis_is_down(client: Client) -> None:
    dead = {
        "default": {
            "BACKEND": "careermap.lib.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    with override_settings(CACHES=dead):  # Django re-reads CACHES on this signal
        assert client.get("/").status_code == 200
        assert client.get("/methodology/").status_code == 200
        assert client.get("/healthz").status_code == 503


def test_a_live_redis_round_trips_values_through_one_reused_client() -> None:
    """Against the machine's Redis (CI checks it answers): Django would build a new client per
    operation; ours keeps one, and values still round-trip."""
    cache = ResilientRedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": "test-reuse"})
    cache.set("tokens", (3.0, 1.5), timeout=30)
    assert cache.get("tokens") == (3.0, 1.5)
    assert cache.add("tokens", "other") is False
    assert cache.add("n", 1) is True
    assert cache.incr("n") == 2
    client = cache._cache.get_client(write=True)  # type: ignore[attr-defined]
    assert cache._cache.get_client() is client  # type: ignore[attr-defined]
    assert cache._cache.get_client("any-key", write=True) is client  # type: ignore[attr-defined]
    cache.delete_many(["tokens", "n"])
    assert cache.get("tokens") is None


def test_a_token_bucket_on_redis_allows_its_capacity_then_refills_with_time() -> None:
    cache = ResilientRedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": "test-bucket"})
    cache.delete("b:bucket")
    took = [cache.take_token("b", capacity=3, per_seconds=30, now=1000.0) for _ in range(4)]
    assert took == [True, True, True, False]
    assert cache.take_token("b", capacity=3, per_seconds=30, now=1005.0) is False  # half a token back
    assert cache.take_token("b", capacity=3, per_seconds=30, now=1010.0) is True  # 10 s = one token
    assert cache.take_token("b", capacity=3, per_seconds=30, now=1010.0) is False
    cache.delete("b:bucket")


def test_concurrent_requests_on_redis_cannot_spend_the_same_token() -> None:
    """The script runs atomically on the server; a get-then-set would let racing threads through."""
    cache = ResilientRedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": "test-bucket"})
    cache.delete("race:bucket")
    with ThreadPoolExecutor(max_workers=8) as pool:
        took = list(pool.map(lambda _: cache.take_token("race", capacity=5, per_seconds=3600, now=50.0), range(40)))
    assert sum(took) == 5
    cache.delete("race:bucket")


def test_a_dead_redis_lets_requests_through_the_token_bucket() -> None:
    cache = ResilientRedisCache(f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    assert cache.take_token("x", capacity=1, per_seconds=60, now=1.0) is True
    assert cache.take_token("x", capacity=1, per_seconds=60, now=1.0) is True


def test_the_rate_limit_uses_the_redis_script_when_the_cache_is_redis() -> None:
    from careermap.lib import ratelimit

    live = {"default": {"BACKEND": "careermap.lib.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:6379/14"}}
    with override_settings(CACHES=live):
        from django.core.cache import cache

        ratelimit.reset(scope="test-live", value="198.51.100.7")
        took = [ratelimit.allow(scope="test-live", value="198.51.100.7", capacity=2, per_seconds=60) for _ in range(3)]
        assert took == [True, True, False]
        assert cache.get(ratelimit._key("test-live", "198.51.100.7")) is None  # not the get/set fallback
        ratelimit.reset(scope="test-live", value="198.51.100.7")
        assert ratelimit.allow(scope="test-live", value="198.51.100.7", capacity=2, per_seconds=60) is True
        ratelimit.reset(scope="test-live", value="198.51.100.7")


def test_a_redis_that_refuses_the_script_lets_the_request_through() -> None:
    """A server error (here: the bucket's key holds a string, WRONGTYPE) is logged, not a 500."""
    cache = ResilientRedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": "test-bucket"})
    cache._cache.get_client(write=True).set(  # type: ignore[attr-defined]
        cache.make_and_validate_key("w:bucket"), "not a hash"
    )
    assert cache.take_token("w", capacity=1, per_seconds=60, now=1.0) is True
    cache.delete("w:bucket")
