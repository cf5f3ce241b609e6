"""The quiz questions: 48 RIASEC Markers items from the shared data, and our own practical questions.

The interest items are read at runtime from `CAREERMAP_DATA_DIR/openpsychometrics_riasec_markers_items/
codebook.txt` and never copied into the repository; when the folder is missing the quiz says so. The
practical questions live in `content/quiz/practical.yaml`, validated here with errors naming file:line.
Both are cached per process and re-read when a file changes.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, StrictStr, ValidationError, model_validator

from careermap.lib.yamlsafe import YamlFileError, YamlProblem, line_of, load_with_nodes
from careermap.quiz.codes import DEFAULTS, JOB
from careermap.quiz.matching import EDUCATION_LEVELS, ITEMS_PER_TYPE, RIASEC, TYPE_NAMES, Answers, Experience, Practical

log = logging.getLogger(__name__)

ITEMS_FOLDER = "openpsychometrics_riasec_markers_items"
CODEBOOK = "codebook.txt"
# The scale as the codebook states it: "1=Dislike, 3=Neutral, 5=Enjoy" (2 and 4 carry no label).
SCALE: tuple[tuple[int, str], ...] = ((1, "Dislike"), (2, ""), (3, "Neutral"), (4, ""), (5, "Enjoy"))
CREDITS = (
    "Liao, H.-Y., Armstrong, P. I., & Rounds, J. (2008). Development and initial validation of public domain "
    "Basic Interest Markers. Journal of Vocational Behavior, 73, 159–183.",
    "Armstrong, P. I., Allison, W., & Rounds, J. (2008). Development and initial validation of brief public "
    "domain RIASEC marker scales. Journal of Vocational Behavior, 73, 287–299.",
)
ITEMS_SOURCE = {
    "name": "RIASEC Markers items (public domain, Interest Item Pool), as listed in the Open Psychometrics "
    "RIASEC test codebook",
    "url": "https://openpsychometrics.org/_rawdata/",
}
_ITEM_LINE = re.compile(r"^([RIASEC])([1-8])\t(.+?)\s*$")

# What matching.py understands: every practical question id and its answer values, in order.
PRACTICAL_VALUES: dict[str, tuple[str, ...]] = {
    "urgency": ("week", "month", "within-year", "year"),
    "budget": ("nothing", "up-to-100", "up-to-500", "up-to-2000", "up-to-10000", "more"),
    "education": EDUCATION_LEVELS,
    "train": ("any", "short", "none"),
    "age": ("18-plus", "under-18"),
    "work_authorization": ("authorized", "not-authorized"),
    "licence": ("willing", "not-willing"),
    "setting": ("remote", "in-person", "either"),
    "hours": ("under-10", "10-20", "20-35", "full-time"),
    "goal": ("cash", "hired", "business"),
    "durability": ("a-lot", "some", "not-much"),
    "years": ("none", "under-2", "2-4", "5-plus"),
    "pay_floor": ("none", "current", "20000", "30000", "40000", "50000", "60000", "80000", "100000"),
}
# Questions that may be left unanswered (API clients and links from before they were asked): their default.
OPTIONAL = DEFAULTS
BUDGET_USD: dict[str, int | None] = {
    "nothing": 0,
    "up-to-100": 100,
    "up-to-500": 500,
    "up-to-2000": 2000,
    "up-to-10000": 10_000,
    "more": None,
}

NonEmpty = Annotated[StrictStr, Field(min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Strict):
    value: NonEmpty
    label: NonEmpty


class PracticalQuestion(_Strict):
    id: Literal[
        "urgency",
        "budget",
        "education",
        "train",
        "age",
        "work_authorization",
        "licence",
        "setting",
        "hours",
        "goal",
        "durability",
        "years",
        "pay_floor",
    ]
    text: NonEmpty
    help: StrictStr = ""
    choices: list[Choice] = Field(min_length=2)

    @model_validator(mode="after")
    def _values_are_the_ones_matching_knows(self) -> PracticalQuestion:
        values = tuple(choice.value for choice in self.choices)
        expected = PRACTICAL_VALUES[self.id]
        if values != expected:
            raise ValueError(
                f"answer values must be exactly {', '.join(expected)} (in that order), got {', '.join(values)}"
            )
        return self


class PracticalFile(_Strict):
    questions: list[PracticalQuestion]

    @model_validator(mode="after")
    def _every_question_once(self) -> PracticalFile:
        ids = [question.id for question in self.questions]
        missing = [key for key in PRACTICAL_VALUES if key not in ids]
        twice = sorted({key for key in ids if ids.count(key) > 1})
        if missing:
            raise ValueError(f"missing questions: {', '.join(missing)}")
        if twice:
            raise ValueError(f"questions listed twice: {', '.join(twice)}")
        return self


class QuestionsError(YamlFileError):
    """practical.yaml cannot be loaded, as `path:line: field: message` (the same shape as ContentError)."""


@dataclasses.dataclass(frozen=True)
class InterestItem:
    id: str
    text: str

    @property
    def type(self) -> str:
        return self.id[0]

    @property
    def type_name(self) -> str:
        return TYPE_NAMES[self.id[0]]


@dataclasses.dataclass(frozen=True)
class QuestionSet:
    items: tuple[InterestItem, ...] | None  # None: the item file is not available
    practical: tuple[PracticalQuestion, ...]

    @property
    def items_available(self) -> bool:
        return self.items is not None

    @property
    def item_ids(self) -> frozenset[str]:
        return frozenset(item.id for item in self.items or ())

    @property
    def practical_by_id(self) -> dict[str, PracticalQuestion]:
        return {question.id: question for question in self.practical}


# ---------------------------------------------------------------------------------------------
# Parsing


def parse_codebook(text: str) -> tuple[InterestItem, ...]:
    """The 48 item lines (`R1<TAB>Test the quality of parts before shipment`), interleaved
    R1 I1 A1 S1 E1 C1 R2 … so that no page of the quiz is all one type."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        if match := _ITEM_LINE.match(line):
            found[match.group(1) + match.group(2)] = match.group(3)
    expected = [f"{letter}{n}" for n in range(1, ITEMS_PER_TYPE + 1) for letter in RIASEC]
    missing = [item for item in expected if item not in found]
    if missing:
        raise ValueError(f"the codebook lacks items {', '.join(missing)}")
    return tuple(InterestItem(id=item, text=found[item]) for item in expected)


def parse_practical(path: Path, text: str) -> tuple[PracticalQuestion, ...]:
    display = str(path)
    try:
        data, root = load_with_nodes(text)
    except YamlProblem as problem:
        raise QuestionsError(display, problem.line, "yaml", problem.message) from None
    try:
        return tuple(PracticalFile.model_validate(data).questions)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = tuple(error["loc"])
        field = ".".join(str(part) for part in loc) or "file"
        raise QuestionsError(display, line_of(root, loc), field, error["msg"].removeprefix("Value error, ")) from None


# ---------------------------------------------------------------------------------------------
# Loading (cached per process, re-read when a file changes)

_lock = threading.Lock()
_cache: dict[str, tuple[tuple[Any, ...], Any]] = {}


def _stamp(path: Path) -> tuple[Any, ...]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), None)
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _cached(name: str, path: Path, load: Any) -> Any:
    stamp = _stamp(path)
    hit = _cache.get(name)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    with _lock:
        value = load(path)
        _cache[name] = (stamp, value)
    return value


def _load_items(path: Path) -> tuple[InterestItem, ...] | None:
    if not path.is_file():
        log.warning("quiz: interest items not available: %s not found", path)
        return None
    try:
        return parse_codebook(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        log.error("quiz: interest items not available: %s: %s", path, exc)
        return None


def _load_practical(path: Path) -> tuple[PracticalQuestion, ...]:
    return parse_practical(path, path.read_text(encoding="utf-8"))


def items_path() -> Path:
    return Path(settings.CAREERMAP_DATA_DIR) / ITEMS_FOLDER / CODEBOOK


def practical_path() -> Path:
    return Path(settings.CAREERMAP_CONTENT_DIR) / "quiz" / "practical.yaml"


def question_set() -> QuestionSet:
    """Every question. A broken practical.yaml raises QuestionsError (a bug to fix, not a state to serve)."""
    items = _cached("items", items_path(), _load_items)
    practical = _cached("practical", practical_path(), _load_practical)
    return QuestionSet(items=items, practical=practical)


# ---------------------------------------------------------------------------------------------
# Answers


@dataclasses.dataclass(frozen=True)
class FieldError:
    field: str
    message: str


def parse_answers(
    raw: Mapping[str, Any], questions: QuestionSet, experience: Experience | None = None
) -> tuple[Answers | None, list[FieldError]]:
    """Check submitted answers against the questions; build matching's Answers when all is well.

    Interest items may be skipped (matching says when too few are answered); every practical
    question must be answered except the OPTIONAL ones. "job" is an O*NET code (the current job as
    our title search resolved it); `experience` is what the database says about it
    (selectors.experience_get). Field names in errors are the question ids."""
    errors: list[FieldError] = []
    item_ids = questions.item_ids
    practical = questions.practical_by_id
    interests: dict[str, int] = {}
    chosen: dict[str, str] = {}
    for key in sorted(raw):
        value = raw[key]
        if key in item_ids:
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                errors.append(FieldError(key, "must be a whole number from 1 (Dislike) to 5 (Enjoy)"))
            else:
                interests[key] = value
        elif key in practical:
            allowed = [choice.value for choice in practical[key].choices]
            if not isinstance(value, str) or value not in allowed:
                errors.append(FieldError(key, f"must be one of: {', '.join(allowed)}"))
            else:
                chosen[key] = value
        elif key == "job":
            if not isinstance(value, str) or not (value == "" or JOB.fullmatch(value)):
                errors.append(FieldError(key, "must be an O*NET occupation code such as 41-1011.00, or empty"))
        elif re.fullmatch(r"[RIASEC][1-8]", key) and not questions.items_available:
            errors.append(FieldError(key, "the interest items are not available on this site right now"))
        else:
            errors.append(FieldError(key, "is not a question id (GET /api/v1/quiz/questions lists them)"))
    for key in practical:
        if key not in raw and key not in OPTIONAL:
            errors.append(FieldError(key, "is required"))
    if errors:
        return None, errors
    return Answers(interests=interests, practical=practical_answers(chosen, experience)), []


def practical_answers(chosen: Mapping[str, str], experience: Experience | None = None) -> Practical:
    chosen = OPTIONAL | dict(chosen)
    floor = chosen["pay_floor"]
    if floor == "current":
        pay_floor = experience.median_wage if experience is not None else None
    else:
        pay_floor = None if floor == "none" else int(floor)
    return Practical(
        urgency=chosen["urgency"],  # type: ignore[arg-type]
        budget_usd=BUDGET_USD[chosen["budget"]],
        education=EDUCATION_LEVELS.index(chosen["education"]),
        train=chosen["train"],  # type: ignore[arg-type]
        adult=chosen["age"] == "18-plus",
        work_authorized=chosen["work_authorization"] == "authorized",
        licence_ok=chosen["licence"] == "willing",
        setting=chosen["setting"],  # type: ignore[arg-type]
        hours=chosen["hours"],  # type: ignore[arg-type]
        goal=chosen["goal"],  # type: ignore[arg-type]
        durability=chosen["durability"],  # type: ignore[arg-type]
        pay_floor_usd=pay_floor,
        experience=experience,
    )
