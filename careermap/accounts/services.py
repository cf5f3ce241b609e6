"""Writes for accounts: sign-up, password changes, API tokens, deleting an account and everything in it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from careermap.accounts import throttle
from careermap.accounts.models import ApiToken, token_generate, token_hash


class SignupTokenGenerator(PasswordResetTokenGenerator):
    """The link that confirms a sign-up: its own salt (a reset link is not a sign-up link), and it
    works once (activating the account changes the hash), for PASSWORD_RESET_TIMEOUT seconds."""

    key_salt = "careermap.accounts.signup"

    def _make_hash_value(self, user: Any, timestamp: int) -> str:
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


signup_tokens = SignupTokenGenerator()


def user_create(*, email: str, password: str, active: bool = True) -> Any:
    """A worker account; the e-mail address (lower-cased) is also the username."""
    email = get_user_model().objects.normalize_email(email).strip().lower()
    user = get_user_model()(username=email, email=email, is_active=active)
    user.set_password(password)
    user.full_clean(exclude=["password"])
    user.save()
    return user


def signup_request(*, email: str, password: str, site: str) -> None:
    """Sign-up answers the same whether or not the address has an account; the difference goes by e-mail
    to the address itself. A new address gets an inactive account and a link that confirms it; an
    unconfirmed one gets the new password and a fresh link (the old links stop working); an account in
    use gets a note that someone tried, with the ways in. `site` is the scheme and host for the links."""
    email = get_user_model().objects.normalize_email(email).strip().lower()
    user = get_user_model().objects.filter(username__iexact=email).first()
    if user is not None and user.is_active:
        make_password(password)  # the same hashing work as the other branches: no timing difference
        _mail(
            email,
            "accounts/signup_exists",
            {"login_url": site + reverse("accounts:login"), "reset_url": site + reverse("accounts:password_reset")},
        )
        return
    if user is None:
        user = user_create(email=email, password=password, active=False)
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
    path = reverse(
        "accounts:signup_confirm",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": signup_tokens.make_token(user)},
    )
    _mail(email, "accounts/signup_confirm", {"confirm_url": site + path})


def signup_confirm(*, user: Any) -> None:
    user.is_active = True
    user.save(update_fields=["is_active"])


def _mail(to: str, template: str, context: dict[str, Any]) -> None:
    context = {"email": to, "hours": settings.PASSWORD_RESET_TIMEOUT // 3600, **context}
    subject = render_to_string(f"{template}_subject.txt", context).strip()
    send_mail(subject, render_to_string(f"{template}_email.txt", context), None, [to])


def user_password_changed(*, user: Any) -> int:
    """After a password change or reset: every API token is revoked (whoever knew the old password may
    have made one) and the address's login limits start afresh. Returns how many tokens were revoked."""
    revoked, _ = ApiToken.objects.filter(user=user).delete()
    throttle.login_buckets_clear(email=user.get_username())
    return revoked


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
