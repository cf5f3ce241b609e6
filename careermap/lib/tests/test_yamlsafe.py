"""The one YAML error and line finder that content and quiz files share."""

from __future__ import annotations

import pytest

from careermap.lib.yamlsafe import YamlFileError, YamlProblem, line_of, load_with_nodes

TEXT = """\
title: A
needs:
  education:
    level: nowhere
items:
  - id: one
  - id: two
"""


@pytest.mark.parametrize(
    ("loc", "line"),
    [
        ((), 1),
        (("title",), 1),
        (("needs",), 2),  # a mapping value: the key's line, where the field's name is
        (("needs", "education", "level"), 4),
        (("items", 1), 7),
        (("items", 1, "id"), 7),
        (("needs", "education", "missing"), 3),  # absent: the nearest parent that exists
        (("items", 9), 5),
    ],
)
def test_a_validation_path_finds_its_line(loc: tuple[object, ...], line: int) -> None:
    _, root = load_with_nodes(TEXT)
    assert line_of(root, loc) == line


def test_no_document_is_line_1() -> None:
    assert line_of(None, ("anything",)) == 1


def test_the_error_reads_path_line_field_message() -> None:
    error = YamlFileError("content/x.md", 4, "needs.education.level", "not a level")
    assert str(error) == "content/x.md:4: needs.education.level: not a level"


def test_a_date_that_is_no_date_gets_its_line() -> None:
    with pytest.raises(YamlProblem) as caught:
        load_with_nodes("a: 1\nwhen: 2026-13-45\n")
    assert caught.value.line == 2
