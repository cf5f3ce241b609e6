"""A property (issue 22): whatever a worker's spreadsheet holds, importing it, exporting the log and restoring
the export elsewhere gives the very same summary — rate, unpaid share, tips, owed money, by platform and month.

Two ways out and back: the JSON export restored into an empty account, and the two CSV exports (entries,
then payments as a payout file) imported into an empty account.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careermap.accounts.tests.factories import UserFactory
from careermap.lib.csvio import csv_text
from careermap.worklog import rules
from careermap.worklog.exports import entry_csv, export_dict, payment_csv
from careermap.worklog.selectors import Figures, Summary, worklog_summary
from careermap.worklog.services import (
    import_batch_create,
    import_batch_use_note_statuses,
    worklog_csv_import,
    worklog_json_restore,
)

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 12, 1)
money = st.decimals(min_value=0, max_value=Decimal("500"), places=2, allow_nan=False, allow_infinity=False)


def written_time(minutes: int, style: int) -> str:
    """The same time as people write it in an Hours column."""
    if style == 0 and minutes % 15 == 0:
        return str(Decimal(minutes) / 60)  # 1.5, 0.25, 2
    if style == 1:
        return f"{minutes // 60}:{minutes % 60:02d}"
    if style == 2:
        return f"{minutes}m"
    return rules.format_duration(minutes)


@st.composite
def spreadsheets(draw: st.DrawFn) -> str:
    rows = []
    for _ in range(draw(st.integers(min_value=1, max_value=10))):
        minutes = draw(st.integers(min_value=0, max_value=720))
        rows.append(
            [
                draw(st.dates(min_value=dt.date(2026, 9, 1), max_value=dt.date(2026, 11, 30))).isoformat(),
                draw(st.sampled_from(["Uber", "DoorDash", "Outlier", "doordash"])),
                written_time(minutes, draw(st.integers(0, 3))),
                draw(st.sampled_from(["0", ""]) | money.map(str)),
                draw(st.sampled_from([""]) | money.map(str)),
                draw(st.sampled_from([""]) | st.decimals(0, 400, places=1).map(str)),
                draw(st.sampled_from(["", "", "paid", "pending", "disputed", "rejected", "unpaid", "In review"])),
                draw(st.sampled_from(["", "(unpaid)", "rejected", "qualification test (unpaid)", "busy night"])),
            ]
        )
    return csv_text(["Date", "App", "Hours", "Earnings", "Tips", "Miles", "Status", "Notes"], rows)


def figures(f: Figures) -> tuple[Any, ...]:
    return (
        f.label,
        f.month,
        f.minutes,
        f.unpaid_minutes,
        f.owed_minutes,
        f.expected,
        f.received,
        f.tips,
        f.entries,
        f.hourly,
        f.unpaid_share,
    )


def seen(summary: Summary) -> dict[str, Any]:
    return {
        "overall": figures(summary.overall),
        "platforms": [figures(p) for p in summary.platforms],
        "months": [figures(m) for m in summary.months],
        "owed": [(o.platform, o.status, o.entries, o.outstanding, o.oldest) for o in summary.owed],
        "owed_total": summary.owed_total,
        "paid_in": summary.paid_in,
        "missing": summary.missing,
    }


counter = itertools.count()
PROPERTY = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def imported(text: str, *, take_suggestions: bool) -> Any:
    worker = UserFactory(username=f"sheet{next(counter)}@example.com")
    batch = import_batch_create(user=worker, filename="sheet.csv", data=text.encode())
    assert batch.mapping["pay_kind"] == "received"
    import_batch_use_note_statuses(user=worker, batch_id=batch.pk, use=take_suggestions)
    batch = worklog_csv_import(user=worker, batch_id=batch.pk)
    assert batch.rows_error == 0, batch.errors
    return worker


@PROPERTY
@given(spreadsheets(), st.booleans())
def test_import_then_json_export_then_restore_keeps_every_figure(text: str, take_suggestions: bool) -> None:
    worker = imported(text, take_suggestions=take_suggestions)
    before = worklog_summary(user=worker, today=TODAY)
    elsewhere = UserFactory(username=f"restored{next(counter)}@example.com")
    worklog_json_restore(user=elsewhere, document=json.loads(json.dumps(export_dict(user=worker))))
    after = worklog_summary(user=elsewhere, today=TODAY)
    assert seen(after) == seen(before)
    assert after.unmatched == before.unmatched


@PROPERTY
@given(spreadsheets(), st.booleans())
def test_import_then_csv_exports_then_import_keeps_every_figure(text: str, take_suggestions: bool) -> None:
    worker = imported(text, take_suggestions=take_suggestions)
    before = worklog_summary(user=worker, today=TODAY)
    elsewhere = UserFactory(username=f"csv{next(counter)}@example.com")
    entries = import_batch_create(user=elsewhere, filename="e.csv", data="".join(entry_csv(user=worker)).encode())
    assert worklog_csv_import(user=elsewhere, batch_id=entries.pk).rows_error == 0
    payouts = "".join(payment_csv(user=worker)).encode()
    if before.paid_in:
        batch = import_batch_create(user=elsewhere, filename="p.csv", data=payouts, kind="payments")
        worklog_csv_import(user=elsewhere, batch_id=batch.pk)
    after = worklog_summary(user=elsewhere, today=TODAY)
    # The payments come back unmatched, on the day of the work they paid for, so every figure overall and by
    # platform is the same; only the total "not matched to entries" differs (all of it, against none). By
    # month, money not matched to work is not that month's pay: it moves to the month's "not matched" column
    # (the month it arrived, which is the month of the work here).
    assert seen(after) | {"months": []} == seen(before) | {"months": []}
    assert after.unmatched == before.paid_in
    assert [month_money(m) for m in after.months] == [month_money(m) for m in before.months]
    assert [(m.for_work, m.not_matched) for m in after.months] == [(Decimal("0.00"), m.for_work) for m in before.months]


def month_money(f: Figures) -> tuple[Any, ...]:
    """A month's figures with its payments however they are attributed (matched, or not matched to work)."""
    return (f.label, f.minutes, f.unpaid_minutes, f.expected, f.tips, f.entries, f.for_work + f.not_matched)
