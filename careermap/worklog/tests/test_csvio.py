from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st

from careermap.lib.csvio import csv_text, decode_upload, escape_cell, read_rows, unescape_cell
from careermap.worklog.csvimport import RowError


def test_formula_cells_are_neutralised() -> None:
    for dangerous in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil")']:
        assert escape_cell(dangerous).startswith("'")
    assert escape_cell("plain") == "plain"
    assert escape_cell(None) == ""
    assert escape_cell(12) == "12"


def test_the_written_csv_has_no_cell_a_spreadsheet_would_run() -> None:
    text = csv_text(["platform", "notes"], [["=cmd|' /C calc'!A0", "-10+20"], ["@x", "ok"]])
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


@given(st.text())
def test_escaping_is_reversible(value: str) -> None:
    assert unescape_cell(escape_cell(value)) == value


def test_rows_carry_the_line_numbers_a_spreadsheet_shows() -> None:
    header, rows = read_rows('a,b\n1,2\n\n"multi\nline",3\n4,5\n')
    assert header == ["a", "b"]
    assert [(line, cells) for line, cells in rows] == [(2, ["1", "2"]), (4, ["multi\nline", "3"]), (6, ["4", "5"])]


def test_uploads_from_excel_lose_their_byte_order_mark() -> None:
    assert decode_upload("\ufeffdate,platform".encode()) == "date,platform"
    assert decode_upload("caf\xe9".encode("cp1252")) == "café"


def test_absurd_amounts_and_hours_are_row_errors_not_crashes() -> None:
    from careermap.worklog.csvimport import parse_rows

    text = "date,platform,hours,pay\n2026-11-02,Outlier,1E+999999,1\n2026-11-02,Outlier,1,1E+999999\n"
    mapping = {"columns": {"date": 0, "platform": 1, "hours": 2, "pay_expected": 3}, "date_format": "iso"}
    rows = list(parse_rows(text, mapping=mapping))
    assert [type(row).__name__ for row in rows] == ["RowError", "RowError"]
    assert isinstance(rows[0], RowError) and isinstance(rows[1], RowError)
    assert "time worked" in rows[0].reason.lower() and "too large" in rows[1].reason
