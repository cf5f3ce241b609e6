"""Our password rule on top of Django's (settings.AUTH_PASSWORD_VALIDATORS): sign-up, change and reset."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class NotMostlySpacesValidator:
    """At least `min_length` characters that are not spaces. Django's length rule counts spaces, so a
    password of twelve spaces (or one letter and eleven spaces) passed every other check."""

    def __init__(self, min_length: int = 8) -> None:
        self.min_length = min_length

    def validate(self, password: str, user: Any = None) -> None:
        if sum(not char.isspace() for char in password) < self.min_length:
            raise ValidationError(
                f"This password is mostly spaces. Use at least {self.min_length} characters that are not spaces.",
                code="password_mostly_spaces",
            )

    def get_help_text(self) -> str:
        return f"Your password needs at least {self.min_length} characters besides spaces."
