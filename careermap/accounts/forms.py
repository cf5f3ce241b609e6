"""Account forms. Each one that guards a password or sends e-mail is throttled in `clean()` (healthchecks
does the same): password attempts by the database-backed buckets of accounts/throttle.py, which count
failures only; e-mail and the rest by the cache's token bucket (lib/ratelimit.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm
from django.http import HttpRequest

from careermap.accounts import throttle
from careermap.lib.ratelimit import allow, client_ip

THROTTLED = "Too many attempts. Please wait a few minutes and try again."

# (capacity, per seconds); login's and password change's limits are in accounts/throttle.py
SIGNUP_PER_IP = (10, 3600)
SIGNUP_PER_EMAIL = (3, 3600)
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
        if not email or not self.cleaned_data.get("password"):
            return super().clean()  # nothing to try: Django names the missing field
        self.cleaned_data["username"] = email
        client = client_ip(self.request) if self.request is not None else ""
        return _guarded(throttle.login_buckets(email=email, client=client), super().clean)


def _guarded(buckets: list[throttle.Bucket], attempt: Any) -> Any:
    """Run a password check that raises ValidationError when wrong, counting only its failures."""
    if not throttle.attempt_take(buckets):
        raise forms.ValidationError(THROTTLED, code="throttled")
    result = attempt()
    throttle.attempt_refund(buckets)
    return result


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
        # Whether the address has an account is never said here: sign-up looks the same either way.
        email = self.cleaned_data["email"].strip().lower()
        try:  # the address is also the username, which takes fewer characters than an address may hold
            get_user_model()._meta.get_field("username").run_validators(email)
        except forms.ValidationError:
            raise forms.ValidationError(
                "Use an address of at most 150 characters made of letters, digits and @ . + - _ only."
            ) from None
        _throttle("signup-email", email, SIGNUP_PER_EMAIL)
        return email

    def clean(self) -> dict[str, Any]:
        _throttle("signup-ip", client_ip(self.request), SIGNUP_PER_IP)
        super().clean()
        cleaned = self.cleaned_data
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


class SignupConfirmForm(forms.Form):
    """The link from the sign-up e-mail, with the password chosen at sign-up: whoever opens the link
    must know it, so a link for a password someone else set cannot be confirmed by mistake."""

    password = forms.CharField(strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}))

    def __init__(self, *args: Any, user: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user, self.request = user, request

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        email = self.user.get_username()
        buckets = throttle.login_buckets(email=email, client=client_ip(self.request))

        def check() -> None:
            if not self.user.check_password(password):
                raise forms.ValidationError("That is not the password you chose when you signed up.")

        _guarded(buckets, check)
        return password


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Django's form, with failed guesses at the old password limited like login's."""

    def clean_old_password(self) -> str:
        return str(_guarded(throttle.password_change_buckets(user=self.user), super().clean_old_password))


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
