from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from careermap.api.schemas import ErrorOut, ReadDetailOut, ReadListOut, ValidationErrorOut
from careermap.content.models import ContentRelease, Read
from careermap.content.selectors import ReadFilters, read_get, read_list
from careermap.durability.selectors import durability_for_read

router = Router(tags=["reads"])


class ReadFilterParams(Schema):
    collection: Literal["gigwatch", "careers", "own-business"] | None = None
    max_start_cost: int | None = None
    first_dollar: Literal["days", "weeks", "months", "year-plus"] | None = None
    durability: Literal["scored", "unscored"] | None = None
    no_degree: bool = False
    under_18_ok: bool = False
    no_work_authorization: bool = False
    no_licence: bool = False
    q: str = ""


def read_summary(read: Read, today: dt.date) -> dict[str, Any]:
    return {
        "slug": read.slug,
        "url": read.get_absolute_url(),
        "collection": read.collection,
        "kind_label": read.kind_label,
        "title": read.title,
        "description": read.description,
        "start_cost_min_usd": read.start_cost_min,
        "start_cost_max_usd": read.start_cost_max,
        "first_dollar_band": read.first_dollar_band,
        "min_age": read.min_age,
        "needs_work_authorization": read.needs_work_authorization,
        "education_level": read.education_level,
        "needs_licence": read.needs_licence,
        "durability_scored": read.durability_scored,
        "interests": read.interests,
        "reviewed": read.reviewed,
        "next_review": read.next_review,
        "overdue_for_review": read.is_overdue(as_of=today),
    }


@router.get(
    "/reads", response={200: ReadListOut, 422: ValidationErrorOut}, summary="List reads, with the map's filters"
)
def list_reads(request: HttpRequest, filters: Query[ReadFilterParams]) -> dict[str, Any]:
    reads = read_list(filters=ReadFilters(**filters.dict()))
    today = dt.date.today()
    release = ContentRelease.objects.order_by("-pk").first()
    return {
        "count": len(reads),
        "results": [read_summary(read, today) for read in reads],
        "data_as_of": release.loaded_at if release else None,
    }


@router.get(
    "/reads/{slug}",
    response={200: ReadDetailOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="One read, every field",
)
def get_read(request: HttpRequest, slug: str) -> tuple[int, dict[str, Any]]:
    read = read_get(slug=slug)
    if read is None:
        return 404, {"detail": f"No read named {slug!r}."}
    doc = read.document
    body = read_summary(read, dt.date.today()) | {
        "occupations": [link.onet_code for link in read.occupation_links.all()],
        "quick_facts": doc["quick_facts"],
        "what_this_is": doc["what_this_is"],
        "pay": doc.get("pay"),
        "durability": doc["durability"]
        | {"computed": durability_for_read(read.occupation_codes) if read.durability_scored else None},
        "lenses": doc["lenses"],
        "html": read.html,
        "sources": doc["sources"],
        "changelog": doc["changelog"],
    }
    return 200, body
