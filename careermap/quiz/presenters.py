"""Shape matching's Outcome for the API and the pages: plain dicts, the chart's geometry."""

from __future__ import annotations

from typing import Any

from careermap.content.labels import COLLECTION_LABELS
from careermap.lib import svg
from careermap.quiz.matching import (
    BAND_LABELS,
    ITEMS_PER_TYPE,
    LIMIT,
    RIASEC,
    TYPE_NAMES,
    Candidate,
    Match,
    Outcome,
    Pay,
    Profile,
)
from careermap.quiz.selectors import CandidatePool
from careermap.quiz.sentences import TYPE_SENTENCES, fit_words

SCORE_MIN = ITEMS_PER_TYPE * 1
SCORE_MAX = ITEMS_PER_TYPE * 5

CHART_WIDTH = 220  # bar track, SVG user units; labels and values sit beside it


def profile_dict(profile: Profile) -> dict[str, Any]:
    return {
        "scores": profile.as_dict(),
        "code": profile.code,
        "code_names": [TYPE_NAMES[letter] for letter in profile.code],
        "answered": dict(zip(RIASEC, profile.answered, strict=True)),
        # One plain sentence per interest type: the person's three strongest first, then the others.
        "types": [
            {"letter": letter, "sentence": TYPE_SENTENCES[letter], "strong": letter in profile.code}
            for letter in sorted(RIASEC, key=lambda letter: (letter not in profile.code, profile.code.find(letter)))
        ],
        "scale": {"min": SCORE_MIN, "max": SCORE_MAX},
    }


def profile_chart(profile: Profile) -> dict[str, Any]:
    """Geometry for the profile chart (lib/svg.py), bars on the 0–40 raw-score scale."""
    rows = [
        (f"{TYPE_NAMES[letter]} ({letter})", float(score)) for letter, score in zip(RIASEC, profile.scores, strict=True)
    ]
    chart = svg.horizontal_bars(rows, maximum=SCORE_MAX, width=CHART_WIDTH, row_height=22, label_width=110)
    for bar, letter in zip(chart["bars"], RIASEC, strict=True):
        bar["letter"] = letter
        bar["value"] = _number(bar["value"])
    return chart


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def pay_dict(pay: Pay | None) -> dict[str, Any] | None:
    if pay is None:
        return None
    return {
        "occupation_code": pay.occupation_code,
        "occupation_title": pay.occupation_title,
        "median_wage_usd": pay.median_wage,
        "median_wage_is_floor": pay.wage_is_floor,
        "employment_change_percent": pay.change_percent,
        "openings_per_year": round(pay.openings_thousands * 1000) if pay.openings_thousands is not None else None,
        # For the page only (the API schema leaves them out): numbers with thousands separators.
        "median_wage_text": f"${pay.median_wage:,}" if pay.median_wage is not None else "",
        "openings_text": f"{round(pay.openings_thousands * 1000):,}" if pay.openings_thousands is not None else "",
        # Set when BLS publishes these figures for a group of occupations, not this one alone.
        "group_title": pay.group_title,
        "group_jobs_text": f"{round(pay.group_jobs_thousands * 1000):,}" if pay.group_jobs_thousands else "",
        "source": {"name": pay.source.name, "version": pay.source.version, "url": pay.source.url},
    }


def match_dict(rank: int, m: Match) -> dict[str, Any]:
    c = m.candidate
    return {
        "rank": rank,
        "key": c.key,
        "kind": c.kind,
        "collection": c.collection,
        "kind_label": COLLECTION_LABELS.get(c.collection, "Occupation · O*NET")
        if c.kind == "read"
        else "Occupation · O*NET",
        "title": c.title,
        "url": c.url,
        "interest_code": c.interest_code,
        "interest_fit": round(m.interest_fit, 3),
        "fit_words": fit_words(m.interest_fit),
        "experience_credited": m.credited,
        "score": round(m.score, 3),
        "first_dollar": {"band": m.first_dollar, "label": BAND_LABELS[m.first_dollar]},
        "why": list(m.why),
        "watch": list(m.watch),
        "pay": pay_dict(c.pay),
        "durability": {"score": c.durability, "note": c.durability_note},
    }


def compare_chart(profile: Profile, c: Candidate) -> list[dict[str, Any]]:
    """Issue 16's small chart: the person's six scores against the match's profile, each scaled to
    0–100 of its own range (the quiz's 8–40; the candidate's lowest to highest value)."""
    low, high = min(c.profile), max(c.profile)
    rows = []
    for n, (letter, mine, theirs) in enumerate(zip(RIASEC, profile.scores, c.profile, strict=True)):
        you = round(100 * (mine - SCORE_MIN) / (SCORE_MAX - SCORE_MIN))
        it = round(100 * (theirs - low) / (high - low)) if high > low else 50
        y = n * 10  # SVG user units: one 10-unit row per type, two 3-unit bars
        rows.append(
            {"letter": letter, "name": TYPE_NAMES[letter], "you": you, "it": it, "y": y + 1, "y2": y + 5, "ty": y + 8}
        )
    return rows


def outcome_dict(outcome: Outcome, pool: CandidatePool) -> dict[str, Any]:
    """The first LIMIT matches are "matches" (explained in full); any further ones are "more"."""
    matches = [match_dict(rank, m) for rank, m in enumerate(outcome.matches, start=1)]
    if outcome.profile is not None:
        for row, m in zip(matches, outcome.matches, strict=True):
            row["compare"] = compare_chart(outcome.profile, m.candidate)
    return {
        "profile": profile_dict(outcome.profile) if outcome.profile else None,
        "problem": {"code": outcome.problem.code, "message": outcome.problem.message} if outcome.problem else None,
        "matches": matches[:LIMIT],
        "more": matches[LIMIT:],
        "notes": list(outcome.notes),
        "considered": {
            "occupations": pool.occupations,
            "reads": pool.reads,
            "eligible": outcome.eligible,
            "durability_available": pool.durability_available,
        },
        "sources": [{"name": s.name, "version": s.version, "url": s.url} for s in pool.sources],
        "data_as_of": pool.data_as_of or None,
    }
