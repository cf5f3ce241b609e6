"""Anthropic Economic Index: observed exposure by occupation (Massenkoff & McCrory, March 2026)
and first-party API conversations per O*NET task (13–20 November 2025).

Both files are described in the data folder's PROVENANCE.md. The task file lists, for each
task string Anthropic classified conversations to, the O*NET 29.3 `code|Task ID` pairs whose
statement has the same text; a string may match tasks of several occupations, or none.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from careermap.occupations.importers.base import ONET_CODE, ScoreRow, parse_score_table, read_rows

EXPOSURE_FILE = "job_exposure_with_titles.csv"
USAGE_FILE = "api_onet_task_usage_2025_11.csv"
# Rows Anthropic keeps for conversations it could not put on a task; they carry no share.
PLACEHOLDERS = frozenset({"not_classified", "none"})
USAGE_COLUMNS = ["anthropic_task", "api_conversation_count", "share_of_task_classified", "onet29_3_matches"]


@dataclasses.dataclass(frozen=True, slots=True)
class TaskUsage:
    """One task string with its conversation count and the O*NET 29.3 tasks it matches."""

    line: int
    task: str  # as Anthropic publishes it (lower-cased)
    conversations: int
    share: float | None  # of the week's classified conversations; None for the placeholders
    matches: tuple[tuple[str, int], ...]  # (O*NET-SOC code, Task ID), in file order, no repeats

    @property
    def placeholder(self) -> bool:
        return self.task in PLACEHOLDERS


def parse_observed_exposure(path: Path) -> list[ScoreRow]:
    """One row per 6-digit SOC 2018 code: `observed_exposure`, 0–1 as published."""
    return parse_score_table(
        path,
        code_column="occ_code",
        title_column="title",
        measures={"observed_exposure": ("observed_exposure", 0.0, 1.0)},
    )


def parse_task_usage(path: Path) -> list[TaskUsage]:
    rows: list[TaskUsage] = []
    seen: set[str] = set()
    for row in read_rows(path, required=USAGE_COLUMNS):
        task = row.text("anthropic_task")
        if task in seen:
            raise row.error(f"anthropic_task: {task[:60]!r} appears twice")
        seen.add(task)
        conversations = row.integer("api_conversation_count", minimum=0)
        share = row.optional_number("share_of_task_classified", minimum=0.0, maximum=1.0)
        if share is None and task not in PLACEHOLDERS:
            raise row.error("share_of_task_classified: empty (only not_classified and none rows may leave it empty)")
        matches: list[tuple[str, int]] = []
        for pair in row.text("onet29_3_matches", required=False).split(";"):
            pair = pair.strip()
            if not pair:
                continue
            code, bar, task_id = pair.partition("|")
            if not bar or not ONET_CODE.match(code) or not task_id.isdigit() or int(task_id) < 1:
                raise row.error(f"onet29_3_matches: {pair!r} is not a pair like 15-1251.00|16363")
            match = (code, int(task_id))
            if match not in matches:
                matches.append(match)
        rows.append(TaskUsage(row.line, task, conversations, share, tuple(matches)))
    return rows


@dataclasses.dataclass
class ObservedTaskRow:
    """One O*NET task seen in the API data: every task string that matched it, with its count."""

    code: str
    task_id: int
    strings: list[tuple[str, int]]  # (Anthropic's task string, conversations)
    share: float  # of the week's classified conversations, summed over the strings

    @property
    def conversations(self) -> int:
        return sum(count for _, count in self.strings)


@dataclasses.dataclass
class UsageJoin:
    tasks: dict[int, ObservedTaskRow]  # O*NET Task ID → row
    strings_joined: int
    strings_unmatched: int
    conversations_total: int
    conversations_classified: int
    conversations_joined: int  # each task string counted once, however many occupations it matches
    strings_for_several_occupations: int
    pairs_not_in_onet: int  # `code|Task ID` pairs naming a task our O*NET 29.3 tasks do not hold
    unmatched: list[tuple[str, int]]  # (string, conversations), largest first

    def notes(self) -> dict[str, object]:
        classified = self.conversations_classified
        return {
            "task_strings_joined": self.strings_joined,
            "task_strings_unmatched": self.strings_unmatched,
            "conversations_total": self.conversations_total,
            "conversations_classified": classified,
            "conversations_joined": self.conversations_joined,
            "share_of_classified_joined": round(self.conversations_joined / classified, 4) if classified else None,
            "task_strings_matching_several_occupations": self.strings_for_several_occupations,
            "onet_tasks_observed": len(self.tasks),
            "match_pairs_not_in_onet_29_3": self.pairs_not_in_onet,
            "largest_unmatched": [{"task": text, "conversations": count} for text, count in self.unmatched[:10]],
        }


def join_task_usage(rows: list[TaskUsage], *, task_owner: dict[int, str]) -> UsageJoin:
    """Join task strings to our O*NET tasks (`task_owner`: Task ID → occupation code).

    A string is joined when at least one of its pairs names a task we hold under that
    occupation; every other string (placeholders included) is counted as unmatched and listed.
    Its conversations enter the dataset totals once, however many occupations it matches.
    """
    tasks: dict[int, ObservedTaskRow] = {}
    joined = several = stale = 0
    total = classified = conversations_joined = 0
    unmatched: list[tuple[str, int]] = []
    for row in rows:
        total += row.conversations
        if not row.placeholder:
            classified += row.conversations
        good = [(code, task_id) for code, task_id in row.matches if task_owner.get(task_id) == code]
        stale += len(row.matches) - len(good)
        if row.placeholder or not good:
            unmatched.append((row.task, row.conversations))
            continue
        joined += 1
        conversations_joined += row.conversations
        if len({code for code, _ in good}) > 1:
            several += 1
        for code, task_id in good:
            observed = tasks.setdefault(task_id, ObservedTaskRow(code, task_id, [], 0.0))
            observed.strings.append((row.task, row.conversations))
            observed.share += row.share or 0.0
    unmatched.sort(key=lambda item: (-item[1], item[0]))
    return UsageJoin(
        tasks=tasks,
        strings_joined=joined,
        strings_unmatched=len(unmatched),
        conversations_total=total,
        conversations_classified=classified,
        conversations_joined=conversations_joined,
        strings_for_several_occupations=several,
        pairs_not_in_onet=stale,
        unmatched=unmatched,
    )


def below_shares(values: dict[str, float]) -> dict[str, float]:
    """For each code, the share of all codes with a strictly lower value (0 for the lowest)."""
    ordered = sorted(values.values())
    n = len(ordered)
    first: dict[float, int] = {}
    for i, value in enumerate(ordered):
        first.setdefault(value, i)
    return {code: first[value] / n for code, value in values.items()}
