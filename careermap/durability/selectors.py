"""Reads of durability scores for pages and the API."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.urls import reverse

from careermap.durability.method import (
    CONFIDENCE_RULES,
    DISAGREEMENT_GAP,
    HISTORY_MEASURES,
    INPUTS,
    INPUTS_BY_KEY,
    METHOD_VERSION,
    PRESENCE_WORDS,
    TOTAL_WEIGHT,
)
from careermap.durability.models import DurabilityRun, DurabilityScore
from careermap.lib.versions import DataVersion


def durability_method() -> dict[str, Any]:
    """The method as data: version, inputs with weights, rules. Served by the API and the page."""
    return {
        "version": METHOD_VERSION,
        "inputs": [
            dataclasses.asdict(item) | {"weight_share": round(item.weight / TOTAL_WEIGHT, 3)} for item in INPUTS
        ],
        "confidence_rules": CONFIDENCE_RULES,
        "disagreement_gap": DISAGREEMENT_GAP,
        "history_not_weighted": list(HISTORY_MEASURES),
        "presence_words": list(PRESENCE_WORDS),
        "score": "100 × weighted mean of each present input's percentile among occupations, turned so that higher "
        "means more durable; missing inputs are left out, never filled in.",
    }


def durability_run_latest() -> DurabilityRun | None:
    return DurabilityRun.objects.order_by("-pk").first()


def _vintages() -> dict[str, str]:
    from careermap.occupations.models import Dataset

    return dict(Dataset.objects.values_list("key", "version"))


def durability_present(score: DurabilityScore, vintages: dict[str, str] | None = None) -> dict[str, Any]:
    """One occupation's stored score shaped for a page or the API, each input with its dataset vintage."""
    vintages = _vintages() if vintages is None else vintages
    inputs = []
    for item in score.inputs:
        spec = INPUTS_BY_KEY.get(item["key"])
        if spec is not None:
            inputs.append(item | {"label": spec.label, "source": spec.source, "vintage": vintages.get(spec.source, "")})
    return {
        "code": score.occupation_id,
        "score": score.score,
        "confidence": score.confidence,
        "version": score.version,
        "coverage": score.coverage,
        "why": score.why,
        "inputs": inputs,
        "missing": [{"key": key, "label": INPUTS_BY_KEY[key].label} for key in score.missing if key in INPUTS_BY_KEY],
        "disagreements": [
            d | {"higher_label": INPUTS_BY_KEY[d["higher"]].label, "lower_label": INPUTS_BY_KEY[d["lower"]].label}
            for d in score.disagreements
            if d["higher"] in INPUTS_BY_KEY and d["lower"] in INPUTS_BY_KEY
        ],
        "method_url": reverse("durability:method"),
    }


def durability_for_codes(codes: list[str]) -> dict[str, dict[str, Any]]:
    scores = DurabilityScore.objects.filter(occupation_id__in=codes).select_related("occupation")
    vintages = _vintages()
    return {
        score.occupation_id: durability_present(score, vintages) | {"title": score.occupation.title} for score in scores
    }


def durability_for_read(codes: list[str]) -> dict[str, Any] | None:
    """A career read's computed score: the mean over its linked occupations that have one.

    Confidence is the lowest among them; each occupation's own score is listed beside it."""
    per_occupation = durability_for_codes(codes)
    if not per_occupation:
        return None
    ordered = [per_occupation[code] for code in codes if code in per_occupation]
    levels = ["low", "medium", "high"]
    confidence = min((item["confidence"] for item in ordered), key=levels.index)
    first = ordered[0]
    return {
        "score": round(sum(item["score"] for item in ordered) / len(ordered)),
        "confidence": confidence,
        "version": first["version"],
        "why": first["why"],
        "inputs": first["inputs"],
        "disagreements": first["disagreements"],
        "occupations": ordered,
        "missing_codes": [code for code in codes if code not in per_occupation],
        "method_url": first["method_url"],
    }


# The id of the last durability run, which ends every data import in the same transaction
# (careermap/lib/versions.py): part of page cache keys and of every in-memory cache's version.
DATA_VERSION = DataVersion(
    "data:version", lambda: DurabilityRun.objects.order_by("-pk").values_list("pk", flat=True).first()
)


def data_version() -> int:
    """Id of the last durability run, which follows every data import: part of page cache keys."""
    return DATA_VERSION.current()


def data_version_bump(version: int) -> None:
    DATA_VERSION.bump(version)
