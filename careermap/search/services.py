"""Writes for search: none to the database; rebuilding replaces the in-memory index."""

from __future__ import annotations

from careermap.search.selectors import BuiltIndex, search_index, search_index_forget


def search_index_rebuild() -> BuiltIndex:
    """Forget the index and its cached data version, then build it again from the database.

    With a shared cache (REDIS_URL) every web process sees the new version on its next query
    and rebuilds; with the per-process LocMem cache each one notices within VERSION_TTL seconds.
    """
    search_index_forget()
    return search_index()
