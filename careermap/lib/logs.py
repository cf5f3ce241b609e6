"""Structured logs: one JSON object per line, and a request log that carries no personal data.

The request log records the matched URL pattern (not the path, which can hold ids or tokens),
method, status and duration — never query strings, form bodies, emails or work-log content.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update(
            {key: value for key, value in vars(record).items() if key not in _STANDARD and not key.startswith("_")}
        )
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


request_logger = logging.getLogger("careermap.request")


class RequestLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.monotonic()
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        request_logger.info(
            "request",
            extra={
                "method": request.method,
                "route": f"/{match.route}" if match is not None else "unmatched",
                "status": response.status_code,
                "ms": round(1000 * (time.monotonic() - started), 1),
            },
        )
        return response


class RedactRequestFilter(logging.Filter):
    """For Django's own request log (5xx errors): name the route, never the path or query, and drop
    503s, which our health check and database middleware already log without them."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 503:
            return False
        if getattr(record, "redacted", False):  # logging re-configured twice attaches the filter twice
            return True
        record.redacted = True
        request = getattr(record, "request", None)
        match = getattr(request, "resolver_match", None)
        route = f"/{match.route}" if match is not None else "unmatched route"
        if isinstance(record.args, tuple) and len(record.args) == 2:
            record.args = (record.args[0], route)
        record.request = None  # its repr carries the full path
        return True
