"""Benchmark: the full `manage.py import_data` into a fresh SQLite database, beside a plain
`sqlite3` CLI `.import` of the same source files.

    .venv/bin/python bench/import_bench.py [--data DIR] [--runs N]

Each run gets a new empty database (migrated first, not timed). Wall time is measured
around the child process; peak memory is the child's ru_maxrss from os.wait4 (resource
usage of exactly that process). The budget from issue 3 is 60 s and 1 GB for the import;
the script exits 1 when a run is over it. The sqlite3 side needs Debian's sqlite3
(`apt-get install -y sqlite3`); without it only the import is measured.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUDGET_SECONDS = 60.0
BUDGET_BYTES = 1024**3

# The files import_data reads, relative to the data folder, with their delimiter.
FILES: list[tuple[str, str]] = [
    *(
        (f"onet_29_3/{name}", "\t")
        for name in (
            "Occupation Data.txt",
            "Interests.txt",
            "Job Zones.txt",
            "Job Zone Reference.txt",
            "Alternate Titles.txt",
            "Task Statements.txt",
            "Related Occupations.txt",
            "Education, Training, and Experience.txt",
            "Education, Training, and Experience Categories.txt",
        )
    ),
    ("bls_employment_projections_2024_34/table_1_2_occupational_projections_2024_34.csv", ","),
    ("soc_crosswalks/bls_nem_onet_soc_to_nem_crosswalk_2023-09-06.csv", ","),
    ("soc_crosswalks/bls_soc2010_to_soc2018_crosswalk.csv", ","),
    ("gpts_are_gpts/occ_level.csv", ","),
    ("gpts_are_gpts/full_labelset.tsv", "\t"),
    ("aioe_felten_raj_seamans/appendix_a_aioe_by_occupation.csv", ","),
    ("aioe_felten_raj_seamans/language_modeling_aioe_by_occupation.csv", ","),
    ("aioe_felten_raj_seamans/image_generation_aioe_by_occupation.csv", ","),
    ("microsoft_working_with_ai/soc_ai_applicability_scores.csv", ","),
    ("frey_osborne_2013/frey_osborne_automation_probability_soc2010.csv", ","),
]


def timed(command: list[str], *, env: dict[str, str] | None = None, stdin: str | None = None) -> tuple[float, int, str]:
    """Run a child process; return (wall seconds, peak RSS in bytes, stdout). Fails loudly.

    Output goes to temporary files, not pipes, so a chatty child cannot block on a full pipe.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, tempfile.TemporaryFile("w+") as inp:
        if stdin is not None:
            inp.write(stdin)
            inp.seek(0)
        started = time.perf_counter()
        process = subprocess.Popen(command, env=env, cwd=REPO, stdin=inp, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err.read()}")
        return seconds, usage.ru_maxrss * 1024, out.read()  # ru_maxrss is in KiB on Linux


def bench_import(data: Path, workdir: Path) -> tuple[float, int, str]:
    database = workdir / "bench.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "CAREERMAP_DATA_DIR": str(data)}
    python = sys.executable
    timed([python, "manage.py", "migrate", "-v0"], env=env)
    return timed([python, "manage.py", "import_data", "--path", str(data)], env=env)


def sqlite_script(data: Path) -> str:
    """`.import` every file into its own table (columns from the header, all TEXT)."""
    lines = []
    for number, (relative, delimiter) in enumerate(FILES):
        path = str(data / relative).replace('"', '""')
        lines += [".mode tabs" if delimiter == "\t" else ".mode csv", f'.import "{path}" t{number}']
    return "\n".join(lines) + "\n"


def bench_sqlite(data: Path, workdir: Path, sqlite3: str) -> tuple[float, int, int]:
    database = workdir / "plain.sqlite3"
    seconds, rss, _ = timed([sqlite3, "-bail", str(database)], stdin=sqlite_script(data))
    counts = "SELECT " + " + ".join(f"(SELECT count(*) FROM t{n})" for n in range(len(FILES))) + ";"
    _, _, out = timed([sqlite3, str(database), counts])
    return seconds, rss, int(out.strip())


def main() -> int:
    default_data = os.environ.get("CAREERMAP_DATA_DIR") or str(REPO.parent / "shared" / "data")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path(default_data), help="Data folder (default: %(default)s).")
    parser.add_argument("--runs", type=int, default=3, help="Runs of each side; the median time is shown.")
    args = parser.parse_args()
    data: Path = args.data.resolve()
    if not (data / "onet_29_3").is_dir():
        print(f"No shared data at {data}; pass --data or set CAREERMAP_DATA_DIR.", file=sys.stderr)
        return 2
    source_bytes = sum((data / relative).stat().st_size for relative, _ in FILES)
    print(f"Data: {data} ({len(FILES)} files, {source_bytes / 1e6:.1f} MB); {os.cpu_count()} CPUs; runs: {args.runs}")

    imports: list[tuple[float, int]] = []
    summary = ""
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="careermap-bench-") as tmp:
            seconds, rss, summary = bench_import(data, Path(tmp))
            imports.append((seconds, rss))
    import_time = statistics.median(s for s, _ in imports)
    import_rss = max(r for _, r in imports)
    print(f"  {summary.strip()}")
    print(f"manage.py import_data   {import_time:7.2f} s   peak RSS {import_rss / 2**20:7.1f} MiB   (whole process)")

    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        print("sqlite3 CLI not found (apt-get install -y sqlite3): no baseline.")
    else:
        plain: list[tuple[float, int]] = []
        rows = 0
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory(prefix="careermap-bench-") as tmp:
                seconds, rss, rows = bench_sqlite(data, Path(tmp), sqlite3)
                plain.append((seconds, rss))
        plain_time = statistics.median(s for s, _ in plain)
        plain_rss = max(r for _, r in plain)
        version = subprocess.run([sqlite3, "--version"], capture_output=True, text=True).stdout.split()[0]
        print(
            f"sqlite3 {version} .import {plain_time:7.2f} s   peak RSS {plain_rss / 2**20:7.1f} MiB   "
            f"({rows:,} rows into untyped tables, no validation or joins)"
        )
        print(f"ratio (import / .import): time {import_time / plain_time:.1f}x, memory {import_rss / plain_rss:.1f}x")

    over = [f"{s:.1f} s" for s, _ in imports if s > BUDGET_SECONDS] + [
        f"{r / 2**20:.0f} MiB" for _, r in imports if r > BUDGET_BYTES
    ]
    print(
        f"budget {BUDGET_SECONDS:.0f} s / {BUDGET_BYTES / 2**30:.0f} GiB: {'OVER: ' + ', '.join(over) if over else 'within'}"
    )
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
