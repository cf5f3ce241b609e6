from __future__ import annotations

import hashlib

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from careermap.content.schema import ONET_SOC_CODE
from careermap.content.selectors import content_version
from careermap.durability.models import DurabilityScore
from careermap.durability.selectors import data_version
from careermap.lib.charts import explorer_chart, explorer_marks_markup
from careermap.lib.pagecache import cached_page
from careermap.lib.svg import horizontal_bars
from careermap.occupations.explorer import explorer_data, state_choices
from careermap.occupations.forms import OccupationFilterForm
from careermap.occupations.models import Occupation
from careermap.occupations.paypage import AreaChoice, area_choice, pay_context
from careermap.occupations.selectors import (
    area_search,
    dataset_list,
    occupation_list,
    occupation_page,
)

PAGE_SIZE = 50


@require_safe
def occupation_index(request: HttpRequest) -> HttpResponse:
    """The explorer (every matching occupation drawn) over the paged table; cached per data version and URL."""
    form = OccupationFilterForm(request.GET or None)
    if request.GET and not form.is_valid():  # the errors quote what was typed: not cached
        return HttpResponse(_render_index(request, form))
    # The key holds what the page depends on (cleaned filters, area, page), not the raw query string.
    state = (
        sorted(form.cleaned_data.items()) if request.GET else [],
        area_choice(request).cache_part,
        request.GET.get("page", ""),
    )
    query = hashlib.sha256(repr(state).encode()).hexdigest()[:32]
    key = f"occupation-index:{content_version()}:{data_version()}:{query}"
    return cached_page(key, lambda: _render_index(request, form))


def _render_index(request: HttpRequest, form: OccupationFilterForm) -> str:
    filters = form.to_filters() if form.is_valid() else None
    valid = filters is not None or not request.GET
    queryset = occupation_list(filters=filters) if valid else Occupation.objects.none()
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    choice = area_choice(request)
    data = explorer_data(filters=filters, area=choice.area) if valid else None
    chart = explorer_chart(data.points) if data else None
    suffix = f"?area={choice.area.code}" if data and data.local and choice.area else ""
    scores = dict(DurabilityScore.objects.filter(occupation__in=page.object_list).values_list("occupation_id", "score"))
    context = {
        "form": form if request.GET else OccupationFilterForm(),
        "page": page,
        "total": page.paginator.count,
        "explorer": data,
        "chart": chart,
        "scores": scores,
        "drawn": {mark["code"]: mark for mark in chart["marks"]} if chart else {},
        # Escaped mark by mark in explorer_marks_markup (html.escape on every text), so safe to insert.
        "marks_markup": mark_safe(explorer_marks_markup(chart["marks"], link_suffix=suffix)) if chart else "",  # noqa: S308
        "area": choice.area if data and data.local else None,
        "area_choice": choice,
        "states": state_choices(),
    }
    return render_to_string("occupations/index.html", context, request=request)


@require_safe
def occupation_detail(request: HttpRequest, code: str) -> HttpResponse:
    """The occupation page, the same for every visitor with the same `?area=`: cached per
    content and data version and area."""
    choice = area_choice(request)
    key = f"occupation-page:{content_version()}:{data_version()}:{code}:{choice.cache_part}"
    return cached_page(key, lambda: _render_occupation(request, code, choice))


def _render_occupation(request: HttpRequest, code: str, choice: AreaChoice) -> str:
    if not ONET_SOC_CODE.match(code):
        raise Http404(f"{code!r} is not an O*NET-SOC code")
    try:
        page = occupation_page(code=code, area=choice.area)
    except Occupation.DoesNotExist:
        raise Http404(f"No occupation {code!r} in the loaded data") from None
    detail = page.detail
    occupation = detail.occupation
    interest_chart = horizontal_bars(
        [(label, value) for _, label, value in occupation.interests if value is not None], maximum=7
    )
    context = {
        "d": detail,
        "occupation": occupation,
        "interest_chart": interest_chart,
        "durability": page.durability,
        "reads": page.reads,
        "core_tasks": [task for task in detail.tasks if task.task_type == "core"][:10] or detail.tasks[:10],
        "area": choice.area,
        "observed": page.observed,
        **pay_context(occupation=occupation, choice=choice, path=occupation.get_absolute_url(), pay=page.pay),
    }
    return render_to_string("occupations/detail.html", context, request=request)


@require_safe
def dataset_registry(request: HttpRequest) -> HttpResponse:
    return render(request, "occupations/datasets.html", {"datasets": list(dataset_list())})


@require_safe
def area_pick(request: HttpRequest) -> HttpResponse:
    """The area picker without JavaScript: type a place, get the page back for it.

    One clear match goes straight back to the page (`next`, a path on this site) with `?area=`;
    several are listed as links; none says so and offers the form again."""
    query = request.GET.get("q", "").strip()[:100]
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts=None) or not next_url.startswith("/"):
        next_url = "/"
    next_url = next_url.split("?", 1)[0]
    matches = area_search(q=query, limit=12) if query else []
    if len(matches) == 1:
        return HttpResponseRedirect(f"{next_url}?area={matches[0].code}")
    context = {"q": query, "next": next_url, "matches": matches}
    return render(request, "occupations/area_pick.html", context)
