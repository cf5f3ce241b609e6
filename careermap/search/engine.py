"""The title search: an in-memory index of occupation titles, alternate titles and reads.

Pure Python, no Django and no database: `selectors.search_index()` feeds it rows read from
whichever database is configured, `eval/search_corpus.py` rows parsed from the shared files.
It sorts every row itself, so the same rows give the same results on SQLite and PostgreSQL.

A query is scored in four parts (docs/search.md explains each and has the figures):

1. Words: `text.query_tokens` (abbreviations, brand names, a light stemmer); an unknown word written
   as known ones run together is split ("haircutter" → hair cutter, "hrmanager" → human resources
   manager); any other word the index has never seen becomes its closest known word (rapidfuzz), so
   "registred" finds "registered" —
   unless descriptions or task statements use it: then it is a real word ("artistic") that only
   those match, not a typo of a title word that looks alike ("autistic").
2. Titles: each title scores how much of the query it covers and how much of itself the query
   covers (idf-weighted), with bonuses for sharing the query's head noun, for holding every query
   word, and for being exactly the query.
3. Occupations: their best titles voting, a language model of all their titles (plus description
   and tasks) and a small employment prior.
4. Reads: their own title and description, or a share of the score of an occupation they cover.

Synonyms (synonyms.yaml) are titles too; each hit says which title matched (`Hit.matched`),
`search_detail` whether the first hit matches exactly, `suggest` serves the typeahead.
"""

from __future__ import annotations

import dataclasses
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from careermap.search import text, typeahead
from careermap.search.documents import (
    COLLEGE_WORDS,
    DEFAULT_WEIGHTS,
    LEVEL_OF_WORD,
    Corpus,
    Hit,
    Outcome,
    ReadDoc,
    Suggestion,
    Weights,
    is_college_teacher,
    is_physician,
    occupation_level,
    supervisor_of,
)
from careermap.search.querywords import QueryWord, meant_stems, query_words, read_as
from careermap.search.synonyms import Synonym, misspelt_words, sound_alike_words

FEATURE_CLASSES = ("stem", "head", "root", "desc")
# the words that name a first-line supervisor; not "lead", since a lead server serves
SUPERVISOR_WORDS = frozenset(word for word, level in LEVEL_OF_WORD.items() if level == "supervisor") - {"lead"}
LOOSE_CUTOFF = 60.0  # rapidfuzz ratio for a query none of whose words matched at fuzzy_cutoff
TEACHER = text.stem("teacher")
EMPLOYER_STEMS = frozenset(text.stem(word) for word in text.EMPLOYERS)  # named, not needed for an exact match
ROLE_HEADNESS = 0.5  # a word titles use as their head at least this often names a role ("tech", "clerk")
DONE_TO_HEADNESS = 0.45  # ... and one that nearly is names no thing work is done to ("drive thru attendant")
BROAD_HEAD = 120  # occupations a word heads titles of, to be too broad alone: "manager", not "teacher" (75)
REVIEWED = frozenset({"synonym", "closest (synonym)"})  # entries from synonyms.yaml
ROOT_LENGTH = 6  # "actuary", "actuarial" → "actuar"; "acupuncture", "acupuncturist" → "acupun"


def stem_order(words: Iterable[str]) -> tuple[str, ...]:
    """The stems of words in their order, each once: how a reviewed term typed word for word is known."""
    return tuple(dict.fromkeys(text.stem(word) for word in words))


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
        self.owner_level: list[str] = []
        self.read_links: dict[int, list[int]] = {}  # occupation owner → the read owners that cover it
        owner_of_code: dict[str, int] = {}
        for occ in sorted(corpus.occupations, key=lambda o: o.code):
            owner_of_code[occ.code] = self._add_owner("occupation", occ.code, occ.title, occ.url, occ.employment)
            self.owner_level[-1] = occupation_level(occ.code, occ.title)
        read_owners: list[tuple[int, ReadDoc]] = []
        covered_by: dict[int, list[int]] = {}  # read owner → the occupation owners it covers
        for read in sorted(corpus.reads, key=lambda r: r.slug):
            owner = self._add_owner("read", read.slug, read.title, read.url, None)
            read_owners.append((owner, read))
            for code in read.codes:
                if code in owner_of_code:
                    self.read_links.setdefault(owner_of_code[code], []).append(owner)
                    covered_by.setdefault(owner, []).append(owner_of_code[code])
        # occupation owner → the owner of its workers' first-line supervisors, or -1
        self.owner_supervisor = np.full(len(self.owner_kind), -1, dtype=np.int64)
        for code, owner in owner_of_code.items():
            supervisor = owner_of_code.get(f"{supervisor_of(code)}.00")
            if supervisor is not None:
                self.owner_supervisor[owner] = supervisor

        # Entries: one per distinct (owner, words), in a fixed order whatever order the rows came in.
        raw: list[tuple[int, list[str], tuple[str, ...], float]] = []
        seen: dict[tuple[int, frozenset[str], bool], int] = {}
        main_titles: set[int] = set()  # entries that are an occupation's or a read's own title
        # What each entry is, to explain a match: its text as written and where it came from.
        self.entry_text: list[str] = []
        self.entry_origin: list[str] = []

        def add(owner: int, title: str, weight: float, origin: str, main: bool = False, indexed: str = "") -> None:
            # `indexed`: the words to match, where they are not all of the title's (an "Except" clause)
            toks = text.tokens(indexed or title)
            # a full title cut short of its "Except" clause stays an entry of its own beside its main
            # part ("Architects, Except Landscape and Naval" and "Architects"), as it was with the clause
            key = (owner, frozenset(toks), bool(indexed) and indexed != title)
            if toks and key in seen and origin in ("synonym", "closest (synonym)"):
                # a reviewed synonym with the words of a title the owner has: that title counts as one
                same = seen[key]
                raw[same] = (*raw[same][:3], max(raw[same][3], weight))
                main_titles.add(same)
                if origin == "closest (synonym)":
                    self.entry_origin[same] = origin  # an O*NET title that is not the same job ("Influencer")
            if toks and key not in seen:
                seen[key] = len(raw)
                if main:
                    main_titles.add(len(raw))
                raw.append((owner, toks, text.heads(indexed or title), weight))
                self.entry_text.append(title)
                self.entry_origin.append(origin)

        # An occupation's full title, word for word (stop words and all): typed so, it is the answer
        # ("Disc Jockeys, Except Radio" and "Radio Disc Jockeys" are the same words without "except").
        self.verbatim_title = {tuple(text.words(occ.title)): owner_of_code[occ.code] for occ in corpus.occupations}
        self.verbatim_term: dict[tuple[str, ...], int] = {}  # a reviewed term's stems, in its order
        # An "Except" clause names jobs the occupation is not: its words are not the occupation's,
        # and a query holding one lowers it (`Weights.excluded`): "radio DJ" is not "Disc Jockeys,
        # Except Radio", "pediatric orthopedic surgeon" not "Orthopedic Surgeons, Except Pediatric".
        self.excluded_by_stem: dict[str, list[int]] = defaultdict(list)
        for occ in sorted(corpus.occupations, key=lambda o: o.code):
            # "Cooks, All Other" is not what "cook" means: a catch-all title gets no exact-title bonus
            catch_all = "all other" in occ.title.lower()
            kept, clause = text.exceptions(occ.title)
            add(
                owner_of_code[occ.code],
                occ.title,
                weights.occupation_title * (weights.catch_all if catch_all else 1.0),
                "title",
                main=not catch_all,
                indexed=kept,
            )
            own = {text.stem(word) for word in text.tokens(kept)}
            for stem in sorted({text.stem(word) for word in text.tokens(clause)} - own):
                self.excluded_by_stem[stem].append(owner_of_code[occ.code])
            for form in text.title_forms(occ.title):
                add(owner_of_code[occ.code], form, weights.occupation_title, "title", main=True)
        for alt in sorted(corpus.titles, key=lambda t: (t.code, t.title, t.short_title)):
            alt_owner = owner_of_code.get(alt.code)
            if alt_owner is not None:
                add(alt_owner, alt.title, 1.0, "alternate title")
                if alt.short_title:
                    add(alt_owner, alt.short_title, 1.0, "alternate title")
        for owner, read in read_owners:
            add(owner, read.title, weights.read_title, "title", main=True)
            if read.description:
                add(owner, read.description, weights.read_description, "description")

        # Synonyms (synonyms.yaml): each term becomes a title of the one occupation or read whose own
        # title (or a form of it) has exactly the words of `means`; else of the owner of most
        # alternate titles with those words. One that names nothing is kept in `unresolved`.
        def stems_of(title: str) -> frozenset[str]:
            return frozenset(text.stem(word) for word in text.tokens(title) if word not in text.LEVEL_WORDS)

        by_stems: dict[frozenset[str], list[int]] = defaultdict(list)
        for entry, (_, toks, _, _) in enumerate(raw):
            by_stems[frozenset(text.stem(word) for word in toks if word not in text.LEVEL_WORDS)].append(entry)
        self.synonym_owner: dict[str, str] = {}  # term → the key it resolved to
        self.unresolved: list[Synonym] = []
        # Own titles as they were before any synonym: a synonym with the words of an alternate title
        # makes that title count as a main one below, and must not change what a later term resolves
        # to ("production worker" made Team Assemblers' "Production Worker" a main title, and "steel
        # mill worker", meaning Production Workers, All Other, went there). A catch-all's own title
        # names it, though it gets no exact-title bonus.
        named = set(main_titles) | {entry for entry, origin in enumerate(self.entry_origin) if origin == "title"}
        misspelt: set[str] = set()  # words of reviewed misspellings ("manger" in "sales manger")
        sounding: set[str] = set()  # and of those spelled as they sound ("kasheer")
        ambiguous: set[tuple[str, ...]] = set()
        for synonym in sorted(corpus.synonyms, key=lambda s: s.term):
            entries = by_stems.get(stems_of(text.exceptions(synonym.means)[0]), [])
            main = [entry for entry in entries if entry in named]
            # the title written as `means` is, first ("Social worker", the read; "Social Workers, All Other")
            spelt = [entry for entry in main if self.entry_text[entry].lower() == synonym.means.lower()]
            counts: dict[int, int] = defaultdict(int)
            for entry in spelt or main or entries:
                counts[raw[entry][0]] += 1
            if not counts:
                self.unresolved.append(synonym)
                continue
            owner = min(counts, key=lambda o: (-counts[o], -self.owner_prior[o], self.owner_key[o]))
            self.synonym_owner[synonym.term] = self.owner_key[owner]
            origin = "synonym" if synonym.exact else "closest (synonym)"
            # "farm job" is searched as "farm" (text.TRAILING_WORDS), so it is indexed so too
            toks = text.tokens(synonym.term)
            searched = text.without_trailing(toks)
            indexed = " ".join(searched) if searched != toks else ""
            add(owner, synonym.term, weights.synonym, origin, main=True, indexed=indexed)
            # typed word for word, a reviewed term leads like an occupation's own title: near ties
            # with look-alike titles ("Adaptive Physical Education Teacher") must not turn on the
            # idf drift that any new entry elsewhere brings
            # in the term's order: "lead tech" is no "tech lead"
            term_stems = stem_order(searched)
            if self.verbatim_term.setdefault(term_stems, owner) != owner:
                ambiguous.add(term_stems)  # two terms searched alike mean two jobs: neither leads
            misspelt |= misspelt_words(synonym.term, synonym.means)
            sounding |= sound_alike_words(synonym.term, synonym.means)
            # a read's term is also a title of the occupations the read covers, so they follow it
            # ("virtual assistant": the read, then Secretaries and Administrative Assistants), each
            # said to be the closest occupation, not the same job
            for occupation in covered_by.get(owner, ()):
                if (occupation, frozenset(text.tokens(synonym.term)), False) not in seen:  # O*NET's own title stays
                    add(occupation, synonym.term, weights.covered_synonym, "closest (synonym)")
        for term_stems in ambiguous:
            del self.verbatim_term[term_stems]

        # A title or reviewed synonym made only of job-search words ("remote work") still names one.
        self.named_no_job = {
            frozenset(toks)
            for (_, toks, _, _), origin in zip(raw, self.entry_origin, strict=True)
            if origin != "alternate title" and all(word in text.NO_JOB_WORDS for word in toks)
        }

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
        # Words a typo may be read as: not a misspelling that only a reviewed entry holds ("supervser"
        # is supervisor, not "superviser", held for "warehouse superviser"; 74 words on the real data).
        official = {
            word
            for (_, toks, _, _), origin in zip(raw, self.entry_origin, strict=True)
            if origin not in REVIEWED
            for word in toks
        }
        self.misspellings = misspelt - official
        # misspellings spelled as they sound, which no title spells so: not offered as a spelling
        self.sound_alikes = frozenset(sounding - official)
        self.typo_words: list[str] = [word for word in self.words if word not in self.misspellings]

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
        # A synonym's extra weight holds only for a query inside it: "fitness instructor" says
        # nothing more than any other title about "drawing instructor", whose other word it lacks.
        self.entry_partial_weight = np.minimum(self.entry_weight, weights.synonym_partial)
        self.entry_is_main = np.array([entry in main_titles for entry in range(len(raw))], dtype=bool)
        self.postings = {stem: np.array(entries, dtype=np.int32) for stem, entries in postings.items()}
        self.head_postings = {stem: np.array(entries, dtype=np.int32) for stem, entries in headed.items()}
        # a role word that heads titles of many occupations ("engineer", "specialist"): searched
        # alone, it names no one job, and the page says so (`Outcome.broad`)
        is_occupation = np.array([kind == "occupation" for kind in self.owner_kind])
        self.broad_heads: dict[str, int] = {}
        for stem, headed_entries in self.head_postings.items():
            heading = np.unique(self.entry_owner[headed_entries])
            if len(heading) >= BROAD_HEAD:
                self.broad_heads[stem] = int(is_occupation[heading].sum())
        self.owner_prior_array = np.array(self.owner_prior, dtype=np.float64)
        self.owner_level_array = np.array(self.owner_level)
        self.owner_college = np.array(
            [
                kind == "occupation" and is_college_teacher(key)
                for kind, key in zip(self.owner_kind, self.owner_key, strict=True)
            ]
        )
        # Physicians (`is_physician`) and the head nouns of their titles ("Urology Physician" → physician)
        self.owner_physician = np.array(
            [
                kind == "occupation" and is_physician(key)
                for kind, key in zip(self.owner_kind, self.owner_key, strict=True)
            ]
        )
        self.physician_heads = {
            stem
            for stem, headed_entries in self.head_postings.items()
            if self.owner_physician[self.entry_owner[headed_entries]].any()
        }
        # The one-word prior: a read takes the largest of the occupations it covers (same job).
        self.short_prior_array = self.owner_prior_array.copy()
        for occupation, reads in self.read_links.items():
            for covering in reads:
                self.short_prior_array[covering] = max(self.short_prior_array[covering], self.owner_prior[occupation])

        # Typeahead: sorted keys for a prefix search (careermap/search/typeahead.py).
        self.suggest_keys, self.suggest_entry, self.suggest_from_start = typeahead.keys(
            self.entry_text, self.entry_origin
        )

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
        described: set[str] = set()  # the words of descriptions as written
        for occ in corpus.occupations:
            for word in text.tokens(occ.description):
                described.add(word)
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
        occupations = len(corpus.occupations) + 1
        self.desc_idf: dict[str, float] = {
            stem: math.log(occupations / (len(by) + 0.5)) for stem, by in self.bags["desc"].items() if stem not in df
        }
        # a word no description writes so, whose stem a description holds, is still a typo:
        # "instructer" (instruct, as in "instruct students") is an instructor
        self.desc_words = frozenset(described)

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
        self.owner_level.append("")
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
        the idf of the word it comes from. When no title holds any of the query's words ("spackler"
        is only in task statements), the owners whose descriptions hold one are the candidates:
        a real word never finds nothing."""
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
        described = np.zeros(len(self.owner_kind), dtype=bool)
        for cls, feature, weight in wanted:
            owners, counts = self.lm_arrays[cls][feature]
            total += weight * self.lm_base[cls]
            total[owners] += weight * np.log1p(counts / (self._mu(cls) * self.background[cls][feature]))
            (described if cls == "desc" else candidates)[owners] = True
        if not candidates.any():
            candidates = described
        return np.where(candidates, total / norm, 0.0), candidates

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Ranked hits, best first; equal scores ordered by kind then key, so results never wobble."""
        return self.search_detail(query, limit).hits

    def search_detail(self, query: str, limit: int = 10) -> Outcome:
        """`search`, and whether the first hit matches what was typed exactly (else the page says
        "no occupation matches this exactly; closest:"). A query none of whose words the index
        knows, even as a typo, is matched again with a looser typo cutoff: a real title never
        returns nothing. Work described rather than named ("fix cars") that no title matches as
        typed is searched as the title of who does it ("car repairer"), and `read_as` says so."""
        query = query[: text.MAX_QUERY_CHARS]
        plain = text.without_activity_lead(query)  # "i want to be a nurse": nurse
        led = plain != query
        described: Outcome | None = None
        title = self.activity_title(query) if led else ""
        if title:
            # after "i like to", the work: "bake" is a baker, not the "Bake Off Decorator" a title holds
            described = self._search_as_typed(title, limit)
            if described.exact:
                return dataclasses.replace(described, read_as=described.read_as or title)
        outcome = self._search_as_typed(plain, limit)
        if led and outcome.hits:
            outcome = dataclasses.replace(outcome, read_as=outcome.read_as or plain)
        if outcome.exact or outcome.names_no_job:
            return outcome
        if not led:
            title = self.activity_title(query)
            described = self._search_as_typed(title, limit) if title else None
        if described is None or not described.exact:  # a guess at a guess: what was typed is more honest
            return outcome
        return dataclasses.replace(described, read_as=described.read_as or title)

    def activity_title(self, query: str) -> str:
        """The title of who does the work a query describes ("someone who fixes cars" → "car
        repairer"; `text.activity`), what is done to named in a form titles use ("cars" → "car");
        "" if the query names no work this way, or its words name a role ("drive thru attendant")."""
        found = text.activity(query[: text.MAX_QUERY_CHARS])
        if found is None:
            return ""
        done_to, doer = found
        if doer and done_to:
            last = {text.stem(tok) for tok in text.tokens(done_to[-1])}  # "tech" is technician
            if any(self.headness.get(stem, 0.0) >= DONE_TO_HEADNESS for stem in last):
                return ""
        return " ".join([*(self._singular(word) for word in done_to), doer]).strip()

    def _singular(self, word: str) -> str:
        """ "cars" → "car", "buses" → "bus", "babies" → "baby", where a title spells it so."""
        if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "news")):
            for one in (word[:-3] + "y" if word.endswith("ies") else "", word[:-1], word[:-2]):
                if one and one in self.stem_of:
                    return one
        return word

    def _search_as_typed(self, query: str, limit: int) -> Outcome:
        w = self.weights
        query = query[: text.MAX_QUERY_CHARS]
        said = text.tokens(query)
        # what a job ad adds ("weekly pay", "16 year olds") names no job either
        beyond_the_ad = text.tokens(text.without_job_ad(query))
        if (
            said
            and all(word in text.NO_JOB_WORDS for word in beyond_the_ad)
            and frozenset(said) not in self.named_no_job
        ):
            return Outcome(hits=[], exact=False, names_no_job=True)
        toks = text.query_tokens(query)
        words = query_words(self, toks)
        # an employer named beside a job ("kroger clerk") is understood, not missing
        # and words run together ("registerednurse") are the words typed, not a guess
        run_together = {qw.split_from for qw in words}
        # a typo read as a known word is understood too: the page says what it was read as
        corrected = {qw.typed for qw in words}
        known = all(
            tok in text.LEVEL_WORDS
            or tok in corrected
            or tok in text.NO_JOB_WORDS
            or tok in text.AD_EXTRAS
            or tok in text.EMPLOYERS
            or tok in text.SENIORITY
            or text.stem(tok) in self.idf
            or tok in run_together
            for tok in toks
        )
        loose = not words and bool(toks)
        if loose:
            # a guess, not a reading: the page says "closest", and not what it was read as
            words = query_words(self, toks, cutoff=LOOSE_CUTOFF)
        q: dict[str, float] = {}
        meant: dict[str, float] = {}
        for qw in words:
            q[qw.stem] = max(q.get(qw.stem, 0.0), qw.weight)
            meant[qw.stem] = max(meant.get(qw.stem, 0.0), qw.meant)
        if not q:
            # an employer alone ("hertz", "startup", "big tech") names no job either
            only_employers = bool(toks) and all(word in text.NO_JOB_WORDS or word in text.EMPLOYERS for word in toks)
            return Outcome(hits=[], exact=False, names_no_job=only_employers)
        q_mass = sum(q.values())
        heads = self._query_heads(words)
        # "senior driver": a title with "driver" alone holds every word that names the job
        optional = {qw.stem for qw in words if qw.word in text.SENIORITY} if w.seniority_optional else set()
        # ... and "overnight cashier" or "remote call center agent" one with the job's words alone
        optional |= {qw.stem for qw in words if qw.word in text.AD_ASIDE}
        if optional >= set(q):
            optional = set()
        core_mass = q_mass - sum(q[stem] for stem in optional)

        # Titles: how much of the query each covers and how much of it the query covers.
        matched = np.zeros(len(self.entry_owner))
        matched_meant = np.zeros(len(self.entry_owner))
        matched_core = np.zeros(len(self.entry_owner))
        touched = np.zeros(len(self.entry_owner), dtype=bool)
        has_head = np.zeros(len(self.entry_owner), dtype=bool)
        for stem, weight in q.items():
            entries = self.postings.get(stem)
            if entries is not None:
                matched[entries] += weight
                if stem not in optional:
                    matched_core[entries] += weight
                matched_meant[entries] += meant[stem]
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
        every_word = matched_core[entry] >= core_mass - 1e-9  # every word of the query is in this title
        longer = matched_meant[entry] < mass - 1e-9  # ... and the title has more; if not, the query is this title
        exact = np.where(self.entry_is_main[entry], w.exact_main, w.exact)
        if len(q) > 1 and not text.inverted(query):
            # the same words in another order are another title: "lead tech" is no "tech lead"
            same = np.flatnonzero(every_word & ~longer)
            reordered = [i for i in same.tolist() if not self._in_order(entry[i], list(q))]
            longer[reordered] = True
        score += np.where(every_word, np.where(longer, w.all_words, exact), 0.0)
        score *= np.where(every_word, self.entry_weight[entry], self.entry_partial_weight[entry])

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
        if len(q) - len(optional) == 1 and w.prior_short:
            totals_array = totals_array + w.prior_short * self.short_prior_array
        typed = tuple(text.words(query))
        if "except" not in typed:  # typed with its "except", a title means what it says
            for stem in q:
                excluded = self.excluded_by_stem.get(stem)
                if excluded:
                    totals_array[excluded] *= np.where(totals_array[excluded] > 0, w.excluded, 1.0)
        verbatim = self.verbatim_title.get(typed)
        if verbatim is None:
            verbatim = self.verbatim_term.get(tuple(q))
        if verbatim is None:
            # a reviewed term holding a word a query drops ("social media intern" is searched as
            # "social media"), typed word for word
            verbatim = self.verbatim_term.get(stem_order(text.without_trailing(text.tokens(query))))
        if verbatim is not None and scored[verbatim]:
            totals_array[verbatim] = totals_array[scored].max() + w.verbatim
        levels = {LEVEL_OF_WORD[tok] for tok in toks if tok in LEVEL_OF_WORD}
        if SUPERVISOR_WORDS.intersection(toks) and w.supervisor_inherit and scored.any():
            # "telesales supervisor": the supervisors of the workers the field's words find
            # (not from workers with a title holding every word: "yard duty supervisor" is a job of its own)
            named = np.zeros(len(totals_array), dtype=bool)
            named[self.entry_owner[entry[every_word]]] = True
            workers = np.flatnonzero(scored & ~named & (self.owner_supervisor >= 0))
            inherited = np.full(len(totals_array), -np.inf)
            np.maximum.at(
                inherited,
                self.owner_supervisor[workers],
                totals_array[workers] - np.abs(totals_array[workers]) * (1.0 - w.supervisor_inherit),
            )
            totals_array = np.maximum(totals_array, inherited)
            scored |= np.isfinite(inherited)
        if levels and (w.level_match or w.level_other):
            in_level = np.isin(self.owner_level_array, list(levels))
            other = (self.owner_level_array != "") & ~in_level
            if w.level_window and scored.any():
                # A tie-breaker: only among the occupations within level_window of the best.
                near = scored & (totals_array >= totals_array[scored].max() - w.level_window)
                in_level, other = in_level & near, other & near
            totals_array = totals_array + w.level_match * in_level - w.level_other * other
        if "teaching" in levels and w.teaching:
            # not only a tie-breaker: the field's own workers hold its words more often than its teachers
            totals_array = totals_array + w.teaching * (scored & (self.owner_level_array == "teaching"))
        if w.college_unsaid and TEACHER in q and not COLLEGE_WORDS.intersection(toks):
            totals_array = totals_array - w.college_unsaid * self.owner_college
        if (
            w.doctor_unsaid
            and heads
            and not heads & self.physician_heads
            and min(self.headness.get(stem, 0.0) for stem in heads) >= ROLE_HEADNESS
        ):
            # "urology tech": the specialty's physicians hold "urology", but the job is a technician's
            # ("pediatric" or "hand surgery" names no role: their physicians stay)
            totals_array = totals_array - w.doctor_unsaid * self.owner_physician
        # The best title of each owner, to say what matched.
        best_entry = dict(zip(owners[first].tolist(), entry[order][first].tolist(), strict=True)) if len(owners) else {}
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
        hits = [
            Hit(
                kind=self.owner_kind[owner],
                key=self.owner_key[owner],
                title=self.owner_title[owner],
                url=self.owner_url[owner],
                score=round(score, 4),
                **self._matched(owner, best_entry),
            )
            for owner, score in ranked
        ]
        is_exact = False
        leader_stems: set[str] = set()
        if hits:
            leader = ranked[0][0]
            # a read reached through an occupation it covers answers as exactly as that occupation
            candidates = [leader] + [occ for occ, reads in self.read_links.items() if leader in reads]
            # what a job ad says beside the job ("remote", "nights", "summer") is no part of it
            ad_words = {qw.stem for qw in words if qw.word in text.AD_EXTRAS}
            ranked_entries = entry[order]
            for owner in candidates:
                top = best_entry.get(owner)
                if top is None:
                    continue
                tops = [top]
                if ad_words:
                    # "prn registered nurse": its best title "prn nurse" lacks a word; "Registered Nurse" has them
                    tops += [e for e in ranked_entries[owners == owner].tolist() if e != top]
                covering = next((t for t in tops if self._covers(t, words, optional, ad_words)), None)
                leader_stems = leader_stems or self._entry_stems(top)
                if known and covering is not None:
                    is_exact = self.entry_origin[covering] != "closest (synonym)"
                    leader_stems = self._entry_stems(covering)
                    break
        broad = self.broad_heads.get(next(iter(q)), 0) if len(q) == 1 and hits else 0
        return Outcome(
            hits=hits,
            exact=is_exact,
            broad=broad,
            read_as="" if loose else read_as(query, words, leader_stems, self.sound_alikes),
        )

    def _covers(self, entry: int, words: list[QueryWord], optional: set[str], ad_words: set[str]) -> bool:
        """Whether a title holds every word the query means (what a job ad adds aside)."""
        stems = self._entry_stems(entry)
        needed = meant_stems(words, stems) - EMPLOYER_STEMS - optional
        return ((needed - ad_words) or needed) <= stems

    def _in_order(self, entry: int, stems: list[str]) -> bool:
        """Whether the title's words come in the order the query has them."""
        if text.inverted(self.entry_text[entry]):
            return True
        held = set(stems)
        ordered = [stem for stem in self._entry_sequence(entry) if stem in held]
        shared = set(ordered)
        return ordered == [stem for stem in stems if stem in shared]

    def _entry_sequence(self, entry: int) -> tuple[str, ...]:
        """The title's stems in its order, each once."""
        return stem_order(word for word in text.tokens(self.entry_text[entry]) if word in self.stem_of)

    def _entry_stems(self, entry: int) -> set[str]:
        return set(self._entry_sequence(entry))

    def _matched(self, owner: int, best_entry: dict[int, int]) -> dict[str, str]:
        entry = best_entry.get(owner)
        if entry is not None and self.entry_origin[entry] == "description":
            return {"matched": "", "matched_kind": "description"}
        if entry is not None:
            return {"matched": self.entry_text[entry], "matched_kind": self.entry_origin[entry]}
        if self.owner_kind[owner] == "read":  # scored through an occupation it covers
            covered = [occ for occ, reads in self.read_links.items() if owner in reads and occ in best_entry]
            if covered:
                occ = min(covered, key=lambda o: self.owner_key[o])
                return {"matched": self.owner_title[occ], "matched_kind": "occupation"}
        return {"matched": "", "matched_kind": "description"}

    def suggest(self, prefix: str, limit: int = 8) -> list[Suggestion]:
        """The typeahead (careermap/search/typeahead.py)."""
        return typeahead.suggest(self, prefix, limit)
