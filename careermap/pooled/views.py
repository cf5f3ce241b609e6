"""The sharing page (private): what is shared and what never is, each platform's switch, and the history.
Every view is login-only and acts on `request.user`'s own choices; another person's platform is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from careermap.pooled import rules, selectors, services
from careermap.pooled.forms import PlatformForm


@login_required
@require_safe
def sharing(request: HttpRequest) -> HttpResponse:
    choices = selectors.sharing_choices(user=request.user)
    context = {
        "choices": choices,
        "sharing_count": sum(c.sharing for c in choices),
        "history": selectors.consent_history(user=request.user)[:50],
        "run": selectors.latest_run(),
        "rules": rules,
        "section": "sharing",  # the work log's menu marks its "Sharing" link
    }
    return render(request, "pooled/sharing.html", context)


@login_required
@require_POST
def sharing_start(request: HttpRequest) -> HttpResponse:
    choices = selectors.sharing_choices(user=request.user)
    form = PlatformForm(request.POST, choices=[c.key for c in choices])
    if not form.is_valid():
        raise Http404("No such platform in your work log.")
    label = next(c.label for c in choices if c.key == form.cleaned_data["platform"])
    consent = services.consent_opt_in(user=request.user, platform=label)
    messages.success(request, f"You now share {consent.platform_label}. It counts from the next computation.")
    return redirect("pooled:sharing")


@login_required
@require_POST
def sharing_stop(request: HttpRequest) -> HttpResponse:
    if request.POST.get("platform") == "*":
        stopped = services.consent_opt_out(user=request.user)
    else:
        shared = [c.key for c in selectors.sharing_choices(user=request.user) if c.sharing]
        form = PlatformForm(request.POST, choices=shared)
        if not form.is_valid():
            raise Http404("You do not share that platform.")
        stopped = services.consent_opt_out(user=request.user, platform=form.cleaned_data["platform"])
    messages.success(
        request, f"Stopped sharing ({stopped}). Your entries leave the pooled figures at the next computation."
    )
    return redirect("pooled:sharing")
