"""Whole-page HTML caching for public pages that are the same for every visitor.

Callers put the content and data versions in the key, so a new content load or data import
changes the key and the old pages simply age out; no invalidation pass is needed.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpResponse

PAGE_TTL = 24 * 3600


def cached_page(key: str, render: Callable[[], str], *, timeout: int = PAGE_TTL) -> HttpResponse:
    html = cache.get(key)
    if html is None:
        html = render()
        cache.set(key, html, timeout)
    return HttpResponse(html)
