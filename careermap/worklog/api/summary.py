"""The summary and the whole-log export over JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import StreamingHttpResponse
from ninja import Field, Query, Schema

from careermap.api.auth import AuthenticatedApiRequest
from careermap.worklog import exports, selectors
from careermap.worklog.api.common import (
    ERRORS,
    Currency,
    IsoDate,
    StatusLiteral,
    _repeated,
    router,
)

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
def summary(request: AuthenticatedApiRequest, params: Query[WorklogSummaryParams]) -> Any:
    if error := _repeated(request):
        return error
    currency = params.currency.upper() if params.currency else None
    if params.date_from and params.date_to and params.date_from > params.date_to:
        return 422, {"detail": [{"field": "date_to", "message": "is before date_from"}]}
    s = selectors.worklog_summary(
        user=request.auth,
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
def export(request: AuthenticatedApiRequest) -> StreamingHttpResponse:
    """Streamed as it is read (the same document as the page's JSON download): a large log never sits in
    memory whole."""
    return StreamingHttpResponse(exports.export_json(user=request.auth), content_type="application/json")
