"""The Redis cache serves "uncached" when Redis is down: a real connection to a closed port."""

from __future__ import annotations

import socket

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
