from __future__ import annotations

from django import forms


class PlatformForm(forms.Form):
    platform = forms.CharField(max_length=100, strip=True)

    def __init__(self, *args: object, choices: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.allowed = set(choices)

    def clean_platform(self) -> str:
        value = " ".join(self.cleaned_data["platform"].split()).lower()
        if value not in self.allowed:
            raise forms.ValidationError("Choose one of the platforms in your work log.")
        return value
