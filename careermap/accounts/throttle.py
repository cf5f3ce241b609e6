"""Limits on failed password attempts (logging in, changing the password), kept in the database.

The other limits (sign-up, password reset, quiz, search) live in the cache (lib/ratelimit.py) and let
requests through while Redis is down. Password guessing must not get that gap, nor a limit per process
when there is no Redis, so these buckets are rows in `AttemptBucket`: one transaction per attempt, the
same on every process. That costs a few queries per login, next to an Argon2 hash that costs far more.

An attempt takes a token from each of its buckets, all or none; a success gives them back, so only
failures count. Login has three buckets:

- one e-mail address from one client address (10 failures per 15 minutes): the owner's own client is
  never locked out by someone else guessing at the same address from another one;
- one client address, whatever e-mail addresses it tries (30 per 5 minutes);
- one e-mail address from anywhere (50 per hour): guesses spread over many client addresses. Whoever
  can afford that many addresses can lock an account out of logging in; the owner still gets in
  through a password reset (the throttled message links to it; resets have limits of their own), which
  logs them in and empties the buckets for their address.
"""

from __future__ import annotations

import dataclasses
import time
from typing import Any

from django.db import transaction

from careermap.accounts.models import AttemptBucket
from careermap.lib.ratelimit import digest, refill

# (capacity, per seconds)
LOGIN_PER_ADDRESS_AND_CLIENT = (10, 900)
LOGIN_PER_CLIENT = (30, 300)
LOGIN_PER_ADDRESS = (50, 3600)
PASSWORD_CHANGE_PER_USER = (5, 900)
PRUNE_BATCH = 500


@dataclasses.dataclass(frozen=True)
class Bucket:
    scope: str
    value: str
    limit: tuple[int, int]
    email: str = ""  # the address it guards, so a password reset can empty it

    @property
    def key(self) -> str:
        return digest(self.scope, self.value.strip().lower())

    @property
    def account(self) -> str:
        return _account(self.email) if self.email else ""


def _account(email: str) -> str:
    return digest("account", email.strip().lower())


def login_buckets(*, email: str, client: str) -> list[Bucket]:
    return [
        Bucket("login-address-client", f"{email}\x00{client}", LOGIN_PER_ADDRESS_AND_CLIENT, email=email),
        Bucket("login-client", client, LOGIN_PER_CLIENT),
        Bucket("login-address", email, LOGIN_PER_ADDRESS, email=email),
    ]


def password_change_buckets(*, user: Any) -> list[Bucket]:
    return [Bucket("password-change", str(user.pk), PASSWORD_CHANGE_PER_USER)]


def attempt_take(buckets: list[Bucket], *, now: float | None = None) -> bool:
    """One token from every bucket, or none and False when any is empty."""
    now = time.time() if now is None else now
    _prune(now)
    with transaction.atomic():
        rows = _locked(buckets, now)
        levels = {b.key: _level(rows[b.key], b, now) for b in buckets}
        if any(level < 1.0 for level in levels.values()):
            return False
        for bucket in buckets:
            _store(rows[bucket.key], bucket, levels[bucket.key] - 1.0, now)
    return True


def _locked(buckets: list[Bucket], now: float) -> dict[str, AttemptBucket]:
    """The buckets' rows, locked (and created) in key order, so two attempts sharing buckets cannot
    deadlock. Missing ones are created full first; a concurrent attempt may create the same row (no conflict) and a prune
    may delete one between the two statements (then it is created again)."""
    keys = sorted({b.key for b in buckets})
    fresh = [
        AttemptBucket(key=b.key, account=b.account, tokens=b.limit[0], updated=now, full_at=now)
        for b in sorted(buckets, key=lambda b: b.key)
    ]
    for _ in range(3):
        AttemptBucket.objects.bulk_create(fresh, ignore_conflicts=True)
        rows = {row.key: row for row in AttemptBucket.objects.select_for_update().filter(key__in=keys).order_by("key")}
        if len(rows) == len(keys):
            return rows
    raise RuntimeError("attempt buckets vanished three times in a row")


def attempt_refund(buckets: list[Bucket], *, now: float | None = None) -> None:
    """Give back the tokens an attempt took: it succeeded."""
    now = time.time() if now is None else now
    with transaction.atomic():
        for row in AttemptBucket.objects.select_for_update().filter(key__in=[b.key for b in buckets]).order_by("key"):
            bucket = next(b for b in buckets if b.key == row.key)
            _store(row, bucket, min(float(bucket.limit[0]), _level(row, bucket, now) + 1.0), now)


def login_buckets_clear(*, email: str) -> None:
    """Empty every login bucket of this address (its owner has just proved they hold it)."""
    AttemptBucket.objects.filter(account=_account(email)).delete()


def _level(row: AttemptBucket, bucket: Bucket, now: float) -> float:
    capacity, seconds = bucket.limit
    return refill(row.tokens, row.updated, capacity=capacity, per_seconds=seconds, now=now)


def _store(row: AttemptBucket, bucket: Bucket, tokens: float, now: float) -> None:
    capacity, seconds = bucket.limit
    row.tokens, row.updated = tokens, now
    row.full_at = now + (capacity - tokens) * seconds / capacity
    row.save(update_fields=["tokens", "updated", "full_at"])


def _prune(now: float) -> None:
    """Delete a batch of buckets that are full again (the same as no row). Rows another attempt holds
    are skipped, not waited for, so pruning never blocks a login or deadlocks with one."""
    with transaction.atomic():
        stale = list(
            AttemptBucket.objects.select_for_update(skip_locked=True)
            .filter(full_at__lt=now)
            .values_list("pk", flat=True)[:PRUNE_BATCH]
        )
        if stale:
            AttemptBucket.objects.filter(pk__in=stale).delete()
