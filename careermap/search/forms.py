from __future__ import annotations

from django import forms

from careermap.search.text import MAX_QUERY_CHARS, words

EMPTY_MESSAGE = "Type a job title, for example “registered nurse” or “uber driver”."
TOO_LONG_MESSAGE = f"Keep it to a job title: at most {MAX_QUERY_CHARS} characters."
NO_WORDS_MESSAGE = "Use letters or numbers: a job title such as “plumber”."


def query_problem(value: str) -> str | None:
    """Why a query cannot be searched, or None. The page and the API share these messages."""
    value = value.strip()
    if not value:
        return EMPTY_MESSAGE
    if len(value) > MAX_QUERY_CHARS:
        return TOO_LONG_MESSAGE
    if "\x00" in value or not words(value):
        return NO_WORDS_MESSAGE
    return None


class SearchForm(forms.Form):
    q = forms.CharField(label="Job title", required=False, strip=True)

    def clean_q(self) -> str:
        value: str = self.cleaned_data["q"]
        problem = query_problem(value)
        if problem:
            raise forms.ValidationError(problem)
        return value
