"""Matching: answers and candidates in, a RIASEC profile and at most three matches with reasons out.

Pure: plain dataclasses in and out; no Django, no I/O. Deterministic: a candidate's score depends
only on the answers and that candidate, and ties are broken by the candidate's key, so the order
the candidates arrive in never changes the result.

How it works (docs/quiz.md has the long version):

1. Interest answers (1 Dislike … 5 Enjoy, eight items per type) give six raw scores (8–40).
   Too few answers, or answers that do not separate the types, give a `Problem` instead.
2. Every candidate (an O*NET occupation or one of our reads) has a six-number interest profile.
   Interest fit is the Pearson correlation between the person's scores and that profile.
3. Hard filters drop candidates the person cannot take up: age, work authorization, licences.
   Fit filters drop what contradicts a clear answer: a first dollar too late for the urgency,
   training the person said they will not do, a minimum start cost above the budget.
4. The score is the interest fit plus small adjustments for the practical answers.
5. The top three are picked in score order, at most one per O*NET minor group.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal

import numpy as np
import numpy.typing as npt

RIASEC = ("R", "I", "A", "S", "E", "C")
TYPE_NAMES: dict[str, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
ITEMS_PER_TYPE = 8
MIN_ANSWERS_PER_TYPE = 6
# Type means (on the 1–5 answer scale) closer together than this do not make a profile.
FLAT_RANGE = 0.5
LIMIT = 3
# A match must at least lean the same way as the person's interests.
MIN_FIT = 0.0

Band = Literal["days", "weeks", "months", "year-plus", "uneven"]
BAND_RANK: dict[str, int] = {"days": 0, "weeks": 1, "uneven": 1, "months": 2, "year-plus": 3}
BAND_LABELS: dict[str, str] = {
    "days": "days",
    "weeks": "weeks",
    "uneven": "an uneven time (weeks for some, longer for others)",
    "months": "months",
    "year-plus": "a year or more",
}
# Same keys and order as careermap.content.schema.EDUCATION_LABELS.
EDUCATION_LEVELS = (
    "none",
    "high-school",
    "postsecondary-certificate",
    "associate",
    "bachelor",
    "master",
    "doctoral",
)
EDUCATION_LABELS: dict[str, str] = {
    "none": "no formal credential",
    "high-school": "a high school diploma or equivalent",
    "postsecondary-certificate": "a postsecondary certificate",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctoral": "a doctoral or professional degree",
}
CERTIFICATE = EDUCATION_LEVELS.index("postsecondary-certificate")

Urgency = Literal["week", "month", "year"]
Train = Literal["any", "short", "none"]  # how much more training the person will do
Setting = Literal["remote", "in-person", "either"]
Hours = Literal["under-10", "10-20", "20-35", "full-time"]
Goal = Literal["cash", "hired", "business"]
Weight = Literal["a-lot", "some", "not-much"]
Tone = Literal["good", "mixed", "poor"]

# The slowest first-dollar band each urgency accepts (a hard limit) …
URGENCY_MAX_RANK: dict[str, int] = {"week": 1, "month": 2, "year": 3}
URGENCY_WORDS: dict[str, str] = {
    "week": "you need money this week",
    "month": "you need money this month",
    "year": "you can invest a year or more",
}
# … and the score adjustment by urgency and band rank within it.
URGENCY_ADJUST: dict[str, tuple[float, float, float, float]] = {
    "week": (0.0, -0.06, 0.0, 0.0),
    "month": (0.0, 0.0, -0.1, 0.0),
    "year": (0.0, 0.0, 0.0, 0.0),
}
DURABILITY_WEIGHT: dict[str, float] = {"a-lot": 0.3, "some": 0.15, "not-much": 0.0}
TONE_ADJUST: dict[str, float] = {"good": 0.08, "mixed": 0.0, "poor": -0.15}
GOAL_LENS: dict[str, int] = {"cash": 0, "hired": 1, "business": 2}
LENS_WORDS = ("as a gig", "as a hired job", "as your own business")
GOAL_COLLECTION: dict[str, str] = {"cash": "gigwatch", "hired": "careers", "business": "own-business"}
GOAL_WORDS: dict[str, str] = {"cash": "cash now", "hired": "a hired job", "business": "your own business"}
SMALL_BUDGET = 500
MAX_WATCH = 6


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
    durability: int | None = None  # 0–100, higher is more durable
    durability_note: str = ""  # why there is no score, when there is none
    pay: Pay | None = None
    notes: tuple[str, ...] = ()  # what to watch, from the read
    profile_basis: str = ""  # where the profile comes from, in words
    # Derived once, here, so that matching's inner loop only reads them.
    unit: tuple[float, ...] | None = dataclasses.field(init=False, compare=False, repr=False)
    band_ranks: tuple[int, ...] = dataclasses.field(init=False, compare=False, repr=False)
    goal_bonus: tuple[float, float, float] = dataclasses.field(init=False, compare=False, repr=False)
    durability_points: float = dataclasses.field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "unit", _unit(self.profile))
        object.__setattr__(self, "band_ranks", tuple(BAND_RANK[band] for band in self.first_dollar))
        object.__setattr__(self, "goal_bonus", _goal_bonus(self))
        points = -0.2 if self.durability is None else (self.durability - 50) / 50
        object.__setattr__(self, "durability_points", points)


def _goal_bonus(c: Candidate) -> tuple[float, float, float]:
    """Score adjustment for each answer to "what do you want from it": cash, hired, business."""
    if c.lenses is not None:  # a read: its own lens verdicts, and whether it is that kind of work
        bonus = [TONE_ADJUST[c.lenses[GOAL_LENS[goal]][0]] for goal in ("cash", "hired", "business")]
        for goal, collection in GOAL_COLLECTION.items():
            if c.collection == collection:
                bonus[GOAL_LENS[goal]] += 0.04
        return (bonus[0], bonus[1], bonus[2])
    share = c.self_employed_percent  # an occupation: a hired job; own business if many are self-employed
    business = -0.05 if share is None else 0.05 if share >= 25 else -0.1 if share < 10 else 0.0
    return (0.0, 0.05, business)


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


@dataclasses.dataclass(frozen=True)
class Outcome:
    profile: Profile | None
    problem: Problem | None
    matches: tuple[Match, ...]
    eligible: int  # candidates left after the filters
    notes: tuple[str, ...]


# ---------------------------------------------------------------------------------------------
# Profiles


def interest_profile(interests: Mapping[str, int]) -> tuple[Profile | None, Problem | None]:
    """Six raw scores from the item answers, or the reason there is no profile."""
    by_type: dict[str, list[int]] = {letter: [] for letter in RIASEC}
    for item, value in interests.items():
        if item[:1] in by_type and 1 <= value <= 5:
            by_type[item[0]].append(value)
    answered = tuple(len(by_type[letter]) for letter in RIASEC)
    short = [TYPE_NAMES[letter] for letter in RIASEC if len(by_type[letter]) < MIN_ANSWERS_PER_TYPE]
    if short:
        return None, Problem(
            "too-few",
            f"Answer at least {MIN_ANSWERS_PER_TYPE} of the {ITEMS_PER_TYPE} activities of each type to get a "
            f"profile; too few answered for: {', '.join(short)}. "
            "Rate each activity by how much you would enjoy doing it, not by your training or pay.",
        )
    values = [value for letter in RIASEC for value in by_type[letter]]
    if len(set(values)) == 1:
        return None, Problem(
            "all-same",
            "You gave every activity the same answer, so there is no pattern to match. Go back and rate each "
            "one by how much you would enjoy it: some will be more appealing than others.",
        )
    means = [sum(by_type[letter]) / len(by_type[letter]) for letter in RIASEC]
    if max(means) - min(means) < FLAT_RANGE:
        return None, Problem(
            "flat",
            "Your answers like all six interest types about equally, so they do not point to any kind of work. "
            "Try again, thinking about which activities you would really choose to do.",
        )
    scores = tuple(round(mean * ITEMS_PER_TYPE, 1) for mean in means)
    order = sorted(range(6), key=lambda i: (-scores[i], i))
    code = "".join(RIASEC[i] for i in order[:3])
    return Profile(scores=scores, answered=answered, code=code), None


def code_profile(code: str) -> tuple[float, float, float, float, float, float]:
    """A stand-in profile from high-point letters alone (reads with no occupation profile)."""
    weights = (7.0, 5.0, 4.0)
    values = [1.0] * 6
    for letter, weight in zip(code, weights, strict=False):
        values[RIASEC.index(letter)] = weight
    return (values[0], values[1], values[2], values[3], values[4], values[5])


def high_point_code(profile: Iterable[float]) -> str:
    values = list(profile)
    order = sorted(range(6), key=lambda i: (-values[i], i))
    return "".join(RIASEC[i] for i in order[:3])


def _unit(values: Iterable[float]) -> tuple[float, ...] | None:
    """Centred and scaled to length 1, so a dot product of two units is their Pearson r."""
    numbers = [float(v) for v in values]
    mean = sum(numbers) / len(numbers)
    centred = [v - mean for v in numbers]
    norm = math.sqrt(sum(c * c for c in centred))
    if norm < 1e-9:
        return None
    return tuple(c / norm for c in centred)


# ---------------------------------------------------------------------------------------------
# Time to first dollar for an occupation


def occupation_first_dollar(
    *,
    entry_level: int,
    user_level: int,
    needs_experience: bool = False,
    apprenticeship: bool = False,
    residency: bool = False,
    needs_licence: bool | None = None,
) -> str:
    """Roughly how long until the first paycheck, from the occupation's entry requirements and
    the person's education. docs/quiz.md explains each rule."""
    if needs_experience:
        return "year-plus"  # years in a related occupation come first
    if entry_level > user_level:
        if entry_level <= CERTIFICATE:
            return "months"  # an equivalency diploma or a certificate programme
        return "year-plus"  # a degree
    if apprenticeship or residency or needs_licence:
        return "months"  # an application cycle or a licensing exam before the first paid day
    return "weeks"  # apply, get hired, wait for the first payday


def first_dollar_by_level(**kwargs: object) -> tuple[str, ...]:
    """`occupation_first_dollar` for each education level a person can have."""
    return tuple(
        occupation_first_dollar(user_level=level, **kwargs)  # type: ignore[arg-type]
        for level in range(len(EDUCATION_LEVELS))
    )


# ---------------------------------------------------------------------------------------------
# Matching


class CandidateSet:
    """The candidates as columns (numpy arrays), built once: the site keeps one per data version.
    Matching scores every candidate at once from these; `_practical_adjust` below states the same
    rules one candidate at a time, and a property test holds the two equal. `match` accepts a plain
    iterable of candidates too, and builds this on the fly.

    Only candidates with an interest profile are columns; `index` maps a column back to its
    candidate."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates = tuple(candidates)
        profiled = [(i, c) for i, c in enumerate(self.candidates) if c.unit is not None]
        rows = [c for _, c in profiled]
        self.index = np.array([i for i, _ in profiled], dtype=np.int64)
        units = np.array([c.unit for c in rows], dtype=np.float64).reshape(len(rows), 6)
        self.units = tuple(np.ascontiguousarray(units[:, t]) for t in range(6))
        order = sorted(range(len(rows)), key=lambda i: rows[i].key)
        self.key_rank = np.empty(len(rows), dtype=np.int64)
        self.key_rank[order] = np.arange(len(rows))
        self.adult_only = np.array([c.min_age >= 18 for c in rows], dtype=bool)
        self.needs_authorization = np.array([c.needs_work_authorization for c in rows], dtype=bool)
        self.needs_licence = np.array([c.needs_licence is True for c in rows], dtype=bool)
        self.band_ranks = np.array([c.band_ranks for c in rows], dtype=np.int64).reshape(
            len(rows), len(EDUCATION_LEVELS)
        )
        self.education_level = np.array([c.education_level for c in rows], dtype=np.int64)
        self.cost_known = np.array([c.start_cost_min is not None for c in rows], dtype=bool)
        self.cost_min = np.array([c.start_cost_min or 0 for c in rows], dtype=np.float64)
        self.cost_max_over = np.array(
            [c.start_cost_max if c.start_cost_min is not None and c.start_cost_max is not None else -1 for c in rows],
            dtype=np.float64,
        )
        self.goal_bonus = np.array([c.goal_bonus for c in rows], dtype=np.float64).reshape(len(rows), 3)
        self.occupation_like = np.array([c.lenses is None for c in rows], dtype=bool)
        self.durability_points = np.array([c.durability_points for c in rows], dtype=np.float64)
        self.remote_known = np.array([c.remote is not None for c in rows], dtype=bool)
        self.remote = np.array([bool(c.remote) for c in rows], dtype=bool)
        self.flexible_hours = np.array([c.flexible_hours for c in rows], dtype=bool)

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    def __len__(self) -> int:
        return len(self.candidates)

    def practical_adjust(self, r: _Rules) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64]]:
        """`_practical_adjust` for every column: (allowed, adjustment). The operations run in the
        same order as there, so the floats come out identical."""
        allowed = ~(self.adult_only & (not r.adult))
        allowed &= ~(self.needs_authorization & (not r.authorized))
        allowed &= ~(self.needs_licence & (not r.licence_ok))
        band = self.band_ranks[:, r.education]
        allowed &= (band <= r.max_rank) & (self.education_level <= r.max_level)
        adjust = np.asarray(r.urgency_adjust, dtype=np.float64)[band]
        gap = self.education_level - r.education
        adjust = np.where(gap > 0, adjust - 0.04 * gap, adjust)
        if r.budget is not None:
            allowed &= ~(self.cost_known & (self.cost_min > r.budget))
            adjust = np.where(self.cost_max_over > r.budget, adjust - 0.05, adjust)
            if r.small_budget:
                adjust = np.where(~self.cost_known & (gap > 0), adjust - 0.05, adjust)
        adjust = adjust + self.goal_bonus[:, r.goal]
        if r.goal == 0:
            adjust = np.where(self.occupation_like & (band > 1), adjust - 0.1, adjust)
        if r.weight:
            adjust = adjust + r.weight * self.durability_points
        if r.remote:
            adjust = np.where(self.remote_known, adjust + np.where(self.remote, 0.05, -0.1), adjust)
        elif r.in_person:
            adjust = np.where(self.remote_known & self.remote, adjust - 0.02, adjust)
        if r.short_hours:
            adjust = np.where(self.flexible_hours, adjust + 0.03, adjust)
        return allowed, adjust


def match(answers: Answers, candidates: Iterable[Candidate], *, limit: int = LIMIT) -> Outcome:
    profile, problem = interest_profile(answers.interests)
    if profile is None:
        return Outcome(profile=None, problem=problem, matches=(), eligible=0, notes=())
    user = _unit(profile.scores)
    assert user is not None  # a profile is never flat
    u0, u1, u2, u3, u4, u5 = user
    p = answers.practical
    prepared = candidates if isinstance(candidates, CandidateSet) else CandidateSet(candidates)
    pool = prepared.candidates
    # Interest fit for everyone at once: a dot product of units is Pearson's r (summed in the
    # order a scalar loop would, so ties break the same way on every machine).
    r, i, a, s, e, k = prepared.units
    fit = u0 * r + u1 * i + u2 * a + u3 * s + u4 * e + u5 * k
    allowed, adjust = prepared.practical_adjust(_Rules.of(p))
    columns = np.flatnonzero((fit > MIN_FIT) & allowed)
    score = fit[columns] + adjust[columns]
    ranked = columns[np.lexsort((prepared.key_rank[columns], -score))]  # by score, then key

    chosen: list[Match] = []
    taken: set[str] = set()
    for column in ranked.tolist():
        c = pool[int(prepared.index[column])]
        if taken & c.groups:
            continue
        taken |= c.groups
        chosen.append(_explain(profile, p, c, float(fit[column] + adjust[column]), float(fit[column])))
        if len(chosen) == limit:
            break
    notes: list[str] = []
    if len(chosen) < limit:
        notes.append(_too_few_note(len(chosen), p))
    return Outcome(profile=profile, problem=None, matches=tuple(chosen), eligible=len(columns), notes=tuple(notes))


@dataclasses.dataclass(frozen=True, slots=True)
class _Rules:
    """The practical answers turned into the numbers the inner loop compares against."""

    adult: bool
    authorized: bool
    licence_ok: bool
    education: int
    max_level: int  # the highest education level a candidate may need, given the training answer
    max_rank: int  # the slowest first-dollar band allowed
    urgency_adjust: tuple[float, float, float, float]
    budget: int | None
    small_budget: bool
    goal: int  # index into GOAL_LENS order: cash, hired, business
    weight: float
    remote: bool
    in_person: bool
    short_hours: bool

    @classmethod
    def of(cls, p: Practical) -> _Rules:
        max_level = {"any": len(EDUCATION_LEVELS), "short": max(p.education, CERTIFICATE), "none": p.education}
        return cls(
            adult=p.adult,
            authorized=p.work_authorized,
            licence_ok=p.licence_ok,
            education=p.education,
            max_level=max_level[p.train],
            max_rank=URGENCY_MAX_RANK[p.urgency],
            urgency_adjust=URGENCY_ADJUST[p.urgency],
            budget=p.budget_usd,
            small_budget=p.budget_usd is not None and p.budget_usd <= SMALL_BUDGET,
            goal=GOAL_LENS[p.goal],
            weight=DURABILITY_WEIGHT[p.durability],
            remote=p.setting == "remote",
            in_person=p.setting == "in-person",
            short_hours=p.hours in ("under-10", "10-20"),
        )


def _practical_adjust(r: _Rules, c: Candidate) -> float | None:
    """The score adjustment for the practical answers, or None when the candidate is ruled out."""
    # Hard filters: age, work authorization, licences. Never crossed, whatever the score.
    if c.min_age >= 18 and not r.adult:
        return None
    if c.needs_work_authorization and not r.authorized:
        return None
    if c.needs_licence is True and not r.licence_ok:
        return None
    # Fit filters: urgency, training, budget.
    band_rank = c.band_ranks[r.education]
    if band_rank > r.max_rank or c.education_level > r.max_level:
        return None
    adjust = r.urgency_adjust[band_rank]
    gap = c.education_level - r.education
    if gap > 0:
        adjust -= 0.04 * gap
    if r.budget is not None:
        if c.start_cost_min is not None:
            if c.start_cost_min > r.budget:
                return None
            if c.start_cost_max is not None and c.start_cost_max > r.budget:
                adjust -= 0.05
        elif gap > 0 and r.small_budget:
            adjust -= 0.05  # training costs money we cannot price
    # What the person wants from it, durability, setting, hours.
    adjust += c.goal_bonus[r.goal]
    if r.goal == 0 and c.lenses is None and band_rank > 1:
        adjust -= 0.1  # cash now, from an occupation that pays in months or later
    if r.weight:
        adjust += r.weight * c.durability_points
    if c.remote is not None:
        if r.remote:
            adjust += 0.05 if c.remote else -0.1
        elif r.in_person and c.remote:
            adjust -= 0.02
    if r.short_hours and c.flexible_hours:
        adjust += 0.03
    return adjust


def _too_few_note(found: int, p: Practical) -> str:
    if found == 0:
        lead = "Nothing fits all of your answers"
    else:
        lead = f"Only {found} {'match fits' if found == 1 else 'matches fit'} all of your answers"
    limits = []
    if not p.adult:
        limits.append("being under 18")
    if not p.work_authorized:
        limits.append("no work authorization")
    if not p.licence_ok:
        limits.append("no licences")
    if p.urgency != "year":
        limits.append(f"needing money this {p.urgency}")
    if p.train != "any":
        limits.append("limits on training")
    if p.budget_usd is not None and p.budget_usd <= SMALL_BUDGET:
        limits.append("a small start-up budget")
    tail = f" ({', '.join(limits)} rule out the rest)" if limits else ""
    return lead + tail + ". We would rather show fewer than suggest something you cannot take up."


# ---------------------------------------------------------------------------------------------
# Reasons


def _explain(profile: Profile, p: Practical, c: Candidate, score: float, fit: float) -> Match:
    band = c.first_dollar[p.education]
    return Match(
        candidate=c,
        score=round(score, 6),
        interest_fit=round(fit, 6),
        first_dollar=band,
        why=tuple(_why(profile, p, c, band, fit)),
        watch=tuple(_watch(p, c, band))[:MAX_WATCH],
    )


def _names(letters: Iterable[str]) -> str:
    names = [TYPE_NAMES[letter] for letter in letters]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _why(profile: Profile, p: Practical, c: Candidate, band: str, fit: float) -> list[str]:
    shared = [letter for letter in profile.code if letter in c.interest_code[:3]]
    basis = f" (from {c.profile_basis})" if c.profile_basis else ""
    if shared:
        count = {1: "one", 2: "two", 3: "all three"}[len(shared)]
        lead = f"It draws on {_names(shared)}, {count} of your three strongest interests"
    else:
        lead = "Its interest pattern leans the same way as yours, though its high points are not your top three"
    reasons = [
        f"{lead}: your code is {profile.code}, its code {c.interest_code}{basis}. "
        f"Interest fit {fit:.2f}, on a scale from −1 to 1."
    ]
    if BAND_RANK[band] <= 1 or p.urgency == "year":
        reasons.append(f"First dollar in {BAND_LABELS[band]}, which suits your answer that {URGENCY_WORDS[p.urgency]}.")
    if c.education_level <= p.education:
        level = EDUCATION_LEVELS[c.education_level]
        reasons.append(f"It typically asks for {EDUCATION_LABELS[level]} to start, which you have.")
    if p.budget_usd is not None and c.start_cost_max is not None and c.start_cost_max <= p.budget_usd:
        reasons.append(f"Start cost ${c.start_cost_min:,}–${c.start_cost_max:,}, within what you can spend.")
    elif p.budget_usd is None and c.start_cost_max is not None:
        reasons.append(f"Start cost ${c.start_cost_min:,}–${c.start_cost_max:,}.")
    lens = GOAL_LENS[p.goal]
    if c.lenses is not None:
        tone, verdict = c.lenses[lens]
        if tone == "good":
            reasons.append(f"Our read rates it a good fit {LENS_WORDS[lens]}, which is what you want: “{verdict}”.")
    elif p.goal == "hired":
        reasons.append("It is a hired job, which is what you want from it.")
    elif p.goal == "business" and c.self_employed_percent is not None and c.self_employed_percent >= 25:
        reasons.append(
            f"{c.self_employed_percent:.0f}% of its workers are self-employed (BLS), so working for yourself is common."
        )
    if c.durability is not None and c.durability >= 60 and p.durability != "not-much":
        reasons.append(f"Durability {c.durability}/100, and you said durability matters to you.")
    if c.flexible_hours and p.hours in ("under-10", "10-20"):
        reasons.append("You choose your own hours, which suits the time you have.")
    if p.setting == "remote" and c.remote:
        reasons.append("It can be done remotely.")
    return reasons


def _watch(p: Practical, c: Candidate, band: str) -> list[str]:
    notes: list[str] = []
    if c.needs_experience:
        notes.append("It usually needs years of experience in a related occupation before you are hired (BLS).")
    if c.education_level > p.education:
        level = EDUCATION_LEVELS[c.education_level]
        notes.append(
            f"It typically asks for {EDUCATION_LABELS[level]} to start, which you do not have yet: "
            f"count on training first (first dollar in {BAND_LABELS[band]})."
        )
    if p.urgency == "week" and BAND_RANK[band] == 1:
        notes.append(f"The first dollar takes {BAND_LABELS[band]}, not days.")
    if p.urgency == "month" and BAND_RANK[band] == 2:
        notes.append("The first dollar takes months: you need another income meanwhile.")
    if c.needs_licence:
        notes.append("It needs a licence: an exam, fees and usually a background check.")
    elif c.needs_licence is None and c.kind == "occupation":
        notes.append("We have no licensing data for this occupation: check your state's rules before you train.")
    if p.budget_usd is not None:
        if c.start_cost_max is not None and c.start_cost_max > p.budget_usd:
            notes.append(f"Start costs can reach ${c.start_cost_max:,}, more than you said you can spend.")
        elif c.start_cost_max is None and c.education_level > p.education:
            notes.append("Training costs money, and our data has no price for it.")
    if c.lenses is not None:
        lens = GOAL_LENS[p.goal]
        tone, verdict = c.lenses[lens]
        if tone != "good":
            notes.append(f"{LENS_WORDS[lens].capitalize()}, our read says: “{verdict}”.")
    if c.pay is not None and c.pay.change_percent is not None and c.pay.change_percent < 0:
        notes.append(f"Jobs are projected to shrink {abs(c.pay.change_percent):.1f}% over 2024–34 (BLS).")
    if c.durability is not None and c.durability < 40:
        notes.append(f"Durability {c.durability}/100: much of this work is exposed to AI.")
    if p.setting == "remote" and c.remote is None:
        notes.append("Our data cannot tell whether this can be done remotely.")
    elif p.setting == "remote" and c.remote is False:
        notes.append("It is done in person.")
    if p.hours in ("under-10", "10-20") and not c.flexible_hours:
        notes.append("Employers set the hours; our data does not say how many openings are part-time.")
    notes.extend(c.notes)
    return notes
