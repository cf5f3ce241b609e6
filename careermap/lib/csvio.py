"""CSV helpers: formula-injection escaping and tolerant reading.

A spreadsheet treats a cell beginning with = + - @ (or tab / carriage return) as a formula. On export
such cells get a leading apostrophe; so does a cell that already begins with one, which keeps the
escaping reversible: `unescape_cell(escape_cell(s)) == s` for every string (OWASP "CSV Injection").
"""

from __future__ import annotations

import codecs
import csv
import io
import re
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


class CsvFormatError(ValueError):
    """The file stops being CSV at `line`: a quote never closed, a cell over the csv module's limit, or a
    NUL character (which no text column can store: PostgreSQL refuses it)."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


#: Byte-order marks, longest first (UTF-32 LE's begins with UTF-16 LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
NUL_MESSAGE = (
    "it contains a NUL character (a zero byte), which a CSV file cannot hold; "
    "save the file again from your spreadsheet as “CSV UTF-8” and upload that"
)


def _encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark names; or UTF-16 without one, when nearly every other byte is zero
    (text in the Latin alphabet, two bytes a character); None for neither."""
    for bom, encoding in _BOMS:
        if data.startswith(bom) and not (encoding == "utf-32" and len(data) % 4):
            return encoding
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs:
        even, odd = sample[0 : pairs * 2 : 2].count(0), sample[1 : pairs * 2 : 2].count(0)
        if odd >= 0.9 * pairs and even <= 0.1 * pairs:
            return "utf-16-le"
        if even >= 0.9 * pairs and odd <= 0.1 * pairs:
            return "utf-16-be"
    return None


def decode_upload(data: bytes) -> str:
    """Text of an uploaded CSV: as its byte-order mark says (UTF-8 from Excel's "CSV UTF-8", UTF-16 from its
    "Unicode Text", UTF-32), UTF-16 without a mark, else UTF-8, else Windows-1252. A NUL character left in
    the text raises CsvFormatError naming its line."""
    encoding = _encoding(data)
    if encoding is not None:
        text = data.decode(encoding, errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    if (at := text.find("\x00")) >= 0:
        raise CsvFormatError(len(_LINE_BREAK.findall(text, 0, at)) + 1, NUL_MESSAGE)
    return text


def delimiter(text: str) -> str:
    """A tab when the first line has more tabs than commas (Excel's "Unicode Text" and other
    tab-separated files), else a comma."""
    first = _LINE_BREAK.split(text[:65536], maxsplit=1)[0]
    return "\t" if first.count("\t") > first.count(",") else ","


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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text))
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
