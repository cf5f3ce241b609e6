"""Microsoft Research "Working with AI" (Tomlinson et al. 2025): AI applicability by SOC 2018 code."""

from __future__ import annotations

from pathlib import Path

from careermap.occupations.importers.base import ScoreRow, parse_score_table

FILE = "soc_ai_applicability_scores.csv"


def parse_applicability(path: Path) -> list[ScoreRow]:
    return parse_score_table(
        path,
        code_column="SOC Code",
        title_column="title",
        measures={"ai_applicability_score": ("ai_applicability_score", 0.0, 1.0)},
    )
