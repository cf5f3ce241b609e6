"""Writes: starting and stopping sharing, and the scheduled computation of the pooled tables."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import time
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, DateField, Func, IntegerField, Q, Subquery, Sum
from django.db.models.functions import Cast, Coalesce, Round
from django.utils import timezone

from careermap.lib.versions import DataVersion
from careermap.pooled import rules
from careermap.pooled.models import PooledCell, PooledRun, SharingConsent
from careermap.worklog.models import UNPAID_STATUSES, Entry, Payment, PaymentMatch, Status
from careermap.worklog.platforms import clean_platform

#: The only currency pooled: a median across currencies would mean nothing.
CURRENCY = "USD"
#: Disputed or rejected work, for the share of hours disputed or rejected.
DISPUTED_STATUSES = (Status.DISPUTED, Status.REJECTED)
VERSION_KEY = "pooled-version"


def _latest_run_pk() -> int | None:
    return PooledRun.objects.order_by("-computed_at", "-pk").values_list("pk", flat=True).first()


# The run now published (careermap/lib/versions.py): part of page-cache keys and HTTP validators.
POOLED_VERSION = DataVersion(VERSION_KEY, _latest_run_pk)


def platform_key(name: str) -> str:
    return " ".join(name.split()).lower()


class QuarterStart(Func):
    """The first day of a date's calendar quarter, computed by the database."""

    output_field = DateField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        # No printf('%02d'): a literal % would break Django's SQL logging (DEBUG) on SQLite.
        month = "cast(substr(%(expressions)s, 6, 2) as integer)"
        template = (
            f"substr(%(expressions)s, 1, 5) || CASE WHEN {month} <= 3 THEN '01' WHEN {month} <= 6 THEN '04' "
            f"WHEN {month} <= 9 THEN '07' ELSE '10' END || '-01'"
        )
        return self.as_sql(compiler, connection, template=template, **extra)

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, connection, template="date_trunc('quarter', %(expressions)s::timestamp)::date", **extra
        )


def _as_date(value: dt.date | dt.datetime | str) -> dt.date:
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value.date() if isinstance(value, dt.datetime) else value


def _cents(value: Decimal | None) -> int:
    return int((value or Decimal(0)) * 100)


# ---------------------------------------------------------------------------------------------
# Consent


def consent_opt_in(*, user: Any, platform: str, now: dt.datetime | None = None) -> SharingConsent:
    """Start sharing a platform (no change when already sharing it)."""
    label = clean_platform(platform)
    key = platform_key(label)
    if not key or len(key) > 100:
        raise ValidationError({"platform": "Choose a platform from your work log."})
    existing = SharingConsent.objects.active().filter(user=user, platform=key).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return SharingConsent.objects.create(
                user=user, platform=key, platform_label=label, opted_in_at=now or timezone.now()
            )
    except IntegrityError:  # a double click: the other request started it
        return SharingConsent.objects.active().get(user=user, platform=key)


def consent_opt_out(*, user: Any, platform: str | None = None, now: dt.datetime | None = None) -> int:
    """Stop sharing one platform, or every platform when `platform` is None. Returns how many stopped.
    Their entries leave the pooled figures at the next computation."""
    active = SharingConsent.objects.active().filter(user=user)
    if platform is not None:
        active = active.filter(platform=platform_key(platform))
    return active.update(opted_out_at=now or timezone.now())


# ---------------------------------------------------------------------------------------------
# Computation


@dataclasses.dataclass
class _Work:
    minutes: int = 0
    unpaid: int = 0
    disputed: int = 0
    cents: int = 0


@dataclasses.dataclass
class ComputeResult:
    run: PooledRun
    cells: int
    published: int
    held: int
    withheld: int
    too_few: int


def _contributions() -> tuple[
    dict[tuple[str, str, dt.date], dict[int, _Work]], dict[str, str], dict[tuple[str, str], str], int, int
]:
    """Each sharing person's work by cell, read with four GROUP BY queries (never row by row).

    Money for a cell is the work log's, for a date range (summary.py): payments matched to the cell's
    work, whenever they arrived, plus its tips, plus — for the whole platform only, since payments carry no
    task type — the rest of the platform's payments that arrived in the quarter and are matched to no
    work. Hours count every minute logged, unpaid ones included."""
    consents = SharingConsent.objects.active()
    sharing = set(consents.values_list("user_id", "platform"))
    users = Subquery(consents.values("user_id"))
    cells: dict[tuple[str, str, dt.date], dict[int, _Work]] = defaultdict(lambda: defaultdict(_Work))
    labels: dict[str, str] = {}
    task_labels: dict[tuple[str, str], str] = {}
    entries = 0

    keys: dict[str, str] = {}  # raw spelling → pooling key (a few hundred spellings, millions of rows)

    def shared(user_id: int, platform: str) -> str | None:
        key = keys.get(platform)
        if key is None:
            key = keys[platform] = platform_key(platform)
        return key if (user_id, key) in sharing else None

    work = (
        Entry.objects.filter(user_id__in=users, currency=CURRENCY)
        .annotate(quarter=QuarterStart("date"))
        .values("user_id", "platform", "task_type", "quarter")
        .annotate(
            worked=Sum("minutes"),
            unpaid=Coalesce(Sum("minutes", filter=Q(status__in=UNPAID_STATUSES)), 0),
            disputed=Coalesce(Sum("minutes", filter=Q(status__in=DISPUTED_STATUSES)), 0),
            tips_cents=Cast(Round(Sum("tips") * 100), IntegerField()),
            n=Count("id"),
        )
        .order_by()
        .values_list("user_id", "platform", "task_type", "quarter", "worked", "unpaid", "disputed", "tips_cents", "n")
    )
    for user_id, platform, task_type, quarter, worked, unpaid, disputed, tips, n in work.iterator(chunk_size=50000):
        key = shared(user_id, platform)
        if key is None:
            continue
        if key not in labels:
            labels[key] = clean_platform(platform)
        quarter = _as_date(quarter)
        cents = tips or 0
        entries += n
        target = cells[(key, "", quarter)][user_id]
        target.minutes += worked
        target.unpaid += unpaid
        target.disputed += disputed
        target.cents += cents
        task = platform_key(task_type) if task_type else ""
        if task:
            task_labels.setdefault((key, task), " ".join(task_type.split()))
            target = cells[(key, task, quarter)][user_id]
            target.minutes += worked
            target.unpaid += unpaid
            target.disputed += disputed
            target.cents += cents

    matched = (
        PaymentMatch.objects.filter(entry__user_id__in=users, entry__currency=CURRENCY)
        .annotate(quarter=QuarterStart("entry__date"))
        .values("entry__user_id", "entry__platform", "entry__task_type", "quarter")
        .annotate(total=Cast(Round(Sum("amount") * 100), IntegerField()))
        .order_by()
        .values_list("entry__user_id", "entry__platform", "entry__task_type", "quarter", "total")
    )
    for user_id, platform, task_type, quarter, total in matched.iterator(chunk_size=50000):
        key = shared(user_id, platform)
        if key is None:
            continue
        quarter, amount = _as_date(quarter), total or 0
        cell = cells.get((key, "", quarter))
        if cell is not None and user_id in cell:
            cell[user_id].cents += amount
        task = platform_key(task_type) if task_type else ""
        cell = cells.get((key, task, quarter)) if task else None
        if cell is not None and user_id in cell:
            cell[user_id].cents += amount

    # Payments that arrived in each quarter, less their parts matched to work: money matched to no work.
    rest: dict[tuple[int, str, dt.date], int] = defaultdict(int)
    arrived = (
        Payment.objects.filter(user_id__in=users, currency=CURRENCY)
        .annotate(quarter=QuarterStart("date"))
        .values("user_id", "platform", "quarter")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    for row in arrived.iterator(chunk_size=20000):
        key = shared(row["user_id"], row["platform"])
        if key is not None:
            rest[(row["user_id"], key, _as_date(row["quarter"]))] += _cents(row["total"])
    paid_parts = (
        PaymentMatch.objects.filter(payment__user_id__in=users, payment__currency=CURRENCY)
        .annotate(quarter=QuarterStart("payment__date"))
        .values("payment__user_id", "payment__platform", "quarter")
        .annotate(total=Sum("amount"))
        .order_by()
    )
    for row in paid_parts.iterator(chunk_size=20000):
        key = shared(row["payment__user_id"], row["payment__platform"])
        if key is not None:
            rest[(row["payment__user_id"], key, _as_date(row["quarter"]))] -= _cents(row["total"])
    for (user_id, key, quarter), amount in rest.items():
        cell = cells.get((key, "", quarter))
        if amount and cell is not None and user_id in cell:  # money with no work in the quarter has no rate
            cell[user_id].cents += amount
    contributors = len({user_id for user_id, _ in sharing})
    return cells, labels, task_labels, contributors, entries


def basis_encode(basis: dict[str, str]) -> str:
    return "\n".join(f"{person} {fingerprint}" for person, fingerprint in sorted(basis.items()))


def basis_decode(text: str) -> dict[str, str]:
    return dict(line.split(" ", 1) for line in text.splitlines() if line)


def _figures(cell: PooledCell) -> rules.Figures | None:
    if not cell.is_shown or cell.people is None:
        return None
    return rules.Figures(
        people=cell.people,
        hours=cell.hours or 0,
        hourly_median=cell.hourly_median or Decimal(0),
        hourly_p25=cell.hourly_p25 or Decimal(0),
        hourly_p75=cell.hourly_p75 or Decimal(0),
        unpaid_share=cell.unpaid_share or 0,
        disputed_share=cell.disputed_share or 0,
    )


def pooled_compute(*, now: dt.datetime | None = None) -> ComputeResult:
    """Compute every pooled table and replace the published ones in one transaction: if anything fails,
    the figures published before stay served. Older runs are deleted with it, so a person who stopped
    sharing (or deleted their account) is in no stored figure once this has run."""
    started = time.monotonic()
    now = now or timezone.now()
    key = hashlib.blake2b(f"pooled:{settings.SECRET_KEY}".encode()).digest()
    previous_run = PooledRun.objects.order_by("-computed_at", "-pk").first()
    previous: dict[tuple[str, str, dt.date], PooledCell] = {}
    if previous_run is not None:
        previous = {(c.platform, c.task_type, c.quarter): c for c in previous_run.cells.all()}
    work, labels, task_labels, contributors, entries = _contributions()

    rows: list[PooledCell] = []
    counts: dict[str, int] = defaultdict(int)
    pseudonyms: dict[int, str] = {}

    def pseudonym(user_id: int) -> str:
        if user_id not in pseudonyms:
            pseudonyms[user_id] = rules.keyed_digest(key, f"person:{user_id}")
        return pseudonyms[user_id]

    for cell_key in sorted(set(work) | set(previous)):
        platform, task, quarter = cell_key
        before = previous.get(cell_key)
        people = [
            rules.Contribution(
                person=pseudonym(user_id),
                minutes=w.minutes,
                unpaid_minutes=w.unpaid,
                disputed_minutes=w.disputed,
                received_cents=w.cents,
            )
            for user_id, w in work.get(cell_key, {}).items()
        ]
        if task and not rules.complement_safe(
            {u: (w.minutes, w.cents) for u, w in work.get(cell_key, {}).items()},
            {u: (w.minutes, w.cents) for u, w in work.get((platform, "", quarter), {}).items()},
        ):
            people = []  # the platform's figure less this task type's would isolate a few people's other work
        decision = rules.decide(
            people,
            previous=_figures(before) if before else None,
            previous_basis=basis_decode(before.basis) if before else {},
            key=key,
        )
        if decision.status == rules.TOO_FEW and not decision.basis:
            continue  # never published: not stored, so not even its name is kept
        counts[decision.status] += 1
        figures = decision.figures
        label = labels.get(platform) or (before.platform_label if before else platform)
        task_label = task_labels.get((platform, task)) or (before.task_label if before else task)
        if decision.status == rules.HELD and before is not None:
            figures_from = before.figures_from
        else:
            figures_from = now if figures else None
        rows.append(
            PooledCell(
                platform=platform,
                platform_label=label,
                task_type=task,
                task_label=task_label,
                quarter=quarter,
                status=decision.status,
                figures_from=figures_from,
                people=figures.people if figures else None,
                hours=figures.hours if figures else None,
                hourly_median=figures.hourly_median if figures else None,
                hourly_p25=figures.hourly_p25 if figures else None,
                hourly_p75=figures.hourly_p75 if figures else None,
                unpaid_share=figures.unpaid_share if figures else None,
                disputed_share=figures.disputed_share if figures else None,
                basis=basis_encode(decision.basis),
            )
        )
    with transaction.atomic():
        run = PooledRun.objects.create(
            computed_at=now,
            method=rules.METHOD_VERSION,
            contributors=contributors,
            entries=entries,
            cells_published=counts[rules.PUBLISHED] + counts[rules.HELD],
        )
        for row in rows:
            row.run = run
        PooledCell.objects.bulk_create(rows, batch_size=2000)
        PooledRun.objects.exclude(pk=run.pk).delete()
        run.seconds = round(time.monotonic() - started, 3)
        run.save(update_fields=["seconds"])
        transaction.on_commit(lambda: POOLED_VERSION.bump(run.pk))
    return ComputeResult(
        run=run,
        cells=len(rows),
        published=counts[rules.PUBLISHED],
        held=counts[rules.HELD],
        withheld=counts[rules.WITHHELD],
        too_few=counts[rules.TOO_FEW],
    )
