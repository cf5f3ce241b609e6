"""Result links that hold their answers: quiz/codes.py, over the real practical questions in content/."""

from __future__ import annotations

import datetime as dt
import string
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careermap.quiz.codes import DEFAULTS, ITEM_IDS, NotAnAnswerCode, Stamp, answers_decode, answers_encode
from careermap.quiz.questions import question_set

PRACTICAL_QUESTIONS = question_set().practical  # content/quiz/practical.yaml: no data folder needed


@st.composite
def answer_sets(draw: st.DrawFn) -> dict[str, Any]:
    interests = draw(st.dictionaries(st.sampled_from(ITEM_IDS), st.integers(min_value=1, max_value=5)))
    practical = {q.id: draw(st.sampled_from([c.value for c in q.choices])) for q in PRACTICAL_QUESTIONS}
    job = draw(
        st.one_of(st.just({}), st.from_regex(r"\A[0-9]{2}-[0-9]{4}\.[0-9]{2}\Z").map(lambda code: {"job": code}))
    )
    return interests | practical | job


def decode(token: str) -> dict[str, Any] | None:
    return answers_decode(token, PRACTICAL_QUESTIONS)[0]


@given(answer_sets())
def test_a_token_gives_back_exactly_the_answers_it_was_made_from(answers: dict[str, Any]) -> None:
    token = answers_encode(answers, PRACTICAL_QUESTIONS)
    assert decode(token) == answers
    assert set(token) <= set(string.ascii_letters + string.digits + "-_")
    assert len(token) <= 52 and (len(token) - 1) % 4 == 0  # whole base64 groups, no padding bits


@given(answer_sets(), st.dates(dt.date(2026, 1, 2), dt.date(2150, 1, 1)), st.text(), st.lists(st.text(), max_size=3))
def test_a_token_gives_back_its_stamp(answers: dict[str, Any], day: dt.date, version: str, keys: list[str]) -> None:
    stamp = Stamp.of(day=day, data_version=version, keys=keys)
    assert answers_decode(answers_encode(answers, PRACTICAL_QUESTIONS, stamp), PRACTICAL_QUESTIONS) == (answers, stamp)


# Made by the layout-"a" encoder before issue 23 (git show 3201ea9:careermap/quiz/codes.py) from only("C")
# with the open practical answers, and from the same with R3 skipped, urgency "week" and durability "a-lot".
OLD_LINKS: dict[str, dict[str, int | str]] = {
    "awPE5ENXKPuxF8fPik08mZsyTQuIIyJ2s": {"R3": 1, "urgency": "year", "durability": "not-much"},
    "awPE5EHIGv9Y2GpL69dM-ZsyTP4-GilLx": {"urgency": "week", "durability": "a-lot"},
}


@pytest.mark.parametrize("token", OLD_LINKS)
def test_links_made_before_new_questions_keep_working_with_defaults(token: str) -> None:
    answers, stamp = answers_decode(token, PRACTICAL_QUESTIONS)
    assert answers is not None and stamp is None
    assert {k: v for k, v in answers.items() if k[:1] == "C" and k[1:].isdigit()} == {f"C{n}": 5 for n in range(1, 9)}
    assert answers["R1"] == 1 and ("R3" in answers) == ("R3" in OLD_LINKS[token])
    for key, value in OLD_LINKS[token].items():
        assert answers[key] == value
    assert answers["budget"] == "more" and answers["goal"] == "hired" and "job" not in answers
    for key, value in DEFAULTS.items():
        assert answers[key] == value


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
    assert answers_decode(answers_encode(answers, renamed), PRACTICAL_QUESTIONS) == (None, None)


def test_a_token_has_one_spelling_only() -> None:
    answers = {"R1": 5} | {q.id: q.choices[0].value for q in PRACTICAL_QUESTIONS}
    token = answers_encode(answers, PRACTICAL_QUESTIONS)
    for variant in (token[:9] + "." + token[9:], token + "=", token[:9] + " " + token[9:], token.replace("-", "+")):
        if variant != token:
            with pytest.raises(NotAnAnswerCode):
                answers_decode(variant, PRACTICAL_QUESTIONS)


@pytest.mark.parametrize(
    "token", ["", "old-token-123", "a", "a!!!", "a" + "A" * 32, "b" + "A" * 40, "c" + "A" * 40, "a\x00bc"]
)
def test_anything_else_is_not_an_answer_code(token: str) -> None:
    with pytest.raises(NotAnAnswerCode):
        answers_decode(token, PRACTICAL_QUESTIONS)
