"""The Anthropic Economic Index: observed exposure by occupation and API usage by O*NET task.
Optional: without its folder the pages say it is not loaded. With the folder, both files must be
there and valid (all or nothing, like every source)."""

from __future__ import annotations

from collections import Counter

from careermap.occupations import sources
from careermap.occupations.datasets.base import Context, DatasetRecord, ObservedValue, Progress
from careermap.occupations.importers import anthropic as parser

INFOS = (sources.AEI_EXPOSURE, sources.AEI_API_TASKS)
PARSER = parser
FILES = (parser.EXPOSURE_FILE, parser.USAGE_FILE)
DOWNLOADS = ()
# Neither file could be taken from Hugging Face itself (the folder's PROVENANCE.md): nothing to pin.
NOT_DOWNLOADED = "assembled from mirrors of the Hugging Face files; see the folder's PROVENANCE.md"
STEPS = ("Anthropic observed exposure", "Anthropic API task usage")


def parse(ctx: Context, step: Progress) -> None:
    folder = ctx.folder(sources.AEI_EXPOSURE)
    if not folder.is_dir():
        step("Anthropic observed exposure")
        step("Anthropic API task usage")
        return

    path = folder / parser.EXPOSURE_FILE
    rows = parser.parse_observed_exposure(path)
    below = parser.below_shares({row.code: row.values["observed_exposure"] for row in rows})
    by_soc: dict[str, list[str]] = {}
    for code in sorted(ctx.codes):
        by_soc.setdefault(code[:7], []).append(code)
    observed: dict[str, ObservedValue] = {}
    unmatched = []
    for row in rows:
        targets = by_soc.get(row.code, [])
        if not targets:
            unmatched.append(
                {"code": row.code, "title": row.title, "reason": "no O*NET 29.3 occupation has this SOC code"}
            )
        join = "direct" if len(targets) == 1 else "shared"
        for code in targets:
            observed[code] = ObservedValue(row.values["observed_exposure"], row.code, join, below[row.code])
    rec_exposure = DatasetRecord(sources.AEI_EXPOSURE)
    rec_exposure.add_file(path, rows_unmatched=len(unmatched))
    rec_exposure.occupations_covered = len(observed)
    rec_exposure.join_notes = {
        "occupations_published": len(rows),
        "zeros_published": sum(1 for row in rows if row.values["observed_exposure"] == 0),
        "occupations_by_join": dict(Counter(v.join for v in observed.values())),
        "unmatched": unmatched,
        "percentile": "share of the published occupations with a strictly lower value",
    }
    step("Anthropic observed exposure")

    path = folder / parser.USAGE_FILE
    usage = parser.parse_task_usage(path)
    joined = parser.join_task_usage(usage, task_owner={t.task_id: t.code for t in ctx.tasks})
    rec_usage = DatasetRecord(sources.AEI_API_TASKS)
    rec_usage.add_file(path, rows_joined=joined.strings_joined, rows_unmatched=joined.strings_unmatched)
    rec_usage.occupations_covered = len({row.code for row in joined.tasks.values()})
    rec_usage.join_notes = joined.notes()
    step("Anthropic API task usage")
    ctx.observed, ctx.observed_tasks = observed, joined.tasks
    ctx.records += [rec_exposure, rec_usage]
