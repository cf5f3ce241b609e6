"""Edge benchmark (issue 14): public pages through nginx's cache at the speed of a static file, and
private pages never from it.

Creates a throwaway PostgreSQL database (default careermap_edge_bench) with the real data through
bench/stack.py (import_data, durability_compute, content_load, collectstatic; the data folder is only
read), serves it with gunicorn.conf.py (DEBUG off, Redis cache, BEHIND_PROXY=1), and puts nginx in
front with the shipped deploy/nginx-local.conf (plain HTTP; deploy/render_nginx.py puts in this run's
ports and folders; the site and cache rules are deploy/nginx/*.conf as shipped), plus one server block
of the benchmark's own that serves the read page's saved bytes as a static file. Then (wrk -t2 -c32
--latency over loopback):

  the goal, in --pairs pairs of --pair-seconds runs, one right after the other, their order swapped
  each time:
    static     nginx serving the read page's bytes from a file: what this machine can deliver
    read       /reads/ai-data-labeling/ through the shipped nginx config (from its cache)
  then --rounds rounds over the rest, through nginx and from gunicorn directly:
    /reads/ai-data-labeling/ (gunicorn only), /occupations/15-1252.00/, /occupations/15-1252.00/?area=0041860,
    GET /api/v1/reads/ai-data-labeling

Goal: read through nginx >= 80% of static, judged on the median of the pairs' ratios: other sessions'
load on this shared machine comes and goes within seconds, and a pair taken together sees the same
machine. Each run also records the share of the machine's CPU that work outside the benchmark took
(as bench/area_pay.py does) and nginx's own CPU time per request, which that load hardly moves.

Then the safety run: two users log in through nginx and fetch their own work-log pages (and their
entries through the API with their own tokens, and a public page with their session) in a loop, two
threads each, while wrk drives anonymous load on the read page; every body must be its requester's
(0 cross-user responses) and no request with a session or token may come back `X-Cache-Status: HIT`
or `public`; an anonymous probe of /worklog/ must get the login redirect. nginx's access log gives
each path's cache verdicts.

    .venv/bin/python bench/edge.py [--pairs 20] [--pair-seconds 2] [--rounds 3] [--seconds 3]
                                   [--connections 32] [--reuse] [--keep] [--write]

--write puts the figures into docs/reliability.md (its edge section). Exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import http.cookiejar
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "deploy"))

import stack  # noqa: E402
from area_pay import TICK, machine_busy, p50_ms  # noqa: E402
from read_page import parse_wrk  # noqa: E402
from render_nginx import render  # noqa: E402

ROOT = stack.ROOT
GOAL = 0.80
SLUG = "ai-data-labeling"
CODE = "15-1252.00"
AREA = "0041860"
USERS = ("edge-alice@example.com", "edge-bob@example.com")
PASSWORD = "edge-bench-passphrase-41"

ROUTES = [
    # key, label, where ("static", "nginx" or "app"), path
    ("static", "read page's bytes as a static file (nginx)", "static", f"/reads/{SLUG}/"),
    ("read", f"/reads/{SLUG}/ through nginx", "nginx", f"/reads/{SLUG}/"),
    ("read-app", f"/reads/{SLUG}/ from gunicorn", "app", f"/reads/{SLUG}/"),
    ("occ", f"/occupations/{CODE}/ through nginx", "nginx", f"/occupations/{CODE}/"),
    ("occ-app", f"/occupations/{CODE}/ from gunicorn", "app", f"/occupations/{CODE}/"),
    ("area", f"/occupations/{CODE}/?area={AREA} through nginx", "nginx", f"/occupations/{CODE}/?area={AREA}"),
    ("area-app", f"/occupations/{CODE}/?area={AREA} from gunicorn", "app", f"/occupations/{CODE}/?area={AREA}"),
    ("api", f"GET /api/v1/reads/{SLUG} through nginx", "nginx", f"/api/v1/reads/{SLUG}"),
    ("api-app", f"GET /api/v1/reads/{SLUG} from gunicorn", "app", f"/api/v1/reads/{SLUG}"),
]

STATIC_SERVER = """
    # bench/edge.py's own: the read page's saved bytes as a plain static file (the machine's limit)
    server {{
        listen 127.0.0.1:{port};
        location / {{
            root {root};
            default_type "text/html; charset=utf-8";
            try_files /read.html =404;
        }}
    }}
"""


# ---------------------------------------------------------------------------------------------
# nginx


class Nginx:
    def __init__(self, workdir: Path, *, app_port: int, port: int, static_port: int) -> None:
        self.out = workdir / "nginx"
        self.port, self.static_port = port, static_port
        self.config = render(
            self.out, variant="nginx-local.conf", upstream=f"127.0.0.1:{app_port}", listen=f"127.0.0.1:{port}"
        )
        (self.out / "baseline").mkdir(exist_ok=True)
        text = self.config.read_text()
        cut = text.rindex("}")  # the end of the http block: add the static server inside it
        extra = STATIC_SERVER.format(port=static_port, root=self.out / "baseline")
        self.config.write_text(text[:cut] + extra + text[cut:])
        check = subprocess.run(["nginx", "-t", "-c", str(self.config)], capture_output=True, text=True)
        if check.returncode != 0:
            raise SystemExit(f"nginx -t failed:\n{check.stderr}")
        self.process = subprocess.Popen(
            ["nginx", "-c", str(self.config), "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        stack.wait_for(lambda: stack.http_status(f"{self.url}/ping", timeout=1) == 200, 30, "nginx")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def static_url(self) -> str:
        return f"http://127.0.0.1:{self.static_port}"

    def pids(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [self.process.pid, *(int(pid) for pid in children.read_text().split())]
        except OSError:
            return []

    def stop(self) -> None:
        self.process.send_signal(signal.SIGQUIT)  # graceful: flushes the buffered access log
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def cache_verdicts(self) -> dict[str, collections.Counter[str]]:
        """Per logged path, how nginx's cache answered ('-' where no cache is involved)."""
        verdicts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        log_path = self.out / "logs" / "careermap.access.log"
        for line in log_path.read_text().splitlines() if log_path.exists() else []:
            match = re.search(r'"(\w+) (\S+)" (\d{3}) .* cache=(\S+)$', line)
            if match:
                verdicts[match.group(2)][match.group(4)] += 1
        return verdicts


# ---------------------------------------------------------------------------------------------
# Measuring


def wrk(url: str, *, seconds: int, connections: int) -> dict[str, float]:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout=10s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps, p99, errors = parse_wrk(output)
    requests = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    return {"rps": rps, "p50": p50_ms(output), "p99": p99, "errors": errors, "requests": requests}


def proc_cpu(pids: list[int]) -> dict[int, float]:
    """CPU seconds (user + system) each process has run, by pid; processes gone are left out."""
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / TICK  # utime, stime
    return found


@dataclasses.dataclass
class Ours:
    """What this benchmark runs: gunicorn, nginx, every PostgreSQL and Redis process by pid, plus this
    process (the safety run's clients) and its finished children (wrk)."""

    by_pid: dict[int, float]
    own: float

    @classmethod
    def now(cls, server: stack.Server, nginx: Nginx) -> Ours:
        pids = [server.process.pid, *server.worker_pids(), *nginx.pids()]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    if (entry / "comm").read_text().strip() in ("postgres", "redis-server"):
                        pids.append(int(entry.name))
                except OSError:
                    continue
        me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return cls(proc_cpu(pids), me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime)

    def since(self, before: Ours) -> float:
        """CPU seconds used between the two readings. A process that ended in between (an autovacuum
        worker, a closed connection's backend) is left out rather than counted as negative."""
        return self.own - before.own + sum(cpu - before.by_pid.get(pid, 0.0) for pid, cpu in self.by_pid.items())


def measured(server: stack.Server, nginx: Nginx, run: Callable[[], dict[str, float]]) -> dict[str, float]:
    """`run()`'s figures, the share of the machine's CPU that work outside this benchmark took meanwhile
    (`other`), and nginx's own CPU time per request (`nginx_us`): unlike req/s, hardly moved by what
    else runs on the machine."""
    machine, ours, started = machine_busy(), Ours.now(server, nginx), time.monotonic()
    result = run()
    elapsed = time.monotonic() - started
    after = Ours.now(server, nginx)
    edge_pids = nginx.pids()
    edge_cpu = sum(after.by_pid.get(pid, 0.0) - ours.by_pid.get(pid, 0.0) for pid in edge_pids)
    other = (machine_busy() - machine) - after.since(ours)
    return result | {
        "other": max(0.0, other) / (elapsed * (os.cpu_count() or 1)),
        "nginx_us": 1e6 * edge_cpu / max(result["requests"], 1),
    }


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None  # a redirect is an answer to look at, not to follow


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with OPENER.open(request, timeout=30) as response:
            return int(response.status), dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return int(error.code), dict(error.headers), error.read()


# ---------------------------------------------------------------------------------------------
# The safety run: two users with sessions and tokens under anonymous load

USERS_SCRIPT = """
import json
from django.contrib.auth import get_user_model
from careermap.accounts.services import api_token_create
from careermap.worklog.models import Entry, Status
import datetime as dt
out = {}
for email in EMAILS:
    User = get_user_model()
    User.objects.filter(username=email).delete()
    user = User.objects.create_user(username=email, email=email, password=PASSWORD)
    marker = "Marker" + email.split("@")[0].replace("-", "")
    for day in range(3):
        Entry.objects.create(user=user, platform=marker, date=dt.date(2026, 11, 1 + day), minutes=60,
                             status=Status.PAID, notes=marker + " notes")
    _, raw = api_token_create(user=user, name="edge bench")
    out[email] = {"marker": marker, "token": raw}
print(json.dumps(out))
"""


def login(base: str, email: str) -> tuple[urllib.request.OpenerDirector, str]:
    """Log in through nginx as a browser would: the form (its CSRF cookie and token), then the POST."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    with opener.open(f"{base}/accounts/login/", timeout=30) as response:
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
    data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD}).encode()
    try:
        opener.open(urllib.request.Request(f"{base}/accounts/login/", data=data), timeout=30)
    except urllib.error.HTTPError as error:
        if error.code != 302:
            raise SystemExit(f"login of {email} through nginx: HTTP {error.code}") from None
    session = next((c.value for c in jar if c.name == "sessionid"), "")
    if not session:
        raise SystemExit(f"login of {email} through nginx gave no session cookie")
    return opener, session


def safety(nginx: Nginx, users: dict[str, dict[str, str]], *, seconds: int, connections: int) -> dict[str, object]:
    sessions = {email: login(nginx.url, email)[1] for email in users}
    markers = {email: info["marker"].encode() for email, info in users.items()}
    tally: dict[str, collections.Counter[str]] = {email: collections.Counter() for email in users}
    tally["anonymous"] = collections.Counter()
    problems: list[str] = []
    stop, lock = threading.Event(), threading.Lock()

    def client(email: str) -> None:
        mine, theirs = markers[email], [m for e, m in markers.items() if e != email]
        cookie = {"Cookie": f"sessionid={sessions[email]}"}
        token = {"Authorization": f"Bearer {users[email]['token']}"}
        requests = [
            ("/worklog/", cookie, True),
            ("/worklog/summary/", cookie, False),
            ("/api/v1/worklog/entries", token, True),
            (f"/reads/{SLUG}/", cookie, False),  # a public page with a session: never from the cache
        ]
        while not stop.is_set():
            for path, headers, has_marker in requests:
                status, got, body = fetch(nginx.url + path, headers)
                seen = collections.Counter({"requests": 1, f"X-Cache-Status {got.get('X-Cache-Status', 'none')}": 1})
                seen["hit with credentials"] = got.get("X-Cache-Status") == "HIT"
                seen["cross-user"] = any(m in body for m in theirs) or (has_marker and mine not in body)
                seen["public with credentials"] = "public" in got.get("Cache-Control", "")
                with lock:
                    tally[email].update(seen)
                    if status != 200:
                        problems.append(f"{email} {path}: HTTP {status}")

    def anonymous_probe() -> None:
        while not stop.is_set():
            status, got, body = fetch(nginx.url + "/worklog/")
            tally["anonymous"]["requests"] += 1  # one probe thread: no race
            login_redirect = status == 302 and got.get("Location", "").startswith("/accounts/login/")
            if not login_redirect or any(marker in body for marker in markers.values()):
                tally["anonymous"]["not a login redirect"] += 1
            time.sleep(0.05)

    threads = [threading.Thread(target=client, args=(email,)) for email in users for _ in range(2)]
    threads.append(threading.Thread(target=anonymous_probe))
    for thread in threads:
        thread.start()
    load = wrk(f"{nginx.url}/reads/{SLUG}/", seconds=seconds, connections=connections)
    stop.set()
    for thread in threads:
        thread.join()
    return {"tally": tally, "problems": problems[:10], "problem_count": len(problems), "load": load}


# ---------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=20, help="static/read pairs for the goal")
    parser.add_argument("--pair-seconds", type=int, default=2)
    parser.add_argument("--seconds", type=int, default=3, help="each other route's run")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the other routes")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--safety-seconds", type=int, default=15)
    parser.add_argument("--port", type=int, default=8771, help="gunicorn; nginx takes the next two")
    parser.add_argument("--db", default="careermap_edge_bench")
    parser.add_argument("--reuse", action="store_true", help="reuse --db if it already holds the data")
    parser.add_argument("--keep", action="store_true", help="keep --db afterwards (default: drop it)")
    parser.add_argument("--write", action="store_true", help="write the figures into docs/reliability.md")
    args = parser.parse_args()

    stack.services_ok()
    if not shutil.which("nginx"):
        raise SystemExit("nginx not found: apt-get install -y nginx")
    version = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1]
    work = stack.workdir("edge-bench")
    summaries = stack.prepare_database(args.db, reuse=args.reuse)
    stack.redis_flush()
    env = stack.app_env(args.db)
    users = json.loads(
        stack.manage(
            env,
            "shell",
            "-c",
            f"EMAILS = {list(USERS)!r}\nPASSWORD = {PASSWORD!r}\n" + USERS_SCRIPT,
        ).splitlines()[-1]
    )
    runs: dict[str, list[dict[str, float]]] = {key: [] for key, *_ in ROUTES}
    nginx = None
    checks: list[str] = []
    try:
        with stack.gunicorn(env, args.port, work) as server:
            if server.process.poll() is not None:
                raise SystemExit(f"gunicorn could not start on port {args.port}: see {server.log_path}")
            nginx = Nginx(work, app_port=args.port, port=args.port + 1, static_port=args.port + 2)
            base = {"static": nginx.static_url, "nginx": nginx.url, "app": server.url}
            # The static baseline: the bytes gunicorn sends for the read page, saved to a file.
            status, headers, body = fetch(f"{server.url}/reads/{SLUG}/")
            if status != 200:
                raise SystemExit(f"/reads/{SLUG}/: HTTP {status}")
            (nginx.out / "baseline" / "read.html").write_bytes(body)
            first = fetch(f"{nginx.url}/reads/{SLUG}/")
            second = fetch(f"{nginx.url}/reads/{SLUG}/")
            static = fetch(nginx.static_url + f"/reads/{SLUG}/")
            checks.append(
                f"read page: {len(body):,} bytes; through nginx the same bytes: {second[2] == body}, as a static "
                f"file: {static[2] == body}; X-Cache-Status {first[1].get('X-Cache-Status')} then "
                f"{second[1].get('X-Cache-Status')}; Cache-Control `{second[1].get('Cache-Control')}`, "
                f"ETag {second[1].get('ETag')}, Last-Modified {second[1].get('Last-Modified')}"
            )
            revalidated = fetch(f"{nginx.url}/reads/{SLUG}/", {"If-None-Match": second[1].get("ETag", "")})
            direct_304 = fetch(f"{server.url}/reads/{SLUG}/", {"If-None-Match": second[1].get("ETag", "")})
            checks.append(
                f"If-None-Match with that ETag: nginx {revalidated[0]}, gunicorn directly {direct_304[0]} "
                f"({len(direct_304[2])} bytes)"
            )
            stack.log("warm-up: 2 s on each route")
            for _key, _label, where, path in ROUTES:
                wrk(base[where] + path, seconds=2, connections=args.connections)
            stack.log(f"goal: {args.pairs} pairs of static and read through nginx, {args.pair_seconds} s each")
            for n in range(args.pairs):
                pair = ROUTES[:2] if n % 2 == 0 else ROUTES[1::-1]  # side by side, the order swapped each time
                for key, _label, where, path in pair:
                    url = base[where] + path
                    runs[key].append(
                        measured(
                            server,
                            nginx,
                            lambda url=url: wrk(url, seconds=args.pair_seconds, connections=args.connections),
                        )
                    )
            for n in range(args.rounds):
                stack.log(f"round {n + 1} of {args.rounds}: {len(ROUTES) - 2} runs of {args.seconds} s")
                for key, _label, where, path in ROUTES[2:]:
                    url = base[where] + path
                    runs[key].append(
                        measured(
                            server,
                            nginx,
                            lambda url=url: wrk(url, seconds=args.seconds, connections=args.connections),
                        )
                    )
            stack.log(f"safety: two users through nginx for {args.safety_seconds} s under anonymous load")
            before = machine_busy(), Ours.now(server, nginx), time.monotonic()
            result = safety(nginx, users, seconds=args.safety_seconds, connections=args.connections)
            other = (machine_busy() - before[0]) - Ours.now(server, nginx).since(before[1])
            result["other"] = max(0.0, other) / ((time.monotonic() - before[2]) * (os.cpu_count() or 1))
            nginx.stop()
            verdicts = nginx.cache_verdicts()
        tracebacks = sum("Traceback" in line for line in server.log_path.read_text().splitlines())
    finally:
        if nginx is not None and nginx.process.poll() is None:
            nginx.stop()
        if not args.keep:
            stack.drop_database(args.db)
        shutil.rmtree(work, ignore_errors=True)

    summary = {
        key: {
            "rps": sum(r["rps"] for r in rounds) / len(rounds),
            "p50": max(r["p50"] for r in rounds),
            "p99": max(r["p99"] for r in rounds),
            "errors": sum(r["errors"] for r in rounds),
            "nginx_us": sorted(r["nginx_us"] for r in rounds)[len(rounds) // 2],
        }
        for key, rounds in runs.items()
    }
    static_rps = summary["static"]["rps"]
    paired = sorted(r["rps"] / s["rps"] for r, s in zip(runs["read"], runs["static"], strict=True))
    ratio = (
        paired[len(paired) // 2] if len(paired) % 2 else (paired[len(paired) // 2 - 1] + paired[len(paired) // 2]) / 2
    )
    rows = [
        f"| Route (wrk -t2 -c{args.connections}) | runs | req/s | p50 | p99 | errors | vs static | nginx CPU a request |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for key, label, where, _path in ROUTES:
        r = summary[key]
        when = (
            f"{args.pairs} × {args.pair_seconds} s"
            if key in ("static", "read")
            else f"{args.rounds} × {args.seconds} s"
        )
        cpu = f"{r['nginx_us']:.0f} µs" if where != "app" else ""
        rows.append(
            f"| {label} | {when} | {r['rps']:,.0f} | {r['p50']:.2f} ms | {r['p99']:.2f} ms | {r['errors']:,.0f} "
            f"| {r['rps'] / static_rps:.0%} | {cpu} |"
        )
    logged = sorted({path.split("?")[0] for _k, _l, where, path in ROUTES if where == "nginx"} | {"/worklog/"})
    cache_line = "nginx's access log, cache verdicts by path (the log keeps no query strings): " + "; ".join(
        f"{path} " + ", ".join(f"{k} {v:,}" for k, v in verdicts.get(path, collections.Counter()).most_common())
        for path in logged
    )
    tally = result["tally"]
    cross = sum(t["cross-user"] for t in tally.values())  # type: ignore[attr-defined]
    hits = sum(t["hit with credentials"] for t in tally.values())  # type: ignore[attr-defined]
    public = sum(t["public with credentials"] for t in tally.values())  # type: ignore[attr-defined]
    anonymous = tally.get("anonymous", collections.Counter())  # type: ignore[attr-defined]
    user_lines = []
    for email in USERS:
        t = tally[email]  # type: ignore[index]
        statuses = ", ".join(
            f"{k.removeprefix('X-Cache-Status ')} {v:,}" for k, v in t.items() if k.startswith("X-Cache")
        )
        user_lines.append(f"{email}: {t['requests']:,} requests (X-Cache-Status: {statuses})")
    load = result["load"]
    safe = cross == 0 and hits == 0 and public == 0 and anonymous["not a login redirect"] == 0
    safe = safe and result["problem_count"] == 0
    notes = [
        *checks,
        f"Read page through nginx / static file, median of the {args.pairs} pairs: **{ratio:.0%}** (goal ≥ {GOAL:.0%}): "
        f"**{'met' if ratio >= GOAL else 'NOT met'}** (each pair: "
        + ", ".join(f"{r['rps'] / s['rps']:.0%}" for r, s in zip(runs["read"], runs["static"], strict=True))
        + f"; of the means: {summary['read']['rps'] / static_rps:.0%}); "
        f"from gunicorn directly: {summary['read-app']['rps'] / static_rps:.1%}. nginx's CPU time a request "
        f"(median over the runs), which other work on the machine hardly moves: static "
        f"{summary['static']['nginx_us']:.0f} µs, read from the cache {summary['read']['nginx_us']:.0f} µs "
        f"(static / cached: {summary['static']['nginx_us'] / summary['read']['nginx_us']:.0%}).",
        "Per run, req/s: "
        + "; ".join(f"{key} " + ", ".join(f"{r['rps']:,.0f}" for r in rounds) for key, rounds in runs.items())
        + ". Share of the machine's CPU taken by work outside this benchmark during each run (other sessions' "
        "tests and browsers; /proc/stat less gunicorn, nginx, wrk, PostgreSQL, Redis and this script): "
        + "; ".join(f"{key} " + ", ".join(f"{100 * r['other']:.0f}%" for r in rounds) for key, rounds in runs.items())
        + ".",
        f"Safety, {args.safety_seconds} s while wrk drove the read page through nginx at {args.connections} "
        f"connections ({load['rps']:,.0f} req/s, p99 {load['p99']:.1f} ms): two users logged in through nginx, each "
        "fetching /worklog/, /worklog/summary/ and the read page with their session cookie and "
        "/api/v1/worklog/entries with their token, in a loop (two threads each); " + "; ".join(user_lines) + ". "
        f"Cross-user responses: **{cross}**; HIT for a request with a session or token: **{hits}**; "
        f"`public` answers to them: {public}; non-200 answers: {result['problem_count']}; anonymous /worklog/ "
        f"probes: {anonymous['requests']:,}, every one a login redirect: {anonymous['not a login redirect'] == 0}. "
        f"Other work took {100 * result['other']:.0f}% of the CPU meanwhile. Tracebacks in the server log: {tracebacks}.",
        cache_line + ".",
    ]
    setup = (
        f"nginx {version} with deploy/nginx-local.conf (rendered by deploy/render_nginx.py) in front of "
        f"gunicorn.conf.py, DEBUG off, PostgreSQL with the real data "
        f"({'; '.join(line.rstrip('.') for line in summaries) if summaries else 'reused database'}), Redis cache; "
        f"{stack.machine_line()}."
    )
    print()
    print(setup)
    print("\n".join(rows))
    print("\n".join(notes))
    if result["problems"]:
        print("first problems:", result["problems"])
    ok = ratio >= GOAL and safe and tracebacks == 0 and all(r["errors"] == 0 for r in summary.values())
    print(f"edge: throughput {'PASS' if ratio >= GOAL else 'FAIL'}, safety {'PASS' if safe else 'FAIL'}")
    if args.write:
        body = "\n".join(
            [
                "## Edge cache (`bench/edge.py`, `make bench-edge`)",
                "",
                "Issue 14's goal: the read page through nginx's cache at ≥ 80% of nginx serving the same bytes "
                "as a static file, and no private response ever from the cache. " + setup,
                "",
                *rows,
                "",
                *notes,
            ]
        )
        stack.update_reliability("edge", body)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
