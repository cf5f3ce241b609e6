"""Account forms. Each one that guards a password or sends e-mail is throttled in `clean()` with our token
bucket (healthchecks does the same), by client address and by e-mail address."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.http import HttpRequest

from careermap.lib.ratelimit import allow, client_ip

THROTTLED = "Too many attempts. Please wait a few minutes and try again."

# (capacity, per seconds)
LOGIN_PER_IP = (30, 300)
LOGIN_PER_EMAIL = (10, 900)
SIGNUP_PER_IP = (10, 3600)
RESET_PER_IP = (10, 3600)
RESET_PER_EMAIL = (3, 3600)
DELETE_PER_USER = (5, 900)


def _throttle(scope: str, value: str, limit: tuple[int, int]) -> None:
    capacity, seconds = limit
    if not allow(scope=scope, value=value, capacity=capacity, per_seconds=seconds):
        raise forms.ValidationError(THROTTLED, code="throttled")


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email", widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True})
    )

    def clean(self) -> dict[str, Any]:
        email = (self.cleaned_data.get("username") or "").strip().lower()
        if self.request is not None:
            _throttle("login-ip", client_ip(self.request), LOGIN_PER_IP)
        if email:
            _throttle("login-email", email, LOGIN_PER_EMAIL)
            self.cleaned_data["username"] = email
        return super().clean()


class SignupForm(forms.Form):
    email = forms.EmailField(widget=forms.EmailInput(attrs={"autocomplete": "email"}))
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label="Password again", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if get_user_model().objects.filter(username__iexact=email).exists():
            raise forms.ValidationError("There is already an account with this address. Log in, or reset the password.")
        return email

    def clean(self) -> dict[str, Any]:
        _throttle("signup-ip", client_ip(self.request), SIGNUP_PER_IP)
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", "The two passwords differ.")
        elif password1 and cleaned.get("email"):
            user = get_user_model()(username=cleaned["email"], email=cleaned["email"])
            try:
                password_validation.validate_password(password1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ResetForm(PasswordResetForm):
    def __init__(self, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        _throttle("reset-ip", client_ip(self.request), RESET_PER_IP)
        _throttle("reset-email", email, RESET_PER_EMAIL)
        return email


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, help_text="So you can tell your tokens apart, e.g. “phone app”.")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))
    confirm = forms.CharField(label="Type DELETE to confirm", max_length=10)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_confirm(self) -> str:
        if self.cleaned_data["confirm"].strip() != "DELETE":
            raise forms.ValidationError("Type DELETE in capitals to confirm.")
        return "DELETE"

    def clean_password(self) -> str:
        _throttle("delete-user", str(self.user.pk), DELETE_PER_USER)
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password.")
        return password
