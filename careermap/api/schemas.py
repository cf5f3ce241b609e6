from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from ninja import Field, Schema


class ErrorOut(Schema):
    detail: str


class FieldErrorOut(Schema):
    field: str
    message: str


class ValidationErrorOut(Schema):
    """422: every bad field, by its path (e.g. `answers.R1`, `first_dollar`)."""

    detail: list[FieldErrorOut]


class ReadSummaryOut(Schema):
    slug: str
    url: str
    collection: Literal["gigwatch", "careers", "own-business"]
    kind_label: str
    title: str
    description: str
    start_cost_min_usd: int
    start_cost_max_usd: int
    first_dollar_band: str
    min_age: int
    needs_work_authorization: bool
    education_level: str
    needs_licence: bool
    durability_scored: bool
    interests: str
    reviewed: dt.date
    next_review: dt.date
    overdue_for_review: bool


class ReadListOut(Schema):
    count: int
    results: list[ReadSummaryOut]
    data_as_of: dt.datetime | None


class SourceOut(Schema):
    title: str
    publisher: str
    url: str
    published: str = Field(description="The date on the source: YYYY, YYYY-MM or YYYY-MM-DD, or 'undated'.")
    published_note: str = ""
    accessed: dt.date = Field(description="When we last checked the source.")
    kind: str
    backs: list[str]


class DurabilityOut(Schema):
    scored: bool
    no_score_reason: str
    basis: str
    editorial_score: int | None
    editorial_reason: str
    computed: dict[str, Any] | None


class ReadDetailOut(ReadSummaryOut):
    occupations: list[str]
    quick_facts: dict[str, Any]
    what_this_is: dict[str, Any]
    pay: dict[str, Any] | None = None  # gig reads: figures others measured (unit, basis, source), or why none
    durability: DurabilityOut
    lenses: dict[str, Any]
    html: dict[str, str]
    sources: list[SourceOut]
    changelog: list[dict[str, Any]]
