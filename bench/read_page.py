"""Read-page benchmark: the read page against a minimal Django view, same server, same run.

Serves the site with gunicorn as in production (DEBUG off, whitenoise, gthread workers) on a
throwaway SQLite database, then drives it with wrk over loopback. Each route is measured in
alternating rounds so machine noise hits both alike; the figure that matters is the ratio.

    .venv/bin/python bench/read_page.py [--seconds 10] [--rounds 3] [--connections 32]

Goal (issue 2): the read page at >= 80% of the minimal view's throughput.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def parse_wrk(output: str) -> tuple[float, float, int]:
    """Requests/s, p99 latency in ms, and error count from `wrk --latency` output."""
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", output).groups()  # type: ignore[union-attr]
    p99 = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        errors += sum(int(n) for n in match.groups())
    return rps, p99, errors


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [
            str(Path(PY).parent / "gunicorn"),
            "-c",
            str(ROOT / "gunicorn.conf.py"),
            "careermap.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/ping", timeout=1)
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk not found: apt-get install -y wrk")

    workdir = Path(tempfile.mkdtemp(prefix="careermap-bench-"))
    env = os.environ | {
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    for command in (["migrate", "-v0"], ["content_load"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([PY, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)

    routes = {"minimal view (/ping)": "/ping", "read page (/reads/ai-data-labeling/)": "/reads/ai-data-labeling/"}
    results: dict[str, list[tuple[float, float, int]]] = {name: [] for name in routes}
    server = start_server(env, args.port)
    try:
        for url in routes.values():  # warm caches and connections
            subprocess.run(
                ["wrk", "-t2", "-c4", "-d1s", f"http://127.0.0.1:{args.port}{url}"], capture_output=True, check=True
            )
        for _ in range(args.rounds):
            for name, url in routes.items():
                out = subprocess.run(
                    [
                        "wrk",
                        "-t2",
                        f"-c{args.connections}",
                        f"-d{args.seconds}s",
                        "--latency",
                        f"http://127.0.0.1:{args.port}{url}",
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                results[name].append(parse_wrk(out))
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"gunicorn (gunicorn.conf.py), wrk -t2 -c{args.connections}, {args.rounds} alternating rounds of {args.seconds}s"
    )
    print(f"{'route':40} {'req/s':>9} {'p99 ms':>8} {'errors':>7}")
    summary = {}
    for name, runs in results.items():
        rps = sum(r[0] for r in runs) / len(runs)
        p99 = max(r[1] for r in runs)
        errors = sum(r[2] for r in runs)
        summary[name] = rps
        print(f"{name:40} {rps:9.0f} {p99:8.1f} {errors:7d}")
    minimal, read = summary.values()
    ratio = read / minimal
    print(f"read page / minimal view throughput: {ratio:.2f} (goal >= 0.80: {'met' if ratio >= 0.8 else 'NOT met'})")


if __name__ == "__main__":
    main()
