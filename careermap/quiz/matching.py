"""Matching: answers and candidates in, a RIASEC profile and the best matches with reasons out.

Pure: plain dataclasses in and out; no Django, no I/O. Deterministic: a candidate's score depends
only on the answers and that candidate (and, when durability matters a lot, on the best interest fit
among the candidates the answers allow), and ties are broken by the candidate's key, so the order
the candidates arrive in never changes the result.

How it works (docs/quiz.md has the long version):

1. Interest answers (1 Dislike … 5 Enjoy, eight items per type) give six raw scores (8–40).
   Too few answers, or answers that do not separate the types, give a `Problem` instead.
2. Every candidate (an O*NET occupation or one of our reads) has a six-number interest profile.
   Interest fit is the Pearson correlation between the person's scores and that profile.
3. The practical answers filter and adjust (rules.py: every rule, every weight named in `Weights`).
4. The best are picked in score order, at most one per O*NET minor group; the first three are
   explained (sentences.py), the next ones listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

import numpy as np

from careermap.quiz import sentences
from careermap.quiz.kinds import (  # noqa: F401  (re-exported: the quiz's one import for its shapes)
    BAND_LABELS,
    BAND_RANK,
    CERTIFICATE,
    EDUCATION_LABELS,
    EDUCATION_LEVELS,
    ITEMS_PER_TYPE,
    MIN_ANSWERS_PER_TYPE,
    RIASEC,
    TYPE_NAMES,
    URGENCY_MAX_RANK,
    Answers,
    Candidate,
    Experience,
    Match,
    Outcome,
    Pay,
    Practical,
    Problem,
    Profile,
    Source,
    unit,
)
from careermap.quiz.rules import WEIGHTS, Rules, adjust_columns, durability_points, goal_bonus, lift_good_fits

# Type means (on the 1–5 answer scale) closer together than this do not make a profile.
FLAT_RANGE = 0.5
LIMIT = 3  # explained in full
MORE = 10  # listed after them, compact
# A match must at least lean the same way as the person's interests.
MIN_FIT = 0.0
_unit = unit


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


class CandidateSet:
    """The candidates as columns (numpy arrays), built once: the site keeps one per data version.
    Matching scores every candidate at once from these (rules.adjust_columns); tests/oracle.py states
    the same rules one candidate at a time, and a property test holds the two equal. `match` accepts a
    plain iterable of candidates too, and builds this on the fly.

    Only candidates with an interest profile are columns; `index` maps a column back to its
    candidate."""

    def __init__(self, candidates: Iterable[Candidate]) -> None:
        self.candidates = tuple(candidates)
        profiled = [(i, c) for i, c in enumerate(self.candidates) if c.unit is not None]
        rows = [c for _, c in profiled]
        self.rows = rows
        self._by_code: dict[str, list[int]] = {}
        for column, c in enumerate(rows):
            for code in c.codes:
                self._by_code.setdefault(code, []).append(column)
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
        self.credited_ranks = np.array([c.credited_ranks for c in rows], dtype=np.int64).reshape(
            len(rows), len(EDUCATION_LEVELS)
        )
        self.education_level = np.array([c.education_level for c in rows], dtype=np.int64)
        self.cost_known = np.array([c.start_cost_min is not None for c in rows], dtype=bool)
        self.cost_min = np.array([c.start_cost_min or 0 for c in rows], dtype=np.float64)
        self.cost_max_over = np.array(
            [c.start_cost_max if c.start_cost_min is not None and c.start_cost_max is not None else -1 for c in rows],
            dtype=np.float64,
        )
        self.goal_bonus = np.array([goal_bonus(c) for c in rows], dtype=np.float64).reshape(len(rows), 3)
        self.occupation_like = np.array([c.lenses is None for c in rows], dtype=bool)
        self.durability_points = np.array([durability_points(c) for c in rows], dtype=np.float64)
        self.durability_known = np.array([c.durability is not None for c in rows], dtype=bool)
        self.remote_known = np.array([c.remote is not None for c in rows], dtype=bool)
        self.remote = np.array([bool(c.remote) for c in rows], dtype=bool)
        self.flexible_hours = np.array([c.flexible_hours for c in rows], dtype=bool)
        self.median = np.array(
            [c.pay.median_wage if c.pay is not None and c.pay.median_wage is not None else np.nan for c in rows],
            dtype=np.float64,
        )

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates)

    def __len__(self) -> int:
        return len(self.candidates)

    def columns_for(self, codes: Iterable[str]) -> list[int]:
        """The columns of candidates that are, or cover, any of these O*NET occupations."""
        return sorted({column for code in codes for column in self._by_code.get(code, ())})


def match(answers: Answers, candidates: Iterable[Candidate], *, limit: int = LIMIT, more: int = 0) -> Outcome:
    """The best `limit` matches explained, then up to `more` further ones (explained too: the page
    shows them compact)."""
    profile, problem = interest_profile(answers.interests)
    if profile is None:
        return Outcome(profile=None, problem=problem, matches=(), eligible=0, notes=())
    user = unit(profile.scores)
    assert user is not None  # a profile is never flat
    u0, u1, u2, u3, u4, u5 = user
    p = answers.practical
    prepared = candidates if isinstance(candidates, CandidateSet) else CandidateSet(candidates)
    pool = prepared.candidates
    # Interest fit for everyone at once: a dot product of units is Pearson's r (summed in the
    # order a scalar loop would, so ties break the same way on every machine).
    r, i, a, s, e, k = prepared.units
    fit = u0 * r + u1 * i + u2 * a + u3 * s + u4 * e + u5 * k
    rules = Rules.of(p)
    allowed, adjust, credited = adjust_columns(prepared, rules)
    columns = np.flatnonzero((fit > MIN_FIT) & allowed)
    score = fit[columns] + adjust[columns]
    if rules.lift_good_fits:  # durability first: the most durable of the good fits leads
        points = np.where(prepared.durability_known, prepared.durability_points, WEIGHTS.no_score_points_a_lot)
        score = lift_good_fits(fit[columns], score, points[columns])
    order = np.lexsort((prepared.key_rank[columns], -score))  # by score, then key
    chosen: list[Match] = []
    taken: set[str] = set()
    for position in order.tolist():
        column = int(columns[position])
        c = pool[int(prepared.index[column])]
        if taken & c.groups:
            continue
        taken |= c.groups
        chosen.append(
            _explain(
                profile, p, c, rules, float(fit[column] + adjust[column]), float(fit[column]), bool(credited[column])
            )
        )
        if len(chosen) == limit + more:
            break
    notes: list[str] = []
    if len(chosen) < limit:
        notes.append(sentences.too_few_note(len(chosen), limit, p))
    durability = sentences.durability_note(p, tuple(chosen[:limit]))
    if durability:
        notes.append(durability)
    return Outcome(profile=profile, problem=None, matches=tuple(chosen), eligible=len(columns), notes=tuple(notes))


def _explain(
    profile: Profile, p: Practical, c: Candidate, rules: Rules, score: float, fit: float, credited: bool
) -> Match:
    own, _ = rules.credits(c) if credited else (False, False)
    band = (c.first_dollar_credited if credited and c.first_dollar_credited else c.first_dollar)[p.education]
    if own and BAND_RANK[band] > 1:
        band = "weeks"  # the person's own occupation: apply and start
    return Match(
        candidate=c,
        score=round(score, 6),
        interest_fit=round(fit, 6),
        first_dollar=band,
        why=tuple(sentences.why(profile, p, c, band, fit, credited)),
        watch=tuple(sentences.watch(p, c, band, credited)),
        credited=credited,
    )
