"""A Redis cache that degrades to "no cache" when Redis is down, instead of failing requests.

After a connection error the cache stays bypassed for a few seconds (a small circuit breaker),
so a dead Redis costs one short timeout per process per interval, not one per request.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("careermap.cache")
_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)


class ResilientRedisCache(RedisCache):
    retry_after = 5.0

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        super().__init__(server, params)
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

    def set(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> None:  # type: ignore[override]
        self._guard(None, "set", key, value, timeout, version)

    def add(self, key: Any, value: Any, timeout: Any = 300, version: int | None = None) -> bool:  # type: ignore[override]
        return bool(self._guard(False, "add", key, value, timeout, version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return bool(self._guard(False, "delete", key, version))

    def get_many(self, keys: Any, version: int | None = None) -> dict[Any, Any]:
        return dict(self._guard({}, "get_many", keys, version))

    def set_many(self, data: Any, timeout: Any = 300, version: int | None = None) -> list[Any]:  # type: ignore[override]
        return list(self._guard([], "set_many", data, timeout, version))

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        result = self._guard(None, "incr", key, delta, version)
        if result is None:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return int(result)

    def touch(self, key: Any, timeout: Any = 300, version: int | None = None) -> bool:  # type: ignore[override]
        return bool(self._guard(False, "touch", key, timeout, version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return bool(self._guard(False, "has_key", key, version))

    def clear(self) -> None:
        self._guard(None, "clear")
