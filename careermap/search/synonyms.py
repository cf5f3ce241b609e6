"""The reviewed synonym table (synonyms.yaml): lay words, slang and new job names, each with the
occupation or read title words it means. Pure: no Django.

`load_synonyms()` validates the whole file and raises SynonymFileError listing every problem as
`path:line: problem`; the index resolves each entry's `means` to the one occupation or read whose
title has exactly those words (`engine.SearchIndex`), and the entry becomes one more title of it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml
from rapidfuzz.distance import OSA

from careermap.lib.yamlsafe import YamlProblem, load_with_nodes
from careermap.search import text

SYNONYM_FILE = Path(__file__).with_name("synonyms.yaml")
FIELDS = {"term", "means", "exact", "note"}


@dataclasses.dataclass(frozen=True, slots=True)
class Synonym:
    term: str  # what people type: "realtor"
    means: str  # title words of the occupation or read it stands for: "real estate sales agent"
    exact: bool = True  # False: no occupation is this job; `means` is only the closest
    line: int = 0  # where it is in the file, for error messages and tests


class SynonymFileError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def parse_synonyms(source: str, path: str = "synonyms.yaml") -> tuple[Synonym, ...]:
    """Every entry, or SynonymFileError naming each bad one as path:line: problem."""
    try:
        data, root = load_with_nodes(source)
    except YamlProblem as exc:
        raise SynonymFileError([f"{path}:{exc.line}: {exc.message}"]) from None
    if not isinstance(data, list) or not isinstance(root, yaml.SequenceNode):
        raise SynonymFileError([f"{path}:1: expected a list of entries (- term: …, means: …)"])
    problems: list[str] = []
    out: list[Synonym] = []
    seen: dict[tuple[str, ...], int] = {}
    for item, node in zip(data, root.value, strict=True):
        line = node.start_mark.line + 1

        def problem(message: str, at: int = line) -> None:
            problems.append(f"{path}:{at}: {message}")

        if not isinstance(item, dict):
            problem("an entry must be a mapping with term and means")
            continue
        lines = {key.value: key.start_mark.line + 1 for key, _ in getattr(node, "value", [])}
        unknown = sorted(set(map(str, item)) - FIELDS)
        if unknown:
            problem(
                f"unknown field {', '.join(unknown)} (allowed: term, means, exact, note)", lines.get(unknown[0], line)
            )
        term, means, exact = item.get("term"), item.get("means"), item.get("exact", True)
        if not isinstance(term, str) or not text.words(term):
            problem("term: a word or phrase people type is required", lines.get("term", line))
            continue
        if not isinstance(means, str) or not text.words(means):
            problem("means: the title words it stands for are required", lines.get("means", line))
            continue
        if not isinstance(exact, bool):
            problem("exact: true or false", lines.get("exact", line))
            continue
        if len(term) > text.MAX_QUERY_CHARS:
            problem(f"term: at most {text.MAX_QUERY_CHARS} characters", lines["term"])
            continue
        # as the search reads it: "call centre" and "call center", "acct rep" and "account rep" are one
        words = tuple(text.stem(word) for word in text.tokens(term))
        if words in seen:
            problem(f"term: {term!r} is already listed on line {seen[words]} (the same words searched)", lines["term"])
            continue
        if text.words(term) == text.words(means):
            problem("means: the same words as term; nothing to add", lines["means"])
            continue
        seen[words] = line
        out.append(Synonym(term=term.strip(), means=means.strip(), exact=exact, line=line))
    if problems:
        raise SynonymFileError(problems)
    return tuple(out)


def load_synonyms(path: Path = SYNONYM_FILE) -> tuple[Synonym, ...]:
    return parse_synonyms(path.read_text(encoding="utf-8"), path=str(path))


def misspelt_words(term: str, means: str) -> set[str]:
    """The words of `term` that misspell a word of `means`: "manger" in "sales manger" (Sales
    Managers), "technition" in "lab technition". Such a word is in the index only so that the
    reviewed misspelling finds its job; it is no word a typo should be read as ("supervser" is
    supervisor, not "superviser"). A misspelling starts as the word it misspells and is one slip from
    it or its singular, two for a word of eight letters or more ("councilor" for counselors). A
    spelling that sounds alike ("fisical" for physical) is not caught; a real word near a word of
    `means` is ("carer" for care), and then is no typo target either."""
    meant = text.tokens(means)
    forms = {form for word in meant for form in (word, word.removesuffix("s"), word.removesuffix("es"))}
    stems = {text.stem(word) for word in meant}
    out = set()
    for word in text.tokens(term):
        if text.stem(word) in stems or len(word) < 4 or not word.isalpha():
            continue
        slips = 1 if len(word) < 8 else 2
        if any(form[:1] == word[:1] and form != word and OSA.distance(word, form) <= slips for form in forms):
            out.add(word)
    return out


def sound_alike_words(term: str, means: str) -> set[str]:
    """The words of `term` spelled as a word of `means` sounds ("kasheer" for Cashiers, "fisical" for
    Physical Therapists; `text.sound_key`), which `misspelt_words` does not catch. A typo may be read
    as one, but the search page does not offer it as the spelling."""
    keys = {
        text.sound_key(form): form
        for word in text.tokens(means)
        for form in (word, word.removesuffix("s"), word.removesuffix("es"))
    }
    return {word for word in text.tokens(term) if len(word) >= 5 and keys.get(text.sound_key(word), word) != word}
