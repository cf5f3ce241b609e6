"""Evaluation of the durability score against its inputs (pure; run on the shared data by
`durability_compute` and `eval/durability_eval.py`, shown on /methodology/durability/)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from careermap.durability.method import INPUTS, INPUTS_BY_KEY
from careermap.durability.scoring import Raw, Result, percentiles, score_all

EXPOSURE_KEYS = tuple(item.key for item in INPUTS if item.direction == "lowers")


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    """Spearman's rho (Pearson on mid-ranks); None under 3 pairs or with no variance."""
    if len(xs) != len(ys) or len(xs) < 3:
        return None
    rx = percentiles(dict(enumerate(xs)))
    ry = percentiles(dict(enumerate(ys)))
    a = [rx[i] for i in range(len(xs))]
    b = [ry[i] for i in range(len(ys))]
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    cov = sum((x - ma) * (y - mb) for x, y in zip(a, b, strict=True))
    va = math.sqrt(sum((x - ma) ** 2 for x in a))
    vb = math.sqrt(sum((y - mb) ** 2 for y in b))
    if va == 0 or vb == 0:
        return None
    return cov / (va * vb)


def _paired(first: Mapping[str, float], second: Mapping[str, float]) -> tuple[list[float], list[float]]:
    codes = sorted(set(first) & set(second))
    return [first[c] for c in codes], [second[c] for c in codes]


def evaluate(raw: Raw, results: Mapping[str, Result], titles: Mapping[str, str]) -> dict[str, Any]:
    scores = {code: float(r.score) for code, r in results.items() if r.inputs}
    columns = {item.key: {c: float(x) for c, v in raw.items() if (x := v.get(item.key)) is not None} for item in INPUTS}
    exposure_pct = {key: percentiles(columns[key]) for key in EXPOSURE_KEYS}
    consensus = {}
    for code in scores:
        values = [exposure_pct[key][code] for key in EXPOSURE_KEYS if code in exposure_pct[key]]
        if len(values) >= 2:
            consensus[code] = sum(values) / len(values)

    def rho(first: Mapping[str, float], second: Mapping[str, float]) -> dict[str, Any]:
        xs, ys = _paired(first, second)
        value = spearman(xs, ys)
        return {"rho": None if value is None else round(value, 3), "n": len(xs)}

    score_vs_input = [{"key": item.key, "label": item.label, **rho(scores, columns[item.key])} for item in INPUTS]
    index_pairs = []
    for i, a in enumerate(EXPOSURE_KEYS):
        for b in EXPOSURE_KEYS[i + 1 :]:
            index_pairs.append({"a": a, "b": b, **rho(columns[a], columns[b])})

    disagreements = []
    for code, result in results.items():
        exposure = [r for r in result.inputs if r.key in EXPOSURE_KEYS]
        if len(exposure) >= 3:
            spread = max(r.percentile for r in exposure) - min(r.percentile for r in exposure)
            disagreements.append((spread, code, {r.key: round(r.percentile, 2) for r in exposure}))
    disagreements.sort(key=lambda item: (-item[0], item[1]))

    stability = []
    full_rank = percentiles(scores)
    for item in INPUTS:
        reduced = {code: {k: v for k, v in values.items() if k != item.key} for code, values in raw.items()}
        alt = {code: float(r.score) for code, r in score_all(reduced).items() if r.inputs}
        common = sorted(set(alt) & set(scores))
        alt_rank = percentiles({c: alt[c] for c in common})
        n = len(common)
        changes = sorted(abs(full_rank[c] - alt_rank[c]) * n for c in common)
        xs, ys = [scores[c] for c in common], [alt[c] for c in common]
        stability.append(
            {
                "left_out": item.key,
                "label": item.label,
                "rho_with_full": None if (r := spearman(xs, ys)) is None else round(r, 3),
                "median_rank_change": round(changes[n // 2], 1) if n else None,
                "p90_rank_change": round(changes[int(n * 0.9)], 1) if n else None,
                "max_rank_change": round(changes[-1], 1) if n else None,
            }
        )

    histogram = [0] * 10
    for value in scores.values():
        histogram[min(9, int(value // 10))] += 1

    return {
        "occupations_scored": len(scores),
        "histogram": histogram,
        "confidence_counts": {
            level: sum(1 for r in results.values() if r.confidence == level)
            for level in ("high", "medium", "low", "none")
        },
        "score_vs_input": score_vs_input,
        "score_vs_consensus": rho(scores, consensus),
        "index_pairs": index_pairs,
        "top_disagreements": [
            {"code": code, "title": titles.get(code, code), "spread": round(spread, 2), "percentiles": pct}
            for spread, code, pct in disagreements[:20]
        ],
        "stability": stability,
        "labels": {item.key: INPUTS_BY_KEY[item.key].label for item in INPUTS},
    }
