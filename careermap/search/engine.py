"""The title search: an in-memory index of occupation titles, alternate titles and reads.

Pure Python, no Django and no database: `selectors.search_index()` feeds it rows read from
whichever database is configured, `files.corpus_from_files()` rows parsed from the shared files.
It sorts every row itself, so the same rows give the same results on SQLite and PostgreSQL.

A query is scored in four parts (docs/search.md explains each and has the figures):

1. Words: `text.query_tokens` (abbreviations, brand names, a light stemmer); an unknown word written
   as two known ones is split ("haircutter" → hair cutter); any other word the index has
   never seen becomes its closest known word (rapidfuzz), so "registred" finds "registered" —
   unless descriptions or task statements use it: then it is a real word ("artistic") that only
   those match, not a typo of a title word that looks alike ("autistic").
2. Titles: each title scores how much of the query it covers and how much of itself the query
   covers (idf-weighted), with bonuses for sharing the query's head noun, for holding every query
   word, and for being exactly the query.
3. Occupations: their best titles voting, a language model of all their titles (plus description
   and tasks) and a small employment prior.
4. Reads: their own title and description, or a share of the score of an occupation they cover.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable

import numpy as np
from rapidfuzz import fuzz, process

from careermap.search import text


@dataclasses.dataclass(frozen=True, slots=True)
class OccupationDoc:
    code: str
    title: str
    url: str
    employment: float | None = None  # thousands of jobs, 2024; a size prior
    description: str = ""  # the occupation's description and task statements: words beyond its titles


@dataclasses.dataclass(frozen=True, slots=True)
class TitleDoc:
    code: str
    title: str
    short_title: str = ""
    sources: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class ReadDoc:
    slug: str
    title: str
    description: str
    url: str
    codes: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Corpus:
    occupations: tuple[OccupationDoc, ...]
    titles: tuple[TitleDoc, ...]
    reads: tuple[ReadDoc, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "occupation" or "read"
    key: str  # O*NET-SOC code or read slug
    title: str
    url: str
    score: float


@dataclasses.dataclass(frozen=True)
class Weights:
    """Every tunable number, chosen on the dev split of eval/search_eval.py (never on test), except
    `exact`, `exact_main` and `prior`, set for behaviour the held-out titles cannot show."""

    # Words
    modifier: float = 0.6  # weight of a modifier ("senior", "licensed") relative to its idf
    fuzzy_cutoff: float = 80.0  # rapidfuzz ratio below which an unknown word matches nothing
    desc_word: float = 1.0  # weight of a word only descriptions and tasks hold, relative to its idf
    # Titles
    query_cover: float = 0.6  # share of a title's score from how much of the query it covers
    head_match: float = 0.2  # the title's head noun is the query's head noun
    head_present: float = 0.0  # the query's head noun is elsewhere in the title
    all_words: float = 0.3  # the title holds every word of the query
    exact: float = 0.5  # the title has exactly the query's words
    exact_main: float = 2.0  # ... and is an occupation's or a read's own title
    occupation_title: float = 1.0  # multiplier for an occupation's own title
    # Occupations
    entry: float = 1.0  # weight of the best-titles score
    votes: int = 4  # titles counted per occupation
    vote_decay: float = 0.5  # weight of the 2nd best title; the 3rd gets its square, and so on
    lm: float = 0.5  # weight of the language-model score
    lm_mu: float = 10.0  # Dirichlet smoothing of the title bags, in words
    lm_head: float = 0.5  # weight of head-noun features in the model, relative to words
    head_power: float = 2.0  # > 1 gives specific heads ("dermatologist") more weight than common ones
    lm_root: float = 0.5  # weight of six-letter roots ("actuar" for actuary, actuarial)
    lm_desc: float = 0.6  # weight of description and task words
    lm_desc_mu: float = 200.0  # Dirichlet smoothing of the description bags, in words
    prior: float = 0.02  # × log(1 + employment in thousands)
    # Reads
    read_title: float = 1.2  # multiplier for a read's title: an editor chose those words
    read_description: float = 0.5  # weight of a read's description, as one more title
    read_inherit: float = 0.9  # a read's share of the score of an occupation it covers


DEFAULT_WEIGHTS = Weights()


def employment_by_code(rows: Iterable[tuple[str, str, float]]) -> dict[str, float]:
    """(O*NET code, BLS code, employment) → O*NET code → employment, a BLS figure shared by
    several O*NET occupations split evenly between them (a prior, not a published figure)."""
    rows = list(rows)
    sharing: dict[str, int] = defaultdict(int)
    for _, nem_code, _ in rows:
        sharing[nem_code] += 1
    return {code: employment / sharing[nem_code] for code, nem_code, employment in rows}


FEATURE_CLASSES = ("stem", "head", "root", "desc")
ROOT_LENGTH = 6  # "actuary", "actuarial" → "actuar"; "acupuncture", "acupuncturist" → "acupun"


@dataclasses.dataclass(frozen=True, slots=True)
class QueryWord:
    word: str  # as the index knows it (a typo replaced by its closest known word)
    stem: str
    weight: float  # idf × modifier factor × similarity to what was typed


def title_features(toks: list[str], heads: tuple[str, ...]) -> list[tuple[str, str]]:
    """The language-model features of one title: (class, feature) pairs."""
    words = [word for word in toks if word not in text.LEVEL_WORDS]
    stems = [text.stem(word) for word in words]
    out = [("stem", stem) for stem in dict.fromkeys(stems)]
    out += [("head", text.stem(head)) for head in heads]
    out += [("root", word[:ROOT_LENGTH]) for word in dict.fromkeys(words) if len(word) > ROOT_LENGTH]
    return out


class SearchIndex:
    """Built once from a Corpus; `search()` only reads it, so threads can share one index."""

    def __init__(self, corpus: Corpus, weights: Weights = DEFAULT_WEIGHTS) -> None:
        self.weights = weights
        # Owners (what a hit points to): occupations first, then reads.
        self.owner_kind: list[str] = []
        self.owner_key: list[str] = []
        self.owner_title: list[str] = []
        self.owner_url: list[str] = []
        self.owner_prior: list[float] = []
        self.read_links: dict[int, list[int]] = {}  # occupation owner → the read owners that cover it
        owner_of_code: dict[str, int] = {}
        for occ in sorted(corpus.occupations, key=lambda o: o.code):
            owner_of_code[occ.code] = self._add_owner("occupation", occ.code, occ.title, occ.url, occ.employment)
        read_owners: list[tuple[int, ReadDoc]] = []
        for read in sorted(corpus.reads, key=lambda r: r.slug):
            owner = self._add_owner("read", read.slug, read.title, read.url, None)
            read_owners.append((owner, read))
            for code in read.codes:
                if code in owner_of_code:
                    self.read_links.setdefault(owner_of_code[code], []).append(owner)

        # Entries: one per distinct (owner, words), in a fixed order whatever order the rows came in.
        raw: list[tuple[int, list[str], tuple[str, ...], float]] = []
        seen: set[tuple[int, frozenset[str]]] = set()
        main_titles: set[int] = set()  # entries that are an occupation's or a read's own title

        def add(owner: int, title: str, weight: float, main: bool = False) -> None:
            toks = text.tokens(title)
            key = (owner, frozenset(toks))
            if toks and key not in seen:
                seen.add(key)
                if main:
                    main_titles.add(len(raw))
                raw.append((owner, toks, text.heads(title), weight))

        for occ in sorted(corpus.occupations, key=lambda o: o.code):
            add(owner_of_code[occ.code], occ.title, weights.occupation_title, main=True)
            for form in text.title_forms(occ.title):
                add(owner_of_code[occ.code], form, weights.occupation_title, main=True)
        for alt in sorted(corpus.titles, key=lambda t: (t.code, t.title, t.short_title)):
            owner = owner_of_code.get(alt.code)
            if owner is not None:
                add(owner, alt.title, 1.0)
                if alt.short_title:
                    add(owner, alt.short_title, 1.0)
        for owner, read in read_owners:
            add(owner, read.title, weights.read_title, main=True)
            if read.description:
                add(owner, read.description, weights.read_description)

        # Vocabulary: every word → its stem; stem → idf over entries.
        self.stem_of: dict[str, str] = {}
        df: dict[str, int] = defaultdict(int)
        for _, toks, _, _ in raw:
            for word in toks:
                if word not in self.stem_of:
                    self.stem_of[word] = text.stem(word)
            for stem in {self.stem_of[word] for word in toks}:
                df[stem] += 1
        self.idf: dict[str, float] = {stem: math.log((len(raw) + 1) / (count + 0.5)) for stem, count in df.items()}
        self.words: list[str] = sorted(self.stem_of)

        # Entries as arrays, and postings: stem → the entries holding it, head stem → the entries
        # it heads. Arrays, because a query touches thousands of entries and numpy does the
        # per-query arithmetic on all of them at once.
        owner_of: list[int] = []
        mass: list[float] = []
        postings: dict[str, list[int]] = defaultdict(list)
        headed: dict[str, list[int]] = defaultdict(list)
        for entry, (owner, toks, heads, _) in enumerate(raw):
            stems = self._weighted(toks)
            owner_of.append(owner)
            mass.append(sum(stems.values()))
            for stem in stems:
                postings[stem].append(entry)
            for stem in {text.stem(word) for word in heads}:
                headed[stem].append(entry)
        self.entry_owner = np.array(owner_of, dtype=np.int32)
        self.entry_mass = np.array(mass, dtype=np.float64)
        self.entry_weight = np.array([weight for *_, weight in raw], dtype=np.float64)
        self.entry_is_main = np.array([entry in main_titles for entry in range(len(raw))], dtype=bool)
        self.postings = {stem: np.array(entries, dtype=np.int32) for stem, entries in postings.items()}
        self.head_postings = {stem: np.array(entries, dtype=np.int32) for stem, entries in headed.items()}
        self.owner_prior_array = np.array(self.owner_prior, dtype=np.float64)

        # Headness: how often a word, where it appears, is the title's head noun. The query's head
        # is its word with the highest headness, so word order does not decide it.
        as_head: dict[str, int] = defaultdict(int)
        for _, _, heads, _ in raw:
            for stem in {text.stem(word) for word in heads}:
                as_head[stem] += 1
        self.headness = {stem: (as_head[stem] + 0.5) / (count + 1.0) for stem, count in df.items()}

        # Language model: all of an owner's titles as one bag of features per class, plus its
        # description and task statements as a bag of stems.
        self.bags: dict[str, dict[str, dict[int, int]]] = {cls: {} for cls in FEATURE_CLASSES}
        self.bag_size: dict[str, list[int]] = {cls: [0] * len(self.owner_kind) for cls in FEATURE_CLASSES}
        for owner, toks, heads, _ in raw:
            for cls, feature in title_features(toks, heads):
                self._count(cls, feature, owner)
        for occ in corpus.occupations:
            for word in text.tokens(occ.description):
                if word not in text.LEVEL_WORDS and word not in text.MODIFIERS:
                    self._count("desc", text.stem(word), owner_of_code[occ.code])
        self.background: dict[str, dict[str, float]] = {}
        for cls, bag in self.bags.items():
            total = sum(self.bag_size[cls]) or 1
            self.background[cls] = {feature: sum(by.values()) / total for feature, by in bag.items()}
        # The model's log-likelihood ratio of one feature for an owner splits into a part that
        # depends only on the owner's bag size, log(mu / (size + mu)), and one only for owners
        # whose bag holds the feature, log1p(count / (mu * p)); both as arrays over owners.
        self.lm_base = {
            cls: np.log(self._mu(cls) / (np.array(self.bag_size[cls], dtype=np.float64) + self._mu(cls)))
            for cls in FEATURE_CLASSES
        }
        self.lm_arrays = {
            cls: {
                feature: (np.array(list(by), dtype=np.int32), np.array(list(by.values()), dtype=np.float64))
                for feature, by in bag.items()
            }
            for cls, bag in self.bags.items()
        }
        # Words of descriptions and task statements that no title holds ("artistic", "pavement"):
        # real words, so a query holding one is not "corrected" to a title word that looks alike
        # ("autistic"). Weighted by how few occupations' descriptions use them.
        described = len(corpus.occupations) + 1
        self.desc_idf: dict[str, float] = {
            stem: math.log(described / (len(by) + 0.5)) for stem, by in self.bags["desc"].items() if stem not in df
        }

    def __len__(self) -> int:
        return len(self.entry_owner)

    @property
    def occupation_count(self) -> int:
        return self.owner_kind.count("occupation")

    @property
    def read_count(self) -> int:
        return self.owner_kind.count("read")

    def _add_owner(self, kind: str, key: str, title: str, url: str, employment: float | None) -> int:
        self.owner_kind.append(kind)
        self.owner_key.append(key)
        self.owner_title.append(title)
        self.owner_url.append(url)
        self.owner_prior.append(math.log1p(employment) if employment and employment > 0 else 0.0)
        return len(self.owner_kind) - 1

    def _count(self, cls: str, feature: str, owner: int) -> None:
        by_owner = self.bags[cls].setdefault(feature, {})
        by_owner[owner] = by_owner.get(owner, 0) + 1
        self.bag_size[cls][owner] += 1

    def _mu(self, cls: str) -> float:
        return self.weights.lm_desc_mu if cls == "desc" else self.weights.lm_mu

    def _word_weight(self, word: str, stem: str) -> float:
        return self.idf.get(stem, 0.0) * (self.weights.modifier if word in text.MODIFIERS else 1.0)

    def _weighted(self, toks: Iterable[str]) -> dict[str, float]:
        """Stem → weight for an index title (a repeated stem keeps its higher weight)."""
        out: dict[str, float] = {}
        for word in toks:
            if word not in text.LEVEL_WORDS:
                stem = self.stem_of[word]
                out[stem] = max(out.get(stem, 0.0), self._word_weight(word, stem))
        return out

    def _query_words(self, toks: list[str]) -> list[QueryWord]:
        """The query's words as the index knows them; an unknown word (a typo, most likely)
        becomes the closest known word or words, weighted by how close they are."""
        out: list[QueryWord] = []
        for word in toks:
            if word in text.LEVEL_WORDS:
                continue
            stem = text.stem(word)
            if stem in self.idf:
                out.append(QueryWord(word, stem, self._word_weight(word, stem)))
            elif (parts := self._split_compound(word)) is not None:
                for part in parts:
                    part_stem = self.stem_of[part]
                    out.append(QueryWord(part, part_stem, self._word_weight(part, part_stem)))
            elif stem in self.desc_idf:
                out.append(QueryWord(word, stem, self.desc_idf[stem] * self.weights.desc_word))
            elif len(word) >= 4 and not word.isdigit():
                matches = process.extract(
                    word, self.words, scorer=fuzz.ratio, score_cutoff=self.weights.fuzzy_cutoff, limit=5
                )
                if matches:
                    top = matches[0][1]
                    for match, similarity, _ in matches:
                        if similarity == top:
                            stem = self.stem_of[match]
                            out.append(QueryWord(match, stem, self._word_weight(match, stem) * similarity / 100.0))
        return out

    def _split_compound(self, word: str) -> tuple[str, str] | None:
        """An unknown word written as two known ones ("haircutter" → hair cutter, "bellstaff" →
        bell staff): the split whose rarer half is commonest, each half at least three letters."""
        if len(word) < 7 or word.isdigit():
            return None
        best: tuple[float, str, str] | None = None
        for i in range(3, len(word) - 2):
            left, right = word[:i], word[i:]
            if left in self.stem_of and right in self.stem_of:
                rarity = max(self.idf[self.stem_of[left]], self.idf[self.stem_of[right]])
                if best is None or rarity < best[0]:
                    best = (rarity, left, right)
        return None if best is None else (best[1], best[2])

    def _query_heads(self, words: list[QueryWord]) -> set[str]:
        """The stems of the query's head noun: its non-modifier word most often used as a head
        in index titles ("uber driver" and "driver uber" → driver). Ties keep every tied word."""
        candidates = [qw.stem for qw in words if qw.word not in text.MODIFIERS] or [qw.stem for qw in words]
        if not candidates:
            return set()
        best = max(self.headness.get(stem, 0.0) for stem in candidates)
        return {stem for stem in candidates if self.headness.get(stem, 0.0) >= best - 1e-9}

    def _head_specificity(self, heads: set[str]) -> float:
        """About 1 for a head shared by few titles ("dermatologist"), less for a common one
        ("specialist", "manager"): -log of its share of all title heads, over 8."""
        background = self.background["head"]
        return max((-math.log(background[stem]) / 8.0 for stem in heads if stem in background), default=0.0)

    def _language_model(
        self, query: list[QueryWord], q: dict[str, float], heads: set[str]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per owner, the weighted mean log-likelihood ratio of the query's features under the
        owner's bags against the whole index (Dirichlet-smoothed), and which owners hold any
        title feature of the query (the others score 0). Every feature weighs in proportion to
        the idf of the word it comes from."""
        w = self.weights
        wanted: list[tuple[str, str, float]] = []
        for stem, weight in q.items():
            wanted.append(("stem", stem, weight))
            if w.lm_desc:
                wanted.append(("desc", stem, w.lm_desc * weight))
            if stem in heads and stem in self.background["head"]:
                # weighted by how few titles share this head: "dermatologist" is a strong head,
                # "specialist" a weak one
                specificity = self._head_specificity({stem})
                wanted.append(("head", stem, w.lm_head * 8.0 * specificity**w.head_power))
        if w.lm_root:
            for qw in query:
                if len(qw.word) > ROOT_LENGTH:
                    wanted.append(("root", qw.word[:ROOT_LENGTH], w.lm_root * q[qw.stem]))
        wanted = [item for item in wanted if item[1] in self.background[item[0]] and item[2] > 0]
        norm = sum(weight for _, _, weight in wanted) or 1.0
        total = np.zeros(len(self.owner_kind))
        candidates = np.zeros(len(self.owner_kind), dtype=bool)
        for cls, feature, weight in wanted:
            owners, counts = self.lm_arrays[cls][feature]
            total += weight * self.lm_base[cls]
            total[owners] += weight * np.log1p(counts / (self._mu(cls) * self.background[cls][feature]))
            if cls != "desc":
                candidates[owners] = True
        return np.where(candidates, total / norm, 0.0), candidates

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Ranked hits, best first; equal scores ordered by kind then key, so results never wobble."""
        w = self.weights
        query = query[: text.MAX_QUERY_CHARS]
        words = self._query_words(text.query_tokens(query))
        q: dict[str, float] = {}
        for qw in words:
            q[qw.stem] = max(q.get(qw.stem, 0.0), qw.weight)
        if not q:
            return []
        q_mass = sum(q.values())
        heads = self._query_heads(words)

        # Titles: how much of the query each covers and how much of it the query covers.
        matched = np.zeros(len(self.entry_owner))
        touched = np.zeros(len(self.entry_owner), dtype=bool)
        has_head = np.zeros(len(self.entry_owner), dtype=bool)
        for stem, weight in q.items():
            entries = self.postings.get(stem)
            if entries is not None:
                matched[entries] += weight
                touched[entries] = True
                if stem in heads:
                    has_head[entries] = True
        head_match = np.zeros(len(self.entry_owner), dtype=bool)
        for stem in heads:
            if stem in self.head_postings:
                head_match[self.head_postings[stem]] = True
        entry = np.flatnonzero(touched)
        m = matched[entry]
        mass = self.entry_mass[entry]
        score = m * (w.query_cover / q_mass) + np.where(
            mass > 0, (1.0 - w.query_cover) * m / np.where(mass > 0, mass, 1.0), 0.0
        )
        score += np.where(has_head[entry], np.where(head_match[entry], w.head_match, w.head_present), 0.0)
        every_word = m >= q_mass - 1e-9  # every word of the query is in this title
        longer = m < mass - 1e-9  # ... and the title has more; if not, the query is this title
        exact = np.where(self.entry_is_main[entry], w.exact_main, w.exact)
        score += np.where(every_word, np.where(longer, w.all_words, exact), 0.0)
        score *= self.entry_weight[entry]

        # Occupations: best titles voting (the best counts fully, the next at vote_decay, ...),
        # the language model, the size prior.
        owners = self.entry_owner[entry]
        order = np.lexsort((-score, owners))
        owners, score = owners[order], score[order]
        first = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
        rank = np.arange(len(owners)) - np.repeat(first, np.diff(np.r_[first, len(owners)]))
        voting = rank < w.votes
        votes = np.zeros(len(self.owner_kind))
        np.add.at(votes, owners[voting], score[voting] * w.vote_decay ** rank[voting])
        scored = np.zeros(len(self.owner_kind), dtype=bool)
        scored[owners] = True
        if w.lm:
            lm, lm_scored = self._language_model(words, q, heads)
            scored |= lm_scored
        else:
            lm = np.zeros(len(self.owner_kind))
        totals_array = w.entry * votes + w.lm * lm + w.prior * self.owner_prior_array
        totals = dict(zip(np.flatnonzero(scored).tolist(), totals_array[scored].tolist(), strict=True))

        # Reads: their own score, or a little less than the best occupation they cover.
        for occupation, reads in self.read_links.items():
            if occupation in totals:
                inherited = totals[occupation] - abs(totals[occupation]) * (1.0 - w.read_inherit)
                for read in reads:
                    if inherited > totals.get(read, -math.inf):
                        totals[read] = inherited

        ranked = heapq.nsmallest(
            limit,
            totals.items(),
            key=lambda item: (-round(item[1], 9), self.owner_kind[item[0]], self.owner_key[item[0]]),
        )
        return [
            Hit(
                kind=self.owner_kind[owner],
                key=self.owner_key[owner],
                title=self.owner_title[owner],
                url=self.owner_url[owner],
                score=round(score, 4),
            )
            for owner, score in ranked
        ]
