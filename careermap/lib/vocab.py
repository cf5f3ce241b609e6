"""The site's shared vocabularies, written once: interest types, education levels, time bands.

Pure: no Django, no I/O, so the pure modules (the quiz's rules, the importers' parsers) can import
it. Each vocabulary has one list of keys in its one order; the label sets below are different
wordings of the same keys for different places (a filter or a fact line vs. a sentence), and
careermap/lib/tests/test_vocab.py checks that every label set covers exactly those keys.
"""

from __future__ import annotations

from typing import Literal

# Holland's six interest types, in O*NET's order (R I A S E C).
Riasec = Literal["R", "I", "A", "S", "E", "C"]
RIASEC: tuple[Riasec, ...] = ("R", "I", "A", "S", "E", "C")
RIASEC_NAMES: dict[str, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

# Typical education needed to start, lowest first (BLS's entry-level education categories).
EducationLevel = Literal[
    "none",
    "high-school",
    "postsecondary-certificate",
    "associate",
    "bachelor",
    "master",
    "doctoral",
]
EDUCATION_LEVELS: tuple[EducationLevel, ...] = (
    "none",
    "high-school",
    "postsecondary-certificate",
    "associate",
    "bachelor",
    "master",
    "doctoral",
)
EDUCATION_ORDER: dict[str, int] = {key: i for i, key in enumerate(EDUCATION_LEVELS)}
EDUCATION_LABELS: dict[str, str] = {  # on a fact line or a filter
    "none": "No formal education required",
    "high-school": "High school diploma or equivalent",
    "postsecondary-certificate": "Postsecondary certificate",
    "associate": "Associate degree",
    "bachelor": "Bachelor's degree",
    "master": "Master's degree",
    "doctoral": "Doctoral or professional degree",
}
EDUCATION_IN_A_SENTENCE: dict[str, str] = {  # "... usually needs {}"
    "none": "no formal credential",
    "high-school": "a high school diploma or equivalent",
    "postsecondary-certificate": "a postsecondary certificate",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctoral": "a doctoral or professional degree",
}

# Time to first dollar. "uneven" ranks with weeks: money can arrive quickly but not predictably.
Band = Literal["days", "weeks", "months", "year-plus", "uneven"]
BANDS: tuple[Band, ...] = ("days", "weeks", "uneven", "months", "year-plus")
BAND_ORDER: dict[str, int] = {"days": 0, "weeks": 1, "uneven": 1, "months": 2, "year-plus": 3}
BAND_LABELS: dict[str, str] = {  # on a fact line or a filter
    "days": "Days",
    "weeks": "Weeks",
    "months": "Months",
    "year-plus": "A year or more",
    "uneven": "Uneven",
}
BAND_IN_A_SENTENCE: dict[str, str] = {  # "first dollar in {}"
    "days": "days",
    "weeks": "weeks",
    "uneven": "an uneven time (weeks for some, longer for others)",
    "months": "months",
    "year-plus": "a year or more",
}
