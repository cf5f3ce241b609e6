"""The occupations explorer's data: every occupation matching the filters as a point (durability,
median pay, employment). Three queries whatever the number of occupations."""

from __future__ import annotations

import dataclasses

from django.urls import reverse

from careermap.durability.models import DurabilityScore
from careermap.lib.charts import OccupationPoint
from careermap.occupations.importers import oews
from careermap.occupations.models import Area, Wage
from careermap.occupations.selectors import OccupationFilters, area_index, occupation_list


@dataclasses.dataclass(frozen=True)
class ExplorerData:
    points: list[OccupationPoint]
    matched: int  # occupations matching the filters
    no_score: int  # of those, left off the chart: no durability score
    no_pay: int  # of those with a score, left off: no median pay for the place
    local: bool  # pay and employment are OEWS figures for the chosen area (else national EP figures)


def explorer_data(*, filters: OccupationFilters | None, area: Area | None) -> ExplorerData:
    """National: BLS Employment Projections' median wage (May 2024) and 2024 employment, the figures the
    table and the pay filters use. With an area: BLS OEWS May 2025 median and employment there."""
    rows = occupation_list(filters=filters).values_list(
        "code",
        "title",
        "wage_soc_code",
        "projection__median_wage",
        "projection__median_wage_is_floor",
        "projection__employment_2024",
    )
    scores = dict(DurabilityScore.objects.values_list("occupation_id", "score"))
    local = area is not None and not area.is_national
    wages: dict[str, tuple[float | None, bool, float | None]] = {}
    if area is not None and local:
        for soc, median, notes, employment in Wage.objects.filter(area_id=area.code, year=2025).values_list(
            "soc_code", "a_median", "notes", "tot_emp"
        ):
            wages[soc] = (median, oews.parse_notes(notes).get("a_median") == oews.TOP_CODED, employment)
    url = reverse("occupations:occupation_detail", args=["00-0000.00"]).replace("00-0000.00", "{}")
    points: list[OccupationPoint] = []
    no_score = no_pay = matched = 0
    for code, title, soc, ep_median, ep_floor, ep_employment in rows:
        matched += 1
        score = scores.get(code)
        if score is None:
            no_score += 1
            continue
        if local:
            pay, at_least, employment = wages.get(soc, (None, False, None)) if soc else (None, False, None)
        else:
            pay = float(ep_median) if ep_median is not None else None
            at_least = bool(ep_floor)
            employment = ep_employment * 1000 if ep_employment is not None else None
        if pay is None:
            no_pay += 1
            continue
        points.append(OccupationPoint(code, title, score, pay, at_least, employment, url.format(code)))
    return ExplorerData(points, matched, no_score, no_pay, local)


def state_choices() -> list[tuple[str, str]]:
    """States (and D.C. and territories) by name, for a local-pay select; metro areas work through ?area= too."""
    states = [area for area in area_index().values() if area.kind == Area.Kind.STATE]
    return [(area.code, area.name) for area in sorted(states, key=lambda area: area.name)]
