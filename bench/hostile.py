"""Hostile input, at depth: runs the suite's hostile-input tests with many more examples than
`make test` uses, on SQLite and on PostgreSQL, counts the server errors, and writes what was tried
into docs/reliability.md.

    .venv/bin/python bench/hostile.py [--examples 500] [--schemathesis-examples 60]
                                      [--database sqlite|postgres|both] [--no-doc]

Runs careermap/tests/test_fuzz.py (Hypothesis: content loader, dataset importers, work-log CSV
import and uploads, JSON restore, dates, ids, note lengths, quiz answers, …),
careermap/api/tests/test_schemathesis.py (every API operation), test_escaping.py,
test_private_urls.py, test_rate_limits.py and test_csrf.py. `--database postgres` runs them against
the local PostgreSQL (a scratch database, `test_hostile`, made and dropped by pytest-django): some
inputs only break there (a NUL character, which SQLite stores and PostgreSQL refuses).

A server error is a response the app logged as one (`django.request`, status 5xx); every test also
fails on one. Exits 1 when any test fails or any server error was logged (an xfail marks a known bug,
listed with its reason).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import stack  # noqa: E402

TESTS = [
    "careermap/tests/test_fuzz.py",
    "careermap/api/tests/test_schemathesis.py",
    "careermap/tests/test_escaping.py",
    "careermap/tests/test_private_urls.py",
    "careermap/tests/test_rate_limits.py",
    "careermap/tests/test_csrf.py",
]
DATABASES = {"sqlite": ("SQLite", None), "postgres": ("PostgreSQL", f"{stack.PG}/hostile")}
_SERVER_ERROR = re.compile(r'"logger": "django\.request".*"status_code": 5\d\d')


@dataclasses.dataclass
class Run:
    label: str
    ok: bool
    server_errors: int
    tried: dict[str, Counter[str]]
    per_file: dict[str, Counter[str]]
    xfails: set[str]

    @property
    def total(self) -> int:
        return sum(sum(outcomes.values()) for outcomes in self.tried.values())


def run(database: str, args: argparse.Namespace) -> Run:
    label, url = DATABASES[database]
    work = stack.workdir(f"hostile-{database}")
    report, junit = work / "fuzz.jsonl", work / "junit.xml"
    env = os.environ | {
        "FUZZ_EXAMPLES": str(args.examples),
        "SCHEMATHESIS_EXAMPLES": str(args.schemathesis_examples),
        "FUZZ_REPORT": str(report),
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if url:
        env["DATABASE_URL"] = url
    stack.log(f"{label}: running {len(TESTS)} test files with {args.examples} examples per fuzz test")
    result = subprocess.run(
        [
            stack.PY,
            "-m",
            "pytest",
            "-q",
            "-s",  # the app's log lines reach stderr, where server errors are counted
            "-p",
            "no:randomly",
            f"--junitxml={junit}",
            "-o",
            "junit_family=xunit2",
            *TESTS,
        ],
        cwd=stack.ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    summary = [line for line in result.stdout.splitlines() if line.startswith(("FAILED", "ERROR", "="))]
    print("\n".join(summary[-40:]))
    server_errors = sum(1 for line in (result.stdout + result.stderr).splitlines() if _SERVER_ERROR.search(line))

    per_file: dict[str, Counter[str]] = {}
    xfails: set[str] = set()
    for case in ET.parse(junit).getroot().iter("testcase") if junit.exists() else []:
        name = case.get("classname", "").rsplit(".", 1)[-1]
        outcome = "passed"
        for child in case:
            if child.tag == "skipped" and child.get("type") == "pytest.xfail":
                outcome = "xfailed"
                xfails.add(child.get("message", "").removeprefix("reason: "))
            elif child.tag == "skipped":
                outcome = "skipped"
            elif child.tag in {"failure", "error"}:
                outcome = "failed"
        per_file.setdefault(name, Counter())[outcome] += 1

    tried: dict[str, Counter[str]] = {}
    for line in report.read_text().splitlines() if report.exists() else []:
        row = json.loads(line)
        tried.setdefault(row["test"], Counter()).update(row["outcomes"])
    ok = result.returncode == 0 and server_errors == 0
    stack.log(f"{label}: {sum(sum(o.values()) for o in tried.values()):,} inputs, {server_errors} server errors")
    return Run(label, ok, server_errors, tried, per_file, xfails)


def _spread(outcomes: Counter[str]) -> str:
    return ", ".join(f"{name} {count:,}" for name, count in outcomes.most_common())


def tables(runs: list[Run]) -> list[str]:
    lines = [
        "| Database | inputs tried | server errors | tests passed | xfailed (known bugs) | failed |",
        "|---|---|---|---|---|---|",
    ]
    for r in runs:
        counts = sum(r.per_file.values(), Counter())
        lines.append(
            f"| {r.label} | {r.total:,} | **{r.server_errors}** | {counts['passed']} | {counts['xfailed']} | "
            f"{counts['failed']} |"
        )
    first = runs[0]
    heads = " | ".join(f"tried ({r.label})" for r in runs)
    lines += ["", f"| Input | {heads} | outcomes ({first.label}) |", "|---|" + "---|" * (len(runs) + 1)]
    names = list(dict.fromkeys(name for r in runs for name in r.tried))
    for name in names:
        counts = " | ".join(f"{sum(r.tried.get(name, Counter()).values()):,}" for r in runs)
        lines.append(f"| {name} | {counts} | {_spread(first.tried.get(name) or runs[-1].tried.get(name, Counter()))} |")
    heads = " | ".join(f"{r.label}: passed / xfailed / failed" for r in runs)
    lines += ["", f"| Test file | {heads} |", "|---|" + "---|" * len(runs)]
    files = list(dict.fromkeys(name for r in runs for name in r.per_file))
    for name in files:
        cells = " | ".join(
            f"{c['passed']} / {c['xfailed']} / {c['failed']}" for c in (r.per_file.get(name, Counter()) for r in runs)
        )
        lines.append(f"| `{name}` | {cells} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=500, help="Hypothesis examples per fuzz test")
    parser.add_argument("--schemathesis-examples", type=int, default=60, help="examples per API operation")
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgres", "both"],
        default="both",
        help="run on SQLite, on the local PostgreSQL (127.0.0.1:5432), or on both (the default)",
    )
    parser.add_argument("--no-doc", action="store_true", help="print the figures; leave docs/reliability.md alone")
    args = parser.parse_args()

    wanted = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    if "postgres" in wanted and subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1"]).returncode != 0:
        raise SystemExit("PostgreSQL is not answering on 127.0.0.1:5432 (or run with --database sqlite)")
    runs = [run(database, args) for database in wanted]
    lines = tables(runs)
    print("\n".join(lines))
    ok = all(r.ok for r in runs)
    if not args.no_doc:
        xfails = set().union(*(r.xfails for r in runs))
        errors = " and ".join(f"{r.server_errors} on {r.label}" for r in runs)
        body = "\n".join(
            [
                "## Hostile input (`bench/hostile.py`, `make hostile`)",
                "",
                f"The hostile-input tests run with {args.examples} Hypothesis examples per fuzz test and "
                f"{args.schemathesis_examples} schemathesis examples per API operation, on "
                f"{' and on '.join(r.label for r in runs)} ({stack.machine_line()}); `make test` runs the same "
                f"tests with a handful. **Server errors: {errors}; "
                f"{'every test passed, every refusal a clear error' if ok else 'FAILURES: see the test run'}.** "
                "A server error is a response the app logged with a 5xx status.",
                "",
                *lines,
                "",
                "Besides the fuzzing: script and HTML in Markdown, front matter, occupation data, search queries, "
                "work-log notes and CSV cells come out inert (`test_escaping.py`, parsing each page's HTML); every "
                "private URL pattern in the URLconf, pages and API, answers 404 to another user's session or token "
                "(`test_private_urls.py`); login, signup, password reset and quiz submission are rate-limited "
                "(`test_rate_limits.py`); every POST form carries a CSRF token and a cross-site POST is refused "
                "(`test_csrf.py`). The strict CSP (no `unsafe-inline`) is in `settings.CONTENT_SECURITY_POLICY`.",
                *(
                    ["", "Known bugs, each an `xfail(strict=True)` test that turns red when fixed:", ""]
                    if xfails
                    else []
                ),
                *(f"- {reason}" for reason in sorted(xfails)),
            ]
        )
        stack.update_reliability("hostile", body)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
