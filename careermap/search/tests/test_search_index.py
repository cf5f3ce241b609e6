"""The index built from the database: same results on SQLite and PostgreSQL, rebuilt when data changes."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command

from careermap.durability.models import DurabilityRun
from careermap.lib.versions import forget_held
from careermap.occupations.models import AlternateTitle, Occupation
from careermap.search.engine import SearchIndex
from careermap.search.selectors import search, search_corpus
from careermap.search.tests.fixtures import fixture_corpus

pytestmark = pytest.mark.django_db

QUERIES = [
    "nurse",
    "RN",
    "registred nurse",
    "uber driver",
    "data labeler",
    "plumber apprentice",
    "cashier",
    "driver",
    "dev",
]

# The expected ranking, pinned: this suite runs on SQLite and on PostgreSQL and both must give it.
GOLDEN = {
    "RN": ["29-1141.00", "registered-nurse", "29-1141.03"],
    # one word: the most held driving job first (issue 19), was Taxi Drivers; the rideshare read
    # third since the app drivers' entries of the sixteenth pass ("bolt driver", "via driver")
    "driver": ["53-3032.00", "53-3033.00", "rideshare-driving"],
    # the occupation, then its read (the same job), as on the real data since the trade entries of
    # the eleventh pass ("finish plumber", "union plumber"); then the helpers
    "plumber": ["47-2152.00", "plumber", "47-3015.00"],
}


def keys(query: str, limit: int = 3) -> list[str]:
    return [hit.key for hit in search(query=query, limit=limit).hits]


def test_the_database_gives_the_same_results_as_the_rows_in_memory(search_data: None) -> None:
    """Whichever database the suite runs on, its rows make exactly the index built without one."""
    from_db = SearchIndex(search_corpus())
    in_memory = SearchIndex(fixture_corpus())
    for query in QUERIES:
        assert from_db.search(query, limit=20) == in_memory.search(query, limit=20)


@pytest.mark.parametrize("query", sorted(GOLDEN))
def test_the_ranking_is_pinned_on_every_backend(search_data: None, query: str) -> None:
    assert keys(query) == GOLDEN[query]


def test_new_data_is_picked_up_when_the_version_changes(search_data: None) -> None:
    assert "35-3023.01" not in keys("barista")
    occupation = Occupation.objects.create(
        code="35-3023.01", title="Baristas", description="Coffee.", soc_code="35-3023"
    )
    AlternateTitle.objects.create(occupation=occupation, title="Coffee Bar Attendant")
    assert "35-3023.01" not in keys("barista")  # rows written without an import do not change the version
    DurabilityRun.objects.create(version="test", evaluation={})  # the step that ends every import
    assert "35-3023.01" not in keys("barista")  # the version is trusted for a few seconds
    cache.clear()  # ... until it expires
    forget_held()  # ... and the second this process holds it has passed
    assert keys("barista") == ["35-3023.01"]
    assert keys("coffee bar attendant")[:1] == ["35-3023.01"]  # other attendants may follow


def test_search_rebuild_builds_and_reports(search_data: None) -> None:
    out = StringIO()
    call_command("search_rebuild", stdout=out)
    assert out.getvalue().startswith("Built the search index: 17 occupations, 4 reads,")
    assert keys("RN", 1) == ["29-1141.00"]


def test_an_empty_database_searches_nothing(db: None) -> None:
    assert keys("nurse") == []
