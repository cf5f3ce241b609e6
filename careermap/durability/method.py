"""The durability method: every input, weight and rule lives here, and nowhere else.

Change anything in this file and bump METHOD_VERSION: every stored score records the
version that made it, and the methodology page and API publish this module as data.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

METHOD_VERSION = "1.0"

Direction = Literal["lowers", "raises"]
Kind = Literal["replacement", "exposure", "assist", "outlook", "task-mix"]


@dataclasses.dataclass(frozen=True)
class Input:
    key: str
    label: str
    kind: Kind
    # "lowers": a higher raw value lowers durability (exposure); "raises": it raises it.
    direction: Direction
    weight: float
    source: str  # dataset registry key
    what: str  # plain words for the methodology page
    # Short phrases for the "why" list, for a high and a low percentile.
    high: str
    low: str


INPUTS: tuple[Input, ...] = (
    Input(
        key="task_automation",
        label="Task automation rating (GPT-4, task level)",
        kind="replacement",
        direction="lowers",
        weight=0.15,
        source="gpts-are-gpts",
        what="Mean GPT-4 automation label over the occupation's O*NET tasks (T0 none … T4 full automation, scaled 0–1): how far the tasks could be done by an LLM system with little or no human involvement.",
        high="many of its tasks are rated as automatable by an LLM system",
        low="few of its tasks are rated as automatable by an LLM system",
    ),
    Input(
        key="human_rating_alpha",
        label="Direct LLM exposure, human raters (GPTs are GPTs α)",
        kind="replacement",
        direction="lowers",
        weight=0.10,
        source="gpts-are-gpts",
        what="Share of tasks human annotators judged an LLM alone could do in half the time (E1): the exposure closest to a task being taken over.",
        high="human raters judged a large share of its tasks directly exposed to LLMs",
        low="human raters judged few of its tasks directly exposed to LLMs",
    ),
    Input(
        key="human_rating_beta",
        label="LLM exposure, human raters (GPTs are GPTs β)",
        kind="exposure",
        direction="lowers",
        weight=0.10,
        source="gpts-are-gpts",
        what="Share of tasks exposed to LLMs directly or (counted half) with LLM-powered tools, as judged by human annotators.",
        high="human raters found much of its work exposed to LLMs",
        low="human raters found little of its work exposed to LLMs",
    ),
    Input(
        key="dv_rating_beta",
        label="LLM exposure, GPT-4 rater (GPTs are GPTs β)",
        kind="exposure",
        direction="lowers",
        weight=0.10,
        source="gpts-are-gpts",
        what="The same β measure, rated by GPT-4 with the same rubric.",
        high="GPT-4 ratings found much of its work exposed to LLMs",
        low="GPT-4 ratings found little of its work exposed to LLMs",
    ),
    Input(
        key="lm_aioe",
        label="Language-modeling AI exposure (Felten–Raj–Seamans)",
        kind="exposure",
        direction="lowers",
        weight=0.10,
        source="aioe-lm",
        what="How much the abilities the occupation relies on overlap with what language models do; relative to other occupations only.",
        high="the abilities it relies on overlap strongly with what language models do",
        low="the abilities it relies on overlap little with what language models do",
    ),
    Input(
        key="ai_applicability_score",
        label="AI applicability (Microsoft, from Copilot use)",
        kind="assist",
        direction="lowers",
        weight=0.10,
        source="microsoft-working-with-ai",
        what="How much of the occupation's work activities people already bring to an AI chat assistant, and how well it helps: observed use, mostly assistance rather than replacement.",
        high="people already use AI chat heavily, and successfully, for its work activities",
        low="people rarely use AI chat for its work activities",
    ),
    Input(
        key="projected_change",
        label="Projected employment change 2024–34 (BLS)",
        kind="outlook",
        direction="raises",
        weight=0.20,
        source="bls-ep-2024-34",
        what="BLS's projected percent change in employment over 2024–34 (these projections already include BLS analysts' view of AI effects on some occupations).",
        high="BLS projects employment to grow faster than in most occupations",
        low="BLS projects employment to grow slower, or shrink, compared with most occupations",
    ),
    Input(
        key="openings_rate",
        label="Annual openings per job (BLS)",
        kind="outlook",
        direction="raises",
        weight=0.05,
        source="bls-ep-2024-34",
        what="Average annual openings 2024–34 divided by 2024 employment: how often a way in opens up.",
        high="openings come up often relative to its size",
        low="openings come up rarely relative to its size",
    ),
    Input(
        key="presence_share",
        label="Hands-on and in-person tasks (O*NET task mix)",
        kind="task-mix",
        direction="raises",
        weight=0.10,
        source="onet-29-3",
        what="Share of the occupation's O*NET tasks whose statement calls for physical presence, hands-on work or in-person care (a published word list, below), not counting tasks that human raters labelled directly exposed to LLMs.",
        high="much of the work is hands-on or in person",
        low="little of the work needs hands or presence",
    ),
)

INPUTS_BY_KEY: dict[str, Input] = {item.key: item for item in INPUTS}
TOTAL_WEIGHT = sum(item.weight for item in INPUTS)

# Confidence: how much of the weight is present (coverage), and agreement: the share of ALL
# pairs of exposure inputs (present or not) whose percentiles lie within DISAGREEMENT_GAP.
# Counting against all pairs means a missing input can never raise the confidence.
CONFIDENCE_RULES = {
    "high": {"min_coverage": 0.85, "min_agreement": 0.80},
    "medium": {"min_coverage": 0.60, "min_agreement": 0.50},
}
# Two exposure indices "disagree" when their percentiles are at least this far apart.
DISAGREEMENT_GAP = 0.40

# History, shown but never weighted.
HISTORY_MEASURES = ("fo_probability",)

# Words that mark a task as needing physical presence, hands-on work or in-person care.
# Matched on whole words at the start of the task statement's verbs and anywhere in it.
PRESENCE_WORDS: tuple[str, ...] = (
    "install", "repair", "replace", "assemble", "operate", "drive", "lift", "load", "unload", "carry",
    "weld", "cut", "drill", "dig", "build", "construct", "paint", "clean", "wash", "mow", "plant",
    "harvest", "cook", "serve", "bathe", "feed", "dress", "examine", "treat", "administer", "inject",
    "massage", "bandage", "patient", "patients", "children", "inspect", "adjust", "connect", "mount",
    "splice", "solder", "pour", "lay", "fit", "restrain", "escort", "patrol", "rescue", "transport",
    "deliver", "stock", "sort", "pack", "machine", "tools", "equipment", "vehicle", "vehicles",
)  # fmt: skip
