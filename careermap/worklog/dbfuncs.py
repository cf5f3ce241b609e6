"""Date parts the work log groups by, computed natively by the database (SQLite and PostgreSQL).

Django's TruncMonth and Extract are Python functions called once per row on SQLite: with 100,000 entries
TruncMonth alone took ~230 ms. These compile to SQL the database evaluates itself, and `MonthStart` is
part of the summary index on `Entry` (models.py), so the summary's GROUP BY reads the index in order and
sorts nothing. An expression index is used only when a query writes the same expression, so every query
that groups entries by month uses `MonthStart("date")`. Both templates are immutable expressions, as
PostgreSQL requires of an index.
"""

from __future__ import annotations

from typing import Any

from django.db.models import DateField, Func, IntegerField


class MonthStart(Func):
    """The first day of a date's month: substr() on SQLite's ISO date text, date_trunc() on a plain
    timestamp in PostgreSQL (no time-zone conversion)."""

    output_field = DateField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 7) || '-01'", **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "date_trunc('month', %(expressions)s::timestamp)::date"
        return self.as_sql(compiler, connection, template=template, **extra)


class WeekStart(Func):
    """The Monday of a date's week (ISO weeks)."""

    output_field = DateField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        # 'weekday 0' moves to the next Sunday (or stays on one); six days back is that week's Monday.
        return self.as_sql(compiler, connection, template="date(%(expressions)s, 'weekday 0', '-6 days')", **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "date_trunc('week', %(expressions)s::timestamp)::date"
        return self.as_sql(compiler, connection, template=template, **extra)


class IsoWeekday(Func):
    """1 (Monday) to 7 (Sunday)."""

    output_field = IntegerField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "((CAST(strftime('%%w', %(expressions)s) AS INTEGER) + 6) %% 7) + 1"
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, template="CAST(extract(isodow from %(expressions)s) AS integer)", **extra
        )


class StartHour(Func):
    """The hour (0–23) of a start time; NULL when there is none."""

    output_field = IntegerField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(compiler, connection, template="CAST(substr(%(expressions)s, 1, 2) AS INTEGER)", **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, template="CAST(extract(hour from %(expressions)s) AS integer)", **extra
        )
