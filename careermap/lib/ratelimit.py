"""A cache-backed token bucket: allow bursts up to `capacity`, refill at `capacity` per `per_seconds`.

Forms call `allow()` in `clean()` (healthchecks does the same with its `TokenBucket`). Keys are
hashed, so e-mail addresses and IP addresses never appear in the cache. On Redis (production) the
bucket is read and written by one server-side script (`ResilientRedisCache.take_token`): one round
trip, atomic across processes. On other caches (development, tests) it is a get and a set, which
is not atomic; at worst a burst gets a few extra attempts, which is fine for throttling.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from careermap.lib.cache import BUCKET_SUFFIX

_PREFIX = "tb:"


def _key(scope: str, value: str) -> str:
    digest = hashlib.sha256(f"{scope}\x00{value}".encode()).hexdigest()[:40]
    return f"{_PREFIX}{scope}:{digest}"


def allow(*, scope: str, value: str, capacity: int, per_seconds: float, now: float | None = None) -> bool:
    """Take one token from the bucket named (scope, value); False when it is empty."""
    now = time.time() if now is None else now
    key = _key(scope, value.strip().lower())
    take_token = getattr(cache, "take_token", None)
    if take_token is not None:
        return bool(take_token(key, capacity=capacity, per_seconds=per_seconds, now=now))
    tokens, updated = cache.get(key, (float(capacity), now))
    tokens = min(float(capacity), tokens + (now - updated) * capacity / per_seconds)
    allowed = tokens >= 1.0
    if allowed:
        tokens -= 1.0
    cache.set(key, (tokens, now), timeout=int(per_seconds) + 60)
    return allowed


def reset(*, scope: str, value: str) -> None:
    key = _key(scope, value.strip().lower())
    cache.delete_many([key, key + BUCKET_SUFFIX])


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind our proxy (SECURE_PROXY_SSL_HEADER set) the last X-Forwarded-For
    hop is the one the proxy added; anything before it is client-supplied and not trusted."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded:
        return forwarded.split(",")[-1].strip()
    return str(request.META.get("REMOTE_ADDR", ""))
