from __future__ import annotations

import hashlib

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from careermap.lib.pagecache import cached_page
from careermap.lib.ratelimit import client_ip
from careermap.search.forms import SearchForm
from careermap.search.selectors import search, search_allowed, search_result_facts, search_version

PAGE_LIMIT = 20


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    """`/search/?q=`: occupations and reads for a job title, ranked. Plain GET form, no JS needed."""
    form = SearchForm(request.GET if "q" in request.GET else None)
    if form.is_bound and not search_allowed(client=client_ip(request)):
        context = {"form": SearchForm(), "q": request.GET.get("q", ""), "results": None, "throttled": True}
        return render(request, "search/search.html", context, status=429)
    # Counted by the rate limit above; the page itself is the same for everyone who asks the same URL.
    target = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return cached_page(f"search-page:{search_version()}:{target}", lambda: _render(request, form))


def _render(request: HttpRequest, form: SearchForm) -> str:
    results = search(query=form.cleaned_data["q"], limit=PAGE_LIMIT) if form.is_bound and form.is_valid() else None
    rows = []
    if results:
        facts = search_result_facts(results.hits)
        rows = [{"hit": hit, "facts": facts.get((hit.kind, hit.key))} for hit in results.hits]
    context = {"form": form, "q": request.GET.get("q", ""), "results": results, "rows": rows}
    return render_to_string("search/search.html", context, request=request)
