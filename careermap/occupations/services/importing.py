"""Writes for the occupation data: parse every source, then replace every table at once.

`data_import` reads and joins everything before it opens a transaction, so a bad file
raises an ImportFileError (file, line, problem) with nothing written and the previous
import still served. The write is delete + bulk_create inside one `transaction.atomic()`,
so re-running with the same files gives the same rows.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from careermap.occupations import sources
from careermap.occupations.crosswalk import JoinedScore, JoinReport, join_soc_2010, join_soc_2018
from careermap.occupations.importers import aioe, bls, crosswalks, frey_osborne, gpts, microsoft, oews, onet
from careermap.occupations.importers.base import ImportFileError
from careermap.occupations.models import (
    AlternateTitle,
    Area,
    Dataset,
    ExposureScore,
    JobZone,
    Join,
    Measure,
    Occupation,
    Projection,
    RelatedOccupation,
    Task,
    Wage,
)

Progress = Callable[[str], None]
BATCH_SIZE = 2000  # Django lowers it to fit SQLite's 999 parameters per statement where needed

# One progress step per file parsed and per table written; the command sizes its bar with this.
PARSE_STEPS = (
    "O*NET read me",
    "O*NET occupations",
    "O*NET interests",
    "O*NET job zones",
    "O*NET job zone reference",
    "O*NET education categories",
    "O*NET education",
    "O*NET alternate titles",
    "O*NET tasks",
    "O*NET related occupations",
    "NEM crosswalk",
    "SOC 2010→2018 crosswalk",
    "BLS projections",
    "GPTs are GPTs occupations",
    "GPTs are GPTs tasks",
    "AIOE",
    "LM AIOE",
    "IG AIOE",
    "Microsoft AI applicability",
    "Frey & Osborne",
    "OEWS May 2025",
    "OEWS May 2022–2024",
)
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
)
STEP_COUNT = len(PARSE_STEPS) + len(WRITE_STEPS)


@dataclasses.dataclass
class DatasetRecord:
    """A registry row in the making: the static info plus what the files held."""

    info: sources.DatasetInfo
    files: dict[str, dict[str, Any]] = dataclasses.field(default_factory=dict)
    rows_read: int = 0
    rows_joined: int = 0
    rows_unmatched: int = 0
    occupations_covered: int = 0
    join_notes: dict[str, Any] = dataclasses.field(default_factory=dict)

    def add_file(
        self, path: Path, *, rows_joined: int | None = None, rows_unmatched: int = 0, data: bool = True
    ) -> int:
        """Hash the file and count its data lines (no cell holds a newline in these sources);
        add them to the totals. `data=False` for a release note: hashed, no rows."""
        content = path.read_bytes()
        rows = max(sum(1 for line in content.splitlines() if line.strip()) - 1, 0) if data else 0
        joined = rows - rows_unmatched if rows_joined is None else rows_joined
        self.files[path.name] = {
            "sha256": hashlib.sha256(content).hexdigest(),
            "bytes": len(content),
            "rows_read": rows,
            "rows_joined": joined,
            "rows_unmatched": rows_unmatched,
        }
        self.rows_read += rows
        self.rows_joined += joined
        self.rows_unmatched += rows_unmatched
        return rows


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
            f"{c['wages']:,} OEWS wage rows in {c['areas']:,} areas "
            f"from {len(self.datasets)} datasets in {self.seconds:.1f} s."
        )


def _noop(step: str) -> None:
    return None


def data_parse(*, data_dir: Path, progress: Progress | None = None) -> ParsedData:
    """Read, validate and join every source file. Pure apart from reading files."""
    step = progress or _noop
    d = Path(data_dir)

    # O*NET
    onet_dir = d / sources.ONET.folder
    rec_onet = DatasetRecord(sources.ONET)
    release = onet.parse_readme(onet_dir / onet.FILES["readme"])
    step("O*NET read me")
    occupations = onet.parse_occupations(onet_dir / onet.FILES["occupations"])
    codes = {row.code for row in occupations}
    rec_onet.add_file(onet_dir / onet.FILES["occupations"])
    step("O*NET occupations")

    unknown: dict[str, list[str]] = {}  # file → codes it uses that Occupation Data lacks

    def keep_known(name: str, by_code: dict[str, Any]) -> dict[str, Any]:
        stray = sorted(set(by_code) - codes)
        if stray:
            unknown[name] = stray
        return {code: value for code, value in by_code.items() if code in codes}

    path = onet_dir / onet.FILES["interests"]
    parsed_interests = onet.parse_interests(path)
    interests = keep_known(path.name, parsed_interests)
    rec_onet.add_file(path, rows_unmatched=9 * (len(parsed_interests) - len(interests)))
    step("O*NET interests")
    path = onet_dir / onet.FILES["job_zones"]
    parsed_zones = onet.parse_job_zones(path)
    job_zones = keep_known(path.name, parsed_zones)
    rec_onet.add_file(path, rows_unmatched=len(parsed_zones) - len(job_zones))
    step("O*NET job zones")
    path = onet_dir / onet.FILES["job_zone_reference"]
    job_zone_reference = onet.parse_job_zone_reference(path)
    rec_onet.add_file(path)
    step("O*NET job zone reference")
    path = onet_dir / onet.FILES["education_categories"]
    education_labels = onet.parse_education_categories(path)
    rec_onet.add_file(path)
    step("O*NET education categories")
    path = onet_dir / onet.FILES["education"]
    parsed_education = onet.parse_education(path)
    for code, level in parsed_education.items():
        if level.category not in education_labels:
            raise ImportFileError(str(path), 0, f"{code}: RL category {level.category} has no label")
    education = keep_known(path.name, parsed_education)
    # Only the RL rows are used; rows of unknown occupations are not counted apart here.
    rec_onet.add_file(path)
    step("O*NET education")
    path = onet_dir / onet.FILES["alternate_titles"]
    parsed_titles = onet.parse_alternate_titles(path)
    alternate_titles = [t for t in parsed_titles if t.code in codes]
    keep_known(path.name, {t.code: None for t in parsed_titles})
    rec_onet.add_file(path, rows_unmatched=len(parsed_titles) - len(alternate_titles))
    step("O*NET alternate titles")
    path = onet_dir / onet.FILES["tasks"]
    parsed_tasks = onet.parse_tasks(path)
    tasks = [t for t in parsed_tasks if t.code in codes]
    keep_known(path.name, {t.code: None for t in parsed_tasks})
    rec_onet.add_file(path, rows_unmatched=len(parsed_tasks) - len(tasks))
    step("O*NET tasks")
    path = onet_dir / onet.FILES["related"]
    parsed_related = onet.parse_related(path)
    related = [r for r in parsed_related if r.code in codes and r.related_code in codes]
    keep_known(path.name, {c: None for r in parsed_related for c in (r.code, r.related_code)})
    rec_onet.add_file(path, rows_unmatched=len(parsed_related) - len(related))
    step("O*NET related occupations")
    rec_onet.add_file(onet_dir / onet.FILES["readme"], data=False)
    rec_onet.occupations_covered = len(codes)
    rec_onet.join_notes = {
        "release": f"O*NET {release.version}, {release.released}",
        "occupations": len(codes),
        "with_interest_profile": len(interests),
        "with_job_zone": len(job_zones),
        "with_education": len(education),
        "codes_not_in_occupation_data": unknown,
    }

    # Crosswalks and BLS projections
    xw_dir = d / sources.CROSSWALKS.folder
    rec_xw = DatasetRecord(sources.CROSSWALKS)
    nem_links = crosswalks.parse_nem_crosswalk(xw_dir / crosswalks.NEM_FILE)
    step("NEM crosswalk")
    soc_links = crosswalks.parse_soc_2010_2018(xw_dir / crosswalks.SOC_FILE)
    step("SOC 2010→2018 crosswalk")
    bls_dir = d / sources.BLS.folder
    projection_rows = bls.parse_projections(bls_dir / bls.FILE)
    step("BLS projections")
    projections, rec_bls, nem_used = _join_projections(projection_rows, nem_links, codes=codes, path=bls_dir / bls.FILE)
    nem_ok = sum(1 for link in nem_links if link.onet_code in codes and link.nem_code in nem_used)
    rec_xw.add_file(xw_dir / crosswalks.NEM_FILE, rows_joined=nem_ok, rows_unmatched=len(nem_links) - nem_ok)
    socs_2018 = {code[:7] for code in codes}
    soc_ok = sum(1 for link in soc_links if link.soc_2018 in socs_2018)
    rec_xw.add_file(xw_dir / crosswalks.SOC_FILE, rows_joined=soc_ok, rows_unmatched=len(soc_links) - soc_ok)
    splits = Counter(link.soc_2010 for link in soc_links)
    merges = Counter(link.soc_2018 for link in soc_links)
    rec_xw.occupations_covered = len({link.onet_code for link in nem_links if link.onet_code in codes})
    rec_xw.join_notes = {
        "nem_crosswalk_rows_unmatched": [
            f"{link.onet_code} → {link.nem_code}"
            for link in nem_links
            if link.onet_code not in codes or link.nem_code not in nem_used
        ],
        "soc_2010_codes": len(splits),
        "soc_2010_codes_split": sum(1 for n in splits.values() if n > 1),
        "soc_2018_codes": len(merges),
        "soc_2018_codes_merged": sum(1 for n in merges.values() if n > 1),
        "soc_2018_codes_not_in_onet": sorted({link.soc_2018 for link in soc_links} - socs_2018),
    }

    # GPTs are GPTs
    gpt_dir = d / sources.GPTS.folder
    rec_gpt = DatasetRecord(sources.GPTS)
    exposures: dict[str, dict[str, JoinedScore]] = {}
    occ_rows = gpts.parse_occ_level(gpt_dir / gpts.OCC_FILE)
    step("GPTs are GPTs occupations")
    report = JoinReport(rows_read=len(occ_rows))
    joined: dict[str, JoinedScore] = {}
    for row in occ_rows:
        if row.code in codes:
            joined[row.code] = JoinedScore(values=row.values, join=Join.DIRECT, source_code=row.code)
            report.occupations_by_join[Join.DIRECT] += 1
        else:
            report.unmatched.append({"code": row.code, "title": row.title, "reason": "not in O*NET 29.3"})
    _split_measures(exposures, joined, [m.key for m in sources.GPTS.measures])
    rec_gpt.add_file(gpt_dir / gpts.OCC_FILE, rows_unmatched=report.rows_unmatched)
    labels = gpts.parse_task_labels(gpt_dir / gpts.TASK_FILE)
    step("GPTs are GPTs tasks")
    task_owner = {t.task_id: t for t in tasks}
    task_labels: dict[int, tuple[gpts.TaskLabel, bool]] = {}
    label_misses: Counter[str] = Counter()
    for label in labels:
        task = task_owner.get(label.task_id)
        if task is None:
            label_misses["task_id_not_in_onet_29_3"] += 1
        elif task.code != label.code:
            label_misses["task_id_belongs_to_another_occupation"] += 1
        else:
            reworded = " ".join(task.statement.split()) != " ".join(label.statement.split())
            task_labels[label.task_id] = (label, reworded)
    rec_gpt.add_file(gpt_dir / gpts.TASK_FILE, rows_unmatched=sum(label_misses.values()))
    rec_gpt.occupations_covered = len(joined)
    rec_gpt.join_notes = {
        **report.as_notes(),
        "task_labels_joined": len(task_labels),
        "task_labels_unmatched": dict(label_misses),
        "task_labels_for_reworded_tasks": sum(1 for _, reworded in task_labels.values() if reworded),
        "onet_tasks_without_label": len(tasks) - len(task_labels),
    }

    # Felten–Raj–Seamans AIOE family (SOC 2010)
    aioe_dir = d / sources.AIOE.folder
    aioe_records = []
    for info, label_step in ((sources.AIOE, "AIOE"), (sources.AIOE_LM, "LM AIOE"), (sources.AIOE_IG, "IG AIOE")):
        key = info.measures[0].key
        path = aioe_dir / aioe.FILES[key][0]
        rows = aioe.parse_aioe(path, key=key)
        joined, report = join_soc_2010(rows, links=soc_links, onet_codes=codes)
        exposures[key] = joined
        aioe_records.append(_score_record(info, path, joined, report))
        step(label_step)

    # Microsoft working with AI (SOC 2018)
    ms_dir = d / sources.MICROSOFT.folder
    rows = microsoft.parse_applicability(ms_dir / microsoft.FILE)
    joined, report = join_soc_2018(rows, onet_codes=codes)
    exposures["ai_applicability_score"] = joined
    rec_ms = _score_record(sources.MICROSOFT, ms_dir / microsoft.FILE, joined, report)
    step("Microsoft AI applicability")

    # Frey & Osborne (SOC 2010, with groups and OES-era codes)
    fo_dir = d / sources.FREY_OSBORNE.folder
    rows = frey_osborne.parse_probabilities(fo_dir / frey_osborne.FILE)
    joined, report = join_soc_2010(rows, links=soc_links, onet_codes=codes)
    exposures["fo_probability"] = joined
    rec_fo = _score_record(sources.FREY_OSBORNE, fo_dir / frey_osborne.FILE, joined, report)
    step("Frey & Osborne")

    areas, wages, wage_links, oews_records = _parse_oews(d, codes=codes, nem_links=nem_links, step=step)

    return ParsedData(
        release=release,
        occupations=occupations,
        interests=interests,
        job_zones=job_zones,
        job_zone_reference=job_zone_reference,
        education=education,
        education_labels=education_labels,
        alternate_titles=alternate_titles,
        tasks=tasks,
        task_labels=task_labels,
        related=related,
        projections=projections,
        exposures=exposures,
        datasets=[rec_onet, rec_bls, *oews_records, rec_xw, rec_gpt, *aioe_records, rec_ms, rec_fo],
        areas=areas,
        wages=wages,
        wage_links=wage_links,
    )


def _parse_oews(
    d: Path, *, codes: set[str], nem_links: list[crosswalks.NemLink], step: Progress
) -> tuple[list[oews.AreaRow], list[oews.WageRow], dict[str, tuple[str, str]], list[DatasetRecord]]:
    """OEWS is optional: without its folder the site shows no area pay (and says so), as before.
    The 2022–2024 national files are read only beside May 2025, which they are a trend with."""
    folder = d / sources.OEWS.folder
    if not folder.is_dir():
        step("OEWS May 2025")
        step("OEWS May 2022–2024")
        return [], [], {}, []
    path = folder / oews.AREAS_FILE
    areas = oews.parse_areas(path)
    area_codes = {a.code for a in areas}
    kinds = {a.kind for a in areas}
    if "national" not in kinds:
        raise ImportFileError(str(path), 0, f"no national area ({oews.NATIONAL_CODE})")
    files = ((oews.NATIONAL_FILE, "N"), (oews.STATE_FILE, "S"), (oews.METRO_FILE, "M"))
    by_file = {name: oews.parse_wages_2025(folder / name, area_type=t, areas=area_codes) for name, t in files}
    wages = [row for rows in by_file.values() for row in rows]
    national_2025 = {row.soc_code for row in by_file[oews.NATIONAL_FILE]}

    # O*NET code → the code OEWS publishes it under: its own SOC code, else the OEWS
    # aggregate its NEM code names (e.g. 31-1122.00 → 31-1120).
    nem = {link.onet_code: link.nem_code for link in nem_links}
    per_soc = Counter(code[:7] for code in codes)
    links: dict[str, tuple[str, str]] = {}
    for code in sorted(codes):
        soc = code[:7]
        if soc in national_2025:
            links[code] = (soc, Join.DIRECT if per_soc[soc] == 1 else Join.SHARED)
        elif nem.get(code) in national_2025:
            links[code] = (nem[code], Join.BROAD_GROUP)
    used = {soc for soc, _ in links.values()}

    record = DatasetRecord(sources.OEWS)
    record.add_file(path, rows_joined=len(areas))
    for name, rows in by_file.items():
        joined = sum(1 for row in rows if row.soc_code in used)
        record.add_file(folder / name, rows_joined=joined)
        record.files[name]["rows_detailed"] = len(rows)
        record.files[name]["rows_unmatched"] = len(rows) - joined
        record.rows_unmatched += len(rows) - joined
    record.occupations_covered = len(links)
    record.join_notes = {
        "release": "May 2025 (release 2025A01), published 2026-05-15",
        "areas": dict(Counter(a.kind for a in areas)),
        "rows_kept": "detailed occupations only; major, minor and broad group rows are read and skipped",
        "occupations_by_join": dict(Counter(join for _, join in links.values())),
        "oews_codes_without_onet_occupation": sorted(national_2025 - used),
        "occupations_without_oews_pay": sorted(codes - set(links)),
        "cells_top_coded": sum(row.notes.count(f":{oews.TOP_CODED}") for row in wages),
        "cells_not_released": sum(row.notes.count(f":{oews.NOT_RELEASED}") for row in wages),
    }
    step("OEWS May 2025")

    records = [record]
    history_dir = d / sources.OEWS_HISTORY.folder
    if history_dir.is_dir():
        history = DatasetRecord(sources.OEWS_HISTORY)
        for year, name in oews.HISTORY_FILES.items():
            rows = oews.parse_national_history(history_dir / name, year=year)
            joined = sum(1 for row in rows if row.soc_code in used)
            history.add_file(history_dir / name, rows_joined=joined)
            history.files[name]["rows_detailed"] = len(rows)
            history.rows_unmatched += len(rows) - joined
            history.files[name]["rows_unmatched"] = len(rows) - joined
            wages.extend(rows)
        history.occupations_covered = len(links)
        history.join_notes = {"rows_kept": "detailed occupations only", "years": list(oews.HISTORY_FILES)}
        records.append(history)
    step("OEWS May 2022–2024")
    return areas, wages, links, records


def _split_measures(
    exposures: dict[str, dict[str, JoinedScore]], joined: dict[str, JoinedScore], keys: list[str]
) -> None:
    for key in keys:
        exposures[key] = {
            code: JoinedScore(values={key: s.values[key]}, join=s.join, source_code=s.source_code)
            for code, s in joined.items()
        }


def _score_record(
    info: sources.DatasetInfo, path: Path, joined: dict[str, JoinedScore], report: JoinReport
) -> DatasetRecord:
    record = DatasetRecord(info)
    record.add_file(path, rows_joined=report.rows_joined, rows_unmatched=report.rows_unmatched)
    record.occupations_covered = len(joined)
    record.join_notes = report.as_notes()
    return record


def _join_projections(
    rows: list[bls.ProjectionRow], links: list[crosswalks.NemLink], *, codes: set[str], path: Path
) -> tuple[dict[str, tuple[bls.ProjectionRow, str]], DatasetRecord, set[str]]:
    """O*NET code → NEM code (crosswalk) → Table 1.2 line item. Summary rows are aggregates: skipped."""
    line_items = {row.nem_code: row for row in rows if row.line_item}
    usable = [link for link in links if link.onet_code in codes and link.nem_code in line_items]
    sharing = Counter(link.nem_code for link in usable)
    projections = {
        link.onet_code: (line_items[link.nem_code], Join.DIRECT if sharing[link.nem_code] == 1 else Join.SHARED)
        for link in usable
    }
    used = set(sharing)
    unmatched_items = [row for row in line_items.values() if row.nem_code not in used]
    record = DatasetRecord(sources.BLS)
    record.add_file(path, rows_joined=len(used), rows_unmatched=len(unmatched_items))
    record.occupations_covered = len(projections)
    record.join_notes = {
        "summary_rows_skipped": sum(1 for row in rows if not row.line_item),
        "line_items": len(line_items),
        "occupations_by_join": dict(Counter(join for _, join in projections.values())),
        "nem_codes_shared_by_several_onet_codes": sum(1 for n in sharing.values() if n > 1),
        "unmatched": [
            {"code": row.nem_code, "title": row.title, "reason": "no O*NET occupation maps to it"}
            for row in unmatched_items
        ],
        "crosswalk_codes_not_in_table": sorted({link.nem_code for link in links} - set(line_items)),
        "occupations_without_projection": sorted(codes - set(projections)),
    }
    return projections, record, used


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


def _write_wages(wages: list[oews.WageRow]) -> None:
    """225,000 rows: one executemany per batch, skipping model instances (7x faster than
    bulk_create here). Column names are the model's own, so the two cannot drift apart."""
    table = Wage._meta.db_table
    fields = ["year", "area_id", "soc_code", *oews.MEASURES, "notes"]
    columns = [Wage._meta.get_field(name.removesuffix("_id") if name == "area_id" else name).column for name in fields]
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
