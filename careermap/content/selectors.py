"""Reads of reads: the map's filters, one read, and the content version for caching."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.db.models import Q

from careermap.content.models import ContentRelease, Read
from careermap.lib.versions import DataVersion
from careermap.lib.vocab import BAND_ORDER, EDUCATION_ORDER
from careermap.occupations.models import Area, Occupation
from careermap.occupations.selectors import occupation_pay

# The id of the last content load (careermap/lib/versions.py): part of every rendered-read cache key.
CONTENT_VERSION = DataVersion(
    "content:version", lambda: ContentRelease.objects.order_by("-pk").values_list("pk", flat=True).first()
)


def content_version() -> int:
    """Id of the last content load; part of every rendered-read cache key."""
    return CONTENT_VERSION.current()


def content_version_bump(version: int) -> None:
    CONTENT_VERSION.bump(version)


@dataclasses.dataclass(frozen=True)
class ReadFilters:
    collection: str | None = None
    max_start_cost: int | None = None  # the most a reader can spend to start, in USD
    first_dollar: str | None = None  # the slowest acceptable band
    durability: str | None = None  # "scored" or "unscored"
    no_degree: bool = False  # nothing beyond a high school diploma
    under_18_ok: bool = False
    no_work_authorization: bool = False
    no_licence: bool = False
    q: str = ""


def read_list(*, filters: ReadFilters | None = None) -> list[Read]:
    filters = filters or ReadFilters()
    qs = Read.objects.defer("document", "html")
    if filters.collection:
        qs = qs.filter(collection=filters.collection)
    if filters.max_start_cost is not None:
        qs = qs.filter(start_cost_min__lte=filters.max_start_cost)
    if filters.first_dollar:
        qs = qs.filter(first_dollar_rank__lte=BAND_ORDER[filters.first_dollar])
    if filters.durability == "scored":
        qs = qs.filter(durability_scored=True)
    elif filters.durability == "unscored":
        qs = qs.filter(durability_scored=False)
    if filters.no_degree:
        qs = qs.filter(education_rank__lte=EDUCATION_ORDER["high-school"])
    if filters.under_18_ok:
        qs = qs.filter(min_age__lt=18)
    if filters.no_work_authorization:
        qs = qs.filter(needs_work_authorization=False)
    if filters.no_licence:
        qs = qs.filter(needs_licence=False)
    for word in filters.q.split():
        qs = qs.filter(Q(title__icontains=word) | Q(description__icontains=word))
    return list(qs)


def read_get(*, slug: str) -> Read | None:
    return Read.objects.filter(slug=slug).prefetch_related("occupation_links").first()


def read_occupations(read: Read, *, area: Area | None = None) -> list[dict[str, Any]]:
    """The read's linked occupations, with titles, projections and OEWS pay (for `area` and
    nationally) where the occupation data is loaded."""
    codes = read.occupation_codes
    found = {occ.code: occ for occ in Occupation.objects.filter(code__in=codes).select_related("projection")}
    rows: list[dict[str, Any]] = []
    for code in codes:
        occupation = found.get(code)
        projection = getattr(occupation, "projection", None) if occupation else None
        rows.append(
            {
                "code": code,
                "title": occupation.title if occupation else code,
                "url": occupation.get_absolute_url() if occupation else "",
                "loaded": occupation is not None,
                "projection": projection,
                "pay": occupation_pay(occupation=occupation, area=area) if occupation else None,
            }
        )
    return rows
