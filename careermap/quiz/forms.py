"""Quiz step forms, built from the question set. Plain radios: the quiz works without JavaScript."""

from __future__ import annotations

from typing import Any

from django import forms

from careermap.quiz.questions import OPTIONAL, SCALE, InterestItem, PracticalQuestion
from careermap.quiz.services import quiz_submit_allowed

ITEMS_PER_STEP = 12
SCALE_CHOICES = [(str(value), f"{value} {label}".strip()) for value, label in SCALE]


def interest_steps(items: tuple[InterestItem, ...]) -> list[tuple[InterestItem, ...]]:
    return [items[i : i + ITEMS_PER_STEP] for i in range(0, len(items), ITEMS_PER_STEP)]


class InterestStepForm(forms.Form):
    """One page of interest items. Skipping an item is allowed: matching says when too few are answered."""

    def __init__(self, *args: Any, items: tuple[InterestItem, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[item.id] = forms.TypedChoiceField(
                label=item.text,
                choices=SCALE_CHOICES,
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
            )

    def answers(self) -> dict[str, int | None]:
        return {item.id: self.cleaned_data.get(item.id) for item in self.items}

    def rows(self) -> list[dict[str, Any]]:
        """What the template needs per item: its text, type and bound field."""
        return [{"item": item, "field": self[item.id]} for item in self.items]


class PracticalForm(forms.Form):
    """Our own questions; all required. Submitting the last step takes a rate-limit token."""

    def __init__(
        self, *args: Any, questions: tuple[PracticalQuestion, ...], client: str = "", final: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.client = client
        self.final = final
        self.fields["job_title"] = forms.CharField(
            label="What is your current or most recent job? (optional)",
            help_text="Type it as you would say it, e.g. “retail supervisor”: our title search finds the occupation.",
            required=False,
            max_length=100,
        )
        for question in questions:
            self.fields[question.id] = forms.ChoiceField(
                label=question.text,
                help_text=question.help,
                choices=[(choice.value, choice.label) for choice in question.choices],
                widget=forms.RadioSelect,
                required=question.id not in OPTIONAL,
                error_messages={"required": "Choose one answer."},
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.final and not self.errors and not quiz_submit_allowed(client=self.client):
            raise forms.ValidationError("Too many quiz submissions from your address; try again in a few minutes.")
        return cleaned

    def answers(self) -> dict[str, str]:
        return {q.id: self.cleaned_data[q.id] or OPTIONAL.get(q.id, "") for q in self.questions}
