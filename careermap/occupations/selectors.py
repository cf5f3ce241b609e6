"""Reads for the occupation pages, the map and the API."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from careermap.content.models import Read
from careermap.durability.models import DurabilityScore
from careermap.durability.selectors import durability_present
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
    ObservedExposure,
    ObservedTask,
    Occupation,
    Projection,
    RelatedOccupation,
    Task,
    Wage,
    share_label,
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


def area_index_reset() -> None:
    """Forget the areas read into this process (tests: data versions repeat across test databases)."""
    _AREAS.clear()


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


@dataclasses.dataclass(frozen=True)
class ObservedUse:
    """Anthropic's observed AI use for one occupation: the published exposure and its tasks in the
    API data (each with its O*NET task text), largest share first."""

    exposure: ObservedExposure | None
    tasks: list[ObservedTask]
    task_count: int  # O*NET tasks the occupation has
    conversations: int  # over its observed tasks, each Anthropic task string counted once
    share: float  # the same, as a share of the week's classified API conversations
    exposure_dataset: Dataset | None
    usage_dataset: Dataset | None

    @property
    def share_label(self) -> str:
        return share_label(self.share)

    @property
    def loaded(self) -> bool:
        return self.exposure_dataset is not None or self.usage_dataset is not None

    @property
    def published_count(self) -> int:
        return (
            int((self.exposure_dataset.join_notes or {}).get("occupations_published", 0))
            if self.exposure_dataset
            else 0
        )

    @property
    def zero_count(self) -> int:
        return int((self.exposure_dataset.join_notes or {}).get("zeros_published", 0)) if self.exposure_dataset else 0


def occupation_observed(*, code: str) -> ObservedUse:
    """Three queries: the registry rows, the exposure, the observed tasks with their O*NET text."""
    datasets = {d.key: d for d in Dataset.objects.filter(key__in=["aei-observed-exposure", "aei-api-task-usage"])}
    exposure = ObservedExposure.objects.filter(occupation_id=code).first()
    tasks = list(ObservedTask.objects.filter(occupation_id=code).select_related("task").order_by("-share", "task_id"))
    by_string: dict[str, int] = {}  # a string matching several of its tasks counts once
    for item in tasks:
        for text, count in item.strings:
            by_string[text] = count
    usage = datasets.get("aei-api-task-usage")
    classified = (usage.join_notes or {}).get("conversations_classified") if usage else None
    conversations = sum(by_string.values())
    return ObservedUse(
        exposure=exposure,
        tasks=tasks,
        task_count=Task.objects.filter(occupation_id=code).count() if tasks else 0,
        conversations=conversations,
        share=conversations / classified if classified else 0.0,
        exposure_dataset=datasets.get("aei-observed-exposure"),
        usage_dataset=datasets.get("aei-api-task-usage"),
    )


def observed_vs_predicted(*, measure: str = "human_rating_beta") -> list[tuple[str, str, float, float]]:
    """(code, title, predicted, observed) once per published SOC code: the value of its `.00`
    O*NET occupation, where both a GPTs-are-GPTs `measure` and observed exposure exist. Two queries."""
    observed = {
        code: (title, value)
        for code, title, value in ObservedExposure.objects.filter(occupation__code__endswith=".00").values_list(
            "occupation_id", "occupation__title", "value"
        )
    }
    predicted = ExposureScore.objects.filter(measure__key=measure, occupation_id__in=list(observed)).values_list(
        "occupation_id", "value"
    )
    return sorted((code, observed[code][0], value, observed[code][1]) for code, value in predicted)


def observed_published_count() -> int:
    """How many occupations Anthropic's observed-exposure table holds (0 when it is not loaded)."""
    notes = Dataset.objects.filter(key="aei-observed-exposure").values_list("join_notes", flat=True).first()
    return int((notes or {}).get("occupations_published", 0))


@dataclasses.dataclass(frozen=True)
class OccupationPage:
    """Everything the occupation page and its API twin (GET /api/v1/occupations/{code}) show,
    read once for both; each presents it its own way."""

    detail: OccupationDetail
    durability: dict[str, Any] | None  # durability_present(score); None when it has no score
    reads: list[Read]  # the reads that cover it (slug, title, collection)
    observed: ObservedUse
    pay: OccupationPay | None  # OEWS pay, national and for `area`


def occupation_page(*, code: str, area: Area | None = None) -> OccupationPage:
    """Raises Occupation.DoesNotExist."""
    detail = occupation_get(code=code)
    occupation = detail.occupation
    score = DurabilityScore.objects.filter(occupation=occupation).first()
    return OccupationPage(
        detail=detail,
        durability=durability_present(score) if score else None,
        reads=list(Read.objects.filter(occupation_links__onet_code=code).only("slug", "title", "collection")),
        observed=occupation_observed(code=code),
        pay=occupation_pay(occupation=occupation, area=area),
    )
