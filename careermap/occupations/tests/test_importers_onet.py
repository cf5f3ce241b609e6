"""O*NET parsers on tiny hand-made fixture files (written into tmp_path by each test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careermap.occupations.importers import onet
from careermap.occupations.importers.base import ImportFileError
from careermap.occupations.tests.datafiles import onet_files, tsv


def write(tmp_path: Path, name: str, text: str | None = None) -> Path:
    path = tmp_path / name
    path.write_text(onet_files()[name] if text is None else text, encoding="utf-8")
    return path


def replace_line(name: str, line: int, new: str) -> str:
    lines = onet_files()[name].splitlines()
    lines[line - 1] = new
    return "\n".join(lines) + "\n"


def test_it_reads_the_release_version(tmp_path: Path) -> None:
    assert onet.parse_readme(write(tmp_path, "Read Me.txt")) == onet.Release("29.3", "May 2025 Release")


def test_it_rejects_an_unsupported_release(tmp_path: Path) -> None:
    path = write(tmp_path, "Read Me.txt", "O*NET 27.0 Database\nAugust 2022 Release\n")
    with pytest.raises(ImportFileError) as error:
        onet.parse_readme(path)
    assert str(error.value) == f"{path}:1: O*NET 27.0 is not a supported version (expected 29.3)"


def test_it_parses_occupations(tmp_path: Path) -> None:
    rows = onet.parse_occupations(write(tmp_path, "Occupation Data.txt"))
    assert len(rows) == 6
    assert rows[0] == onet.OccupationRow("11-1011.00", "Chief Executives", "Determine and formulate policies.")


def test_it_names_file_and_line_for_a_bad_code(tmp_path: Path) -> None:
    path = write(tmp_path, "Occupation Data.txt", replace_line("Occupation Data.txt", 3, "11-10110\tX\tY"))
    with pytest.raises(ImportFileError) as error:
        onet.parse_occupations(path)
    assert str(error.value).startswith(f"{path}:3: O*NET-SOC Code: '11-10110' is not an O*NET-SOC code")


def test_it_rejects_a_missing_column(tmp_path: Path) -> None:
    path = write(tmp_path, "Occupation Data.txt", "O*NET-SOC Code\tTitle\n11-1011.00\tChief Executives\n")
    with pytest.raises(ImportFileError) as error:
        onet.parse_occupations(path)
    assert error.value.line == 1
    assert "missing column(s) ['Description']" in error.value.message


def test_it_rejects_a_line_cut_short(tmp_path: Path) -> None:
    text = onet_files()["Occupation Data.txt"]
    path = write(tmp_path, "Occupation Data.txt", text[: text.rindex("\t")])  # truncated mid-row
    with pytest.raises(ImportFileError) as error:
        onet.parse_occupations(path)
    assert error.value.line == 7
    assert "expected 3 fields, found 2 (truncated or malformed line)" in str(error.value)


def test_it_rejects_a_file_with_only_a_header(tmp_path: Path) -> None:
    path = write(tmp_path, "Occupation Data.txt", "O*NET-SOC Code\tTitle\tDescription\n")
    with pytest.raises(ImportFileError, match="no data rows"):
        onet.parse_occupations(path)


def test_it_rejects_a_duplicate_occupation(tmp_path: Path) -> None:
    text = onet_files()["Occupation Data.txt"] + "11-1011.00\tAgain\tAgain\n"
    with pytest.raises(ImportFileError, match=r":8: O\*NET-SOC Code: 11-1011.00 appears twice"):
        onet.parse_occupations(write(tmp_path, "Occupation Data.txt", text))


def test_it_builds_interest_profiles_and_high_point_codes(tmp_path: Path) -> None:
    profiles = onet.parse_interests(write(tmp_path, "Interests.txt"))
    assert len(profiles) == 5
    assert profiles["15-1252.00"].scores == (3.93, 5.86, 2.26, 1.88, 1.87, 5.46)
    assert profiles["15-1252.00"].high_point == "ICR"
    assert profiles["11-1011.00"].high_point == "EC"  # third high point 0 = none


def test_it_rejects_a_score_that_is_not_a_number(tmp_path: Path) -> None:
    line = "11-1011.00\tChief Executives\t1.B.1.a\tRealistic\tOI\tOccupational Interests\tabc\t11/2023\tML"
    path = write(tmp_path, "Interests.txt", replace_line("Interests.txt", 2, line))
    with pytest.raises(ImportFileError) as error:
        onet.parse_interests(path)
    assert str(error.value) == f"{path}:2: Data Value: 'abc' is not a number"


def test_it_rejects_a_score_off_the_scale(tmp_path: Path) -> None:
    line = "11-1011.00\tChief Executives\t1.B.1.a\tRealistic\tOI\tOccupational Interests\t9.5\t11/2023\tML"
    with pytest.raises(ImportFileError, match=":2: Data Value: 9.5 is above 7"):
        onet.parse_interests(write(tmp_path, "Interests.txt", replace_line("Interests.txt", 2, line)))


def test_it_rejects_an_incomplete_interest_profile(tmp_path: Path) -> None:
    lines = onet_files()["Interests.txt"].splitlines()
    path = write(tmp_path, "Interests.txt", "\n".join(lines[:-1]) + "\n")  # last occupation loses a row
    with pytest.raises(ImportFileError, match=r":38: 29-1141.00 has 8 of its 9 interest rows \(truncated file\?\)"):
        onet.parse_interests(path)


def test_it_parses_job_zones_and_their_reference(tmp_path: Path) -> None:
    assert onet.parse_job_zones(write(tmp_path, "Job Zones.txt"))["15-1252.00"] == 4
    reference = onet.parse_job_zone_reference(write(tmp_path, "Job Zone Reference.txt"))
    assert [z.zone for z in reference] == [1, 2, 3, 4, 5]


def test_it_rejects_a_job_zone_out_of_range(tmp_path: Path) -> None:
    path = write(tmp_path, "Job Zones.txt", replace_line("Job Zones.txt", 4, "15-1252.00\tSD\t6\t08/2023\tAnalyst"))
    with pytest.raises(ImportFileError, match=":4: Job Zone: 6 is above 5"):
        onet.parse_job_zones(path)


def test_it_parses_alternate_titles_with_short_titles(tmp_path: Path) -> None:
    titles = onet.parse_alternate_titles(write(tmp_path, "Alternate Titles.txt"))
    assert titles[0] == onet.AlternateTitleRow("11-1011.00", "Chief Executive Officer", "CEO", "04,06")
    assert titles[1].short_title == ""


def test_it_reads_n_a_as_empty(tmp_path: Path) -> None:
    # The official text release writes n/a where the Excel release leaves a cell empty.
    text = tsv(
        ["O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"],
        [["15-1252.00", "Application Developer", "n/a", "08"]],
    )
    assert onet.parse_alternate_titles(write(tmp_path, "Alternate Titles.txt", text))[0].short_title == ""


def test_it_parses_tasks_including_quotes_and_unclassified_ones(tmp_path: Path) -> None:
    tasks = {t.task_id: t for t in onet.parse_tasks(write(tmp_path, "Task Statements.txt"))}
    assert tasks[16987].statement == 'Analyze "user" needs.'
    assert tasks[16987].task_type == "supplemental"
    assert tasks[16987].incumbents_responding is None
    assert tasks[12345].task_type == ""


def test_it_rejects_an_unknown_task_type(tmp_path: Path) -> None:
    line = "15-1252.00\tSD\t16363\tModify existing software.\tOptional\t30\t08/2023\tIncumbent"
    path = write(tmp_path, "Task Statements.txt", replace_line("Task Statements.txt", 3, line))
    with pytest.raises(ImportFileError, match=":3: Task Type: 'Optional' is not Core or Supplemental"):
        onet.parse_tasks(path)


def test_it_rejects_a_fractional_task_id(tmp_path: Path) -> None:
    line = "15-1252.00\tSD\t163.5\tModify existing software.\tCore\t30\t08/2023\tIncumbent"
    path = write(tmp_path, "Task Statements.txt", replace_line("Task Statements.txt", 3, line))
    with pytest.raises(ImportFileError, match=":3: Task ID: '163.5' is not a whole number"):
        onet.parse_tasks(path)


def test_it_parses_related_occupations(tmp_path: Path) -> None:
    related = onet.parse_related(write(tmp_path, "Related Occupations.txt"))
    assert related[0] == onet.RelatedRow("11-1011.00", "11-1011.03", "primary-short", 1)


def test_it_rejects_an_unknown_relatedness_tier(tmp_path: Path) -> None:
    line = "11-1011.00\tCE\t11-1011.03\tCSO\tTertiary\t1"
    path = write(tmp_path, "Related Occupations.txt", replace_line("Related Occupations.txt", 2, line))
    with pytest.raises(ImportFileError, match=":2: Relatedness Tier: 'Tertiary'"):
        onet.parse_related(path)


def test_it_picks_the_modal_education_level_and_the_lower_one_on_a_tie(tmp_path: Path) -> None:
    levels = onet.parse_education(write(tmp_path, "Education, Training, and Experience.txt"))
    assert levels["11-1011.00"] == onet.EducationLevel(category=6, share=45.5)
    assert levels["29-1141.00"] == onet.EducationLevel(category=5, share=40)
    labels = onet.parse_education_categories(write(tmp_path, "Education, Training, and Experience Categories.txt"))
    assert labels == {5: "Associate's Degree (or other 2-year degree)", 6: "Bachelor's Degree", 8: "Master's Degree"}


def test_it_rejects_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "Occupation Data.txt"
    path.write_bytes(b"O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief \xff\tx\n")
    with pytest.raises(ImportFileError, match=":2: not valid UTF-8"):
        onet.parse_occupations(path)


def test_it_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match=r"Job Zones.txt:0: file not found"):
        onet.parse_job_zones(tmp_path / "Job Zones.txt")
