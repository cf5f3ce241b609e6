from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login, logout, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careermap.accounts.forms import (
    DeleteAccountForm,
    LoginForm,
    ResetForm,
    SignupConfirmForm,
    SignupForm,
    ThrottledPasswordChangeForm,
    TokenForm,
)
from careermap.accounts.models import ApiToken
from careermap.accounts.services import (
    api_token_create,
    api_token_revoke,
    signup_confirm,
    signup_request,
    signup_tokens,
    user_delete,
    user_password_changed,
)
from careermap.lib.requests import AuthenticatedHttpRequest

FORM_METHODS = ["GET", "HEAD", "POST"]


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return settings.LOGIN_REDIRECT_URL


@sensitive_post_parameters("password1", "password2")
@csrf_protect
@never_cache
@require_http_methods(FORM_METHODS)
def signup(request: HttpRequest) -> HttpResponse:
    form = SignupForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        site = f"{request.scheme}://{request.get_host()}"
        signup_request(email=form.cleaned_data["email"], password=form.cleaned_data["password1"], site=site)
        return redirect("accounts:signup_sent")
    return render(request, "accounts/signup.html", {"form": form})


@require_safe
def signup_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_sent.html", {})


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(FORM_METHODS)
def signup_confirm_view(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user = _user_from_link(uidb64)
    if user is None or user.is_active or not signup_tokens.check_token(user, token):
        return render(request, "accounts/signup_confirm.html", {"validlink": False})
    form = SignupConfirmForm(request.POST or None, user=user, request=request)
    if request.method == "POST" and form.is_valid():
        signup_confirm(user=user)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome. Your work log is private: only you can see it.")
        return redirect("worklog:home")
    return render(request, "accounts/signup_confirm.html", {"validlink": True, "form": form, "email": user.email})


def _user_from_link(uidb64: str) -> Any:
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except ValueError:  # not base64, not text, not a number
        return None
    return get_user_model().objects.filter(pk=pk).first() if 0 < pk < 2**63 else None


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(FORM_METHODS)
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        login(request, form.get_user())
        return redirect(_next_url(request))
    throttled = form.has_error("__all__", "throttled")
    return render(request, "accounts/login.html", {"form": form, "next": _next_url(request), "throttled": throttled})


@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect(settings.LOGOUT_REDIRECT_URL)


@sensitive_post_parameters()
@login_required
@never_cache
@require_http_methods(FORM_METHODS)
def password_change(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ThrottledPasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        revoked = user_password_changed(user=user)
        messages.success(request, "Your password has been changed." + _revoked_message(revoked))
        return redirect("accounts:account")
    tokens = ApiToken.objects.filter(user=request.user).count()
    return render(request, "accounts/password_change.html", {"form": form, "tokens": tokens})


def _revoked_message(revoked: int) -> str:
    if not revoked:
        return ""
    return f" Your {revoked} API token{'s' if revoked != 1 else ''} stopped working: make new ones for your scripts."


@csrf_protect
@require_http_methods(FORM_METHODS)
def password_reset(request: HttpRequest) -> HttpResponse:
    form = ResetForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        form.save(
            request=request,
            use_https=request.is_secure(),
            subject_template_name="accounts/password_reset_subject.txt",
            email_template_name="accounts/password_reset_email.txt",
        )
        return redirect("accounts:password_reset_done")
    return render(request, "accounts/password_reset.html", {"form": form})


@require_safe
def password_reset_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/password_reset_done.html", {})


class PasswordResetConfirm(auth_views.PasswordResetConfirmView):
    """Django's view; setting the password also revokes the API tokens, empties the address's login
    limits and logs the owner in: the way in for an owner whom someone else's guessing has locked out."""

    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    http_method_names = ["get", "head", "post"]

    def form_valid(self, form: SetPasswordForm) -> HttpResponse:
        response = super().form_valid(form)
        user_password_changed(user=form.user)
        return response


password_reset_confirm = PasswordResetConfirm.as_view()


@require_safe
def password_reset_complete(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/password_reset_complete.html", {})


@login_required
@require_safe
def account(request: AuthenticatedHttpRequest) -> HttpResponse:
    tokens = ApiToken.objects.filter(user=request.user)
    return render(request, "accounts/account.html", {"tokens": tokens, "token_form": TokenForm()})


@login_required
@require_POST
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        tokens = ApiToken.objects.filter(user=request.user)
        return render(request, "accounts/account.html", {"tokens": tokens, "token_form": form}, status=422)
    token, raw = api_token_create(user=request.user, name=form.cleaned_data["name"])
    response = render(request, "accounts/token_created.html", {"token": token, "raw": raw})
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    try:
        api_token_revoke(user=request.user, token_id=token_id)
    except ApiToken.DoesNotExist:
        raise Http404("No such token") from None
    messages.success(request, "The token has been revoked.")
    return redirect("accounts:account")


@sensitive_post_parameters("password")
@login_required
@never_cache
@require_http_methods(FORM_METHODS)
def account_delete(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user_delete(user=request.user)
        logout(request)
        return redirect(reverse("accounts:deleted"))
    return render(request, "accounts/account_delete.html", {"form": form})


@require_safe
def account_deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/account_deleted.html", {})
