"""Hostile input, at depth: runs the suite's hostile-input tests with many more examples than
`make test` uses and writes what was tried into docs/reliability.md.

    .venv/bin/python bench/hostile.py [--examples 500] [--schemathesis-examples 60]

Runs careermap/tests/test_fuzz.py (Hypothesis: content loader, dataset importers, work-log CSV
import, quiz answers), careermap/api/tests/test_schemathesis.py (every API operation),
test_escaping.py, test_private_urls.py and test_rate_limits.py. Exits 1 when any test fails
(an xfail marks a known bug, listed with its reason).
"""

from __future__ import annotations

import argparse
import json
import os
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=int, default=500, help="Hypothesis examples per fuzz test")
    parser.add_argument("--schemathesis-examples", type=int, default=60, help="examples per API operation")
    parser.add_argument("--no-doc", action="store_true")
    args = parser.parse_args()

    work = stack.workdir("hostile")
    report, junit = work / "fuzz.jsonl", work / "junit.xml"
    env = os.environ | {
        "FUZZ_EXAMPLES": str(args.examples),
        "SCHEMATHESIS_EXAMPLES": str(args.schemathesis_examples),
        "FUZZ_REPORT": str(report),
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    stack.log(f"running {len(TESTS)} test files with {args.examples} examples per fuzz test")
    result = subprocess.run(
        [
            stack.PY,
            "-m",
            "pytest",
            "-q",
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
    print(result.stdout[-3000:])

    per_file: dict[str, Counter[str]] = {}
    xfails: set[str] = set()
    for case in ET.parse(junit).getroot().iter("testcase"):
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

    rows = ["| Input | tried | outcomes |", "|---|---|---|"]
    for test, outcomes in tried.items():
        spread = ", ".join(f"{name} {count:,}" for name, count in outcomes.most_common())
        rows.append(f"| {test} | {sum(outcomes.values()):,} | {spread} |")
    files = ["| Test file | passed | xfailed (known bugs) | failed |", "|---|---|---|---|"]
    for name, counts in per_file.items():
        files.append(f"| `{name}` | {counts['passed']} | {counts['xfailed']} | {counts['failed']} |")
    total = sum(sum(o.values()) for o in tried.values())
    ok = result.returncode == 0
    print("\n".join(rows + [""] + files))
    if not args.no_doc:
        body = "\n".join(
            [
                "## Hostile input (`bench/hostile.py`, `make hostile`)",
                "",
                f"The hostile-input tests run with {args.examples} Hypothesis examples per fuzz test and "
                f"{args.schemathesis_examples} schemathesis examples per API operation ({stack.machine_line()}); "
                f"`make test` runs the same tests with a handful. **{total:,} inputs tried; "
                f"{'no crash, every refusal a clear error' if ok else 'FAILURES: see the test run'}.**",
                "",
                *rows,
                "",
                *files,
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
