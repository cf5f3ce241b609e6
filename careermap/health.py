"""Liveness and readiness endpoints for load balancers and the deploy scripts."""

from __future__ import annotations

import logging
import time

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger("careermap.health")


@require_safe
def ping(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers. Touches neither database nor cache."""
    return HttpResponse("pong", content_type="text/plain")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """Readiness: 200 when the database and the cache both answer, else 503 naming what failed."""
    checks: dict[str, str] = {}
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception as exc:  # any driver error means "not ready"
        logger.warning("healthz: database check failed: %s", type(exc).__name__)
        checks["database"] = "unavailable"
    try:
        cache.set("healthz", "1", 5)
        checks["cache"] = "ok" if cache.get("healthz") == "1" else "unavailable"
    except Exception as exc:
        logger.warning("healthz: cache check failed: %s", type(exc).__name__)
        checks["cache"] = "unavailable"
    healthy = all(value == "ok" for value in checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": checks,
        "ms": round(1000 * (time.monotonic() - started), 1),
    }
    return JsonResponse(body, status=200 if healthy else 503)
