"""GPTs are GPTs (Eloundou et al.): occupation-level exposure shares and task-level labels."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from careermap.occupations.importers.base import ScoreRow, parse_score_table, read_rows

OCC_FILE = "occ_level.csv"
TASK_FILE = "full_labelset.tsv"
MEASURES: dict[str, tuple[str, float | None, float | None]] = {
    key: (key, 0.0, 1.0)
    for key in (
        "human_rating_alpha",
        "human_rating_beta",
        "human_rating_gamma",
        "dv_rating_alpha",
        "dv_rating_beta",
        "dv_rating_gamma",
    )
}
EXPOSURE_LABELS = {"E0", "E1", "E2"}
AUTOMATION_LABELS = {"T0", "T1", "T2", "T3", "T4"}


@dataclasses.dataclass(frozen=True, slots=True)
class TaskLabel:
    code: str
    task_id: int
    statement: str
    human_exposure: str  # human_exposure_agg: E0 / E1 / E2
    gpt4_exposure: str
    gpt4_exposure_alt_rubric: str
    gpt4_automation: str  # T0–T4


def parse_occ_level(path: Path) -> list[ScoreRow]:
    return parse_score_table(
        path, code_column="O*NET-SOC Code", title_column="Title", measures=MEASURES, onet_codes=True
    )


def parse_task_labels(path: Path) -> list[TaskLabel]:
    columns = [
        "O*NET-SOC Code",
        "Task ID",
        "Task",
        "human_exposure_agg",
        "gpt4_exposure",
        "gpt4_exposure_alt_rubric",
        "gpt4_automation",
    ]
    labels: list[TaskLabel] = []
    seen: set[int] = set()
    for row in read_rows(path, required=columns, delimiter="\t"):
        task_id = row.integer("Task ID", minimum=1)  # published as 8823.0
        if task_id in seen:
            raise row.error(f"Task ID: {task_id} appears twice")
        seen.add(task_id)
        values = {}
        for column, allowed in (
            ("human_exposure_agg", EXPOSURE_LABELS),
            ("gpt4_exposure", EXPOSURE_LABELS),
            ("gpt4_exposure_alt_rubric", EXPOSURE_LABELS),
            ("gpt4_automation", AUTOMATION_LABELS),
        ):
            value = row.text(column)
            if value not in allowed:
                raise row.error(f"{column}: {value!r} is not one of {sorted(allowed)}")
            values[column] = value
        labels.append(
            TaskLabel(
                code=row.onet_code(),
                task_id=task_id,
                statement=row.text("Task"),
                human_exposure=values["human_exposure_agg"],
                gpt4_exposure=values["gpt4_exposure"],
                gpt4_exposure_alt_rubric=values["gpt4_exposure_alt_rubric"],
                gpt4_automation=values["gpt4_automation"],
            )
        )
    return labels
