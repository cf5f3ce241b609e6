"""Errors mapped to HTTP once, for every router (HackSoft's `api/exception_handlers.py` pattern).

* A request that does not fit its schema (ninja's ValidationError): 422 naming each bad field,
  `{"detail": [{"field": "answers.R1", "message": ...}]}`.
* A rule a service enforces (Django's ValidationError, raised by the work log's services and by
  `worklog.api.common._with_duration`): the same 422 shape, each field as `payload.<field>` (the body's
  name in the operations), `payload` alone for a rule about the whole body.

Errors that need the operation's own words (404 "No entry 5.", 409 for a stale version) stay in the
operations.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError


def schema_error_detail(exc: ValidationError) -> list[dict[str, Any]]:
    return [
        {
            "field": ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")),
            "message": error.get("msg", ""),
        }
        for error in exc.errors
    ]


def rule_error_detail(error: DjangoValidationError) -> list[dict[str, Any]]:
    if hasattr(error, "error_dict"):
        return [
            {"field": f"payload.{field}" if field != "__all__" else "payload", "message": message}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return [{"field": "payload", "message": message} for message in error.messages]


def register(api: NinjaAPI) -> None:
    """Install the handlers on `api` (careermap/api/api.py)."""

    @api.exception_handler(ValidationError)
    def schema_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(request, {"detail": schema_error_detail(exc)}, status=422)

    @api.exception_handler(DjangoValidationError)
    def rule_error(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return api.create_response(request, {"detail": rule_error_detail(exc)}, status=422)
