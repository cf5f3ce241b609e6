"""Builders for read files. Tests write their own small content folders with these."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

BODY = """
## Editor's read

A fixture read, written by the tests.

## Before you commit

Keep a record.
"""


def start_cost(low: int, high: int, words: str = "Tools", **extra: Any) -> dict[str, Any]:
    """A start cost of one required item priced by our estimate; the driver's licence of the default
    read is left out with a reason."""
    item = {"what": words, "low_usd": low, "high_usd": high, "required": True, "basis": "our estimate from shop prices"}
    cost: dict[str, Any] = {
        "words": words,
        "items": [item],
        "excluded_reason": "A driver's licence you already hold is not counted.",
    }
    cost.update(extra)
    return cost


def front_matter(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Test gig",
        "description": "A gig the tests made up.",
        "collection": "gigwatch",
        "occupations": [],
        "interests": ["C", "R"],
        "quick_facts": {
            "start_cost": start_cost(0, 500, "A phone"),
            "first_dollar": {
                "band": "days",
                "caveat": "after sign-up checks",
                "basis": "our estimate from the platform's sign-up steps",
            },
            "requirements": {
                "summary": "18+, work authorization",
                "min_age": {"years": 18, "required_by": "The platform"},
                "work_authorization": {"required": True, "required_by": "The platform"},
                "education": {"level": "none", "credential": "", "required_by": "The platform"},
                "other": [{"text": "A driver's licence", "required_by": "The state", "licence": True}],
            },
        },
        "what_this_is": {"headline": "A test headline", "summary": "A *test* summary."},
        "durability": {"scored": False, "no_score_reason": "cash now, not a career"},
        "pay": {"no_figure_reason": "Nobody has measured what this made-up gig pays."},
        "lenses": {
            "gig": {"verdict": "Fine", "tone": "good", "text": "Gig text."},
            "hired": {"verdict": "Not a bridge", "tone": "poor", "text": "Hired text."},
            "business": {"verdict": "Maybe", "tone": "mixed", "text": "Business text."},
        },
        "sources": [
            {
                "title": "Occupational Outlook Handbook",
                "publisher": "BLS",
                "url": "https://www.bls.gov/ooh/",
                "published": "2025-08-28",
                "accessed": "2026-06-15",
                "kind": "official-data",
                "backs": ["quick-facts", "lens-hired"],
            }
        ],
        "reviewed": "2026-06-15",
        "next_review": "2026-09-15",
        "changelog": [{"date": "2026-06-15", "note": "First published."}],
        "changes": [
            {
                "date": "2026-05-01",
                "what": "The made-up platform cut its base pay per task.",
                "source": "https://www.bls.gov/ooh/",
            }
        ],
    }
    for dotted, value in overrides.items():
        _set(data, dotted.split("__"), value)
    if data.get("collection") != "gigwatch" and not any(key.split("__")[0] == "pay" for key in overrides):
        del data["pay"]  # only gigs carry pay: a career or business built from the defaults drops it
    if data.get("collection") != "gigwatch" and "changes" not in overrides:
        del data["changes"]  # optional outside GigWatch: a career or business built from the defaults has none
    elif "changes" not in overrides and "sources" in overrides and data.get("sources"):
        data["changes"][0]["source"] = data["sources"][0]["url"]  # the default change cites the first source
    return data


def _set(data: dict[str, Any], path: list[str], value: Any) -> None:
    for key in path[:-1]:
        data = data[key]
    if value is _DELETE:
        del data[path[-1]]
    else:
        data[path[-1]] = value


_DELETE = object()
DELETE = _DELETE


def read_text(front: dict[str, Any], body: str = BODY) -> str:
    return "---\n" + yaml.safe_dump(copy.deepcopy(front), sort_keys=False, allow_unicode=True) + "---\n" + body


def write_read(content_dir: Path, slug: str, front: dict[str, Any] | None = None, body: str = BODY) -> Path:
    reads = content_dir / "reads"
    reads.mkdir(parents=True, exist_ok=True)
    path = reads / f"{slug}.md"
    path.write_text(read_text(front or front_matter(), body), encoding="utf-8")
    return path
