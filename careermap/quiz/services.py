"""Writes for the quiz: store a result (the answers and a random token, nothing else)."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from careermap.lib import ratelimit
from careermap.quiz.models import QuizResult

# Quiz submissions per client address: a burst of 20, refilled over 10 minutes.
SUBMIT_CAPACITY = 20
SUBMIT_PER_SECONDS = 600


def quiz_submit_allowed(*, client: str) -> bool:
    """Take one token from the client's bucket (careermap.lib.ratelimit, cache-backed)."""
    return ratelimit.allow(scope="quiz-submit", value=client, capacity=SUBMIT_CAPACITY, per_seconds=SUBMIT_PER_SECONDS)


def quiz_result_create(*, answers: Mapping[str, Any]) -> QuizResult:
    """Store validated answers under a fresh unguessable token (96 random bits: a collision is not
    a case worth a retry loop; the unique constraint would turn one into an error, never a mix-up)."""
    result = QuizResult(token=secrets.token_urlsafe(12), answers=dict(sorted(answers.items())))
    result.full_clean(validate_unique=False, validate_constraints=False)  # the database enforces both
    result.save(force_insert=True)
    return result
