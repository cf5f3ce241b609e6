"""Quiz speed (issue 5, section 5): matching in-process, and POST /api/v1/quiz/matches under gunicorn.

1. In-process: the candidates are built from a throwaway database holding the real data, exactly
   as the site builds them, then `matching.match()` is timed over random answer sets (random
   practical answers; interest answers uniform and with a liking per type). Goal: p99 ≤ 5 ms.
2. HTTP: gunicorn.conf.py (DEBUG off) in front of the same database, Redis as the cache
   (bench/stack.py, shared with bench/load.py), and wrk over loopback with a Lua script that POSTs
   40 varied, valid answer sets from 20 connections (one per wrk thread, so each response is timed
   against the request just sent). Each request carries its own X-Forwarded-For (BEHIND_PROXY=1),
   as many clients behind the load balancer would, so the per-address rate limit sees many
   addresses. No response writes to the database (a result link holds its answers). Goal: p99 ≤ 50 ms.

    .venv/bin/python bench/quiz_bench.py [--seconds 20] [--connections 20] [--sqlite] [--reuse] [--keep]

--sqlite runs the HTTP part on a throwaway SQLite file with the in-process cache instead.
--write puts the figures into docs/quiz.md (between the quiz-bench markers). Exits 1 if a goal is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import socket
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

ROOT = stack.ROOT
DOC = ROOT / "docs" / "quiz.md"
START, END = "<!-- quiz-bench:start -->", "<!-- quiz-bench:end -->"
IN_PROCESS_GOAL_MS = 5.0
HTTP_GOAL_MS = 50.0


def percentiles(values: list[float]) -> tuple[float, float, float]:
    ordered = sorted(values)
    return stack.percentile(ordered, 0.5), stack.percentile(ordered, 0.99), ordered[-1]


def in_process(env: dict[str, str], *, runs: int, seed: int) -> dict[str, object]:
    """Time the pure matching over the real candidates, in this process."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careermap.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from careermap.quiz import evaluation
    from careermap.quiz.matching import LIMIT, MORE, Answers, match
    from careermap.quiz.selectors import build_candidates

    started = time.perf_counter()
    pool = build_candidates()
    build_ms = (time.perf_counter() - started) * 1000
    rng = random.Random(seed)
    answer_sets = [
        Answers(
            interests=evaluation.random_interests(rng, "structured" if i % 2 else "uniform"),
            practical=evaluation.random_practical(rng),
        )
        for i in range(runs)
    ]
    for answers in answer_sets[:200]:  # warm up
        match(answers, pool.candidates, limit=LIMIT, more=MORE)
    wall, cpu = [], []
    for answers in answer_sets:
        started_ns, started_cpu = time.perf_counter_ns(), time.thread_time_ns()
        match(answers, pool.candidates, limit=LIMIT, more=MORE)  # as the result page asks: 3 explained + 10
        cpu.append((time.thread_time_ns() - started_cpu) / 1e6)
        wall.append((time.perf_counter_ns() - started_ns) / 1e6)
    p50, p99, worst = percentiles(wall)
    cpu_p50, cpu_p99, cpu_worst = percentiles(cpu)
    return {
        "candidates": len(pool.candidates),
        "occupations": pool.occupations,
        "reads": pool.reads,
        "build_ms": build_ms,
        "runs": runs,
        "p50": p50,
        "p99": p99,
        "max": worst,
        "cpu_p50": cpu_p50,
        "cpu_p99": cpu_p99,
        "cpu_max": cpu_worst,
    }


def prepare_sqlite(env: dict[str, str]) -> None:
    for command in (["migrate", "-v0"], ["import_data", "-v0"], ["durability_compute"], ["content_load"]):
        stack.manage(env, *command)
    stack.manage(env, "collectstatic", "--noinput", "-v0")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def http(
    env: dict[str, str], *, port: int, seconds: int, rounds: int, connections: int, work: Path
) -> tuple[stack.RouteStats, stack.RouteStats]:
    """The quiz POST and, for scale, the minimal view (/ping) in alternating rounds on one server:
    machine noise hits both alike. Returns the worst round of each."""
    port = port or free_port()
    with stack.gunicorn(env, port, work) as server:
        if server.process.poll() is not None:  # another server holds the port and answered /ping
            raise SystemExit(f"gunicorn could not start on port {port}: see {server.log_path}")
        bodies = stack.quiz_bodies(server, random.Random(5))
        if not bodies:
            raise SystemExit("POST /api/v1/quiz/matches does not answer 200 with a valid body")
        quiz = [stack.Route("quiz submit", 1, "POST", ["/api/v1/quiz/matches"], bodies)]
        ping = [stack.Route("minimal view", 1, "GET", ["/ping"])]
        stack.log("warm-up: 5 s")
        stack.run_wrk(server, quiz, seconds=5, connections=connections, workdir=work)
        runs: dict[str, list[stack.RouteStats]] = {"quiz": [], "ping": []}
        for n in range(rounds):
            stack.log(f"round {n + 1} of {rounds}: {seconds} s each at {connections} connections")
            for name, routes in (("quiz", quiz), ("ping", ping)):
                result = stack.run_wrk(server, routes, seconds=seconds, connections=connections, workdir=work)
                route = result.routes[0]
                route.errors += result.socket_errors
                runs[name].append(route)
    tracebacks = sum("Traceback" in line for line in server.log_path.read_text().splitlines())
    worst_quiz = max(runs["quiz"], key=lambda r: r.p99_ms)
    worst_quiz.errors = sum(r.errors for r in runs["quiz"]) + tracebacks
    worst_quiz.requests = sum(r.requests for r in runs["quiz"])
    worst_quiz.rps = sum(r.rps for r in runs["quiz"]) / rounds
    worst_ping = max(runs["ping"], key=lambda r: r.p99_ms)
    worst_ping.rps = sum(r.rps for r in runs["ping"]) / rounds
    return worst_quiz, worst_ping


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5000, help="answer sets timed in-process")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--port", type=int, default=0, help="default: a free port")
    parser.add_argument("--db", default="careermap_quiz_bench")
    parser.add_argument(
        "--sqlite", action="store_true", help="SQLite and the in-process cache instead of PostgreSQL + Redis"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it already holds the data (PostgreSQL)")
    parser.add_argument("--keep", action="store_true", help="keep --db afterwards (PostgreSQL)")
    parser.add_argument("--write", action="store_true", help="write the figures into docs/quiz.md")
    args = parser.parse_args()

    work = stack.workdir("quiz-bench")
    if args.sqlite:
        env = stack.app_env(args.db) | {"DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}", "REDIS_URL": ""}
        stack.log("preparing a SQLite database with the real data")
        prepare_sqlite(env)
        backend = "SQLite, in-process cache"
    else:
        stack.services_ok()
        stack.prepare_database(args.db, reuse=args.reuse)
        stack.redis_flush()
        env = stack.app_env(args.db)
        backend = "PostgreSQL, Redis cache"
    try:
        route, ping = http(
            env, port=args.port, seconds=args.seconds, rounds=args.rounds, connections=args.connections, work=work
        )
        inproc = in_process(env, runs=args.runs, seed=args.seed)
    finally:
        if not args.sqlite and not args.keep:
            stack.drop_database(args.db)

    ok_in = float(inproc["p99"]) <= IN_PROCESS_GOAL_MS  # type: ignore[arg-type]
    ok_http = route.p99_ms <= HTTP_GOAL_MS and route.errors == 0
    cores = os.cpu_count()
    load = os.getloadavg()[0]
    lines = [
        f"Run {dt.date.today():%Y-%m-%d} by `bench/quiz_bench.py{' --sqlite' if args.sqlite else ''}` on a {cores}-core "
        f"machine (load average {load:.1f} at the end: other work shared it).",
        "",
        "| Measure | p50 | p99 | max | goal |",
        "|---|---|---|---|---|",
        f"| `match()` in-process over {inproc['candidates']} candidates ({inproc['occupations']} occupations + "
        f"{inproc['reads']} reads), {inproc['runs']:,} random answer sets, wall clock | {inproc['p50']:.2f} ms | "
        f"**{inproc['p99']:.2f} ms** | {inproc['max']:.2f} ms | ≤ {IN_PROCESS_GOAL_MS:.0f} ms p99: "
        f"{'met' if ok_in else 'NOT met'} |",
        f"| the same, CPU time of the matching thread (what the code costs, without time spent preempted) | "
        f"{inproc['cpu_p50']:.2f} ms | {inproc['cpu_p99']:.2f} ms | {inproc['cpu_max']:.2f} ms | |",
        f"| `POST /api/v1/quiz/matches`, {args.connections} concurrent clients, gunicorn, {backend} | "
        f"{route.p50_ms:.1f} ms | **{route.p99_ms:.1f} ms** | {route.max_ms:.0f} ms | ≤ {HTTP_GOAL_MS:.0f} ms p99: "
        f"{'met' if ok_http else 'NOT met'} |",
        f"| `GET /ping` (minimal view, same server and clients, for scale) | {ping.p50_ms:.1f} ms | {ping.p99_ms:.1f} ms "
        f"| {ping.max_ms:.0f} ms | |",
        "",
        f"HTTP: {args.rounds} alternating rounds of {args.seconds} s (worst round shown); quiz {route.rps:,.0f} "
        f"requests/s against {ping.rps:,.0f}/s for /ping, {route.errors} errors in {route.requests:,} quiz requests, "
        f"none writing to the database. Building the candidates (once per data version, per process): "
        f"{inproc['build_ms']:.0f} ms.",
    ]
    body = "\n".join(lines)
    print(body)
    if args.write:
        text = DOC.read_text(encoding="utf-8")
        if START not in text or END not in text:
            raise SystemExit(f"{DOC} has no {START} … {END} section")
        text = text[: text.index(START)] + f"{START}\n{body}\n{END}" + text[text.index(END) + len(END) :]
        DOC.write_text(text, encoding="utf-8")
    sys.exit(0 if ok_in and ok_http else 1)


if __name__ == "__main__":
    main()
