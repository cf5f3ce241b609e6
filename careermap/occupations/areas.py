"""Finding an OEWS area from what a person types: a city, a metro area, a state or its postal code.

Pure: ranks any objects with `code`, `kind`, `name`, `state_fips` and `states`. Every word
typed must begin a word of the area's name or of its state's name, so "san francisco",
"austin", "texas", "tx" and "rochester mn" all work; nicknames ("bay area") do not.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable
from typing import Protocol, TypeVar

AREA_CODE = re.compile(r"^\d{7}$")

# State FIPS → (postal code, name): the standard ANSI/FIPS codes of the 50 states, DC and the
# territories OEWS publishes. Only used to let people type a state's name or postal code.
STATES: dict[str, tuple[str, str]] = {
    "01": ("AL", "Alabama"),
    "02": ("AK", "Alaska"),
    "04": ("AZ", "Arizona"),
    "05": ("AR", "Arkansas"),
    "06": ("CA", "California"),
    "08": ("CO", "Colorado"),
    "09": ("CT", "Connecticut"),
    "10": ("DE", "Delaware"),
    "11": ("DC", "District of Columbia"),
    "12": ("FL", "Florida"),
    "13": ("GA", "Georgia"),
    "15": ("HI", "Hawaii"),
    "16": ("ID", "Idaho"),
    "17": ("IL", "Illinois"),
    "18": ("IN", "Indiana"),
    "19": ("IA", "Iowa"),
    "20": ("KS", "Kansas"),
    "21": ("KY", "Kentucky"),
    "22": ("LA", "Louisiana"),
    "23": ("ME", "Maine"),
    "24": ("MD", "Maryland"),
    "25": ("MA", "Massachusetts"),
    "26": ("MI", "Michigan"),
    "27": ("MN", "Minnesota"),
    "28": ("MS", "Mississippi"),
    "29": ("MO", "Missouri"),
    "30": ("MT", "Montana"),
    "31": ("NE", "Nebraska"),
    "32": ("NV", "Nevada"),
    "33": ("NH", "New Hampshire"),
    "34": ("NJ", "New Jersey"),
    "35": ("NM", "New Mexico"),
    "36": ("NY", "New York"),
    "37": ("NC", "North Carolina"),
    "38": ("ND", "North Dakota"),
    "39": ("OH", "Ohio"),
    "40": ("OK", "Oklahoma"),
    "41": ("OR", "Oregon"),
    "42": ("PA", "Pennsylvania"),
    "44": ("RI", "Rhode Island"),
    "45": ("SC", "South Carolina"),
    "46": ("SD", "South Dakota"),
    "47": ("TN", "Tennessee"),
    "48": ("TX", "Texas"),
    "49": ("UT", "Utah"),
    "50": ("VT", "Vermont"),
    "51": ("VA", "Virginia"),
    "53": ("WA", "Washington"),
    "54": ("WV", "West Virginia"),
    "55": ("WI", "Wisconsin"),
    "56": ("WY", "Wyoming"),
    "66": ("GU", "Guam"),
    "72": ("PR", "Puerto Rico"),
    "78": ("VI", "Virgin Islands"),
}
POSTAL_TO_NAME = {postal: name for postal, name in STATES.values()}
KIND_ORDER = {"state": 0, "metro": 1, "nonmetro": 2, "national": 3}


class AreaLike(Protocol):
    code: str
    kind: str
    name: str
    state_fips: str
    states: str


# One spelling for the abbreviations place names use both ways ("St. Louis", "Saint Louis").
SAME_WORD = {"saint": "st", "ft": "fort", "mount": "mt"}


def normalize(text: str) -> str:
    """Lower case, accents off, punctuation to spaces: 'Coeur d'Alene, ID' → 'coeur d alene id'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(SAME_WORD.get(w, w) for w in re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@dataclasses.dataclass(frozen=True)
class _Entry:
    name_words: tuple[str, ...]  # the area's own name
    state_words: tuple[str, ...]  # its state(s): postal codes and names


def _entry(area: AreaLike) -> _Entry:
    postals = area.states.split("-") if area.states and area.kind != "state" else []
    if not postals and area.state_fips in STATES:
        postals = [STATES[area.state_fips][0]]
    state_words: list[str] = []
    for postal in postals:
        state_words += [postal.lower(), *normalize(POSTAL_TO_NAME.get(postal, "")).split()]
    return _Entry(tuple(normalize(area.name).split()), tuple(state_words))


def _phrase_at(words: tuple[str, ...], query: list[str]) -> int | None:
    """Index where the query words begin consecutive words (the last may be a prefix), else None."""
    n = len(query)
    for i in range(len(words) - n + 1):
        window = words[i : i + n]
        if all(w == q for w, q in zip(window[:-1], query[:-1], strict=True)) and window[-1].startswith(query[-1]):
            return i
    return None


A = TypeVar("A", bound=AreaLike)


def area_rank(areas: Iterable[A], query: str, *, limit: int = 10) -> list[A]:
    """Areas matching `query`, best first: the area whose name starts with what was typed, then
    a state typed by name or postal code, then areas in a typed state; metros before nonmetro areas."""
    words = normalize(query).split()
    if not words:
        return []
    postal = words[0].upper() if len(words) == 1 and words[0].upper() in POSTAL_TO_NAME else None
    scored: list[tuple[tuple[int, int, int, str], A]] = []
    for area in areas:
        if area.kind == "national":
            continue
        entry = _entry(area)
        all_words = entry.name_words + entry.state_words
        if not all(any(w.startswith(q) for w in all_words) for q in words):
            continue
        at = _phrase_at(entry.name_words, words)
        if area.kind == "state" and normalize(area.name) == " ".join(words):
            tier = 0  # "texas"
        elif area.kind == "state" and len(words) == 1 and entry.state_words[:1] == (words[0],):
            tier = 0  # "tx"
        elif postal is not None:
            tier = 1 if words[0] in entry.state_words else 4  # "tx": areas in Texas, then "Txarkana"-like prefixes
        elif at == 0:
            tier = 1  # "austin", "san francisco"
        elif at is not None:
            tier = 2  # "oakland", "round rock"
        else:
            tier = 3  # words spread over the name and the state: "rochester mn", "tx"
        scored.append(((tier, KIND_ORDER.get(area.kind, 9), len(area.name), area.name), area))
    scored.sort(key=lambda pair: pair[0])
    return [area for _, area in scored[:limit]]
