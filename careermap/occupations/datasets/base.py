"""What every dataset module shares: the registry row in the making and the parse context.

A dataset module (one per source, see __init__.py) reads its files, joins them to the O*NET
occupations through what earlier modules left in the `Context`, and adds one `DatasetRecord`
per registry entry. Pure apart from reading files: no Django, no database.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careermap.occupations import sources
from careermap.occupations.crosswalk import JoinedScore, JoinReport
from careermap.occupations.importers import anthropic, bls, crosswalks, gpts, oews, onet

Progress = Callable[[str], None]


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


@dataclasses.dataclass(frozen=True, slots=True)
class ObservedValue:
    value: float
    soc_code: str
    join: str
    below_share: float


@dataclasses.dataclass
class Context:
    """What the dataset modules have read so far; later modules join on what earlier ones left."""

    data_dir: Path
    records: list[DatasetRecord] = dataclasses.field(default_factory=list)
    # O*NET (first: every other source joins to its codes)
    release: onet.Release | None = None
    codes: set[str] = dataclasses.field(default_factory=set)
    occupations: list[onet.OccupationRow] = dataclasses.field(default_factory=list)
    interests: dict[str, onet.InterestProfile] = dataclasses.field(default_factory=dict)
    job_zones: dict[str, int] = dataclasses.field(default_factory=dict)
    job_zone_reference: list[onet.JobZoneRow] = dataclasses.field(default_factory=list)
    education: dict[str, onet.EducationLevel] = dataclasses.field(default_factory=dict)
    education_labels: dict[int, str] = dataclasses.field(default_factory=dict)
    alternate_titles: list[onet.AlternateTitleRow] = dataclasses.field(default_factory=list)
    tasks: list[onet.TaskRow] = dataclasses.field(default_factory=list)
    related: list[onet.RelatedRow] = dataclasses.field(default_factory=list)
    # crosswalks (the joins of BLS, AIOE, Frey & Osborne and OEWS)
    nem_links: list[crosswalks.NemLink] = dataclasses.field(default_factory=list)
    soc_links: list[crosswalks.SocLink] = dataclasses.field(default_factory=list)
    # the joined figures
    projections: dict[str, tuple[bls.ProjectionRow, str]] = dataclasses.field(default_factory=dict)
    task_labels: dict[int, tuple[gpts.TaskLabel, bool]] = dataclasses.field(default_factory=dict)
    exposures: dict[str, dict[str, JoinedScore]] = dataclasses.field(default_factory=dict)
    areas: list[oews.AreaRow] = dataclasses.field(default_factory=list)
    wages: list[oews.WageRow] = dataclasses.field(default_factory=list)
    wage_links: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    observed: dict[str, ObservedValue] = dataclasses.field(default_factory=dict)
    observed_tasks: dict[int, anthropic.ObservedTaskRow] = dataclasses.field(default_factory=dict)

    def folder(self, info: sources.DatasetInfo) -> Path:
        return self.data_dir / info.folder


def score_record(
    info: sources.DatasetInfo, path: Path, joined: dict[str, JoinedScore], report: JoinReport
) -> DatasetRecord:
    """The registry row of a one-file score table joined to O*NET codes."""
    record = DatasetRecord(info)
    record.add_file(path, rows_joined=report.rows_joined, rows_unmatched=report.rows_unmatched)
    record.occupations_covered = len(joined)
    record.join_notes = report.as_notes()
    return record
