"""Writes for accounts: sign-up, API tokens, deleting an account and everything in it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from careermap.accounts.models import ApiToken, token_generate, token_hash


def user_create(*, email: str, password: str) -> Any:
    """A worker account; the e-mail address (lower-cased) is also the username."""
    email = get_user_model().objects.normalize_email(email).strip().lower()
    user = get_user_model()(username=email, email=email)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


@transaction.atomic
def user_delete(*, user: AbstractBaseUser) -> None:
    """Delete the account; entries, payments, imports and tokens go with it (ON DELETE CASCADE)."""
    user.delete()


def api_token_create(*, user: Any, name: str) -> tuple[ApiToken, str]:
    """A new token; the raw value is returned once and never stored."""
    raw = token_generate()
    token = ApiToken.objects.create(
        user=user, name=name.strip()[:100] or "API token", key_hash=token_hash(raw), hint=raw[:10]
    )
    return token, raw


def api_token_revoke(*, user: Any, token_id: int) -> None:
    ApiToken.objects.get(user=user, pk=token_id).delete()


def api_token_authenticate(*, raw: str) -> Any | None:
    """The active user a bearer token belongs to, or None. Records when the token was last used."""
    token = ApiToken.objects.select_related("user").filter(key_hash=token_hash(raw)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
