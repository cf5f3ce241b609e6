from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field, field_validator

from careermap.api.schemas import ErrorOut, ValidationErrorOut
from careermap.lib.ratelimit import client_ip
from careermap.search.forms import query_problem
from careermap.search.selectors import search, search_allowed

router = Router(tags=["search"])

MAX_LIMIT = 50


class SearchParams(Schema):
    q: str = Field(..., description="A job title as a person would type it: 'RN', 'uber driver'. 1–100 characters.")
    limit: int = Field(10, ge=1, le=MAX_LIMIT, description=f"How many results, 1–{MAX_LIMIT}.")

    @field_validator("q")
    @classmethod
    def q_is_a_title(cls, value: str) -> str:
        problem = query_problem(value)
        if problem:
            raise ValueError(problem)
        return value.strip()


class SearchHitOut(Schema):
    kind: Literal["occupation", "read"]
    code: str | None = Field(description="O*NET-SOC code, for an occupation")
    slug: str | None = Field(description="The read's slug, for a read")
    title: str
    url: str
    score: float = Field(description="Relevance; compare within one response only")


class SearchSourceOut(Schema):
    name: str
    version: str
    url: str


class SearchOut(Schema):
    query: str
    count: int
    results: list[SearchHitOut]
    data_as_of: dt.datetime | None
    sources: list[SearchSourceOut]


@router.get(
    "/search",
    response={200: SearchOut, 422: ValidationErrorOut, 429: ErrorOut},
    summary="Occupations and reads for a job title, ranked (unstable)",
)
def search_titles(request: HttpRequest, params: Query[SearchParams]) -> tuple[int, dict[str, Any]]:
    if not search_allowed(client=client_ip(request)):
        return 429, {"detail": "Too many searches from your address; try again in a minute."}
    results = search(query=params.q, limit=params.limit)
    return 200, {
        "query": results.query,
        "count": len(results.hits),
        "results": [
            {
                "kind": hit.kind,
                "code": hit.key if hit.kind == "occupation" else None,
                "slug": hit.key if hit.kind == "read" else None,
                "title": hit.title,
                "url": hit.url,
                "score": hit.score,
            }
            for hit in results.hits
        ],
        "data_as_of": results.data_as_of,
        "sources": list(results.sources),
    }
