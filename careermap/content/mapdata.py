"""The drawn map's data: each read as a point (band, durability, start cost). Two queries for all reads."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from careermap.content.models import Read, ReadOccupation
from careermap.durability.models import DurabilityScore
from careermap.lib.charts import ReadPoint
from careermap.lib.vocab import BAND_LABELS, BANDS

# Across the map: fastest first. "Uneven" (money can come fast but not predictably) sits between
# weeks and months, where the filters rank it.
MAP_BANDS: list[tuple[str, str]] = [(key, BAND_LABELS[key]) for key in BANDS]


def read_scores(reads: Sequence[Read]) -> dict[int, int]:
    """Read id → its durability score: the rounded mean over its linked occupations that have one
    (the same rule as the read page). Reads without a score by design, or whose occupations have
    none loaded, are absent."""
    scored_ids = [read.pk for read in reads if read.durability_scored]
    links: dict[int, list[str]] = defaultdict(list)
    for read_id, code in ReadOccupation.objects.filter(read_id__in=scored_ids).values_list("read_id", "onet_code"):
        links[read_id].append(code)
    codes = {code for found in links.values() for code in found}
    scores = dict(DurabilityScore.objects.filter(occupation_id__in=codes).values_list("occupation_id", "score"))
    out: dict[int, int] = {}
    for read_id, found in links.items():
        values = [scores[code] for code in found if code in scores]
        if values:
            out[read_id] = round(sum(values) / len(values))
    return out


def read_points(reads: Sequence[Read], scores: dict[int, int]) -> list[ReadPoint]:
    return [
        ReadPoint(
            slug=read.slug,
            title=read.title,
            collection=read.collection,
            band=read.first_dollar_band,
            score=scores.get(read.pk),
            start_cost_max=read.start_cost_max,
            url=read.get_absolute_url(),
        )
        for read in reads
    ]
