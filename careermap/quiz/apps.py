from __future__ import annotations

from django.apps import AppConfig


class QuizConfig(AppConfig):
    name = "careermap.quiz"
    label = "quiz"
    verbose_name = "Quiz"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from careermap.quiz import checks  # noqa: F401  (registers the system check)
