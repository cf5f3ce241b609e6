"""Whole-page HTML caching for public pages that are the same for every visitor.

Callers put the content and data versions in the key, so a new content load or data import
changes the key and the old pages simply age out; no invalidation pass is needed. The code's
digest is added here, so a deploy never serves a page its old templates rendered. (Each process
also keeps whole public responses in memory: careermap/lib/httpcache.py's ResponseStore.)
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse

PAGE_TTL = 24 * 3600


def cached_page(key: str, render: Callable[[], str], *, timeout: int = PAGE_TTL) -> HttpResponse:
    from careermap.lib.httpcache import code_version

    key = f"{code_version()[0]}:{key}"
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, timeout)
    return HttpResponse(html)
