"""Work-log forms. They parse and validate; the services normalise again and write."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from careermap.worklog.csvimport import DATE_FORMATS, TARGETS, guess_mapping
from careermap.worklog.models import Status
from careermap.worklog.services import entry_fields_clean, payment_fields_clean

MAX_UPLOAD_BYTES = 25 * 1024 * 1024
CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "INR", "PHP", "KES", "NGN", "BRL", "MXN")

STATUS_FILTERS = [
    ("", "Any status"),
    ("owed", "Pending or disputed"),
    ("unpaid", "Unpaid (any kind)"),
    *Status.choices,
]


def _canonical(name: str, known: list[str]) -> str:
    """Use the worker's existing spelling of a platform ("outlier" → "Outlier")."""
    for existing in known:
        if existing.lower() == name.strip().lower():
            return existing
    return name


def _raise_as_form_errors(form: forms.Form, error: ValidationError) -> None:
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class EntryForm(forms.Form):
    platform = forms.CharField(
        max_length=100, widget=forms.TextInput(attrs={"list": "platforms", "autocomplete": "off"})
    )
    task_type = forms.CharField(label="Project or task type", max_length=200, required=False)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label="Start", required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label="End", required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    minutes = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=1440,
        help_text="Leave empty when you give a start and end; they set the minutes.",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    units = forms.DecimalField(
        label="Units done",
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text="Tasks, rides, deliveries…",
    )
    pay_expected = forms.DecimalField(
        label="Pay expected",
        min_value=0,
        max_digits=12,
        decimal_places=2,
        initial=0,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    currency = forms.CharField(
        max_length=3, initial="USD", widget=forms.TextInput(attrs={"list": "currencies", "size": 4})
    )
    status = forms.ChoiceField(choices=Status.choices, initial=Status.PENDING)
    notes = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, platforms: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.platforms = platforms or []

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        fields = dict(cleaned)
        if fields.get("start_time") or fields.get("end_time"):
            fields["minutes"] = None
        fields["platform"] = _canonical(fields.get("platform", ""), self.platforms)
        try:
            values = entry_fields_clean(fields)
        except ValidationError as error:
            _raise_as_form_errors(self, error)
            return cleaned
        self.values = values
        return cleaned


class EntryFilterForm(forms.Form):
    platform = forms.CharField(required=False, widget=forms.TextInput(attrs={"list": "platforms"}))
    status = forms.ChoiceField(choices=STATUS_FILTERS, required=False)
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(label="Words", required=False)


class BulkStatusForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(
        coerce=int, choices=(), error_messages={"required": "Tick at least one entry."}
    )
    status = forms.ChoiceField(choices=Status.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The ids are checked against the owner in the service; here only their shape.
        self.fields["ids"].valid_value = lambda value: str(value).isdigit()  # type: ignore[attr-defined]


class PaymentForm(forms.Form):
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    platform = forms.CharField(
        max_length=100, widget=forms.TextInput(attrs={"list": "platforms", "autocomplete": "off"})
    )
    amount = forms.DecimalField(
        min_value=0.01,
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    currency = forms.CharField(
        max_length=3, initial="USD", widget=forms.TextInput(attrs={"list": "currencies", "size": 4})
    )
    reference = forms.CharField(max_length=200, required=False, help_text="The payout id or bank reference, if any.")
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, platforms: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.platforms = platforms or []

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.errors:
            return cleaned
        fields = dict(cleaned, platform=_canonical(cleaned.get("platform", ""), self.platforms))
        try:
            self.values = payment_fields_clean(fields)
        except ValidationError as error:
            _raise_as_form_errors(self, error)
        return cleaned


class MatchForm(forms.Form):
    entries = forms.TypedMultipleChoiceField(
        coerce=int, choices=(), error_messages={"required": "Tick at least one entry."}
    )
    mark_paid = forms.BooleanField(label="Mark entries paid in full as “Paid”", required=False, initial=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["entries"].valid_value = lambda value: str(value).isdigit()  # type: ignore[attr-defined]


class ImportUploadForm(forms.Form):
    file = forms.FileField(label="CSV file", widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; split it in parts.")
        return upload


class RestoreForm(forms.Form):
    file = forms.FileField(
        label="JSON export", widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"})
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES * 4:
            raise ValidationError("The file is too large.")
        try:
            return json.loads(upload.read().decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError):
            raise ValidationError("This is not a JSON file.") from None


class ImportMappingForm(forms.Form):
    """Which column of the file holds which field, and defaults for fields the file lacks."""

    date_format = forms.ChoiceField(choices=[(key, label) for key, (label, _) in DATE_FORMATS.items()])
    default_platform = forms.CharField(
        max_length=100,
        required=False,
        help_text="For rows without a platform column or value.",
        widget=forms.TextInput(attrs={"list": "platforms"}),
    )
    default_status = forms.ChoiceField(
        choices=Status.choices, initial=Status.PAID, help_text="For rows without a status."
    )
    default_currency = forms.CharField(max_length=3, initial="USD", help_text="For rows without a currency.")

    def __init__(self, *args: Any, header: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        columns = [("", "— not in the file —")] + [(str(i), name or f"Column {i + 1}") for i, name in enumerate(header)]
        guessed = guess_mapping(header)
        mapped: dict[str, forms.Field] = {}
        for target, (label, _required) in TARGETS.items():
            mapped[f"col_{target}"] = forms.ChoiceField(
                label=label,
                choices=columns,
                required=False,
                initial="" if guessed.get(target) is None else str(guessed[target]),
            )
        self.fields = {**mapped, **self.fields}

    def clean_default_currency(self) -> str:
        return self.cleaned_data["default_currency"].strip().upper()

    def mapping(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "columns": {
                target: int(data[f"col_{target}"]) for target in TARGETS if data.get(f"col_{target}") not in (None, "")
            },
            "date_format": data["date_format"],
            "default_platform": data["default_platform"],
            "default_status": data["default_status"],
            "default_currency": data["default_currency"],
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        chosen = [cleaned.get(f"col_{target}") for target in TARGETS if cleaned.get(f"col_{target}")]
        if len(chosen) != len(set(chosen)):
            raise ValidationError("Each column can fill only one field.")
        if not cleaned.get("col_date"):
            self.add_error("col_date", "Choose the column that holds the date.")
        if not cleaned.get("col_platform") and not (cleaned.get("default_platform") or "").strip():
            self.add_error("default_platform", "Choose a platform column, or give a platform for every row.")
        has_times = cleaned.get("col_start_time") and cleaned.get("col_end_time")
        if not cleaned.get("col_minutes") and not cleaned.get("col_hours") and not has_times:
            self.add_error("col_minutes", "Choose a column with the minutes or hours worked, or both start and end.")
        return cleaned


class EvidenceForm(forms.Form):
    platform = forms.CharField(required=False, widget=forms.TextInput(attrs={"list": "platforms"}))
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start: dt.date | None = cleaned.get("date_from")
        end: dt.date | None = cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError("The start date is after the end date.")
        return cleaned


class SummaryForm(forms.Form):
    currency = forms.CharField(max_length=3, required=False)
