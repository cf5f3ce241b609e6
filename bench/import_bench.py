"""Benchmark: the full `manage.py import_data` into a fresh SQLite database, beside a plain
`sqlite3` CLI `.import` of the same source files, before and after OEWS pay (issue 13).

    .venv/bin/python bench/import_bench.py [--data DIR] [--runs N]

"Before" is the import without OEWS: a temporary data folder of symlinks to every entry of
the real one except bls_oews_may2025/ and bls_oews_national_2022_2024/ (import_data then
runs as it did before issue 13). "After" is the real folder, every dataset. The two sides
alternate within each run, so machine noise hits both alike; the ratio is the figure.

Each import gets a new empty database (migrated first, not timed). Wall time is measured
around the child process; peak memory is the child's ru_maxrss from os.wait4 (resource
usage of exactly that process). The budget from issues 3 and 13 is 60 s and 1 GiB for the
full import; the script exits 1 when a run of it is over. The sqlite3 side needs Debian's
sqlite3 (`apt-get install -y sqlite3`); without it only the import is measured.
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
# Issue 13's datasets, optional for import_data: left out of the "before" folder.
OEWS_FOLDERS = ("bls_oews_may2025", "bls_oews_national_2022_2024")

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
    *(
        (f"bls_oews_may2025/{name}", ",")
        for name in (
            "areas.csv",
            "oews_may2025_national.csv",
            "oews_may2025_state.csv",
            "oews_may2025_metro_nonmetro.csv",
        )
    ),
    *((f"bls_oews_national_2022_2024/oews_national_may{year}.csv", ",") for year in (2022, 2023, 2024)),
    ("anthropic_economic_index/job_exposure_with_titles.csv", ","),
    ("anthropic_economic_index/api_onet_task_usage_2025_11.csv", ","),
]


def without_oews(files: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(relative, delimiter) for relative, delimiter in files if relative.split("/")[0] not in OEWS_FOLDERS]


def before_folder(data: Path, where: Path) -> Path:
    """A data folder as it was before issue 13: symlinks to everything in `data` but OEWS."""
    folder = where / "data-before-oews"
    folder.mkdir()
    for entry in sorted(data.iterdir()):
        if entry.name not in OEWS_FOLDERS:
            (folder / entry.name).symlink_to(entry)
    return folder


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


def sqlite_script(data: Path, files: list[tuple[str, str]]) -> str:
    """`.import` every file into its own table (columns from the header, all TEXT)."""
    lines = []
    for number, (relative, delimiter) in enumerate(files):
        path = str(data / relative).replace('"', '""')
        lines += [".mode tabs" if delimiter == "\t" else ".mode csv", f'.import "{path}" t{number}']
    return "\n".join(lines) + "\n"


def bench_sqlite(data: Path, files: list[tuple[str, str]], workdir: Path, sqlite3: str) -> tuple[float, int, int]:
    database = workdir / "plain.sqlite3"
    seconds, rss, _ = timed([sqlite3, "-bail", str(database)], stdin=sqlite_script(data, files))
    counts = "SELECT " + " + ".join(f"(SELECT count(*) FROM t{n})" for n in range(len(files))) + ";"
    _, _, out = timed([sqlite3, str(database), counts])
    return seconds, rss, int(out.strip())


def mib(n: float) -> str:
    return f"{n / 2**20:7.1f} MiB"


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
    missing = [name for name in OEWS_FOLDERS if not (data / name).is_dir()]
    if missing:
        print(f"No {', '.join(missing)} in {data}: nothing to compare before and after.", file=sys.stderr)
        return 2
    sides = {"before": without_oews(FILES), "after": FILES}
    size = {side: sum((data / relative).stat().st_size for relative, _ in files) for side, files in sides.items()}
    print(
        f"Data: {data}; before (no OEWS): {len(sides['before'])} files, {size['before'] / 1e6:.1f} MB; "
        f"after (all): {len(sides['after'])} files, {size['after'] / 1e6:.1f} MB; {os.cpu_count()} CPUs; "
        f"runs: {args.runs}, before and after alternating"
    )

    imports: dict[str, list[tuple[float, int]]] = {"before": [], "after": []}
    summaries: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="careermap-bench-") as folders:
        folder = {"before": before_folder(data, Path(folders)), "after": data}
        for _ in range(args.runs):
            for side in ("before", "after"):
                with tempfile.TemporaryDirectory(prefix="careermap-bench-") as tmp:
                    seconds, rss, summaries[side] = bench_import(folder[side], Path(tmp))
                    imports[side].append((seconds, rss))
    import_time = {side: statistics.median(s for s, _ in runs) for side, runs in imports.items()}
    import_rss = {side: max(r for _, r in runs) for side, runs in imports.items()}
    labels = {"before": "before (without OEWS)", "after": "after (all datasets)"}
    for side in ("before", "after"):
        print(f"  {side}: {summaries[side].strip().splitlines()[-1]}")
    for side in ("before", "after"):
        print(
            f"manage.py import_data, {labels[side]:22} {import_time[side]:7.2f} s   peak RSS {mib(import_rss[side])}"
            "   (whole process)"
        )
    print(
        f"after / before: time {import_time['after'] / import_time['before']:.2f}x "
        f"({import_time['after'] - import_time['before']:+.2f} s), memory {import_rss['after'] / import_rss['before']:.2f}x "
        f"({(import_rss['after'] - import_rss['before']) / 2**20:+.1f} MiB)"
    )

    sqlite3 = shutil.which("sqlite3")
    if sqlite3 is None:
        print("sqlite3 CLI not found (apt-get install -y sqlite3): no baseline.")
    else:
        version = subprocess.run([sqlite3, "--version"], capture_output=True, text=True).stdout.split()[0]
        for side in ("before", "after"):
            plain: list[tuple[float, int]] = []
            rows = 0
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory(prefix="careermap-bench-") as tmp:
                    seconds, rss, rows = bench_sqlite(data, sides[side], Path(tmp), sqlite3)
                    plain.append((seconds, rss))
            plain_time = statistics.median(s for s, _ in plain)
            plain_rss = max(r for _, r in plain)
            print(
                f"sqlite3 {version} .import, {side:6} {plain_time:7.2f} s   peak RSS {mib(plain_rss)}   "
                f"({len(sides[side])} files, {rows:,} rows into untyped tables, no validation or joins); "
                f"import / .import: time {import_time[side] / plain_time:.1f}x, memory {import_rss[side] / plain_rss:.1f}x"
            )

    over = [f"{s:.1f} s" for s, _ in imports["after"] if s > BUDGET_SECONDS] + [
        f"{r / 2**20:.0f} MiB" for _, r in imports["after"] if r > BUDGET_BYTES
    ]
    print(
        f"budget for the full import {BUDGET_SECONDS:.0f} s / {BUDGET_BYTES / 2**30:.0f} GiB: "
        f"{'OVER: ' + ', '.join(over) if over else 'within'}"
    )
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
