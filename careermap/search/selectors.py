"""Reads for search: the index's rows from the database, the index itself, and a query.

The index lives in process memory, built from the database on the first query and again
whenever the data version changes (a new `import_data`, a new `content_load`). It is built
by Python from rows it sorts itself, so SQLite and PostgreSQL give identical results.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections import defaultdict

from django.core.cache import cache
from django.db.models import Count, Max

from careermap.content.models import ContentRelease, Read
from careermap.lib.memory import freeze_long_lived
from careermap.occupations.models import AlternateTitle, Dataset, Occupation, Projection, Task
from careermap.search.engine import Corpus, Hit, OccupationDoc, ReadDoc, SearchIndex, TitleDoc, employment_by_code

VERSION_KEY = "search:version"
VERSION_TTL = 30  # seconds a process trusts its cached version: how stale results can be after an import


@dataclasses.dataclass(frozen=True)
class BuiltIndex:
    version: str
    index: SearchIndex
    data_as_of: dt.datetime | None  # the later of the last import and the last content load
    sources: tuple[dict[str, str], ...]  # the registry entries of the datasets behind the index


_lock = threading.Lock()
_built: BuiltIndex | None = None


def search_corpus() -> Corpus:
    """Every row the index needs, read in a handful of queries."""
    employment = employment_by_code(Projection.objects.values_list("occupation_id", "nem_code", "employment_2024"))
    tasks: dict[str, list[str]] = defaultdict(list)
    for code, statement in Task.objects.values_list("occupation_id", "statement").order_by("occupation_id", "task_id"):
        tasks[code].append(statement)
    occupations = tuple(
        OccupationDoc(
            code=occupation.code,
            title=occupation.title,
            url=occupation.get_absolute_url(),
            employment=employment.get(occupation.code),
            description=" ".join([occupation.description, *tasks[occupation.code]]),
        )
        for occupation in Occupation.objects.only("code", "title", "description").order_by("code")
    )
    titles = tuple(
        TitleDoc(code=code, title=title, short_title=short_title, sources=sources)
        for code, title, short_title, sources in AlternateTitle.objects.values_list(
            "occupation_id", "title", "short_title", "sources"
        ).order_by("occupation_id", "title", "short_title", "pk")
    )
    reads = tuple(
        ReadDoc(
            slug=read.slug,
            title=read.title,
            description=read.description,
            url=read.get_absolute_url(),
            codes=tuple(link.onet_code for link in read.occupation_links.all()),
        )
        for read in Read.objects.only("slug", "title", "description")
        .prefetch_related("occupation_links")
        .order_by("slug")
    )
    return Corpus(occupations=occupations, titles=titles, reads=reads)


def search_version() -> str:
    """What the index was built from: the last import, the last content load, row counts."""
    version = cache.get(VERSION_KEY)
    if version is None:
        datasets = Dataset.objects.aggregate(last=Max("imported_at"), count=Count("pk"))
        release = ContentRelease.objects.order_by("-pk").values_list("pk", "sha256").first()
        counts = (Occupation.objects.count(), AlternateTitle.objects.count(), Read.objects.count())
        version = f"{datasets['last']}|{datasets['count']}|{release}|{counts}"
        cache.set(VERSION_KEY, version, VERSION_TTL)
    return str(version)


def search_index() -> BuiltIndex:
    """The index for the current data version, built on first use (about 2 s on the full data)."""
    global _built
    version = search_version()
    built = _built
    if built is not None and built.version == version:
        return built
    with _lock:
        if _built is None or _built.version != version:
            _built = BuiltIndex(
                version=version,
                index=SearchIndex(search_corpus()),
                data_as_of=_data_as_of(),
                sources=_sources(),
            )
            # ~175,000 long-lived objects: out of the collector's way (careermap/lib/memory.py).
            freeze_long_lived()
        return _built


def search_index_forget() -> None:
    """Drop this process's index and cached version; the next query rebuilds from the database."""
    global _built
    with _lock:
        _built = None
    cache.delete(VERSION_KEY)


@dataclasses.dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[Hit]
    data_as_of: dt.datetime | None
    sources: tuple[dict[str, str], ...]


def search(*, query: str, limit: int = 10) -> SearchResults:
    """Occupations and reads for a job title, best first. No query runs once the index is built."""
    built = search_index()
    return SearchResults(
        query=query,
        hits=built.index.search(query, limit=limit),
        data_as_of=built.data_as_of,
        sources=built.sources,
    )


SOURCE_DATASETS = ("onet-29-3", "bls-ep-2024-34")  # titles, descriptions and tasks; the employment prior


def _sources() -> tuple[dict[str, str], ...]:
    return tuple(
        {"name": dataset.name, "version": dataset.version, "url": dataset.get_absolute_url()}
        for dataset in Dataset.objects.filter(key__in=SOURCE_DATASETS).order_by("position", "key")
    )


def _data_as_of() -> dt.datetime | None:
    last_import = Dataset.objects.aggregate(last=Max("imported_at"))["last"]
    last_load = ContentRelease.objects.order_by("-pk").values_list("loaded_at", flat=True).first()
    return max((moment for moment in (last_import, last_load) if moment is not None), default=None)


SEARCH_CAPACITY = 120  # queries per address...
SEARCH_PER_SECONDS = 60  # ...per minute: far above a person typing, well below a scraper


def search_allowed(*, client: str) -> bool:
    """Take one token from the address's search bucket (careermap.lib.ratelimit)."""
    from careermap.lib import ratelimit

    return ratelimit.allow(scope="search", value=client, capacity=SEARCH_CAPACITY, per_seconds=SEARCH_PER_SECONDS)
