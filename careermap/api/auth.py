"""Who is calling the API: an API token (`Authorization: Bearer cmk_…`, made on the account page) or the
browser session (then unsafe methods need the CSRF token in `X-CSRFToken`). Used by every private router;
`request.auth` (and `request.user` for a session) is then the caller's account."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf

from careermap.accounts.services import api_token_authenticate


class TokenAuth(HttpBearer):
    def __call__(self, request: HttpRequest) -> Any:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None  # never log the header: it may hold a token
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return api_token_authenticate(raw=token)


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; CSRF-checked for unsafe methods. Anonymous callers get a 401."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        if check_csrf(request):
            raise HttpError(403, "CSRF check failed: send the csrftoken cookie's value in X-CSRFToken.")
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if key and request.user.is_authenticated else None


def private_auth() -> list[Any]:
    """The authentication of a private router: a token, else the session."""
    return [TokenAuth(), SessionAuth()]


class AuthenticatedApiRequest(HttpRequest):
    """The request an operation behind `private_auth()` receives: `auth` is the caller's account (the
    token's owner, or the session's user). Ninja passes the request first and reads no type from it."""

    auth: User
