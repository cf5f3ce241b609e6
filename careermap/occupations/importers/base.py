"""Shared helpers for the parsers: header checks, field counts, numbers and codes."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal, TypedDict

ONET_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
SOC_CODE = re.compile(r"^\d{2}-\d{4}$")
# Values that mean "no value" in the sources: O*NET's text release writes n/a,
# BLS writes an em dash.
MISSING = frozenset({"", "n/a", "—"})


@dataclasses.dataclass(frozen=True)
class ImportFileError(Exception):
    """A problem in one source file: `path:line: message` (line 0 = the file as a whole)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclasses.dataclass(frozen=True, slots=True)
class Row:
    """One data row: its physical line number and its cells keyed by header name."""

    path: str
    line: int
    cells: dict[str, str]

    def error(self, message: str) -> ImportFileError:
        return ImportFileError(self.path, self.line, message)

    def text(self, column: str, *, required: bool = True) -> str:
        value = self.cells[column].strip()
        if required and value in MISSING:
            raise self.error(f"{column}: empty")
        return "" if value in MISSING else value

    def onet_code(self, column: str = "O*NET-SOC Code") -> str:
        value = self.cells[column].strip()
        if not ONET_CODE.match(value):
            raise self.error(f"{column}: {value!r} is not an O*NET-SOC code like 11-1011.00")
        return value

    def soc_code(self, column: str) -> str:
        value = self.cells[column].strip()
        if not SOC_CODE.match(value):
            raise self.error(f"{column}: {value!r} is not a SOC code like 11-1011")
        return value

    def number(self, column: str, *, minimum: float | None = None, maximum: float | None = None) -> float:
        raw = self.cells[column].strip()
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            raise self.error(f"{column}: {raw!r} is not a number") from None
        if value != value or value in (float("inf"), float("-inf")):
            raise self.error(f"{column}: {raw!r} is not a finite number")
        if minimum is not None and value < minimum:
            raise self.error(f"{column}: {raw} is below {minimum:g}")
        if maximum is not None and value > maximum:
            raise self.error(f"{column}: {raw} is above {maximum:g}")
        return value

    def optional_number(self, column: str, **bounds: float) -> float | None:
        if self.cells[column].strip() in MISSING:
            return None
        return self.number(column, **bounds)

    def integer(self, column: str, *, minimum: int | None = None, maximum: int | None = None) -> int:
        raw = self.cells[column].strip()
        value = self.number(column, minimum=minimum, maximum=maximum)
        if value != int(value):
            raise self.error(f"{column}: {raw!r} is not a whole number")
        return int(value)

    def optional_integer(self, column: str, **bounds: int) -> int | None:
        if self.cells[column].strip() in MISSING:
            return None
        return self.integer(column, **bounds)


# csv's quoting constants, as the type checker knows them.
Quoting = Literal[0, 1, 2, 3]


class Dialect(TypedDict):
    """Keyword arguments for `read_rows` that describe a file's dialect."""

    delimiter: str
    quoting: Quoting


def read_rows(
    path: Path,
    *,
    required: Sequence[str],
    delimiter: str = ",",
    exact: Sequence[str] | None = None,
    quoting: Quoting = csv.QUOTE_MINIMAL,
) -> Iterator[Row]:
    """Yield the data rows of a delimited UTF-8 file after checking its header.

    `required` columns must all be in the header (other columns are allowed, so both
    the Excel-derived and the official text releases parse); `exact` pins the whole
    header, for sources where the header carries the edition. O*NET's tab-delimited
    files are read with `quoting=csv.QUOTE_NONE`: a task may start with a quote mark.
    Every row must have as many fields as the header: a short row is what a truncated
    file looks like.
    """
    display = str(path)
    if not path.is_file():
        raise ImportFileError(display, 0, "file not found")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ImportFileError(display, line, f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quoting=quoting, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError(display, 1, "file is empty (no header line)") from None
    except csv.Error as exc:
        raise ImportFileError(display, 1, f"unreadable header: {exc}") from None
    header = [name.strip() for name in header]
    if exact is not None and header != list(exact):
        raise ImportFileError(
            display, 1, f"unexpected header (wrong edition or version?): expected {list(exact)}, found {header}"
        )
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFileError(display, 1, f"missing column(s) {missing} (wrong version?); header is {header}")
    width = len(header)
    line = 1
    rows = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise ImportFileError(display, reader.line_num, f"malformed line: {exc}") from None
        line = reader.line_num
        if not fields or (len(fields) == 1 and not fields[0].strip()):
            continue
        if len(fields) != width:
            raise ImportFileError(
                display, line, f"expected {width} fields, found {len(fields)} (truncated or malformed line)"
            )
        rows += 1
        yield Row(display, line, dict(zip(header, fields, strict=True)))
    if rows == 0:
        raise ImportFileError(display, line, "no data rows after the header (truncated file?)")


@dataclasses.dataclass(frozen=True, slots=True)
class ScoreRow:
    """One occupation's published values from a research table, keyed by our measure key."""

    code: str  # as published: an O*NET-SOC code or a 6-digit SOC code
    title: str
    values: dict[str, float]
    line: int


def parse_score_table(
    path: Path,
    *,
    code_column: str,
    title_column: str,
    measures: dict[str, tuple[str, float | None, float | None]],
    onet_codes: bool = False,
    delimiter: str = ",",
) -> list[ScoreRow]:
    """Read a one-row-per-occupation table. `measures` maps measure key → (column, min, max)."""
    columns = [code_column, title_column, *(column for column, _, _ in measures.values())]
    rows: list[ScoreRow] = []
    seen: set[str] = set()
    for row in read_rows(path, required=columns, delimiter=delimiter):
        code = row.onet_code(code_column) if onet_codes else row.soc_code(code_column)
        if code in seen:
            raise row.error(f"{code_column}: {code} appears twice")
        seen.add(code)
        values = {key: row.number(column, minimum=low, maximum=high) for key, (column, low, high) in measures.items()}
        rows.append(ScoreRow(code=code, title=row.text(title_column), values=values, line=row.line))
    return rows
