"""Reads for the occupation pages, the map and the API."""

from __future__ import annotations

import dataclasses

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from careermap.occupations.models import (
    RIASEC_LABELS,
    AlternateTitle,
    Dataset,
    ExposureScore,
    JobZone,
    Measure,
    Occupation,
    Projection,
    RelatedOccupation,
    Task,
)


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
