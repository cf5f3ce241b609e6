"""Questions: the item file from the data folder, and content/quiz/practical.yaml with file:line errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from django.conf import settings

from careermap.quiz.questions import (
    PRACTICAL_VALUES,
    QuestionsError,
    parse_answers,
    parse_codebook,
    parse_practical,
    practical_path,
    question_set,
)
from careermap.quiz.tests.conftest import ITEM_IDS, PRACTICAL, codebook_text

REPO_FILE = Path(settings.BASE_DIR) / "content" / "quiz" / "practical.yaml"


def practical_text(mutate: Any = None) -> str:
    data = yaml.safe_load(REPO_FILE.read_text(encoding="utf-8"))
    if mutate is not None:
        mutate(data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def test_the_codebook_gives_48_items_interleaved_by_type() -> None:
    items = parse_codebook(codebook_text())
    assert len(items) == 48
    assert [item.id for item in items[:7]] == ["R1", "I1", "A1", "S1", "E1", "C1", "R2"]
    assert items[0].text == "Fixture activity R1" and items[0].type_name == "Realistic"


def test_a_codebook_missing_an_item_is_rejected() -> None:
    with pytest.raises(ValueError, match="C8"):
        parse_codebook(codebook_text().replace("C8\t", "C9\t"))


def test_missing_items_make_the_quiz_unavailable(no_items: None) -> None:
    assert question_set().items is None


def test_the_item_file_is_read_from_the_data_folder(items: Path) -> None:
    assert question_set().items_available
    (items / "codebook.txt").write_text(codebook_text().replace("Fixture activity R1", "Changed text R1 longer"))
    assert question_set().items is not None and question_set().items[0].text == "Changed text R1 longer"  # type: ignore[index]


def test_the_repositorys_practical_questions_are_valid() -> None:
    questions = parse_practical(REPO_FILE, REPO_FILE.read_text(encoding="utf-8"))
    assert [q.id for q in questions] == list(PRACTICAL_VALUES)
    assert practical_path() == REPO_FILE


def test_a_wrong_answer_value_is_reported_with_its_line() -> None:
    def rename(data: dict[str, Any]) -> None:
        data["questions"][0]["choices"][1]["value"] = "fortnight"

    text = practical_text(rename)
    with pytest.raises(QuestionsError) as error:
        parse_practical(Path("practical.yaml"), text)
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "fortnight" in row)
    assert error.value.line <= line and error.value.field == "questions.0"
    assert "week, month, within-year, year" in error.value.message
    assert str(error.value).startswith(f"practical.yaml:{error.value.line}: questions.0: ")


def test_yes_and_no_parsed_as_booleans_are_rejected_with_their_line() -> None:
    text = REPO_FILE.read_text(encoding="utf-8").replace("value: 18-plus", "value: yes")
    with pytest.raises(QuestionsError) as error:
        parse_practical(Path("p.yaml"), text)
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "value: yes" in row)
    assert (error.value.line, error.value.field) == (line, "questions.4.choices.0.value")


def test_a_missing_question_is_named() -> None:
    def drop(data: dict[str, Any]) -> None:
        data["questions"] = [q for q in data["questions"] if q["id"] != "licence"]

    with pytest.raises(QuestionsError, match="missing questions: licence"):
        parse_practical(Path("p.yaml"), practical_text(drop))


def test_an_unknown_key_is_reported_with_its_line() -> None:
    text = REPO_FILE.read_text(encoding="utf-8").replace("  - id: hours\n", "  - id: hours\n    colour: blue\n")
    with pytest.raises(QuestionsError) as error:
        parse_practical(Path("p.yaml"), text)
    assert error.value.field == "questions.8.colour"
    assert text.splitlines()[error.value.line - 1].strip() == "colour: blue"


def test_broken_yaml_is_reported_with_its_line() -> None:
    with pytest.raises(QuestionsError) as error:
        parse_practical(Path("p.yaml"), "questions:\n  - id: [unclosed\n")
    assert error.value.field == "yaml" and error.value.line >= 2


def test_parse_answers_maps_practical_answers_to_matching_terms(items: Path) -> None:
    answers, errors = parse_answers({"R1": 5} | PRACTICAL | {"budget": "up-to-500", "age": "under-18"}, question_set())
    assert errors == [] and answers is not None
    p = answers.practical
    assert (p.budget_usd, p.adult, p.work_authorized, p.licence_ok, p.education) == (500, False, True, True, 4)
    assert answers.interests == {"R1": 5}


def test_parse_answers_names_every_bad_field(items: Path) -> None:
    raw = {"R1": 0, "I1": "4", "X": 1} | {k: v for k, v in PRACTICAL.items() if k != "goal"} | {"hours": "lots"}
    answers, errors = parse_answers(raw, question_set())
    assert answers is None
    assert sorted(e.field for e in errors) == ["I1", "R1", "X", "goal", "hours"]


def test_all_items_are_known_to_the_answers_parser(items: Path) -> None:
    answers, errors = parse_answers(dict.fromkeys(ITEM_IDS, 2) | PRACTICAL, question_set())
    assert errors == [] and answers is not None and len(answers.interests) == 48


def test_the_system_check_names_a_broken_practical_file(tmp_path: Path, settings: Any) -> None:
    from careermap.quiz.checks import practical_questions_check

    assert practical_questions_check() == []
    (tmp_path / "quiz").mkdir()
    (tmp_path / "quiz" / "practical.yaml").write_text(REPO_FILE.read_text().replace("value: week", "value: soon"))
    settings.CAREERMAP_CONTENT_DIR = tmp_path
    [error] = practical_questions_check()
    assert error.id == "quiz.E002" and "practical.yaml:" in error.msg and "questions.0" in error.msg
