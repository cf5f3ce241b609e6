"""Pooled-pay benchmark: `pooled_compute` over many sharing contributors and millions of entries.

Builds a throwaway database (SQLite by default; `--postgres` uses a scratch database on the local
PostgreSQL, dropped afterwards), fills it with synthetic workers (never real people): `--people` workers,
each logging one or two of six platforms and sharing them (one in ten shares nothing, so their entries must
be skipped), `--entries` entries in all over two years, monthly payouts matched to about half the paid work.
Then times `pooled_compute` twice (the first run publishes; the second compares against it, as the
schedule does) and reports the process's peak memory (ru_maxrss) and the Python allocations' peak during
the computation (tracemalloc, `--tracemalloc`: slower, so off by default). Goal: <= 60 s on PostgreSQL for
10,000 people and 2,000,000 entries.

    .venv/bin/python bench/pooled_bench.py [--people 10000] [--entries 2000000] [--postgres] [--tracemalloc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLATFORMS = ["DoorDash", "Uber", "Instacart", "Outlier", "Prolific", "Rover"]
TASKS = ["", "Deliveries", "Rubrics", "Surveys"]
STATUSES = ["paid"] * 6 + ["pending", "disputed", "unpaid_training", "unpaid_assessment", "rejected"]
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "careermap_pooled_bench"
START = dt.date(2025, 1, 1)
DAYS = 730


def setup_django(database_url: str) -> None:
    os.environ.update(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": "careermap.settings",
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-" + "k" * 50,
            "ALLOWED_HOSTS": "testserver,127.0.0.1",
            "LOG_LEVEL": "WARNING",
            "STATIC_MANIFEST": "0",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill_people(people: int, rng: random.Random) -> list[tuple[int, list[str]]]:
    """Workers and their sharing choices (bulk, no password hashing): [(user id, platforms)]."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from careermap.pooled.models import SharingConsent

    User = get_user_model()
    now = timezone.now()
    User.objects.bulk_create(
        [User(username=f"worker{n}@example.com", email=f"worker{n}@example.com", password="!") for n in range(people)],
        batch_size=5000,
    )
    ids = list(User.objects.order_by("pk").values_list("pk", flat=True))
    workers = [(pk, rng.sample(PLATFORMS, rng.choice((1, 1, 2)))) for pk in ids]
    consents = [
        SharingConsent(user_id=pk, platform=p.lower(), platform_label=p, opted_in_at=now)
        for n, (pk, platforms) in enumerate(workers)
        if n % 10
        for p in platforms
    ]
    SharingConsent.objects.bulk_create(consents, batch_size=5000)
    return workers


def fill_entries_postgres(workers: list[tuple[int, list[str]]], entries: int) -> None:
    """Entries, payouts and matches generated inside PostgreSQL (generate_series): minutes, not hours."""
    from django.db import connection

    per_person = entries // len(workers)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE bench_worker (user_id bigint, platform text, n int)")
        rows = [(pk, platform) for pk, platforms in workers for platform in platforms]
        counts: dict[int, int] = {pk: len(platforms) for pk, platforms in workers}
        values = [(pk, platform, per_person // counts[pk]) for pk, platform in rows]
        with cursor.cursor.copy("COPY bench_worker (user_id, platform, n) FROM STDIN") as copy:
            for row in values:
                copy.write_row(row)
        statuses = "ARRAY[" + ",".join(f"'{s}'" for s in STATUSES) + "]"
        tasks = "ARRAY[" + ",".join(f"'{t}'" for t in TASKS) + "]"
        cursor.execute(
            f"""
            INSERT INTO worklog_entry (user_id, platform, task_type, date, minutes, pay_expected, tips, currency,
                status, notes, import_key, version, created_at, updated_at)
            SELECT w.user_id, w.platform, ({tasks})[1 + (g + w.user_id) % {len(TASKS)}],
                DATE '{START.isoformat()}' + ((g * 7919 + w.user_id * 31) % {DAYS})::int,
                m, round(m * (10 + (w.user_id % 25)) / 60.0, 2), (g % 4)::numeric,
                'USD', ({statuses})[1 + (g * 13 + w.user_id) % {len(STATUSES)}], '', '', 1, now(), now()
            FROM bench_worker w, generate_series(1, w.n) AS g,
                LATERAL (SELECT 10 + ((g * 37 + w.user_id) % 470) AS m) AS minutes
            """
        )
        cursor.execute(
            """
            INSERT INTO worklog_payment (user_id, date, platform, amount, currency, reference, import_key, version,
                created_at, updated_at)
            SELECT user_id, (date_trunc('month', date) + interval '27 days')::date, platform,
                sum(pay_expected) + 1, 'USD', '', '', 1, now(), now()
            FROM worklog_entry GROUP BY user_id, platform, date_trunc('month', date)
            """
        )
        cursor.execute(
            """
            INSERT INTO worklog_paymentmatch (payment_id, entry_id, amount)
            SELECT p.id, e.id, e.pay_expected FROM worklog_entry e
            JOIN worklog_payment p ON p.user_id = e.user_id AND p.platform = e.platform
                AND p.date = (date_trunc('month', e.date) + interval '27 days')::date
            WHERE e.status = 'paid' AND e.pay_expected > 0 AND e.id % 2 = 0
            """
        )
        cursor.execute("ANALYZE")


def fill_entries_python(workers: list[tuple[int, list[str]]], entries: int, rng: random.Random) -> None:
    """The same shape through the ORM (SQLite; slower, so for smaller runs)."""
    from careermap.worklog.models import Entry, Payment, PaymentMatch

    per_person = entries // len(workers)
    batch: list[Entry] = []
    for pk, platforms in workers:
        for i in range(per_person):
            minutes = rng.randint(10, 480)
            batch.append(
                Entry(
                    user_id=pk,
                    platform=platforms[i % len(platforms)],
                    task_type=rng.choice(TASKS),
                    date=START + dt.timedelta(days=rng.randrange(DAYS)),
                    minutes=minutes,
                    pay_expected=(Decimal(minutes * (10 + pk % 25)) / 60).quantize(Decimal("0.01")),
                    tips=Decimal(rng.randint(0, 3)),
                    status=rng.choice(STATUSES),
                )
            )
            if len(batch) >= 20000:
                Entry.objects.bulk_create(batch)
                batch = []
    Entry.objects.bulk_create(batch)
    payments: dict[tuple[int, str, dt.date], Payment] = {}
    matches: list[tuple[tuple[int, str, dt.date], int, Decimal]] = []
    for entry_id, user_id, platform, day, status, pay in Entry.objects.values_list(
        "pk", "user_id", "platform", "date", "status", "pay_expected"
    ).iterator(chunk_size=20000):
        key = (user_id, platform, day.replace(day=28))
        if key not in payments:
            payments[key] = Payment(user_id=user_id, platform=platform, date=key[2], amount=Decimal("0.01"))
        payments[key].amount += pay
        if status == "paid" and pay > 0 and entry_id % 2 == 0:
            matches.append((key, entry_id, pay))
    Payment.objects.bulk_create(payments.values(), batch_size=5000)
    PaymentMatch.objects.bulk_create(
        [PaymentMatch(payment_id=payments[key].pk, entry_id=entry_id, amount=pay) for key, entry_id, pay in matches],
        batch_size=5000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=2_000_000)
    parser.add_argument("--postgres", action="store_true", help=f"use {PG_BENCH_DB} on the local PostgreSQL")
    parser.add_argument("--tracemalloc", action="store_true", help="also measure Python allocations (slower)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="careermap-pooled-bench-"))
    if args.postgres:
        import psycopg

        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB}")
            admin.execute(f"CREATE DATABASE {PG_BENCH_DB}")
        database_url = PG_ADMIN.rsplit("/", 1)[0] + f"/{PG_BENCH_DB}"
    else:
        database_url = f"sqlite:///{workdir / 'bench.sqlite3'}"
    try:
        setup_django(database_url)
        from django.db import connection

        from careermap.pooled.services import pooled_compute
        from careermap.worklog.models import Entry, PaymentMatch

        rng = random.Random(2026)
        started = time.perf_counter()
        workers = fill_people(args.people, rng)
        if connection.vendor == "postgresql":
            fill_entries_postgres(workers, args.entries)
        else:
            fill_entries_python(workers, args.entries, rng)
        fill_s = time.perf_counter() - started
        total_entries, total_matches = Entry.objects.count(), PaymentMatch.objects.count()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if args.tracemalloc:
            tracemalloc.start()
        runs = []
        for _ in range(2):
            started = time.perf_counter()
            result = pooled_compute()
            runs.append((time.perf_counter() - started, result))
        traced_peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else None
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)
        if args.postgres:
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB}")

    vendor = "PostgreSQL" if args.postgres else "SQLite"
    print(
        f"database: {vendor}; {args.people:,} people, {total_entries:,} entries, {total_matches:,} payment matches "
        f"(filled in {fill_s:.0f} s)"
    )
    for n, (seconds, result) in enumerate(runs, 1):
        print(
            f"pooled_compute run {n}: {seconds:.1f} s — {result.run.contributors:,} people sharing, "
            f"{result.run.entries:,} shared entries; {result.published} published, {result.held} held, "
            f"{result.withheld} withheld, {result.too_few} too few — goal <= 60 s: {'met' if seconds <= 60 else 'NOT met'}"
        )
    print(
        f"memory: peak RSS {rss_after / 1024:.0f} MiB after the computations ({rss_before / 1024:.0f} MiB before)"
        + (f"; Python allocations' peak during them {traced_peak / 2**20:.0f} MiB" if traced_peak is not None else "")
    )


if __name__ == "__main__":
    main()
