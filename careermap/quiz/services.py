"""Writes for the quiz: only the submission rate limit. A result is not stored: its link holds the
answers (quiz/codes.py). Results shared before that live on, read-only, in QuizResult."""

from __future__ import annotations

from careermap.lib import ratelimit

# Quiz submissions per client address: a burst of 20, refilled over 10 minutes.
SUBMIT_CAPACITY = 20
SUBMIT_PER_SECONDS = 600


def quiz_submit_allowed(*, client: str) -> bool:
    """Take one token from the client's bucket (careermap.lib.ratelimit, cache-backed)."""
    return ratelimit.allow(scope="quiz-submit", value=client, capacity=SUBMIT_CAPACITY, per_seconds=SUBMIT_PER_SECONDS)
