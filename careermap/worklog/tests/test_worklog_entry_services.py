from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from careermap.worklog.models import Entry, Status
from careermap.worklog.services import (
    ConflictError,
    entry_bulk_set_status,
    entry_create,
    entry_delete,
    entry_update,
)
from careermap.worklog.tests.factories import EntryFactory

pytestmark = pytest.mark.django_db

DAY = dt.date(2026, 11, 20)


def test_an_entry_from_start_and_end_stores_the_minutes(alice) -> None:
    entry = entry_create(
        user=alice,
        platform=" outlier ",
        date=DAY,
        start_time=dt.time(21, 30),
        end_time=dt.time(0, 15),
        pay_expected=Decimal("27.5"),
        status=Status.PENDING,
        notes=" batch 7\r\n ",
    )
    entry.refresh_from_db()
    assert (entry.platform, entry.minutes, entry.pay_expected, entry.notes) == (
        "Outlier",
        165,
        Decimal("27.50"),
        "batch 7",
    )
    assert entry.hours == Decimal("2.75")


def test_it_refuses_an_entry_without_hours(alice) -> None:
    with pytest.raises(ValidationError) as caught:
        entry_create(user=alice, platform="Outlier", date=DAY, status=Status.PAID)
    assert "minutes" in caught.value.message_dict
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("status", "maybe"), ("currency", "dollars"), ("pay_expected", Decimal("-1")), ("platform", "  ")],
)
def test_it_refuses_bad_values(alice, field: str, value: object) -> None:
    fields = {"platform": "Outlier", "date": DAY, "minutes": 30, "status": Status.PAID} | {field: value}
    with pytest.raises(ValidationError) as caught:
        entry_create(user=alice, **fields)  # type: ignore[arg-type]
    assert field in caught.value.message_dict


def test_an_edit_changes_only_what_it_names_and_bumps_the_version(alice) -> None:
    entry = EntryFactory(user=alice, notes="first", status=Status.PENDING)
    entry_update(user=alice, entry_id=entry.pk, changes={"status": Status.DISPUTED})
    entry.refresh_from_db()
    assert (entry.status, entry.notes, entry.version) == (Status.DISPUTED, "first", 2)


def test_an_edit_from_a_stale_copy_is_refused(alice) -> None:
    entry = EntryFactory(user=alice, notes="first")
    entry_update(user=alice, entry_id=entry.pk, changes={"notes": "phone"}, expected_version=1)
    with pytest.raises(ConflictError):
        entry_update(user=alice, entry_id=entry.pk, changes={"notes": "laptop"}, expected_version=1)
    entry.refresh_from_db()
    assert entry.notes == "phone"


def test_setting_times_recomputes_minutes_and_setting_minutes_clears_times(alice) -> None:
    entry = EntryFactory(user=alice, minutes=60)
    entry = entry_update(
        user=alice, entry_id=entry.pk, changes={"start_time": dt.time(8, 0), "end_time": dt.time(8, 40)}
    )
    assert entry.minutes == 40
    entry = entry_update(user=alice, entry_id=entry.pk, changes={"minutes": 50})
    assert (entry.minutes, entry.start_time, entry.end_time) == (50, None, None)


def test_nobody_edits_or_deletes_another_workers_entry(alice, bob) -> None:
    entry = EntryFactory(user=alice)
    with pytest.raises(Entry.DoesNotExist):
        entry_update(user=bob, entry_id=entry.pk, changes={"notes": "mine now"})
    with pytest.raises(Entry.DoesNotExist):
        entry_delete(user=bob, entry_id=entry.pk)
    assert entry_bulk_set_status(user=bob, entry_ids=[entry.pk], status=Status.PAID) == 0
    entry.refresh_from_db()
    assert (entry.notes, entry.status) == ("", Status.PENDING)


def test_bulk_status_changes_only_the_chosen_entries(alice) -> None:
    chosen = EntryFactory.create_batch(3, user=alice, status=Status.PENDING)
    other = EntryFactory(user=alice, status=Status.PENDING)
    assert entry_bulk_set_status(user=alice, entry_ids=[e.pk for e in chosen], status=Status.DISPUTED) == 3
    assert set(Entry.objects.filter(status=Status.DISPUTED).values_list("pk", flat=True)) == {e.pk for e in chosen}
    other.refresh_from_db()
    assert other.status == Status.PENDING
    with pytest.raises(ValidationError):
        entry_bulk_set_status(user=alice, entry_ids=[other.pk], status="gone")


def test_delete_removes_the_entry(alice) -> None:
    entry = EntryFactory(user=alice)
    entry_delete(user=alice, entry_id=entry.pk)
    assert not Entry.objects.filter(pk=entry.pk).exists()
