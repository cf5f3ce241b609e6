"""The `?items=` parameter of /compare/: read slugs and O*NET-SOC codes, comma-separated. Pure."""

from __future__ import annotations

import dataclasses
import re

MAX_ITEMS = 3
ONET_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
CODE_LIKE = re.compile(r"^\d{2}-\d")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclasses.dataclass(frozen=True)
class ItemKey:
    kind: str  # "read" or "occupation"
    key: str  # the slug or the code


@dataclasses.dataclass(frozen=True)
class ParsedItems:
    keys: list[ItemKey]
    problems: list[str]  # what was wrong, in words; empty when every item is well formed


def parse_items(raw: str | list[str]) -> ParsedItems:
    """Split, trim, drop repeats (first wins), classify each as a code or a slug; at most three."""
    parts = raw if isinstance(raw, list) else [raw]
    seen: list[str] = []
    for part in parts:
        for piece in part.split(","):
            piece = piece.strip()
            if piece and piece not in seen:
                seen.append(piece)
    keys: list[ItemKey] = []
    problems: list[str] = []
    for piece in seen:
        shown = piece[:60]
        if ONET_CODE.match(piece):
            keys.append(ItemKey("occupation", piece))
        elif CODE_LIKE.match(piece):
            problems.append(f"“{shown}” is not a full O*NET-SOC code: they look like 29-1141.00.")
        elif SLUG.match(piece.lower()) and len(piece) <= 100:
            keys.append(ItemKey("read", piece.lower()))
        else:
            problems.append(
                f"“{shown}” is neither a read (like registered-nurse) nor an O*NET-SOC code (like 29-1141.00)."
            )
    if len(keys) > MAX_ITEMS:
        problems.append(f"Compare takes at most {MAX_ITEMS} items; showing the first {MAX_ITEMS}.")
        keys = keys[:MAX_ITEMS]
    return ParsedItems(keys, problems)


def items_param(keys: list[ItemKey]) -> str:
    return ",".join(key.key for key in keys)
