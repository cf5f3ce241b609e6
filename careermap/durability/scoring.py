"""Durability scoring: pure functions from raw inputs per occupation to explained scores.

No ORM here. `score_all` takes {occupation code: {input key: raw value or None}} and returns
a Result per occupation. A missing input is left out of the weighted mean (its weight is
not spread over an invented value) and lowers the confidence.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Hashable, Mapping
from typing import TypeVar

from careermap.durability.method import (
    CONFIDENCE_RULES,
    DISAGREEMENT_GAP,
    INPUTS,
    INPUTS_BY_KEY,
    METHOD_VERSION,
    TOTAL_WEIGHT,
    Input,
)

Raw = Mapping[str, Mapping[str, float | None]]


@dataclasses.dataclass(frozen=True)
class InputResult:
    key: str
    raw: float
    percentile: float  # 0–1 among occupations with this input; higher raw → higher percentile
    durability_points: float  # 0–1: the percentile turned the way that favours durability
    weight: float
    effect: float  # signed pull on the score, in score points, relative to a neutral 50


@dataclasses.dataclass(frozen=True)
class Disagreement:
    higher: str
    lower: str
    gap: float


@dataclasses.dataclass(frozen=True)
class Result:
    score: int
    confidence: str
    coverage: float
    spread: float | None
    inputs: tuple[InputResult, ...]
    missing: tuple[str, ...]
    why: tuple[str, ...]
    disagreements: tuple[Disagreement, ...]
    version: str = METHOD_VERSION


K = TypeVar("K", bound=Hashable)


def percentiles(values: Mapping[K, float]) -> dict[K, float]:
    """Mid-rank percentiles in (0, 1): ties share a rank; order of the mapping is irrelevant."""
    ordered = sorted(values.values())
    n = len(ordered)
    if n == 0:
        return {}
    first_index: dict[float, int] = {}
    counts: dict[float, int] = {}
    for i, value in enumerate(ordered):
        first_index.setdefault(value, i)
        counts[value] = counts.get(value, 0) + 1
    return {key: (first_index[value] + counts[value] / 2) / n for key, value in values.items()}


def score_all(raw: Raw) -> dict[str, Result]:
    by_input: dict[str, dict[str, float]] = {item.key: {} for item in INPUTS}
    for code, values in raw.items():
        for key, value in values.items():
            if key in by_input and value is not None and math.isfinite(value):
                by_input[key][code] = float(value)
    pct = {key: percentiles(values) for key, values in by_input.items()}
    return {code: score_one(code, by_input, pct) for code in sorted(raw)}


def score_one(code: str, by_input: Mapping[str, Mapping[str, float]], pct: Mapping[str, Mapping[str, float]]) -> Result:
    present: list[InputResult] = []
    missing: list[str] = []
    present_weight = sum(item.weight for item in INPUTS if code in by_input[item.key])
    for item in INPUTS:
        if code not in by_input[item.key]:
            missing.append(item.key)
            continue
        percentile = pct[item.key][code]
        points = 1.0 - percentile if item.direction == "lowers" else percentile
        effect = 100.0 * item.weight * (points - 0.5) / present_weight
        present.append(InputResult(item.key, by_input[item.key][code], percentile, points, item.weight, effect))
    if not present:
        return Result(0, "none", 0.0, None, (), tuple(missing), ("No input data for this occupation.",), ())
    score = round(100.0 * sum(r.weight * r.durability_points for r in present) / present_weight)
    coverage = present_weight / TOTAL_WEIGHT
    exposure = [r for r in present if INPUTS_BY_KEY[r.key].direction == "lowers"]
    spread = max(r.percentile for r in exposure) - min(r.percentile for r in exposure) if len(exposure) >= 2 else None
    return Result(
        score=max(0, min(100, score)),
        confidence=_confidence(coverage, spread, exposure, present),
        coverage=round(coverage, 3),
        spread=None if spread is None else round(spread, 3),
        inputs=tuple(present),
        missing=tuple(missing),
        why=_why(present),
        disagreements=_disagreements(exposure),
    )


_EXPOSURE_COUNT = sum(1 for item in INPUTS if item.direction == "lowers")
_ALL_PAIRS = _EXPOSURE_COUNT * (_EXPOSURE_COUNT - 1) // 2


def agreement(exposure: list[InputResult]) -> float:
    """Share of all possible exposure-input pairs that are present and within DISAGREEMENT_GAP."""
    agreeing = sum(
        1
        for i, a in enumerate(exposure)
        for b in exposure[i + 1 :]
        if abs(a.percentile - b.percentile) < DISAGREEMENT_GAP
    )
    return agreeing / _ALL_PAIRS


def _confidence(coverage: float, spread: float | None, exposure: list[InputResult], present: list[InputResult]) -> str:
    has_outlook = any(INPUTS_BY_KEY[r.key].kind == "outlook" for r in present)
    if len(exposure) < 2 or not has_outlook:
        return "low"
    agreed = agreement(exposure)
    for level, rule in CONFIDENCE_RULES.items():
        if coverage >= rule["min_coverage"] - 1e-9 and agreed >= rule["min_agreement"] - 1e-9:
            return level
    return "low"


def _why(present: list[InputResult]) -> tuple[str, ...]:
    """The three inputs that moved the score most, in plain words."""
    strongest = sorted(present, key=lambda r: (-abs(r.effect), r.key))[:3]
    reasons = []
    for result in strongest:
        item: Input = INPUTS_BY_KEY[result.key]
        phrase = item.high if result.percentile >= 0.5 else item.low
        direction = "raises" if result.effect > 0 else "lowers"
        rank = min(99, max(1, round(100 * result.percentile)))
        reasons.append(
            f"{phrase[0].upper()}{phrase[1:]} ({item.label}: percentile {rank} of 100); this {direction} the score."
        )
    return tuple(reasons)


def _disagreements(exposure: list[InputResult]) -> tuple[Disagreement, ...]:
    found = []
    for i, a in enumerate(exposure):
        for b in exposure[i + 1 :]:
            gap = abs(a.percentile - b.percentile)
            if gap >= DISAGREEMENT_GAP:
                high, low = (a, b) if a.percentile > b.percentile else (b, a)
                found.append(Disagreement(high.key, low.key, round(gap, 3)))
    return tuple(sorted(found, key=lambda d: (-d.gap, d.higher, d.lower)))
