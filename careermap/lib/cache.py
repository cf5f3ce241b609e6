"""A Redis cache that degrades to "no cache" when Redis is down, instead of failing requests.

After a connection error the cache stays bypassed for a few seconds (a small circuit breaker),
so a dead Redis costs one short timeout per process per interval, not one per request.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("careermap.cache")
_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
BUCKET_SUFFIX = ":bucket"  # take_token's hashes live under their own names


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's client builds a new `redis.Redis` object for every cache operation, which cost
    about 0.2 ms each (more than the round trip to Redis on loopback). One per server is enough:
    redis-py clients are thread-safe and draw connections from the same pool."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]  # Django's own choice of server and pool (private: not in django-stubs)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class ResilientRedisCache(RedisCache):
    retry_after = 5.0

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._scripts: dict[int, Any] = {}  # the token-bucket script, registered once per client
        self._down_until = 0.0
        self._lock = threading.Lock()

    def _available(self) -> bool:
        return time.monotonic() >= self._down_until

    def _failed(self, exc: Exception) -> None:
        with self._lock:
            if self._available():
                logger.warning(
                    "cache unavailable (%s); serving uncached for %.0fs", type(exc).__name__, self.retry_after
                )
            self._down_until = time.monotonic() + self.retry_after

    def _guard(self, default: Any, method: str, *args: Any, **kwargs: Any) -> Any:
        if not self._available():
            return default
        try:
            return getattr(super(), method)(*args, **kwargs)
        except _ERRORS as exc:
            self._failed(exc)
            return default

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._guard(default, "get", key, default, version)

    def set(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> None:
        self._guard(None, "set", key, value, timeout, version)

    def add(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> bool:
        return bool(self._guard(False, "add", key, value, timeout, version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return bool(self._guard(False, "delete", key, version))

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._guard(None, "delete_many", keys, version)

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return dict(self._guard({}, "get_many", keys, version))

    def set_many(self, data: Any, timeout: Any = 300, version: int | None = None) -> list[Any]:
        return list(self._guard([], "set_many", data, timeout, version))

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        result = self._guard(None, "incr", key, delta, version)
        if result is None:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return int(result)

    def touch(self, key: Any, timeout: Any = 300, version: int | None = None) -> bool:
        return bool(self._guard(False, "touch", key, timeout, version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return bool(self._guard(False, "has_key", key, version))

    def clear(self) -> None:
        self._guard(None, "clear")

    def take_token(self, key: str, *, capacity: int, per_seconds: float, now: float) -> bool:
        """One token from the bucket `key` (lib/ratelimit.py), read and written by one script on
        the Redis server: one round trip instead of a get and a set, and atomic, so concurrent
        requests cannot both spend the last token. With Redis down, allowed (as a cache miss is)."""
        if not self._available():
            return True
        client = self._cache.get_client(key, write=True)  # type: ignore[attr-defined]  # RedisCache's client (private)
        script = self._scripts.get(id(client))
        if script is None:
            script = self._scripts[id(client)] = client.register_script(_TAKE_TOKEN)
        # A hash, under its own name: never a key that the plain get/set fallback wrote.
        redis_key = self.make_and_validate_key(key + BUCKET_SUFFIX)
        try:
            return bool(
                script(keys=[redis_key], args=[capacity, capacity / per_seconds, repr(now), int(per_seconds) + 60])
            )
        except _ERRORS as exc:
            self._failed(exc)
            return True
        except RedisError as exc:  # a read-only replica, a script error: throttling must not break the page
            logger.error("rate-limit script failed (%s); request allowed", type(exc).__name__)
            return True


# KEYS[1]: the bucket; ARGV: capacity, refill per second, now (seconds), expiry (seconds).
_TAKE_TOKEN = """
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local capacity, rate, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local tokens = tonumber(state[1]) or capacity
local updated = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - updated) * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.6f', tokens), 'updated', ARGV[3])
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
return allowed
"""
