"""O*NET database files (tab-delimited text; Excel-derived or official text release)."""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

from careermap.lib.vocab import RIASEC
from careermap.occupations.importers.base import Dialect, ImportFileError, read_rows

SUPPORTED_VERSIONS = ("29.3",)
# Element IDs of the six Occupational Interest (OI) scores and the three high points (IH).
INTEREST_ELEMENTS = {f"1.B.1.{letter}": i for i, letter in enumerate("abcdef")}
HIGH_POINT_ELEMENTS = {"1.B.1.g": 0, "1.B.1.h": 1, "1.B.1.i": 2}
TASK_TYPES = {"Core": "core", "Supplemental": "supplemental", "": ""}
RELATEDNESS_TIERS = {"Primary-Short": "primary-short", "Primary-Long": "primary-long", "Supplemental": "supplemental"}

FILES = {
    "readme": "Read Me.txt",
    "occupations": "Occupation Data.txt",
    "interests": "Interests.txt",
    "job_zones": "Job Zones.txt",
    "job_zone_reference": "Job Zone Reference.txt",
    "alternate_titles": "Alternate Titles.txt",
    "tasks": "Task Statements.txt",
    "related": "Related Occupations.txt",
    "education": "Education, Training, and Experience.txt",
    "education_categories": "Education, Training, and Experience Categories.txt",
}
CODE = "O*NET-SOC Code"
TSV: Dialect = {"delimiter": "\t", "quoting": csv.QUOTE_NONE}


@dataclasses.dataclass(frozen=True, slots=True)
class Release:
    version: str
    released: str


@dataclasses.dataclass(frozen=True, slots=True)
class OccupationRow:
    code: str
    title: str
    description: str


@dataclasses.dataclass(frozen=True, slots=True)
class InterestProfile:
    scores: tuple[float, float, float, float, float, float]  # R, I, A, S, E, C on the 1–7 OI scale
    high_point: str  # e.g. "ISA": the First/Second/Third Interest High-Points, 0 (none) left out


@dataclasses.dataclass(frozen=True, slots=True)
class JobZoneRow:
    zone: int
    name: str
    experience: str
    education: str
    training: str
    examples: str
    svp_range: str


@dataclasses.dataclass(frozen=True, slots=True)
class AlternateTitleRow:
    code: str
    title: str
    short_title: str
    sources: str


@dataclasses.dataclass(frozen=True, slots=True)
class TaskRow:
    code: str
    task_id: int
    statement: str
    task_type: str  # core, supplemental or "" (O*NET leaves some tasks unclassified)
    incumbents_responding: int | None


@dataclasses.dataclass(frozen=True, slots=True)
class RelatedRow:
    code: str
    related_code: str
    tier: str
    index: int


@dataclasses.dataclass(frozen=True, slots=True)
class EducationLevel:
    category: int  # Required Level of Education (RL) category 1–12
    share: float  # percent of respondents choosing it


def parse_readme(path: Path) -> Release:
    """The release note names the version; only versions we have checked are accepted."""
    if not path.is_file():
        raise ImportFileError(str(path), 0, "file not found")
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    lines = text.splitlines()
    for number, line in enumerate(lines[:5], start=1):
        match = re.search(r"O\*NET\s+(\d+\.\d+)\s+Database", line)
        if match:
            version = match.group(1)
            if version not in SUPPORTED_VERSIONS:
                raise ImportFileError(
                    str(path),
                    number,
                    f"O*NET {version} is not a supported version (expected {', '.join(SUPPORTED_VERSIONS)})",
                )
            released = lines[number].strip() if number < len(lines) else ""
            return Release(version=version, released=released)
    raise ImportFileError(str(path), 1, "no 'O*NET <version> Database' line: not an O*NET release note")


def parse_occupations(path: Path) -> list[OccupationRow]:
    rows: list[OccupationRow] = []
    seen: set[str] = set()
    for row in read_rows(path, required=[CODE, "Title", "Description"], **TSV):
        code = row.onet_code()
        if code in seen:
            raise row.error(f"{CODE}: {code} appears twice")
        seen.add(code)
        rows.append(OccupationRow(code, row.text("Title"), row.text("Description")))
    return rows


def parse_interests(path: Path) -> dict[str, InterestProfile]:
    """Six OI scores and three high points per occupation; an incomplete set is an error."""
    scores: dict[str, list[float | None]] = {}
    highs: dict[str, list[int | None]] = {}
    first_line: dict[str, int] = {}
    for row in read_rows(path, required=[CODE, "Element ID", "Scale ID", "Data Value"], **TSV):
        code = row.onet_code()
        element, scale = row.text("Element ID"), row.text("Scale ID")
        first_line.setdefault(code, row.line)
        if scale == "OI" and element in INTEREST_ELEMENTS:
            slot = scores.setdefault(code, [None] * 6)
            slot[INTEREST_ELEMENTS[element]] = row.number("Data Value", minimum=1, maximum=7)
        elif scale == "IH" and element in HIGH_POINT_ELEMENTS:
            slot_h = highs.setdefault(code, [None] * 3)
            slot_h[HIGH_POINT_ELEMENTS[element]] = row.integer("Data Value", minimum=0, maximum=6)
        else:
            raise row.error(f"unknown interest element {element!r} on scale {scale!r} (wrong version?)")
    profiles: dict[str, InterestProfile] = {}
    for code, line in first_line.items():
        oi = scores.get(code, [None] * 6)
        ih = highs.get(code, [None] * 3)
        if None in oi or None in ih:
            have = sum(v is not None for v in oi) + sum(v is not None for v in ih)
            raise ImportFileError(str(path), line, f"{code} has {have} of its 9 interest rows (truncated file?)")
        letters = "".join(RIASEC[value - 1] for value in ih if value)
        profiles[code] = InterestProfile(scores=tuple(oi), high_point=letters)  # type: ignore[arg-type]
    return profiles


def parse_job_zones(path: Path) -> dict[str, int]:
    zones: dict[str, int] = {}
    for row in read_rows(path, required=[CODE, "Job Zone"], **TSV):
        code = row.onet_code()
        if code in zones:
            raise row.error(f"{CODE}: {code} appears twice")
        zones[code] = row.integer("Job Zone", minimum=1, maximum=5)
    return zones


def parse_job_zone_reference(path: Path) -> list[JobZoneRow]:
    columns = ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"]
    rows = [
        JobZoneRow(
            zone=row.integer("Job Zone", minimum=1, maximum=5),
            name=row.text("Name"),
            experience=row.text("Experience"),
            education=row.text("Education"),
            training=row.text("Job Training"),
            examples=row.text("Examples"),
            svp_range=row.text("SVP Range"),
        )
        for row in read_rows(path, required=columns, **TSV)
    ]
    if sorted(r.zone for r in rows) != [1, 2, 3, 4, 5]:
        raise ImportFileError(str(path), 0, f"expected Job Zones 1–5 once each, found {sorted(r.zone for r in rows)}")
    return rows


def parse_alternate_titles(path: Path) -> list[AlternateTitleRow]:
    columns = [CODE, "Alternate Title", "Short Title", "Source(s)"]
    return [
        AlternateTitleRow(
            code=row.onet_code(),
            title=row.text("Alternate Title"),
            short_title=row.text("Short Title", required=False),
            sources=row.text("Source(s)", required=False),
        )
        for row in read_rows(path, required=columns, **TSV)
    ]


def parse_tasks(path: Path) -> list[TaskRow]:
    rows: list[TaskRow] = []
    seen: set[int] = set()
    for row in read_rows(path, required=[CODE, "Task ID", "Task", "Task Type", "Incumbents Responding"], **TSV):
        task_id = row.integer("Task ID", minimum=1)
        if task_id in seen:
            raise row.error(f"Task ID: {task_id} appears twice")
        seen.add(task_id)
        raw_type = row.text("Task Type", required=False)
        if raw_type not in TASK_TYPES:
            raise row.error(f"Task Type: {raw_type!r} is not Core or Supplemental")
        rows.append(
            TaskRow(
                code=row.onet_code(),
                task_id=task_id,
                statement=row.text("Task"),
                task_type=TASK_TYPES[raw_type],
                incumbents_responding=row.optional_integer("Incumbents Responding", minimum=0),
            )
        )
    return rows


def parse_related(path: Path) -> list[RelatedRow]:
    rows: list[RelatedRow] = []
    for row in read_rows(path, required=[CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index"], **TSV):
        tier = row.text("Relatedness Tier")
        if tier not in RELATEDNESS_TIERS:
            raise row.error(f"Relatedness Tier: {tier!r} is not one of {sorted(RELATEDNESS_TIERS)}")
        rows.append(
            RelatedRow(
                code=row.onet_code(),
                related_code=row.onet_code("Related O*NET-SOC Code"),
                tier=RELATEDNESS_TIERS[tier],
                index=row.integer("Index", minimum=1),
            )
        )
    return rows


def parse_education_categories(path: Path) -> dict[int, str]:
    """Labels of the Required Level of Education (RL) categories, e.g. 6 → "Bachelor's Degree"."""
    labels: dict[int, str] = {}
    for row in read_rows(path, required=["Scale ID", "Category", "Category Description"], **TSV):
        if row.text("Scale ID") == "RL":
            # "Post-Secondary Certificate - awarded for ..." → "Post-Secondary Certificate"
            labels[row.integer("Category", minimum=1)] = row.text("Category Description").split(" - ")[0].strip()
    if not labels:
        raise ImportFileError(str(path), 0, "no Required Level of Education (RL) categories")
    return labels


def parse_education(path: Path) -> dict[str, EducationLevel]:
    """The modal Required Level of Education category per occupation.

    Ties (equal shares) go to the lower category: we would rather understate than
    overstate what an occupation asks for.
    """
    best: dict[str, EducationLevel] = {}
    columns = [CODE, "Scale ID", "Category", "Data Value"]
    for row in read_rows(path, required=columns, **TSV):
        if row.text("Scale ID") != "RL":
            continue
        code = row.onet_code()
        level = EducationLevel(
            category=row.integer("Category", minimum=1, maximum=12),
            share=row.number("Data Value", minimum=0, maximum=100),
        )
        current = best.get(code)
        if (
            current is None
            or level.share > current.share
            or (level.share == current.share and level.category < current.category)
        ):
            best[code] = level
    return best
