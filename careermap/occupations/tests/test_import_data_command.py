"""manage.py import_data on a tiny hand-made fixture folder written into tmp_path."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from careermap.occupations.models import Dataset, Occupation
from careermap.occupations.tests.datafiles import write_data_dir

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("import_data", *args, stdout=out)
    return out.getvalue()


def test_it_imports_from_path_and_prints_one_line(tmp_path: Path) -> None:
    output = run("--path", str(write_data_dir(tmp_path)))
    assert output.count("\n") == 1  # no progress bar when stdout is not a terminal
    assert output.startswith("Imported 6 occupations (5 with interest profiles)")
    assert Occupation.objects.count() == 6


def test_it_imports_from_the_configured_data_dir(tmp_path: Path, settings) -> None:
    settings.CAREERMAP_DATA_DIR = write_data_dir(tmp_path)
    run()
    assert Dataset.objects.count() == 11


def test_a_dry_run_writes_nothing(tmp_path: Path) -> None:
    output = run("--path", str(write_data_dir(tmp_path)), "--dry-run")
    assert output.startswith("Dry run, nothing written")
    assert Occupation.objects.count() == 0


def test_a_missing_default_data_dir_is_not_an_error(tmp_path: Path, settings) -> None:
    settings.CAREERMAP_DATA_DIR = tmp_path / "absent"
    output = run()
    assert f"No data folder at {tmp_path / 'absent'}: nothing imported." in output


def test_a_missing_explicit_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No data folder at"):
        run("--path", str(tmp_path / "absent"))


def test_a_bad_file_fails_with_file_line_and_problem(tmp_path: Path) -> None:
    run("--path", str(write_data_dir(tmp_path / "good")))
    bad = write_data_dir(
        tmp_path / "bad", overrides={"onet_29_3/Job Zones.txt": "O*NET-SOC Code\tJob Zone\n11-1011.00\tfive\n"}
    )
    with pytest.raises(CommandError) as error:
        run("--path", str(bad))
    assert str(error.value) == (
        f"Import failed, nothing changed: {bad / 'onet_29_3' / 'Job Zones.txt'}:2: Job Zone: 'five' is not a number"
    )
    assert Occupation.objects.count() == 6


def test_verbosity_2_lists_each_dataset(tmp_path: Path) -> None:
    output = run("--path", str(write_data_dir(tmp_path)), "--verbosity", "2")
    assert "  aioe: 5 rows read, 4 joined, 1 unmatched" in output
