from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from careermap.api.schemas import ErrorOut, ValidationErrorOut
from careermap.content.models import Read
from careermap.durability.models import DurabilityScore
from careermap.durability.selectors import durability_present
from careermap.occupations.models import Dataset, Occupation, Projection
from careermap.occupations.selectors import OccupationFilters, dataset_list, occupation_get, occupation_list

router = Router(tags=["occupations"])


class OccupationFilterParams(Schema):
    job_zone: int | None = Field(None, ge=1, le=5)
    interest: str | None = Field(None, pattern="^[RIASECriasec]$")
    wage_min: int | None = Field(None, ge=0)
    wage_max: int | None = Field(None, ge=0)
    change_min: float | None = None
    change_max: float | None = None
    q: str = Field("", max_length=100)
    page: int = Field(1, ge=1)
    page_size: int = Field(50, ge=1, le=200)


class FigureOut(Schema):
    value: float | int | str | None
    dataset: str
    vintage: str


class OccupationSummaryOut(Schema):
    code: str
    title: str
    url: str
    job_zone: int | None
    interest_code: str
    median_wage: int | None
    median_wage_is_floor: bool
    change_percent: float | None


class OccupationListOut(Schema):
    count: int
    page: int
    pages: int
    results: list[OccupationSummaryOut]


class OccupationDetailOut(Schema):
    code: str
    title: str
    description: str
    url: str
    job_zone: int | None
    interests: dict[str, float | None]
    interest_code: str
    education: str
    alternate_titles: list[str]
    tasks: list[str]
    related: list[str]
    projection: dict[str, FigureOut] | None
    exposure: list[dict[str, Any]]
    durability: dict[str, Any] | None
    reads: list[str]


class DatasetOut(Schema):
    key: str
    name: str
    version: str
    publisher: str
    license: str
    license_url: str
    attribution: str
    url: str
    notes: str
    rows_read: int
    rows_joined: int
    rows_unmatched: int
    occupations_covered: int
    files: dict[str, Any]
    join_notes: dict[str, Any]
    imported_at: str


def _summary(occ: Occupation) -> dict[str, Any]:
    projection: Projection | None = getattr(occ, "projection", None)
    return {
        "code": occ.code,
        "title": occ.title,
        "url": occ.get_absolute_url(),
        "job_zone": occ.job_zone,
        "interest_code": occ.interest_code,
        "median_wage": projection.median_wage if projection else None,
        "median_wage_is_floor": projection.median_wage_is_floor if projection else False,
        "change_percent": projection.change_percent if projection else None,
    }


@router.get(
    "/occupations",
    response={200: OccupationListOut, 422: ValidationErrorOut},
    summary="Occupations, filtered and paginated",
)
def list_occupations(request: HttpRequest, params: Query[OccupationFilterParams]) -> dict[str, Any]:
    filters = OccupationFilters(
        job_zone=params.job_zone,
        interest=params.interest.upper() if params.interest else None,
        wage_min=params.wage_min,
        wage_max=params.wage_max,
        change_min=params.change_min,
        change_max=params.change_max,
        text=params.q,
    )
    paginator = Paginator(occupation_list(filters=filters), params.page_size)
    page = paginator.get_page(params.page)
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "results": [_summary(o) for o in page],
    }


@router.get(
    "/occupations/{code}",
    response={200: OccupationDetailOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="One occupation, every figure with its dataset",
)
def get_occupation(request: HttpRequest, code: str) -> tuple[int, dict[str, Any]]:
    try:
        detail = occupation_get(code=code)
    except Occupation.DoesNotExist:
        return 404, {"detail": f"No occupation {code!r} in the loaded data."}
    occ = detail.occupation
    bls = detail.datasets.get("bls-ep-2024-34")

    def figure(value: Any) -> dict[str, Any]:
        return {"value": value, "dataset": "bls-ep-2024-34", "vintage": bls.version if bls else ""}

    projection = None
    if detail.projection:
        p = detail.projection
        projection = {
            "employment_2024_thousands": figure(p.employment_2024),
            "employment_2034_thousands": figure(p.employment_2034),
            "change_percent_2024_34": figure(p.change_percent),
            "openings_annual_thousands": figure(p.openings_annual),
            "median_wage_2024": figure(p.median_wage),
            "median_wage_is_floor": figure(str(p.median_wage_is_floor).lower()),
            "typical_entry_education": figure(p.typical_entry_education),
        }
    score = DurabilityScore.objects.filter(occupation=occ).first()
    return 200, {
        "code": occ.code,
        "title": occ.title,
        "description": occ.description,
        "url": occ.get_absolute_url(),
        "job_zone": occ.job_zone,
        "interests": {letter: value for letter, _, value in occ.interests},
        "interest_code": occ.interest_code,
        "education": occ.education_label,
        "alternate_titles": [t.title for t in detail.alternate_titles],
        "tasks": [t.statement for t in detail.tasks],
        "related": [link.to_occupation_id for link in detail.related],
        "projection": projection,
        "exposure": [
            {
                "measure": row.measure.key,
                "label": row.measure.label,
                "value": row.score.value if row.score else None,
                "scale": row.measure.scale,
                "measures": row.measure.description,
                "dataset": row.dataset.key,
                "vintage": row.dataset.version,
                "join": row.score.join if row.score else None,
            }
            for row in detail.exposures
        ],
        "durability": durability_present(score) if score else None,
        "reads": _read_slugs(occ.code),
    }


def _read_slugs(code: str) -> list[str]:
    return list(Read.objects.filter(occupation_links__onet_code=code).values_list("slug", flat=True))


@router.get("/datasets", response={200: list[DatasetOut]}, summary="The dataset registry")
def list_datasets(request: HttpRequest) -> list[dict[str, Any]]:
    return [_dataset(ds) for ds in dataset_list()]


def _dataset(ds: Dataset) -> dict[str, Any]:
    return {
        "key": ds.key,
        "name": ds.name,
        "version": ds.version,
        "publisher": ds.publisher,
        "license": ds.license,
        "license_url": ds.license_url,
        "attribution": ds.attribution,
        "url": ds.url,
        "notes": ds.notes,
        "rows_read": ds.rows_read,
        "rows_joined": ds.rows_joined,
        "rows_unmatched": ds.rows_unmatched,
        "occupations_covered": ds.occupations_covered,
        "files": ds.files,
        "join_notes": ds.join_notes,
        "imported_at": ds.imported_at.isoformat(),
    }
