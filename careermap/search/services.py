"""Writes for search: none to the database; rebuilding replaces the in-memory index."""

from __future__ import annotations

from careermap.search.selectors import BuiltIndex, search_index, search_index_forget


def search_index_rebuild() -> BuiltIndex:
    """Forget this process's index and cached data versions, then build it again from the database.

    Web processes rebuild on their own when a content load or an import bumps the data version
    (careermap/lib/versions.py): at once with a shared cache, within TRUST_SECONDS with LocMem.
    """
    search_index_forget()
    return search_index()
