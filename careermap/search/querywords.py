"""Reading a query: its words as the index knows them, with typos and run-together words resolved.

Pure: no Django. Split from engine.py (issue #18: no module over 500 lines).
"""

from __future__ import annotations

import bisect
import dataclasses
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from careermap.search import text

if TYPE_CHECKING:
    from careermap.search.engine import SearchIndex


@dataclasses.dataclass(frozen=True, slots=True)
class QueryWord:
    word: str  # as the index knows it (a typo replaced by its closest known word)
    stem: str
    weight: float  # idf × modifier factor × similarity to what was typed


def query_words(index: SearchIndex, toks: list[str], cutoff: float | None = None) -> list[QueryWord]:
    """The query's words as the index knows them; an unknown word (a typo, most likely)
    becomes the closest known word or words, weighted by how close they are."""
    out: list[QueryWord] = []
    for word in toks:
        if word in text.LEVEL_WORDS:
            continue
        stem = text.stem(word)
        if stem in index.idf:
            out.append(QueryWord(word, stem, index._word_weight(word, stem)))
        elif (parts := split_compound(index, word)) is not None:
            for part in parts:
                part_stem = index.stem_of[part]
                out.append(QueryWord(part, part_stem, index._word_weight(part, part_stem)))
        elif stem in index.desc_idf:
            out.append(QueryWord(word, stem, index.desc_idf[stem] * index.weights.desc_word))
        elif (whole := clipped(index, word)) is not None:
            stem = index.stem_of[whole]
            out.append(QueryWord(whole, stem, index._word_weight(whole, stem) * index.weights.clipped))
        elif len(word) >= 4 and not word.isdigit():
            matches = process.extract(
                word, index.words, scorer=fuzz.ratio, score_cutoff=cutoff or index.weights.fuzzy_cutoff, limit=5
            )
            if matches:
                top = matches[0][1]
                for match, similarity, _ in matches:
                    if similarity == top and plausible_typo(word, match):
                        stem = index.stem_of[match]
                        out.append(QueryWord(match, stem, index._word_weight(match, stem) * similarity / 100.0))
    return out


def plausible_typo(typed: str, known: str) -> bool:
    """A short word is a typo of a word of about its length: "sous" (as in sous chef) is not
    "scouts", though rapidfuzz rates the pair 80."""
    return len(typed) > 5 or abs(len(known) - len(typed)) <= 1


def clipped(index: SearchIndex, word: str) -> str | None:
    """An unknown word cut short, as people shorten job words ("chiro", "derm", "quant"): of the
    title words it begins (at least two letters longer), the one titles most often use as their
    head noun (chiropractor, not chiropractic), else the commonest. Tried before typos: "chiro"
    is not "choir"."""
    if len(word) < 4 or word.isdigit():
        return None
    best: tuple[int, float, str] | None = None
    words = index.words
    for position in range(bisect.bisect_left(words, word), len(words)):  # no copy of the tail
        known = words[position]
        if not known.startswith(word):
            break
        if len(known) >= len(word) + 2:
            stem = index.stem_of[known]
            heads = len(index.head_postings.get(stem, ()))
            rank = (heads, -index.idf[stem], known)
            if best is None or rank > best:
                best = rank
    return None if best is None else best[2]


def split_compound(index: SearchIndex, word: str) -> tuple[str, str] | None:
    """An unknown word written as two known ones ("haircutter" → hair cutter, "bellstaff" →
    bell staff): the split whose rarer half is commonest, each half at least three letters."""
    if len(word) < 7 or word.isdigit():
        return None
    best: tuple[float, str, str] | None = None
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if left in index.stem_of and right in index.stem_of:
            rarity = max(index.idf[index.stem_of[left]], index.idf[index.stem_of[right]])
            if best is None or rarity < best[0]:
                best = (rarity, left, right)
    return None if best is None else (best[1], best[2])
