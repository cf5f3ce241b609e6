"""The quiz's quality checks (issue 5, section 4), as pure functions over a candidate list.

eval/quiz_eval.py runs them on the real shared data and prints the report; the realdata test runs
them too. No ORM here: give them `selectors.build_candidates().candidates`.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Iterable
from typing import Any

from careermap.quiz.matching import (
    BAND_RANK,
    EDUCATION_LEVELS,
    RIASEC,
    URGENCY_MAX_RANK,
    Answers,
    Candidate,
    Outcome,
    Practical,
    match,
)

ITEM_IDS = tuple(f"{letter}{n}" for letter in RIASEC for n in range(1, 9))

# Nothing ruled out: the answers of someone who can take up anything.
OPEN = Practical(
    urgency="year",
    budget_usd=None,
    education=EDUCATION_LEVELS.index("bachelor"),
    train="any",
    adult=True,
    work_authorized=True,
    licence_ok=True,
    setting="either",
    hours="full-time",
    goal="hired",
    durability="not-much",
)


def only(letter: str) -> dict[str, int]:
    """Interest answers of someone who enjoys only one type's activities."""
    return {item: 5 if item[0] == letter else 1 for item in ITEM_IDS}


def random_practical(rng: random.Random) -> Practical:
    return Practical(
        urgency=rng.choice(["week", "month", "within-year", "year"]),
        budget_usd=rng.choice([0, 100, 500, 2000, 10_000, None]),
        education=rng.randrange(len(EDUCATION_LEVELS)),
        train=rng.choice(["any", "short", "none"]),
        adult=rng.choice([True, False]),
        work_authorized=rng.choice([True, False]),
        licence_ok=rng.choice([True, False]),
        setting=rng.choice(["remote", "in-person", "either"]),
        hours=rng.choice(["under-10", "10-20", "20-35", "full-time"]),
        goal=rng.choice(["cash", "hired", "business"]),
        durability=rng.choice(["a-lot", "some", "not-much"]),
        pay_floor_usd=rng.choice([None, None, 30_000, 50_000, 80_000]),
    )


def random_interests(rng: random.Random, mode: str = "uniform") -> dict[str, int]:
    """`uniform`: every answer 1–5 at random. `structured`: a liking per type, answers near it
    (closer to how people answer: they like some kinds of work more than others)."""
    if mode == "uniform":
        return {item: rng.randint(1, 5) for item in ITEM_IDS}
    liking: dict[str, int] = {letter: rng.randint(1, 5) for letter in RIASEC}
    return {item: min(5, max(1, liking[item[0]] + rng.choice((-1, 0, 0, 1)))) for item in ITEM_IDS}


def violations(answers: Answers, outcome: Outcome) -> list[str]:
    """Every broken rule in an outcome: hard requirements, urgency, more than three, duplicates."""
    p = answers.practical
    found = []
    keys = [m.candidate.key for m in outcome.matches]
    if len(keys) > 3 or len(set(keys)) != len(keys):
        found.append(f"matches not three unique: {keys}")
    groups = [g for m in outcome.matches for g in m.candidate.groups]
    if len(groups) != len(set(groups)):
        found.append(f"two matches share an occupation group: {keys}")
    for m in outcome.matches:
        c = m.candidate
        if not p.adult and c.min_age >= 18:
            found.append(f"{c.key}: 18+ for someone under 18")
        if not p.work_authorized and c.needs_work_authorization:
            found.append(f"{c.key}: needs work authorization")
        if not p.licence_ok and c.needs_licence:
            found.append(f"{c.key}: needs a licence")
        if BAND_RANK[m.first_dollar] > URGENCY_MAX_RANK[p.urgency]:
            found.append(f"{c.key}: first dollar in {m.first_dollar} for urgency {p.urgency}")
        if p.urgency == "week" and m.first_dollar == "year-plus":
            found.append(f"{c.key}: a year or more for someone who needs money this week")
    return found


@dataclasses.dataclass(frozen=True)
class OneType:
    letter: str
    matches: tuple[tuple[str, str, str], ...]  # key, title, interest code

    @property
    def ok(self) -> bool:
        return len(self.matches) == 3 and all(code[:1] == self.letter for _, _, code in self.matches)


def one_type(candidates: Iterable[Candidate], practical: Practical = OPEN) -> list[OneType]:
    results = []
    for letter in RIASEC:
        outcome = match(Answers(interests=only(letter), practical=practical), candidates)
        results.append(
            OneType(
                letter, tuple((m.candidate.key, m.candidate.title, m.candidate.interest_code) for m in outcome.matches)
            )
        )
    return results


def one_type_sweep(candidates: Iterable[Candidate], *, practical_sets: int, seed: int) -> dict[str, Any]:
    """One-type profiles under random practical answers: how often every returned match has the
    type as its first high point, and how often three come back at all."""
    rng = random.Random(seed)
    sets = [random_practical(rng) for _ in range(practical_sets)]
    by_type: dict[str, dict[str, int]] = {}
    for letter in RIASEC:
        pure = three = 0
        for practical in sets:
            outcome = match(Answers(interests=only(letter), practical=practical), candidates)
            codes = [m.candidate.interest_code[:1] for m in outcome.matches]
            pure += all(code == letter for code in codes)
            three += len(codes) == 3
        by_type[letter] = {"all_first_high_point": pure, "three_returned": three}
    return {"practical_sets": practical_sets, "by_type": by_type}


def stability(candidates: Iterable[Candidate], *, sets: int, seed: int, mode: str = "uniform") -> dict[str, Any]:
    """Change one interest answer in each of `sets` random answer sets; count how many of the
    three matches change. A change is a match in one list but not the other."""
    rng = random.Random(seed)
    changed: Counter[int] = Counter()
    no_profile = 0
    broken: list[str] = []
    for _ in range(sets):
        interests = random_interests(rng, mode)
        practical = random_practical(rng)
        item = rng.choice(ITEM_IDS)
        value = rng.choice([v for v in range(1, 6) if v != interests[item]])
        before_answers = Answers(interests=interests, practical=practical)
        after_answers = Answers(interests=interests | {item: value}, practical=practical)
        before, after = match(before_answers, candidates), match(after_answers, candidates)
        broken += violations(before_answers, before) + violations(after_answers, after)
        if before.profile is None or after.profile is None:
            no_profile += 1
            continue
        a = {m.candidate.key for m in before.matches}
        b = {m.candidate.key for m in after.matches}
        changed[max(len(a - b), len(b - a))] += 1
    compared = sum(changed.values())
    at_most_one = changed[0] + changed[1]
    return {
        "mode": mode,
        "sets": sets,
        "compared": compared,
        "no_profile": no_profile,
        "changed": {n: changed[n] for n in range(4)},
        "at_most_one_rate": at_most_one / compared if compared else None,
        "violations": broken,
    }


def audit(candidates: Iterable[Candidate], *, sets: int, seed: int) -> dict[str, Any]:
    """Random answers of both kinds; every outcome checked for broken rules."""
    rng = random.Random(seed)
    broken: list[str] = []
    week_matches = 0
    for i in range(sets):
        answers = Answers(
            interests=random_interests(rng, "structured" if i % 2 else "uniform"), practical=random_practical(rng)
        )
        outcome = match(answers, candidates)
        broken += violations(answers, outcome)
        if answers.practical.urgency == "week":
            week_matches += len(outcome.matches)
    return {"sets": sets, "violations": broken, "matches_for_this_week": week_matches}
