"""The typeahead: titles that start with what was typed. Pure: no Django.

Every title's folded words are a key, and for own titles and synonyms also the words from each
later word on ("nurses" finds "Registered Nurses"), sorted for a bisect. Split from engine.py
(issue #18: no module over 500 lines).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from careermap.search import text
from careermap.search.documents import Suggestion

if TYPE_CHECKING:
    from careermap.search.engine import SearchIndex

SUGGEST_MIN_CHARS = 2  # typeahead: shorter prefixes suggest nothing
SUGGEST_SCAN = 4000  # typeahead: at most this many index keys read per prefix


def keys(entry_text: list[str], entry_origin: list[str]) -> tuple[list[str], list[int], list[bool]]:
    """The sorted keys, each with its title entry and whether it starts at the title's first word."""
    suggest: list[tuple[str, int, bool]] = []
    for entry, origin in enumerate(entry_origin):
        if origin == "description":
            continue
        folded = text.words(entry_text[entry])
        suggest.append((" ".join(folded), entry, True))
        if origin != "alternate title":
            for start in range(1, len(folded)):
                if folded[start] not in text.STOPWORDS:
                    suggest.append((" ".join(folded[start:]), entry, False))
    suggest.sort()
    return [key for key, _, _ in suggest], [entry for _, entry, _ in suggest], [start for _, _, start in suggest]


def suggest(index: SearchIndex, prefix: str, limit: int = 8) -> list[Suggestion]:
    """Titles starting with what was typed (at the start of the title or of any word of an
    occupation's, a read's or a synonym's title), one per occupation or read, the most
    held occupations first."""
    key = " ".join(text.words(prefix[: text.MAX_QUERY_CHARS]))
    if len(key) < SUGGEST_MIN_CHARS:
        return []
    best: dict[int, tuple[tuple[int, int, int, str], int]] = {}
    start = bisect.bisect_left(index.suggest_keys, key)
    for i in range(start, min(start + SUGGEST_SCAN, len(index.suggest_keys))):
        if not index.suggest_keys[i].startswith(key):
            break
        entry, from_start = index.suggest_entry[i], index.suggest_from_start[i]
        owner = int(index.entry_owner[entry])
        # its own title before a synonym ("nur" shows Registered Nurses, not "nursing sister"), then
        # a match at the title's start, then alphabetical
        own = 0 if index.entry_origin[entry] == "title" else 1
        rank = (0 if index.entry_is_main[entry] else 1, own, 0 if from_start else 1, index.entry_text[entry])
        if owner not in best or rank < best[owner][0]:
            best[owner] = (rank, entry)
    ordered = sorted(
        best.items(), key=lambda item: (item[1][0][0], -index.owner_prior[item[0]], index.owner_key[item[0]])
    )
    return [
        Suggestion(
            text=index.entry_text[entry],
            kind=index.owner_kind[owner],
            key=index.owner_key[owner],
            title=index.owner_title[owner],
            url=index.owner_url[owner],
        )
        for owner, (_, entry) in ordered[:limit]
    ]
