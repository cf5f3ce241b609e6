"""Felten–Raj–Seamans AI occupational exposure: AIOE and its language-modelling and image-generation
variants (SOC 2010, joined through the SOC 2010 → 2018 crosswalk)."""

from __future__ import annotations

from careermap.occupations import downloads, sources
from careermap.occupations.crosswalk import join_soc_2010
from careermap.occupations.datasets.base import Context, Progress, score_record
from careermap.occupations.importers import aioe as parser

INFOS = (sources.AIOE, sources.AIOE_LM, sources.AIOE_IG)
PARSER = parser
FILES = tuple(names[0] for names in parser.FILES.values())
DOWNLOADS = downloads.for_folder(sources.AIOE.folder)
STEPS = ("AIOE", "LM AIOE", "IG AIOE")


def parse(ctx: Context, step: Progress) -> None:
    aioe_dir = ctx.folder(sources.AIOE)
    for info, label_step in zip(INFOS, STEPS, strict=True):
        key = info.measures[0].key
        path = aioe_dir / parser.FILES[key][0]
        rows = parser.parse_aioe(path, key=key)
        joined, report = join_soc_2010(rows, links=ctx.soc_links, onet_codes=ctx.codes)
        ctx.exposures[key] = joined
        ctx.records.append(score_record(info, path, joined, report))
        step(label_step)
