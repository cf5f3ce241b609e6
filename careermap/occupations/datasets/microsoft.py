"""Microsoft's "Working with AI" applicability scores (SOC 2018)."""

from __future__ import annotations

from careermap.occupations import downloads, sources
from careermap.occupations.crosswalk import join_soc_2018
from careermap.occupations.datasets.base import Context, Progress, score_record
from careermap.occupations.importers import microsoft as parser

INFOS = (sources.MICROSOFT,)
PARSER = parser
FILES = (parser.FILE,)
DOWNLOADS = downloads.for_folder(sources.MICROSOFT.folder)
STEPS = ("Microsoft AI applicability",)


def parse(ctx: Context, step: Progress) -> None:
    path = ctx.folder(sources.MICROSOFT) / parser.FILE
    rows = parser.parse_applicability(path)
    joined, report = join_soc_2018(rows, onet_codes=ctx.codes)
    ctx.exposures["ai_applicability_score"] = joined
    ctx.records.append(score_record(sources.MICROSOFT, path, joined, report))
    step("Microsoft AI applicability")
