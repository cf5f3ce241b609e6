"""A cache-backed token bucket: allow bursts up to `capacity`, refill at `capacity` per `per_seconds`.

Forms call `allow()` in `clean()` (healthchecks does the same with its `TokenBucket`). Keys are
hashed, so e-mail addresses and IP addresses never appear in the cache. On Redis (production) the
bucket is read and written by one server-side script (`ResilientRedisCache.take_token`): one round
trip, atomic across processes. On other caches (development, tests) it is a get and a set, which
is not atomic; at worst a burst gets a few extra attempts, which is fine for throttling.

With Redis down these limits let requests through, and without Redis each process has its own
buckets (docs/reliability.md says why). Password guesses are limited in the database instead, by
accounts/throttle.py, so neither gap reaches them.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from careermap.lib.cache import BUCKET_SUFFIX

_PREFIX = "tb:"


def digest(scope: str, value: str) -> str:
    """The name a bucket is kept under: a hash, so no address is ever stored."""
    return hashlib.sha256(f"{scope}\x00{value}".encode()).hexdigest()


def _key(scope: str, value: str) -> str:
    return f"{_PREFIX}{scope}:{digest(scope, value)[:40]}"


def refill(tokens: float, updated: float, *, capacity: int, per_seconds: float, now: float) -> float:
    """The tokens in a bucket at `now` that held `tokens` at `updated`."""
    return min(float(capacity), tokens + max(0.0, now - updated) * capacity / per_seconds)


def allow(*, scope: str, value: str, capacity: int, per_seconds: float, now: float | None = None) -> bool:
    """Take one token from the bucket named (scope, value); False when it is empty."""
    now = time.time() if now is None else now
    key = _key(scope, value.strip().lower())
    take_token = getattr(cache, "take_token", None)
    if take_token is not None:
        return bool(take_token(key, capacity=capacity, per_seconds=per_seconds, now=now))
    tokens, updated = cache.get(key, (float(capacity), now))
    tokens = refill(tokens, updated, capacity=capacity, per_seconds=per_seconds, now=now)
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
