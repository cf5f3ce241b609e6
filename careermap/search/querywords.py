"""Reading a query: its words as the index knows them, with typos and run-together words resolved.

Pure: no Django. Split from engine.py (issue #18: no module over 500 lines).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from careermap.search import text

if TYPE_CHECKING:
    from careermap.search.engine import SearchIndex


@dataclasses.dataclass(frozen=True, slots=True)
class QueryWord:
    word: str  # as the index knows it (a typo replaced by its closest known word)
    stem: str
    weight: float  # idf × modifier factor × similarity to what was typed
    # the weight had the word been typed right: a title holding just the words the query meant is
    # still exactly the query ("kitchne manager" is the title "Kitchen Manager", not a part of it)
    meant: float = 0.0
    split_from: str = ""  # the word typed, where this is one of the known words it ran together
    typed: str = ""  # the word typed, where this word is what a typo or a word cut short was read as
    shorthand: bool = False  # read from a word cut short or without its vowels ("nurs", "bldg"), not a slip

    def __post_init__(self) -> None:
        if not self.meant:
            object.__setattr__(self, "meant", self.weight)


def query_words(index: SearchIndex, toks: list[str], cutoff: float | None = None) -> list[QueryWord]:
    """The query's words as the index knows them; an unknown word (a typo, most likely)
    becomes the closest known word or words, weighted by how close they are."""
    out: list[QueryWord] = []
    toks = join_split_words(index, toks)
    # the query's words the index knows as they are: they choose between readings of a cut-short word
    context = [index.postings[s] for s in {text.stem(tok) for tok in toks} if s in index.postings]
    named_job = any(tok not in text.EMPLOYERS for tok in toks)
    for word in toks:
        if word in text.LEVEL_WORDS:
            continue
        stem = text.stem(word)
        if word in text.EMPLOYERS and stem not in index.idf:
            continue  # a brand no title names is no typo of one ("hertz" is no "heart")
        if word in text.SENIORITY and stem not in index.idf:
            continue  # "experienced cashier" is no "experience cashier"
        if word in text.NO_JOB_WORDS and stem not in index.idf:
            continue  # "nurse retired" is no tire "retread", "cashier asap" no "aap"
        if word in text.EMPLOYERS and named_job:
            # weighs little, but was typed: a title of just the words typed is still the query
            full = index._word_weight(word, stem)
            out.append(QueryWord(word, stem, full * index.weights.employer, full))
            continue
        if stem in index.idf:
            # a known word can still be a typo: "enginer" (stem engin), "tuck driver"
            fixed = misspelt_known_stem(index, word, stem) or real_word_typo(index, word, stem, toks)
            if fixed is not None:
                fixed_stem = index.stem_of[fixed]
                out.append(QueryWord(fixed, fixed_stem, index._word_weight(fixed, fixed_stem), typed=word))
            else:
                out.append(QueryWord(word, stem, index._word_weight(word, stem)))
        elif (stem not in index.desc_idf or word not in index.desc_words) and (
            slips := one_slip_typos(index, word, context)
        ):
            # before a split or a clipped word: "secretray" is secretary, not secret ray, and
            # "pinter" a slip, not pinterest cut short
            for match, similarity in slips:
                stem = index.stem_of[match]
                meant = index._word_weight(match, stem)
                out.append(QueryWord(match, stem, meant * similarity / 100.0, meant, typed=word))
        elif (parts := split_compound(index, word)) is not None:
            for part in parts:
                part_stem = index.stem_of[part]
                out.append(QueryWord(part, part_stem, index._word_weight(part, part_stem), split_from=word))
        elif stem in index.desc_idf:
            out.append(QueryWord(word, stem, index.desc_idf[stem] * index.weights.desc_word))
        elif (whole := clipped(index, word, context)) is not None:
            stem = index.stem_of[whole]
            meant = index._word_weight(whole, stem)
            out.append(QueryWord(whole, stem, meant * index.weights.clipped, meant, typed=word, shorthand=True))
        elif len(word) >= 4 and not word.isdigit():
            for match, similarity in closest_typos(index, word, cutoff or index.weights.fuzzy_cutoff, context):
                stem = index.stem_of[match]
                meant = index._word_weight(match, stem)
                weight = meant * similarity / 100.0
                if context and slips_between(word, match) > 1:
                    weight *= index.weights.far_typo
                out.append(QueryWord(match, stem, weight, meant, typed=word))
    return out


def meant_stems(words: list[QueryWord], title_stems: set[str]) -> set[str]:
    """The stems a title must hold to be exactly what was meant: each word typed as the index knows
    it, and for each typo, one word it was read as (the one this title holds, if any)."""
    return {qw.stem for qw in words if not qw.typed} | {
        _reading(group, title_stems).stem for group in _typos(words).values()
    }


_TYPED_WORD = re.compile(r"[^\W_]+")


def read_as(query: str, words: list[QueryWord], title_stems: set[str], unspelt: frozenset[str] = frozenset()) -> str:
    """The query with each typo replaced by the word it was read as, the one the first result's
    title holds where there were several ("Registred nurse" → "Registered nurse", in the case typed);
    "" when no word was a typo. Left as typed: a word read as a misspelling that is no spelling to
    offer (`unspelt`: "kashier" read as the reviewed "kasheer"), and shorthand ("nurs", "bldg")."""
    reading: dict[str, str] = {}
    for typed, group in _typos(words).items():
        meant = _reading(group, title_stems)
        if not meant.shorthand and meant.word not in unspelt:
            reading[typed] = meant.word

    def replaced(match: re.Match[str]) -> str:
        word = match.group(0)
        read = reading.get(text.fold(word))
        if read is None:
            return word
        if len(word) > 1 and word.isupper():
            return read.upper()
        return read[:1].upper() + read[1:] if word[:1].isupper() else read

    shown = _TYPED_WORD.sub(replaced, query) if reading else ""
    return "" if shown == query else shown


def _typos(words: list[QueryWord]) -> dict[str, list[QueryWord]]:
    out: dict[str, list[QueryWord]] = {}
    for qw in words:
        if qw.typed:
            out.setdefault(qw.typed, []).append(qw)
    return out


def _reading(group: list[QueryWord], title_stems: set[str]) -> QueryWord:
    return max([qw for qw in group if qw.stem in title_stems] or group, key=lambda qw: qw.weight)


def misspelt_known_stem(index: SearchIndex, typed: str, stem: str) -> str | None:
    """A word no title spells this way whose stem is still known is most often a typo of a far
    commoner word: "enginer" stems to engin (engine) but means engineer, "counseler" to counsel but
    means counselor. The word one slip away that at least three times as many titles hold, if any."""
    if typed in index.stem_of or len(typed) < 5 or plural_of_known(index, typed):
        return None
    held = len(index.postings.get(stem, ()))
    best: tuple[int, str] | None = None
    for match, _, _ in process.extract(typed, index.typo_words, scorer=fuzz.ratio, score_cutoff=75.0, limit=8):
        other = index.stem_of[match]
        holding = len(index.postings[other])
        # two letters swapped are one slip ("mangaer": manager, not mangler, one letter changed);
        # of several words one slip away, the one most titles hold
        if other != stem and OSA.distance(typed, match) == 1 and holding >= 3 * max(held, 1):
            best = max(best or (0, ""), (holding, match))
    return None if best is None else best[1]


def real_word_typo(index: SearchIndex, typed: str, stem: str, toks: list[str]) -> str | None:
    """A known word that no title holds beside the query's other words is often a real word typed
    for another: "tuck driver" (tuck pointer) is a truck driver, "store manger" (garde manger) a store
    manager, "mental health councilor" a counselor. The word one slip away (two for a word of eight
    letters or more), same first letter, that titles do hold beside the other words and that
    REAL_WORD_RATIO times as many titles hold (three times, for a misspelling only a reviewed entry
    holds: "kitchen superviser"); of several, the one most such titles hold. A rarer pair of real
    words is more often a real job no title in the index names ("stable hand" is no "staple hand",
    "cage manager" no "care manager"), and a word some title holds beside the others is left as
    typed ("garde manger cook")."""
    if len(typed) < 4 or not typed.isalpha():
        return None
    others = [index.postings[s] for s in {text.stem(tok) for tok in toks} - {stem} if s in index.postings]
    entries = index.postings.get(stem)
    if not others or entries is None or any(np.isin(entries, other, assume_unique=True).any() for other in others):
        return None
    slips = 1 if len(typed) < 8 else 2
    ratio = 3 if typed in index.misspellings else REAL_WORD_RATIO
    best: tuple[int, int, str] | None = None
    for match, _, _ in process.extract(typed, index.typo_words, scorer=fuzz.ratio, score_cutoff=70.0, limit=10):
        match_stem = index.stem_of[match]
        holding = index.postings.get(match_stem)
        if match_stem == stem or match[0] != typed[0] or holding is None or len(holding) < ratio * len(entries):
            continue
        if OSA.distance(typed, match) > slips:
            continue
        beside = sum(int(np.isin(holding, other, assume_unique=True).sum()) for other in others)
        if beside and (best is None or (beside, len(holding), match) > best):
            best = (beside, len(holding), match)
    return None if best is None else best[2]


def one_slip_typos(index: SearchIndex, typed: str, context: list[np.ndarray] | None) -> list[tuple[str, float]]:
    """`closest_typos` of a word of six letters or more, if they are one slip away (a letter
    changed, added, dropped or swapped with the next); else none. A known word and one more letter
    is as often a longer word cut short: "transp" is no slip for "trans"."""
    if len(typed) < 6 or not typed.isalpha():
        return []
    typos = closest_typos(index, typed, index.weights.fuzzy_cutoff, context)
    if typos and slips_between(typed, typos[0][0]) == 1 and typed[:-1] != typos[0][0]:
        return typos
    return []


def plural_of_known(index: SearchIndex, typed: str) -> bool:
    """ "gutters" is the plural of a known word ("gutter"), not a typo of a commoner one ("cutters")."""
    return (typed.endswith("s") and typed[:-1] in index.stem_of) or (
        typed.endswith("es") and typed[:-2] in index.stem_of
    )


def closest_typos(
    index: SearchIndex, typed: str, cutoff: float, context: list[np.ndarray] | None = None
) -> list[tuple[str, float]]:
    """The known words `typed` most likely misspells: of those rapidfuzz rates at least `cutoff`,
    the fewest letters changed, added, dropped or swapped with the next, then one that titles hold
    beside the query's other words ("truck drvier": driver, not drier), then the highest rated,
    then the one most titles hold. rapidfuzz's ratio counts a changed letter twice, so alone it took
    "electrition" for electrification rather than electrician."""
    matches = [
        (match, similarity)
        for match, similarity, _ in process.extract(
            typed, index.typo_words, scorer=fuzz.ratio, score_cutoff=cutoff, limit=8
        )
        if plausible_typo(typed, match)
    ]
    # two letters swapped across others are one slip, but rapidfuzz rates them as four changes
    # ("manegar": 71 for manager, under the cutoff; 83 for manga)
    found = {match for match, _ in matches}
    for match in swapped_back(index, typed):
        if match not in found:
            matches.append((match, _swap_rating(typed, match)))
    if not matches:
        return []
    edits = {match: slips_between(typed, match) for match, _ in matches}
    fewest = min(edits.values())
    best = [(match, similarity) for match, similarity in matches if edits[match] == fewest]
    # a first letter is seldom the slip: "casher" is a cashier or a caster, not a washer
    best = [(match, similarity) for match, similarity in best if match[0] == typed[0]] or best
    if context and len(best) > 1:
        beside = [
            (match, similarity)
            for match, similarity in best
            if any(np.isin(index.postings[index.stem_of[match]], other, assume_unique=True).any() for other in context)
        ]
        best = beside or best
    # rapidfuzz rates two letters swapped as two changes: rate them as one letter dropped ("drvier":
    # driver as likely as drier; "lawer": lawyer, not layer, a letter changed)
    rated = {match: max(similarity, _swap_rating(typed, match)) for match, similarity in best}
    top = max(rated.values())
    best = [(match, similarity) for match, similarity in best if rated[match] == top]
    # still tied ("manger": manager or mangler): the word more titles hold is the likelier one meant
    held = {match: len(index.postings[index.stem_of[match]]) for match, _ in best}
    most = max(held.values())
    return [(match, similarity) for match, similarity in best if held[match] == most]


def swapped_back(index: SearchIndex, typed: str) -> list[str]:
    """The words a typo may be read as that are `typed` with two letters, not side by side, swapped
    back ("manegar" → manager)."""
    out = []
    for i in range(len(typed)):
        for j in range(i + 2, len(typed)):
            if typed[i] != typed[j]:
                known = typed[:i] + typed[j] + typed[i + 1 : j] + typed[i] + typed[j + 1 :]
                if known in index.stem_of and known not in index.misspellings:
                    out.append(known)
    return out


def slips_between(typed: str, known: str) -> int:
    """Typing slips from `known` to `typed`: letters changed, added, dropped or swapped with the next
    (OSA distance), and two letters swapped across others count as one slip too ("manegar" for
    manager: two letters changed, for OSA, which rated "manga" as near)."""
    distance = OSA.distance(typed, known)
    if distance == 2 and len(typed) == len(known):
        differ = [at for at, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        if len(differ) == 2 and typed[differ[0]] == known[differ[1]] and typed[differ[1]] == known[differ[0]]:
            return 1
    return distance


def _swap_rating(typed: str, known: str) -> float:
    """What rapidfuzz's ratio gives one letter dropped, if `known` is `typed` with two letters
    swapped back (side by side or not: `slips_between`); else 0."""
    swapped = len(typed) == len(known) and sorted(typed) == sorted(known) and slips_between(typed, known) == 1
    return 100.0 * (1 - 1 / (2 * len(typed))) if swapped else 0.0


def join_split_words(index: SearchIndex, toks: list[str]) -> list[str]:
    """Two typed words that titles write as one ("book keeper" → bookkeeper, "line man" →
    lineman) are joined, when titles hold the joined word at least twice as often as both words
    ("Rail Car Repairers" stays two words) and no occupation's own title or synonym holds both."""
    out: list[str] = []
    i = 0
    while i < len(toks):
        if i + 1 < len(toks) and (whole := joined(index, toks[i], toks[i + 1])) is not None and len(whole) >= 6:
            first, second = (index.postings.get(text.stem(tok)) for tok in toks[i : i + 2])
            both = np.empty(0, dtype=np.int32) if first is None or second is None else np.intersect1d(first, second)
            reviewed = any(index.entry_origin[entry] in _NAMED for entry in both)  # a synonym says "core maker"
            if not reviewed and len(index.postings[index.stem_of[whole]]) >= max(2, 2 * len(both)):  # not "rail car"
                out.append(whole)
                i += 2
                continue
        out.append(toks[i])
        i += 1
    return out


def joined(index: SearchIndex, first: str, second: str) -> str | None:
    """The two words as one word the index knows: "book keeper" → bookkeeper, and with a plural
    second word, its singular ("line men" → lineman, "camera men" → cameraman)."""
    for whole in (first + second, first + text.stem(second)):
        if whole in index.stem_of:
            return whole
    return None


def plausible_typo(typed: str, known: str) -> bool:
    """A short word is a typo of a word of about its length: "sous" (as in sous chef) is not
    "scouts", though rapidfuzz rates the pair 80."""
    return len(typed) > 5 or abs(len(known) - len(typed)) <= 1


def clipped(index: SearchIndex, word: str, context: list[np.ndarray] | None = None) -> str | None:
    """An unknown word cut short, as people shorten job words: the title words it begins ("chiro",
    "resp", "transp"), else, for a word abbreviated by dropping its vowels ("bldg", "plmbr"), the
    title words that hold its letters in order and start with its first letter; each at least two
    letters longer. (A word with a vowel after its first letter is no such abbreviation: "amazon",
    "chess".) Of those, the one most titles hold beside the query's other words ("phys
    therapist" → physical, "resp therapist" → respiratory), then the one titles most often use as
    their head noun (chiropractor, not chiropractic), then the commonest. Tried before typos:
    "chiro" is not "choir"."""
    if len(word) < 4 or word.isdigit():  # three letters are an acronym more often ("mhc", "cdl")
        return None
    words = index.words
    candidates: list[str] = []
    for position in range(bisect.bisect_left(words, word), len(words)):  # no copy of the tail
        known = words[position]
        if not known.startswith(word):
            break
        if len(known) >= len(word) + 2:
            candidates.append(known)
    if not candidates and word.isalpha() and not _VOWELS & set(word[1:]):
        letters = re.compile(".*".join(word[1:]))
        first = bisect.bisect_left(words, word[0])
        for position in range(first, bisect.bisect_left(words, chr(ord(word[0]) + 1), lo=first)):
            known = words[position]
            if len(known) >= len(word) + 2 and letters.search(known, 1):
                candidates.append(known)
    best: tuple[int, int, float, str] | None = None
    for known in candidates:
        stem = index.stem_of[known]
        beside = 0
        if context:
            entries = index.postings[stem]
            beside = sum(int(np.isin(entries, other, assume_unique=True).sum()) for other in context)
        heads = len(index.head_postings.get(stem, ()))
        rank = (beside, heads, -index.idf[stem], known)
        if best is None or rank > best:
            best = rank
    return None if best is None else best[3]


_VOWELS = set("aeiouy")
REAL_WORD_RATIO = 10  # how much commoner a word must be to be read for a real word typed beside others
_NAMED = {"title", "synonym", "closest (synonym)"}  # entries that are a job's own name or a reviewed one


Split = tuple[int, float, tuple[str, ...]]  # parts, the rarest part's idf, the parts


def split_compound(index: SearchIndex, word: str) -> tuple[str, ...] | None:
    """An unknown word written as known ones run together ("haircutter" → hair cutter, "bellstaff"
    → bell staff, "certifiednursingassistant" → certified nursing assistant, "hrmanager" → human
    resources manager): the split into the fewest parts (at most MAX_PARTS, each a `known_part`), and
    of those the one whose rarest part is commonest."""
    if len(word) < 7 or word.isdigit():
        return None
    # best[i]: the best split of word[i:] as (parts, rarity of its rarest part, the parts), or None
    best: list[Split | None] = [None] * (len(word) + 1)
    for start in range(len(word) - 2, -1, -1):
        found: Split | None = None
        for end in range(start + 2, len(word) + 1):
            if start == 0 and end == len(word):
                continue
            known = known_part(index, word[start:end])
            if known is None:
                continue
            rarity = max(index.idf[index.stem_of[part]] for part in known)
            option: Split
            if end == len(word):
                option = (1, rarity, known)
            elif (rest := best[end]) is not None and rest[0] < MAX_PARTS:
                option = (rest[0] + 1, max(rarity, rest[1]), (*known, *rest[2]))
            else:
                continue
            if found is None or option[:2] < found[:2]:
                found = option
        best[start] = found
    return None if best[0] is None else best[0][2]


MAX_PARTS = 4  # "homehealthaide", "certifiednursingassistant"


def known_part(index: SearchIndex, part: str) -> tuple[str, ...] | None:
    """A piece of a run-together word: a known word of three letters or more, or an abbreviation
    whose words are known ("hrspecialist" → human resources specialist, "labtech" → lab technician)."""
    if len(part) >= 3 and part in index.stem_of:
        return (part,)
    spelt = text.SYNONYMS.get(part, "").split()
    return tuple(spelt) if spelt and all(word in index.stem_of for word in spelt) else None
