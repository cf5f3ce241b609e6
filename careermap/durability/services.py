"""Compute and store every occupation's durability score from the imported data."""

from __future__ import annotations

import re
from collections import defaultdict

from django.db import transaction

from careermap.durability.evaluation import evaluate
from careermap.durability.method import INPUTS, METHOD_VERSION, PRESENCE_WORDS
from careermap.durability.models import DurabilityRun, DurabilityScore
from careermap.durability.scoring import score_all
from careermap.durability.selectors import data_version_bump
from careermap.occupations.models import ExposureScore, Occupation, Projection, Task

_PRESENCE = re.compile(r"\b(" + "|".join(PRESENCE_WORDS) + r")\w*\b", re.IGNORECASE)
_AUTOMATION = {"T0": 0.0, "T1": 0.25, "T2": 0.5, "T3": 0.75, "T4": 1.0}
_MEASURE_INPUTS = {item.key for item in INPUTS}


def task_mix(statements: list[tuple[str, str, str]]) -> tuple[float | None, float | None]:
    """(automation 0–1, presence share 0–1) from (statement, human label, automation label) per task."""
    if not statements:
        return None, None
    automation = [_AUTOMATION[label] for _, _, label in statements if label in _AUTOMATION]
    presence = [1.0 if _PRESENCE.search(text) and human != "E1" else 0.0 for text, human, _ in statements]
    return (sum(automation) / len(automation) if automation else None), sum(presence) / len(presence)


def durability_inputs() -> tuple[dict[str, dict[str, float | None]], dict[str, str]]:
    """Raw inputs per occupation code, read from the imported tables. Nothing is filled in."""
    titles = dict(Occupation.objects.values_list("code", "title"))
    raw: dict[str, dict[str, float | None]] = {code: {} for code in titles}
    for code, key, value in ExposureScore.objects.filter(measure__key__in=_MEASURE_INPUTS).values_list(
        "occupation_id", "measure__key", "value"
    ):
        raw[code][key] = value
    for code, change, openings, employment in Projection.objects.values_list(
        "occupation_id", "change_percent", "openings_annual", "employment_2024"
    ):
        raw[code]["projected_change"] = change
        raw[code]["openings_rate"] = openings / employment if employment else None
    tasks: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for code, text, human, automation in Task.objects.values_list(
        "occupation_id", "statement", "gpt_human_exposure", "gpt4_automation"
    ):
        tasks[code].append((text, human, automation))
    for code, items in tasks.items():
        automation_share, presence = task_mix(items)
        raw[code]["task_automation"] = automation_share
        raw[code]["presence_share"] = presence
    return raw, titles


@transaction.atomic
def durability_compute() -> DurabilityRun:
    """Score every occupation with the current method; replace the stored scores in one transaction."""
    raw, titles = durability_inputs()
    results = score_all(raw)
    DurabilityScore.objects.all().delete()
    DurabilityScore.objects.bulk_create(
        [
            DurabilityScore(
                occupation_id=code,
                version=result.version,
                score=result.score,
                confidence=result.confidence,
                coverage=result.coverage,
                spread=result.spread,
                inputs=[vars(item) for item in result.inputs],
                missing=list(result.missing),
                why=list(result.why),
                disagreements=[vars(item) for item in result.disagreements],
            )
            for code, result in results.items()
            if result.inputs
        ],
        batch_size=500,
    )
    DurabilityRun.objects.all().delete()
    run = DurabilityRun.objects.create(version=METHOD_VERSION, evaluation=evaluate(raw, results, titles))
    transaction.on_commit(lambda: data_version_bump(run.pk))
    return run
