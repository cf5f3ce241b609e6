"""API tokens. Users are Django's own `auth.User`; the e-mail address doubles as the username."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models

TOKEN_PREFIX = "cmk_"


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def token_generate() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


class ApiToken(models.Model):
    """A bearer token for the API. Only its SHA-256 is stored; the token itself is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12)  # the first characters, so the owner can tell tokens apart
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"


class AttemptBucket(models.Model):
    """A token bucket of failed password attempts (accounts/throttle.py), kept in the database rather
    than the cache: login's protection must not depend on Redis being up, and must be shared by every
    process when there is no Redis. Only hashes are stored, never an address."""

    key = models.CharField(max_length=64, unique=True)  # SHA-256 of the bucket's scope and value
    account = models.CharField(max_length=64, blank=True, db_index=True)  # SHA-256 of the e-mail address
    tokens = models.FloatField()
    updated = models.FloatField()  # seconds since the epoch, as time.time()
    full_at = models.FloatField(db_index=True)  # when the bucket is full again: rows past it are pruned

    def __str__(self) -> str:
        return f"{self.key[:12]}… {self.tokens:.1f}"
