"""Soak: the mixed workload of bench/load.py for 10 minutes, watching gunicorn worker memory.

Same stack as bench/load.py (PostgreSQL with the real data, Redis, gunicorn.conf.py with worker
recycling off). After a warm-up (search index built, caches filled) it reads each worker's RSS from
/proc, then drives wrk for --minutes while sampling RSS every --every seconds.

    .venv/bin/python bench/soak.py [--minutes 10] [--connections 32] [--reuse] [--keep]

Goal (issue 8): worker memory grows less than 10% from the post-warm-up reading to the end (also
checked for the peak). Writes the figures into docs/reliability.md; exits 1 when the goal is missed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

GOAL = 0.10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=30, help="seconds of load before the baseline reading")
    parser.add_argument("--every", type=int, default=15, help="seconds between RSS readings")
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--db", default="careermap_bench")
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-doc", action="store_true")
    args = parser.parse_args()

    stack.services_ok()
    work = stack.workdir("soak")
    stack.prepare_database(args.db, reuse=args.reuse)
    stack.redis_flush()
    env = stack.app_env(args.db, GUNICORN_MAX_REQUESTS="0")
    seconds = int(args.minutes * 60)
    readings: list[tuple[float, dict[int, int]]] = []
    try:
        with stack.gunicorn(env, args.port, work) as server:
            routes, notes = stack.workload(server)
            for note in notes:
                print(f"NOTE: {note}")
            stack.log(f"warm-up: {args.warmup} s")
            stack.run_wrk(server, routes, seconds=args.warmup, connections=args.connections, workdir=work)
            workers = server.worker_pids()
            readings.append((0.0, server.worker_rss_kib()))
            stack.log(f"baseline RSS (KiB) {readings[0][1]}; soaking for {seconds} s")
            script = work / "soak.lua"
            script.write_text(stack.lua_script(routes))
            # wrk prints every sample at the end: into a file, as a pipe would fill and block it.
            out_path = work / "soak.out"
            out_file = open(out_path, "w")  # noqa: SIM115
            wrk = subprocess.Popen(
                [
                    "wrk",
                    f"-t{args.connections}",
                    f"-c{args.connections}",
                    f"-d{seconds}s",
                    "--timeout=10s",
                    "-s",
                    str(script),
                    server.url + "/",
                ],
                stdout=out_file,
            )
            started = time.monotonic()
            while wrk.poll() is None:
                time.sleep(args.every)
                if wrk.poll() is None:
                    elapsed = time.monotonic() - started
                    readings.append((elapsed, server.worker_rss_kib()))
                    total = sum(readings[-1][1].values())
                    stack.log(f"{elapsed:5.0f} s: workers RSS {total / 1024:.1f} MiB")
            out_file.close()
            output = out_path.read_text()
            readings.append((time.monotonic() - started, server.worker_rss_kib()))
            recycled = server.worker_pids() != workers
        result = stack.parse_wrk(output, routes)
        server_errors = [line for line in server.log_path.read_text().splitlines() if "Traceback" in line]
    finally:
        if not args.keep:
            stack.drop_database(args.db)
        shutil.rmtree(work, ignore_errors=True)

    base = readings[0][1]
    end = readings[-1][1]
    rows = ["| Worker | after warm-up | peak | end | growth (end) | growth (peak) |", "|---|---|---|---|---|---|"]
    growths = []
    for number, pid in enumerate(workers, start=1):
        peak = max(reading.get(pid, 0) for _, reading in readings)
        growth_end = end.get(pid, 0) / base[pid] - 1
        growth_peak = peak / base[pid] - 1
        growths += [growth_end, growth_peak]
        rows.append(
            f"| {number} | {base[pid] / 1024:.1f} MiB | {peak / 1024:.1f} MiB | {end.get(pid, 0) / 1024:.1f} MiB "
            f"| {100 * growth_end:+.1f}% | {100 * growth_peak:+.1f}% |"
        )
    worst = max(growths)
    ok = worst < GOAL and not recycled and result.errors == 0
    print("\n".join(rows))
    print(f"requests: {result.requests:,} ({result.rps:,.0f}/s), errors {result.errors}; workers recycled: {recycled}")
    print(f"worst growth {100 * worst:+.1f}% (goal < {100 * GOAL:.0f}%): {'met' if ok else 'NOT met'}")

    if not args.no_doc:
        series = ", ".join(
            f"{t / 60:.1f} min {sum(r.values()) / 1024:.0f}" for t, r in readings[:: max(1, len(readings) // 10)]
        )
        body = "\n".join(
            [
                "## Soak (`bench/soak.py`, `make soak`)",
                "",
                f"The mixed workload of `bench/load.py` for {args.minutes:g} minutes at {args.connections} connections "
                f"after a {args.warmup} s warm-up; gunicorn.conf.py with worker recycling off "
                f"(GUNICORN_MAX_REQUESTS=0); RSS read from /proc every {args.every} s; {stack.machine_line()}.",
                "",
                *rows,
                "",
                f"{result.requests:,} requests ({result.rps:,.0f}/s), {result.errors} errors, "
                f"{len(server_errors)} tracebacks in the server log; workers recycled during the run: {'yes' if recycled else 'no'}.",
                f"Total worker RSS over time (MiB): {series}.",
                f"Worst growth {100 * worst:+.1f}% (goal < {100 * GOAL:.0f}%): **{'met' if ok else 'NOT met'}**.",
            ]
        )
        stack.update_reliability("soak", body)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
