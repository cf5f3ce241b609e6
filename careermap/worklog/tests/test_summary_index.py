"""The summary groups 100,000 entries by month fast because its first query reads the summary index in
order (models.py, `worklog_entry_summary`, whose month is `dbfuncs.MonthStart`): SQLite then sorts nothing.
If the query and the index ever stop matching (another month expression, a column missing from the
index), the page is about twice as slow with the same figures, so only the plan shows it."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from careermap.worklog.summary import worklog_summary
from careermap.worklog.tests.factories import EntryFactory

pytestmark = pytest.mark.django_db


def _plans(user: Any) -> list[tuple[str, str]]:
    queries: list[tuple[str, Any]] = []

    def capture(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        worklog_summary(user=user)
    plans = []
    with connection.cursor() as cursor:
        for sql, params in queries:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            plans.append((sql, " | ".join(str(row[-1]) for row in cursor.fetchall())))
    return plans


def test_the_summary_groups_entries_by_month_from_the_index_without_sorting(alice) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("the plan is SQLite's; PostgreSQL chooses its own (hash aggregation)")
    EntryFactory(user=alice)
    by_month = [(sql, plan) for sql, plan in _plans(alice) if "GROUP BY" in sql and '"worklog_entry"."currency"' in sql]
    assert by_month, "the summary's pass over the entries by currency, platform and month"
    sql, plan = by_month[0]
    assert "COVERING INDEX worklog_entry_summary" in plan, plan
    assert "TEMP B-TREE" not in plan, plan
