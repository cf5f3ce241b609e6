"""The quiz stores nothing: a result's link holds its answers (quiz/codes.py). The QuizResult table
of earlier links was removed (issue 18: no deployment ever issued them)."""
