from __future__ import annotations

import datetime as dt
import hashlib

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from careermap.content.forms import ReadFilterForm
from careermap.content.labels import COLLECTION_NAMES
from careermap.content.mapdata import MAP_BANDS, read_points, read_scores
from careermap.content.models import Read
from careermap.content.presenters import (
    education_label,
    evidence_age,
    read_changes,
    read_evidence_by_part,
    read_lenses,
    read_sources,
    start_cost_items,
)
from careermap.content.selectors import content_version, read_get, read_list, read_occupations
from careermap.durability.selectors import data_version, durability_for_read
from careermap.lib.charts import map_chart
from careermap.lib.pagecache import cached_page
from careermap.occupations.models import Occupation
from careermap.occupations.paypage import AreaChoice, area_choice
from careermap.pooled.selectors import pooled_version


@require_safe
def read_map(request: HttpRequest) -> HttpResponse:
    if not request.GET:  # the unfiltered map is the same for everyone: cache it per version
        key = f"map-page:{content_version()}:{data_version()}"
        return cached_page(key, lambda: _render_map(request))
    form = ReadFilterForm(request.GET)
    if not form.is_valid():  # the errors quote what was typed: not cached
        return HttpResponse(_render_map(request))
    # Filtered maps are cached too, keyed on what they depend on (cleaned filters and order), not the raw URL.
    state = repr((sorted(form.cleaned_data.items()), request.GET.get("sort") == "reviewed"))
    key = f"map-page:{content_version()}:{data_version()}:{hashlib.sha256(state.encode()).hexdigest()[:32]}"
    return cached_page(key, lambda: _render_map(request))


def _render_map(request: HttpRequest) -> str:
    form = ReadFilterForm(request.GET or None)
    filters = form.to_filters() if form.is_valid() else None
    reads = read_list(filters=filters)
    sort = request.GET.get("sort", "")
    if sort == "reviewed":  # issue #15: the map can list reads by last review, oldest first
        reads.sort(key=lambda read: (read.reviewed, read.title))
    scores = read_scores(reads)
    for read in reads:
        read.map_score = scores.get(read.pk)  # type: ignore[attr-defined]
    groups = [
        {"key": key, "name": name, "reads": [read for read in reads if read.collection == key]}
        for key, name in COLLECTION_NAMES.items()
    ]
    context = {
        "form": form if request.GET else ReadFilterForm(),
        "groups": groups,
        "count": len(reads),
        "filtered": any(request.GET.get(name) for name in ReadFilterForm.base_fields),  # not ?sort= alone
        "q": request.GET.get("q", ""),
        "occupation_count": Occupation.objects.count(),
        "chart": map_chart(read_points(reads, scores), bands=MAP_BANDS),
        "sort": "reviewed" if sort == "reviewed" else "",
        "by_review": reads if sort == "reviewed" else None,
    }
    return render_to_string("content/map.html", context, request=request)


@require_safe
def read_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The read page. Its HTML is cached per content version and day (the overdue notice is date-bound)."""
    today = dt.date.today()
    choice = area_choice(request)
    key = f"read-page:{content_version()}:{data_version()}:{pooled_version()}:{slug}:{today.isoformat()}:{choice.cache_part}"
    return cached_page(key, lambda: _render_read(request, slug, today, choice))


def _render_read(request: HttpRequest, slug: str, today: dt.date, choice: AreaChoice) -> str:
    read = _read_or_404(slug)
    context = {
        "read": read,
        "overdue": read.is_overdue(as_of=today),
        "lenses": read_lenses(read),
        "education_label": education_label(read),
        "cost": start_cost_items(read),
        "changes": read_changes(read),
        "occupations": read_occupations(read, area=choice.area),
        "area": choice.area,
        "area_choice": choice,
        "is_gig": read.collection == "gigwatch",
        "durability": durability_for_read(read.occupation_codes) if read.durability_scored else None,
        "quiz_url": "/quiz/",
    }
    return render_to_string("content/read_detail.html", context, request=request)


@require_safe
def read_sources_page(request: HttpRequest, slug: str) -> HttpResponse:
    read = _read_or_404(slug)
    sources = read_sources(read)
    context = {
        "read": read,
        "sources": sources,
        "parts": read_evidence_by_part(sources),
        "age": evidence_age(sources),
        "cost": start_cost_items(read),
        "overdue": read.is_overdue(as_of=dt.date.today()),
    }
    return render(request, "content/read_sources.html", context)


@require_safe
def methodology(request: HttpRequest) -> HttpResponse:
    return render(request, "content/methodology.html", {})


def _read_or_404(slug: str) -> Read:
    read = read_get(slug=slug)
    if read is None:
        raise Http404(f"No read named {slug!r}")
    return read
