"""Result links that hold their answers: quiz/codes.py, over the real practical questions in content/."""

from __future__ import annotations

import string
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careermap.quiz.codes import ITEM_IDS, NotAnAnswerCode, answers_decode, answers_encode
from careermap.quiz.questions import question_set

PRACTICAL_QUESTIONS = question_set().practical  # content/quiz/practical.yaml: no data folder needed


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, Any]:
    interests = draw(st.dictionaries(st.sampled_from(ITEM_IDS), st.integers(min_value=1, max_value=5)))
    practical = {q.id: draw(st.sampled_from([c.value for c in q.choices])) for q in PRACTICAL_QUESTIONS}
    return interests | practical


@given(answer_sets())
def test_a_token_gives_back_exactly_the_answers_it_was_made_from(answers: dict[str, Any]) -> None:
    token = answers_encode(answers, PRACTICAL_QUESTIONS)
    assert answers_decode(token, PRACTICAL_QUESTIONS) == answers
    assert set(token) <= set(string.ascii_letters + string.digits + "-_")
    assert len(token) <= 40 and (len(token) - 1) % 4 == 0  # whole base64 groups, no padding bits


@given(answer_sets(), answer_sets())
def test_different_answers_give_different_tokens(first: dict[str, Any], second: dict[str, Any]) -> None:
    if first != second:
        assert answers_encode(first, PRACTICAL_QUESTIONS) != answers_encode(second, PRACTICAL_QUESTIONS)


@given(answer_sets(), st.data())
def test_a_token_with_one_character_changed_is_no_result(answers: dict[str, Any], data: st.DataObject) -> None:
    token = answers_encode(answers, PRACTICAL_QUESTIONS)
    position = data.draw(st.integers(min_value=1, max_value=len(token) - 1))
    other = data.draw(st.sampled_from([c for c in string.ascii_letters + string.digits + "-_" if c != token[position]]))
    with pytest.raises(NotAnAnswerCode):
        answers_decode(token[:position] + other + token[position + 1 :], PRACTICAL_QUESTIONS)


def test_a_token_made_with_other_practical_questions_reads_as_changed_not_as_other_answers() -> None:
    answers = {"R1": 5} | {q.id: q.choices[0].value for q in PRACTICAL_QUESTIONS}
    renamed = [q.model_copy(update={"choices": q.choices[1:] + q.choices[:1]}) for q in PRACTICAL_QUESTIONS]
    assert answers_decode(answers_encode(answers, renamed), PRACTICAL_QUESTIONS) is None


def test_a_token_has_one_spelling_only() -> None:
    answers = {"R1": 5} | {q.id: q.choices[0].value for q in PRACTICAL_QUESTIONS}
    token = answers_encode(answers, PRACTICAL_QUESTIONS)
    for variant in (token[:9] + "." + token[9:], token + "=", token[:9] + " " + token[9:], token.replace("-", "+")):
        if variant != token:
            with pytest.raises(NotAnAnswerCode):
                answers_decode(variant, PRACTICAL_QUESTIONS)


@pytest.mark.parametrize("token", ["", "old-token-123", "a", "a!!!", "a" + "A" * 30, "b" + "A" * 30, "a\x00bc"])
def test_anything_else_is_not_an_answer_code(token: str) -> None:
    with pytest.raises(NotAnAnswerCode):
        answers_decode(token, PRACTICAL_QUESTIONS)
