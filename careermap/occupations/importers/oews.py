"""BLS Occupational Employment and Wage Statistics (OEWS): May 2025 by area, and the
official national files for May 2022–2024.

May 2025 comes from the BLS time-series flat files (flattened to CSV): a value BLS did not
publish is blank, with the reason kept in `footnotes` as `column:code` pairs (4 = the
occupation is paid hourly-only or annual-only, 5 = top-coded, 8 = not released). The
2022–2024 files are the BLS workbooks as CSV, which write `*`, `**` and `#` instead.
Both are normalised here into one shape, `WageRow`, where a missing value is None and
`notes` says why, so a suppressed or top-coded cell can never be read as zero.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from careermap.occupations.importers.base import Row, read_rows

FOLDER_2025 = "bls_oews_may2025"
FOLDER_HISTORY = "bls_oews_national_2022_2024"
AREAS_FILE = "areas.csv"
NATIONAL_FILE = "oews_may2025_national.csv"
STATE_FILE = "oews_may2025_state.csv"
METRO_FILE = "oews_may2025_metro_nonmetro.csv"
HISTORY_FILES = {
    2022: "oews_national_may2022.csv",
    2023: "oews_national_may2023.csv",
    2024: "oews_national_may2024.csv",
}

NATIONAL_CODE = "0000000"
# BLS's top-code, the same in every file from May 2022 to May 2025 (footnote 5).
TOP_CODE_ANNUAL = 239_200
TOP_CODE_HOURLY = 115.0

# Reasons a value is missing, as BLS footnote codes.
HOURLY_OR_ANNUAL_ONLY = "4"
TOP_CODED = "5"
NOT_RELEASED = "8"
FOOTNOTES = {
    HOURLY_OR_ANNUAL_ONLY: "BLS publishes this occupation's pay only by the hour or only by the year",
    TOP_CODED: "at least $115.00 an hour or $239,200 a year (BLS does not publish higher values)",
    NOT_RELEASED: "BLS does not release this estimate",
}

# Measures in BLS's own column names (lowercase), as stored on `Wage`.
PERCENTILES = ("pct10", "pct25", "median", "pct75", "pct90")
HOURLY = ("h_mean", *(f"h_{p}" for p in PERCENTILES))
ANNUAL = ("a_mean", *(f"a_{p}" for p in PERCENTILES))
MEASURES = ("tot_emp", "emp_prse", *HOURLY, *ANNUAL, "mean_prse", "jobs_1000", "loc_quotient")
WAGE_MEASURES = frozenset(HOURLY + ANNUAL)
# Areas: one row per BLS area; types N (national), S (state or territory), M (metro or nonmetro).
AREA_TYPES = {"N": "national", "S": "state", "M": "metro"}
STATE_POSTAL = re.compile(r", ([A-Z]{2}(?:-[A-Z]{2})*)$")
FOOTNOTE_PAIR = re.compile(r"^([a-z_0-9]+):(\d)$")


@dataclasses.dataclass(frozen=True, slots=True)
class AreaRow:
    code: str
    kind: str  # national | state | metro | nonmetro
    state_fips: str  # the primary state, as BLS gives it
    name: str
    states: str  # postal codes of every state a metro area spans, e.g. "PA-NJ"; "" for states and national


@dataclasses.dataclass(frozen=True, slots=True)
class WageRow:
    year: int
    area_code: str
    soc_code: str
    values: tuple[float | None, ...]  # in MEASURES order (a tuple: 225,000 rows stay small)
    notes: str  # BLS's own form, "measure:code;…", for every missing measure that has a reason

    def value(self, measure: str) -> float | None:
        return self.values[MEASURES.index(measure)]

    def note(self, measure: str) -> str | None:
        return parse_notes(self.notes).get(measure)


def parse_notes(notes: str) -> dict[str, str]:
    """'h_median:4;a_pct90:5' → {'h_median': '4', 'a_pct90': '5'} (already validated at import)."""
    return dict(pair.split(":", 1) for pair in notes.split(";")) if notes else {}


def format_notes(notes: dict[str, str]) -> str:
    return ";".join(f"{measure}:{code}" for measure, code in notes.items())


def parse_areas(path: Path) -> list[AreaRow]:
    areas: list[AreaRow] = []
    seen: set[str] = set()
    for row in read_rows(path, required=["area_code", "area_type", "state_fips", "area_name"]):
        code = row.text("area_code")
        if not re.fullmatch(r"\d{7}", code):
            raise row.error(f"area_code: {code!r} is not a 7-digit BLS area code")
        if code in seen:
            raise row.error(f"area_code: {code} appears twice")
        seen.add(code)
        area_type = row.text("area_type")
        if area_type not in AREA_TYPES:
            raise row.error(f"area_type: {area_type!r} is not one of {sorted(AREA_TYPES)}")
        name = row.text("area_name")
        kind = AREA_TYPES[area_type]
        if kind == "metro" and "nonmetropolitan" in name.lower():
            kind = "nonmetro"
        match = STATE_POSTAL.search(name) if kind == "metro" else None
        areas.append(
            AreaRow(
                code=code,
                kind=kind,
                state_fips=row.text("state_fips"),
                name=name,
                states=match.group(1) if match else "",
            )
        )
    return areas


def _notes(row: Row) -> dict[str, str]:
    raw = row.cells["footnotes"].strip()
    notes: dict[str, str] = {}
    if not raw:
        return notes
    for pair in raw.split(";"):
        match = FOOTNOTE_PAIR.match(pair.strip())
        if not match or match.group(1) not in MEASURES:
            raise row.error(f"footnotes: {pair!r} is not a 'measure:code' pair like 'h_median:4'")
        notes[match.group(1)] = match.group(2)
    return notes


def _value(row: Row, name: str, notes: dict[str, str]) -> float | None:
    raw = row.cells[name]
    if not raw:
        # Top-coded cells keep BLS's floor, marked by note 5: shown as "≥ $239,200", never as a blank.
        if notes.get(name) == TOP_CODED:
            return TOP_CODE_HOURLY if name.startswith("h_") else float(TOP_CODE_ANNUAL)
        return None
    try:
        value = float(raw)  # the flat files print plain numbers; anything else gets the careful parse
    except ValueError:
        return row.number(name, minimum=0)
    if not value >= 0 or value == float("inf"):
        return row.number(name, minimum=0)  # raises with the file, line and column
    return value


def parse_wages_2025(path: Path, *, area_type: str, areas: set[str]) -> list[WageRow]:
    """Detailed-occupation rows of one May 2025 file. Minor, broad and major groups are left out:
    pages show occupations, and O*NET codes join at the detailed level (OEWS aggregates such as
    31-1120 are published at that level too)."""
    rows: list[WageRow] = []
    seen: set[tuple[str, str]] = set()
    required = ["area_type", "area_code", "occ_code", "o_level", *MEASURES, "footnotes"]
    for row in read_rows(path, required=required):
        if row.cells["o_level"] != "detailed":
            continue
        if row.cells["area_type"] != area_type:
            raise row.error(f"area_type: {row.cells['area_type']!r} in a file of area type {area_type!r}")
        area = row.cells["area_code"]
        if area not in areas:
            raise row.error(f"area_code: {area!r} is not in {AREAS_FILE}")
        soc = row.soc_code("occ_code")
        if (area, soc) in seen:
            raise row.error(f"occ_code: {soc} appears twice for area {area}")
        seen.add((area, soc))
        notes = _notes(row)
        values = tuple(_value(row, name, notes) for name in MEASURES)
        rows.append(WageRow(year=2025, area_code=area, soc_code=soc, values=values, notes=format_notes(notes)))
    return rows


# The workbook columns (upper case) that carry each measure; the workbooks also print
# `*` (wage not available), `**` (employment not available) and `#` (top-coded).
_WORKBOOK_MARKERS = {"*": NOT_RELEASED, "**": NOT_RELEASED, "#": TOP_CODED}


def parse_national_history(path: Path, *, year: int) -> list[WageRow]:
    """Detailed rows of an official national workbook (as CSV). OEWS aggregate codes appear
    twice there (as `broad` and as `detailed`); the detailed row is the one kept."""
    required = ["OCC_CODE", "O_GROUP", "AREA", *(name.upper() for name in MEASURES if name not in _LOCAL_ONLY)]
    required += ["ANNUAL", "HOURLY"]
    rows: list[WageRow] = []
    seen: set[str] = set()
    for row in read_rows(path, required=required):
        if row.cells["O_GROUP"].strip() != "detailed":
            continue
        soc = row.soc_code("OCC_CODE")
        if soc in seen:
            raise row.error(f"OCC_CODE: {soc} appears twice")
        seen.add(soc)
        only = HOURLY_OR_ANNUAL_ONLY if "TRUE" in (row.cells["ANNUAL"].upper(), row.cells["HOURLY"].upper()) else None
        values: list[float | None] = []
        notes: dict[str, str] = {}
        for name in MEASURES:
            if name in _LOCAL_ONLY:
                values.append(None)
                continue
            column = name.upper()
            raw = row.cells[column].strip()
            if raw in _WORKBOOK_MARKERS:
                code = _WORKBOOK_MARKERS[raw]
                if code == NOT_RELEASED and only and name in WAGE_MEASURES:
                    code = only
                notes[name] = code
                top = TOP_CODE_HOURLY if name.startswith("h_") else float(TOP_CODE_ANNUAL)
                values.append(top if code == TOP_CODED else None)
            else:
                values.append(row.optional_number(column, minimum=0))
        rows.append(
            WageRow(year=year, area_code=NATIONAL_CODE, soc_code=soc, values=tuple(values), notes=format_notes(notes))
        )
    return rows


# Measures BLS leaves blank nationally (jobs per 1,000 and location quotient compare an area with the nation).
_LOCAL_ONLY = frozenset({"jobs_1000", "loc_quotient"})
