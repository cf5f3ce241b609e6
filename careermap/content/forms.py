from __future__ import annotations

from django import forms

from careermap.content.selectors import ReadFilters

BUDGET_CHOICES = [
    ("", "Any"),
    ("0", "Nothing"),
    ("100", "Up to $100"),
    ("1000", "Up to $1,000"),
    ("5000", "Up to $5,000"),
]
FIRST_DOLLAR_CHOICES = [
    ("", "Any"),
    ("days", "Within days"),
    ("weeks", "Within weeks"),
    ("months", "Within months"),
    ("year-plus", "A year or more is fine"),
]
DURABILITY_CHOICES = [("", "Any"), ("scored", "Has a durability score"), ("unscored", "No score (cash-now reads)")]
COLLECTION_CHOICES = [
    ("", "All"),
    ("gigwatch", "Cash-now gigs"),
    ("careers", "Hired careers"),
    ("own-business", "Own business"),
]


class ReadFilterForm(forms.Form):
    """The map's filters; the API takes the same parameters."""

    collection = forms.ChoiceField(choices=COLLECTION_CHOICES, required=False, label="Kind")
    max_start_cost = forms.TypedChoiceField(
        choices=BUDGET_CHOICES, required=False, coerce=int, empty_value=None, label="I can spend"
    )
    first_dollar = forms.ChoiceField(choices=FIRST_DOLLAR_CHOICES, required=False, label="First dollar")
    durability = forms.ChoiceField(choices=DURABILITY_CHOICES, required=False, label="Durability")
    no_degree = forms.BooleanField(required=False, label="No degree needed")
    under_18_ok = forms.BooleanField(required=False, label="Open to under-18s")
    no_work_authorization = forms.BooleanField(required=False, label="No work authorization needed")
    no_licence = forms.BooleanField(required=False, label="No licence needed")
    q = forms.CharField(required=False, max_length=100, label="Words")

    def to_filters(self) -> ReadFilters:
        data = self.cleaned_data
        return ReadFilters(
            collection=data.get("collection") or None,
            max_start_cost=data.get("max_start_cost"),
            first_dollar=data.get("first_dollar") or None,
            durability=data.get("durability") or None,
            no_degree=bool(data.get("no_degree")),
            under_18_ok=bool(data.get("under_18_ok")),
            no_work_authorization=bool(data.get("no_work_authorization")),
            no_licence=bool(data.get("no_licence")),
            q=data.get("q") or "",
        )
