"""Predicted against observed AI exposure (pure): how far GPTs-are-GPTs β and Anthropic's
observed exposure agree across occupations, and where they part most. Shown on the
methodology page; it changes no weight."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from careermap.durability.evaluation import spearman
from careermap.durability.scoring import percentiles


@dataclasses.dataclass(frozen=True, slots=True)
class Pair:
    code: str  # the O*NET .00 occupation standing for the published SOC code
    title: str
    predicted: float  # GPTs are GPTs β, 0–1
    observed: float  # Anthropic observed exposure, 0–1


@dataclasses.dataclass(frozen=True, slots=True)
class Gap:
    code: str
    title: str
    predicted: float
    observed: float
    predicted_percentile: int  # 1–99, mid-rank among the pairs
    observed_percentile: int
    gap: float  # predicted percentile − observed percentile, −1…1

    @property
    def sentence(self) -> str:
        observed = (
            "no measured exposure"
            if self.observed == 0
            else f"observed exposure {self.observed:.4f} (percentile {self.observed_percentile})"
        )
        return (
            f"{self.title}: predicted β {self.predicted:.2f} (percentile {self.predicted_percentile} of 100), "
            f"{observed}."
        )


@dataclasses.dataclass(frozen=True)
class Comparison:
    n: int
    rho: float | None
    rho_measured_only: float | None  # leaving out the zeros ("no measured exposure")
    n_measured: int
    zeros: int
    predicted_beyond_observed: list[Gap]  # predicted high, little or no use observed
    observed_beyond_predicted: list[Gap]  # more use observed than the prediction ranks it


def _rank(value: float) -> int:
    return min(99, max(1, round(100 * value)))


def compare(pairs: Sequence[Pair], *, top: int = 8) -> Comparison:
    """Spearman ρ over every pair and over the measured (non-zero) ones; the `top` largest
    percentile gaps each way. Ties break by code, so the result is independent of input order."""
    pairs = sorted(pairs, key=lambda p: p.code)  # sums in one order: the same ρ for any input order
    xs = [p.predicted for p in pairs]
    ys = [p.observed for p in pairs]
    measured = [p for p in pairs if p.observed > 0]
    pct_predicted = percentiles({p.code: p.predicted for p in pairs})
    pct_observed = percentiles({p.code: p.observed for p in pairs})
    gaps = [
        Gap(
            code=p.code,
            title=p.title,
            predicted=p.predicted,
            observed=p.observed,
            predicted_percentile=_rank(pct_predicted[p.code]),
            observed_percentile=_rank(pct_observed[p.code]),
            gap=round(pct_predicted[p.code] - pct_observed[p.code], 3),
        )
        for p in pairs
    ]
    rho = spearman(xs, ys)
    rho_measured = spearman([p.predicted for p in measured], [p.observed for p in measured])
    return Comparison(
        n=len(pairs),
        rho=None if rho is None else round(rho, 3),
        rho_measured_only=None if rho_measured is None else round(rho_measured, 3),
        n_measured=len(measured),
        zeros=len(pairs) - len(measured),
        predicted_beyond_observed=[g for g in sorted(gaps, key=lambda g: (-g.gap, g.code)) if g.gap > 0][:top],
        observed_beyond_predicted=[g for g in sorted(gaps, key=lambda g: (g.gap, g.code)) if g.gap < 0][:top],
    )
