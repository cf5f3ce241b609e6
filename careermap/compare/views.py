from __future__ import annotations

from urllib.parse import urlencode

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from careermap.compare.items import ItemKey, ParsedItems, items_param, parse_items
from careermap.compare.selectors import compare_choices, compare_items
from careermap.content.selectors import content_version
from careermap.durability.selectors import data_version
from careermap.lib.pagecache import PAGE_TTL
from careermap.occupations.explorer import state_choices
from careermap.occupations.paypage import AreaChoice, area_choice


def _url(keys: list[ItemKey], area_code: str) -> str:
    query = {"items": items_param(keys)} if keys else {}
    if area_code:
        query["area"] = area_code
    return reverse("compare:compare") + (f"?{urlencode(query, safe=',')}" if query else "")


@require_safe
def compare(request: HttpRequest) -> HttpResponse:
    """Two or three reads or occupations side by side; the URL says which, so it can be shared and cached."""
    raw = request.GET.getlist("items")
    choice = area_choice(request)
    area_code = choice.area.code if choice.area else ""
    added = [value for value in (request.GET.get("add", ""), request.GET.get("add_code", "")) if value.strip()]
    if added:  # the "add an item" form: answer with the canonical, shareable URL
        return HttpResponseRedirect(_url(parse_items(raw + added).keys, area_code))
    parsed = parse_items(raw)
    if parsed.problems:  # the message quotes what was typed: not worth caching
        html, status = _render(request, parsed, choice)
        return HttpResponse(html, status=status)
    key = f"compare-page:{content_version()}:{data_version()}:{items_param(parsed.keys)}:{choice.cache_part}"
    cached = cache.get(key)
    if cached is None:
        cached = _render(request, parsed, choice)
        cache.set(key, cached, PAGE_TTL)
    return HttpResponse(cached[0], status=cached[1])


def _render(request: HttpRequest, parsed: ParsedItems, choice: AreaChoice) -> tuple[str, int]:
    area_code = choice.area.code if choice.area else ""
    items, missing = compare_items(keys=parsed.keys, area=choice.area)
    for item in items:
        others = [key for key in parsed.keys if key.key != item["key"] and key not in missing]
        item["remove_url"] = _url(others, area_code)
    status = 200
    if not items and (parsed.problems or missing):
        status = 400 if parsed.problems else 404
    context = {
        "items": items,
        "problems": parsed.problems,
        "missing": missing,
        "items_value": items_param([key for key in parsed.keys if key not in missing]),
        "full": len(items) >= 3,
        "choices": compare_choices(),
        "states": state_choices(),
        "area": choice.area,
        "area_choice": choice,
    }
    return render_to_string("compare/compare.html", context, request=request), status
