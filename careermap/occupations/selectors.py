"""Reads for the occupation pages, the map and the API."""

from __future__ import annotations

import dataclasses

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from careermap.occupations import areas as area_rules
from careermap.occupations.importers import oews
from careermap.occupations.models import (
    RIASEC_LABELS,
    AlternateTitle,
    Area,
    Dataset,
    ExposureScore,
    JobZone,
    Measure,
    Occupation,
    Projection,
    RelatedOccupation,
    Task,
    Wage,
)
from careermap.occupations.pay import NATION, PayFigures, TrendPoint, pay_figures


@dataclasses.dataclass(frozen=True)
class OccupationFilters:
    """Filters for the occupations view. None means "any".

    `interest` is a RIASEC letter matched against the first high point. Wage bounds are
    in dollars; a BLS top-coded wage (">=$239,200") counts as at least its floor, so it
    passes any minimum and fails any maximum below the floor. Change bounds are percent
    2024–34. A wage or change bound leaves out occupations without a projection.
    """

    job_zone: int | None = None
    interest: str | None = None
    wage_min: int | None = None
    wage_max: int | None = None
    change_min: float | None = None
    change_max: float | None = None
    text: str = ""

    def __post_init__(self) -> None:
        if self.interest is not None and self.interest.upper() not in RIASEC_LABELS:
            raise ValueError(f"interest must be one of {''.join(RIASEC_LABELS)}")


@dataclasses.dataclass(frozen=True)
class ExposureRow:
    """One published measure for one occupation: the score, or None when the dataset has no row."""

    measure: Measure
    dataset: Dataset
    score: ExposureScore | None


@dataclasses.dataclass(frozen=True)
class OccupationDetail:
    occupation: Occupation
    job_zone: JobZone | None
    projection: Projection | None
    tasks: list[Task]
    alternate_titles: list[AlternateTitle]
    related: list[RelatedOccupation]
    exposures: list[ExposureRow]  # every measure of every dataset, in registry order
    datasets: dict[str, Dataset]  # by key, for linking each figure to the registry


def occupation_get(*, code: str) -> OccupationDetail:
    """Everything the occupation page shows. Raises Occupation.DoesNotExist."""
    occupation = (
        Occupation.objects.select_related("projection")
        .prefetch_related(
            Prefetch("tasks", queryset=Task.objects.order_by("task_type", "task_id")),
            Prefetch("alternate_titles", queryset=AlternateTitle.objects.order_by("title")),
            Prefetch(
                "related_links",
                queryset=RelatedOccupation.objects.select_related("to_occupation").order_by("index"),
            ),
            Prefetch("exposure_scores", queryset=ExposureScore.objects.all()),
        )
        .get(code=code)
    )
    datasets = {d.key: d for d in dataset_list()}
    scores = {score.measure_id: score for score in occupation.exposure_scores.all()}
    exposures = [
        ExposureRow(measure=measure, dataset=dataset, score=scores.get(measure.pk))
        for dataset in datasets.values()
        for measure in dataset.measures.all()
    ]
    try:
        projection: Projection | None = occupation.projection
    except Projection.DoesNotExist:
        projection = None
    job_zone = JobZone.objects.filter(zone=occupation.job_zone).first() if occupation.job_zone else None
    return OccupationDetail(
        occupation=occupation,
        job_zone=job_zone,
        projection=projection,
        tasks=list(occupation.tasks.all()),
        alternate_titles=list(occupation.alternate_titles.all()),
        related=list(occupation.related_links.all()),
        exposures=exposures,
        datasets=datasets,
    )


def occupation_list(*, filters: OccupationFilters | None = None) -> QuerySet[Occupation]:
    """Occupations matching the filters, by title, with their projection joined in."""
    f = filters or OccupationFilters()
    queryset = Occupation.objects.select_related("projection").order_by("title", "code")
    if f.job_zone is not None:
        queryset = queryset.filter(job_zone=f.job_zone)
    if f.interest:
        queryset = queryset.filter(interest_code__startswith=f.interest.upper())
    if f.wage_min is not None:
        queryset = queryset.filter(
            Q(projection__median_wage__gte=f.wage_min) | Q(projection__median_wage_is_floor=True)
        )
    if f.wage_max is not None:
        queryset = queryset.filter(projection__median_wage__lte=f.wage_max, projection__median_wage_is_floor=False)
    if f.change_min is not None:
        queryset = queryset.filter(projection__change_percent__gte=f.change_min)
    if f.change_max is not None:
        queryset = queryset.filter(projection__change_percent__lte=f.change_max)
    text = f.text.strip()
    if text:
        titled = AlternateTitle.objects.filter(occupation=OuterRef("pk"), title__icontains=text)
        queryset = queryset.filter(Q(title__icontains=text) | Q(code__startswith=text) | Exists(titled))
    return queryset


def dataset_list() -> QuerySet[Dataset]:
    """The registry, in display order, with each dataset's measures."""
    return Dataset.objects.prefetch_related(Prefetch("measures", queryset=Measure.objects.order_by("position")))


_AREAS: dict[int, dict[str, Area]] = {}


def area_index() -> dict[str, Area]:
    """Every OEWS area by code, read once per data import (583 rows) and kept in the process."""
    from careermap.durability.selectors import data_version

    version = data_version()
    areas = _AREAS.get(version)
    if areas is None:
        areas = {a.code: a for a in Area.objects.all()}
        _AREAS.clear()
        _AREAS[version] = areas
    return areas


def area_get(*, code: str) -> Area | None:
    """The area for a code from a URL; None when it is not an area we have (check the format first)."""
    return area_index().get(code) if area_rules.AREA_CODE.match(code) else None


def area_search(*, q: str, limit: int = 10) -> list[Area]:
    return area_rules.area_rank(area_index().values(), q, limit=limit)


@dataclasses.dataclass(frozen=True)
class OccupationPay:
    """What OEWS says an occupation pays, nationally and in the chosen area, with a state map and trend."""

    soc_code: str  # the code OEWS publishes it under
    soc_title: str  # OEWS's title when it is an aggregate of several occupations, else ""
    join: str
    area: Area | None  # the chosen area; None for national only
    national: PayFigures | None
    local: PayFigures | None  # None when no area is chosen or BLS has no row for it there
    states: dict[str, PayFigures]  # state FIPS → figures, for the map and its table
    state_names: dict[str, str]
    trend: list[TrendPoint]  # May 2022 … May 2025, national
    dataset: Dataset | None
    history_dataset: Dataset | None


def _place(area: Area) -> str:
    return NATION if area.is_national else area.name


def occupation_pay(*, occupation: Occupation, area: Area | None = None) -> OccupationPay | None:
    """One query: the occupation's national rows for every year and its May 2025 rows in every
    state and in the chosen area. None when OEWS is not loaded or has no code for it."""
    if not occupation.wage_soc_code:
        return None
    areas = area_index()
    wanted = Q(area_id=oews.NATIONAL_CODE) | Q(area__kind=Area.Kind.STATE, year=2025)
    if area is not None and not area.is_national:
        wanted |= Q(area_id=area.code, year=2025)
    rows = list(Wage.objects.filter(wanted, soc_code=occupation.wage_soc_code).order_by("year"))
    national = None
    local = None
    states: dict[str, PayFigures] = {}
    trend: list[TrendPoint] = []
    for row in rows:
        row_area = areas[row.area_id]
        figures = pay_figures(row, place=_place(row_area))
        if row.area_id == oews.NATIONAL_CODE:
            trend.append(TrendPoint(row.year, figures.median_annual, figures.median_hourly))
            if row.year == 2025:
                national = figures
        if row.year == 2025 and row_area.kind == Area.Kind.STATE:
            states[row_area.state_fips] = figures
        if area is not None and row.area_id == area.code and row.year == 2025:
            local = figures
    datasets = {d.key: d for d in Dataset.objects.filter(key__in=["bls-oews-may2025", "bls-oews-national-2022-2024"])}
    aggregate = occupation.wage_join == "broad_group"
    return OccupationPay(
        soc_code=occupation.wage_soc_code,
        soc_title=_oews_title(occupation.wage_soc_code) if aggregate else "",
        join=occupation.wage_join,
        area=area,
        national=national,
        local=local if area is not None and not area.is_national else national,
        states=states,
        state_names={a.state_fips: a.name for a in areas.values() if a.kind == Area.Kind.STATE},
        trend=trend,
        dataset=datasets.get("bls-oews-may2025"),
        history_dataset=datasets.get("bls-oews-national-2022-2024"),
    )


def _oews_title(soc_code: str) -> str:
    """OEWS aggregates have no O*NET title; the crosswalk's NEM title names the same group."""
    projection = Projection.objects.filter(nem_code=soc_code).only("nem_title").first()
    return projection.nem_title if projection else soc_code
