"""gunicorn configuration for production and the benchmarks. Values come from the environment."""

from __future__ import annotations

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()


def post_worker_init(worker: object) -> None:
    """The application is loaded: freeze its modules out of the garbage collector's scans
    (careermap/lib/memory.py); the quiz and search freeze their data when they build it."""
    from careermap.lib.memory import freeze_long_lived

    freeze_long_lived()
