"""Every rule that turns practical answers into filters and score adjustments, with every weight named.

Pure: numpy and the quiz's own data shapes, no Django. `WEIGHTS` is the one place the numbers live;
docs/quiz.md's table is generated from `weights_table()` (a test holds the two equal), and the
tests keep a one-candidate-at-a-time statement of the same rules (tests/oracle.py) that a property
test holds float-for-float equal to `adjust_columns`.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from careermap.quiz.kinds import (
    CERTIFICATE,
    EDUCATION_LEVELS,
    GOAL_COLLECTION,
    GOAL_LENS,
    SMALL_BUDGET,
    URGENCY_MAX_RANK,
    Candidate,
    Practical,
)

if TYPE_CHECKING:
    from careermap.quiz.matching import CandidateSet


@dataclasses.dataclass(frozen=True)
class Weights:
    """Score adjustments (added to the interest fit, a Pearson r from −1 to 1) and thresholds."""

    # Urgency: a first dollar slower than the answer allows is ruled out (kinds.URGENCY_MAX_RANK);
    # within what it allows, the slowest band costs this much.
    week_wait_weeks: float = -0.06  # "this week", first dollar in weeks or uneven
    month_wait_months: float = -0.10  # "this month", first dollar in months
    # Training and money
    education_gap: float = -0.04  # per education level the person would still need
    budget_may_exceed: float = -0.05  # the start cost can run above what the person can spend
    budget_unpriced: float = -0.05  # training needed, no price in our data, budget ≤ SMALL_BUDGET
    pay_below_floor: float = -0.10  # a read whose linked occupation's median is below the pay floor
    # What the person wants from it: our read's verdict for that lens …
    lens_good: float = 0.08  # our read rates it "good" for what the person wants
    lens_mixed: float = 0.0  # … "mixed"
    lens_poor: float = -0.15  # … "poor"
    lens_collection: float = 0.04  # the read is in the collection for that goal
    # … or, for an occupation, what BLS says about it
    hired_occupation: float = 0.05  # a hired job, most of whose workers are employees
    hired_mostly_self_employed: float = -0.10  # ≥ self_employed_most percent self-employed
    business_common: float = 0.05  # ≥ self_employed_common percent self-employed
    business_rare: float = -0.10  # < self_employed_rare percent
    business_unknown: float = -0.05  # own business wanted, self-employment share unknown
    cash_slow_occupation: float = -0.10  # cash now, from an occupation paying in months or later
    self_employed_most: float = 50.0  # percent self-employed (BLS): mostly self-employed
    self_employed_common: float = 25.0  # percent: working for yourself is common
    self_employed_rare: float = 10.0  # percent: working for yourself is rare
    # Durability (× (score − 50) / 50; no score counts as no_score_points)
    durability_a_lot: float = 0.3  # durability "a lot": × (score − 50) / 50
    durability_some: float = 0.15  # durability "somewhat": × (score − 50) / 50
    no_score_points: float = -0.2  # no durability score, durability "somewhat": as if 40/100
    no_score_points_a_lot: float = -1.0  # durability "a lot": as if 0/100, after every scored option
    # Durability "a lot": the good fits (within good_fit_margin of the best eligible fit) come first,
    # so the most durable of them leads; the page says so when the leader is below mid_durability.
    good_fit_margin: float = 0.1  # within this of the best eligible interest fit: a good fit
    good_fit_lift: float = 3.0  # added to good fits: more than every other adjustment can span
    good_fit_durability: float = 0.7  # durability "a lot", good fits: × (score − 50) / 50 on top
    mid_durability: int = 60  # below this, the page says the best fits are only mid-durability
    # Setting and hours
    remote_yes: float = 0.05  # remote wanted, and it can be done remotely
    remote_no: float = -0.10  # remote wanted, and it cannot
    in_person_but_remote: float = -0.02  # in person wanted, and it is remote work
    short_hours_flexible: float = 0.03  # under 20 hours a week, and you choose your hours


WEIGHTS = Weights()
W = WEIGHTS


def tone_adjust(tone: str) -> float:
    return {"good": W.lens_good, "mixed": W.lens_mixed, "poor": W.lens_poor}[tone]


def goal_bonus(c: Candidate) -> tuple[float, float, float]:
    """Score adjustment for each answer to "what do you want from it": cash, hired, business."""
    if c.lenses is not None:  # a read: its own lens verdicts, and whether it is that kind of work
        bonus = [tone_adjust(c.lenses[GOAL_LENS[goal]][0]) for goal in ("cash", "hired", "business")]
        for goal, collection in GOAL_COLLECTION.items():
            if c.collection == collection:
                bonus[GOAL_LENS[goal]] += W.lens_collection
        return (bonus[0], bonus[1], bonus[2])
    share = c.self_employed_percent  # an occupation
    hired = W.hired_mostly_self_employed if share is not None and share >= W.self_employed_most else W.hired_occupation
    if share is None:
        business = W.business_unknown
    elif share >= W.self_employed_common:
        business = W.business_common
    elif share < W.self_employed_rare:
        business = W.business_rare
    else:
        business = 0.0
    return (0.0, hired, business)


def durability_points(c: Candidate) -> float:
    return W.no_score_points if c.durability is None else (c.durability - 50) / 50


@dataclasses.dataclass(frozen=True, slots=True)
class Rules:
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
    lift_good_fits: bool
    remote: bool
    in_person: bool
    short_hours: bool
    pay_floor: int | None
    own: frozenset[str]  # the person's own occupation: experience and education credited
    related: frozenset[str]  # related occupations: the experience wait credited
    years: int
    zone: int | None

    @classmethod
    def of(cls, p: Practical) -> Rules:
        max_level = {"any": len(EDUCATION_LEVELS), "short": max(p.education, CERTIFICATE), "none": p.education}
        urgency = {
            "week": (0.0, W.week_wait_weeks, 0.0, 0.0),
            "month": (0.0, 0.0, W.month_wait_months, 0.0),
            "within-year": (0.0, 0.0, 0.0, 0.0),
            "year": (0.0, 0.0, 0.0, 0.0),
        }
        weight = {"a-lot": W.durability_a_lot, "some": W.durability_some, "not-much": 0.0}
        e = p.experience
        return cls(
            adult=p.adult,
            authorized=p.work_authorized,
            licence_ok=p.licence_ok,
            education=p.education,
            max_level=max_level[p.train],
            max_rank=URGENCY_MAX_RANK[p.urgency],
            urgency_adjust=urgency[p.urgency],
            budget=p.budget_usd,
            small_budget=p.budget_usd is not None and p.budget_usd <= SMALL_BUDGET,
            goal=GOAL_LENS[p.goal],
            weight=weight[p.durability],
            lift_good_fits=p.durability == "a-lot",
            remote=p.setting == "remote",
            in_person=p.setting == "in-person",
            short_hours=p.hours in ("under-10", "10-20"),
            pay_floor=p.pay_floor_usd,
            own=frozenset({e.code}) if e is not None and e.years >= 1 else frozenset(),
            related=e.related if e is not None and e.years >= 1 else frozenset(),
            years=e.years if e is not None else 0,
            zone=e.job_zone if e is not None else None,
        )

    def credits(self, c: Candidate) -> tuple[bool, bool]:
        """(own occupation, experience credited) for one candidate."""
        own = any(code in self.own for code in c.codes)
        related = any(code in self.related for code in c.codes)
        zone_ok = self.zone is None or c.job_zone is None or c.job_zone <= self.zone
        credited = own or (related and zone_ok and self.years >= max(c.experience_years, 1))
        return own, credited


def adjust_columns(
    cs: CandidateSet, r: Rules
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.float64], npt.NDArray[np.bool_]]:
    """Every rule for every column at once: (allowed, adjustment, experience credited). The operations
    run in the same order as tests/oracle.py's, so the floats come out identical."""
    own = np.zeros(len(cs.adult_only), dtype=bool)
    credited = own.copy()
    if r.own or r.related:
        for column in cs.columns_for(r.own | r.related):
            o, k = r.credits(cs.rows[column])
            own[column] = o
            credited[column] = k
    allowed = ~(cs.adult_only & (not r.adult))
    allowed &= ~(cs.needs_authorization & (not r.authorized))
    allowed &= ~(cs.needs_licence & (not r.licence_ok))
    band = np.where(credited, cs.credited_ranks[:, r.education], cs.band_ranks[:, r.education])
    band = np.where(own, np.minimum(band, 1), band)
    allowed &= (band <= r.max_rank) & ((cs.education_level <= r.max_level) | own)
    adjust = np.asarray(r.urgency_adjust, dtype=np.float64)[band]
    gap = np.where(own, 0, cs.education_level - r.education)
    adjust = np.where(gap > 0, adjust + W.education_gap * gap, adjust)
    if r.budget is not None:
        allowed &= ~(cs.cost_known & (cs.cost_min > r.budget))
        adjust = np.where(cs.cost_max_over > r.budget, adjust + W.budget_may_exceed, adjust)
        if r.small_budget:
            adjust = np.where(~cs.cost_known & (gap > 0), adjust + W.budget_unpriced, adjust)
    if r.pay_floor is not None:
        below = cs.median < r.pay_floor  # NaN (unknown) compares False
        allowed &= ~(below & cs.occupation_like)
        adjust = np.where(below & ~cs.occupation_like, adjust + W.pay_below_floor, adjust)
    adjust = adjust + cs.goal_bonus[:, r.goal]
    if r.goal == 0:
        adjust = np.where(cs.occupation_like & (band > 1), adjust + W.cash_slow_occupation, adjust)
    if r.weight:
        points = np.where(cs.durability_known, cs.durability_points, W.no_score_points_a_lot)
        adjust = adjust + r.weight * (points if r.lift_good_fits else cs.durability_points)
    if r.remote:
        adjust = np.where(cs.remote_known, adjust + np.where(cs.remote, W.remote_yes, W.remote_no), adjust)
    elif r.in_person:
        adjust = np.where(cs.remote_known & cs.remote, adjust + W.in_person_but_remote, adjust)
    if r.short_hours:
        adjust = np.where(cs.flexible_hours, adjust + W.short_hours_flexible, adjust)
    return allowed, adjust, credited


def lift_good_fits(
    fit: npt.NDArray[np.float64], score: npt.NDArray[np.float64], points: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """Durability "a lot": over the eligible candidates' fits, scores and durability points (no score
    last), the good fits (within good_fit_margin of the best fit) go first, durability weighing more
    among them, so the most durable of them leads."""
    if not len(fit):
        return score
    good = fit >= fit.max() - W.good_fit_margin
    return np.where(good, score + W.good_fit_lift + W.good_fit_durability * points, score)


def weights_table() -> str:
    """docs/quiz.md's table of weights, from WEIGHTS (a test holds the document to this)."""
    rows = ["| Weight | Value | What it is |", "|---|---|---|"]
    comments = _comments()
    for field in dataclasses.fields(Weights):
        value = getattr(WEIGHTS, field.name)
        text = f"{value:+.2f}" if isinstance(value, float) and abs(value) < 5 else f"{value:g}"
        rows.append(f"| `{field.name}` | {text} | {comments.get(field.name, '')} |")
    return "\n".join(rows)


def _comments() -> dict[str, str]:
    """The comment beside each field in the Weights class above, as the table's third column."""
    import inspect
    import re

    found: dict[str, str] = {}
    for line in inspect.getsource(Weights).splitlines():
        m = re.match(r"\s+(\w+): (?:float|int) = [^#]+#\s*(.+)$", line)
        if m:
            found[m.group(1)] = m.group(2).strip().replace("|", "/")
    return found
