"""The Anthropic Economic Index parsers and the task join, on hand-made files (aeifiles.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careermap.occupations.importers import anthropic
from careermap.occupations.importers.base import ImportFileError
from careermap.occupations.tests.aeifiles import (
    EXPOSURE,
    EXPOSURE_HEADER,
    USAGE,
    USAGE_HEADER,
    aei_files,
)
from careermap.occupations.tests.datafiles import csv_text

TASK_OWNER = {8823: "11-1011.00", 16363: "15-1252.00", 16987: "15-1252.00", 12345: "29-1141.00"}


def write(tmp_path: Path, relative: str, text: str) -> Path:
    path = tmp_path / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def usage(tmp_path: Path) -> list[anthropic.TaskUsage]:
    return anthropic.parse_task_usage(write(tmp_path, USAGE, aei_files()[USAGE]))


def test_observed_exposure_is_read_as_published(tmp_path: Path) -> None:
    rows = anthropic.parse_observed_exposure(write(tmp_path, EXPOSURE, aei_files()[EXPOSURE]))
    assert [(r.code, r.values["observed_exposure"]) for r in rows][:3] == [
        ("11-1011", 0.0333),
        ("15-1252", 0.5),
        ("15-1253", 0.0),
    ]
    assert rows[0].line == 2


def test_task_usage_keeps_every_row_and_its_matches(tmp_path: Path) -> None:
    rows = usage(tmp_path)
    assert len(rows) == 7
    assert rows[1].placeholder and rows[1].share is None
    assert rows[2].matches == (("11-1011.00", 8823), ("15-1252.00", 16987))
    assert rows[4].matches == ()


def test_unmatched_strings_are_counted_not_dropped(tmp_path: Path) -> None:
    joined = anthropic.join_task_usage(usage(tmp_path), task_owner=TASK_OWNER)
    assert joined.strings_joined + joined.strings_unmatched == 7
    assert joined.strings_unmatched == 3
    assert [text for text, _ in joined.unmatched] == [
        "an older wording of a task.",
        "not_classified",
        "a task of another occupation.",
    ]
    assert joined.pairs_not_in_onet == 1  # 8823 belongs to 11-1011.00, not 15-1252.00
    assert joined.notes()["task_strings_unmatched"] == 3


def test_a_string_matching_several_occupations_is_counted_once(tmp_path: Path) -> None:
    joined = anthropic.join_task_usage(usage(tmp_path), task_owner=TASK_OWNER)
    assert joined.conversations_total == 255
    assert joined.conversations_classified == 225  # not_classified left out
    assert joined.conversations_joined == 100 + 40 + 10 + 20  # "direct financial…" once, not twice
    assert joined.strings_for_several_occupations == 1
    # It shows under both occupations' tasks.
    assert joined.tasks[8823].conversations == 40
    assert joined.tasks[16987].conversations == 40 + 20
    # Two strings on one task add up.
    assert joined.tasks[16363].conversations == 100 + 10 + 20
    assert joined.tasks[16363].share == pytest.approx(0.44444444 + 0.04444444 + 0.08888889)


def test_a_pair_listed_twice_in_a_row_is_one_match(tmp_path: Path) -> None:
    text = csv_text(USAGE_HEADER, [["a task.", 7, "0.1", "15-1252.00|16363; 15-1252.00|16363", ""]])
    rows = anthropic.parse_task_usage(write(tmp_path, USAGE, text))
    assert rows[0].matches == (("15-1252.00", 16363),)
    joined = anthropic.join_task_usage(rows, task_owner=TASK_OWNER)
    assert joined.tasks[16363].conversations == 7


def test_below_shares_give_zero_to_the_lowest_and_ties_the_same() -> None:
    shares = anthropic.below_shares({"a": 0.0, "b": 0.0, "c": 0.2, "d": 0.7})
    assert shares == {"a": 0.0, "b": 0.0, "c": 0.5, "d": 0.75}


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [
        (
            EXPOSURE,
            csv_text(EXPOSURE_HEADER, [["15-1252", "Software Developers", "x", "1.5"]]),
            ":2: observed_exposure: 1.5 is above 1",
        ),
        (
            EXPOSURE,
            csv_text(EXPOSURE_HEADER, [["15-1252", "A", "x", "0.1"], ["15-1252", "A", "x", "0.2"]]),
            ":3: occ_code: 15-1252 appears twice",
        ),
        (
            EXPOSURE,
            csv_text(EXPOSURE_HEADER, [["15-1252.00", "A", "x", "0.1"]]),
            ":2: occ_code: '15-1252.00' is not a SOC code",
        ),
        (
            USAGE,
            csv_text(
                USAGE_HEADER, [["a task.", 3, "0.1", "15-1252.00|1", ""], ["b task.", 4, "0.1", "15-1252.00-2", ""]]
            ),
            ":3: onet29_3_matches: '15-1252.00-2' is not a pair like 15-1251.00|16363",
        ),
        (
            USAGE,
            csv_text(USAGE_HEADER, [["a task.", "-3", "0.1", "", ""]]),
            ":2: api_conversation_count: -3 is below 0",
        ),
        (USAGE, csv_text(USAGE_HEADER, [["a task.", "3", "", "", ""]]), ":2: share_of_task_classified: empty"),
        (
            USAGE,
            csv_text(USAGE_HEADER, [["a task.", 3, "0.1", "", ""], ["a task.", 3, "0.1", "", ""]]),
            ":3: anthropic_task: 'a task.' appears twice",
        ),
        (USAGE, "anthropic_task,api_conversation_count\nx,1\n", ":1: missing column(s)"),
    ],
)
def test_a_bad_row_is_reported_with_file_and_line(tmp_path: Path, relative: str, text: str, expected: str) -> None:
    path = write(tmp_path, relative, text)
    parse = anthropic.parse_observed_exposure if relative == EXPOSURE else anthropic.parse_task_usage
    with pytest.raises(ImportFileError) as error:
        parse(path)
    assert str(error.value).startswith(str(path))
    assert expected in str(error.value)
