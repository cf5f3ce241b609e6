"""A quiz result shared before result links carried their answers (quiz/codes.py): a random
token and the answers, nothing else. No new rows are written; old links keep working.

No account, no IP address, no time of day: the answers alone, so the result page can be
recomputed against the current data and shared by link.
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class QuizResult(models.Model):
    token = models.CharField(max_length=32, unique=True)
    answers = models.JSONField(help_text="Question id → answer, exactly as submitted and validated.")
    created = models.DateField(auto_now_add=True, help_text="The day only, to prune old results.")

    class Meta:
        constraints = [models.CheckConstraint(condition=~models.Q(token=""), name="quiz_result_has_token")]

    def __str__(self) -> str:
        return f"quiz result {self.token}"

    def get_absolute_url(self) -> str:
        return reverse("quiz:results", args=[self.token])
