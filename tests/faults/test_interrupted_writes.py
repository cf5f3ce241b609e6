"""Fault checks that run inside the suite: a content load or a data import killed with SIGKILL in the
middle of its transaction, or refused by a full or unwritable database, leaves the previous content
and data intact and served. Each runs the real management command in a child process against a
temporary SQLite file (tests/faults/runner.py holds it at a known point inside the transaction).

The disruptive checks (PostgreSQL and Redis stopped under load, a real full tmpfs, a read-only mount)
are in bench/faults.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careermap.content.tests.factories import front_matter, write_read
from careermap.occupations.tests.datafiles import files, tsv, write_data_dir

ROOT = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("runner.py")
PAGES = ["/reads/steady-read/", "/reads/steady-read/sources/", "/occupations/29-1141.00/", "/occupations/"]


def child_env(database: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DATABASE_URL"}}
    return env | {
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "0",
        "STATIC_MANIFEST": "0",
        "ALLOWED_HOSTS": "testserver",
        "LOG_LEVEL": "ERROR",
    }


def run(database: Path, mode: str, *args: str, marker: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(RUNNER), mode, str(marker or "-"), *args],
        cwd=ROOT,
        env=child_env(database),
        capture_output=True,
        text=True,
        timeout=300,
    )


def kill_when_held(database: Path, mode: str, *args: str, tmp_path: Path) -> int:
    """Start the command, wait until it is inside its transaction, SIGKILL it; its exit status."""
    marker = tmp_path / f"{mode}.held"
    child = subprocess.Popen(
        [sys.executable, str(RUNNER), mode, str(marker), *args],
        cwd=ROOT,
        env=child_env(database),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not marker.exists():
        if child.poll() is not None:
            pytest.fail(f"{mode} ended before it was held: {child.stderr.read() if child.stderr else ''}")
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail(f"{mode} was never held inside its transaction")
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    return child.returncode


def fingerprint(database: Path) -> dict[str, object]:
    """What a successful load or import would change: the rows (with their ids, which a reload
    renews), the latest content release and the import time."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        result: dict[str, object] = {}
        for name, sql in (
            ("reads", "SELECT rowid, slug, html FROM content_read ORDER BY slug"),
            ("releases", "SELECT rowid, sha256 FROM content_contentrelease ORDER BY rowid"),
            ("occupations", "SELECT code, title FROM occupations_occupation ORDER BY code"),
            ("titles", "SELECT rowid, occupation_id, title FROM occupations_alternatetitle ORDER BY rowid"),
            ("tasks", "SELECT rowid, task_id FROM occupations_task ORDER BY rowid"),
            ("datasets", "SELECT key, imported_at FROM occupations_dataset ORDER BY key"),
        ):
            rows = conn.execute(sql).fetchall()
            result[name] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest())
        return result
    finally:
        conn.close()


def served(database: Path) -> dict[str, int]:
    result = run(database, "get", *PAGES)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An SQLite database, migrated, with two reads loaded and the fixture datasets imported."""
    root = tmp_path_factory.mktemp("faults")
    database = root / "seed.sqlite3"
    content = root / "content"
    write_read(content, "steady-read", front_matter(title="A steady read"))
    write_read(content, "other-read", front_matter(title="Another read"))
    data = write_data_dir(root / "data")
    for args in (
        ("migrate", "--noinput", "-v0"),
        ("content_load", "--path", str(content)),
        ("import_data", "--path", str(data)),
    ):
        result = run(database, "plain", *args)
        assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    conn = sqlite3.connect(database)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    # A bigger release of one file, for an import that needs room to grow.
    titles: list[list[object]] = [
        ["29-1141.00", "Registered Nurses", f"Fixture nurse title {n:04d}", "", "04"] for n in range(3000)
    ]
    bigger = write_data_dir(
        root / "data-bigger",
        {
            "onet_29_3/Alternate Titles.txt": files()["onet_29_3/Alternate Titles.txt"]
            + tsv(["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"], titles).split("\n", 1)[1]
        },
    )
    return {"database": database, "content": content, "data": data, "bigger": bigger}


@pytest.fixture
def database(seed: dict[str, Path], tmp_path: Path) -> Path:
    copy = tmp_path / "careermap.sqlite3"
    shutil.copy(seed["database"], copy)
    return copy


def test_the_seed_serves_its_pages(database: Path) -> None:
    assert served(database) == dict.fromkeys(PAGES, 200)


def test_a_content_load_killed_inside_its_transaction_leaves_the_previous_reads(
    database: Path, seed: dict[str, Path], tmp_path: Path
) -> None:
    before = fingerprint(database)
    status = kill_when_held(database, "hang-content", "content_load", "--path", str(seed["content"]), tmp_path=tmp_path)
    assert status == -signal.SIGKILL
    assert fingerprint(database) == before
    assert served(database) == dict.fromkeys(PAGES, 200)
    # and the next load goes through
    assert run(database, "plain", "content_load", "--path", str(seed["content"])).returncode == 0
    assert fingerprint(database)["releases"] != before["releases"]


def test_an_import_killed_inside_its_transaction_leaves_the_previous_data(
    database: Path, seed: dict[str, Path], tmp_path: Path
) -> None:
    before = fingerprint(database)
    status = kill_when_held(database, "hang-import", "import_data", "--path", str(seed["bigger"]), tmp_path=tmp_path)
    assert status == -signal.SIGKILL
    assert fingerprint(database) == before
    assert served(database) == dict.fromkeys(PAGES, 200)


def test_an_import_into_a_full_database_fails_clearly_and_changes_nothing(
    database: Path, seed: dict[str, Path]
) -> None:
    before = fingerprint(database)
    result = run(database, "full-disk", "import_data", "--path", str(seed["bigger"]))
    assert result.returncode != 0
    assert "database or disk is full" in result.stderr.strip().splitlines()[-1]
    assert fingerprint(database) == before
    assert served(database) == dict.fromkeys(PAGES, 200)


def test_an_import_into_an_unwritable_database_fails_clearly_and_changes_nothing(
    database: Path, seed: dict[str, Path]
) -> None:
    before = fingerprint(database)
    result = run(database, "read-only", "import_data", "--path", str(seed["bigger"]))
    assert result.returncode != 0
    assert "readonly database" in result.stderr.strip().splitlines()[-1]
    assert fingerprint(database) == before
    assert served(database) == dict.fromkeys(PAGES, 200)


def test_a_content_load_into_a_full_database_fails_clearly_and_changes_nothing(
    database: Path, seed: dict[str, Path], tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(seed["content"], content)
    for n in range(40):
        write_read(content, f"extra-read-{n}", front_matter(title=f"Extra read {n}"))
    before = fingerprint(database)
    result = run(database, "full-disk", "content_load", "--path", str(content))
    assert result.returncode != 0
    assert "database or disk is full" in result.stderr.strip().splitlines()[-1]
    assert fingerprint(database) == before
