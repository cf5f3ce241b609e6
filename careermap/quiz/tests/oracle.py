"""The practical rules stated one candidate at a time: the readable reference that a property test
holds float-for-float equal to rules.adjust_columns (which runs them over numpy columns)."""

from __future__ import annotations

import math

from careermap.quiz.kinds import Candidate
from careermap.quiz.rules import WEIGHTS as W
from careermap.quiz.rules import Rules, durability_points, goal_bonus


def practical_adjust(r: Rules, c: Candidate) -> float | None:
    """The score adjustment for the practical answers, or None when the candidate is ruled out."""
    own, credited = r.credits(c) if (r.own or r.related) else (False, False)
    # Hard filters: age, work authorization, licences. Never crossed, whatever the score.
    if c.min_age >= 18 and not r.adult:
        return None
    if c.needs_work_authorization and not r.authorized:
        return None
    if c.needs_licence is True and not r.licence_ok:
        return None
    # Fit filters: urgency, training, budget, pay floor.
    band_rank = (c.credited_ranks if credited else c.band_ranks)[r.education]
    if own:
        band_rank = min(band_rank, 1)
    if band_rank > r.max_rank or (c.education_level > r.max_level and not own):
        return None
    adjust = r.urgency_adjust[band_rank]
    gap = 0 if own else c.education_level - r.education
    if gap > 0:
        adjust = adjust + W.education_gap * gap
    if r.budget is not None:
        if c.start_cost_min is not None:
            if c.start_cost_min > r.budget:
                return None
            if c.start_cost_max is not None and c.start_cost_max > r.budget:
                adjust += W.budget_may_exceed
        elif gap > 0 and r.small_budget:
            adjust += W.budget_unpriced  # training costs money we cannot price
    if r.pay_floor is not None:
        wage = c.pay.median_wage if c.pay is not None and c.pay.median_wage is not None else math.nan
        if wage < r.pay_floor:
            if c.lenses is None:
                return None
            adjust += W.pay_below_floor
    # What the person wants from it, durability, setting, hours.
    adjust += goal_bonus(c)[r.goal]
    if r.goal == 0 and c.lenses is None and band_rank > 1:
        adjust += W.cash_slow_occupation  # cash now, from an occupation that pays in months or later
    if r.weight:
        unknown_last = r.lift_good_fits and c.durability is None
        adjust += r.weight * (W.no_score_points_a_lot if unknown_last else durability_points(c))
    if c.remote is not None:
        if r.remote:
            adjust += W.remote_yes if c.remote else W.remote_no
        elif r.in_person and c.remote:
            adjust += W.in_person_but_remote
    if r.short_hours and c.flexible_hours:
        adjust += W.short_hours_flexible
    return adjust
