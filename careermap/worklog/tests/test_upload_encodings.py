"""Issue 20, item 2: what a spreadsheet saves, read as it was written. Excel's "Unicode Text" is UTF-16
with a byte-order mark and tabs between the cells; other files carry a UTF-8 or UTF-32 mark, or none.
A NUL character left in the text is refused with its line: PostgreSQL cannot store one in a text column,
so the upload gave a 500 there (the SQLite development server hid it; the test marked `postgres` runs
only on PostgreSQL)."""

from __future__ import annotations

import codecs

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from careermap.lib.csvio import CsvFormatError, decode_upload, read_rows
from careermap.worklog.models import Entry, ImportBatch
from careermap.worklog.services import import_batch_create, worklog_csv_import

ROWS = (
    "Date\tPlatform\tHours\tEarnings\tNotes\n2026-11-02\tUber\t1.5\t20.00\tcafé ☕\n2026-11-03\tDoorDash\t2\t31.50\t\n"
)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + ROWS.encode("utf-16-le"),  # Excel's "Unicode Text"
        codecs.BOM_UTF16_BE + ROWS.encode("utf-16-be"),
        ROWS.encode("utf-16-le"),  # no byte-order mark
        ROWS.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + ROWS.encode("utf-32-le"),
        codecs.BOM_UTF8 + ROWS.encode("utf-8"),
        ROWS.encode("utf-8"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-16-le-no-bom", "utf-16-be-no-bom", "utf-32", "utf-8-bom", "utf-8"],
)
def test_unicode_files_are_read_as_written(data: bytes) -> None:
    text = decode_upload(data)
    assert text == ROWS
    header, rows = read_rows(text)
    assert header == ["Date", "Platform", "Hours", "Earnings", "Notes"]
    assert [cells for _, cells in rows][0] == ["2026-11-02", "Uber", "1.5", "20.00", "café ☕"]


def test_windows_1252_still_reads() -> None:
    assert decode_upload("date,notes\n2026-11-02,café\n".encode("cp1252")) == "date,notes\n2026-11-02,café\n"


def test_a_comma_separated_file_with_a_tab_in_a_cell_stays_comma_separated() -> None:
    header, _ = read_rows('date,notes,pay\n2026-11-02,"a\tb",1\n')
    assert header == ["date", "notes", "pay"]


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"date,notes\n2026-11-02,a\x00b\n", 2),
        (b"da\x00te,notes\n", 1),
        (b'date,notes\r\n2026-11-02,"two\r\nlines"\r\n2026-11-03,\x00\r\n', 4),
        (codecs.BOM_UTF16_LE + "date\tnotes\n2026-11-02\t\x00\n".encode("utf-16-le"), 2),
    ],
)
def test_a_stray_nul_is_refused_naming_its_line(data: bytes, line: int) -> None:
    with pytest.raises(CsvFormatError) as caught:
        decode_upload(data)
    assert caught.value.line == line and "NUL character" in caught.value.message


NUL_FILE = b"Date,Platform,Hours,Pay,Notes\n2026-11-02,Uber,1,10,fine\n2026-11-03,Uber,1,10,bro\x00ken\n"


def _upload_is_refused(client: Client) -> None:
    response = client.post("/worklog/import/", {"file": SimpleUploadedFile("nul.csv", NUL_FILE)})
    assert response.status_code == 422
    assert "Line 3: it contains a NUL character" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.django_db
def test_a_file_with_a_nul_is_refused_at_upload(alice_client: Client) -> None:
    _upload_is_refused(alice_client)


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_file_with_a_nul_is_refused_at_upload_on_postgresql(alice_client: Client) -> None:
    """The case that was a 500: PostgreSQL refuses a NUL in the stored file text."""
    _upload_is_refused(alice_client)


@pytest.mark.django_db
def test_excels_unicode_text_imports_end_to_end(alice, alice_client: Client) -> None:
    data = codecs.BOM_UTF16_LE + ROWS.encode("utf-16-le")
    response = alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("Book1.txt", data)})
    batch = ImportBatch.objects.get(user=alice)
    assert response["Location"] == f"/worklog/import/{batch.pk}/"
    assert batch.header == ["Date", "Platform", "Hours", "Earnings", "Notes"]
    worklog_csv_import(user=alice, batch_id=batch.pk)
    assert sorted(Entry.objects.values_list("platform", "minutes", "notes")) == [
        ("DoorDash", 120, ""),
        ("Uber", 90, "café ☕"),
    ]


@pytest.mark.postgres
@pytest.mark.django_db
def test_excels_unicode_text_imports_on_postgresql(alice) -> None:
    batch = import_batch_create(user=alice, filename="Book1.txt", data=codecs.BOM_UTF16_LE + ROWS.encode("utf-16-le"))
    assert worklog_csv_import(user=alice, batch_id=batch.pk).rows_created == 2
