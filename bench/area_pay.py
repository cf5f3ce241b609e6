"""Area pay benchmark (issue 13): an occupation page with an area, p99 ≤ 50 ms at 20 concurrent
clients on PostgreSQL + Redis, beside the same page without an area, in the same run.

Creates a throwaway PostgreSQL database (default careermap_area_bench) and fills it with the real
data through bench/stack.py, as bench/load.py does (import_data with OEWS, durability_compute,
content_load; the data folder is only read), serves it with gunicorn.conf.py (DEBUG off, Redis
cache), warms up, then drives it with `wrk -t2 -c20 -d10s --latency` over loopback:

  (a) /occupations/15-1252.00/                the page without an area
  (b) /occupations/15-1252.00/?area=0041860   the same page for San Francisco-Oakland-Fremont, CA
  (c) a Lua script cycling over 200 occupations (with OEWS pay) × 20 areas (states and metro
      areas, drawn at random) = 4,000 distinct URLs, each wrk thread walking its own half, so a
      request is a cold render unless a thread comes round again (the script counts the repeats)

(a) and (b) are one URL each, so after the first request they are served from the page cache;
(c) shows what the page cache hides. Each round runs a → b → c (rounds alternate, so machine
noise hits all three alike; after each run the server is left to drain, see settle()), and (c)
gets a fresh set of 20 areas every round (and for its warm-up), so no round finds its pages
cached. Figures: mean req/s over the rounds and the worst round's p99 (wrk's own latency
histogram), and per run the share of the machine's CPU that work outside the benchmark took
(this 2-core machine is shared; see measured()).

    .venv/bin/python bench/area_pay.py [--seconds 10] [--rounds 2] [--connections 20] [--reuse] [--keep]
                                       [--profile 40] [--write]

--profile N then renders cold pages in this process (django.test.Client, cache cleared, one at a
time): N occupations without and with an area, timed with their SQL, then N area pages under
cProfile, and prints the top costs. --write puts the figures into docs/reliability.md (its
area-pay section). Exits 1 when an area page's p99, (b) or (c), is over 50 ms or any request failed.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402
from read_page import parse_wrk  # noqa: E402

ROOT = stack.ROOT
GOAL_MS = 50.0
CODE = "15-1252.00"  # Software Developers
AREA = "0041860"  # San Francisco-Oakland-Fremont, CA
OCCUPATIONS = 200
AREAS_PER_SET = 20
THREADS = 2  # wrk -t2

LUA = r"""
-- Each thread walks its own share of `paths` (thread k takes k, k + threads, ...), so until a
-- thread comes round again every request is a URL nobody has asked for.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  mine = {}
  for i = id + 1, #paths, nthreads do mine[#mine + 1] = paths[i] end
  sent = 0
end

function request()
  sent = sent + 1
  return wrk.format("GET", mine[(sent - 1) % #mine + 1])
end

function done(summary, latency, requests)
  local repeats = 0
  for _, t in ipairs(threads) do
    local share = 0
    for i = t:get("id") + 1, #paths, nthreads do share = share + 1 end
    local extra = t:get("sent") - share
    if extra > 0 then repeats = repeats + extra end
  end
  io.write(string.format("REPEATS\t%d\n", repeats))
end
"""


def p50_ms(output: str) -> float:
    value, unit = re.search(r"\s50%\s+([\d.]+)(us|ms|s)", output).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url: str, *, seconds: int, connections: int, script: Path | None = None) -> dict[str, float]:
    command = ["wrk", f"-t{THREADS}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps, p99, errors = parse_wrk(output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    repeats = re.search(r"REPEATS\t(\d+)", output)
    return {
        "rps": rps,
        "p50": p50_ms(output),
        "p99": p99,
        "errors": errors,
        "requests": requests,
        "repeats": int(repeats.group(1)) if repeats else 0,
    }


TICK = os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    """CPU seconds every process on the machine, ours or not, has run since boot (user, nice, system
    and steal; interrupts are left out, loopback traffic's softirq would otherwise count as other work)."""
    user, nice, system, _idle, _iowait, _irq, _softirq, steal = (
        int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]
    )
    return (user + nice + system + steal) / TICK


def ours_busy(server: stack.Server) -> float:
    """CPU seconds of what this benchmark runs: gunicorn and its workers, every PostgreSQL and
    Redis process, and our finished children (wrk)."""
    pids = [server.process.pid, *server.worker_pids()]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() in ("postgres", "redis-server"):
                    pids.append(int(entry.name))
            except OSError:
                continue
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / TICK  # utime, stime
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return total + children.ru_utime + children.ru_stime


def measured(server: stack.Server, run: Callable[[], dict[str, float]]) -> dict[str, float]:
    """`run()`'s figures plus `other`: the share of the machine's CPU that work outside this
    benchmark took meanwhile (other sessions' tests and browsers share this machine)."""
    machine, ours, started = machine_busy(), ours_busy(server), time.monotonic()
    result = run()
    elapsed = time.monotonic() - started
    other = (machine_busy() - machine) - (ours_busy(server) - ours)
    return result | {"other": max(0.0, other) / (elapsed * (os.cpu_count() or 1))}


def settle(server: stack.Server, *, pause: float = 3.0) -> None:
    """Let the server finish what the last run left queued (cold renders outlive wrk's connections
    and took (a)'s p99 from 28 to 122 ms when (a) ran right after (c)): a pause, then /ping until
    it answers quickly three times in a row."""
    time.sleep(pause)
    fast = 0
    deadline = time.monotonic() + 30
    while fast < 3 and time.monotonic() < deadline:
        started = time.perf_counter()
        stack.http_status(f"{server.url}/ping", timeout=5)
        fast = fast + 1 if time.perf_counter() - started < 0.02 else 0
        time.sleep(0.2)


def lua_script(path: Path, urls: list[str]) -> Path:
    quoted = ", ".join("'" + url + "'" for url in urls)  # paths of digits, dots, dashes and ?area=
    path.write_text(f"paths = {{{quoted}}}\nnthreads = {THREADS}\n" + LUA)
    return path


def choose(db: str, *, rounds: int, seed: int) -> tuple[list[str], list[list[str]]]:
    """200 occupations that have OEWS pay, and one set of 20 areas for the warm-up and each round."""
    rng = random.Random(seed)
    codes = stack.psql("SELECT code FROM occupations_occupation WHERE wage_soc_code <> '' ORDER BY code", db).split()
    areas = stack.psql("SELECT code FROM occupations_area WHERE kind <> 'national' ORDER BY code", db).split()
    if len(codes) < OCCUPATIONS or len(areas) < AREAS_PER_SET * (rounds + 1):
        raise SystemExit(f"too little OEWS data: {len(codes)} occupations with pay, {len(areas)} areas")
    rng.shuffle(areas)
    sets = [areas[i * AREAS_PER_SET : (i + 1) * AREAS_PER_SET] for i in range(rounds + 1)]
    return sorted(rng.sample(codes, OCCUPATIONS)), sets


def cold_urls(codes: list[str], areas: list[str], rng: random.Random) -> list[str]:
    urls = [f"/occupations/{code}/?area={area}" for code in codes for area in areas]
    rng.shuffle(urls)
    return urls


def profile(env: dict[str, str], codes: list[str], areas: list[str], count: int) -> str:
    """Cold renders in this process (django.test.Client, one at a time, cache cleared first):
    `count` occupation pages without an area and `count` with one (same occupations), timed with
    their SQL; then `count` more area pages under cProfile, with the top costs."""
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careermap.settings")
    sys.path.insert(0, str(ROOT))
    import logging

    import django

    django.setup()
    logging.disable(logging.INFO)  # the request log line of every page
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for url in (f"/occupations/{CODE}/?area={AREA}", f"/occupations/{codes[-1]}/?area={areas[-1]}"):
        client.get(url)  # imports, connections, the state outlines: not what a cold page costs
    sql = {"queries": 0, "ms": 0.0}

    def timed_sql(execute, query, params, many, context):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        try:
            return execute(query, params, many, context)
        finally:
            sql["queries"] += 1
            sql["ms"] += (time.perf_counter() - started) * 1000

    def get(url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")

    labels = ("without an area", "with an area")
    pairs = [
        (f"/occupations/{code}/", f"/occupations/{code}/?area={areas[i % len(areas)]}")
        for i, code in enumerate(codes[:count])
    ]
    wall: dict[str, list[float]] = {label: [] for label in labels}
    queries = dict.fromkeys(labels, 0)
    sql_ms = dict.fromkeys(labels, 0.0)
    cache.clear()
    with connection.execute_wrapper(timed_sql):
        for pair in pairs:  # alternating, so drift in the machine's speed hits both alike
            for label, url in zip(labels, pair, strict=True):
                sql.update(queries=0, ms=0.0)
                started = time.perf_counter()
                get(url)
                wall[label].append((time.perf_counter() - started) * 1000)
                queries[label] += int(sql["queries"])
                sql_ms[label] += sql["ms"]
    out = io.StringIO()
    out.write(f"Cold renders in-process, one at a time, cache cleared first, the same {count} occupations each:\n")
    for label in labels:
        times = sorted(wall[label])
        out.write(
            f"  {label:16} median {stack.percentile(times, 0.5):5.1f} ms, p90 {stack.percentile(times, 0.9):5.1f} ms, "
            f"worst {times[-1]:5.1f} ms; SQL {queries[label] / count:.1f} queries, {sql_ms[label] / count:.1f} ms a page\n"
        )
    cache.clear()
    urls = [
        f"/occupations/{code}/?area={areas[(i + 7) % len(areas)]}" for i, code in enumerate(codes[count : 2 * count])
    ]
    profiler = cProfile.Profile()
    for url in urls:
        profiler.enable()
        get(url)
        profiler.disable()
    prefix = str(ROOT) + "/"
    total = pstats.Stats(profiler).stats  # type: ignore[attr-defined]

    def cumulative(filename: str, function: str) -> float:
        return sum(v[3] for (f, _, name), v in total.items() if f.endswith(filename) and name == function)

    page = cumulative("occupations/views.py", "_render_occupation")
    parts = [
        ("template (render_to_string)", cumulative("template/loader.py", "render_to_string")),
        ("occupation_get (occupation, titles, tasks, related...)", cumulative("selectors.py", "occupation_get")),
        ("pay_context (OEWS rows, figures, state map)", cumulative("paypage.py", "pay_context")),
        ("  of which the state map (SVG)", cumulative("paypage.py", "state_map")),
    ]
    out.write(
        f"\nWhere a cold area page's time goes ({len(urls)} pages under cProfile, {1000 * page / len(urls):.1f} ms a page):\n"
    )
    for label, seconds in parts:
        out.write(f"  {label:56} {1000 * seconds / len(urls):5.1f} ms  {100 * seconds / page:3.0f}%\n")
    for order, restriction, title in (
        ("cumulative", "/careermap/", "the project's functions by cumulative time"),
        ("tottime", "", "all functions by own time"),
    ):
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text).sort_stats(order)
        stats.print_stats(*([restriction] if restriction else []), 22)
        body = re.sub(r"\S*/site-packages/", "", text.getvalue()).replace(prefix, "")
        out.write(f"\n{len(urls)} cold area pages under cProfile, {title}:\n{body.strip()}\n")
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=5, help="seconds of unmeasured load on each route first")
    parser.add_argument("--port", type=int, default=8767)
    parser.add_argument("--db", default="careermap_area_bench")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it already holds the data")
    parser.add_argument("--keep", action="store_true", help="keep --db afterwards (default: drop it)")
    parser.add_argument("--profile", type=int, default=0, help="then profile this many cold area pages in-process")
    parser.add_argument("--write", action="store_true", help="write the figures into docs/reliability.md")
    args = parser.parse_args()

    stack.services_ok()
    work = stack.workdir("area-bench")
    summaries = stack.prepare_database(args.db, reuse=args.reuse)
    if stack.psql("SELECT count(*) FROM occupations_wage", args.db) in ("", "0"):
        raise SystemExit("no OEWS pay in the database: is bls_oews_may2025/ in the data folder?")
    stack.redis_flush()
    env = stack.app_env(args.db)
    rng = random.Random(args.seed)
    codes, area_sets = choose(args.db, rounds=args.rounds, seed=args.seed)
    distinct = OCCUPATIONS * AREAS_PER_SET
    names = {
        "a": f"(a) /occupations/{CODE}/",
        "b": f"(b) /occupations/{CODE}/?area={AREA}",
        "c": f"(c) {OCCUPATIONS} occupations × {AREAS_PER_SET} areas, cold",
    }
    runs: dict[str, list[dict[str, float]]] = {key: [] for key in names}
    profiled = ""
    try:
        with stack.gunicorn(env, args.port, work) as server:
            if server.process.poll() is not None:  # another server holds the port and answered /ping
                raise SystemExit(f"gunicorn could not start on port {args.port}: see {server.log_path}")
            for path in (
                f"/occupations/{CODE}/",
                f"/occupations/{CODE}/?area={AREA}",
                f"/occupations/{codes[0]}/?area={area_sets[0][0]}",
            ):
                if (status := stack.http_status(server.url + path, timeout=60)) != 200:
                    raise SystemExit(f"{path}: HTTP {status}")
            stack.log(f"warm-up: {args.warmup} s on each of (a), (b) and (c) (c on areas no round uses)")
            wrk(f"{server.url}/occupations/{CODE}/", seconds=args.warmup, connections=args.connections)
            wrk(f"{server.url}/occupations/{CODE}/?area={AREA}", seconds=args.warmup, connections=args.connections)
            script = lua_script(work / "warmup.lua", cold_urls(codes, area_sets[0], rng))
            wrk(server.url, seconds=args.warmup, connections=args.connections, script=script)
            settle(server)
            for n in range(args.rounds):
                stack.log(
                    f"round {n + 1} of {args.rounds}: (a), (b), (c), {args.seconds} s each at {args.connections} connections"
                )
                a_url = f"{server.url}/occupations/{CODE}/"
                b_url = f"{server.url}/occupations/{CODE}/?area={AREA}"
                script = lua_script(work / f"round{n}.lua", cold_urls(codes, area_sets[n + 1], rng))
                for key, url, lua in (("a", a_url, None), ("b", b_url, None), ("c", server.url, script)):
                    runs[key].append(
                        measured(
                            server,
                            lambda url=url, lua=lua: wrk(
                                url, seconds=args.seconds, connections=args.connections, script=lua
                            ),
                        )
                    )
                    settle(server)
        tracebacks = sum("Traceback" in line for line in server.log_path.read_text().splitlines())
        if args.profile:
            stack.log(f"profiling {args.profile} cold area pages in-process")
            extra = stack.psql(
                "SELECT code FROM occupations_area WHERE kind <> 'national' ORDER BY code", args.db
            ).split()
            extra = [a for a in extra if all(a not in s for s in area_sets)] or area_sets[0]
            rng.shuffle(extra)
            profiled = profile(env, codes, extra[:AREAS_PER_SET], min(args.profile, OCCUPATIONS // 2))
    finally:
        if not args.keep:
            stack.drop_database(args.db)
        shutil.rmtree(work, ignore_errors=True)

    result = {
        key: {
            "rps": sum(r["rps"] for r in rounds) / len(rounds),
            "p50": max(r["p50"] for r in rounds),
            "p99": max(r["p99"] for r in rounds),
            "errors": sum(r["errors"] for r in rounds),
            "requests": sum(r["requests"] for r in rounds),
            "repeats": sum(r["repeats"] for r in rounds),
        }
        for key, rounds in runs.items()
    }
    verdict = {key: result[key]["p99"] <= GOAL_MS and result[key]["errors"] == 0 for key in ("b", "c")}
    rows = [
        f"| Route (wrk -t2 -c{args.connections}, {args.rounds} rounds of {args.seconds} s) | req/s | p50 | p99 | errors "
        f"| req/s vs (a) | p99 ≤ {GOAL_MS:.0f} ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, name in names.items():
        r = result[key]
        ratio = f"{r['rps'] / result['a']['rps']:.2f}×" if key != "a" else "1.00×"
        goal = ("PASS" if verdict[key] else "FAIL") if key in verdict else ""
        rows.append(
            f"| {name} | {r['rps']:,.0f} | {r['p50']:.1f} ms | {r['p99']:.1f} ms | {r['errors']:,.0f} | {ratio} | {goal} |"
        )
    c = result["c"]
    notes = [
        f"(c): {distinct:,} distinct URLs per round (a fresh set of {AREAS_PER_SET} areas each round, "
        f"{OCCUPATIONS} occupations with OEWS pay); {c['requests']:,.0f} requests, of which "
        f"{c['repeats']:,.0f} came back to a URL already rendered in that round (page cache hits), "
        f"so {100 * (c['requests'] - c['repeats']) / max(c['requests'], 1):.0f}% were cold renders.",
        f"p99 (b) / (a): {result['b']['p99'] / result['a']['p99']:.2f}×, (c) / (a): {c['p99'] / result['a']['p99']:.2f}×; "
        f"tracebacks in the server log: {tracebacks}.",
        "Per round, req/s and p99: "
        + "; ".join(
            f"{key} " + ", ".join(f"{r['rps']:,.0f} req/s {r['p99']:.1f} ms" for r in rounds)
            for key, rounds in runs.items()
        )
        + " (the table: mean req/s, worst round's p50 and p99). Share of the machine's CPU taken by work "
        "outside this benchmark during each run (other sessions' tests and browsers; /proc/stat less gunicorn, "
        "wrk, PostgreSQL and Redis): "
        + "; ".join(f"{key} " + ", ".join(f"{100 * r['other']:.0f}%" for r in rounds) for key, rounds in runs.items())
        + ".",
    ]
    setup = (
        f"gunicorn.conf.py, DEBUG off, PostgreSQL with the real data "
        f"({'; '.join(line.rstrip('.') for line in summaries) if summaries else 'reused database'}), Redis cache; "
        f"{stack.machine_line()}."
    )
    print()
    print(setup)
    print("\n".join(rows))
    print("\n".join(notes))
    ok = all(verdict.values()) and tracebacks == 0
    print(
        f"area page p99 ≤ {GOAL_MS:.0f} ms at {args.connections} clients: (b) {'PASS' if verdict['b'] else 'FAIL'}, (c) {'PASS' if verdict['c'] else 'FAIL'}"
    )
    if profiled:
        print()
        print(profiled)

    if args.write:
        body = "\n".join(
            [
                "## Area pay (`bench/area_pay.py`, `make bench-area`)",
                "",
                "Issue 13's goal: an occupation page with an area, p99 ≤ 50 ms at 20 concurrent clients on "
                "PostgreSQL + Redis, beside the page without an area. " + setup,
                "",
                *rows,
                "",
                *notes,
            ]
        )
        stack.update_reliability("area-pay", body)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
