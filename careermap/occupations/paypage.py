"""The pay part of a page: the area in the URL, the figures for it and the nation, the state map.

Shared by the occupation page, career reads and quiz results, so every page reads the area
the same way and shows pay with the same words and source line.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path
from types import EllipsisType
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from careermap.lib.usmap import STATES_FILE, MapDataError, load_state_shapes, state_choropleth
from careermap.occupations.areas import AREA_CODE
from careermap.occupations.models import Area, Occupation
from careermap.occupations.pay import range_bar, trend_change
from careermap.occupations.selectors import OccupationPay, area_get, occupation_pay

logger = logging.getLogger(__name__)

PAY_ROWS = [
    ("pct10", "10th percentile"),
    ("pct25", "25th percentile"),
    ("median", "Median"),
    ("pct75", "75th percentile"),
    ("pct90", "90th percentile"),
    ("mean", "Mean"),
]


@dataclasses.dataclass(frozen=True)
class AreaChoice:
    """The `area` query parameter as read: the area, or what was wrong with it."""

    area: Area | None
    code: str  # as given, for cache keys and messages ("" when absent)
    problem: str  # "" when fine

    @property
    def cache_part(self) -> str:
        # Unknown codes are seven digits (checked), so they are safe in a key; malformed ones share one.
        return (
            self.area.code if self.area else (self.code if AREA_CODE.match(self.code) else "bad" if self.code else "")
        )


def area_choice(request: HttpRequest) -> AreaChoice:
    code = request.GET.get("area", "").strip()
    if not code:
        return AreaChoice(None, "", "")
    if not AREA_CODE.match(code):
        return AreaChoice(None, "malformed", "That is not an area code (seven digits). Showing national pay.")
    area = area_get(code=code)
    if area is None:
        return AreaChoice(None, code, f"We have no pay data for an area with code {code}. Showing national pay.")
    return AreaChoice(area, code, "")


def _shapes() -> dict[str, Any]:
    try:
        return load_state_shapes(Path(settings.CAREERMAP_DATA_DIR) / STATES_FILE)
    except MapDataError:
        logger.exception("state outlines unreadable: the pay map is left out, its table stays")
        return {}


def state_map(pay: OccupationPay, *, path: str) -> Any:
    """The choropleth of May 2025 state medians (annual), each state linking to this page for it."""
    values = {fips: f.median_annual.value for fips, f in pay.states.items()}
    labels = {
        fips: f"{pay.state_names.get(fips, fips)}: {f.median_annual.as_dollars(hourly=False)}"
        for fips, f in pay.states.items()
        if f.median_annual.at_least
    }
    selected = None
    if pay.area is not None and not pay.area.is_national:
        selected = pay.area.state_fips
    return state_choropleth(
        values,
        shapes=_shapes(),
        selected=selected,
        href=lambda fips: f"{path}?area={fips}00000",
        value_labels=labels,
    )


def pay_context(
    *,
    occupation: Occupation,
    choice: AreaChoice,
    path: str,
    with_map: bool = True,
    pay: OccupationPay | None | EllipsisType = ...,
) -> dict[str, Any]:
    """Everything the pay partials need; `pay` is None when OEWS is not loaded or has no code for it.
    A caller that already read the pay (the occupation page, via `occupation_page`) passes it."""
    if pay is ...:
        pay = occupation_pay(occupation=occupation, area=choice.area)
    if pay is None:
        return {"pay": None, "area_choice": choice}
    scale = max(
        (f.annual["pct90"].value or 0 for f in (pay.national, pay.local) if f is not None),
        default=0,
    )
    state_rows = sorted(
        ((pay.state_names.get(fips, fips), fips, figures) for fips, figures in pay.states.items()),
        key=lambda row: row[0],
    )
    return {
        "pay": pay,
        "pay_rows": PAY_ROWS,
        "area_choice": choice,
        "local_bar": range_bar(pay.local, scale_max=scale) if pay.local and pay.area else None,
        "national_bar": range_bar(pay.national, scale_max=scale) if pay.national else None,
        "state_map": state_map(pay, path=path) if with_map else None,
        "state_rows": state_rows,
        "map_caption": f"Median annual pay of {occupation.title.lower()} by state, May 2025 (BLS OEWS, employees only)",
        "trend_change": trend_change(pay.trend),
    }
