"""Rules every response follows, set in one place so no view can forget them.

- `Permissions-Policy` on every response: no page of ours uses the camera, microphone, location,
  payments or USB, so no page (or anything injected into one) may ask for them.
- `Cache-Control: private, no-store` on everything under the private prefixes: the work log and the
  account, as pages and in the API. That includes the account forms anyone may open (log in, sign
  up, password reset): each carries the visitor's own CSRF token, so none is the same for everyone,
  and the redirects and 401s that anonymous visitors get there are not worth keeping either. The
  public pages are untouched: they are the same for every visitor and cached as such.
- Pages answer GET, HEAD and POST only; anything else (PUT, DELETE, TRACE, …) is a 405 before any
  view runs. The JSON API (`/api/`) decides its own methods, per operation.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

PRIVATE_PREFIXES = ("/accounts/", "/worklog/", "/api/v1/worklog/")
PAGE_METHODS = ("GET", "HEAD", "POST")


def is_private(path: str) -> bool:
    return path.startswith(PRIVATE_PREFIXES) or path.rstrip("/") in {p.rstrip("/") for p in PRIVATE_PREFIXES}


class ResponseHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if is_private(request.path_info):
            response["Cache-Control"] = "private, no-store"
        return response


class PageMethodsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in PAGE_METHODS and not request.path_info.startswith("/api/"):
            return HttpResponseNotAllowed(PAGE_METHODS)
        return self.get_response(request)
