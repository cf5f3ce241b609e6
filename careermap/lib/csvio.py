"""CSV helpers: formula-injection escaping and tolerant reading.

A spreadsheet treats a cell beginning with = + - @ (or tab / carriage return) as a formula. On export
such cells get a leading apostrophe; so does a cell that already begins with one, which keeps the
escaping reversible: `unescape_cell(escape_cell(s)) == s` for every string (OWASP "CSV Injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"


def escape_cell(value: object) -> str:
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) or text.startswith(_ESCAPE):
        return _ESCAPE + text
    return text


def unescape_cell(text: str) -> str:
    return text[1:] if text.startswith(_ESCAPE) else text


class _Echo:
    """A file-like object whose write returns the line, for streaming responses."""

    def write(self, value: str) -> str:
        return value


def csv_lines(header: Sequence[str], rows: Iterable[Sequence[object]]) -> Iterator[str]:
    """Yield CSV text line by line, every cell escaped (for StreamingHttpResponse)."""
    writer = csv.writer(_Echo())
    yield writer.writerow([escape_cell(cell) for cell in header])
    for row in rows:
        yield writer.writerow([escape_cell(cell) for cell in row])


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    return "".join(csv_lines(header, rows))


def decode_upload(data: bytes) -> str:
    """Text of an uploaded CSV: UTF-8 (a BOM from Excel is dropped), else Windows-1252."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


class CsvFormatError(ValueError):
    """The file stops being CSV at `line`: a quote never closed, or a cell over the csv module's limit."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def _csv_error(line: int, exc: csv.Error) -> CsvFormatError:
    detail = str(exc)
    if "field larger than field limit" in detail:
        detail = "a cell is longer than 131,072 characters (often a quote that is never closed)"
    return CsvFormatError(line, f"the file cannot be read from here on: {detail}")


def read_rows(text: str) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    """The header and an iterator of (line number, cells) for a CSV text; blank lines are skipped.

    Line numbers are those a spreadsheet shows (the header is line 1), counting embedded newlines.
    Text that stops being CSV raises CsvFormatError naming the line, from here or from the iterator.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        return [], iter(())
    except csv.Error as exc:
        raise _csv_error(1, exc) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        start = reader.line_num + 1
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise _csv_error(start, exc) from None
            if any(cell.strip() for cell in cells):
                yield start, cells
            start = reader.line_num + 1

    return header, rows()
