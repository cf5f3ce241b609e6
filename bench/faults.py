"""Scripted fault checks, each repeatable: run them all, or some with --only.

    .venv/bin/python bench/faults.py [--only postgres,redis,kill-content,kill-import,disk-full,read-only]

postgres      PostgreSQL stopped for a few seconds under load, then started again: while it is down,
              requests must fail fast (no 500s, no hangs: 503 from /healthz and pages alike), and
              the same gunicorn workers must serve 200s again on their own once it is back.
redis         Redis stopped under load: every page keeps answering 200 (uncached); /healthz says 503;
              after Redis is back, /healthz is 200 again without an app restart.
kill-content  `content_load` killed with SIGKILL in the middle of its transaction (held at its last
              insert by a table lock this script takes): the previous reads are intact and served.
kill-import   `import_data` killed with SIGKILL at several moments of its write transaction: the
              previous data (and its import time) is intact and served.
disk-full     `import_data` into a PostgreSQL tablespace on a small tmpfs that is full, and into an
              SQLite database on a full tmpfs: a clear error, the previous data intact.
read-only     `import_data` into an SQLite database whose directory is mounted read-only: a clear
              error, the previous data intact.

Each outage of the shared PostgreSQL or Redis is kept under 30 s, and both are started again in a
`finally` whatever happens. Works on a throwaway database (default careermap_bench) with the real
data, dropped afterwards; the shared data folder is only read. Needs root (mount, pg_ctlcluster).
Writes the results into docs/reliability.md; exits 1 when a check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

FAIL_FAST_MS = 5000  # a request while PostgreSQL is down must answer within this
OUTAGE_SECONDS = 8
APP_NAME = "careermap-fault"


@dataclasses.dataclass
class Check:
    name: str
    ok: bool
    details: list[str]


# ---------------------------------------------------------------------------------------------
# Probing the site while something breaks


class Prober:
    """Threads requesting `paths` in turn, recording (time, path, status, milliseconds)."""

    def __init__(self, base: str, paths: list[str], threads: int = 6) -> None:
        self.base = base
        self.paths = paths
        self.threads = threads
        self.samples: list[tuple[float, str, int, float]] = []
        self._stop = threading.Event()
        self._workers: list[threading.Thread] = []
        self._lock = threading.Lock()

    def _run(self, offset: int) -> None:
        index = offset
        while not self._stop.is_set():
            path = self.paths[index % len(self.paths)]
            index += 1
            started = time.monotonic()
            status = stack.http_status(self.base + path, timeout=30, headers={"X-Forwarded-For": f"192.0.2.{offset}"})
            with self._lock:
                self.samples.append((started, path, status, 1000 * (time.monotonic() - started)))
            time.sleep(0.02)

    def __enter__(self) -> Prober:
        for offset in range(self.threads):
            thread = threading.Thread(target=self._run, args=(offset,), daemon=True)
            thread.start()
            self._workers.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for thread in self._workers:
            thread.join(timeout=40)

    def between(self, start: float, end: float) -> list[tuple[float, str, int, float]]:
        with self._lock:
            return [s for s in self.samples if start <= s[0] < end]


def statuses(samples: list[tuple[float, str, int, float]]) -> str:
    counts = Counter(status for _, _, status, _ in samples)
    return ", ".join(f"{status or 'no answer'}×{n}" for status, n in sorted(counts.items()))


def site_paths(server: stack.Server) -> list[str]:
    routes, _ = stack.workload(server)
    by_name = {route.name: route for route in routes}
    paths = ["/", by_name["read"].paths[0], by_name["sources"].paths[1], by_name["occupation"].paths[0]]
    paths += [by_name["occupation"].paths[1].replace("/occupations/", "/api/v1/occupations/").rstrip("/")]
    if "search API" in by_name:
        paths.append(by_name["search API"].paths[0])
    return paths


# ---------------------------------------------------------------------------------------------
# Fingerprints of what the site serves


def pg_url(db: str) -> str:
    return f"{stack.PG}/{db}"


def fingerprint_rows(fetch: Callable[[str], list[tuple[object, ...]]]) -> dict[str, object]:
    """Counts and hashes of the reads and the occupation data, and the markers a successful load
    would change (the last content release, the import time)."""
    result: dict[str, object] = {}
    for name, sql in (
        ("reads", "SELECT slug, html, document FROM content_read ORDER BY slug"),
        ("occupations", "SELECT code, title, description FROM occupations_occupation ORDER BY code"),
        ("titles", "SELECT occupation_id, title FROM occupations_alternatetitle ORDER BY occupation_id, title, id"),
        ("tasks", "SELECT task_id, statement FROM occupations_task ORDER BY task_id"),
        ("exposure", "SELECT occupation_id, measure_id, value FROM occupations_exposurescore ORDER BY id"),
        ("projections", "SELECT occupation_id, median_wage FROM occupations_projection ORDER BY occupation_id"),
        ("durability", "SELECT occupation_id, score FROM durability_durabilityscore ORDER BY occupation_id"),
    ):
        rows = fetch(sql)
        result[name] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16])
    result["content_release"] = fetch("SELECT max(id) FROM content_contentrelease")[0][0]
    result["imported_at"] = str(fetch("SELECT max(imported_at) FROM occupations_dataset")[0][0])
    return result


def pg_fingerprint(db: str) -> dict[str, object]:
    with psycopg.connect(pg_url(db), autocommit=True) as conn:
        return fingerprint_rows(lambda sql: conn.execute(sql).fetchall())  # type: ignore[arg-type]


def sqlite_fingerprint(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return fingerprint_rows(lambda sql: conn.execute(sql).fetchall())
    finally:
        conn.close()


def describe(fp: dict[str, object]) -> str:
    return (
        f"{fp['reads'][0]} reads, {fp['occupations'][0]:,} occupations, {fp['titles'][0]:,} titles, "  # type: ignore[index]
        f"{fp['tasks'][0]:,} tasks, {fp['durability'][0]} durability scores"  # type: ignore[index]
    )


def serves(server: stack.Server, paths: list[str]) -> bool:
    failed = {path: status for path in paths if (status := stack.http_status(server.url + path, timeout=90)) != 200}
    if failed:
        stack.log(f"not served: {failed}; server log tail: {server.log_path.read_text()[-1500:]}")
    return not failed


def backends(conn: psycopg.Connection, app: str, where: str = "true") -> int:
    row = conn.execute(
        f"SELECT count(*) FROM pg_stat_activity WHERE application_name = %s AND {where}", (app,)
    ).fetchone()
    return int(row[0]) if row else 0


# ---------------------------------------------------------------------------------------------
# The checks


def check_postgres(server: stack.Server) -> Check:
    paths = site_paths(server) + ["/healthz"]
    workers = server.worker_pids()
    details: list[str] = []
    pg_down = pg_up = 0.0
    with Prober(server.url, paths) as prober:
        time.sleep(3)
        try:
            pg_down = time.monotonic()
            stack.pg_stop()
            stopped = time.monotonic()
            time.sleep(OUTAGE_SECONDS)
        finally:
            restart = time.monotonic()
            stack.pg_start()
            pg_up = time.monotonic()
        time.sleep(20)
        end = time.monotonic()
    # Before: requests that ended before the stop (a slow one started just before it may fail with it).
    before = [s for s in prober.between(0, pg_down) if s[0] + s[3] / 1000 < pg_down]
    down = prober.between(stopped + 0.5, restart)
    after = prober.between(pg_up, end)
    bad_after = [s for s in after if s[2] != 200]
    recovered_in = (max(s[0] for s in bad_after) - pg_up) if bad_after else 0.0
    slowest = max((s[3] for s in down), default=0.0)
    down_statuses = {s[2] for s in down}
    fast = slowest < FAIL_FAST_MS
    # 503 is the honest answer for anything that needs the database; a page served from the cache
    # (a rendered read) or from memory (search) may still answer 200. Anything else is a failure.
    only_503 = down_statuses <= {200, 503} and 503 in down_statuses
    settled = not [s for s in after if s[0] > pg_up + 10 and s[2] != 200]
    same_workers = server.worker_pids() == workers
    details += [
        f"outage {restart - pg_down:.1f} s (PostgreSQL stopped with -m fast, started again)",
        f"before: {statuses(before)}"
        + "".join(
            f"; {p} {statuses([s for s in before if s[1] == p])}"
            for p in paths
            if any(s[1] == p and s[2] != 200 for s in before)
        ),
        f"while down: {statuses(down)}; slowest answer {slowest:.0f} ms (goal < {FAIL_FAST_MS} ms)",
        "per path while down: " + "; ".join(f"{p} {statuses([s for s in down if s[1] == p])}" for p in paths),
        f"after: {statuses(after)}; all 200 again {recovered_in:.1f} s after PostgreSQL was back",
        f"same gunicorn workers throughout (no app restart): {same_workers}",
    ]
    if not only_503:
        details.append(
            "FAILED: while PostgreSQL was down some requests got a status other than 503 (or 200 from cache)"
        )
    return Check("PostgreSQL restarted during load", fast and only_503 and settled and same_workers, details)


def check_redis(server: stack.Server) -> Check:
    paths = site_paths(server)
    workers = server.worker_pids()
    details: list[str] = []
    with Prober(server.url, paths + ["/healthz"]) as prober:
        time.sleep(3)
        try:
            down_at = time.monotonic()
            stack.redis_stop()
            time.sleep(10)
        finally:
            up_at = time.monotonic()
            stack.redis_start()
            back = time.monotonic()
        healthy_after = stack.wait_for(lambda: stack.http_status(server.url + "/healthz") == 200, 20, "healthz 200")
        time.sleep(3)
        end = time.monotonic()
    down = [s for s in prober.between(down_at + 0.5, up_at) if s[1] != "/healthz"]
    health_down = [s for s in prober.between(down_at + 0.5, up_at) if s[1] == "/healthz"]
    after = [s for s in prober.between(back, end) if s[1] != "/healthz"]
    slowest = max((s[3] for s in down), default=0.0)
    pages_ok = bool(down) and all(s[2] == 200 for s in down) and all(s[2] == 200 for s in after)
    same_workers = server.worker_pids() == workers
    details += [
        f"outage {up_at - down_at:.1f} s (redis-cli shutdown nosave, then redis-server as the machine starts it)",
        f"pages while Redis was down: {statuses(down)}; slowest {slowest:.0f} ms",
        f"/healthz while down: {statuses(health_down)}; 200 again {healthy_after:.1f} s after Redis was back",
        f"pages after: {statuses(after)}; same gunicorn workers: {same_workers}",
    ]
    return Check("Redis down", pages_ok and same_workers, details)


def check_kill_content(server: stack.Server, db: str, env: dict[str, str]) -> Check:
    paths = site_paths(server)[:3]
    before = pg_fingerprint(db)
    details = [f"before: {describe(before)}, content release {before['content_release']}"]
    with psycopg.connect(pg_url(db), autocommit=True) as watcher, psycopg.connect(pg_url(db)) as locker:
        # content_load deletes and re-inserts every read, then inserts a ContentRelease: this lock holds it there.
        locker.execute("LOCK TABLE content_contentrelease IN SHARE MODE")
        process = subprocess.Popen(
            [stack.PY, "manage.py", "content_load"],
            cwd=stack.ROOT,
            env=env | {"PGAPPNAME": APP_NAME},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        stack.wait_for(
            lambda: backends(watcher, APP_NAME, "wait_event_type = 'Lock'") == 1, 60, "content_load to block"
        )
        written = watcher.execute(
            "SELECT backend_xid IS NOT NULL FROM pg_stat_activity WHERE application_name = %s", (APP_NAME,)
        ).fetchone()
        served_meanwhile = serves(server, paths)
        process.send_signal(signal.SIGKILL)
        process.wait()
        locker.rollback()
        gone = stack.wait_for(lambda: backends(watcher, APP_NAME) == 0, 30, "the killed backend to go")
    after = pg_fingerprint(db)
    served = serves(server, paths)
    details += [
        f"content_load held at its last insert with its rows already rewritten (transaction has an id: {bool(written and written[0])}), "
        f"then SIGKILL (exit {process.returncode}); its backend rolled back and left {gone:.1f} s later",
        f"pages served 200 while it was held: {served_meanwhile}; after the kill: {served}",
        f"after: {describe(after)}, content release {after['content_release']}; identical to before: {after == before}",
    ]
    ok = process.returncode == -signal.SIGKILL and after == before and served and served_meanwhile
    return Check("SIGKILL in the middle of content_load", ok, details)


def check_kill_import(server: stack.Server, db: str, env: dict[str, str], delays: tuple[float, ...]) -> Check:
    paths = site_paths(server)[3:5]
    before = pg_fingerprint(db)
    details = [f"before: {describe(before)}, imported at {before['imported_at']}"]
    ok = True
    with psycopg.connect(pg_url(db), autocommit=True) as watcher:
        for delay in delays:
            process = subprocess.Popen(
                [stack.PY, "manage.py", "import_data"],
                cwd=stack.ROOT,
                env=env | {"PGAPPNAME": APP_NAME},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            # The parse takes seconds; the write starts when the transaction gets an id (first delete).
            stack.wait_for(
                lambda p=process: backends(watcher, APP_NAME, "backend_xid IS NOT NULL") == 1 or p.poll() is not None,
                120,
                "import_data to start writing",
            )
            time.sleep(delay)
            killed = process.poll() is None
            process.send_signal(signal.SIGKILL)
            process.wait()
            stack.wait_for(lambda: backends(watcher, APP_NAME) == 0, 30, "the killed backend to go")
            after = pg_fingerprint(db)
            served = serves(server, paths)
            same = after == before
            ok = ok and killed and same and served
            details.append(
                f"SIGKILL {delay:.1f} s into the write transaction (still running: {killed}): "
                f"data identical to before: {same}; occupation pages 200: {served}"
            )
    return Check("SIGKILL in the middle of import_data", ok, details)


@contextlib.contextmanager
def tmpfs(path: Path, size: str) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def fill(path: Path, leave_bytes: int) -> Path:
    """A ballast file that leaves about `leave_bytes` free on the filesystem holding `path`."""
    ballast = path / "ballast"
    stat = os.statvfs(path)
    free = stat.f_bavail * stat.f_frsize - leave_bytes
    with open(ballast, "wb") as handle:
        chunk = b"\0" * (1 << 20)
        while free > 0:
            handle.write(chunk[: min(len(chunk), free)])
            free -= len(chunk)
    return ballast


def clear_error(output: str, *needles: str) -> tuple[bool, str]:
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    # The line that names the cause (PostgreSQL adds a HINT after it), else the last one.
    named = [line for line in lines if any(n.lower() in line.lower() for n in needles)]
    last = named[-1] if named else (lines[-1] if lines else "")
    traceback = "Traceback (most recent call last)" in output
    return any(n.lower() in last.lower() for n in needles) and not traceback, last


def run_import(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [stack.PY, "manage.py", "import_data"], cwd=stack.ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def check_disk_full_postgres(work: Path, port: int) -> Check:
    db, space = "careermap_fault_disk", "careermap_fault_disk"
    mount = work / "pg-tmpfs"
    details: list[str] = []
    with tmpfs(mount, "160m"):
        location = mount / "pg"
        location.mkdir()
        shutil.chown(location, "postgres", "postgres")
        try:
            stack.psql(f"CREATE TABLESPACE {space} LOCATION '{location}'")
            stack.psql(f"CREATE DATABASE {db} TABLESPACE {space}")
            env = stack.app_env(db)
            stack.manage(env, "migrate", "--noinput", "-v0")
            stack.manage(env, "import_data")
            stack.manage(env, "durability_compute")
            stack.manage(env, "content_load")
            before = pg_fingerprint(db)
            ballast = fill(mount, 256 * 1024)
            result = run_import(env)
            clear, last = clear_error(result.stdout + result.stderr, "space left on device", "disk")
            ballast.unlink()
            after = pg_fingerprint(db)
            with stack.gunicorn(env, port, work) as server:
                served = serves(server, site_paths(server))
            details += [
                "PostgreSQL database in a tablespace on a 160 MiB tmpfs, filled to the last 256 KiB; WAL stays on the main disk",
                f"import_data exit {result.returncode}; last line: `{last[:200]}`; "
                f"{'no traceback' if clear else 'a traceback or an unclear message'}",
                f"previous data identical: {after == before} ({describe(after)}); pages 200 afterwards: {served}",
            ]
            ok = result.returncode != 0 and after == before and served
            if not clear:
                details.append(
                    "NOTE: the error names the cause, but as a raw traceback rather than a one-line CommandError"
                )
            return Check("Full disk during import_data (PostgreSQL)", ok, details)
        finally:
            stack.psql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
            stack.psql(f"DROP TABLESPACE IF EXISTS {space}")


def sqlite_seed(work: Path) -> Path:
    """One SQLite database with the real data, copied into the places the checks break."""
    seed = work / "seed.sqlite3"
    env = stack.app_env("unused") | {"DATABASE_URL": f"sqlite:///{seed}"}
    env.pop("REDIS_URL")
    stack.manage(env, "migrate", "--noinput", "-v0")
    stack.manage(env, "import_data")
    stack.manage(env, "durability_compute")
    stack.manage(env, "content_load")
    conn = sqlite3.connect(seed)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return seed


def sqlite_env(path: Path) -> dict[str, str]:
    env = stack.app_env("unused") | {"DATABASE_URL": f"sqlite:///{path}"}
    env.pop("REDIS_URL")
    return env


def check_disk_full_sqlite(work: Path, seed: Path, port: int) -> Check:
    mount = work / "sqlite-tmpfs"
    with tmpfs(mount, "128m"):
        path = mount / "careermap.sqlite3"
        shutil.copy(seed, path)
        before = sqlite_fingerprint(path)
        ballast = fill(mount, 64 * 1024)
        result = run_import(sqlite_env(path))
        clear, last = clear_error(result.stdout + result.stderr, "full")
        ballast.unlink()
        after = sqlite_fingerprint(path)
        with stack.gunicorn(sqlite_env(path), port, work) as server:
            served = serves(server, site_paths(server))
    details = [
        "SQLite database (WAL mode) on a 128 MiB tmpfs filled to the last 64 KiB",
        f"import_data exit {result.returncode}; last line: `{last[:200]}`; {'no traceback' if clear else 'a traceback'}",
        f"previous data identical: {after == before} ({describe(after)}); pages 200 afterwards: {served}",
    ]
    if not clear:
        details.append("NOTE: the error names the cause, but as a raw traceback rather than a one-line CommandError")
    return Check(
        "Full disk during import_data (SQLite)", result.returncode != 0 and after == before and served, details
    )


def check_read_only(work: Path, seed: Path, port: int) -> Check:
    folder = work / "sqlite-ro"
    folder.mkdir()
    path = folder / "careermap.sqlite3"
    shutil.copy(seed, path)
    before = sqlite_fingerprint(path)
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        result = run_import(sqlite_env(path))
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    clear, last = clear_error(result.stdout + result.stderr, "readonly", "read-only", "unable to open")
    after = sqlite_fingerprint(path)
    with stack.gunicorn(sqlite_env(path), port, work) as server:
        served = serves(server, site_paths(server))
    details = [
        "SQLite database whose directory is bind-mounted read-only (root ignores file modes, a read-only mount does not)",
        f"import_data exit {result.returncode}; last line: `{last[:200]}`; {'no traceback' if clear else 'a traceback'}",
        f"previous data identical: {after == before} ({describe(after)}); pages 200 afterwards: {served}",
    ]
    if not clear:
        details.append("NOTE: the error names the cause, but as a raw traceback rather than a one-line CommandError")
    return Check(
        "Unwritable data directory during import_data (SQLite)",
        result.returncode != 0 and after == before and served,
        details,
    )


# ---------------------------------------------------------------------------------------------


ALL = ("postgres", "redis", "kill-content", "kill-import", "disk-full", "read-only")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default=",".join(ALL), help=f"comma-separated subset of {', '.join(ALL)}")
    parser.add_argument("--port", type=int, default=8768)
    parser.add_argument("--db", default="careermap_bench")
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--no-doc", action="store_true")
    args = parser.parse_args()
    wanted = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(wanted) - set(ALL)
    if unknown:
        raise SystemExit(f"unknown checks: {', '.join(sorted(unknown))}")
    if os.geteuid() != 0:
        raise SystemExit("bench/faults.py needs root: it stops PostgreSQL and Redis and mounts tmpfs")

    stack.services_ok()
    work = stack.workdir("faults")
    checks: list[Check] = []
    try:
        if {"postgres", "redis", "kill-content", "kill-import"} & set(wanted):
            stack.prepare_database(args.db, reuse=args.reuse)
            stack.redis_flush()
            env = stack.app_env(args.db)
            with stack.gunicorn(env, args.port, work) as server:
                for name in wanted:
                    stack.log(f"check: {name}")
                    if name == "postgres":
                        checks.append(check_postgres(server))
                    elif name == "redis":
                        checks.append(check_redis(server))
                    elif name == "kill-content":
                        checks.append(check_kill_content(server, args.db, env))
                    elif name == "kill-import":
                        checks.append(check_kill_import(server, args.db, env, (0.2, 1.0, 2.5)))
        if "disk-full" in wanted:
            stack.log("check: disk-full (PostgreSQL)")
            checks.append(check_disk_full_postgres(work, args.port + 1))
        if {"disk-full", "read-only"} & set(wanted):
            stack.log("building an SQLite database with the real data")
            seed = sqlite_seed(work)
            if "disk-full" in wanted:
                stack.log("check: disk-full (SQLite)")
                checks.append(check_disk_full_sqlite(work, seed, args.port + 2))
            if "read-only" in wanted:
                stack.log("check: read-only")
                checks.append(check_read_only(work, seed, args.port + 3))
    finally:
        # Whatever happened, leave the shared services running.
        if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode != 0:
            stack.pg_start()
        if not stack.redis_up():
            stack.redis_start()
        if not args.keep:
            with contextlib.suppress(Exception):
                stack.drop_database(args.db)
        for log_file in work.glob("*.log"):
            shutil.copy(log_file, Path(tempfile.gettempdir()) / f"careermap-faults-{log_file.name}")
        shutil.rmtree(work, ignore_errors=True)

    for check in checks:
        print(f"{'PASS' if check.ok else 'FAIL'}  {check.name}")
        for line in check.details:
            print(f"      {line}")
    passed = sum(check.ok for check in checks)
    print(f"{passed} passed, {len(checks) - passed} failed")
    if not args.no_doc:
        lines = [
            "## Faults (`bench/faults.py`, `make faults`)",
            "",
            f"Checks run: {', '.join(wanted)}; {stack.machine_line()}. **{passed} of {len(checks)} passed.**",
            "",
        ]
        for check in checks:
            lines.append(f"### {'PASS' if check.ok else 'FAIL'}: {check.name}")
            lines.append("")
            lines += [f"- {line}" for line in check.details]
            lines.append("")
        lines.append("The same kill and disk checks run quickly inside the suite on SQLite: `tests/faults/`.")
        stack.update_reliability("faults", "\n".join(lines))
    print(json.dumps({"passed": passed, "failed": len(checks) - passed}))
    sys.exit(0 if passed == len(checks) else 1)


if __name__ == "__main__":
    main()
