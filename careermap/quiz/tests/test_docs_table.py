"""docs/quiz.md's table of weights is generated from rules.Weights: the two must agree."""

from __future__ import annotations

from pathlib import Path

from careermap.quiz.rules import weights_table

DOC = Path(__file__).resolve().parents[3] / "docs" / "quiz.md"


def test_the_documented_weights_are_the_code_s() -> None:
    text = DOC.read_text(encoding="utf-8")
    start, end = "<!-- quiz-weights:start -->\n", "\n<!-- quiz-weights:end -->"
    documented = text[text.index(start) + len(start) : text.index(end)]
    assert documented == weights_table(), (
        "regenerate the table: python -c 'from careermap.quiz.rules import weights_table; print(weights_table())'"
    )
