"""Frey & Osborne (2013): probability of computerisation by SOC 2010 code (702 occupations)."""

from __future__ import annotations

from pathlib import Path

from careermap.occupations.importers.base import ScoreRow, parse_score_table

FILE = "frey_osborne_automation_probability_soc2010.csv"


def parse_probabilities(path: Path) -> list[ScoreRow]:
    return parse_score_table(
        path,
        code_column="SOC code",
        title_column="Occupation",
        measures={"fo_probability": ("Probability", 0.0, 1.0)},
    )
