"""A minimal .xlsx sheet reader (standard library only), for `import_data --download`.

Reads one worksheet's cell values as text: shared and inline strings, booleans, and
numbers written as Python prints them (1.3, 42), as the shared data's conversions did.
Formatting, dates and formulas' cached values beyond their text are not interpreted.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


class XlsxError(ValueError):
    pass


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + (ord(letter) - ord("A") + 1)
    return index - 1


def _number(text: str) -> str:
    value = float(text)
    return str(int(value)) if value.is_integer() else repr(value)


def _text(node: ElementTree.Element) -> str:
    return "".join(t.text or "" for t in node.iter(f"{MAIN}t"))


def sheet_names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    return [sheet.get("name", "") for sheet in workbook.iter(f"{MAIN}sheet")]


def read_sheet(data: bytes, name: str) -> list[list[str]]:
    """Rows of the named sheet as lists of strings (empty cells are "")."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise XlsxError(f"not an .xlsx file: {exc}") from exc
    with book:
        workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{PKG_REL}Relationship")}
        rel_id = next(
            (sheet.get(f"{REL}id") for sheet in workbook.iter(f"{MAIN}sheet") if sheet.get("name") == name), None
        )
        if rel_id is None:
            raise XlsxError(f"no sheet named {name!r}")
        target = targets[rel_id]
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        shared: list[str] = []
        if "xl/sharedStrings.xml" in book.namelist():
            strings = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
            shared = [_text(item) for item in strings.iter(f"{MAIN}si")]
        sheet = ElementTree.fromstring(book.read(path))
    rows: list[list[str]] = []
    for row in sheet.iter(f"{MAIN}row"):
        cells: dict[int, str] = {}
        for position, cell in enumerate(row.iter(f"{MAIN}c")):
            match = CELL_REF.match(cell.get("r", ""))
            column = _column_index(match.group(1)) if match else position
            kind = cell.get("t", "n")
            value_node = cell.find(f"{MAIN}v")
            raw = value_node.text if value_node is not None and value_node.text is not None else None
            if kind == "inlineStr":
                value = _text(cell)
            elif raw is None:
                value = ""
            elif kind == "s":
                value = shared[int(raw)]
            elif kind == "b":
                value = "TRUE" if raw == "1" else "FALSE"
            elif kind in ("str", "e", "d"):
                value = raw
            else:
                value = _number(raw)
            cells[column] = value
        width = max(cells, default=-1) + 1
        rows.append([cells.get(i, "") for i in range(width)])
    return rows


def sheet_table(rows: list[list[str]], header_first_cell: str) -> list[list[str]]:
    """The table in a sheet: from the header row (found by its first cell) down, leaving out
    title rows above it and footnote rows below (those with an empty second column)."""
    start = next((i for i, row in enumerate(rows) if row and row[0].strip() == header_first_cell), None)
    if start is None:
        raise XlsxError(f"no header row starting with {header_first_cell!r}")
    header = rows[start]
    width = len(header)
    table = [header]
    for row in rows[start + 1 :]:
        row = (row + [""] * width)[:width]
        if width > 1 and not row[1].strip():
            continue
        table.append(row)
    return table
