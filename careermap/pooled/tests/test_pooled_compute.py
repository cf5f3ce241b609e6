"""The pooled computation against synthetic contributors: thresholds, consent, withdrawal, deletion,
differencing, and all-or-nothing writes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from unittest import mock

import pytest

from careermap.pooled import rules
from careermap.pooled.models import PooledCell, PooledRun
from careermap.pooled.services import consent_opt_out, pooled_compute
from careermap.pooled.tests.helpers import contributor, crowd

pytestmark = pytest.mark.django_db

QUARTER = dt.date(2026, 7, 1)


def platform_cell(platform: str = "doordash") -> PooledCell | None:
    run = PooledRun.objects.get()
    return run.cells.filter(platform=platform, task_type="", quarter=QUARTER).first()


def the_cell(platform: str = "doordash") -> PooledCell:
    cell = platform_cell(platform)
    assert cell is not None
    return cell


def shown(platform: str = "doordash") -> tuple[Any, ...] | None:
    """Everything a reader can see of the platform's quarter (None: nothing)."""
    cell = platform_cell(platform)
    if cell is None or not cell.is_shown:
        return None
    return (
        cell.people,
        cell.hours,
        cell.hourly_median,
        cell.hourly_p25,
        cell.hourly_p75,
        cell.unpaid_share,
        cell.disputed_share,
    )


def figures(platform: str = "doordash") -> tuple[Any, ...]:
    """What a reader sees, when something is shown."""
    seen = shown(platform)
    assert seen is not None
    return seen


def test_nine_people_publish_nothing() -> None:
    crowd(9)
    result = pooled_compute()
    assert result.published == 0
    assert shown() is None


def test_ten_people_publish_the_median_and_middle_half_with_unpaid_time_counted() -> None:
    crowd(10)  # received 150…240 for 10 hours each, one of them unpaid: 15…24 dollars an hour
    pooled_compute()
    cell = the_cell()
    assert cell.status == rules.PUBLISHED
    assert cell.people == 10
    assert cell.hours == 100
    assert cell.hourly_median == Decimal("19.50")  # (19 + 20) / 2
    assert cell.hourly_p25 == Decimal("17.00")  # 17.25, rounded to 50 cents half to even
    assert cell.hourly_p75 == Decimal("22.00")  # 21.75, rounded likewise
    assert cell.unpaid_share == 10
    assert cell.disputed_share == 0


def test_one_person_over_a_quarter_of_the_hours_hides_the_figure() -> None:
    crowd(10, minutes=600)
    contributor(minutes=3000, unpaid=0)  # 3000 of 9000 minutes: a third
    pooled_compute()
    assert shown() is None


def test_one_person_at_exactly_a_quarter_of_the_hours_is_allowed() -> None:
    crowd(10, minutes=600)  # 6000 minutes
    contributor(minutes=2000, unpaid=0)  # 2000 of 8000: exactly 25%
    pooled_compute()
    assert shown() is not None


def test_a_person_who_did_not_opt_in_never_counts() -> None:
    crowd(9)
    contributor(share=False, received="900.00")
    pooled_compute()
    assert shown() is None  # nine sharing people: the tenth logs DoorDash but did not share it


def test_sharing_one_platform_does_not_share_another() -> None:
    users = crowd(10)
    for user in users:
        contributor(user=user, platform="Uber", share=False)
    pooled_compute()
    assert shown("doordash") is not None
    assert platform_cell("uber") is None


def test_withdrawal_removes_the_person_at_the_next_computation() -> None:
    users = crowd(14)
    pooled_compute()
    assert figures()[0] == 14
    for user in users[:5]:
        consent_opt_out(user=user)
    pooled_compute()
    assert shown() is None  # nine left: below the threshold


def test_account_deletion_removes_the_person_at_the_next_computation() -> None:
    users = crowd(16)
    pooled_compute()
    assert figures()[0] == 16
    for user in users[:5]:
        user.delete()
    pooled_compute()
    assert figures()[0] == 11


def test_one_person_leaving_withholds_the_figure_rather_than_show_it_without_them() -> None:
    users = crowd(12)
    pooled_compute()
    consent_opt_out(user=users[0])
    pooled_compute()
    cell = the_cell()
    assert cell.status == rules.WITHHELD
    assert shown() is None


def test_one_person_joining_changes_nothing_that_is_published() -> None:
    crowd(12)
    pooled_compute()
    before = shown()
    contributor(received="900.00")  # an outlier who would move the figures
    pooled_compute()
    assert shown() == before
    assert the_cell().status == rules.HELD


def test_enough_changes_publish_new_figures() -> None:
    crowd(12)
    pooled_compute()
    before = shown()
    crowd(rules.K_CHANGED, start=400)
    pooled_compute()
    assert the_cell().status == rules.PUBLISHED
    assert shown() != before
    assert figures()[0] == 12 + rules.K_CHANGED


def test_a_failed_computation_keeps_the_published_figures() -> None:
    crowd(10)
    pooled_compute()
    before = shown()
    crowd(rules.K_CHANGED)
    failing = mock.patch(
        "careermap.pooled.models.PooledCell.objects.bulk_create", side_effect=RuntimeError("disk full")
    )
    with failing, pytest.raises(RuntimeError):
        pooled_compute()
    assert shown() == before
    assert PooledRun.objects.count() == 1


def task_cells() -> set[tuple[str, str]]:
    return set(PooledRun.objects.get().cells.exclude(task_type="").values_list("task_type", "status"))


def test_task_types_are_published_only_with_enough_people() -> None:
    crowd(10, task_type="Deliveries")
    crowd(rules.K_CHANGED, task_type="Catering orders")
    pooled_compute()
    assert task_cells() == {("deliveries", rules.PUBLISHED)}  # the smaller task type is not even named


def test_a_task_type_is_not_published_when_its_platform_differs_by_a_few_people() -> None:
    """13 on the platform, 10 of them on one task type: the two tables would differ by 3 people's work."""
    crowd(10, task_type="Deliveries")
    crowd(3, task_type="Catering orders")
    pooled_compute()
    assert shown() is not None
    assert task_cells() == set()


def test_other_currencies_do_not_count() -> None:
    users = crowd(10)
    from careermap.worklog.models import Entry

    Entry.objects.filter(user=users[0]).update(currency="EUR")
    pooled_compute()
    assert shown() is None


def test_cents_are_counted_exactly() -> None:
    """Tips and payments with odd cents (0.29 × 100 is 28.999… in floating point) add up to the cent."""
    from careermap.worklog.models import Entry

    users = [contributor(minutes=60, unpaid=0, received="0.29") for _ in range(10)]
    Entry.objects.filter(user__in=users).update(tips=Decimal("0.57"))
    pooled_compute()
    assert the_cell().hourly_median == Decimal("1.00")  # 0.86 an hour, to the nearest 50 cents
    from careermap.pooled.services import _contributions

    work, *_ = _contributions()
    assert {w.cents for w in work[("doordash", "", QUARTER)].values()} == {86}


def test_payments_matched_to_no_work_count_for_the_platform_not_for_task_types() -> None:
    """The work log's date-range rule: the platform's payments that arrived in the quarter and are matched
    to no work count in its rate; payments carry no task type, so a task type's rate leaves them out."""
    from careermap.worklog.models import Payment

    for user in crowd(10):
        Payment.objects.create(user=user, platform="DoorDash", date=dt.date(2026, 9, 1), amount=Decimal("50.00"))
    pooled_compute()
    assert the_cell().hourly_median == Decimal("24.50")  # 19.50 + 50 dollars over 10 hours
    task = PooledRun.objects.get().cells.get(task_type="deliveries")
    assert task.hourly_median == Decimal("19.50")


@pytest.mark.parametrize(
    ("day", "quarter"),
    [
        (dt.date(2026, 1, 1), dt.date(2026, 1, 1)),
        (dt.date(2026, 3, 31), dt.date(2026, 1, 1)),
        (dt.date(2026, 4, 1), dt.date(2026, 4, 1)),
        (dt.date(2026, 9, 30), dt.date(2026, 7, 1)),
        (dt.date(2026, 12, 31), dt.date(2026, 10, 1)),
    ],
)
def test_quarters_start_on_the_right_day(day: dt.date, quarter: dt.date, settings: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    crowd(10, day=day)
    with CaptureQueriesContext(connection):  # with SQL logging on, as under DEBUG
        pooled_compute()
    assert PooledRun.objects.get().cells.filter(task_type="").get().quarter == quarter
