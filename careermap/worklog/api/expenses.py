"""The work log's costs over JSON: `/api/v1/worklog/expenses…`, `/cost-methods`, `/tax-estimate` and
`/summary/times`, for the owner only — the twins of the expenses, driving-costs, tax and days-and-hours
pages. Same authentication and rules as the rest of the work-log API (`worklog.py`): another worker's id
is a 404, amounts are decimal strings. Receipts are uploaded and opened on the pages; here each expense
says whether it has one and where to open it (`receipt_url`, for the logged-in browser).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.urls import reverse
from ninja import Field, Query, Router, Schema

from careermap.api.auth import AuthenticatedApiRequest, private_auth
from careermap.api.schemas import ErrorOut
from careermap.worklog import expenses
from careermap.worklog.api.common import (
    ERRORS,
    BodyIn,
    Currency,
    Id,
    IsoDate,
    PositiveMoney,
    Text100,
    _not_found,
    _repeated,
)
from careermap.worklog.models import CostMethodChoice, Expense
from careermap.worklog.summary import worklog_currencies
from careermap.worklog.taxes import ESTIMATED_TAX_URL, SE_TAX_URL, TOPIC_554_URL, tax_estimate
from careermap.worklog.times import WEEKDAYS, worklog_times
from careermap.worklog.versioned import ConflictError

router = Router(tags=["worklog"], auth=private_auth())

CategoryLiteral = Literal["fuel", "vehicle_maintenance", "phone_data", "equipment", "fees", "insurance", "other"]
MethodLiteral = Literal["actual", "mileage"]
Note = Annotated[str, Field(max_length=expenses.NOTE_MAX_LENGTH)]
PlatformOrBlank = Annotated[str, Field(max_length=100, description="Empty: a cost not tied to one platform")]


class WorklogExpenseIn(BodyIn):
    date: IsoDate
    category: CategoryLiteral
    amount: PositiveMoney
    currency: Currency = "USD"
    platform: PlatformOrBlank = ""
    note: Note = ""


class WorklogExpensePatch(BodyIn):
    date: IsoDate | None = None
    category: CategoryLiteral | None = None
    amount: PositiveMoney | None = None
    currency: Currency | None = None
    platform: PlatformOrBlank | None = None
    note: Note | None = None
    version: Annotated[int, Field(ge=1, le=2**31)] | None = None


class WorklogReceiptOut(Schema):
    name: str
    content_type: str
    size: int


class WorklogExpenseOut(Schema):
    id: int
    date: dt.date
    category: CategoryLiteral
    amount: Decimal
    currency: str
    platform: str
    note: str
    receipt: WorklogReceiptOut | None
    receipt_url: str | None = Field(description="Where the owner opens the receipt in the browser (logged in)")
    version: int


class WorklogExpenseListOut(Schema):
    count: int
    limit: int
    offset: int
    results: list[WorklogExpenseOut]


class WorklogExpenseFilterParams(Schema):
    platform: str = Field("", max_length=100, description="A platform, or `-` for costs not tied to one")
    category: Literal[""] | CategoryLiteral = ""
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None
    currency: str = Field("", max_length=3)
    limit: Annotated[int, Field(ge=1, le=500)] = 100
    offset: Annotated[int, Field(ge=0, le=10**9)] = 0


def _expense_out(expense: Expense, receipts: dict[int, Any]) -> dict[str, Any]:
    receipt = receipts.get(expense.pk)
    return {
        **{name: getattr(expense, name) for name in expenses.EXPENSE_FIELDS},
        "id": expense.pk,
        "receipt": None
        if receipt is None
        else {"name": receipt.name, "content_type": receipt.content_type, "size": receipt.size},
        "receipt_url": reverse("worklog:expense_receipt", args=[expense.pk]) if receipt else None,
        "version": expense.version,
    }


def _one(request: AuthenticatedApiRequest, expense: Expense) -> dict[str, Any]:
    return _expense_out(expense, expenses.receipt_meta(user=request.auth, expense_ids=[expense.pk]))


@router.get("/expenses", response={200: WorklogExpenseListOut, **ERRORS}, summary="Your expenses, newest first")
def list_expenses(request: AuthenticatedApiRequest, filters: Query[WorklogExpenseFilterParams]) -> Any:
    if error := _repeated(request):
        return error
    params = filters.dict()
    limit, offset = params.pop("limit"), params.pop("offset")
    qs = expenses.expense_list(user=request.auth, filters=expenses.ExpenseFilters(**params))
    page = list(qs[offset : offset + limit])
    receipts = expenses.receipt_meta(user=request.auth, expense_ids=[e.pk for e in page])
    return {
        "count": qs.count(),
        "limit": limit,
        "offset": offset,
        "results": [_expense_out(e, receipts) for e in page],
    }


@router.post("/expenses", response={201: WorklogExpenseOut, **ERRORS}, summary="Record an expense")
def create_expense(request: AuthenticatedApiRequest, payload: WorklogExpenseIn) -> tuple[int, Any]:
    expense = expenses.expense_create(user=request.auth, **payload.dict())
    return 201, _expense_out(expense, {})


@router.get("/expenses/{expense_id}", response={200: WorklogExpenseOut, 404: ErrorOut, **ERRORS}, summary="One expense")
def get_expense(request: AuthenticatedApiRequest, expense_id: Id) -> tuple[int, Any]:
    expense = Expense.objects.filter(user=request.auth, pk=expense_id).first()
    if expense is None:
        return _not_found("expense", expense_id)
    return 200, _one(request, expense)


@router.patch(
    "/expenses/{expense_id}",
    response={200: WorklogExpenseOut, 404: ErrorOut, 409: ErrorOut, **ERRORS},
    summary="Change some fields of an expense",
)
def update_expense(request: AuthenticatedApiRequest, expense_id: Id, payload: WorklogExpensePatch) -> tuple[int, Any]:
    changes = payload.dict(exclude_unset=True)
    version = changes.pop("version", None)
    try:
        expense = expenses.expense_update(
            user=request.auth,
            expense_id=expense_id,
            changes=changes,
            expected_version=version,
        )
    except Expense.DoesNotExist:
        return _not_found("expense", expense_id)
    except ConflictError:
        return 409, {"detail": "The expense changed since you read it; fetch it again and resend your change."}
    return 200, _one(request, expense)


@router.delete(
    "/expenses/{expense_id}", response={204: None, 404: ErrorOut, **ERRORS}, summary="Delete an expense and its receipt"
)
def delete_expense(request: AuthenticatedApiRequest, expense_id: Id) -> tuple[int, Any]:
    try:
        expenses.expense_delete(user=request.auth, expense_id=expense_id)
    except Expense.DoesNotExist:
        return _not_found("expense", expense_id)
    return 204, None


# --- how driving costs count ----------------------------------------------------------------------------


class WorklogCostMethodOut(Schema):
    platform: str
    year: int
    method: MethodLiteral
    chosen: bool = Field(description="False: no choice made, so actual expenses (the default)")
    miles: Decimal
    vehicle_expenses: Decimal


class WorklogCostMethodIn(BodyIn):
    platform: Text100
    year: Annotated[int, Field(ge=2000, le=9999)]
    method: MethodLiteral


def _method_out(row: expenses.MethodRow) -> dict[str, Any]:
    return {
        "platform": row.platform,
        "year": row.year,
        "method": row.method,
        "chosen": row.chosen,
        "miles": row.miles,
        "vehicle_expenses": row.vehicle_expenses,
    }


@router.get(
    "/cost-methods",
    response={200: list[WorklogCostMethodOut], **ERRORS},
    summary="How each platform's driving costs count, by year",
)
def list_cost_methods(request: AuthenticatedApiRequest) -> Any:
    return [_method_out(row) for row in expenses.cost_method_rows(user=request.auth)]


@router.put(
    "/cost-methods",
    response={200: WorklogCostMethodOut, **ERRORS},
    summary="Choose actual expenses or the IRS mileage rate for a platform and year",
)
def set_cost_method(request: AuthenticatedApiRequest, payload: WorklogCostMethodIn) -> tuple[int, Any]:
    chosen = expenses.cost_method_set(user=request.auth, **payload.dict())
    rows = expenses.cost_method_rows(user=request.auth)
    row = next(r for r in rows if r.platform.lower() == chosen.platform.lower() and r.year == chosen.year)
    return 200, _method_out(row)


# --- tax estimate ----------------------------------------------------------------------------------------


class WorklogTaxRowOut(Schema):
    period_start: dt.date | None
    period_end: dt.date | None
    due: dt.date | None
    received: Decimal
    costs: Decimal
    net: Decimal
    self_employment_tax: Decimal
    income_tax: Decimal
    set_aside: Decimal


class WorklogTaxEstimateOut(Schema):
    estimate: Literal[True] = Field(True, description="Always an estimate, never a tax calculation or advice")
    year: int
    currency: Literal["USD"]
    income_tax_rate_percent: Decimal | None
    self_employment_tax_rate: Decimal
    share_of_net_earnings_taxed: Decimal
    periods: list[WorklogTaxRowOut]
    year_total: WorklogTaxRowOut
    under_400_threshold: bool
    sources: list[str]


class WorklogTaxParams(Schema):
    year: Annotated[int, Field(ge=2000, le=9998)] | None = None
    income_tax_rate: Annotated[Decimal, Field(ge=0, le=60, max_digits=4, decimal_places=1)] | None = None


def _tax_row(row: Any) -> dict[str, Any]:
    return {
        "period_start": row.period.start if row.period else None,
        "period_end": row.period.end if row.period else None,
        "due": row.period.due if row.period else None,
        "received": row.received,
        "costs": row.costs,
        "net": row.net,
        "self_employment_tax": row.se_tax,
        "income_tax": row.income_tax,
        "set_aside": row.set_aside,
    }


@router.get(
    "/tax-estimate",
    response={200: WorklogTaxEstimateOut, **ERRORS},
    summary="A tax set-aside estimate per IRS estimated-tax period (USD)",
)
def get_tax_estimate(request: AuthenticatedApiRequest, params: Query[WorklogTaxParams]) -> Any:
    if error := _repeated(request):
        return error
    estimate = tax_estimate(user=request.auth, year=params.year, income_tax_rate=params.income_tax_rate)
    from careermap.worklog.taxes import SE_EARNINGS_SHARE, SE_TAX_RATE

    return {
        "estimate": True,
        "year": estimate.year,
        "currency": estimate.currency,
        "income_tax_rate_percent": estimate.income_tax_rate,
        "self_employment_tax_rate": SE_TAX_RATE,
        "share_of_net_earnings_taxed": SE_EARNINGS_SHARE,
        "periods": [_tax_row(row) for row in estimate.periods],
        "year_total": _tax_row(estimate.year_row),
        "under_400_threshold": estimate.under_threshold,
        "sources": [TOPIC_554_URL, SE_TAX_URL, ESTIMATED_TAX_URL],
    }


# --- days and hours ------------------------------------------------------------------------------------


class WorklogTimeCellOut(Schema):
    hours: Decimal
    money: Decimal = Field(description="Payments matched to this work, and its tips")
    hourly: Decimal | None


class WorklogWeekdayOut(WorklogTimeCellOut):
    weekday: str


class WorklogHourOut(WorklogTimeCellOut):
    hour: int = Field(description="The hour the work started, 0–23")


class WorklogPlatformTimesOut(Schema):
    platform: str
    weekdays: list[WorklogWeekdayOut]
    hours: list[WorklogHourOut]
    without_start_time: int


class WorklogTimesOut(Schema):
    currency: str
    entries: int
    without_start_time: int = Field(description="Entries with no start time: in the weekdays only")
    platforms: list[WorklogPlatformTimesOut]


class WorklogRangeParams(Schema):
    currency: Currency | None = Field(None, description="Default: the currency used most")
    date_from: IsoDate | None = None
    date_to: IsoDate | None = None


def _cell(cell: Any) -> dict[str, Any]:
    return {"hours": cell.hours, "money": cell.money, "hourly": cell.hourly}


@router.get(
    "/summary/times",
    response={200: WorklogTimesOut, **ERRORS},
    summary="Each platform by day of the week and hour of the day",
)
def get_times(request: AuthenticatedApiRequest, params: Query[WorklogRangeParams]) -> Any:
    if error := _repeated(request):
        return error
    currencies = worklog_currencies(user=request.auth)
    wanted = params.currency.upper() if params.currency else None
    currency = wanted if wanted in currencies else (currencies or ["USD"])[0]
    times = worklog_times(user=request.auth, currency=currency, date_from=params.date_from, date_to=params.date_to)
    return {
        "currency": times.currency,
        "entries": times.entries,
        "without_start_time": times.without_start,
        "platforms": [
            {
                "platform": p.platform,
                "weekdays": [_cell(cell) | {"weekday": day} for day, cell in zip(WEEKDAYS, p.weekdays, strict=True)],
                "hours": [_cell(cell) | {"hour": hour} for hour, cell in p.busiest_hours],
                "without_start_time": p.without_start,
            }
            for p in times.platforms
        ],
    }


assert set(MethodLiteral.__args__) == set(CostMethodChoice.values)  # type: ignore[attr-defined]
