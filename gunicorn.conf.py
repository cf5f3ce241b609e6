"""gunicorn configuration for production and the benchmarks. Values come from the environment."""

from __future__ import annotations

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Two threads a worker: enough to overlap a database or cache wait, few enough that threads do not
# queue on the GIL. At 20 clients on 2 cores the quiz API's p99 was 50.3 and 43.7 ms with 2 threads,
# 52.1 ms with 4 in the same session (79.1 and 67.9 ms earlier that day), /ping 15 against 23 ms
# (bench/quiz_bench.py, 2026-12-06).
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Each worker gets its own listening socket and the kernel spreads new connections across them.
# With one shared socket, whichever worker wakes first accepts a burst of connections and keeps
# them (keep-alive): at 20 clients on 2 workers the quiz API's p99 was 55-59 ms with a shared
# socket, 48-49 ms with this (bench/quiz_bench.py, runs alternated, 2026-12-01).
reuse_port = True
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
