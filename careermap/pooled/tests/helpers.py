"""Synthetic contributors (never real people): a user, a few entries on one platform, a matched payment."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from careermap.accounts.tests.factories import UserFactory
from careermap.pooled.services import consent_opt_in
from careermap.worklog.models import Entry, Payment, PaymentMatch, Status

Q3 = dt.date(2026, 8, 3)


def contributor(
    *,
    platform: str = "DoorDash",
    minutes: int = 600,
    received: str = "150.00",
    unpaid: int = 60,
    disputed: int = 0,
    share: bool = True,
    day: dt.date = Q3,
    task_type: str = "Deliveries",
    user: Any = None,
) -> Any:
    """A worker who logged `minutes` on `platform` (of which `unpaid` earned nothing and `disputed` are in
    dispute) and received `received` for it, matched to the paid work."""
    user = user or UserFactory()
    paid = minutes - unpaid - disputed
    entry = None
    offset = 0
    while paid > 0:  # at most a day per entry
        chunk = min(paid, 600)
        created = Entry.objects.create(
            user=user,
            platform=platform,
            task_type=task_type,
            date=day + dt.timedelta(days=offset),
            minutes=chunk,
            status=Status.PAID,
            pay_expected=Decimal(received) if entry is None else Decimal(0),
        )
        entry = entry or created
        paid -= chunk
        offset += 1
    if unpaid:
        Entry.objects.create(
            user=user, platform=platform, task_type=task_type, date=day, minutes=unpaid, status=Status.UNPAID_TRAINING
        )
    if disputed:
        Entry.objects.create(
            user=user,
            platform=platform,
            task_type=task_type,
            date=day,
            minutes=disputed,
            status=Status.DISPUTED,
            pay_expected=Decimal("5.00"),
        )
    if Decimal(received) > 0 and entry is not None:
        payment = Payment.objects.create(user=user, platform=platform, date=day, amount=Decimal(received))
        PaymentMatch.objects.create(payment=payment, entry=entry, amount=Decimal(received))
    if share:
        consent_opt_in(user=user, platform=platform)
    return user


def crowd(n: int, *, start: int = 150, **kwargs: Any) -> list[Any]:
    """n contributors who received start, start + 10, … dollars (15, 16, … an hour over 10 hours)."""
    return [contributor(received=f"{start + 10 * i}.00", **kwargs) for i in range(n)]
