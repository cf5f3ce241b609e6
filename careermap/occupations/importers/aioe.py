"""Felten–Raj–Seamans AI Occupational Exposure: AIOE (2021) and its language-modeling and
image-generation variants (2023). Standardized scores keyed by SOC 2010 codes."""

from __future__ import annotations

from pathlib import Path

from careermap.occupations.importers.base import ScoreRow, parse_score_table

FILES = {
    "aioe": ("appendix_a_aioe_by_occupation.csv", "AIOE"),
    "lm_aioe": ("language_modeling_aioe_by_occupation.csv", "Language Modeling AIOE"),
    "ig_aioe": ("image_generation_aioe_by_occupation.csv", "Image Generation AIOE"),
}


def parse_aioe(path: Path, *, key: str) -> list[ScoreRow]:
    """`key` is one of FILES: the measure key, which also fixes the score column."""
    column = FILES[key][1]
    return parse_score_table(
        path, code_column="SOC Code", title_column="Occupation Title", measures={key: (column, -10.0, 10.0)}
    )
