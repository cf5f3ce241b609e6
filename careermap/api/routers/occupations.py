from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from careermap.api.schemas import ErrorOut, ValidationErrorOut
from careermap.lib.vocab import RIASEC
from careermap.occupations.models import Area, Dataset, Occupation, Projection
from careermap.occupations.selectors import (
    ObservedUse,
    OccupationFilters,
    OccupationPay,
    area_get,
    area_search,
    dataset_list,
    occupation_list,
    occupation_page,
    occupation_pay,
)

router = Router(tags=["occupations"])
LETTERS = "".join(RIASEC)


class OccupationFilterParams(Schema):
    job_zone: int | None = Field(None, ge=1, le=5)
    interest: str | None = Field(None, pattern=f"^[{LETTERS}{LETTERS.lower()}]$")
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


class ObservedExposureOut(Schema):
    value: float = Field(description="Observed exposure, 0–1 as published. 0 means no measured exposure.")
    measured: bool = Field(description="False for a zero: no measured exposure (not 'AI is not used').")
    below_share: float = Field(description="Share of the published occupations with a strictly lower value.")
    published_for: str = Field(description="The SOC 2018 code the value was published under.")
    join: str
    dataset: str
    vintage: str


class ObservedTaskOut(Schema):
    task_id: int
    statement: str = Field(description="The O*NET 29.3 task statement.")
    conversations: int
    share: float = Field(description="Share of the week's classified API conversations (0–1).")
    anthropic_tasks: list[str] = Field(description="Anthropic's task string(s) that matched this task.")


class ObservedOut(Schema):
    exposure: ObservedExposureOut | None = Field(description="Null when the published table has no row for it.")
    tasks: list[ObservedTaskOut] = Field(description="Its O*NET tasks in the API data, largest share first.")
    task_count: int = Field(description="O*NET tasks the occupation has (0 when none were observed).")
    conversations: int = Field(description="Over its observed tasks; a conversation counts once.")
    share: float
    tasks_dataset: str | None
    tasks_vintage: str
    caveats: list[str]


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
    pay: dict[str, Any] | None = Field(
        None, description="OEWS May 2025 pay, national and for `?area=` (same shape as /occupations/{code}/pay)."
    )
    observed: ObservedOut | None = Field(
        None, description="AI use observed so far (Anthropic Economic Index); null when that data is not loaded."
    )


class AreaOut(Schema):
    code: str
    name: str
    kind: str
    state_fips: str
    states: str = Field(description="Postal codes of every state a metro area spans, e.g. 'PA-NJ'.")


class AreaParams(Schema):
    area: str | None = Field(None, pattern=r"^\d{7}$", description="BLS area code, e.g. 0041860 (from /areas).")


class PayOut(Schema):
    occupation: str
    soc_code: str = Field(description="The code OEWS publishes this occupation's pay under.")
    soc_title: str = Field(description="OEWS group title when the figures are a wider group's, else empty.")
    join: str
    population: str
    basis: str
    area: AreaOut | None
    national: dict[str, Any] | None
    local: dict[str, Any] | None
    local_missing: str | None = Field(description="Why there are no figures for the area, in words.")
    trend: list[dict[str, Any]]
    dataset: str
    vintage: str
    source: str


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
def get_occupation(request: HttpRequest, code: str, params: Query[AreaParams]) -> tuple[int, dict[str, Any]]:
    area, problem = _area(params.area)
    if problem:
        return 404, {"detail": problem}
    try:
        page = occupation_page(code=code, area=area)
    except Occupation.DoesNotExist:
        return 404, {"detail": f"No occupation {code!r} in the loaded data."}
    detail = page.detail
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
        "durability": page.durability,
        "reads": [read.slug for read in page.reads],
        "pay": _pay_out(occ, area, page.pay),
        "observed": _observed_out(page.observed),
    }


def _observed_out(observed: ObservedUse) -> dict[str, Any] | None:
    if not observed.loaded:
        return None
    e, ds, usage = observed.exposure, observed.exposure_dataset, observed.usage_dataset
    exposure = None
    if e is not None and ds is not None:
        exposure = {
            "value": e.value,
            "measured": e.measured,
            "below_share": round(e.below_share, 4),
            "published_for": e.soc_code,
            "join": e.join,
            "dataset": ds.key,
            "vintage": ds.version,
        }
    return {
        "exposure": exposure,
        "tasks": [
            {
                "task_id": item.task_id,
                "statement": item.task.statement,
                "conversations": item.conversations,
                "share": item.share,
                "anthropic_tasks": [text for text, _ in item.strings],
            }
            for item in observed.tasks
        ],
        "task_count": observed.task_count,
        "conversations": observed.conversations,
        "share": observed.share,
        "tasks_dataset": usage.key if usage else None,
        "tasks_vintage": usage.version if usage else "",
        "caveats": [d.notes for d in (ds, usage) if d is not None],
    }


def _area(code: str | None) -> tuple[Area | None, str]:
    if code is None:
        return None, ""
    area = area_get(code=code)
    return area, "" if area else f"No area with code {code!r}: find codes with /api/v1/areas?q=."


def _area_out(area: Area) -> dict[str, Any]:
    return {
        "code": area.code,
        "name": area.name,
        "kind": area.kind,
        "state_fips": area.state_fips,
        "states": area.states,
    }


POPULATION = "Employees (wage and salary workers); excludes the self-employed and gig workers"
BASIS = (
    "Gross straight-time wages before tax: commissions, production bonuses and tips included; overtime "
    "premiums, shift differentials, nonproduction bonuses and benefits excluded"
)


def _pay_out(occupation: Occupation, area: Area | None, pay: OccupationPay | None) -> dict[str, Any] | None:
    if pay is None:
        return None
    vintage = pay.dataset.version if pay.dataset else ""
    local_missing = None
    if area is not None and not area.is_national and pay.local is None:
        local_missing = f"BLS does not publish figures for this occupation in {area.name}."
    return {
        "occupation": occupation.code,
        "soc_code": pay.soc_code,
        "soc_title": pay.soc_title,
        "join": pay.join,
        "population": POPULATION,
        "basis": BASIS,
        "area": _area_out(area) if area else None,
        "national": pay.national.as_json() if pay.national else None,
        "local": pay.local.as_json() if pay.local and area is not None and not area.is_national else None,
        "local_missing": local_missing,
        "trend": [
            {"year": p.year, "median_annual": p.median_annual.as_json(), "median_hourly": p.median_hourly.as_json()}
            for p in pay.trend
        ],
        "dataset": "bls-oews-may2025",
        "vintage": vintage,
        "source": "U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025",
    }


@router.get(
    "/occupations/{code}/pay",
    response={200: PayOut, 404: ErrorOut, 422: ValidationErrorOut},
    summary="What an occupation pays employees, nationally and in an area (OEWS May 2025)",
)
def get_occupation_pay(request: HttpRequest, code: str, params: Query[AreaParams]) -> tuple[int, dict[str, Any]]:
    area, problem = _area(params.area)
    if problem:
        return 404, {"detail": problem}
    occupation = Occupation.objects.filter(code=code).first()
    if occupation is None:
        return 404, {"detail": f"No occupation {code!r} in the loaded data."}
    pay = _pay_out(occupation, area, occupation_pay(occupation=occupation, area=area))
    if pay is None:
        return 404, {"detail": f"No OEWS pay figures for {code!r} in the loaded data."}
    return 200, pay


class AreaSearchParams(Schema):
    q: str = Field(..., min_length=1, max_length=100, description="A city, metro area, state or postal code.")
    limit: int = Field(10, ge=1, le=50)


@router.get(
    "/areas",
    response={200: list[AreaOut], 422: ValidationErrorOut},
    summary="Find OEWS areas (states, metro and nonmetro areas) by name",
)
def list_areas(request: HttpRequest, params: Query[AreaSearchParams]) -> list[dict[str, Any]]:
    return [_area_out(a) for a in area_search(q=params.q, limit=params.limit)]


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
