from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from careermap.content.models import Read
from careermap.content.schema import ONET_SOC_CODE
from careermap.content.selectors import content_version
from careermap.durability.models import DurabilityScore
from careermap.durability.selectors import data_version, durability_present
from careermap.lib.pagecache import cached_page
from careermap.lib.svg import horizontal_bars
from careermap.occupations.forms import OccupationFilterForm
from careermap.occupations.models import Occupation
from careermap.occupations.paypage import AreaChoice, area_choice, pay_context
from careermap.occupations.selectors import area_search, dataset_list, occupation_get, occupation_list

PAGE_SIZE = 50


@require_safe
def occupation_index(request: HttpRequest) -> HttpResponse:
    form = OccupationFilterForm(request.GET or None)
    filters = form.to_filters() if form.is_valid() else None
    queryset = occupation_list(filters=filters) if (filters or not request.GET) else Occupation.objects.none()
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form if request.GET else OccupationFilterForm(), "page": page, "total": page.paginator.count}
    return render(request, "occupations/index.html", context)


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
        detail = occupation_get(code=code)
    except Occupation.DoesNotExist:
        raise Http404(f"No occupation {code!r} in the loaded data") from None
    occupation = detail.occupation
    score = DurabilityScore.objects.filter(occupation=occupation).first()
    interest_chart = horizontal_bars(
        [(label, value) for _, label, value in occupation.interests if value is not None], maximum=7
    )
    context = {
        "d": detail,
        "occupation": occupation,
        "interest_chart": interest_chart,
        "durability": durability_present(score) if score else None,
        "reads": Read.objects.filter(occupation_links__onet_code=occupation.code).only("slug", "title", "collection"),
        "core_tasks": [task for task in detail.tasks if task.task_type == "core"][:10] or detail.tasks[:10],
        "area": choice.area,
        **pay_context(occupation=occupation, choice=choice, path=occupation.get_absolute_url()),
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
