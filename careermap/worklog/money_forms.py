"""Forms for what the work cost and what it paid over time: expenses and receipts, the cost method per
platform and year, the summary's currency and date range, the tax estimate. They parse and validate; the
services normalise again and write."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from careermap.worklog import expenses, rules
from careermap.worklog.models import CostMethodChoice, ExpenseCategory
from careermap.worklog.taxes import MAX_INCOME_TAX_RATE

CATEGORY_FILTERS = [("", "Any category"), *ExpenseCategory.choices]


def _canonical(name: str, known: list[str]) -> str:
    for existing in known:
        if existing.lower() == name.strip().lower():
            return existing
    return name


def _dates(field: forms.Field) -> None:
    """The browser's date picker offers the dates the rules take (the rules still check)."""
    field.widget.attrs |= {"min": rules.EARLIEST_DATE.isoformat(), "max": rules.latest_date().isoformat()}


class ExpenseForm(forms.Form):
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    category = forms.ChoiceField(choices=ExpenseCategory.choices)
    amount = forms.DecimalField(
        min_value=Decimal("0.01"),
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "0.01", "inputmode": "decimal"}),
    )
    currency = forms.CharField(
        max_length=3, initial="USD", widget=forms.TextInput(attrs={"list": "currencies", "size": 4})
    )
    platform = forms.CharField(
        max_length=100,
        required=False,
        help_text="Leave empty for a cost shared by all your work (it then counts in the total only).",
        widget=forms.TextInput(attrs={"list": "platforms", "autocomplete": "off"}),
    )
    note = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": expenses.NOTE_MAX_LENGTH}),
    )
    receipt = forms.FileField(
        required=False,
        label="Receipt (optional)",
        help_text=f"PDF, JPEG or PNG, up to {expenses.MAX_RECEIPT_BYTES // (1024 * 1024)} MB. Kept private: "
        "only you can open it, and it goes with your JSON export.",
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"}),
    )
    remove_receipt = forms.BooleanField(required=False, label="Remove the receipt kept with this expense")
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, platforms: list[str] | None = None, has_receipt: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.platforms = platforms or []
        _dates(self.fields["date"])
        if not has_receipt:
            del self.fields["remove_receipt"]

    def clean_receipt(self) -> expenses.ReceiptFile | None:
        upload = self.cleaned_data.get("receipt")
        if not upload:
            return None
        if upload.size > expenses.MAX_RECEIPT_BYTES:
            raise ValidationError(
                f"The file is larger than {expenses.MAX_RECEIPT_BYTES // (1024 * 1024)} MB; scan it smaller."
            )
        try:
            return expenses.receipt_check(name=upload.name or "", data=upload.read())
        except ValidationError as error:
            raise ValidationError(error.message_dict["receipt"]) from None

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if self.errors:
            return cleaned
        fields = {name: cleaned.get(name) for name in expenses.EXPENSE_FIELDS}
        fields["platform"] = _canonical(fields.get("platform") or "", self.platforms)
        try:
            self.values = expenses.expense_fields_clean(fields)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return cleaned


class ExpenseFilterForm(forms.Form):
    platform = forms.CharField(
        required=False,
        widget=forms.TextInput(attrs={"list": "platforms"}),
        help_text="“-” for costs not tied to a platform.",
    )
    category = forms.ChoiceField(choices=CATEGORY_FILTERS, required=False)
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))


class CostMethodForm(forms.Form):
    platform = forms.CharField(max_length=100)
    year = forms.IntegerField(min_value=2000, max_value=9999)
    method = forms.ChoiceField(choices=CostMethodChoice.choices)


class RangeForm(forms.Form):
    """A currency and an optional date range (either end may be left open)."""

    currency = forms.CharField(max_length=3, required=False)
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean_currency(self) -> str | None:
        code = (self.cleaned_data.get("currency") or "").strip().upper()
        return code if len(code) == 3 and code.isalpha() and code.isascii() else None

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end of the range is before its start.")
        for name in ("date_from", "date_to"):
            value = cleaned.get(name)
            if value and not dt.date(2000, 1, 1) <= value <= dt.date(9998, 12, 31):
                self.add_error(name, "Choose a date from 2000 on.")
        return cleaned


class TaxForm(forms.Form):
    year = forms.IntegerField(required=False, min_value=2000, max_value=9998)
    income_tax_rate = forms.DecimalField(
        label="Income-tax rate to set aside (%)",
        required=False,
        min_value=Decimal("0"),
        max_value=MAX_INCOME_TAX_RATE,
        max_digits=4,
        decimal_places=1,
        help_text="Optional: a share of your net earnings, at the rate you choose. Leave empty for none.",
        widget=forms.NumberInput(attrs={"step": "0.1", "inputmode": "decimal"}),
    )
