"""Work-log benchmark: the summary page for a worker with 100,000 entries, and a 100,000-row CSV import.

Builds a throwaway database (SQLite by default; `--postgres` uses a scratch database on the local
PostgreSQL), fills one worker's log, then times

  * GET /worklog/summary/ through Django's full request stack (middleware, session, template):
    warm-up requests, then the median and worst of `--repeat` requests. Goal: <= 300 ms.
  * a 100,000-row CSV (a spreadsheet with its own column names, hours as decimals, US dates):
    upload (decode, count rows), preview (parse every row, find duplicates) and confirm (bulk insert)
    for a new worker; then the same file again (every row a duplicate). Goal: <= 20 s.

    .venv/bin/python bench/worklog_bench.py [--entries 100000] [--rows 100000] [--repeat 15] [--postgres]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PLATFORMS = ["Outlier", "Remotasks", "DataAnnotation", "Prolific", "Uber", "DoorDash", "Mechanical Turk", "Rev"]
STATUSES = ["paid"] * 6 + [
    "pending",
    "disputed",
    "unpaid_assessment",
    "unpaid_training",
    "unpaid_onboarding",
    "rejected",
]
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "careermap_worklog_bench"


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


def fill_log(user: object, entries: int, rng: random.Random) -> None:
    """`entries` entries over three years, weekly payouts per platform matched to about half the paid work."""
    from careermap.worklog.models import Entry, Payment, PaymentMatch

    start = dt.date(2023, 12, 1)
    batch: list[Entry] = []
    for n in range(entries):
        minutes = rng.randint(10, 480)
        batch.append(
            Entry(
                user=user,
                platform=rng.choice(PLATFORMS),
                task_type=rng.choice(["Rubrics", "Lidar", "Chat rating", "Deliveries", "Survey"]),
                date=start + dt.timedelta(days=rng.randrange(3 * 365)),
                minutes=minutes,
                pay_expected=Decimal(minutes * rng.randint(10, 40)) / 60,
                currency="USD",
                status=rng.choice(STATUSES),
                notes="" if n % 5 else "batch notes",
            )
        )
        if len(batch) == 5000:
            Entry.objects.bulk_create(batch)
            batch = []
    Entry.objects.bulk_create(batch)
    for entry in batch:
        entry.pay_expected = entry.pay_expected.quantize(Decimal("0.01"))

    payments: list[Payment] = []
    for week in range(3 * 52):
        for platform in PLATFORMS:
            payments.append(
                Payment(
                    user=user,
                    date=start + dt.timedelta(weeks=week, days=6),
                    platform=platform,
                    amount=Decimal("500.00"),
                    reference=f"W{week}",
                )
            )
    Payment.objects.bulk_create(payments)
    payment_ids = list(Payment.objects.filter(user=user).values_list("pk", flat=True))
    paid = Entry.objects.filter(user=user, status="paid").values_list("pk", "pay_expected")
    matches = [
        PaymentMatch(payment_id=rng.choice(payment_ids), entry_id=pk, amount=max(pay, Decimal("0.01")))
        for pk, pay in paid
        if rng.random() < 0.5
    ]
    PaymentMatch.objects.bulk_create(matches, batch_size=5000, ignore_conflicts=True)


def time_summary(user: object, repeat: int) -> tuple[float, float, int]:
    from django.test import Client

    client = Client()
    client.force_login(user)
    for _ in range(3):
        response = client.get("/worklog/summary/")
        assert response.status_code == 200, response.status_code
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get("/worklog/summary/")
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    return statistics.median(times), max(times), len(response.content)


def make_csv(rows: int, rng: random.Random) -> bytes:
    lines = ["Day,Company,Project,Hours,Earnings,Payment status,Comments"]
    start = dt.date(2024, 1, 1)
    for n in range(rows):
        day = start + dt.timedelta(days=rng.randrange(1000))
        hours = rng.choice(["0.25", "0.5", "1", "1.5", "2", "3.75", "8"])
        lines.append(
            f"{day:%m/%d/%Y},{rng.choice(PLATFORMS)},{rng.choice(['Rubrics', 'Lidar', 'Rides'])},{hours},"
            f"{rng.randint(0, 20000) / 100:.2f},{rng.choice(['Paid', 'pending', 'training', 'rejected'])},"
            f"{'' if n % 3 else 'row ' + str(n)}"
        )
    return ("\n".join(lines) + "\n").encode()


def time_import(user: object, data: bytes) -> dict[str, float | int]:
    from careermap.worklog.selectors import import_preview
    from careermap.worklog.services import import_batch_create, worklog_csv_import

    figures: dict[str, float | int] = {}
    started = time.perf_counter()
    batch = import_batch_create(user=user, filename="bench.csv", data=data)
    figures["upload_s"] = time.perf_counter() - started

    started = time.perf_counter()
    preview = import_preview(user=user, batch=batch)
    figures["preview_s"] = time.perf_counter() - started

    started = time.perf_counter()
    batch = worklog_csv_import(user=user, batch_id=batch.pk)
    figures["confirm_s"] = time.perf_counter() - started
    figures["created"] = batch.rows_created
    figures["errors"] = batch.rows_error
    figures["preview_new"] = preview.new
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--postgres", action="store_true", help=f"use {PG_BENCH_DB} on the local PostgreSQL")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="careermap-worklog-bench-"))
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
        from django.contrib.auth import get_user_model
        from django.db import connection

        rng = random.Random(2026)
        users = get_user_model().objects
        worker = users.create_user(username="worker@example.com", email="worker@example.com", password="x" * 12)
        started = time.perf_counter()
        fill_log(worker, args.entries, rng)
        fill_s = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

        median, worst, size = time_summary(worker, args.repeat)
        data = make_csv(args.rows, rng)
        importer = users.create_user(username="importer@example.com", email="importer@example.com", password="x" * 12)
        first = time_import(importer, data)
        again = time_import(importer, data)
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)
        if args.postgres:
            import psycopg

            with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {PG_BENCH_DB}")

    vendor = "PostgreSQL" if args.postgres else "SQLite"
    print(f"database: {vendor}; log filled with {args.entries:,} entries in {fill_s:.1f} s")
    print(
        f"summary page, {args.entries:,} entries: median {median:.0f} ms, worst {worst:.0f} ms "
        f"over {args.repeat} requests ({size / 1024:.0f} KiB) — goal <= 300 ms: {'met' if median <= 300 else 'NOT met'}"
    )
    total = float(first["upload_s"]) + float(first["preview_s"]) + float(first["confirm_s"])
    print(
        f"CSV import, {args.rows:,} rows: upload {first['upload_s']:.1f} s, preview {first['preview_s']:.1f} s, "
        f"confirm {first['confirm_s']:.1f} s ({first['created']:,} entries, {first['errors']} errors); "
        f"all three {total:.1f} s — goal <= 20 s: {'met' if total <= 20 else 'NOT met'}"
    )
    print(
        f"same file again: preview {again['preview_s']:.1f} s, confirm {again['confirm_s']:.1f} s, "
        f"{again['created']} entries added (every row already imported)"
    )


if __name__ == "__main__":
    main()
