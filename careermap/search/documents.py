"""What the search index is built from and what it answers with: the documents (occupations, their
titles, reads), the hits, the level words, and the tunable `Weights`. Pure: no Django.

Split from engine.py (issue #18: no module over 500 lines); the engine imports everything here.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable

from careermap.search.synonyms import Synonym


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
    synonyms: tuple[Synonym, ...] = ()  # synonyms.yaml: lay words, each one more title of what it means


@dataclasses.dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "occupation" or "read"
    key: str  # O*NET-SOC code or read slug
    title: str
    url: str
    score: float
    matched: str = ""  # the title or synonym that matched best, as written in the index
    matched_kind: str = ""  # "title", "alternate title", "synonym", "closest (synonym)", "description", "occupation"


@dataclasses.dataclass(frozen=True)
class Outcome:
    hits: list[Hit]
    exact: bool  # the first hit holds every word meant (typos as read), and is no "closest" synonym
    names_no_job: bool = False  # only job-search words ("jobs near me"): no hits, on purpose
    broad: int = 0  # a lone role word ("engineer"): how many occupations have titles it heads
    read_as: str = ""  # the query with its typos as they were read ("registered nurse"); "" if none


@dataclasses.dataclass(frozen=True, slots=True)
class Suggestion:
    text: str  # the title as written: "Registered Nurses", "RN"
    kind: str
    key: str
    title: str  # the occupation's or read's own title
    url: str


# Level words (issue 19): a query holding one moves toward occupations of that level and away from
# those of another. Apprentices and trainees are not a level: SOC counts them in their trade
# (text.TRAINEE_WORDS). "head" is left out: "head cook" and "head nurse" are not managers, and
# "management" names a field as often as a level ("Change Management Analyst"). Teaching is a level
# of its own: "barbering instructor" teaches barbering, and is no barber.
LEVEL_OF_WORD = {
    "manager": "management",
    "managers": "management",
    "director": "management",
    "directors": "management",
    "chief": "management",
    "supervisor": "supervisor",
    "supervisors": "supervisor",
    "foreman": "supervisor",
    "forewoman": "supervisor",
    "lead": "supervisor",
    "helper": "helper",
    "helpers": "helper",
    "assistant": "assistant",
    "assistants": "assistant",
    "aide": "assistant",
    "aides": "assistant",
    "teacher": "teaching",
    "teachers": "teaching",
    "instructor": "teaching",
    "instructors": "teaching",
    "professor": "teaching",
    "professors": "teaching",
    "educator": "teaching",
    "educators": "teaching",
    "lecturer": "teaching",
    "lecturers": "teaching",
}


# Who supervises whom (issue 19): SOC gives most worker groups one first-line supervisor occupation.
# A query naming a supervisor and a field ("telesales supervisor", "masonry foreman") lifts the
# supervisors of the workers the field's words find. Longest prefix first; groups with no
# first-line supervisor (computing, health care, teaching, ...) are absent.
SUPERVISED_BY = (
    ("33-301", "33-1011"),  # correctional officers, bailiffs
    ("33-3", "33-1012"),  # police and detectives
    ("33-2", "33-1021"),  # firefighting and prevention
    ("33-9", "33-1091"),  # security guards and other protective service
    ("35-", "35-1012"),  # food preparation and serving
    ("37-2", "37-1011"),  # housekeeping and janitorial
    ("37-3", "37-1012"),  # landscaping and groundskeeping
    ("39-301", "39-1013"),  # gambling services
    ("39-3", "39-1014"),  # entertainment and recreation
    ("39-", "39-1022"),  # personal care and service
    ("41-2", "41-1011"),  # retail sales
    ("41-", "41-1012"),  # non-retail sales
    ("43-", "43-1011"),  # office and administrative support
    ("45-", "45-1011"),  # farming, fishing and forestry
    ("47-", "47-1011"),  # construction trades and extraction
    ("49-", "49-1011"),  # installation, maintenance and repair
    ("51-", "51-1011"),  # production
    ("53-706", "53-1042"),  # hand laborers and material movers
    ("53-3", "53-1043"),  # drivers
    ("53-7", "53-1043"),  # material-moving machine operators
    ("53-2031", "53-1044"),  # flight attendants
    ("53-6061", "53-1044"),  # passenger attendants
    ("53-", "53-1049"),  # other transportation workers
)


def supervisor_of(code: str) -> str | None:
    """The SOC code (no O*NET suffix) of the first-line supervisors of an occupation's workers; none
    for the supervisors themselves (minor group XX-1xxx in every group the table names)."""
    if code[3:4] == "1":
        return None
    for prefix, supervisor in SUPERVISED_BY:
        if code.startswith(prefix):
            return supervisor
    return None


# A "teacher" with no word of these is a school teacher: people say professor, lecturer or
# instructor for college teaching, and "physics teacher" means a high-school one.
COLLEGE_WORDS = frozenset(
    {
        *("professor", "professors", "lecturer", "lecturers", "adjunct", "faculty", "postsecondary"),
        *("college", "colleges", "collegiate", "university", "universities", "graduate", "undergraduate"),
    }
)


def is_college_teacher(code: str) -> bool:
    """SOC 25-1xxx: Postsecondary Teachers."""
    return code.startswith("25-1")


def is_physician(code: str) -> bool:
    """SOC 29-121x to 29-124x: Physicians and Surgeons (29-129x are acupuncturists, dental hygienists
    and other health diagnosing and treating practitioners)."""
    return code.startswith("29-12") and not code.startswith("29-129")


def occupation_level(code: str, title: str) -> str:
    """The level of an occupation, from its SOC group and title: management (11-xxxx), first-line
    supervisors, helpers, assistants and aides, teachers (25-1xxx to 25-3xxx), or "" for the rest."""
    lower = title.lower()
    if code.startswith("11-"):
        return "management"
    if "supervisors" in lower:
        return "supervisor"
    if lower.startswith("helpers"):
        return "helper"
    if "assistants" in lower or "aides" in lower:
        return "assistant"
    if code.startswith(("25-1", "25-2", "25-3")):
        return "teaching"
    return ""


@dataclasses.dataclass(frozen=True)
class Weights:
    """Every tunable number, chosen on the dev split of eval/search_eval.py (never on test), except
    `exact`, `exact_main` and `prior`, set for behaviour the held-out titles cannot show."""

    # Words
    modifier: float = 0.6  # weight of a modifier ("senior", "licensed") relative to its idf
    fuzzy_cutoff: float = 80.0  # rapidfuzz ratio below which an unknown word matches nothing
    desc_word: float = 1.0  # weight of a word only descriptions and tasks hold, relative to its idf
    clipped: float = 0.9  # weight of the word an unknown word begins ("chiro" → chiropractor), relative to its idf
    employer: float = 0.3  # weight of an employer's name beside a job word ("walmart cashier"), relative to its idf
    far_typo: float = 0.3  # an unknown word beside known ones, read as a word two or more slips away
    # Titles
    query_cover: float = 0.6  # share of a title's score from how much of the query it covers
    head_match: float = 0.2  # the title's head noun is the query's head noun
    head_present: float = 0.0  # the query's head noun is elsewhere in the title
    all_words: float = 0.3  # the title holds every word of the query
    exact: float = 0.5  # the title has exactly the query's words
    exact_main: float = 2.0  # ... and is an occupation's or a read's own title
    occupation_title: float = 1.0  # multiplier for an occupation's own title
    catch_all: float = 0.7  # multiplier for an "All Other" occupation's own title: not the name of a job
    verbatim: float = 0.01  # an occupation's full title typed word for word leads the best other score by this
    excluded: float = 0.5  # multiplier for an occupation whose title's "Except ..." clause holds a query word
    synonym: float = 1.5  # multiplier for a synonyms.yaml term: reviewed, so above O*NET's look-alike titles
    synonym_partial: float = 1.0  # the most a title's weight counts when the query has words it lacks
    covered_synonym: float = 0.5  # the term of a read's entry, as a title of each occupation the read covers
    # Occupations
    entry: float = 1.0  # weight of the best-titles score
    votes: int = 6  # titles counted per occupation
    vote_decay: float = 0.6  # weight of the 2nd best title; the 3rd gets its square, and so on
    lm: float = 0.5  # weight of the language-model score
    lm_mu: float = 10.0  # Dirichlet smoothing of the title bags, in words
    lm_head: float = 0.5  # weight of head-noun features in the model, relative to words
    head_power: float = 2.0  # > 1 gives specific heads ("dermatologist") more weight than common ones
    lm_root: float = 0.5  # weight of six-letter roots ("actuar" for actuary, actuarial)
    lm_desc: float = 0.6  # weight of description and task words
    lm_desc_mu: float = 200.0  # Dirichlet smoothing of the description bags, in words
    prior: float = 0.02  # × log(1 + employment in thousands)
    seniority_optional: float = 1.0  # 1: a title lacking only the query's seniority words holds every word
    prior_short: float = 0.3  # added to `prior` for a one-word query: the common job first
    level_match: float = 0.2  # an occupation of the level the query names ("manager" → 11-xxxx)
    level_other: float = 0.0  # taken from an occupation of another level
    level_window: float = 0.15  # if > 0, the level weights move only occupations this close to the best
    teaching: float = 0.4  # a teaching word ("instructor", "professor") lifts every teaching occupation found
    supervisor_inherit: float = 1.0  # "X supervisor": the share of the X workers' score their supervisors get
    college_unsaid: float = 1.2  # taken from college teachers (25-1xxx) when a "teacher" query names no college
    doctor_unsaid: float = 1.0  # taken from physicians when the query's head is a role none of their titles has
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
