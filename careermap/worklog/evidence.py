"""The evidence pack: a printable record of a worker's own log for a platform and a period, to hand to a
platform, an agency or a lawyer (`/worklog/evidence/`).

Payments are attributed to the work they pay for (their PaymentMatch rows), never to the day they arrived:
the money received *for the period's work* is what was matched to the period's entries, whenever it came,
plus the tips logged with them;
what arrived in the period for other work, or was never matched, is listed apart and counted apart, so a
payout that covered two months never looks like an overpayment of one.

The name and platform worker ID come from the query string and are printed only: nothing is stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import DecimalField, F, Prefetch, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from careermap.worklog.models import Entry, Payment, PaymentMatch, Status

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
#: The most entries, and the most payments, one pack lists (about 60 printed pages). A longer period is
#: refused, pointing to a shorter one and to the CSV exports, which hold everything: the page's cost stays
#: bounded however large the log (120,000 entries made 41 MB of HTML).
MAX_ROWS = 2_000
_MONEY: DecimalField[Decimal, Decimal] = DecimalField(max_digits=14, decimal_places=2)

_PRINTABLE = RegexValidator(r"^[^\x00-\x1f\x7f]*\Z", "Use letters, numbers and punctuation only (no line breaks).")


class EvidenceForm(forms.Form):
    """What the pack covers and, optionally, who it is for. Read from GET; nothing here is saved."""

    platform = forms.CharField(required=False, max_length=100, widget=forms.TextInput(attrs={"list": "platforms"}))
    date_from = forms.DateField(label="From", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label="To", required=False, widget=forms.DateInput(attrs={"type": "date"}))
    name = forms.CharField(
        label="Your name (optional)",
        required=False,
        max_length=100,
        validators=[_PRINTABLE],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    worker_id = forms.CharField(
        label="Your worker ID on the platform (optional)",
        required=False,
        max_length=100,
        validators=[_PRINTABLE],
        help_text="Printed on the pack only; not saved.",
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        start: dt.date | None = cleaned.get("date_from")
        end: dt.date | None = cleaned.get("date_to")
        if start and end and start > end:
            raise ValidationError("The start date is after the end date.")
        return cleaned


@dataclasses.dataclass
class PaidWork:
    """The part of a payment that paid for one entry."""

    entry_date: dt.date
    amount: Decimal


@dataclasses.dataclass
class PaymentPart:
    """A payment, with the part of it that concerns one section of the pack."""

    payment: Payment
    amount: Decimal  # for this period's work, or (in the other list) not for it
    work: list[PaidWork]  # the matches behind `amount`
    unmatched: Decimal = ZERO  # matched to no entry at all (counted in `amount` of the other list)


@dataclasses.dataclass
class Totals:
    """The figures for one currency."""

    currency: str
    entries: int = 0
    minutes: int = 0
    unpaid_minutes: int = 0
    expected: Decimal = ZERO
    payments: Decimal = ZERO  # the parts of payments matched to this period's entries, whenever they arrived
    tips: Decimal = ZERO  # logged with this period's entries
    pending: Decimal = ZERO  # expected less received, on entries still pending
    disputed: Decimal = ZERO  # expected less received, on disputed entries
    other_work: Decimal = ZERO  # arrived in the period for work outside it, or matched to nothing

    @property
    def hours(self) -> Decimal:
        return (Decimal(self.minutes) / 60).quantize(CENT)

    @property
    def unpaid_hours(self) -> Decimal:
        return (Decimal(self.unpaid_minutes) / 60).quantize(CENT)

    @property
    def received(self) -> Decimal:
        """Money received for this period's work: matched payments plus tips."""
        return self.payments + self.tips

    @property
    def owed(self) -> Decimal:
        return self.pending + self.disputed

    @property
    def hourly(self) -> Decimal | None:
        """Money received for the period's work per hour in the period, unpaid hours included."""
        if not self.minutes:
            return None
        return (self.received * 60 / self.minutes).quantize(CENT)


class PackTooLarge(Exception):
    """The period holds more than MAX_ROWS entries or payments (`what` says which)."""

    def __init__(self, what: str) -> None:
        super().__init__(f"more than {MAX_ROWS:,} {what}")
        self.what = what
        self.limit = f"{MAX_ROWS:,}"


@dataclasses.dataclass
class EvidencePack:
    platform: str
    date_from: dt.date | None
    date_to: dt.date | None
    name: str
    worker_id: str
    entries: Sequence[Entry]  # each with `.received`: the payments matched to it (its tips are `.tips`)
    for_period: list[PaymentPart]  # payments (of any date) that paid for this period's work
    other_work: list[PaymentPart]  # payments that arrived in the period for other work, or unmatched
    totals: list[Totals]  # one per currency, in code order
    generated_at: dt.datetime


def _period_entries(*, user: Any, platform: str, date_from: dt.date | None, date_to: dt.date | None) -> QuerySet[Entry]:
    qs = Entry.objects.filter(user=user)
    if platform:
        qs = qs.filter(platform__iexact=platform)
    if date_from:
        qs = qs.filter(date__gte=date_from)
    if date_to:
        qs = qs.filter(date__lte=date_to)
    return qs


def evidence_pack(
    *,
    user: Any,
    platform: str = "",
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    name: str = "",
    worker_id: str = "",
) -> EvidencePack:
    """The pack for one platform (or all) and a period (open at either end). Four queries, however much is in
    it; PackTooLarge past MAX_ROWS entries or payments."""
    period = _period_entries(user=user, platform=platform, date_from=date_from, date_to=date_to)
    entries = list(
        period.annotate(received=Coalesce(Sum("matches__amount"), Value(ZERO), output_field=_MONEY)).order_by(
            "date", "start_time", "pk"
        )[: MAX_ROWS + 1]
    )
    if len(entries) > MAX_ROWS:
        raise PackTooLarge("entries")
    in_period = {entry.pk for entry in entries}
    totals: dict[str, Totals] = {}
    for entry in entries:
        t = totals.setdefault(entry.currency, Totals(currency=entry.currency))
        t.entries += 1
        t.minutes += entry.minutes
        t.unpaid_minutes += entry.minutes if entry.is_unpaid else 0
        t.expected += entry.pay_expected
        t.payments += entry.received
        t.tips += entry.tips
        outstanding = max(entry.pay_expected - entry.received, ZERO)
        if entry.status == Status.PENDING:
            t.pending += outstanding
        elif entry.status == Status.DISPUTED:
            t.disputed += outstanding

    # Payments, whenever they arrived, for the work of this period: only their matched parts count.
    for_period: dict[int, PaymentPart] = {}
    matches = (
        PaymentMatch.objects.filter(payment__user=user, entry__in=period.values("pk"))
        .select_related("payment")
        .order_by("payment__date", "payment_id", "entry__date", "entry_id")
        .annotate(entry_date=F("entry__date"))
    )
    for match in matches:
        part = for_period.setdefault(match.payment_id, PaymentPart(payment=match.payment, amount=ZERO, work=[]))
        part.amount += match.amount
        part.work.append(PaidWork(entry_date=match.entry_date, amount=match.amount))

    # Payments that arrived in the period: whatever of them did not pay for this period's work.
    arrived = Payment.objects.filter(user=user)
    if platform:
        arrived = arrived.filter(platform__iexact=platform)
    if date_from:
        arrived = arrived.filter(date__gte=date_from)
    if date_to:
        arrived = arrived.filter(date__lte=date_to)
    arrived = arrived.prefetch_related(
        Prefetch("matches", queryset=PaymentMatch.objects.select_related("entry").order_by("entry__date", "entry_id"))
    ).order_by("date", "pk")[: MAX_ROWS + 1]
    if len(arrived) > MAX_ROWS:
        raise PackTooLarge("payments")
    other_work: list[PaymentPart] = []
    for payment in arrived:
        elsewhere = [m for m in payment.matches.all() if m.entry_id not in in_period]
        unmatched = payment.amount - sum((m.amount for m in payment.matches.all()), ZERO)
        amount = sum((m.amount for m in elsewhere), ZERO) + max(unmatched, ZERO)
        if amount <= 0:
            continue
        work = [PaidWork(entry_date=m.entry.date, amount=m.amount) for m in elsewhere]
        other_work.append(PaymentPart(payment=payment, amount=amount, work=work, unmatched=max(unmatched, ZERO)))
        totals.setdefault(payment.currency, Totals(currency=payment.currency)).other_work += amount

    return EvidencePack(
        platform=platform,
        date_from=date_from,
        date_to=date_to,
        name=name,
        worker_id=worker_id,
        entries=entries,
        for_period=list(for_period.values()),
        other_work=other_work,
        totals=[totals[code] for code in sorted(totals)],
        generated_at=timezone.now(),
    )
