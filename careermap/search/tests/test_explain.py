"""What a result says about itself (matched, exact), synonyms, level words, the loose typo
fallback and the typeahead, in memory on fixture rows."""

from __future__ import annotations

import dataclasses

from careermap.search.documents import (
    DEFAULT_WEIGHTS,
    LEVEL_OF_WORD,
    Corpus,
    OccupationDoc,
    ReadDoc,
    TitleDoc,
    occupation_level,
)
from careermap.search.engine import SearchIndex
from careermap.search.querywords import query_words
from careermap.search.synonyms import Synonym
from careermap.search.tests.fixtures import fixture_corpus

CORPUS = fixture_corpus()
INDEX = SearchIndex(CORPUS)


def test_each_hit_says_which_title_matched() -> None:
    first = INDEX.search("skin doctor")[0]
    assert (first.key, first.matched, first.matched_kind) == ("29-1213.00", "Skin Doctor", "alternate title")
    first = INDEX.search("dermatologists")[0]
    assert (first.matched, first.matched_kind) == ("Dermatologists", "title")


def test_a_synonym_is_one_more_title_of_what_it_means() -> None:
    corpus = dataclasses.replace(
        CORPUS,
        synonyms=(
            Synonym(term="hackie", means="Taxi Drivers"),
            Synonym(term="youtuber", means="Data Entry Keyers", exact=False),
            Synonym(term="astronaut", means="Astronauts"),
        ),
    )
    index = SearchIndex(corpus)
    outcome = index.search_detail("hackie")
    assert outcome.exact is True
    assert (outcome.hits[0].key, outcome.hits[0].matched, outcome.hits[0].matched_kind) == (
        "53-3054.00",
        "hackie",
        "synonym",
    )
    closest = index.search_detail("youtuber")
    assert closest.exact is False  # the page says "no occupation matches this exactly; closest:"
    assert (closest.hits[0].key, closest.hits[0].matched_kind) == ("43-9021.00", "closest (synonym)")
    assert [s.term for s in index.unresolved] == ["astronaut"]  # no title has those words
    assert all(hit.matched != "hackie" for hit in INDEX.search("hackie"))  # without the entry


def test_a_synonym_of_a_read_finds_the_read_then_the_occupations_it_covers() -> None:
    """Issue 19: a gig or creator word finds the read that covers the work, and the occupation the
    read covers comes next, said to be the closest; an O*NET title with the same words keeps its own
    standing."""
    corpus = Corpus(
        occupations=(
            OccupationDoc("43-6014.00", "Secretaries and Administrative Assistants", "/o/1/", 1800.0),
            OccupationDoc("41-3041.00", "Travel Agents", "/o/2/", 60.0),
            OccupationDoc("53-3031.00", "Driver/Sales Workers", "/o/3/", 450.0),
        ),
        titles=(
            TitleDoc("41-3041.00", "Virtual Travel Assistant"),
            TitleDoc("43-6014.00", "Office Assistant"),
            TitleDoc("53-3031.00", "Food Delivery Driver"),
        ),
        reads=(
            ReadDoc("virtual-assistant", "Virtual assistant work", "", "/r/1/", ("43-6014.00",)),
            ReadDoc("food-delivery", "Food delivery", "", "/r/2/", ("53-3031.00",)),
        ),
        synonyms=(
            Synonym(term="virtual assistant", means="Virtual assistant work"),
            Synonym(term="doordash driver", means="Food delivery"),
        ),
    )
    index = SearchIndex(corpus)
    hits = index.search("virtual assistant", limit=3)
    assert [(h.key, h.matched_kind) for h in hits[:2]] == [
        ("virtual-assistant", "synonym"),
        ("43-6014.00", "closest (synonym)"),
    ]  # without the covered occupation's title, the travel agents' "Virtual Travel Assistant" came second
    hits = index.search("doordash driver", limit=2)  # the same words as O*NET's "Food Delivery Driver"
    assert [(h.key, h.matched_kind) for h in hits] == [("food-delivery", "synonym"), ("53-3031.00", "alternate title")]


def test_a_typo_is_read_as_the_word_it_misspells_and_says_so() -> None:
    """A misspelt title is the title as read: the page says "Showing results for 'registered
    nurse'" and counts it exact, where it used to say no occupation matched "registred nurse"."""
    assert (INDEX.search_detail("registered nurse").exact, INDEX.search_detail("registered nurse").read_as) == (
        True,
        "",
    )
    outcome = INDEX.search_detail("registred nurse")
    assert (outcome.exact, outcome.read_as, outcome.hits[0].key) == (True, "registered nurse", "29-1141.00")
    assert INDEX.search_detail("Skin doctr").read_as == "Skin doctor"  # the rest as typed
    assert INDEX.search_detail("plumbng").read_as == "plumbing"
    # a word cut short is shorthand, not a slip: matched as what it stands for, shown as typed
    assert (INDEX.search_detail("charge nurs").exact, INDEX.search_detail("charge nurs").read_as) == (True, "")


def test_a_typo_read_as_a_reviewed_misspelling_is_not_offered_as_its_spelling() -> None:
    """ "kashier" was read as "kasheer", a misspelling synonyms.yaml holds: the page said "Showing
    results for 'kasheer'". A word only a reviewed entry holds is no spelling to offer."""
    index = SearchIndex(dataclasses.replace(CORPUS, synonyms=(Synonym(term="taksee driver", means="Taxi Drivers"),)))
    outcome = index.search_detail("taksie driver")
    assert (outcome.hits[0].key, outcome.exact, outcome.read_as) == ("53-3054.00", True, "")
    assert index.search_detail("taxi drivr").read_as == "taxi driver"


def test_what_a_job_ad_adds_beside_the_job_is_not_missing_from_an_exact_match() -> None:
    """ "line cook nights", "data entry remote": the job is found exactly; the schedule or the
    place of work is no word the title lacks."""
    for query in (
        "registered nurse weekends",
        "registered nurse summer",
        "weekend registered nurse",
        "prn registered nurse",  # "as needed" and "per diem" were marked no exact match
        "per diem registered nurse",
    ):
        outcome = INDEX.search_detail(query)
        assert (outcome.hits[0].key, outcome.exact) == ("29-1141.00", True), query
    for query in ("taxi driver nights", "taxi driver night shift", "taxi driver part time"):  # words titles hold
        outcome = INDEX.search_detail(query)
        assert (outcome.hits[0].key, outcome.exact) == ("53-3054.00", True), query
    # a job-ad word that can name a job is not passed over ("night porter", "daily news reporter")
    assert INDEX.search_detail("taxi driver daily").exact is False


def test_what_was_read_keeps_the_case_typed_and_reads_accents_as_the_search_does() -> None:
    """A review found "Registred Nurse" shown as "registered Nurse", and "registréd nurse" shown
    unchanged, as if it had been read as typed."""
    assert INDEX.search_detail("Registred Nurse").read_as == "Registered Nurse"
    assert INDEX.search_detail("REGISTRED NURSE").read_as == "REGISTERED NURSE"
    assert INDEX.search_detail("registréd nurse").read_as == "registered nurse"
    assert INDEX.search_detail("registred nurse registred").read_as == "registered nurse registered"


def test_a_job_ad_word_no_title_holds_is_no_typo_and_a_former_job_alone_names_none() -> None:
    """ "nurse retired" was read as a tire "retread"; "ex retired" found a retread supervisor."""
    outcome = INDEX.search_detail("registered nurse retired")
    assert (outcome.hits[0].key, outcome.exact, outcome.read_as) == ("29-1141.00", True, "")
    for query in ("ex retired", "former", "retired"):
        outcome = INDEX.search_detail(query)
        assert (outcome.hits, outcome.names_no_job) == ([], True), query


def test_exact_is_false_when_a_word_is_missing_typo_or_not() -> None:
    assert INDEX.search_detail("registered nurse plumber").exact is False
    outcome = INDEX.search_detail("plumbng taxi")
    assert (outcome.exact, outcome.read_as) == (False, "plumbing taxi")  # what was read, and not found whole
    assert INDEX.search_detail("xxyyzz").hits == []


def test_a_word_too_far_from_any_title_still_finds_the_closest() -> None:
    # two slips, far from every word of the index (synonyms.yaml's "plumbing contractor" put
    # "plumbing" one letter from the "plumbng" this test used to type)
    assert query_words(INDEX, ["pulmbre"]) == []  # beyond the usual typo cutoff ...
    outcome = INDEX.search_detail("pulmbre")
    assert outcome.hits[0].key in {"47-2152.00", "plumber"}  # ... so the looser one answers
    assert outcome.exact is False
    assert outcome.read_as == ""  # a guess, not a reading: the page says "closest" and nothing more


def test_occupation_levels() -> None:
    assert occupation_level("11-9051.00", "Food Service Managers") == "management"
    assert occupation_level("35-1012.00", "First-Line Supervisors of Food Preparation and Serving Workers") == (
        "supervisor"
    )
    assert occupation_level("47-3015.00", "Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters") == "helper"
    assert occupation_level("31-1131.00", "Nursing Assistants") == "assistant"
    assert occupation_level("35-2014.00", "Cooks, Restaurant") == ""
    assert occupation_level("25-1194.00", "Career/Technical Education Teachers, Postsecondary") == "teaching"
    assert occupation_level("25-9042.00", "Teaching Assistants, Preschool, Elementary, ...") == "assistant"
    assert occupation_level("25-4022.00", "Librarians and Media Collections Specialists") == ""


def test_a_level_word_moves_results_to_that_level_when_weighted() -> None:
    corpus = Corpus(
        occupations=(
            OccupationDoc("11-9051.00", "Food Service Managers", "/o/1/", 300.0),
            OccupationDoc(
                "35-1012.00", "First-Line Supervisors of Food Preparation and Serving Workers", "/o/2/", 1100.0
            ),
        ),
        titles=(
            TitleDoc("35-1012.00", "Restaurant Manager"),
            TitleDoc("35-1012.00", "Restaurant Shift Lead"),
            TitleDoc("11-9051.00", "Food and Beverage Manager"),
            TitleDoc("11-9051.00", "Restaurant General Manager"),
        ),
    )
    flat = SearchIndex(corpus, dataclasses.replace(DEFAULT_WEIGHTS, level_match=0.0, level_other=0.0))
    levelled = SearchIndex(
        corpus, dataclasses.replace(DEFAULT_WEIGHTS, level_match=2.0, level_other=2.0, level_window=0.0)
    )
    assert flat.search("restaurant manager")[0].key == "35-1012.00"
    assert levelled.search("restaurant manager")[0].key == "11-9051.00"
    assert levelled.search("restaurant supervisor")[0].key == "35-1012.00"


def test_typeahead_suggests_titles_by_prefix_most_held_first() -> None:
    found = INDEX.suggest("nur")
    assert [s.key for s in found[:3]] == ["29-1141.00", "29-1141.03", "31-1131.00"]
    assert all(any(word.startswith("nur") for word in s.text.lower().split()) for s in found)
    assert len({(s.kind, s.key) for s in found}) == len(found)  # one per occupation or read
    # one suggestion per occupation: "Cab Driver" or the synonym "cabbie", both Taxi Drivers
    assert [(s.key, s.url) for s in INDEX.suggest("cab")] == [("53-3054.00", "/occupations/53-3054.00/")]
    assert INDEX.suggest("n") == []  # too short to suggest
    assert INDEX.suggest("zzzz") == []
    assert len(INDEX.suggest("nur", limit=2)) == 2


def _kitchen(cook_jobs: float, cook_title: str) -> Corpus:
    """Two occupations, one of them of the management level."""
    return Corpus(
        occupations=(
            OccupationDoc("11-9051.00", "Food Service Managers", "/o/1/", 300.0),
            OccupationDoc("35-2014.00", "Cooks, Restaurant", "/o/2/", cook_jobs),
        ),
        titles=(TitleDoc("11-9051.00", "Kitchen Manager"), TitleDoc("35-2014.00", cook_title)),
    )


def test_a_level_word_only_breaks_near_ties() -> None:
    """Issue 19, second pass: the level word moves an occupation of its level up only when it is
    within `level_window` of the best on the other words; a far weaker match stays below."""
    corpus = _kitchen(300.0, "Kitchen Cook Manager")
    flat = SearchIndex(corpus, dataclasses.replace(DEFAULT_WEIGHTS, level_match=0.0))
    scores = {hit.key: hit.score for hit in flat.search("kitchen cook manager")}
    gap = scores["35-2014.00"] - scores["11-9051.00"]  # the cooks' exact title is ahead
    assert 0.5 < gap < 1.0

    def first(window: float) -> str:
        index = SearchIndex(corpus, dataclasses.replace(DEFAULT_WEIGHTS, level_match=5.0, level_window=window))
        return index.search("kitchen cook manager")[0].key

    assert first(0.0) == "11-9051.00"  # no window: a bonus on every result
    assert first(1.0) == "11-9051.00"  # within the window: the level word decides
    assert first(0.5) == "35-2014.00"  # outside it: the level word cannot move the far weaker match


def test_management_is_not_a_level_word() -> None:
    assert LEVEL_OF_WORD["manager"] == "management"
    assert "management" not in LEVEL_OF_WORD  # a field as often as a level: "Change Management Analyst"


def test_a_teacher_with_no_college_word_is_a_school_teacher() -> None:
    """Issue 19: "physics teacher" means a high-school teacher; college teaching is said with
    professor, lecturer, college or postsecondary."""
    corpus = Corpus(
        occupations=(
            OccupationDoc("25-1054.00", "Physics Teachers, Postsecondary", "/o/1/", 15.0),
            OccupationDoc(
                "25-2031.00",
                "Secondary School Teachers, Except Special and Career/Technical Education",
                "/o/2/",
                1000.0,
            ),
        ),
        titles=(
            TitleDoc("25-1054.00", "Physics Professor"),
            TitleDoc("25-1054.00", "Applied Physics Teacher"),
            TitleDoc("25-1054.00", "Nuclear Physics Teacher"),
            TitleDoc("25-2031.00", "Physics Teacher"),
            TitleDoc("25-2031.00", "Chemistry Teacher"),
        ),
    )

    def first(query: str, unsaid: float) -> str:
        index = SearchIndex(corpus, dataclasses.replace(DEFAULT_WEIGHTS, college_unsaid=unsaid))
        return index.search(query)[0].key

    assert first("physics teacher", 0.0) == "25-1054.00"  # the college teachers' own title and titles outvote
    assert first("physics teacher", DEFAULT_WEIGHTS.college_unsaid) == "25-2031.00"
    assert first("physics professor", DEFAULT_WEIGHTS.college_unsaid) == "25-1054.00"
    assert first("college physics teacher", DEFAULT_WEIGHTS.college_unsaid) == "25-1054.00"
