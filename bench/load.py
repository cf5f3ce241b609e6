"""Mixed-workload benchmark: the site on PostgreSQL + Redis under gunicorn, driven by wrk over loopback.

Creates a throwaway PostgreSQL database (default careermap_bench), fills it with the real data
(import_data, durability_compute, content_load; the data folder is only read), serves it with
gunicorn.conf.py (DEBUG off, whitenoise, Redis cache) and runs one wrk script that spreads requests
over the map, reads, sources pages, occupation pages, search (page and API) and quiz submissions,
timing each response by route. A route whose endpoint does not exist yet is skipped with a note.
Each request carries its own X-Forwarded-For (BEHIND_PROXY=1), as from many clients behind the
load balancer, so per-address rate limits see many addresses, as in production.

    .venv/bin/python bench/load.py [--seconds 60] [--connections 32] [--reuse] [--keep]

Goal (issue 8): zero errors. Prints requests/s and p50/p99 per route and writes them into
docs/reliability.md. Exits 1 when any request failed.

Issue 16 adds the drawn pages to the same mix, printed beside the read page: the home page with the
map (unfiltered and filtered), the occupations explorer (all 1,016 occupations, filtered, with an
area) and compare. Its goal: map and explorer at p99 <= 50 ms at 20 clients (`--connections 20`).

Where PostgreSQL, Redis or wrk are not at hand (or the machine is shared), `--in-process N` renders
the same pages N times each through Django's test client on whatever database the settings point at
(SQLite by default), with the configured cache, and prints p50/p99 per page: no server, no network.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

MAP_PATHS = ["/?collection=careers", "/?first_dollar=weeks", "/?durability=unscored", "/?sort=reviewed"]
EXPLORER_PATHS = [
    "/occupations/",
    "/occupations/?job_zone=2",
    "/occupations/?job_zone=4&interest=I",
    "/occupations/?change_min=5",
    "/occupations/?area=0600000",
    "/occupations/?area=0041860",
]


def chart_routes(routes: list[stack.Route]) -> list[stack.Route]:
    """The drawn pages (issue 16), with real slugs and codes taken from the read and occupation routes."""
    slugs = [path.split("/")[2] for route in routes if route.name == "read" for path in route.paths]
    codes = [path.split("/")[2] for route in routes if route.name == "occupation" for path in route.paths]
    compare = [
        f"/compare/?items={slugs[i]},{slugs[-1 - i]},{codes[i]}" for i in range(min(len(slugs) // 2, len(codes), 20))
    ]
    return [
        stack.Route("map filtered", 5, "GET", MAP_PATHS),
        stack.Route("explorer", 10, "GET", EXPLORER_PATHS),
        stack.Route("compare", 5, "GET", compare),
    ]


def in_process(requests: int) -> None:
    """Each page rendered `requests` times in this process (after one unmeasured request each)."""

    import statistics
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careermap.settings")
    os.environ.setdefault("STATIC_MANIFEST", "0")
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from careermap.content.models import Read
    from careermap.occupations.models import Occupation

    setup_test_environment()  # the test client's host and no-op e-mail; nothing else changes
    import logging

    logging.getLogger("careermap.request").setLevel(logging.WARNING)  # one log line per request is noise here
    slugs = list(Read.objects.order_by("slug").values_list("slug", flat=True))
    codes = list(Occupation.objects.order_by("code").values_list("code", flat=True))
    if not slugs or not codes:
        raise SystemExit("the database has no reads or no occupations: run the import first")
    pages = {
        "map": ["/"],
        "map filtered": MAP_PATHS,
        "explorer": EXPLORER_PATHS,
        "read": [f"/reads/{slug}/" for slug in slugs],
        "compare": [f"/compare/?items={slugs[0]},{slugs[-1]},{codes[len(codes) // 2]}"],
    }
    client = Client()
    print("| Page | requests | p50 | p99 | max | first (cold) |\n|---|---|---|---|---|---|")
    for name, paths in pages.items():
        cold = []
        for path in paths:  # the first render of each URL fills the page cache
            start = time.perf_counter()
            response = client.get(path)
            cold.append((time.perf_counter() - start) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
        times = []
        for i in range(requests):
            start = time.perf_counter()
            client.get(paths[i % len(paths)])
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
        print(
            f"| {name} | {requests} | {statistics.median(times):.1f} ms | {p99:.1f} ms | {times[-1]:.1f} ms "
            f"| {max(cold):.0f} ms |"
        )


def alone(solo: dict[str, float], name: str) -> str:
    return f"{solo[name]:,.0f}" if name in solo else ""


def table(result: stack.WrkResult, solo: dict[str, float]) -> list[str]:
    rows = [
        "| Route | share | requests | req/s | p50 | p99 | max | errors | req/s alone |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for route in result.routes:
        share = 100 * route.requests / max(result.requests, 1)
        rows.append(
            f"| {route.name} | {share:.0f}% | {route.requests:,} | {route.rps:,.0f} | {route.p50_ms:.1f} ms "
            f"| {route.p99_ms:.1f} ms | {route.max_ms:.0f} ms | {route.errors} | {alone(solo, route.name)} |"
        )
    rows.append(f"| **all** | 100% | {result.requests:,} | {result.rps:,.0f} | | | | {result.errors} | |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=10, help="seconds of unmeasured load first")
    parser.add_argument("--port", type=int, default=8766)
    parser.add_argument("--db", default="careermap_bench")
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it already holds the data")
    parser.add_argument("--keep", action="store_true", help="keep --db afterwards (default: drop it)")
    parser.add_argument("--no-doc", action="store_true", help="do not update docs/reliability.md")
    parser.add_argument("--solo", type=int, default=5, help="then each route alone for this many seconds (0: skip)")
    parser.add_argument(
        "--in-process", type=int, default=0, metavar="N", help="render each page N times in-process instead"
    )
    args = parser.parse_args()
    if args.in_process:
        in_process(args.in_process)
        return

    stack.services_ok()
    work = stack.workdir("load")
    summaries = stack.prepare_database(args.db, reuse=args.reuse)
    stack.redis_flush()
    env = stack.app_env(args.db)
    try:
        with stack.gunicorn(env, args.port, work) as server:
            routes, notes = stack.workload(server)
            routes += chart_routes(routes)
            for note in notes:
                print(f"NOTE: {note}")
            primed = stack.prime(server, routes)
            stack.log(f"primed: {primed} URLs asked for once each; warm-up: {args.warmup} s")
            stack.run_wrk(server, routes, seconds=args.warmup, connections=args.connections, workdir=work)
            stack.log(f"measuring: {args.seconds} s at {args.connections} connections")
            result = stack.run_wrk(server, routes, seconds=args.seconds, connections=args.connections, workdir=work)
            workers = len(server.worker_pids())
            # The same harness on the minimal view, right after: how much machine there was to share.
            ping = stack.run_wrk(
                server,
                [stack.Route("ping", 1, "GET", ["/ping"])],
                seconds=10,
                connections=args.connections,
                workdir=work,
            )
            # Each route alone: which ones cost the most (in the mix, every route queues behind the others).
            solo: dict[str, float] = {}
            for route in routes if args.solo else []:
                alone = stack.run_wrk(server, [route], seconds=args.solo, connections=args.connections, workdir=work)
                solo[route.name] = alone.rps
                result.status_errors += alone.errors
        server_errors = [line for line in server.log_path.read_text().splitlines() if "Traceback" in line]
    finally:
        if not args.keep:
            stack.drop_database(args.db)
        shutil.rmtree(work, ignore_errors=True)

    lines = table(result, solo)
    print()
    print("\n".join(lines))
    for route in result.routes:
        if route.statuses:
            print(f"  {route.name}: failed statuses {route.statuses}")
    print(
        f"socket errors (connect/read/write/timeout): {result.socket_errors}; tracebacks in the server log: {len(server_errors)}"
    )
    ok = result.errors == 0 and not server_errors
    print(f"zero errors: {'met' if ok else 'NOT met'}")
    print(
        f"calibration: the same harness on /ping right after: {ping.rps:,.0f} req/s, p99 {ping.routes[0].p99_ms:.1f} ms"
    )

    if not args.no_doc:
        setup = (
            f"gunicorn.conf.py ({workers} gthread workers × {os.environ.get('GUNICORN_THREADS', '2')} threads), DEBUG off, PostgreSQL with the real data "
            f"({'; '.join(line.rstrip('.') for line in summaries) if summaries else 'reused database'}), Redis cache; "
            f"wrk over loopback, {args.connections} connections, {args.seconds} s after every URL of the mix was "
            f"asked for once ({primed}) and a {args.warmup} s warm-up; "
            f"{stack.machine_line()}."
        )
        body = "\n".join(
            [
                "## Load (`bench/load.py`, `make bench-load`)",
                "",
                setup,
                "",
                *lines,
                "",
                f"Errors: {result.errors} (non-2xx/3xx {result.status_errors}, socket {result.socket_errors}); "
                f"tracebacks in the server log: {len(server_errors)}. Goal zero errors: **{'met' if ok else 'NOT met'}**.",
                *(["", *(f"- Skipped: {note}" for note in notes)] if notes else []),
                "",
                f"*req/s alone*: each route driven by itself for {args.solo} s after the mix, same connections "
                "(in the mix every route queues behind the costly ones, so its latency is mostly waiting). "
                f"Calibration: the same harness on the minimal view (`/ping`) right after gave {ping.rps:,.0f} req/s "
                f"(p99 {ping.routes[0].p99_ms:.1f} ms); compare `bench/read_page.py`'s figure in the README, taken "
                "on a quieter machine, to see how much of it other work took.",
                "",
                "Latency is measured per response inside wrk (one connection per wrk thread, so each response "
                "is timed against the request just sent on it). Quiz submissions are valid answer sets built "
                "from `/api/v1/quiz/questions`; every request carries its own X-Forwarded-For, as many clients "
                "behind the load balancer would.",
            ]
        )
        stack.update_reliability("load", body)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
