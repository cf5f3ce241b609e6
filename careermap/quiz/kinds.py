"""The quiz's vocabulary and data shapes: answers in, candidates, matches and outcomes out.

Pure: no Django, no I/O. The rules that turn answers into a ranking are in rules.py (every weight
named there), the sentences a person reads in sentences.py, the ranking itself in matching.py.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from typing import Literal

# The shared vocabularies (careermap/lib/vocab.py) under the quiz's names; the sentence wordings,
# since the quiz's labels sit inside sentences ("first dollar in {}", "usually needs {}").
from careermap.lib.vocab import BAND_IN_A_SENTENCE as BAND_LABELS  # noqa: F401
from careermap.lib.vocab import BAND_ORDER as BAND_RANK
from careermap.lib.vocab import EDUCATION_IN_A_SENTENCE as EDUCATION_LABELS  # noqa: F401
from careermap.lib.vocab import EDUCATION_LEVELS, RIASEC
from careermap.lib.vocab import RIASEC_NAMES as TYPE_NAMES  # noqa: F401
from careermap.lib.vocab import Band as Band

ITEMS_PER_TYPE = 8
MIN_ANSWERS_PER_TYPE = 6

CERTIFICATE = EDUCATION_LEVELS.index("postsecondary-certificate")

Urgency = Literal["week", "month", "within-year", "year"]
Train = Literal["any", "short", "none"]  # how much more training the person will do
Setting = Literal["remote", "in-person", "either"]
Hours = Literal["under-10", "10-20", "20-35", "full-time"]
Goal = Literal["cash", "hired", "business"]
Weight = Literal["a-lot", "some", "not-much"]
Tone = Literal["good", "mixed", "poor"]

# The slowest first-dollar band each urgency accepts (a hard limit).
URGENCY_MAX_RANK: dict[str, int] = {"week": 1, "month": 2, "within-year": 2, "year": 3}
GOAL_LENS: dict[str, int] = {"cash": 0, "hired": 1, "business": 2}
GOAL_COLLECTION: dict[str, str] = {"cash": "gigwatch", "hired": "careers", "business": "own-business"}
SMALL_BUDGET = 500


@dataclasses.dataclass(frozen=True)
class Experience:
    """The person's current or most recent occupation (resolved by our title search) and their years in it."""

    code: str  # O*NET code
    title: str
    years: int  # 0, 1, 2 or 5: the lower end of the band they chose
    job_zone: int | None
    related: frozenset[str]  # O*NET related occupations (codes) credited with the same experience
    median_wage: int | None  # BLS median for it, to compare pay and for the "what I earn now" floor


@dataclasses.dataclass(frozen=True)
class Practical:
    """The answers to our own questions (content/quiz/practical.yaml), in matching terms."""

    urgency: Urgency
    budget_usd: int | None  # the most the person can spend to start; None: no limit
    education: int  # index into EDUCATION_LEVELS
    train: Train
    adult: bool
    work_authorized: bool
    licence_ok: bool
    setting: Setting
    hours: Hours
    goal: Goal
    durability: Weight
    pay_floor_usd: int | None = None  # the least a year the person will take; None: no floor
    experience: Experience | None = None


@dataclasses.dataclass(frozen=True)
class Answers:
    interests: Mapping[str, int]  # item id ("R1" … "C8") → 1 … 5; the type is the id's letter
    practical: Practical


@dataclasses.dataclass(frozen=True)
class Source:
    name: str
    version: str
    url: str


@dataclasses.dataclass(frozen=True)
class Pay:
    """Pay and outlook for one occupation, with the dataset they come from."""

    occupation_title: str
    median_wage: int | None  # dollars a year
    wage_is_floor: bool  # BLS top-codes: the median is at least this
    change_percent: float | None  # employment change 2024–34
    openings_thousands: float | None  # openings a year, 2024–34 average
    source: Source
    occupation_code: str = ""  # the O*NET code the figures are for (area pay is looked up by it)
    # BLS publishes some figures for a group that holds several O*NET occupations: then its title and size.
    group_title: str = ""
    group_jobs_thousands: float | None = None


@dataclasses.dataclass(frozen=True)
class Candidate:
    """One thing we could suggest: an O*NET occupation or one of our reads."""

    key: str  # unique and stable: "occupation:29-1141.00", "read:registered-nurse"; breaks ties
    kind: Literal["occupation", "read"]
    title: str
    url: str
    profile: tuple[float, float, float, float, float, float]  # R I A S E C, any scale
    interest_code: str  # high points, strongest first, e.g. "SIC"
    groups: frozenset[str]  # O*NET minor groups ("29-1"); at most one match per group
    min_age: int
    needs_work_authorization: bool
    needs_licence: bool | None  # None: our data does not say
    education_level: int  # index into EDUCATION_LEVELS: typical level needed to start
    first_dollar: tuple[str, ...]  # band for each of the person's EDUCATION_LEVELS
    start_cost_min: int | None = None  # USD; None: not in our data
    start_cost_max: int | None = None
    lenses: tuple[tuple[str, str], ...] | None = None  # (tone, verdict) for gig, hired, business
    collection: str = ""  # reads: gigwatch, careers, own-business
    self_employed_percent: float | None = None
    remote: bool | None = None  # None: our data does not say
    flexible_hours: bool = False
    needs_experience: bool = False
    experience_years: int = 0  # years in a related occupation BLS says it needs (0: none)
    job_zone: int | None = None
    codes: tuple[str, ...] = ()  # the O*NET occupations it is (an occupation) or covers (a read)
    # First-dollar bands when the person's experience is credited (no experience wait, no education gap).
    first_dollar_credited: tuple[str, ...] = ()
    durability: int | None = None  # 0–100, higher is more durable
    durability_note: str = ""  # why there is no score, when there is none
    pay: Pay | None = None
    notes: tuple[str, ...] = ()  # what to watch, from the read
    profile_basis: str = ""  # where the profile comes from, in words
    # Derived once, here, so that matching's inner loop only reads them.
    unit: tuple[float, ...] | None = dataclasses.field(init=False, compare=False, repr=False)
    band_ranks: tuple[int, ...] = dataclasses.field(init=False, compare=False, repr=False)
    credited_ranks: tuple[int, ...] = dataclasses.field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", unit(self.profile))
        object.__setattr__(self, "band_ranks", tuple(BAND_RANK[band] for band in self.first_dollar))
        credited = self.first_dollar_credited or self.first_dollar
        object.__setattr__(self, "credited_ranks", tuple(BAND_RANK[band] for band in credited))


@dataclasses.dataclass(frozen=True)
class Profile:
    scores: tuple[float, ...]  # raw scores 8–40, R I A S E C (prorated when a few items were skipped)
    answered: tuple[int, ...]  # items answered per type
    code: str  # the three highest types, strongest first (ties in R-I-A-S-E-C order)

    def as_dict(self) -> dict[str, float]:
        return dict(zip(RIASEC, self.scores, strict=True))


@dataclasses.dataclass(frozen=True)
class Problem:
    code: Literal["too-few", "all-same", "flat"]
    message: str


@dataclasses.dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: float
    interest_fit: float  # Pearson r, -1 … 1
    first_dollar: str  # band for this person
    why: tuple[str, ...]
    watch: tuple[str, ...]
    credited: bool = False  # the person's experience counts for it


@dataclasses.dataclass(frozen=True)
class Outcome:
    profile: Profile | None
    problem: Problem | None
    matches: tuple[Match, ...]
    eligible: int  # candidates left after the filters
    notes: tuple[str, ...]


def unit(values: Iterable[float]) -> tuple[float, ...] | None:
    """Centred and scaled to length 1, so a dot product of two units is their Pearson r."""
    numbers = [float(v) for v in values]
    mean = sum(numbers) / len(numbers)
    centred = [v - mean for v in numbers]
    norm = math.sqrt(sum(c * c for c in centred))
    if norm < 1e-9:
        return None
    return tuple(c / norm for c in centred)
