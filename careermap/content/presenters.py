"""Shape a loaded read into what its pages show (lens headings, sources by part)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from careermap.content.labels import PART_LABELS, SOURCE_KIND_LABELS, TONE_LABELS
from careermap.content.models import Read
from careermap.lib.vocab import EDUCATION_LABELS

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


def _published_display(published: str) -> str:
    """'2023', 'May 2023' or '2 May 2023', as precisely as the source is dated."""
    parts = [int(part) for part in published.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) > 2 else 1)
    return day.strftime("%B %Y") if len(parts) == 2 else day.strftime("%-d %B %Y")


def _age_in_words(published: str, accessed: dt.date) -> str:
    """How old the evidence was when we checked it, in whole years (by the year it was published)."""
    years = accessed.year - int(published[:4])
    if years <= 0:
        return "published the year we checked it"
    return f"{years} year{'s' if years != 1 else ''} old when checked"


CHANGES_LABEL = PART_LABELS["whats-changed"]


def _change_anchors(changes: list[dict[str, Any]]) -> list[str]:
    """A stable id for each event: its date and the source it cites, not its wording (so a corrected
    sentence is not a new entry in the feed). A second event of the same day from the same source gets
    a suffix, in the order the file lists them."""
    anchors: list[str] = []
    seen: dict[str, int] = {}
    for change in changes:
        anchor = f"change-{change['date']}-{hashlib.sha256(change['source'].encode()).hexdigest()[:10]}"
        seen[anchor] = seen.get(anchor, 0) + 1
        anchors.append(anchor if seen[anchor] == 1 else f"{anchor}-{seen[anchor]}")
    return anchors


def read_changes(read: Read) -> list[dict[str, Any]]:
    """The read's dated events, newest first, each with the source it cites (and that source's number)."""
    numbers = {source["url"]: number for number, source in enumerate(read.document["sources"], start=1)}
    by_url = {source["url"]: source for source in read.document["sources"]}
    listed = read.document.get("changes", [])
    anchors = _change_anchors(listed)
    changes = [
        {
            "date": dt.date.fromisoformat(change["date"]),
            "what": change["what"],
            "source_url": change["source"],
            "source_number": numbers[change["source"]],
            "source_title": by_url[change["source"]]["title"],
            "source_publisher": by_url[change["source"]]["publisher"],
            "position": position,
            "anchor": anchors[position],
        }
        for position, change in enumerate(listed)
    ]
    # Newest first; on the same day, the one listed later in the file first (it was added later).
    return sorted(changes, key=lambda change: (change["date"], change["position"]), reverse=True)


def read_sources(read: Read) -> list[dict[str, Any]]:
    cited_by_changes = {change["source"] for change in read.document.get("changes", [])}
    sources = []
    for number, source in enumerate(read.document["sources"], start=1):
        accessed = dt.date.fromisoformat(source["accessed"])
        undated = source["published"] == "undated"
        sources.append(
            {
                **source,
                "number": number,
                "kind_label": SOURCE_KIND_LABELS[source["kind"]],
                "undated": undated,
                "published_display": "" if undated else _published_display(source["published"]),
                "accessed_display": accessed.strftime("%Y-%m"),
                "age": "" if undated else _age_in_words(source["published"], accessed),
                "backs_labels": [PART_LABELS[part] for part in source["backs"]]
                + (
                    [CHANGES_LABEL]
                    if source["url"] in cited_by_changes and "whats-changed" not in source["backs"]
                    else []
                ),
                "for_changes": source["url"] in cited_by_changes or "whats-changed" in source["backs"],
                "note": source.get("note", ""),
            }
        )
    return sources


def evidence_age(sources: list[dict[str, Any]]) -> dict[str, Any]:
    """The span of publication years behind a read, and how many sources carry no date."""
    years = sorted(int(source["published"][:4]) for source in sources if not source["undated"])
    return {
        "oldest": years[0] if years else None,
        "newest": years[-1] if years else None,
        "dated": len(years),
        "undated": len(sources) - len(years),
    }


def start_cost_items(read: Read) -> dict[str, Any]:
    """The start cost's items, with each basis as a link when it is one of the read's sources."""
    cost = read.document["quick_facts"]["start_cost"]
    numbers = {source["url"]: number for number, source in enumerate(read.document["sources"], start=1)}
    items = [
        {**item, "source_number": numbers.get(item["basis"]), "covers": item.get("covers", [])}
        for item in cost["items"]
    ]
    return {
        "required": [item for item in items if item["required"]],
        "optional": [item for item in items if not item["required"]],
        "excluded_reason": cost.get("excluded_reason", ""),
        "min_usd": cost["min_usd"],
        "max_usd": cost["max_usd"],
    }


def read_evidence_by_part(sources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    parts = [
        {
            "key": key,
            "label": label,
            # A source backs "What's changed" when an event cites it, whether or not its backs say so.
            "sources": [s for s in sources if key in s["backs"] or (key == "whats-changed" and s.get("for_changes"))],
        }
        for key, label in PART_LABELS.items()
    ]
    # "What it pays" (gigs with pay figures) and "What's changed" (reads with dated events) exist only where the
    # read has them: elsewhere they are not "our judgment", they are absent.
    return [part for part in parts if part["key"] not in ("what-it-pays", "whats-changed") or part["sources"]]


def education_label(read: Read) -> str:
    return EDUCATION_LABELS[read.education_level]
