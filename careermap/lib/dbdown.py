"""Turn "the database is unreachable" into a fast 503 with Retry-After, instead of a 500.

Django closes a broken connection at the end of the request and opens a new one on the next, so
once PostgreSQL is back every worker recovers by itself, without a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger("careermap.dbdown")
RETRY_AFTER_SECONDS = 5


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("database unavailable: %s", type(exception).__name__)
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse(
                {"detail": "The database is unavailable; try again in a few seconds."}, status=503
            )
        else:
            response = HttpResponse(render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response


class RejectNulMiddleware:
    """Refuse API input containing NUL characters with a 422 naming the field.

    PostgreSQL text cannot hold NUL, so such a value would otherwise reach the database and fail
    there as a 500 (SQLite would accept it: the two backends must behave the same). HTML forms are
    covered by Django's own ProhibitNullCharactersValidator on every CharField.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/api/"):
            field = self._nul_field(request)
            if field is not None:
                detail = [{"field": field, "message": "must not contain NUL characters"}]
                return JsonResponse({"detail": detail}, status=422)
        return self.get_response(request)

    @staticmethod
    def _nul_field(request: HttpRequest) -> str | None:
        if "\x00" in request.path_info:
            return "path"
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return key.replace("\x00", "")
        if request.method in {"POST", "PUT", "PATCH"}:
            body = request.body
            if b"\\u0000" in body or b"\x00" in body:
                return "body"
        return None
