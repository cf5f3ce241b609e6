"""Shape a loaded read into what its pages show (lens headings, sources by part)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from careermap.content.models import Read
from careermap.content.schema import EDUCATION_LABELS, PART_LABELS, SOURCE_KIND_LABELS, TONE_LABELS

_LENS_HEADINGS = {
    "gigwatch": {"gig": "As just a gig", "hired": "As a bridge to a hired job", "business": "As your own business"},
    "careers": {"gig": "As a gig (cash now)", "hired": "As a hired job", "business": "As your own business"},
    "own-business": {"gig": "As a gig (cash now)", "hired": "As a hired job", "business": "As your own business"},
}


def read_lenses(read: Read) -> list[dict[str, Any]]:
    lenses = read.document["lenses"]
    headings = _LENS_HEADINGS[read.collection]
    return [
        {
            "key": key,
            "heading": headings[key],
            "verdict": lenses[key]["verdict"],
            "tone": lenses[key]["tone"],
            "tone_label": TONE_LABELS[lenses[key]["tone"]],
            "html": read.html[f"lens_{key}"],
        }
        for key in ("gig", "hired", "business")
    ]


def read_sources(read: Read) -> list[dict[str, Any]]:
    sources = []
    for number, source in enumerate(read.document["sources"], start=1):
        date = dt.date.fromisoformat(source["date"])
        sources.append(
            {
                **source,
                "number": number,
                "kind_label": SOURCE_KIND_LABELS[source["kind"]],
                "date_display": date.strftime("%-d %B %Y"),
                "backs_labels": [PART_LABELS[part] for part in source["backs"]],
            }
        )
    return sources


def read_evidence_by_part(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    parts = [
        {"key": key, "label": label, "sources": [s for s in sources if key in s["backs"]]}
        for key, label in PART_LABELS.items()
    ]
    # "What it pays" is a part of gig reads with pay figures only: elsewhere it is not "our judgment", it is absent.
    return [part for part in parts if part["key"] != "what-it-pays" or part["sources"]]


def education_label(read: Read) -> str:
    return EDUCATION_LABELS[read.education_level]
