from __future__ import annotations

from django import forms

from careermap.occupations.models import RIASEC_LABELS
from careermap.occupations.selectors import OccupationFilters

JOB_ZONES = [
    ("", "Any"),
    ("1", "1 – little preparation"),
    ("2", "2 – some"),
    ("3", "3 – medium"),
    ("4", "4 – considerable"),
    ("5", "5 – extensive"),
]
INTERESTS = [("", "Any")] + [(letter, f"{label} ({letter})") for letter, label in RIASEC_LABELS.items()]


class OccupationFilterForm(forms.Form):
    """The occupations view's filters; the API takes the same parameters."""

    q = forms.CharField(required=False, max_length=100, label="Title or code")
    job_zone = forms.TypedChoiceField(choices=JOB_ZONES, required=False, coerce=int, empty_value=None, label="Job zone")
    interest = forms.ChoiceField(choices=INTERESTS, required=False, label="Main interest")
    wage_min = forms.IntegerField(required=False, min_value=0, max_value=1_000_000, label="Median pay from ($)")
    wage_max = forms.IntegerField(required=False, min_value=0, max_value=1_000_000, label="to ($)")
    change_min = forms.FloatField(required=False, min_value=-100, max_value=1000, label="Projected change from (%)")
    change_max = forms.FloatField(required=False, min_value=-100, max_value=1000, label="to (%)")

    def clean(self) -> dict:
        data = super().clean() or {}
        for low, high in (("wage_min", "wage_max"), ("change_min", "change_max")):
            if data.get(low) is not None and data.get(high) is not None and data[low] > data[high]:
                self.add_error(high, "must not be below the lower bound")
        return data

    def to_filters(self) -> OccupationFilters:
        data = self.cleaned_data
        return OccupationFilters(
            job_zone=data.get("job_zone"),
            interest=data.get("interest") or None,
            wage_min=data.get("wage_min"),
            wage_max=data.get("wage_max"),
            change_min=data.get("change_min"),
            change_max=data.get("change_max"),
            text=data.get("q") or "",
        )
