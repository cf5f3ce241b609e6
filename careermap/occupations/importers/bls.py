"""BLS Employment Projections 2024–34, Table 1.2 (occupational projections), as CSV.

The column names carry the edition ("2024–34"), so a file from another edition fails
the header check.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from careermap.occupations.importers.base import MISSING, Row, read_rows

FILE = "table_1_2_occupational_projections_2024_34.csv"
TITLE = "2024 National Employment Matrix title"
CODE = "2024 National Employment Matrix code"
TYPE = "Occupation type"
EMPLOYMENT_2024 = "Employment, 2024"
EMPLOYMENT_2034 = "Employment, 2034"
CHANGE_NUMERIC = "Employment change, numeric, 2024–34"
CHANGE_PERCENT = "Employment change, percent, 2024–34"
SELF_EMPLOYED = "Percent self employed, 2024"
OPENINGS = "Occupational openings, 2024–34 annual average"
WAGE = "Median annual wage, dollars, 2024[1]"
EDUCATION = "Typical education needed for entry"
EXPERIENCE = "Work experience in a related occupation"
TRAINING = "Typical on-the-job training needed to attain competency in the occupation"
COLUMNS = [
    TITLE,
    CODE,
    TYPE,
    EMPLOYMENT_2024,
    EMPLOYMENT_2034,
    CHANGE_NUMERIC,
    CHANGE_PERCENT,
    SELF_EMPLOYED,
    OPENINGS,
    WAGE,
    EDUCATION,
    EXPERIENCE,
    TRAINING,
]
TYPES = {"Line item", "Summary"}
# BLS top-codes wages: ">=$239,200" means "at least", not an exact median.
WAGE_VALUE = re.compile(r"^(>=)?\$?([\d,]+)$")


@dataclasses.dataclass(frozen=True, slots=True)
class ProjectionRow:
    nem_code: str
    title: str
    line_item: bool  # False for Summary (aggregate) rows
    employment_2024: float  # thousands
    employment_2034: float
    change_numeric: float
    change_percent: float
    self_employed_percent: float | None
    openings_annual: float
    median_wage: int | None
    median_wage_is_floor: bool  # True when BLS printed ">=$239,200": the median is at least this
    typical_entry_education: str
    work_experience: str
    on_the_job_training: str


def _wage(row: Row) -> tuple[int | None, bool]:
    raw = row.cells[WAGE].strip()
    if raw in MISSING:
        return None, False
    match = WAGE_VALUE.match(raw)
    if not match:
        raise row.error(f"{WAGE}: {raw!r} is not a dollar amount")
    return int(match.group(2).replace(",", "")), bool(match.group(1))


def parse_projections(path: Path) -> list[ProjectionRow]:
    rows: list[ProjectionRow] = []
    seen: set[str] = set()
    for row in read_rows(path, required=COLUMNS):
        code = row.soc_code(CODE)
        if code in seen:
            raise row.error(f"{CODE}: {code} appears twice")
        seen.add(code)
        kind = row.text(TYPE)
        if kind not in TYPES:
            raise row.error(f"{TYPE}: {kind!r} is not 'Line item' or 'Summary'")
        wage, floor = _wage(row)
        rows.append(
            ProjectionRow(
                nem_code=code,
                title=row.text(TITLE),
                line_item=kind == "Line item",
                employment_2024=row.number(EMPLOYMENT_2024, minimum=0),
                employment_2034=row.number(EMPLOYMENT_2034, minimum=0),
                change_numeric=row.number(CHANGE_NUMERIC),
                change_percent=row.number(CHANGE_PERCENT, minimum=-100),
                self_employed_percent=row.optional_number(SELF_EMPLOYED, minimum=0, maximum=100),
                openings_annual=row.number(OPENINGS, minimum=0),
                median_wage=wage,
                median_wage_is_floor=floor,
                typical_entry_education=row.text(EDUCATION, required=False),
                work_experience=row.text(EXPERIENCE, required=False),
                on_the_job_training=row.text(TRAINING, required=False),
            )
        )
    return rows
