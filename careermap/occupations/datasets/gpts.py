"""GPTs are GPTs (Eloundou et al.): occupation exposure shares and per-task labels."""

from __future__ import annotations

from collections import Counter

from careermap.occupations import downloads, sources
from careermap.occupations.crosswalk import JoinedScore, JoinReport
from careermap.occupations.datasets.base import Context, DatasetRecord, Progress
from careermap.occupations.importers import gpts as parser

INFOS = (sources.GPTS,)
PARSER = parser
FILES = (parser.OCC_FILE, parser.TASK_FILE)
DOWNLOADS = downloads.for_folder(sources.GPTS.folder)
STEPS = ("GPTs are GPTs occupations", "GPTs are GPTs tasks")


def parse(ctx: Context, step: Progress) -> None:
    codes, tasks = ctx.codes, ctx.tasks
    gpt_dir = ctx.folder(sources.GPTS)
    rec_gpt = DatasetRecord(sources.GPTS)
    occ_rows = parser.parse_occ_level(gpt_dir / parser.OCC_FILE)
    step("GPTs are GPTs occupations")
    report = JoinReport(rows_read=len(occ_rows))
    joined: dict[str, JoinedScore] = {}
    for row in occ_rows:
        if row.code in codes:
            joined[row.code] = JoinedScore(values=row.values, join="direct", source_code=row.code)
            report.occupations_by_join["direct"] += 1
        else:
            report.unmatched.append({"code": row.code, "title": row.title, "reason": "not in O*NET 29.3"})
    for key in [m.key for m in sources.GPTS.measures]:
        ctx.exposures[key] = {
            code: JoinedScore(values={key: s.values[key]}, join=s.join, source_code=s.source_code)
            for code, s in joined.items()
        }
    rec_gpt.add_file(gpt_dir / parser.OCC_FILE, rows_unmatched=report.rows_unmatched)
    labels = parser.parse_task_labels(gpt_dir / parser.TASK_FILE)
    step("GPTs are GPTs tasks")
    task_owner = {t.task_id: t for t in tasks}
    task_labels: dict[int, tuple[parser.TaskLabel, bool]] = {}
    label_misses: Counter[str] = Counter()
    for label in labels:
        task = task_owner.get(label.task_id)
        if task is None:
            label_misses["task_id_not_in_onet_29_3"] += 1
        elif task.code != label.code:
            label_misses["task_id_belongs_to_another_occupation"] += 1
        else:
            reworded = " ".join(task.statement.split()) != " ".join(label.statement.split())
            task_labels[label.task_id] = (label, reworded)
    rec_gpt.add_file(gpt_dir / parser.TASK_FILE, rows_unmatched=sum(label_misses.values()))
    rec_gpt.occupations_covered = len(joined)
    rec_gpt.join_notes = {
        **report.as_notes(),
        "task_labels_joined": len(task_labels),
        "task_labels_unmatched": dict(label_misses),
        "task_labels_for_reworded_tasks": sum(1 for _, reworded in task_labels.values() if reworded),
        "onet_tasks_without_label": len(tasks) - len(task_labels),
    }
    ctx.task_labels = task_labels
    ctx.records.append(rec_gpt)
