"""What bench/load.py, bench/soak.py and bench/faults.py share: a throwaway PostgreSQL database with
the real data, gunicorn in front of it with Redis as the cache, a wrk Lua script that spreads
requests over routes and times each one, worker memory readings, and docs/reliability.md.

Nothing here writes to CAREERMAP_DATA_DIR (the shared data folder is only read by import_data).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
GUNICORN = str(Path(PY).parent / "gunicorn")
PG = "postgres://postgres@127.0.0.1:5432"
REDIS_DB = 7  # a Redis database of its own, flushed before each run
RELIABILITY = ROOT / "docs" / "reliability.md"

# Job titles as people type them, for the search routes.
SEARCH_QUERIES = (
    "registered nurse",
    "RN",
    "uber driver",
    "software developer",
    "electrician",
    "truck driver",
    "data labeling",
    "teacher",
    "accountant",
    "plumber",
    "cashier",
    "dental hygienist",
    "web designer",
    "delivery driver",
    "pediatric dermatologist",
    "welder",
    "pharmacy tech",
    "graphic designer",
    "dog walker",
    "construction laborer",
)


def log(message: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# Services: PostgreSQL and Redis as python-svc machines run them


def pg_start() -> None:
    versions = sorted(os.listdir("/etc/postgresql"))
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"],
        check=False,
        capture_output=True,
    )
    wait_for(lambda: subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode == 0, 30, "PostgreSQL")


def pg_stop() -> None:
    versions = sorted(os.listdir("/etc/postgresql"))
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "stop", "-m", "fast"],
        check=True,
        capture_output=True,
    )


def redis_start() -> None:
    subprocess.run(
        [
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "-::1",
            "--port",
            "6379",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            "/var/lib/redis",
            "--logfile",
            "/var/log/redis/ci.log",
        ],
        check=False,
        capture_output=True,
    )
    wait_for(redis_up, 30, "Redis")


def redis_stop() -> None:
    subprocess.run(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], capture_output=True)
    wait_for(lambda: not redis_up(), 10, "Redis to stop")


def redis_up() -> bool:
    result = subprocess.run(["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True, text=True)
    return result.stdout.strip() == "PONG"


def redis_flush() -> None:
    subprocess.run(["redis-cli", "-h", "127.0.0.1", "-n", str(REDIS_DB), "flushdb"], check=True, capture_output=True)


def services_ok() -> None:
    if subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode != 0:
        raise SystemExit("PostgreSQL is not answering on 127.0.0.1:5432")
    if not redis_up():
        raise SystemExit("Redis is not answering on 127.0.0.1:6379")
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install -y wrk")


def wait_for(check, seconds: float, what: str) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {what}")


# ---------------------------------------------------------------------------------------------
# The throwaway database with the real data


def psql(sql: str, db: str = "postgres") -> str:
    result = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-Atqc", sql], capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"psql failed: {sql}\n{result.stderr}")
    return result.stdout.strip()


def db_exists(name: str) -> bool:
    return psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"


def app_env(db: str, **extra: str) -> dict[str, str]:
    return (
        os.environ
        | {
            "DATABASE_URL": f"{PG}/{db}",
            "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-" + "k" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "LOG_LEVEL": "WARNING",
            # As behind the load balancer: each simulated client sends its own X-Forwarded-For.
            "BEHIND_PROXY": "1",
        }
        | extra
    )


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout.strip()


def prepare_database(db: str, *, reuse: bool = False) -> list[str]:
    """Create `db` and fill it with the real data: import_data, durability_compute, content_load.
    Returns the commands' one-line summaries."""
    env = app_env(db)
    if reuse and db_exists(db) and psql("SELECT count(*) FROM occupations_occupation", db) not in ("", "0"):
        log(f"reusing database {db}")
        manage(env, "collectstatic", "--noinput", "-v0")
        return []
    if db_exists(db):
        psql(f'DROP DATABASE "{db}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{db}"')
    log(f"created database {db}; migrating and importing the real data")
    summaries = []
    manage(env, "migrate", "--noinput", "-v0")
    for command in ("import_data", "durability_compute", "content_load"):
        started = time.monotonic()
        summaries.append(manage(env, command).splitlines()[-1])
        log(f"{command}: {time.monotonic() - started:.1f} s")
    manage(env, "collectstatic", "--noinput", "-v0")
    return summaries


def drop_database(db: str) -> None:
    if db_exists(db):
        psql(f'DROP DATABASE "{db}" WITH (FORCE)')
        log(f"dropped database {db}")


# ---------------------------------------------------------------------------------------------
# gunicorn


@dataclasses.dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def worker_pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return sorted(int(pid) for pid in children.read_text().split())

    def worker_rss_kib(self) -> dict[int, int]:
        return {pid: rss_kib(pid) for pid in self.worker_pids()}


def rss_kib(pid: int) -> int:
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) if match else 0


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, workdir: Path) -> Iterator[Server]:
    log_path = workdir / "gunicorn.log"
    with open(log_path, "ab") as log_file:
        process = subprocess.Popen(
            [GUNICORN, "-c", str(ROOT / "gunicorn.conf.py"), "careermap.wsgi", "--bind", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=log_file,
        )
    server = Server(process, port, log_path)
    try:
        wait_for(lambda: http_status(f"{server.url}/ping", timeout=1) == 200, 30, "gunicorn")
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


def http_status(
    url: str, *, timeout: float = 10, data: bytes | None = None, headers: dict[str, str] | None = None
) -> int:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except OSError:
        return 0


def get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


# ---------------------------------------------------------------------------------------------
# The mixed workload


@dataclasses.dataclass
class Route:
    name: str
    weight: int  # share of requests, out of the sum of weights
    method: str
    paths: list[str]
    bodies: list[str] = dataclasses.field(default_factory=list)  # one per request cycle, for POST


def workload(server: Server, *, seed: int = 8) -> tuple[list[Route], list[str]]:
    """The routes of the mixed workload, with real slugs and codes from the running site. Returns
    the routes and notes on any route skipped because its endpoint does not exist (yet)."""
    rng = random.Random(seed)
    reads = get_json(f"{server.url}/api/v1/reads")
    slugs = sorted(item["slug"] for item in _items(reads))
    codes: list[str] = []
    for page in range(1, 6):
        payload = get_json(f"{server.url}/api/v1/occupations?page_size=200&page={page}")
        codes += [item["code"] for item in _items(payload)]
        if not isinstance(payload, dict) or page >= int(payload.get("pages", 1)):
            break
    codes.sort()
    if not slugs or not codes:
        raise SystemExit("the database has no reads or no occupations: run the import first")
    rng.shuffle(codes)
    notes: list[str] = []
    routes = [
        Route("map", 15, "GET", ["/"]),
        Route("read", 20, "GET", [f"/reads/{slug}/" for slug in slugs]),
        Route("sources", 10, "GET", [f"/reads/{slug}/sources/" for slug in slugs]),
        Route("occupation", 25, "GET", [f"/occupations/{code}/" for code in codes[:300]]),
    ]
    queries = [urllib.request.quote(q) for q in SEARCH_QUERIES]
    if http_status(f"{server.url}/search/?q=nurse", timeout=60) == 200:
        routes.append(Route("search page", 8, "GET", [f"/search/?q={q}" for q in queries]))
    else:
        notes.append("search page (/search/?q=) skipped: the endpoint does not answer 200 yet")
    if http_status(f"{server.url}/api/v1/search?q=nurse", timeout=60) == 200:
        routes.append(Route("search API", 7, "GET", [f"/api/v1/search?q={q}" for q in queries]))
    else:
        notes.append("search API (/api/v1/search) skipped: the endpoint does not answer 200 yet")
    bodies = quiz_bodies(server, rng)
    if bodies:
        routes.append(Route("quiz submit", 5, "POST", ["/api/v1/quiz/matches"], bodies))
    else:
        notes.append("quiz submission (POST /api/v1/quiz/matches) skipped: the endpoint does not exist yet")
    return routes, notes


def _items(payload: object) -> list[dict[str, str]]:
    if isinstance(payload, dict):
        for key in ("items", "results", "reads", "occupations"):
            if isinstance(payload.get(key), list):
                return payload[key]
    return payload if isinstance(payload, list) else []


def quiz_bodies(server: Server, rng: random.Random, count: int = 40) -> list[str]:
    """Valid, varied answer sets built from the live question list; [] when the quiz API is absent."""
    try:
        questions = get_json(f"{server.url}/api/v1/quiz/questions")
    except (OSError, ValueError):
        return []
    if not isinstance(questions, dict) or not questions.get("interest_items_available"):
        return []
    bodies = []
    for _ in range(count):
        answers: dict[str, object] = {}
        liked = rng.sample("RIASEC", 2)
        for question in questions["questions"]:
            values = [answer["value"] for answer in question["answers"]]
            if question["kind"] == "interest":
                answers[question["id"]] = (
                    rng.choice([4, 5]) if question["interest_type"] in liked else rng.choice(values)
                )
            else:
                answers[question["id"]] = rng.choice(values)
        bodies.append(json.dumps({"answers": answers}))
    body = bodies[0].encode()
    status = http_status(
        f"{server.url}/api/v1/quiz/matches",
        data=body,
        headers={"Content-Type": "application/json", "X-Forwarded-For": "198.51.100.1"},
    )
    return bodies if status == 200 else []


def _lua_string(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def lua_script(routes: list[Route]) -> str:
    """A wrk script: one connection per thread, so request() and response() strictly alternate and
    each response's latency (CLOCK_MONOTONIC via LuaJIT's ffi) belongs to the route just sent.
    Each sample is stored as route * 1e9 + microseconds in one flat table (wrk copies flat tables
    between threads; nested ones crash it)."""
    lines = ["routes = {"]
    for route in routes:
        paths = ", ".join(_lua_string(p) for p in route.paths)
        bodies = ", ".join(_lua_string(b) for b in route.bodies)
        lines.append(
            f"  {{name = {_lua_string(route.name)}, weight = {route.weight}, method = '{route.method}', "
            f"paths = {{{paths}}}, bodies = {{{bodies}}}}},"
        )
    lines.append("}")
    return "\n".join(lines) + "\n" + _LUA_BODY


_LUA_BODY = r"""
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } cm_timespec;
int clock_gettime(int clk_id, cm_timespec *tp);
]]
local ts = ffi.new("cm_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  -- Interleave routes by weight: a schedule like map read occupation read ... , each thread
  -- starting at its own offset so that the connections do not march in step.
  schedule = {}
  local total = 0
  for _, r in ipairs(routes) do total = total + r.weight end
  local credit = {}
  for i, _ in ipairs(routes) do credit[i] = 0 end
  for _ = 1, total do
    local best = 1
    for i, r in ipairs(routes) do
      credit[i] = credit[i] + r.weight
      if credit[i] > credit[best] then best = i end
    end
    credit[best] = credit[best] - total
    schedule[#schedule + 1] = best
  end
  position = id % #schedule
  cycle = {}
  for i, _ in ipairs(routes) do cycle[i] = id * 7 end
  samples = {}
  failures = {}
  sent = 0
  current = 1
  started = 0
end

function request()
  position = position % #schedule + 1
  current = schedule[position]
  local r = routes[current]
  cycle[current] = cycle[current] + 1
  local path = r.paths[cycle[current] % #r.paths + 1]
  sent = sent + 1
  -- A distinct client address per request, as the load balancer would forward them.
  local client = string.format("10.%d.%d.%d", id % 256, math.floor(sent / 256) % 256, sent % 256)
  local headers = {["X-Forwarded-For"] = client}
  local body = nil
  if r.method == "POST" then
    headers["Content-Type"] = "application/json"
    body = r.bodies[cycle[current] % #r.bodies + 1]
  end
  started = now_us()
  return wrk.format(r.method, path, headers, body)
end

function response(status, headers, body)
  local elapsed = now_us() - started
  samples[#samples + 1] = current * 1000000000 + elapsed
  if status < 200 or status > 399 then
    failures[#failures + 1] = current * 1000 + status
  end
end

function done(summary, latency, requests)
  io.write(string.format("SUMMARY\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", summary.requests, summary.duration,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  for _, t in ipairs(threads) do
    local s = t:get("samples")
    local parts = {}
    for i = 1, #s do parts[#parts + 1] = string.format("%.0f", s[i]) end
    io.write("SAMPLES\t" .. table.concat(parts, ",") .. "\n")
    local f = t:get("failures")
    local fparts = {}
    for i = 1, #f do fparts[#fparts + 1] = string.format("%d", f[i]) end
    io.write("FAILURES\t" .. table.concat(fparts, ",") .. "\n")
  end
end
"""


@dataclasses.dataclass
class RouteStats:
    name: str
    requests: int
    errors: int
    rps: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    statuses: dict[int, int]


@dataclasses.dataclass
class WrkResult:
    seconds: float
    requests: int
    rps: float
    socket_errors: int
    status_errors: int
    routes: list[RouteStats]

    @property
    def errors(self) -> int:
        return self.socket_errors + self.status_errors


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


def prime(server: Server, routes: list[Route], *, threads: int = 4) -> int:
    """Ask for every distinct GET URL of the routes once, a few at a time, so the measured run starts
    from the steady state (each page rendered once into the shared page cache) rather than timing
    hundreds of first renders. Returns how many URLs were asked for."""
    from concurrent.futures import ThreadPoolExecutor

    paths = sorted({path for route in routes if route.method == "GET" for path in route.paths})

    def ask(numbered: tuple[int, str]) -> int:
        n, path = numbered
        # Each from its own address, as the run's clients: the per-address rate limits do not apply.
        return http_status(
            f"{server.url}{path}", timeout=60, headers={"X-Forwarded-For": f"198.18.{n // 250}.{n % 250 + 1}"}
        )

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(ask, enumerate(paths)))
    return len(paths)


def run_wrk(
    server: Server, routes: list[Route], *, seconds: int, connections: int, workdir: Path, timeout_s: int = 10
) -> WrkResult:
    script = workdir / "mixed.lua"
    script.write_text(lua_script(routes))
    # One thread per connection: wrk's threads are event loops, idle while they wait.
    output = subprocess.run(
        [
            "wrk",
            f"-t{connections}",
            f"-c{connections}",
            f"-d{seconds}s",
            f"--timeout={timeout_s}s",
            "-s",
            str(script),
            server.url + "/",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(output, routes)


def parse_wrk(output: str, routes: list[Route]) -> WrkResult:
    latencies: dict[int, list[float]] = {i: [] for i in range(1, len(routes) + 1)}
    statuses: dict[int, dict[int, int]] = {i: {} for i in range(1, len(routes) + 1)}
    summary = None
    for line in output.splitlines():
        kind, _, rest = line.partition("\t")
        if kind == "SUMMARY":
            summary = [int(n) for n in rest.split("\t")]
        elif kind == "SAMPLES" and rest:
            for value in rest.split(","):
                number = int(value)
                latencies[number // 1_000_000_000].append((number % 1_000_000_000) / 1000)
        elif kind == "FAILURES" and rest:
            for value in rest.split(","):
                number = int(value)
                by_status = statuses[number // 1000]
                by_status[number % 1000] = by_status.get(number % 1000, 0) + 1
    if summary is None:
        raise SystemExit(f"wrk printed no summary:\n{output}")
    requests, duration_us, connect, read, write, status, timeout = summary
    seconds = duration_us / 1e6
    stats = []
    for index, route in enumerate(routes, start=1):
        values = sorted(latencies[index])
        stats.append(
            RouteStats(
                name=route.name,
                requests=len(values),
                errors=sum(statuses[index].values()),
                rps=len(values) / seconds,
                p50_ms=percentile(values, 0.50),
                p99_ms=percentile(values, 0.99),
                max_ms=values[-1] if values else 0.0,
                statuses=statuses[index],
            )
        )
    return WrkResult(
        seconds=seconds,
        requests=requests,
        rps=requests / seconds,
        socket_errors=connect + read + write + timeout,
        status_errors=status,
        routes=stats,
    )


# ---------------------------------------------------------------------------------------------
# docs/reliability.md: each script replaces its own section


_HEADER = """# Reliability

Every figure on this page was measured and written here by the script named in its section; run it
again to refresh that section (the others are left alone). How to run them: `make bench-load`,
`make soak`, `make faults` (root: it stops and starts the local PostgreSQL and Redis) and
`make hostile`; quicker versions of the fault and hostile-input checks run in `make test`
(`tests/faults/`, `careermap/tests/test_fuzz.py`, `test_escaping.py`, `test_private_urls.py`,
`test_rate_limits.py`, `test_csrf.py`, `careermap/api/tests/test_schemathesis.py`, and axe-core in
`tests/e2e/test_a11y.py`).
"""


def update_reliability(section: str, body: str) -> None:
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    text = RELIABILITY.read_text() if RELIABILITY.exists() else _HEADER
    block = f"{start}\n{body.strip()}\n{end}"
    if start in text and end in text:
        text = text[: text.index(start)] + block + text[text.index(end) + len(end) :]
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    RELIABILITY.write_text(text)
    log(f"updated {RELIABILITY.relative_to(ROOT)} ({section})")


def machine_line() -> str:
    cores = os.cpu_count()
    pg = psql("SHOW server_version").split()[0]
    redis = subprocess.run(["redis-server", "--version"], capture_output=True, text=True).stdout.split()[2]
    load = os.getloadavg()[0]
    return (
        f"{cores}-core machine, PostgreSQL {pg}, Redis {redis.removeprefix('v=')}, {dt.date.today():%Y-%m-%d} "
        f"(load average {load:.1f} at the end of the run: other work shared the machine)"
    )


def workdir(prefix: str) -> Path:
    path = Path(tempfile.mkdtemp(prefix=f"careermap-{prefix}-"))
    path.chmod(0o755)  # PostgreSQL's own user must reach a tablespace inside it
    return path
