from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field, field_validator

from careermap.api.schemas import ErrorOut, ValidationErrorOut
from careermap.lib.httpcache import memory_budget
from careermap.lib.lru import SizedLRU
from careermap.lib.ratelimit import client_ip
from careermap.search.documents import Hit
from careermap.search.forms import query_problem
from careermap.search.selectors import (
    ResultFacts,
    search,
    search_allowed,
    search_result_facts,
    search_suggest,
    search_version,
    suggest_allowed,
)
from careermap.search.text import MAX_QUERY_CHARS

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
    matched: str = Field(
        description="The title or synonym that matched best, as written; empty for a description match"
    )
    matched_kind: Literal["title", "alternate title", "synonym", "closest (synonym)", "description", "occupation"] = (
        Field(
            description="Where `matched` comes from: the result's own title, an O*NET alternate title, our synonym "
            "list (synonyms.yaml), a synonym naming only the closest occupation, description words, or (for a read) "
            "the occupation it covers"
        )
    )

    median_wage: int | None = Field(
        description="For an occupation: BLS's median annual wage for employees, United States, May 2024 "
        "(Employment Projections 2024–34; see `sources`), in dollars, before tax. Null for a read, or when "
        "BLS publishes none."
    )
    median_wage_is_floor: bool = Field(
        description='True when BLS publishes only a floor (">= $239,200"): the median is at least this'
    )
    durability: int | None = Field(
        description="Durability score, 0–100 (for a read, the mean over the occupations it covers); null when "
        "there is no score yet or none by design (see `no_score`)"
    )
    no_score: bool = Field(description="True for a gig read: cash-now work has no durability score by design")


class SearchSourceOut(Schema):
    name: str
    version: str
    url: str


class SearchOut(Schema):
    query: str
    count: int
    exact: bool = Field(
        description="False when no occupation matches the query exactly (as `read_as`, where a word was "
        "misspelt) and the results are the closest"
    )
    read_as: str | None = Field(
        description='The query with each misspelt word replaced by the word it was read as ("registred nurse" → '
        '"registered nurse"), or the title searched for work described rather than named ("fix cars" → '
        '"car repairer"); null when neither'
    )
    names_no_job: bool = Field(
        description='True when the query holds only job-search words ("jobs near me", "entry level", '
        '"highest paying jobs"): it names no job, so there are no results'
    )
    broad: int = Field(
        description='For a role word searched alone ("engineer", "specialist"): how many occupations have titles '
        "it heads, so the results are only the likeliest of many; 0 otherwise"
    )
    military_code: bool = Field(
        description='True when the query is a military job code ("25u", "0621") that matches nothing: '
        "there are no results, and the job's title or the civilian work will find them"
    )
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
    # Counted by the rate limit above; the answer is the same for everyone until the index changes.
    key = (search_version(), params.q, params.limit)
    answer = _answers.get(key)
    if answer is None:
        answer = _answer(params)
        _answers.put(key, answer, ANSWER_BYTES + HIT_BYTES * answer["count"])
    return 200, answer


# Recent answers kept in this process (a common title is asked again and again), within a share
# of the page memory: about 1 kB plus 0.3 kB a hit, as Python objects.
ANSWER_BYTES, HIT_BYTES = 1000, 300
_answers: SizedLRU[dict[str, Any]] = SizedLRU(lambda: memory_budget() // 16)


def _answer(params: SearchParams) -> dict[str, Any]:
    results = search(query=params.q, limit=params.limit)
    facts = search_result_facts(results.hits)
    return {
        "query": results.query,
        "count": len(results.hits),
        "exact": results.exact,
        "read_as": results.read_as or None,
        "names_no_job": results.names_no_job,
        "broad": results.broad,
        "military_code": results.military_code,
        "results": [_result(hit, facts.get((hit.kind, hit.key), ResultFacts())) for hit in results.hits],
        "data_as_of": results.data_as_of,
        "sources": list(results.sources),
    }


def _result(hit: Hit, fact: ResultFacts) -> dict[str, Any]:
    return {
        "kind": hit.kind,
        "code": hit.key if hit.kind == "occupation" else None,
        "slug": hit.key if hit.kind == "read" else None,
        "title": hit.title,
        "url": hit.url,
        "score": hit.score,
        "matched": hit.matched,
        "matched_kind": hit.matched_kind,
        "median_wage": fact.pay,
        "median_wage_is_floor": fact.pay_is_floor,
        "durability": fact.durability,
        "no_score": fact.no_score,
    }


SUGGEST_LIMIT = 10


class SuggestParams(Schema):
    q: str = Field(
        "", max_length=MAX_QUERY_CHARS, description="What has been typed so far; under 2 characters suggests nothing."
    )
    limit: int = Field(8, ge=1, le=SUGGEST_LIMIT, description=f"How many titles, 1–{SUGGEST_LIMIT}.")


class SuggestionOut(Schema):
    text: str = Field(description="The title that starts with what was typed")
    kind: Literal["occupation", "read"]
    key: str = Field(description="O*NET-SOC code or read slug")
    title: str = Field(description="The occupation's or read's own title")
    url: str


class SuggestOut(Schema):
    query: str
    suggestions: list[SuggestionOut]


@router.get(
    "/search/suggest",
    response={200: SuggestOut, 422: ValidationErrorOut, 429: ErrorOut},
    summary="Typeahead: titles starting with what was typed, most held occupations first (unstable)",
)
def search_suggest_titles(request: HttpRequest, params: Query[SuggestParams]) -> tuple[int, dict[str, Any]]:
    if not suggest_allowed(client=client_ip(request)):
        return 429, {"detail": "Too many requests from your address; try again in a minute."}
    suggestions = search_suggest(prefix=params.q, limit=params.limit)
    return 200, {
        "query": params.q,
        "suggestions": [
            {"text": s.text, "kind": s.kind, "key": s.key, "title": s.title, "url": s.url} for s in suggestions
        ],
    }
