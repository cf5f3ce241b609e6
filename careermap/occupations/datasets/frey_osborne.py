"""Frey & Osborne's automation probabilities (SOC 2010, with groups and OES-era codes)."""

from __future__ import annotations

from careermap.occupations import downloads, sources
from careermap.occupations.crosswalk import join_soc_2010
from careermap.occupations.datasets.base import Context, Progress, score_record
from careermap.occupations.importers import frey_osborne as parser

INFOS = (sources.FREY_OSBORNE,)
PARSER = parser
FILES = (parser.FILE,)
DOWNLOADS = downloads.for_folder(sources.FREY_OSBORNE.folder)
STEPS = ("Frey & Osborne",)


def parse(ctx: Context, step: Progress) -> None:
    path = ctx.folder(sources.FREY_OSBORNE) / parser.FILE
    rows = parser.parse_probabilities(path)
    joined, report = join_soc_2010(rows, links=ctx.soc_links, onet_codes=ctx.codes)
    ctx.exposures["fo_probability"] = joined
    ctx.records.append(score_record(sources.FREY_OSBORNE, path, joined, report))
    step("Frey & Osborne")
