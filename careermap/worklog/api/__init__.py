"""The private work log over JSON: `/api/v1/worklog/…`, for the owner only.

Authenticated by an API token (`Authorization: Bearer cmk_…`, made on the account page) or by the browser
session (then unsafe methods need the CSRF token in `X-CSRFToken`). Every lookup filters by the caller, so
another worker's id is a 404. Amounts are decimal strings ("20.00"), never floats.

`common.py` holds the router and what the modules share; `records.py` (entries, payments, matches) and
`summary.py` (summary, export) add their operations to it; `expenses.py` (expenses, cost methods, taxes,
days and hours) has a router of its own. careermap/api/api.py mounts both under `/api/v1/worklog`.
"""

from __future__ import annotations

from careermap.worklog.api import records, summary  # noqa: F401  (their operations register on the router)
from careermap.worklog.api.common import StatusLiteral, router
from careermap.worklog.api.expenses import router as expenses_router

__all__ = ["StatusLiteral", "expenses_router", "router"]
