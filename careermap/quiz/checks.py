"""`manage.py check` fails on a broken content/quiz/practical.yaml, naming file:line, before it is served."""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, register

from careermap.quiz.questions import QuestionsError, parse_practical, practical_path


@register("quiz")
def practical_questions_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    path = practical_path()
    try:
        parse_practical(path, path.read_text(encoding="utf-8"))
    except OSError as exc:
        return [Error(f"cannot read the quiz's practical questions: {exc}", id="quiz.E001")]
    except QuestionsError as exc:
        return [Error(str(exc), hint="See the comment at the top of the file.", id="quiz.E002")]
    return []
