"""Reads: one person's sharing choices (always by user), and the published pooled figures (the same for
everyone: only cells that passed the rules, never anything about one person)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db.models import QuerySet

from careermap.pooled.models import PooledCell, PooledRun, SharingConsent
from careermap.pooled.services import CURRENCY, POOLED_VERSION, platform_key
from careermap.worklog.models import Entry
from careermap.worklog.platforms import READ_FOR_PLATFORM, clean_platform

#: Cells a reader may see: figures (new or held), or "withheld" (nothing but the fact).
VISIBLE = ("published", "held", "withheld")


@dataclasses.dataclass
class PlatformChoice:
    key: str
    label: str
    sharing: bool
    since: dt.datetime | None


def sharing_choices(*, user: Any) -> list[PlatformChoice]:
    """The platforms in this person's work log (in U.S. dollars) and those they share, with whether each is
    shared now."""
    active = {c.platform: c for c in SharingConsent.objects.active().filter(user=user)}
    labels: dict[str, str] = {}
    names = Entry.objects.filter(user=user, currency=CURRENCY).values_list("platform", flat=True).distinct()
    for name in names.order_by():
        labels.setdefault(platform_key(name), clean_platform(name))
    for consent in active.values():
        labels.setdefault(consent.platform, consent.platform_label)
    return sorted(
        (
            PlatformChoice(
                key=key,
                label=label,
                sharing=key in active,
                since=active[key].opted_in_at if key in active else None,
            )
            for key, label in labels.items()
        ),
        key=lambda c: c.label.lower(),
    )


def consent_history(*, user: Any) -> QuerySet[SharingConsent]:
    return SharingConsent.objects.filter(user=user).order_by("-opted_in_at", "-pk")


def latest_run() -> PooledRun | None:
    return PooledRun.objects.order_by("-computed_at", "-pk").first()


def pooled_version() -> int:
    """The id of the run now published (0 for none), for page-cache keys and HTTP validators."""
    return POOLED_VERSION.current()


@dataclasses.dataclass
class PlatformFigures:
    key: str
    label: str
    cells: list[PooledCell]  # the whole platform's quarters, newest first
    tasks: list[PooledCell]  # task types with enough people, newest first

    @property
    def shown(self) -> bool:
        return any(c.is_shown for c in self.cells) or any(c.is_shown for c in self.tasks)


def pooled_for_platforms(*, keys: list[str], run: PooledRun | None) -> list[PlatformFigures]:
    """What the latest run publishes for these platforms (lower-cased keys), in the order given."""
    if run is None or not keys:
        return [PlatformFigures(key=k, label=clean_platform(k), cells=[], tasks=[]) for k in keys]
    cells = list(
        run.cells.filter(platform__in=keys, status__in=VISIBLE).defer("basis").order_by("task_type", "-quarter")
    )
    result = []
    for key in keys:
        mine = [c for c in cells if c.platform == key]
        label = mine[0].platform_label if mine else clean_platform(key)
        result.append(
            PlatformFigures(
                key=key,
                label=label,
                cells=[c for c in mine if not c.task_type],
                tasks=sorted(
                    (c for c in mine if c.task_type), key=lambda c: (c.task_label.lower(), -c.quarter.toordinal())
                ),
            )
        )
    return result


def pooled_platform_keys(*, run: PooledRun | None) -> list[str]:
    """Every platform with something a reader may see in this run."""
    if run is None:
        return []
    return sorted(set(run.cells.filter(status__in=VISIBLE).values_list("platform", flat=True)))


def pooled_for_read(*, slug: str) -> tuple[PooledRun | None, list[PlatformFigures]]:
    """The platforms a read covers (careermap/worklog/platforms.py) and what is published for each."""
    keys = sorted({key for key, read in READ_FOR_PLATFORM.items() if read == slug})
    run = latest_run()
    return run, pooled_for_platforms(keys=keys, run=run)
