"""Writes for the occupation data: parse every source, then replace every table at once.

`data_import` reads and joins everything before it opens a transaction, so a bad file
raises an ImportFileError (file, line, problem) with nothing written and the previous
import still served. The write is delete + bulk_create inside one `transaction.atomic()`,
so re-running with the same files gives the same rows.
"""

from __future__ import annotations

import dataclasses
import time
from pathlib import Path

from django.db import connection, models, transaction
from django.utils import timezone

from careermap.occupations import datasets, sources
from careermap.occupations.crosswalk import JoinedScore
from careermap.occupations.datasets.base import Context, DatasetRecord, ObservedValue, Progress
from careermap.occupations.importers import (
    anthropic,
    bls,
    gpts,
    oews,
    onet,
)
from careermap.occupations.models import (
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
)

BATCH_SIZE = 2000  # Django lowers it to fit SQLite's 999 parameters per statement where needed

# One progress step per file parsed and per table written; the command sizes its bar with this.
PARSE_STEPS = datasets.PARSE_STEPS
WRITE_STEPS = (
    "clear tables",
    "registry",
    "occupations",
    "titles",
    "tasks",
    "related",
    "projections",
    "exposure",
    "areas and wages",
    "observed AI use",
)
STEP_COUNT = len(PARSE_STEPS) + len(WRITE_STEPS)


@dataclasses.dataclass
class ParsedData:
    release: onet.Release
    occupations: list[onet.OccupationRow]
    interests: dict[str, onet.InterestProfile]
    job_zones: dict[str, int]
    job_zone_reference: list[onet.JobZoneRow]
    education: dict[str, onet.EducationLevel]
    education_labels: dict[int, str]
    alternate_titles: list[onet.AlternateTitleRow]
    tasks: list[onet.TaskRow]
    task_labels: dict[int, tuple[gpts.TaskLabel, bool]]  # task id → (label, reworded)
    related: list[onet.RelatedRow]
    projections: dict[str, tuple[bls.ProjectionRow, str]]  # O*NET code → (row, join)
    exposures: dict[str, dict[str, JoinedScore]]  # measure key → O*NET code → score
    datasets: list[DatasetRecord]
    areas: list[oews.AreaRow] = dataclasses.field(default_factory=list)
    wages: list[oews.WageRow] = dataclasses.field(default_factory=list)
    wage_links: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)  # O*NET code → (OEWS code, join)
    observed: dict[str, ObservedValue] = dataclasses.field(default_factory=dict)  # O*NET code → value
    observed_tasks: dict[int, anthropic.ObservedTaskRow] = dataclasses.field(default_factory=dict)  # by Task ID


@dataclasses.dataclass(frozen=True)
class ImportSummary:
    dry_run: bool
    counts: dict[str, int]
    datasets: list[tuple[str, int, int, int]]  # key, rows read, joined, unmatched
    seconds: float

    def line(self) -> str:
        c = self.counts
        verb = "Dry run, nothing written: would import" if self.dry_run else "Imported"
        return (
            f"{verb} {c['occupations']:,} occupations ({c['with_interests']:,} with interest profiles), "
            f"{c['alternate_titles']:,} alternate titles, {c['tasks']:,} tasks, {c['related']:,} related links, "
            f"{c['projections']:,} projections, {c['exposure_scores']:,} exposure scores, "
            f"{c['wages']:,} OEWS wage rows in {c['areas']:,} areas, "
            f"{c['observed_exposure']:,} observed-exposure values and {c['observed_tasks']:,} observed tasks "
            f"from {len(self.datasets)} datasets in {self.seconds:.1f} s."
        )


def _noop(step: str) -> None:
    return None


def data_parse(*, data_dir: Path, progress: Progress | None = None) -> ParsedData:
    """Read, validate and join every source file, one dataset module at a time (datasets/).
    Pure apart from reading files."""
    step = progress or _noop
    ctx = Context(data_dir=Path(data_dir))
    for dataset in datasets.DATASETS:
        dataset.parse(ctx, step)
    assert ctx.release is not None  # the O*NET module, first, always sets it or raises
    order = {info.key: position for position, info in enumerate(sources.DATASETS)}
    return ParsedData(
        release=ctx.release,
        occupations=ctx.occupations,
        interests=ctx.interests,
        job_zones=ctx.job_zones,
        job_zone_reference=ctx.job_zone_reference,
        education=ctx.education,
        education_labels=ctx.education_labels,
        alternate_titles=ctx.alternate_titles,
        tasks=ctx.tasks,
        task_labels=ctx.task_labels,
        related=ctx.related,
        projections=ctx.projections,
        exposures=ctx.exposures,
        datasets=sorted(ctx.records, key=lambda record: order[record.info.key]),
        areas=ctx.areas,
        wages=ctx.wages,
        wage_links=ctx.wage_links,
        observed=ctx.observed,
        observed_tasks=ctx.observed_tasks,
    )


def _counts(parsed: ParsedData) -> dict[str, int]:
    return {
        "occupations": len(parsed.occupations),
        "with_interests": len(parsed.interests),
        "alternate_titles": len(parsed.alternate_titles),
        "tasks": len(parsed.tasks),
        "related": len(parsed.related),
        "projections": len(parsed.projections),
        "exposure_scores": sum(len(by_code) for by_code in parsed.exposures.values()),
        "areas": len(parsed.areas),
        "wages": len(parsed.wages),
        "observed_exposure": len(parsed.observed),
        "observed_tasks": len(parsed.observed_tasks),
    }


def data_import(*, data_dir: Path, progress: Progress | None = None, dry_run: bool = False) -> ImportSummary:
    """Parse every source under `data_dir`, then replace all occupation tables in one transaction."""
    started = time.perf_counter()
    step = progress or _noop
    parsed = data_parse(data_dir=data_dir, progress=step)
    if not dry_run:
        _write(parsed, step=step)
    return ImportSummary(
        dry_run=dry_run,
        counts=_counts(parsed),
        datasets=[(r.info.key, r.rows_read, r.rows_joined, r.rows_unmatched) for r in parsed.datasets],
        seconds=time.perf_counter() - started,
    )


@transaction.atomic
def _write(parsed: ParsedData, *, step: Progress) -> None:
    for model in (
        ObservedTask,
        ObservedExposure,
        Wage,
        Area,
        ExposureScore,
        Task,
        AlternateTitle,
        RelatedOccupation,
        Projection,
        Measure,
        Occupation,
        JobZone,
        Dataset,
    ):
        model.objects.all().delete()
    step("clear tables")

    now = timezone.now()
    measures: dict[str, Measure] = {}
    for position, record in enumerate(parsed.datasets):
        info = record.info
        dataset = Dataset.objects.create(
            key=info.key,
            position=position,
            name=info.name,
            version=info.version,
            publisher=info.publisher,
            license=info.license,
            license_url=info.license_url,
            attribution=info.attribution,
            url=info.url,
            notes=info.notes,
            files=record.files,
            rows_read=record.rows_read,
            rows_joined=record.rows_joined,
            rows_unmatched=record.rows_unmatched,
            occupations_covered=record.occupations_covered,
            join_notes=record.join_notes,
            imported_at=now,
        )
        for m in info.measures:
            measures[m.key] = Measure(
                dataset=dataset,
                key=m.key,
                position=len(measures),
                label=m.label,
                scale=m.scale,
                description=m.description,
                higher_means=m.higher_means,
            )
    Measure.objects.bulk_create(measures.values())
    JobZone.objects.bulk_create(
        JobZone(
            zone=z.zone,
            name=z.name,
            experience=z.experience,
            education=z.education,
            training=z.training,
            examples=z.examples,
            svp_range=z.svp_range,
        )
        for z in parsed.job_zone_reference
    )
    step("registry")

    occupations = []
    for row in parsed.occupations:
        profile = parsed.interests.get(row.code)
        scores: tuple[float | None, ...] = profile.scores if profile else (None,) * 6
        education = parsed.education.get(row.code)
        occupations.append(
            Occupation(
                code=row.code,
                title=row.title,
                description=row.description,
                soc_code=row.code[:7],
                job_zone=parsed.job_zones.get(row.code),
                interest_r=scores[0],
                interest_i=scores[1],
                interest_a=scores[2],
                interest_s=scores[3],
                interest_e=scores[4],
                interest_c=scores[5],
                interest_code=profile.high_point if profile else "",
                education_category=education.category if education else None,
                education_label=parsed.education_labels[education.category] if education else "",
                education_share=education.share if education else None,
                wage_soc_code=parsed.wage_links.get(row.code, ("", ""))[0],
                wage_join=parsed.wage_links.get(row.code, ("", ""))[1],
            )
        )
    Occupation.objects.bulk_create(occupations, batch_size=BATCH_SIZE)
    step("occupations")

    AlternateTitle.objects.bulk_create(
        (
            AlternateTitle(occupation_id=t.code, title=t.title, short_title=t.short_title, sources=t.sources)
            for t in parsed.alternate_titles
        ),
        batch_size=BATCH_SIZE,
    )
    step("titles")

    task_objects = []
    for t in parsed.tasks:
        label, reworded = parsed.task_labels.get(t.task_id, (None, False))
        task_objects.append(
            Task(
                task_id=t.task_id,
                occupation_id=t.code,
                statement=t.statement,
                task_type=t.task_type,
                incumbents_responding=t.incumbents_responding,
                gpt_human_exposure=label.human_exposure if label else "",
                gpt4_exposure=label.gpt4_exposure if label else "",
                gpt4_exposure_alt_rubric=label.gpt4_exposure_alt_rubric if label else "",
                gpt4_automation=label.gpt4_automation if label else "",
                gpt_label_reworded=reworded,
            )
        )
    Task.objects.bulk_create(task_objects, batch_size=BATCH_SIZE)
    step("tasks")

    RelatedOccupation.objects.bulk_create(
        (
            RelatedOccupation(from_occupation_id=r.code, to_occupation_id=r.related_code, tier=r.tier, index=r.index)
            for r in parsed.related
        ),
        batch_size=BATCH_SIZE,
    )
    step("related")

    Projection.objects.bulk_create(
        (
            Projection(
                occupation_id=code,
                nem_code=p.nem_code,
                nem_title=p.title,
                join=join,
                employment_2024=p.employment_2024,
                employment_2034=p.employment_2034,
                change_numeric=p.change_numeric,
                change_percent=p.change_percent,
                self_employed_percent=p.self_employed_percent,
                openings_annual=p.openings_annual,
                median_wage=p.median_wage,
                median_wage_is_floor=p.median_wage_is_floor,
                typical_entry_education=p.typical_entry_education,
                work_experience=p.work_experience,
                on_the_job_training=p.on_the_job_training,
            )
            for code, (p, join) in sorted(parsed.projections.items())
        ),
        batch_size=BATCH_SIZE,
    )
    step("projections")

    ExposureScore.objects.bulk_create(
        (
            ExposureScore(
                occupation_id=code,
                measure=measures[key],
                value=score.values[key],
                join=score.join,
                source_code=score.source_code,
            )
            for key, by_code in parsed.exposures.items()
            for code, score in sorted(by_code.items())
        ),
        batch_size=BATCH_SIZE,
    )
    step("exposure")

    Area.objects.bulk_create(
        Area(code=a.code, kind=a.kind, name=a.name, state_fips=a.state_fips, states=a.states) for a in parsed.areas
    )
    _write_wages(parsed.wages)
    step("areas and wages")

    ObservedExposure.objects.bulk_create(
        (
            ObservedExposure(
                occupation_id=code, value=v.value, soc_code=v.soc_code, join=v.join, below_share=v.below_share
            )
            for code, v in sorted(parsed.observed.items())
        ),
        batch_size=BATCH_SIZE,
    )
    ObservedTask.objects.bulk_create(
        (
            ObservedTask(
                task_id=task_id,
                occupation_id=row.code,
                conversations=row.conversations,
                share=min(row.share, 1.0),
                strings=[list(item) for item in row.strings],
            )
            for task_id, row in sorted(parsed.observed_tasks.items())
        ),
        batch_size=BATCH_SIZE,
    )
    step("observed AI use")


def _write_wages(wages: list[oews.WageRow]) -> None:
    """225,000 rows: one executemany per batch, skipping model instances (7x faster than
    bulk_create here). Column names are the model's own, so the two cannot drift apart."""
    table = Wage._meta.db_table
    fields = ["year", "area_id", "soc_code", *oews.MEASURES, "notes"]
    columns = []
    for name in fields:
        field = Wage._meta.get_field(name.removesuffix("_id") if name == "area_id" else name)
        assert isinstance(field, models.Field)  # a concrete column, not a relation's reverse side
        columns.append(field.column)
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with connection.cursor() as cursor:
        for start in range(0, len(wages), 5000):
            cursor.executemany(
                sql, [(w.year, w.area_code, w.soc_code, *w.values, w.notes) for w in wages[start : start + 5000]]
            )
