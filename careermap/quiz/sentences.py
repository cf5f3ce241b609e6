"""Everything the quiz says to a person in words: why a match fits, what to watch, notes on the result,
fit in words and a plain sentence per interest type. Pure: no Django; the rules are in rules.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from careermap.quiz.kinds import (
    BAND_LABELS,
    BAND_RANK,
    EDUCATION_LABELS,
    EDUCATION_LEVELS,
    GOAL_LENS,
    SMALL_BUDGET,
    TYPE_NAMES,
    Candidate,
    Match,
    Practical,
    Profile,
)
from careermap.quiz.rules import WEIGHTS as W

MAX_WATCH = 6
LENS_WORDS = ("as a gig", "as a hired job", "as your own business")
URGENCY_WORDS: dict[str, str] = {
    "week": "you need money this week",
    "month": "you need money this month",
    "within-year": "you need money within a year",
    "year": "you can wait a year or more",
}
# Interest fit (Pearson r) in words: at least this much for each word.
FIT_WORDS: tuple[tuple[float, str], ...] = ((0.8, "strong"), (0.6, "good"), (0.0, "fair"))
# What each interest type means, in one plain sentence of our own, from the facts in the six type
# descriptions of O*NET 29.3's Content Model Reference (CAREERMAP_DATA_DIR/onet_29_3, elements 1.B.1.a–f).
TYPE_SENTENCES: dict[str, str] = {
    "R": "Realistic: building, fixing and running equipment, or working with materials, plants or animals, often physical and outdoors.",
    "I": "Investigative: studying and researching how things, living beings or people work, as in the sciences, health or IT.",
    "A": "Artistic: making original work (art, performance, writing, music, food or design) for others to see or use.",
    "S": "Social: work that serves other people: teaching, caring, advising or helping them.",
    "E": "Enterprising: managing, persuading and selling, mostly in business, or leading and advising people.",
    "C": "Conventional: keeping information and data in order by set procedures, mostly in an office.",
}


def fit_words(fit: float) -> str:
    return next(word for floor, word in FIT_WORDS if fit >= floor)


def names(letters: Iterable[str]) -> str:
    found = [TYPE_NAMES[letter] for letter in letters]
    if len(found) <= 1:
        return "".join(found)
    return ", ".join(found[:-1]) + " and " + found[-1]


def self_employed_words(c: Candidate) -> str:
    group = " (for its BLS group)" if c.pay is not None and c.pay.group_title else ""
    return f"{c.self_employed_percent:.0f}% of its workers are self-employed (BLS{group})"


def why(profile: Profile, p: Practical, c: Candidate, band: str, fit: float, credited: bool) -> list[str]:
    shared = [letter for letter in profile.code if letter in c.interest_code[:3]]
    basis = f" (from {c.profile_basis})" if c.profile_basis else ""
    if shared:
        count = {1: "one", 2: "two", 3: "all three"}[len(shared)]
        lead = f"It draws on {names(shared)}, {count} of your three strongest interests"
    else:
        lead = "Its interests lean the same way as yours, though its strongest are not your top three"
    reasons = [f"{lead}{basis}: a {fit_words(fit)} fit."]
    e = p.experience
    if credited and e is not None:
        if c.key == f"occupation:{e.code}" or e.code in c.codes:
            reasons.append(f"It is the work you have done ({e.title}), so you can step into it.")
        else:
            reasons.append(f"O*NET lists it as related to your work as {e.title}: your experience counts.")
    if BAND_RANK[band] <= 1 or p.urgency == "year" or (p.urgency == "within-year" and BAND_RANK[band] <= 2):
        reasons.append(f"First dollar in {BAND_LABELS[band]}, which suits your answer that {URGENCY_WORDS[p.urgency]}.")
    if c.education_level <= p.education:
        level = EDUCATION_LEVELS[c.education_level]
        reasons.append(f"It typically asks for {EDUCATION_LABELS[level]} to start, which you have.")
    if p.budget_usd is not None and c.start_cost_max is not None and c.start_cost_max <= p.budget_usd:
        reasons.append(f"Start cost ${c.start_cost_min:,}–${c.start_cost_max:,}, within what you can spend.")
    elif p.budget_usd is None and c.start_cost_max is not None:
        reasons.append(f"Start cost ${c.start_cost_min:,}–${c.start_cost_max:,}.")
    wage = c.pay.median_wage if c.pay is not None else None
    if p.pay_floor_usd is not None and wage is not None and wage >= p.pay_floor_usd:
        reasons.append(f"Its median pay, ${wage:,} a year (BLS, 2024), meets your pay floor of ${p.pay_floor_usd:,}.")
    lens = GOAL_LENS[p.goal]
    share = c.self_employed_percent
    if c.lenses is not None:
        tone, verdict = c.lenses[lens]
        if tone == "good":
            reasons.append(f"Our read rates it a good fit {LENS_WORDS[lens]}, which is what you want: “{verdict}”.")
    elif p.goal == "hired" and (share is None or share < W.self_employed_common):
        reasons.append("Most of its workers are employees: a hired job, which is what you want.")
    elif p.goal == "business" and share is not None and share >= W.self_employed_common:
        reasons.append(f"{self_employed_words(c)}, so working for yourself is common.")
    if c.durability is not None and c.durability >= W.mid_durability and p.durability != "not-much":
        reasons.append(f"Durability {c.durability}/100, and you said durability matters to you.")
    if c.flexible_hours and p.hours in ("under-10", "10-20"):
        reasons.append("You choose your own hours, which suits the time you have.")
    if p.setting == "remote" and c.remote:
        reasons.append("It can be done remotely.")
    return reasons


def watch(p: Practical, c: Candidate, band: str, credited: bool) -> list[str]:
    notes: list[str] = []
    if c.needs_experience and not credited:
        notes.append("It usually needs years of experience in a related occupation before you are hired (BLS).")
    if c.education_level > p.education and not (credited and p.experience and p.experience.code in c.codes):
        level = EDUCATION_LEVELS[c.education_level]
        notes.append(
            f"It typically asks for {EDUCATION_LABELS[level]} to start, which you do not have yet: "
            f"count on training first (first dollar in {BAND_LABELS[band]})."
        )
    if p.urgency == "week" and BAND_RANK[band] == 1:
        notes.append(f"The first dollar takes {BAND_LABELS[band]}, not days.")
    if p.urgency in ("month", "within-year") and BAND_RANK[band] == 2:
        notes.append("The first dollar takes months: you need another income meanwhile.")
    wage = c.pay.median_wage if c.pay is not None else None
    if p.pay_floor_usd is not None:
        if wage is None:
            notes.append("We have no pay figure for it to compare with your pay floor.")
        elif wage < p.pay_floor_usd:
            notes.append(
                f"The median pay of employees in {c.pay.occupation_title if c.pay else 'it'} is ${wage:,} a year "
                f"(BLS, 2024), below your pay floor of ${p.pay_floor_usd:,}."
            )
    e = p.experience
    if e is not None and e.median_wage is not None and wage is not None and wage < e.median_wage:
        notes.append(f"Its median pay is below that of your current occupation, {e.title} (${e.median_wage:,}).")
    share = c.self_employed_percent
    if p.goal == "hired" and c.lenses is None and share is not None and share >= W.self_employed_common:
        notes.append(f"{self_employed_words(c)}: hired jobs are fewer than the total suggests.")
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
    elif c.durability is not None and c.durability < W.mid_durability and p.durability == "a-lot":
        notes.append(f"Durability {c.durability}/100: only middling, and you said durability matters a lot.")
    if p.setting == "remote" and c.remote is None:
        notes.append("Our data cannot tell whether this can be done remotely.")
    elif p.setting == "remote" and c.remote is False:
        notes.append("It is done in person.")
    if p.hours in ("under-10", "10-20") and not c.flexible_hours:
        notes.append("Employers set the hours; our data does not say how many openings are part-time.")
    notes.extend(c.notes)
    return notes[:MAX_WATCH]


def too_few_note(found: int, wanted: int, p: Practical) -> str:
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
        limits.append(
            {"week": "needing money this week", "month": "needing money this month"}.get(
                p.urgency, "needing money within a year"
            )
        )
    if p.train != "any":
        limits.append("limits on training")
    if p.budget_usd is not None and p.budget_usd <= SMALL_BUDGET:
        limits.append("a small start-up budget")
    if p.pay_floor_usd is not None:
        limits.append(f"a pay floor of ${p.pay_floor_usd:,}")
    tail = f" ({', '.join(limits)} rule out the rest)" if limits else ""
    return lead + tail + ". We would rather show fewer than suggest something you cannot take up."


def durability_note(p: Practical, matches: tuple[Match, ...]) -> str | None:
    """Durability "a lot" orders the best interest fits by durability, not by score: the page says
    so, and says plainly when even the most durable of them is only mid-durability."""
    if p.durability != "a-lot" or not matches:
        return None
    top = matches[0].candidate.durability
    if top is not None and top >= W.mid_durability:
        return (
            "Durability matters a lot to you, so your best interest fits come first and, among them, "
            "the most durable leads, even where a less durable one fits your interests a little better."
        )
    shown = "has no durability score" if top is None else f"scores {top}/100"
    return (
        f"Durability matters a lot to you, but the most durable of your best interest fits {shown}: "
        f"none of them reaches {W.mid_durability}/100. More durable work would fit your interests less well."
    )
