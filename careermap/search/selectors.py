"""Reads for search: the index's rows from the database, the index itself, and a query.

The index lives in process memory, built from the database on the first query and again
whenever the data version changes (a new `import_data`, a new `content_load`). It is built
by Python from rows it sorts itself, so SQLite and PostgreSQL give identical results.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict

from django.db.models import Max

from careermap.content.models import ContentRelease, Read, ReadOccupation
from careermap.content.selectors import CONTENT_VERSION
from careermap.durability.models import DurabilityScore
from careermap.durability.selectors import DATA_VERSION
from careermap.lib.memory import freeze_long_lived
from careermap.lib.versions import PerVersion
from careermap.occupations.models import AlternateTitle, Dataset, Occupation, Projection, Task
from careermap.search import text
from careermap.search.documents import (
    Corpus,
    Hit,
    OccupationDoc,
    ReadDoc,
    Suggestion,
    TitleDoc,
    employment_by_code,
)
from careermap.search.engine import SearchIndex
from careermap.search.synonyms import load_synonyms


@dataclasses.dataclass(frozen=True)
class BuiltIndex:
    version: str
    index: SearchIndex
    data_as_of: dt.datetime | None  # the later of the last import and the last content load
    sources: tuple[dict[str, str], ...]  # the registry entries of the datasets behind the index


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
    return Corpus(occupations=occupations, titles=titles, reads=reads, synonyms=load_synonyms())


def _build(version: str) -> BuiltIndex:
    built = BuiltIndex(
        version=version, index=SearchIndex(search_corpus()), data_as_of=_data_as_of(), sources=_sources()
    )
    # ~175,000 long-lived objects: out of the collector's way (careermap/lib/memory.py).
    freeze_long_lived()
    return built


# The index is rebuilt when a content load or a data import lands (careermap/lib/versions.py).
_INDEX: PerVersion[BuiltIndex] = PerVersion(_build, CONTENT_VERSION, DATA_VERSION)


def search_version() -> str:
    """What the index is built from: the last content load and the last data import."""
    return _INDEX.version()


def search_index() -> BuiltIndex:
    """The index for the current data version, built on first use (about 2 s on the full data)."""
    return _INDEX.get()


def search_index_forget() -> None:
    """Drop this process's index, result facts and cached data versions; the next query rebuilds from
    the database."""
    _INDEX.forget()
    _FACTS.forget()
    CONTENT_VERSION.forget()
    DATA_VERSION.forget()


@dataclasses.dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[Hit]
    data_as_of: dt.datetime | None
    sources: tuple[dict[str, str], ...]
    exact: bool = True  # False: "no occupation matches this exactly; closest:"
    names_no_job: bool = False  # only job-search words ("jobs near me"): no results, and the page says why
    broad: int = 0  # a lone role word ("engineer"): the occupations it heads titles of; the page says so
    military_code: bool = False  # a military job code we have not placed ("25u"): no results, the page says so
    read_as: str = ""  # the query with its typos as they were read ("registered nurse"): the page says so


def search(*, query: str, limit: int = 10) -> SearchResults:
    """Occupations and reads for a job title, best first. No query runs once the index is built."""
    built = search_index()
    outcome = built.index.search_detail(query, limit=limit)
    return SearchResults(
        query=query,
        hits=outcome.hits,
        data_as_of=built.data_as_of,
        sources=built.sources,
        exact=outcome.exact,
        names_no_job=outcome.names_no_job,
        broad=outcome.broad,
        military_code=not outcome.hits and text.is_military_code(query),
        read_as=outcome.read_as,
    )


def search_suggest(*, prefix: str, limit: int = 8) -> list[Suggestion]:
    """Typeahead: titles starting with what was typed, from the in-memory index (no SQL)."""
    return search_index().index.suggest(prefix, limit=limit)


@dataclasses.dataclass(frozen=True)
class ResultFacts:
    """What a result line shows beside its title (issue 16): pay and durability, or why not."""

    pay: int | None = None  # BLS median annual wage, 2024, U.S., dollars (Employment Projections)
    pay_is_floor: bool = False  # BLS printed ">= $239,200"
    durability: int | None = None  # 0-100; for a read, the mean over its occupations
    no_score: bool = False  # a gig read: no durability score by design


@dataclasses.dataclass(frozen=True)
class _FactTables:
    pay: dict[str, tuple[int | None, bool]]  # occupation code → (median wage, is a floor)
    durability: dict[str, int]  # occupation code → score
    read_codes: dict[str, list[str]]  # read slug → its occupations
    read_scored: dict[str, bool]  # read slug → has a durability score by design


def _build_facts(version: str) -> _FactTables:
    read_codes: dict[str, list[str]] = defaultdict(list)
    for slug, code in ReadOccupation.objects.values_list("read__slug", "onet_code").order_by("read__slug", "position"):
        read_codes[slug].append(code)
    return _FactTables(
        pay={
            code: (wage, floor)
            for code, wage, floor in Projection.objects.values_list(
                "occupation_id", "median_wage", "median_wage_is_floor"
            )
        },
        durability=dict(DurabilityScore.objects.values_list("occupation_id", "score")),
        read_codes=dict(read_codes),
        read_scored=dict(Read.objects.values_list("slug", "durability_scored")),
    )


# Pay and durability of every occupation and read (a few thousand small rows), read once per content
# load or data import, so a result line's facts cost no query, like the search itself.
_FACTS: PerVersion[_FactTables] = PerVersion(_build_facts, CONTENT_VERSION, DATA_VERSION)


def search_result_facts(hits: list[Hit]) -> dict[tuple[str, str], ResultFacts]:
    """Pay and durability for a page of hits, from the tables kept per data version."""
    tables = _FACTS.get()
    out: dict[tuple[str, str], ResultFacts] = {}
    for hit in hits:
        if hit.kind == "occupation":
            wage, floor = tables.pay.get(hit.key, (None, False))
            out[("occupation", hit.key)] = ResultFacts(
                pay=wage, pay_is_floor=floor, durability=tables.durability.get(hit.key)
            )
        elif not tables.read_scored.get(hit.key, False):
            out[("read", hit.key)] = ResultFacts(no_score=True)
        else:
            linked = [tables.durability[c] for c in tables.read_codes.get(hit.key, []) if c in tables.durability]
            out[("read", hit.key)] = ResultFacts(durability=round(sum(linked) / len(linked)) if linked else None)
    return out


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


SUGGEST_CAPACITY = 600  # typeahead asks once per keystroke (after a pause), so more than searches
SUGGEST_PER_SECONDS = 60


def suggest_allowed(*, client: str) -> bool:
    from careermap.lib import ratelimit

    return ratelimit.allow(scope="suggest", value=client, capacity=SUGGEST_CAPACITY, per_seconds=SUGGEST_PER_SECONDS)
