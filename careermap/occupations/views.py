from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
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
from careermap.occupations.selectors import dataset_list, occupation_get, occupation_list

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
    """The occupation page, the same for every visitor: cached per content and data version."""
    key = f"occupation-page:{content_version()}:{data_version()}:{code}"
    return cached_page(key, lambda: _render_occupation(request, code))


def _render_occupation(request: HttpRequest, code: str) -> str:
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
    }
    return render_to_string("occupations/detail.html", context, request=request)


@require_safe
def dataset_registry(request: HttpRequest) -> HttpResponse:
    return render(request, "occupations/datasets.html", {"datasets": list(dataset_list())})
