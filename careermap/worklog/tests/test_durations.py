"""Issue 22, item 4: time worked, written the way people write it.

2h, 1:30, 90m, 1h30 and 1.5 (a bare number in the unit chosen: hours or minutes) on the entry form, the
API and imports; a bare number in an "Hours" column is hours; what cannot be read gets a clear message,
never a browser's cryptic `step` complaint.
"""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from careermap.accounts.services import api_token_create
from careermap.worklog import rules
from careermap.worklog.csvimport import ParsedRow, parse_rows
from careermap.worklog.models import Entry, ImportBatch

pytestmark = pytest.mark.django_db

HINT = "write 1:30, 1.5h or 90m"


@pytest.mark.parametrize(
    ("written", "unit", "minutes"),
    [
        ("2h", "hours", 120),
        ("2h", "minutes", 120),  # a unit written out wins over the choice
        ("2 h", "hours", 120),
        ("2 hours", "hours", 120),
        ("2 hrs", "minutes", 120),
        ("1.5h", "hours", 90),
        ("1,5h", "hours", 90),
        ("1:30", "hours", 90),
        ("1:30", "minutes", 90),
        ("0:45", "hours", 45),
        ("1:30:00", "hours", 90),
        ("1:29:40", "hours", 90),  # seconds round to the nearest minute
        ("90m", "hours", 90),
        ("90 min", "hours", 90),
        ("90 minutes", "hours", 90),
        ("1h30", "hours", 90),
        ("1h30m", "hours", 90),
        ("1h 30m", "minutes", 90),
        ("1 hr 30 min", "hours", 90),
        ("1.5", "hours", 90),
        ("1,5", "hours", 90),
        ("2", "hours", 120),
        ("2", "minutes", 2),
        ("90", "minutes", 90),
        (".25", "hours", 15),
        ("0.33", "hours", 20),  # 19.8 minutes, to the nearest minute
        ("24", "hours", 1440),
        ("0", "hours", 0),
        ("  2H  ", "hours", 120),
        ("", "hours", None),
    ],
)
def test_durations_are_read_the_way_people_write_them(
    written: str, unit: rules.DurationUnit, minutes: int | None
) -> None:
    assert rules.parse_duration(written, unit=unit) == minutes


@pytest.mark.parametrize(
    ("written", "unit", "message"),
    [
        ("1,5x", "hours", f"“1,5x” is not a duration: {HINT}"),
        ("an hour", "hours", f"“an hour” is not a duration: {HINT}"),
        ("-1", "hours", f"“-1” is not a duration: {HINT}"),
        ("1:75", "hours", f"“1:75” is not a duration: {HINT}"),
        ("1h75", "hours", f"“1h75” has 75 minutes after the hours; {HINT}"),
        ("1.5", "minutes", "“1.5” is not a whole number of minutes (for hours, write 1.5h)"),
        ("90", "hours", "“90” is more than a day (24 hours); log each day separately; if you meant minutes, write 90m"),
        ("25h", "hours", "“25h” is more than a day (24 hours); log each day separately"),
        ("1441m", "minutes", "“1441m” is more than a day (24 hours); log each day separately"),
    ],
)
def test_what_cannot_be_read_gets_a_clear_message(written: str, unit: rules.DurationUnit, message: str) -> None:
    with pytest.raises(rules.RuleError) as caught:
        rules.parse_duration(written, unit=unit)
    assert caught.value.message == message


@given(st.integers(min_value=0, max_value=1440), st.sampled_from(["hours", "minutes"]))
def test_a_written_duration_reads_back_as_the_same_minutes(minutes: int, unit: rules.DurationUnit) -> None:
    assert rules.parse_duration(rules.format_duration(minutes), unit=unit) == minutes


def entry_form(**fields: str) -> dict[str, str]:
    return {"platform": "Uber", "date": "2026-11-20", "pay_expected": "0", "currency": "USD", "status": "paid"} | fields


@pytest.mark.parametrize(
    ("duration", "unit", "minutes"),
    [
        ("1:30", "hours", 90),
        ("2h", "hours", 120),
        ("90m", "hours", 90),
        ("1h30", "minutes", 90),
        ("1.5", "hours", 90),
        ("45", "minutes", 45),
    ],
)
def test_the_entry_form_takes_written_durations(
    alice_client: Client, alice, duration: str, unit: str, minutes: int
) -> None:
    response = alice_client.post("/worklog/entries/add/", entry_form(duration=duration, duration_unit=unit))
    assert response.status_code == 302
    assert Entry.objects.get(user=alice).minutes == minutes


def test_the_entry_form_explains_a_duration_it_cannot_read(alice_client: Client) -> None:
    html = alice_client.post("/worklog/entries/add/", entry_form(duration="1,5x")).content.decode()
    assert "“1,5x” is not a duration: write 1:30, 1.5h or 90m" in html
    assert not Entry.objects.exists()


def test_the_time_field_is_text_without_a_browser_step(alice_client: Client, alice) -> None:
    html = alice_client.get("/worklog/entries/add/").content.decode()
    assert '<input type="text" name="duration" placeholder="1:30" autocomplete="off"' in html
    field = html[html.index('name="duration"') - 30 : html.index('name="duration"') + 200]
    assert "step=" not in field and 'type="number"' not in field
    assert "Write 2h, 1:30, 90m or 1h30." in html


def test_editing_shows_the_time_as_written_and_keeps_it(alice_client: Client, alice) -> None:
    alice_client.post("/worklog/entries/add/", entry_form(duration="1h30"))
    entry = Entry.objects.get(user=alice)
    assert 'value="1h 30m"' in alice_client.get(f"/worklog/entries/{entry.pk}/").content.decode()
    form = entry_form(duration="1h 30m", version="1", notes="changed")
    assert alice_client.post(f"/worklog/entries/{entry.pk}/", form).status_code == 302
    entry.refresh_from_db()
    assert (entry.minutes, entry.notes) == (90, "changed")


def test_the_api_takes_a_written_duration(alice) -> None:
    _, raw = api_token_create(user=alice, name="t")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")

    def post(**fields: object) -> object:
        body = {"platform": "Uber", "date": "2026-11-20", "status": "paid"} | fields
        return api.post("/api/v1/worklog/entries", body, content_type="application/json")

    assert post(duration="1:30").json()["minutes"] == 90  # type: ignore[attr-defined]
    assert post(duration="1.5").json()["minutes"] == 90  # type: ignore[attr-defined]
    assert post(duration="45", duration_unit="minutes").json()["minutes"] == 45  # type: ignore[attr-defined]
    assert post(duration="2h", minutes=120).status_code == 201  # type: ignore[attr-defined]
    for bad in ({"duration": "1,5x"}, {"duration": "2h", "minutes": 90}):
        response = post(**bad)
        assert response.status_code == 422  # type: ignore[attr-defined]
        assert response.json()["detail"][0]["field"] == "payload.duration"  # type: ignore[attr-defined]
    entry_id = post(minutes=30).json()["id"]  # type: ignore[attr-defined]
    patched = api.patch(f"/api/v1/worklog/entries/{entry_id}", {"duration": "2h"}, content_type="application/json")
    assert patched.json()["minutes"] == 120


def imported_minutes(text: str) -> list[int | str]:
    header = text.splitlines()[0].split(",")
    columns = {name: index for index, name in enumerate(header)}
    return [
        row.values["minutes"] if isinstance(row, ParsedRow) else row.reason
        for row in parse_rows(text, mapping={"columns": columns, "date_format": "iso", "default_platform": "Uber"})
    ]


def test_an_hours_column_reads_bare_numbers_as_hours_and_written_units_as_written() -> None:
    text = "date,hours\n" + "".join(
        f"2026-11-02,{value}\n" for value in ["2", "1.5", "1:30", "90m", "1h30", "2h", "0.25"]
    )
    assert imported_minutes(text) == [120, 90, 90, 90, 90, 120, 15]


def test_a_minutes_column_reads_bare_numbers_as_minutes() -> None:
    text = "date,minutes\n2026-11-02,90\n2026-11-02,1h30\n2026-11-02,1:30\n2026-11-02,1.5\n"
    assert imported_minutes(text) == [
        90,
        90,
        90,
        "Time worked: “1.5” is not a whole number of minutes (for hours, write 1.5h)",
    ]


def test_an_imported_duration_it_cannot_read_is_a_row_error_with_its_line(alice_client: Client, alice) -> None:
    text = 'Date,App,Hours\n2026-11-02,Uber,2\n2026-11-03,Uber,"1,5x"\n2026-11-04,Uber,30\n'
    alice_client.post("/worklog/import/", {"file": SimpleUploadedFile("h.csv", text.encode())})
    batch = ImportBatch.objects.get(user=alice)
    html = alice_client.get(f"/worklog/import/{batch.pk}/preview/").content.decode()
    row = '<td data-label="Line" class="num">{}</td><td data-label="Reason">Time worked: {}</td>'
    assert row.format(3, f"“1,5x” is not a duration: {HINT}") in html
    assert (
        row.format(4, "“30” is more than a day (24 hours); log each day separately; if you meant minutes, write 30m")
        in html
    )
    assert "<strong>1</strong> new entry will be added" in html
