"""Work-log forms. They parse and validate; the services normalise again and write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from careermap.worklog import restore, rules
from careermap.worklog.csvimport import DATE_FORMATS, PAY_KINDS, PAYMENT_TARGETS, TARGETS
from careermap.worklog.models import ImportKind, Status
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


def _raise_as_form_errors(form: forms.Form, error: ValidationError, renamed: dict[str, str] | None = None) -> None:
    for field, messages in error.message_dict.items():
        field = (renamed or {}).get(field, field)
        form.add_error(field if field in form.fields else None, messages)


DURATION_UNITS = [("hours", "hours"), ("minutes", "minutes")]


class EntryForm(forms.Form):
    platform = forms.CharField(
        max_length=100, widget=forms.TextInput(attrs={"list": "platforms", "autocomplete": "off"})
    )
    task_type = forms.CharField(label="Project or task type", max_length=200, required=False)
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(label="Start", required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    end_time = forms.TimeField(label="End", required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    # Text, not a number input: people write 2h, 1:30 or 90m, and the server says what it could not read.
    duration = forms.CharField(
        label="Time worked",
        required=False,
        max_length=40,
        help_text="Write 2h, 1:30, 90m or 1h30. Leave empty when you give a start and end; they set the time.",
        widget=forms.TextInput(attrs={"placeholder": "1:30", "autocomplete": "off"}),
    )
    duration_unit = forms.ChoiceField(
        label="A bare number (1.5) is in",
        choices=DURATION_UNITS,
        initial="hours",
        required=False,
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
    tips = forms.DecimalField(
        label="Tips received",
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        initial=0,
        help_text="Counted as money received, on top of the pay.",
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    miles = forms.DecimalField(
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    currency = forms.CharField(
        max_length=3, initial="USD", widget=forms.TextInput(attrs={"list": "currencies", "size": 4})
    )
    status = forms.ChoiceField(choices=Status.choices, initial=Status.PENDING)
    # The limit is checked by the rules once line breaks are one character (a browser sends two).
    notes = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3, "maxlength": rules.NOTES_MAX_LENGTH})
    )
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, platforms: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.platforms = platforms or []
        _date_range(self.fields["date"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.errors:
            return cleaned
        fields = dict(cleaned)
        duration = fields.pop("duration", "")
        unit: rules.DurationUnit = fields.pop("duration_unit", "") or "hours"
        fields["minutes"] = None
        if not (fields.get("start_time") or fields.get("end_time")):
            try:
                fields["minutes"] = rules.parse_duration(duration, unit=unit)
            except rules.RuleError as error:
                self.add_error("duration", error.message)
                return cleaned
        fields["platform"] = _canonical(fields.get("platform", ""), self.platforms)
        try:
            values = entry_fields_clean(fields)
        except ValidationError as error:
            _raise_as_form_errors(self, error, renamed={"minutes": "duration"})
            return cleaned
        self.values = values
        return cleaned


class EntryFilterForm(forms.Form):
    platform = forms.CharField(required=False, widget=forms.TextInput(attrs={"list": "platforms"}))
    status = forms.ChoiceField(choices=STATUS_FILTERS, required=False)
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(label="Words", required=False)


def _date_range(field: forms.Field) -> None:
    """The browser's date picker offers the dates the rules take (the rules still check)."""
    field.widget.attrs |= {"min": rules.EARLIEST_DATE.isoformat(), "max": rules.latest_date().isoformat()}


def _ids_field() -> forms.TypedMultipleChoiceField:
    """Row ids ticked in a list. Their owner is checked in the service; here only that each is an id:
    digits, 1 to 2⁶³ − 1 (a larger number is no row, and SQLite cannot even compare with it)."""
    field = forms.TypedMultipleChoiceField(
        coerce=int,
        choices=(),
        error_messages={
            "required": "Tick at least one entry.",
            "invalid_choice": "That is not an entry of your log.",
        },
    )
    field.valid_value = lambda value: rules.parse_id(value) is not None  # type: ignore[method-assign]
    return field


class BulkStatusForm(forms.Form):
    ids = _ids_field()
    status = forms.ChoiceField(choices=Status.choices)


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
        _date_range(self.fields["date"])

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.errors:
            return cleaned
        fields = dict(cleaned, platform=_canonical(cleaned.get("platform", ""), self.platforms))
        try:
            self.values = payment_fields_clean(fields)
        except ValidationError as error:
            _raise_as_form_errors(self, error)
        return cleaned


class MatchForm(forms.Form):
    entries = _ids_field()
    mark_paid = forms.BooleanField(label="Mark entries paid in full as “Paid”", required=False, initial=True)


class ImportUploadForm(forms.Form):
    file = forms.FileField(label="CSV file", widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}))
    kind = forms.ChoiceField(
        choices=ImportKind.choices, initial=ImportKind.ENTRIES, required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args: Any, kind: str = ImportKind.ENTRIES, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].initial = kind
        if kind == ImportKind.PAYMENTS:
            self.fields["file"].label = "Payout CSV file"
            self.auto_id = "payout_%s"

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; split it in parts.")
        return upload


class RestoreForm(forms.Form):
    file = forms.FileField(
        label="JSON export", widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "restore_%s")  # the data page has three file fields: ids must differ
        super().__init__(*args, **kwargs)

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > restore.MAX_BYTES:
            raise ValidationError(f"The file is larger than {restore.MAX_BYTES // (1024 * 1024)} MB.")
        return restore.load(upload.read())


def _column_fields(header: list[str], targets: dict[str, tuple[str, bool]]) -> dict[str, forms.Field]:
    columns = [("", "— not in the file —")] + [(str(i), name or f"Column {i + 1}") for i, name in enumerate(header)]
    return {
        f"col_{target}": forms.ChoiceField(label=label, choices=columns, required=False)
        for target, (label, _required) in targets.items()
    }


class _MappingForm(forms.Form):
    """Which column of the file holds which field (`col_<target>`), and defaults for what the file lacks."""

    targets: dict[str, tuple[str, bool]] = {}
    order: tuple[str, ...] = ()

    date_format = forms.ChoiceField(choices=[(key, label) for key, (label, _) in DATE_FORMATS.items()])
    default_platform = forms.CharField(
        max_length=100,
        required=False,
        help_text="For rows without a platform column or value.",
        widget=forms.TextInput(attrs={"list": "platforms"}),
    )
    default_currency = forms.CharField(max_length=3, initial="USD", help_text="For rows without a currency.")

    def __init__(self, *args: Any, header: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields = {**_column_fields(header, self.targets), **self.fields}
        self.fields = {name: fields[name] for name in self.order}

    def clean_default_currency(self) -> str:
        try:
            return rules.clean_currency(self.cleaned_data["default_currency"])
        except rules.RuleError as error:
            raise ValidationError(error.message) from None

    def columns(self) -> dict[str, int]:
        data = self.cleaned_data
        return {
            target: int(data[f"col_{target}"]) for target in self.targets if data.get(f"col_{target}") not in (None, "")
        }

    def mapping(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "columns": self.columns(),
            "date_format": data["date_format"],
            "default_platform": data["default_platform"],
            "default_currency": data["default_currency"],
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        chosen = [cleaned.get(f"col_{target}") for target in self.targets if cleaned.get(f"col_{target}")]
        if len(chosen) != len(set(chosen)):
            raise ValidationError("Each column can fill only one field.")
        if not cleaned.get("col_date"):
            self.add_error("col_date", "Choose the column that holds the date.")
        if not cleaned.get("col_platform") and not (cleaned.get("default_platform") or "").strip():
            self.add_error("default_platform", "Choose a platform column, or give a platform for every row.")
        return cleaned


class ImportMappingForm(_MappingForm):
    """An entries file: the columns, what its money column is, and the statuses rows get."""

    targets = TARGETS
    order = (
        "col_date",
        "date_format",
        "col_platform",
        "default_platform",
        "col_task_type",
        "col_start_time",
        "col_end_time",
        "col_hours",
        "col_minutes",
        "col_pay_expected",
        "pay_kind",
        "col_tips",
        "col_miles",
        "col_units",
        "col_currency",
        "default_currency",
        "col_status",
        "default_status",
        "note_statuses",
        "col_notes",
    )

    pay_kind = forms.ChoiceField(
        label="The pay or earnings column is",
        choices=list(PAY_KINDS.items()),
        initial="received",
        widget=forms.RadioSelect,
        help_text="Money received counts in your hourly rate: each paid row gets a payment of that amount, "
        "matched to it and marked as made by this import (undoing the import removes them). Pay expected "
        "counts only once you record the payment.",
    )
    default_status = forms.ChoiceField(
        choices=Status.choices,
        initial=Status.PAID,
        help_text="For rows without a status (no status column, or an empty cell).",
    )
    note_statuses = forms.BooleanField(
        label="Use the status a row’s notes suggest, such as “(unpaid)” or “rejected”, when it has none",
        required=False,
        help_text="Only for rows with no money. The preview lists every suggestion either way.",
    )

    def mapping(self) -> dict[str, Any]:
        data = self.cleaned_data
        return super().mapping() | {
            "default_status": data["default_status"],
            "pay_kind": data["pay_kind"],
            "note_statuses": data["note_statuses"],
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        has_times = cleaned.get("col_start_time") and cleaned.get("col_end_time")
        if not cleaned.get("col_minutes") and not cleaned.get("col_hours") and not has_times:
            self.add_error("col_hours", "Choose a column with the hours or minutes worked, or both start and end.")
        return cleaned


class PaymentImportMappingForm(_MappingForm):
    """A payout file: date, platform, amount, currency, reference."""

    targets = PAYMENT_TARGETS
    order = (
        "col_date",
        "date_format",
        "col_platform",
        "default_platform",
        "col_amount",
        "col_currency",
        "default_currency",
        "col_reference",
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if not cleaned.get("col_amount"):
            self.add_error("col_amount", "Choose the column that holds the amount paid.")
        return cleaned


def mapping_form(*, kind: str) -> type[_MappingForm]:
    return PaymentImportMappingForm if kind == ImportKind.PAYMENTS else ImportMappingForm


class SummaryForm(forms.Form):
    currency = forms.CharField(max_length=3, required=False)
