"""GET /api/v1/pooled-pay?platform=: the published pooled figures for one platform, or (without `platform`)
every platform that has some. The same for everyone.

The answer has the same shape whether or not anyone shares the platform: an unknown platform and one with
too few people both say "not enough shared logs yet", so the endpoint never reveals that one person logs it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from careermap.api.schemas import ValidationErrorOut
from careermap.pooled import rules
from careermap.pooled.models import PooledCell
from careermap.pooled.selectors import latest_run, pooled_for_platforms, pooled_platform_keys
from careermap.pooled.services import platform_key

router = Router(tags=["pooled pay"])


class PooledParams(Schema):
    platform: str | None = Field(
        default=None,
        min_length=1,
        max_length=100,
        description="A platform name, e.g. DoorDash (any case); leave out for every platform with figures",
    )


class PooledCellOut(Schema):
    quarter: str = Field(description="e.g. 2026-Q3")
    quarter_start: dt.date
    task_type: str = Field(description="Empty for all of the platform's work")
    status: Literal["published", "held", "withheld"] = Field(
        description="published: new figures; held: the figures published before, kept because too few people's "
        "logs changed; withheld: not shown until enough logs change (someone behind the last figures stopped sharing)"
    )
    figures_from: dt.datetime | None
    people: int | None
    hours: int | None = Field(description=f"Rounded to the nearest {rules.HOURS_STEP}")
    hourly_median_usd: Decimal | None = Field(description="Money received ÷ all hours, unpaid ones included")
    hourly_p25_usd: Decimal | None
    hourly_p75_usd: Decimal | None
    unpaid_share_percent: int | None
    disputed_or_rejected_share_percent: int | None


class PooledRulesOut(Schema):
    method: str
    min_people: int
    max_person_share: Decimal
    k_changed: int
    dollar_rounding: Decimal
    hours_rounding: int


class PooledPlatformOut(Schema):
    platform: str
    quarters: list[PooledCellOut]
    task_types: list[PooledCellOut]


class PooledPayOut(Schema):
    query: str | None = Field(description="The platform asked for, as sent")
    enough: bool = Field(description="False: not enough shared logs yet")
    message: str
    platforms: list[PooledPlatformOut]
    data_as_of: dt.datetime | None = Field(description="When the pooled tables were last computed")
    rules: PooledRulesOut
    source: str


def _cell(cell: PooledCell) -> dict[str, Any]:
    return {
        "quarter": f"{cell.quarter.year}-Q{(cell.quarter.month - 1) // 3 + 1}",
        "quarter_start": cell.quarter,
        "task_type": cell.task_label,
        "status": cell.status,
        "figures_from": cell.figures_from,
        "people": cell.people,
        "hours": cell.hours,
        "hourly_median_usd": cell.hourly_median,
        "hourly_p25_usd": cell.hourly_p25,
        "hourly_p75_usd": cell.hourly_p75,
        "unpaid_share_percent": cell.unpaid_share,
        "disputed_or_rejected_share_percent": cell.disputed_share,
    }


@router.get(
    "/pooled-pay",
    response={200: PooledPayOut, 422: ValidationErrorOut},
    summary="Pooled, opt-in hourly pay from work logs for one platform (unstable)",
)
def get_pooled_pay(request: HttpRequest, params: Query[PooledParams]) -> dict[str, Any]:
    run = latest_run()
    if params.platform is None:
        keys = list(pooled_platform_keys(run=run))
    else:
        keys = [platform_key(params.platform)] if platform_key(params.platform) else []
    found = [p for p in pooled_for_platforms(keys=keys, run=run) if p.cells or p.tasks]
    return {
        "query": params.platform,
        "enough": bool(found),
        "message": "" if found else "Not enough shared logs yet.",
        "platforms": [
            {"platform": p.label, "quarters": [_cell(c) for c in p.cells], "task_types": [_cell(c) for c in p.tasks]}
            for p in found
        ],
        "data_as_of": run.computed_at if run else None,
        "rules": {
            "method": rules.METHOD_VERSION,
            "min_people": rules.MIN_PEOPLE,
            "max_person_share": rules.MAX_PERSON_SHARE,
            "k_changed": rules.K_CHANGED,
            "dollar_rounding": rules.DOLLAR_STEP,
            "hours_rounding": rules.HOURS_STEP,
        },
        "source": "/data/#pooled-pay",
    }
