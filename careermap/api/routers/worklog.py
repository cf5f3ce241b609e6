"""The private work log over JSON: `/api/v1/worklog/…`, for the owner only.

Authenticated by an API token (`Authorization: Bearer cmk_…`, made on the account page) or by the browser
session (then unsafe methods need the CSRF token in `X-CSRFToken`). Every lookup filters by the caller, so
another worker's id is a 404. Amounts are decimal strings ("20.00"), never floats.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, StreamingHttpResponse
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.utils import check_csrf
from pydantic import BeforeValidator, StrictBool, StrictInt, model_validator

from careermap.accounts.services import api_token_authenticate
from careermap.api.schemas import ErrorOut
from careermap.worklog import exports, rules, selectors, services
from careermap.worklog.models import Entry, Payment, PaymentMatch

StatusLiteral = Literal[
    "paid", "pending", "disputed", "unpaid_assessment", "unpaid_training", "unpaid_onboarding", "rejected"
]


def _iso_date(value: Any) -> Any:
    if not isinstance(value, dt.date) and not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        raise ValueError("use a date in the form YYYY-MM-DD")
    return value


def _clock_time(value: Any) -> Any:
    if not isinstance(value, dt.time) and not (isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value)):
        raise ValueError("use a time in the form HH:MM")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
ClockTime = Annotated[dt.time, BeforeValidator(_clock_time)]
Id = Annotated[int, Field(ge=1, le=rules.MAX_ID)]
BodyId = Annotated[StrictInt, Field(ge=1, le=rules.MAX_ID)]
Minutes = Annotated[StrictInt, Field(ge=0, le=1440)]
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
Miles = Annotated[Decimal, Field(ge=0, max_digits=8, decimal_places=2)]
Duration = Annotated[
    str,
    Field(
        max_length=40,
        description="Time worked as people write it: 2h, 1:30, 90m, 1h30, or a bare number (1.5) in duration_unit",
    ),
]
DurationUnit = Literal["hours", "minutes"]
PositiveMoney = Annotated[Decimal, Field(gt=0, max_digits=12, decimal_places=2)]
Text100 = Annotated[str, Field(max_length=100)]
Text200 = Annotated[str, Field(max_length=200)]
Currency = Annotated[str, Field(min_length=3, max_length=3, pattern=r"^[A-Za-z]{3}$")]


class TokenAuth(HttpBearer):
    def __call__(self, request: HttpRequest) -> Any:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            return None  # never log the header: it may hold a token
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        return api_token_authenticate(raw=token)


class SessionAuth(APIKeyCookie):
    """The logged-in browser session; CSRF-checked for unsafe methods. Anonymous callers get a 401."""

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest) -> str | None:
        if not request.user.is_authenticated:
            return None
        if check_csrf(request):
            raise HttpError(403, "CSRF check failed: send the csrftoken cookie's value in X-CSRFToken.")
        return request.COOKIES.get(self.param_name)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if key and request.user.is_authenticated else None


router = Router(tags=["worklog"], auth=[TokenAuth(), SessionAuth()])


class WorklogFieldErrorOut(Schema):
    field: str
    message: str


class WorklogValidationErrorOut(Schema):
    detail: list[WorklogFieldErrorOut]


ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 422: WorklogValidationErrorOut}


class BodyIn(Schema):
    """A request body: a JSON object, nothing else (ninja would read fields off any object)."""

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        if not isinstance(getattr(data, "_obj", data), dict):  # ninja wraps the body in a DjangoGetter
            raise ValueError("the body must be a JSON object")
        return data


def _invalid(error: DjangoValidationError) -> tuple[int, dict[str, Any]]:
    """A rule broken in the service, as a 422 shaped like the API's schema errors (`payload.<field>`)."""
    if hasattr(error, "error_dict"):
        detail = [
            {"field": f"payload.{field}" if field != "__all__" else "payload", "message": message}
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    else:
        detail = [{"field": "payload", "message": message} for message in error.messages]
    return 422, {"detail": detail}


def _repeated(request: HttpRequest) -> tuple[int, dict[str, Any]] | None:
    """Every query parameter here takes one value; a repeated one is a 422, not silently the last."""
    repeated = [name for name in request.GET if len(request.GET.getlist(name)) > 1]
    if repeated:
        return 422, {"detail": [{"field": name, "message": "give this once"} for name in repeated]}
    return None


def _not_found(kind: str, pk: int) -> tuple[int, dict[str, str]]:
    return 404, {"detail": f"No {kind} {pk}."}


def _with_duration(data: dict[str, Any]) -> dict[str, Any]:
    """`duration` (and its unit) read into `minutes`; both given must agree. Raises Django's ValidationError."""
    duration, unit = data.pop("duration", None), data.pop("duration_unit", None) or "hours"
    if duration is None:
        return data
    try:
        data["minutes"] = rules.minutes_given(minutes=data.get("minutes"), duration=duration, unit=unit)
    except rules.RuleError as error:
        raise DjangoValidationError({error.field: [error.message]}) from None
    return data


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


def _entry_response(request: HttpRequest, entry: Entry) -> dict[str, Any]:
    received = selectors.entry_received(user=request.auth, entry_ids=[entry.pk])  # type: ignore[attr-defined]
    return _entry_out(entry, received.get(entry.pk))


@router.get("/entries", response={200: WorklogEntryListOut, **ERRORS}, summary="Your entries, newest first, filtered")
def list_entries(request: HttpRequest, filters: Query[WorklogEntryFilterParams]) -> Any:
    if error := _repeated(request):
        return error
    params = filters.dict()
    limit, offset = params.pop("limit"), params.pop("offset")
    qs = selectors.entry_list(user=request.auth, filters=selectors.EntryFilters(**params))  # type: ignore[attr-defined]
    page = list(qs[offset : offset + limit])
    received = selectors.entry_received(user=request.auth, entry_ids=[e.pk for e in page])  # type: ignore[attr-defined]
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "results": [_entry_out(entry, received.get(entry.pk)) for entry in page],
    }


@router.post("/entries", response={201: WorklogEntryOut, **ERRORS}, summary="Log an entry")
def create_entry(request: HttpRequest, payload: WorklogEntryIn) -> tuple[int, Any]:
    try:
        entry = services.entry_create(user=request.auth, **_with_duration(payload.dict()))  # type: ignore[attr-defined]
    except DjangoValidationError as error:
        return _invalid(error)
    return 201, _entry_out(entry, None)


@router.get("/entries/{entry_id}", response={200: WorklogEntryOut, 404: ErrorOut, **ERRORS}, summary="One entry")
def get_entry(request: HttpRequest, entry_id: Id) -> tuple[int, Any]:
    entry = Entry.objects.filter(user=request.auth, pk=entry_id).first()  # type: ignore[attr-defined]
    if entry is None:
        return _not_found("entry", entry_id)
    return 200, _entry_response(request, entry)


@router.patch(
    "/entries/{entry_id}",
    response={200: WorklogEntryOut, 404: ErrorOut, 409: ErrorOut, **ERRORS},
    summary="Change some fields of an entry",
)
def update_entry(request: HttpRequest, entry_id: Id, payload: WorklogEntryPatch) -> tuple[int, Any]:
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version", None)
    try:
        entry = services.entry_update(
            user=request.auth,  # type: ignore[attr-defined]
            entry_id=entry_id,
            changes=_with_duration(changes),
            expected_version=version,
        )
    except Entry.DoesNotExist:
        return _not_found("entry", entry_id)
    except services.ConflictError:
        return 409, {"detail": "The entry changed since you read it; fetch it again and resend your change."}
    except DjangoValidationError as error:
        return _invalid(error)
    return 200, _entry_response(request, entry)


@router.delete("/entries/{entry_id}", response={204: None, 404: ErrorOut, **ERRORS}, summary="Delete an entry")
def delete_entry(request: HttpRequest, entry_id: Id) -> tuple[int, Any]:
    try:
        services.entry_delete(user=request.auth, entry_id=entry_id)  # type: ignore[attr-defined]
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
def list_payments(request: HttpRequest, page: Query[WorklogPageParams]) -> Any:
    if error := _repeated(request):
        return error
    qs = Payment.objects.filter(user=request.auth).order_by("-date", "-pk")  # type: ignore[attr-defined]
    payments = list(qs.prefetch_related("matches")[page.offset : page.offset + page.limit])
    return {
        "count": qs.count(),
        "limit": page.limit,
        "offset": page.offset,
        "results": [_payment_out(p, sorted(p.matches.all(), key=lambda m: m.entry_id)) for p in payments],
    }


@router.post("/payments", response={201: WorklogPaymentOut, **ERRORS}, summary="Record a payment received")
def create_payment(request: HttpRequest, payload: WorklogPaymentIn) -> tuple[int, Any]:
    try:
        payment = services.payment_create(user=request.auth, **payload.dict())  # type: ignore[attr-defined]
    except DjangoValidationError as error:
        return _invalid(error)
    return 201, _payment_out(payment, [])


@router.get("/payments/{payment_id}", response={200: WorklogPaymentOut, 404: ErrorOut, **ERRORS}, summary="One payment")
def get_payment(request: HttpRequest, payment_id: Id) -> tuple[int, Any]:
    payment = Payment.objects.filter(user=request.auth, pk=payment_id).first()  # type: ignore[attr-defined]
    if payment is None:
        return _not_found("payment", payment_id)
    return 200, _payment_response(payment)


@router.patch(
    "/payments/{payment_id}",
    response={200: WorklogPaymentOut, 404: ErrorOut, 409: ErrorOut, **ERRORS},
    summary="Change some fields of a payment",
)
def update_payment(request: HttpRequest, payment_id: Id, payload: WorklogPaymentPatch) -> tuple[int, Any]:
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version", None)
    try:
        payment = services.payment_update(
            user=request.auth,  # type: ignore[attr-defined]
            payment_id=payment_id,
            changes=changes,
            expected_version=version,
        )
    except Payment.DoesNotExist:
        return _not_found("payment", payment_id)
    except services.ConflictError:
        return 409, {"detail": "The payment changed since you read it; fetch it again and resend your change."}
    except DjangoValidationError as error:
        return _invalid(error)
    return 200, _payment_response(payment)


@router.delete("/payments/{payment_id}", response={204: None, 404: ErrorOut, **ERRORS}, summary="Delete a payment")
def delete_payment(request: HttpRequest, payment_id: Id) -> tuple[int, Any]:
    try:
        services.payment_delete(user=request.auth, payment_id=payment_id)  # type: ignore[attr-defined]
    except Payment.DoesNotExist:
        return _not_found("payment", payment_id)
    return 204, None


@router.post(
    "/payments/{payment_id}/matches",
    response={200: WorklogPaymentOut, 404: ErrorOut, **ERRORS},
    summary="Match a payment to the entries it paid for",
)
def match_payment(request: HttpRequest, payment_id: Id, payload: WorklogMatchIn) -> tuple[int, Any]:
    try:
        services.payment_match(
            user=request.auth,  # type: ignore[attr-defined]
            payment_id=payment_id,
            entry_ids=payload.entries,
            mark_paid=payload.mark_paid,
        )
    except Payment.DoesNotExist:
        return _not_found("payment", payment_id)
    except Entry.DoesNotExist:
        return 404, {"detail": "One of those entries does not exist."}
    except DjangoValidationError as error:
        return _invalid(error)
    payment = Payment.objects.get(user=request.auth, pk=payment_id)  # type: ignore[attr-defined]
    return 200, _payment_response(payment)


# --- summary and export ----------------------------------------------------------------------------


class WorklogFiguresOut(Schema):
    label: str
    hours: Decimal
    unpaid_hours: Decimal
    unpaid_share_percent: Decimal | None
    entries: int
    expected: Decimal
    received: Decimal = Field(
        description="Money in this row's rate: payments matched to its work, its tips, and (overall and by "
        "platform, not by month or week) payments not matched to any work"
    )
    tips: Decimal = Field(description="Of the money received, tips")
    paid_for_work: Decimal = Field(description="Payments matched to this row's work, whenever they arrived")
    not_matched: Decimal = Field(
        description="Payments not matched to any work, by the day they arrived (by month and week: not in `received`)"
    )
    hourly: Decimal | None = Field(description="Money received ÷ all hours, unpaid hours included")
    if_all_arrived_hourly: Decimal | None = Field(
        description="(Expected pay + tips, or what arrived where more did) ÷ all hours: never below `hourly`"
    )
    no_money_received: bool = Field(description="Hours worked and no money received yet")


class WorklogPlatformOut(WorklogFiguresOut):
    read_url: str | None
    read_title: str | None
    costs: Decimal = Field(description="Costs counted for this platform (expenses, or IRS mileage rate × miles)")
    cost_method: str = Field(description="How its driving costs were counted, by year")
    net: Decimal
    net_hourly: Decimal | None = Field(description="(Received − costs) ÷ all hours")


class WorklogOverallOut(WorklogFiguresOut):
    costs: Decimal = Field(description="Every cost counted, those not tied to a platform included")
    net: Decimal
    net_hourly: Decimal | None = Field(description="(Received − costs) ÷ all hours")


class WorklogWeekOut(WorklogFiguresOut):
    week: dt.date = Field(description="The Monday of the week")


class WorklogMonthOut(WorklogFiguresOut):
    month: dt.date


class WorklogOwedOut(Schema):
    platform: str
    status: StatusLiteral
    entries: int
    outstanding: Decimal
    oldest: dt.date
    days_owed: int
    within_30_days: Decimal
    days_31_to_90: Decimal
    over_90_days: Decimal


class WorklogMissingPaymentsOut(Schema):
    platform: str
    entries: int = Field(description="Entries marked paid that no payment is matched to")
    expected: Decimal
    first: dt.date
    last: dt.date
    unmatched: Decimal = Field(description="The platform's payments not matched to any entry")


class WorklogSummaryOut(Schema):
    currency: str
    currencies: list[str]
    date_from: dt.date | None
    date_to: dt.date | None
    overall: WorklogOverallOut
    platforms: list[WorklogPlatformOut]
    months: list[WorklogMonthOut]
    weeks: list[WorklogWeekOut]
    costs_not_tied_to_a_platform: Decimal
    vehicle_expenses_left_out: Decimal = Field(
        description="Fuel, maintenance and vehicle insurance not counted because the IRS mileage rate stands for them"
    )
    unpriced_miles: Decimal = Field(description="Miles under the mileage method whose IRS rate is not known here")
    owed: list[WorklogOwedOut]
    owed_total: Decimal
    unmatched: Decimal
    paid_in: Decimal = Field(description="Money from payments (received, less tips)")
    missing_payments: list[WorklogMissingPaymentsOut] = Field(
        description="By platform, paid entries whose money no payment covers: it is not in the rates"
    )
    as_of: dt.date


class WorklogSummaryParams(Schema):
    currency: Currency | None = Field(None, description="Default: the currency used most")
    date_from: IsoDate | None = Field(None, description="Work from this day on")
    date_to: IsoDate | None = Field(None, description="Work up to this day")


def _figures(f: selectors.Figures) -> dict[str, Any]:
    return {
        "label": f.label,
        "hours": f.hours,
        "unpaid_hours": f.unpaid_hours,
        "unpaid_share_percent": f.unpaid_share,
        "entries": f.entries,
        "expected": f.expected,
        "received": f.received,
        "tips": f.tips,
        "paid_for_work": f.for_work,
        "not_matched": f.not_matched,
        "hourly": f.hourly,
        "if_all_arrived_hourly": f.expected_hourly,
        "no_money_received": f.nothing_received,
    }


def _net(f: selectors.Figures) -> dict[str, Any]:
    return {"costs": f.cost_total or Decimal("0.00"), "net": f.net or Decimal("0.00"), "net_hourly": f.net_hourly}


@router.get("/summary", response={200: WorklogSummaryOut, **ERRORS}, summary="What the work really paid")
def summary(request: HttpRequest, params: Query[WorklogSummaryParams]) -> Any:
    if error := _repeated(request):
        return error
    currency = params.currency.upper() if params.currency else None
    if params.date_from and params.date_to and params.date_from > params.date_to:
        return 422, {"detail": [{"field": "date_to", "message": "is before date_from"}]}
    s = selectors.worklog_summary(
        user=request.auth,  # type: ignore[attr-defined]
        currency=currency,
        date_from=params.date_from,
        date_to=params.date_to,
    )
    costs = s.costs
    return {
        "currency": s.currency,
        "currencies": s.currencies,
        "date_from": s.date_from,
        "date_to": s.date_to,
        "overall": _figures(s.overall) | _net(s.overall),
        "platforms": [
            _figures(p)
            | _net(p)
            | {
                "read_url": p.read.get_absolute_url() if p.read else None,
                "read_title": p.read.title if p.read else None,
                "cost_method": p.costs.method_label if p.costs else "actual expenses",
            }
            for p in s.platforms
        ],
        "months": [_figures(m) | {"month": m.month} for m in s.months],
        "weeks": [_figures(w) | {"week": w.week} for w in s.weeks],
        "costs_not_tied_to_a_platform": costs.general.total if costs else Decimal("0.00"),
        "vehicle_expenses_left_out": costs.left_out if costs else Decimal("0.00"),
        "unpriced_miles": sum((line.unpriced_miles for line in costs.unpriced), Decimal("0.00")) if costs else 0,
        "owed": [
            {
                "platform": o.platform,
                "status": o.status,
                "entries": o.entries,
                "outstanding": o.outstanding,
                "oldest": o.oldest,
                "days_owed": o.days,
                "within_30_days": o.within_30,
                "days_31_to_90": o.days_31_90,
                "over_90_days": o.over_90,
            }
            for o in s.owed
        ],
        "owed_total": s.owed_total,
        "unmatched": s.unmatched,
        "paid_in": s.paid_in,
        "missing_payments": [dataclasses.asdict(m) for m in s.missing],
        "as_of": s.today,
    }


class WorklogExportEntryOut(Schema):
    id: int
    date: str
    platform: str
    task_type: str
    start_time: str | None
    end_time: str | None
    minutes: int
    units: str | None
    pay_expected: str
    tips: str
    miles: str | None
    currency: str
    status: StatusLiteral
    notes: str
    version: int
    created_at: str
    updated_at: str


class WorklogExportMatchOut(Schema):
    entry: int
    amount: str


class WorklogExportPaymentOut(Schema):
    id: int
    date: str
    platform: str
    amount: str
    currency: str
    reference: str
    version: int
    matches: list[WorklogExportMatchOut]


class WorklogExportReceiptOut(Schema):
    name: str
    content_type: str
    size: int
    sha256: str
    data: str = Field(description="The file, base64-encoded")


class WorklogExportExpenseOut(Schema):
    id: int
    date: str
    platform: str
    category: str
    amount: str
    currency: str
    note: str
    version: int
    receipt: WorklogExportReceiptOut | None


class WorklogExportCostMethodOut(Schema):
    platform: str
    year: int
    method: Literal["actual", "mileage"]


class WorklogExportOut(Schema):
    format: Literal["careermap-worklog"]
    version: int
    exported_at: str
    entries: list[WorklogExportEntryOut]
    payments: list[WorklogExportPaymentOut]
    expenses: list[WorklogExportExpenseOut] = Field(description="Version 3 on")
    cost_methods: list[WorklogExportCostMethodOut] = Field(description="Version 3 on")


@router.get(
    "/export", response={200: WorklogExportOut, **ERRORS}, summary="Everything in your work log, as one document"
)
def export(request: HttpRequest) -> StreamingHttpResponse:
    """Streamed as it is read (the same document as the page's JSON download): a large log never sits in
    memory whole."""
    return StreamingHttpResponse(exports.export_json(user=request.auth), content_type="application/json")  # type: ignore[attr-defined]
