"""--download without the network: a fake fetch serves tiny hand-made files built in the test."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from careermap.occupations import downloads
from careermap.occupations.importers.xlsx import XlsxError, read_sheet, sheet_table
from careermap.occupations.services import DownloadError, data_download
from careermap.tests.realdata import real_data_path


def tiny_xlsx(sheet_name: str, rows: list[list[object]]) -> bytes:
    """A minimal hand-made workbook: one sheet, inline strings and numbers."""
    cells = []
    for r, row in enumerate(rows, start=1):
        parts = []
        for c, value in enumerate(row):
            ref = f"{chr(ord('A') + c)}{r}"
            if isinstance(value, str):
                parts.append(f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>')
            else:
                parts.append(f'<c r="{ref}"><v>{value}</v></c>')
        cells.append(f'<row r="{r}">{"".join(parts)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            f'<sheet name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="worksheet"/></Relationships>',
        )
        book.writestr(
            "xl/worksheets/sheet1.xml", f'<worksheet xmlns="{main}"><sheetData>{"".join(cells)}</sheetData></worksheet>'
        )
    return buffer.getvalue()


def test_it_reads_a_sheet_and_cuts_out_the_table() -> None:
    data = tiny_xlsx(
        "T", [["Table 1.2 title"], ["Code", "Name", "Value"], ["1", "a", 1.30], ["2", "b", 42], ["Source: BLS"]]
    )
    rows = read_sheet(data, "T")
    assert rows[2] == ["1", "a", "1.3"]
    assert sheet_table(rows, "Code") == [["Code", "Name", "Value"], ["1", "a", "1.3"], ["2", "b", "42"]]
    with pytest.raises(XlsxError, match="no sheet named 'U'"):
        read_sheet(data, "U")


def test_a_pinned_file_with_another_digest_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pinned = next(item for item in downloads.MANIFEST if item.sha256)
    monkeypatch.setattr(downloads, "MANIFEST", (pinned,))
    with pytest.raises(DownloadError, match=f"{pinned.url}: sha256 .* does not match the pinned {pinned.sha256}"):
        data_download(dest=tmp_path, fetch=lambda url: b"not the file")
    assert not (tmp_path / pinned.folder / pinned.target).exists()


def test_a_failed_fetch_is_reported(tmp_path: Path) -> None:
    def offline(url: str) -> bytes:
        raise OSError("network unreachable")

    with pytest.raises(DownloadError, match="download failed: network unreachable"):
        data_download(dest=tmp_path, fetch=offline)


def test_it_lays_files_out_like_the_shared_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pinned = b"SOC Code,title,ai_applicability_score\n11-1011,Chief Executives,0.1\n"
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("db_29_3_text/Read Me.txt", "O*NET 29.3 Database\n")
    manifest = (
        downloads.Download(
            url="https://example.test/a.zip",
            folder="onet_29_3",
            sha256=None,
            kind="zip",
            members=(("db_29_3_text/Read Me.txt", "Read Me.txt"),),
        ),
        downloads.Download(
            url="https://example.test/b.csv",
            folder="microsoft_working_with_ai",
            sha256=hashlib.sha256(pinned).hexdigest(),
            kind="file",
            target="soc_ai_applicability_scores.csv",
        ),
        downloads.Download(
            url="https://example.test/c.xlsx",
            folder="aioe_felten_raj_seamans",
            sha256=None,
            kind="xlsx",
            sheets=(("Appendix A", "appendix_a_aioe_by_occupation.csv", "SOC Code"),),
        ),
    )
    served = {
        "https://example.test/a.zip": zipped.getvalue(),
        "https://example.test/b.csv": pinned,
        "https://example.test/c.xlsx": tiny_xlsx(
            "Appendix A", [["SOC Code", "Occupation Title", "AIOE"], ["11-1011", "Chief Executives", 1.334246]]
        ),
    }
    monkeypatch.setattr(downloads, "MANIFEST", manifest)
    written = data_download(dest=tmp_path, fetch=served.__getitem__)
    assert len(written) == 3
    assert (tmp_path / "onet_29_3" / "Read Me.txt").read_text() == "O*NET 29.3 Database\n"
    assert (tmp_path / "microsoft_working_with_ai" / "soc_ai_applicability_scores.csv").read_bytes() == pinned
    aioe = (tmp_path / "aioe_felten_raj_seamans" / "appendix_a_aioe_by_occupation.csv").read_bytes().decode()
    assert aioe == "SOC Code,Occupation Title,AIOE\r\n11-1011,Chief Executives,1.334246\r\n"
    sums = (tmp_path / "SHA256SUMS").read_text()
    assert "https://example.test/a.zip  (official file, not pinned)" in sums


@pytest.mark.realdata
@pytest.mark.parametrize(
    ("workbook", "sheet", "first_cell", "converted"),
    [
        (
            "bls_employment_projections_2024_34/original/occupation.xlsx",
            "Table 1.2",
            "2024 National Employment Matrix title",
            "bls_employment_projections_2024_34/table_1_2_occupational_projections_2024_34.csv",
        ),
        (
            "soc_crosswalks/original/nem-onet-to-soc-crosswalk.xlsx",
            "ONET to SOC crosswalk",
            "Sort Order",
            "soc_crosswalks/bls_nem_onet_soc_to_nem_crosswalk_2023-09-06.csv",
        ),
        (
            "aioe_felten_raj_seamans/original/AIOE_DataAppendix.xlsx",
            "Appendix A",
            "SOC Code",
            "aioe_felten_raj_seamans/appendix_a_aioe_by_occupation.csv",
        ),
    ],
)
def test_the_xlsx_conversion_reproduces_the_shared_csvs(
    workbook: str, sheet: str, first_cell: str, converted: str
) -> None:
    original = real_data_path(*workbook.split("/"))
    buffer = io.StringIO()
    csv.writer(buffer).writerows(sheet_table(read_sheet(original.read_bytes(), sheet), first_cell))
    assert buffer.getvalue() == real_data_path(*converted.split("/")).read_bytes().decode("utf-8")
