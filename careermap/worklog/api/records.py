"""Entries and payments over JSON, one at a time, and matching payments to entries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from ninja import Field, Query, Schema
from pydantic import StrictBool, StrictInt

from careermap.api.auth import AuthenticatedApiRequest
from careermap.api.schemas import ErrorOut
from careermap.worklog import rules, selectors, services
from careermap.worklog.api.common import (
    ERRORS,
    BodyId,
    BodyIn,
    ClockTime,
    Currency,
    Duration,
    DurationUnit,
    Id,
    IsoDate,
    Miles,
    Minutes,
    Money,
    PositiveMoney,
    StatusLiteral,
    Text100,
    Text200,
    _not_found,
    _repeated,
    _with_duration,
    router,
)
from careermap.worklog.models import Entry, Payment, PaymentMatch

# --- entries ---------------------------------------------------------------------------------------


class WorklogEntryIn(BodyIn):
    platform: Text100
    task_type: Text200 = ""
    date: IsoDate
    start_time: ClockTime | None = None
    end_time: ClockTime | None = None
    minutes: Minutes | None = Field(
        None, description="Minutes worked; or give duration; leave both out when start_time and end_time are given."
    )
    duration: Duration | None = None
    duration_unit: DurationUnit = Field("hours", description="What a bare number in duration counts")
    units: Money | None = None
    pay_expected: Money = Decimal("0")
    tips: Money = Field(Decimal("0"), description="Tips received with this work: counted as money received")
    miles: Miles | None = None
    currency: Currency = "USD"
    status: StatusLiteral
    notes: Annotated[str, Field(max_length=rules.NOTES_MAX_LENGTH)] = ""


class WorklogEntryPatch(BodyIn):
    """Only the fields sent change. With `version`, the change is refused (409) if the entry moved on."""

    platform: Text100 | None = None
    task_type: Text200 | None = None
    date: IsoDate | None = None
    start_time: ClockTime | None = None
    end_time: ClockTime | None = None
    minutes: Minutes | None = None
    duration: Duration | None = None
    duration_unit: DurationUnit | None = None
    units: Money | None = None
    pay_expected: Money | None = None
    tips: Money | None = None
    miles: Miles | None = None
    currency: Currency | None = None
    status: StatusLiteral | None = None
    notes: Annotated[str, Field(max_length=rules.NOTES_MAX_LENGTH)] | None = None
    version: StrictInt | None = None


class WorklogEntryOut(Schema):
    id: int
    date: dt.date
    platform: str
    task_type: str
    start_time: dt.time | None
    end_time: dt.time | None
    minutes: int
    hours: Decimal
    units: Decimal | None
    pay_expected: Decimal
    tips: Decimal
    miles: Decimal | None
    currency: str
    status: StatusLiteral
    notes: str
    received: Decimal = Field(description="Money matched to this entry from payments (tips not included)")
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime


class WorklogEntryListOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[WorklogEntryOut]


class WorklogEntryFilterParams(Schema):
    platform: str = ""
    status: Literal["", "owed", "unpaid"] | StatusLiteral = Field(
        "", description="A status, or `owed` (pending and disputed), or `unpaid` (every unpaid kind)"
    )
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None
    currency: str = ""
    q: str = ""
    limit: Annotated[int, Field(ge=1, le=500)] = 100
    offset: Annotated[int, Field(ge=0, le=10**9)] = 0


def _entry_out(entry: Entry, received: Decimal | None) -> dict[str, Any]:
    return {
        **{name: getattr(entry, name) for name in services.ENTRY_FIELDS},
        "id": entry.pk,
        "hours": entry.hours,
        "received": received or Decimal("0.00"),
        "version": entry.version,
        "created_at": entry.created_at,
        "updated_at": entry.updated_at,
    }


def _entry_response(request: AuthenticatedApiRequest, entry: Entry) -> dict[str, Any]:
    received = selectors.entry_received(user=request.auth, entry_ids=[entry.pk])
    return _entry_out(entry, received.get(entry.pk))


@router.get("/entries", response={200: WorklogEntryListOut, **ERRORS}, summary="Your entries, newest first, filtered")
def list_entries(request: AuthenticatedApiRequest, filters: Query[WorklogEntryFilterParams]) -> Any:
    if error := _repeated(request):
        return error
    params = filters.dict()
    limit, offset = params.pop("limit"), params.pop("offset")
    qs = selectors.entry_list(user=request.auth, filters=selectors.EntryFilters(**params))
    page = list(qs[offset : offset + limit])
    received = selectors.entry_received(user=request.auth, entry_ids=[e.pk for e in page])
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "results": [_entry_out(entry, received.get(entry.pk)) for entry in page],
    }


@router.post("/entries", response={201: WorklogEntryOut, **ERRORS}, summary="Log an entry")
def create_entry(request: AuthenticatedApiRequest, payload: WorklogEntryIn) -> tuple[int, Any]:
    entry = services.entry_create(user=request.auth, **_with_duration(payload.dict()))
    return 201, _entry_out(entry, None)


@router.get("/entries/{entry_id}", response={200: WorklogEntryOut, 404: ErrorOut, **ERRORS}, summary="One entry")
def get_entry(request: AuthenticatedApiRequest, entry_id: Id) -> tuple[int, Any]:
    entry = Entry.objects.filter(user=request.auth, pk=entry_id).first()
    if entry is None:
        return _not_found("entry", entry_id)
    return 200, _entry_response(request, entry)


@router.patch(
    "/entries/{entry_id}",
    response={200: WorklogEntryOut, 404: ErrorOut, 409: ErrorOut, **ERRORS},
    summary="Change some fields of an entry",
)
def update_entry(request: AuthenticatedApiRequest, entry_id: Id, payload: WorklogEntryPatch) -> tuple[int, Any]:
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version", None)
    try:
        entry = services.entry_update(
            user=request.auth,
            entry_id=entry_id,
            changes=_with_duration(changes),
            expected_version=version,
        )
    except Entry.DoesNotExist:
        return _not_found("entry", entry_id)
    except services.ConflictError:
        return 409, {"detail": "The entry changed since you read it; fetch it again and resend your change."}
    return 200, _entry_response(request, entry)


@router.delete("/entries/{entry_id}", response={204: None, 404: ErrorOut, **ERRORS}, summary="Delete an entry")
def delete_entry(request: AuthenticatedApiRequest, entry_id: Id) -> tuple[int, Any]:
    try:
        services.entry_delete(user=request.auth, entry_id=entry_id)
    except Entry.DoesNotExist:
        return _not_found("entry", entry_id)
    return 204, None


# --- payments --------------------------------------------------------------------------------------


class WorklogPaymentIn(BodyIn):
    date: IsoDate
    platform: Text100
    amount: PositiveMoney
    currency: Currency = "USD"
    reference: Text200 = ""


class WorklogPaymentPatch(BodyIn):
    date: IsoDate | None = None
    platform: Text100 | None = None
    amount: PositiveMoney | None = None
    currency: Currency | None = None
    reference: Text200 | None = None
    version: StrictInt | None = None


class WorklogMatchOut(Schema):
    entry: int
    amount: Decimal


class WorklogPaymentOut(Schema):
    id: int
    date: dt.date
    platform: str
    amount: Decimal
    currency: str
    reference: str
    matched: Decimal
    matches: list[WorklogMatchOut]
    version: int


class WorklogPaymentListOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[WorklogPaymentOut]


class WorklogPageParams(Schema):
    limit: Annotated[int, Field(ge=1, le=500)] = 100
    offset: Annotated[int, Field(ge=0, le=10**9)] = 0


class WorklogMatchIn(BodyIn):
    entries: Annotated[list[BodyId], Field(min_length=1, max_length=1000)]
    mark_paid: StrictBool = True


def _payment_out(payment: Payment, matches: list[PaymentMatch]) -> dict[str, Any]:
    return {
        **{name: getattr(payment, name) for name in services.PAYMENT_FIELDS},
        "id": payment.pk,
        "matched": sum((m.amount for m in matches), Decimal("0.00")),
        "matches": [{"entry": m.entry_id, "amount": m.amount} for m in matches],
        "version": payment.version,
    }


def _payment_response(payment: Payment) -> dict[str, Any]:
    return _payment_out(payment, list(payment.matches.order_by("entry_id")))


@router.get("/payments", response={200: WorklogPaymentListOut, **ERRORS}, summary="Payments received, newest first")
def list_payments(request: AuthenticatedApiRequest, page: Query[WorklogPageParams]) -> Any:
    if error := _repeated(request):
        return error
    qs = Payment.objects.filter(user=request.auth).order_by("-date", "-pk")
    payments = list(qs.prefetch_related("matches")[page.offset : page.offset + page.limit])
    return {
        "count": qs.count(),
        "limit": page.limit,
        "offset": page.offset,
        "results": [_payment_out(p, sorted(p.matches.all(), key=lambda m: m.entry_id)) for p in payments],
    }


@router.post("/payments", response={201: WorklogPaymentOut, **ERRORS}, summary="Record a payment received")
def create_payment(request: AuthenticatedApiRequest, payload: WorklogPaymentIn) -> tuple[int, Any]:
    payment = services.payment_create(user=request.auth, **payload.dict())
    return 201, _payment_out(payment, [])


@router.get("/payments/{payment_id}", response={200: WorklogPaymentOut, 404: ErrorOut, **ERRORS}, summary="One payment")
def get_payment(request: AuthenticatedApiRequest, payment_id: Id) -> tuple[int, Any]:
    payment = Payment.objects.filter(user=request.auth, pk=payment_id).first()
    if payment is None:
        return _not_found("payment", payment_id)
    return 200, _payment_response(payment)


@router.patch(
    "/payments/{payment_id}",
    response={200: WorklogPaymentOut, 404: ErrorOut, 409: ErrorOut, **ERRORS},
    summary="Change some fields of a payment",
)
def update_payment(request: AuthenticatedApiRequest, payment_id: Id, payload: WorklogPaymentPatch) -> tuple[int, Any]:
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version", None)
    try:
        payment = services.payment_update(
            user=request.auth,
            payment_id=payment_id,
            changes=changes,
            expected_version=version,
        )
    except Payment.DoesNotExist:
        return _not_found("payment", payment_id)
    except services.ConflictError:
        return 409, {"detail": "The payment changed since you read it; fetch it again and resend your change."}
    return 200, _payment_response(payment)


@router.delete("/payments/{payment_id}", response={204: None, 404: ErrorOut, **ERRORS}, summary="Delete a payment")
def delete_payment(request: AuthenticatedApiRequest, payment_id: Id) -> tuple[int, Any]:
    try:
        services.payment_delete(user=request.auth, payment_id=payment_id)
    except Payment.DoesNotExist:
        return _not_found("payment", payment_id)
    return 204, None


@router.post(
    "/payments/{payment_id}/matches",
    response={200: WorklogPaymentOut, 404: ErrorOut, **ERRORS},
    summary="Match a payment to the entries it paid for",
)
def match_payment(request: AuthenticatedApiRequest, payment_id: Id, payload: WorklogMatchIn) -> tuple[int, Any]:
    try:
        services.payment_match(
            user=request.auth,
            payment_id=payment_id,
            entry_ids=payload.entries,
            mark_paid=payload.mark_paid,
        )
    except Payment.DoesNotExist:
        return _not_found("payment", payment_id)
    except Entry.DoesNotExist:
        return 404, {"detail": "One of those entries does not exist."}
    payment = Payment.objects.get(user=request.auth, pk=payment_id)
    return 200, _payment_response(payment)
