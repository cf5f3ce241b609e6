"""The index and its ranking, in memory, on fixture rows (no database)."""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careermap.search.documents import Corpus, OccupationDoc, TitleDoc, employment_by_code, supervisor_of
from careermap.search.engine import BROAD_HEAD, SearchIndex
from careermap.search.querywords import closest_typos, query_words, slips_between, split_compound
from careermap.search.synonyms import Synonym, misspelt_words
from careermap.search.tests.fixtures import fixture_corpus

INDEX = SearchIndex(fixture_corpus())


def top(query: str, n: int = 1) -> list[str]:
    return [hit.key for hit in INDEX.search(query, limit=n)]


def test_the_issue_examples_reach_the_right_result() -> None:
    assert top("data labeler") == ["ai-data-labeling"]
    assert top("RN") == ["29-1141.00"]
    assert {"53-3054.00", "rideshare-driving"} <= set(top("uber driver", 2))
    # apprentices go with their trade: the plumber occupation and read, then the helpers
    assert top("plumber apprentice", 3) == ["47-2152.00", "plumber", "47-3015.00"]
    assert top("registred nurse") == ["29-1141.00"]


def test_typos_are_tolerated() -> None:
    assert top("registred nurse") == top("registered nurse")
    assert top("plumbr", 2) == top("plumber", 2)  # the plumber read, then its occupation
    assert "47-2152.00" in top("plumbr", 2)
    assert top("dermatolgist") == ["29-1213.00"]
    assert top("softwear developer") == ["15-1252.00"]


def tiny_index(
    occupations: dict[str, str],
    titles: list[tuple[str, str]],
    synonyms: tuple[Synonym, ...] = (),
    descriptions: dict[str, str] | None = None,
) -> SearchIndex:
    """An index of a few occupations (code → title), their alternate titles, synonyms and descriptions."""
    described = descriptions or {}
    return SearchIndex(
        Corpus(
            occupations=tuple(
                OccupationDoc(code, title, f"/o/{code}/", description=described.get(code, ""))
                for code, title in occupations.items()
            ),
            titles=tuple(TitleDoc(code, title) for code, title in titles),
            synonyms=synonyms,
        )
    )


def firsts(index: SearchIndex, query: str, n: int = 1) -> list[str]:
    return [hit.key for hit in index.search(query)][:n]


def test_a_short_unknown_word_is_no_typo_of_a_much_longer_one() -> None:
    """rapidfuzz rates "sous" and "scouts" 80, the typo cutoff: "sous chef" found coaches and scouts."""
    index = tiny_index(
        {"27-2022.00": "Coaches and Scouts", "35-1011.00": "Chefs and Head Cooks"},
        [("27-2022.00", "Talent Scouts"), ("35-1011.00", "Executive Chef")],
    )
    assert firsts(index, "sous chef") == ["35-1011.00"]
    assert firsts(index, "scuots") == ["27-2022.00"]  # a same-length typo still is one


def test_a_word_cut_short_is_the_job_word_it_begins() -> None:
    """People clip job words ("chiro", "derm"); rapidfuzz took "chiro" for "choir"."""
    index = tiny_index(
        {
            "27-2041.00": "Music Directors and Composers",
            "29-1011.00": "Chiropractors",
            "31-9092.00": "Medical Assistants",
        },
        [
            ("27-2041.00", "Choir Director"),
            ("31-9092.00", "Chiropractic Assistant"),
            ("31-9092.00", "Chiropractic Aide"),
        ],
    )
    # of the words "chiro" begins, the one titles use as their head noun, not the commoner adjective
    assert firsts(index, "chiro") == ["29-1011.00"]
    assert firsts(index, "chiro assistant") == ["31-9092.00"]
    assert firsts(index, "choier") == ["27-2041.00"]  # a typo is still a typo


def test_a_word_cut_short_is_read_by_the_words_beside_it() -> None:
    """ "resp therapist" is a respiratory therapist, though "response" heads more titles; "bldg"
    and "plmbr" drop letters rather than end early; "amazon" (two vowels kept) is no abbreviation."""
    index = tiny_index(
        {
            "29-1126.00": "Respiratory Therapists",
            "33-9099.00": "Emergency Response Coordinators",
            "49-9071.00": "Maintenance and Repair Workers",
            "47-2152.00": "Plumbers",
            "15-1243.01": "Data Warehousing Specialists",
            "53-7065.00": "Stockers and Order Fillers",
        },
        [
            ("33-9099.00", "Response Specialist"),
            ("33-9099.00", "Response Officer"),
            ("33-9099.00", "Response Team Leader"),
            ("33-9099.00", "Crisis Response Therapist"),
            ("29-1126.00", "Respiratory Care Therapist"),
            ("29-1126.00", "Respiratory Therapist"),
            ("49-9071.00", "Building Engineer"),
            ("53-7065.00", "Warehouse Associate"),
            ("15-1243.01", "Data Warehouse Analyst"),
            ("15-1243.01", "Americanization Data Warehouse Analyst"),
        ],
    )
    assert firsts(index, "resp") == ["33-9099.00"]  # alone: the commonest word it begins
    assert firsts(index, "resp therapist") == ["29-1126.00"]  # beside "therapist": respiratory
    assert firsts(index, "bldg engineer") == ["49-9071.00"]
    assert firsts(index, "plmbr") == ["47-2152.00"]  # was nothing: too far from "plumber" as a typo
    # "amazon" keeps its vowels: no abbreviation of "americanization"
    assert firsts(index, "amazon warehouse associate") == ["53-7065.00"]


def test_two_typed_words_that_titles_write_as_one_are_joined() -> None:
    """ "book keeper" found animal keepers; "rail car" stays two words where titles use both."""
    index = tiny_index(
        {"43-3031.00": "Bookkeeping Clerks", "39-2021.00": "Animal Caretakers", "49-3043.00": "Rail Car Repairers"},
        [
            ("43-3031.00", "Bookkeeper"),
            ("43-3031.00", "Full Charge Bookkeeper"),
            ("39-2021.00", "Keeper"),
            ("39-2021.00", "Zoo Keeper"),
            ("49-3043.00", "Railcar Mechanic"),
            ("49-3043.00", "Rail Car Mechanic"),
        ],
    )
    assert firsts(index, "book keeper") == ["43-3031.00"]
    assert firsts(index, "rail car repairer") == ["49-3043.00"]


def test_a_typo_is_the_word_fewest_letters_away() -> None:
    """rapidfuzz's ratio counts a changed letter twice: "electrition" rated electrification (84.6)
    above electrician (81.8), two letters changed."""
    index = tiny_index(
        {
            "47-2111.00": "Electricians",
            "17-2071.00": "Electrical Engineers",
            "11-1021.00": "General Managers",
            "51-6011.00": "Laundry Workers",
        },
        [
            ("17-2071.00", "Rural Electrification Engineer"),
            ("47-2111.00", "Electrician"),
            ("11-1021.00", "Operations Manager"),
            ("11-1021.00", "Store Manager"),
            ("51-6011.00", "Mangler"),
        ],
    )
    assert firsts(index, "electrition") == ["47-2111.00"]
    # one letter from manager and from mangler: the word more titles hold
    assert [word for word, _ in closest_typos(index, "manger", 80.0)] == ["manager"]


def test_two_letters_swapped_are_one_slip_and_the_words_beside_a_typo_choose() -> None:
    """ "drvier" is one letter from "drier" and two letters swapped from "driver": rapidfuzz rated
    drier higher, so "truck drvier" found the drying-machine operators."""
    index = tiny_index(
        {"53-3032.00": "Truck Drivers", "51-3091.00": "Drying Machine Operators", "23-1011.00": "Lawyers"},
        [
            ("53-3032.00", "Driver"),
            ("53-3032.00", "Truck Driver"),
            ("51-3091.00", "Drier"),
            ("51-3091.00", "Drier Operator"),
            ("51-3091.00", "Layer"),
            ("51-3091.00", "Layer Operator"),
            ("23-1011.00", "Lawyer"),
        ],
    )
    assert firsts(index, "truck drvier") == ["53-3032.00"]
    assert [word for word, _ in closest_typos(index, "drvier", 80.0)] == ["driver"]
    # a letter dropped is likelier than a letter changed: lawyer, not layer, though layer is commoner
    assert [word for word, _ in closest_typos(index, "lawer", 80.0)] == ["lawyer"]
    # "paker" is one letter from packer and from parker: the words typed beside it choose
    index = tiny_index(
        {"53-7064.00": "Packers and Packagers", "53-6021.00": "Parking Attendants"},
        [("53-7064.00", "Warehouse Packer"), ("53-6021.00", "Valet Parker"), ("53-6021.00", "Car Parker")],
    )
    assert [qw.word for qw in query_words(index, ["warehouse", "paker"])] == ["warehouse", "packer"]
    assert [qw.word for qw in query_words(index, ["valet", "paker"])] == ["valet", "parker"]
    assert firsts(index, "warehouse paker") == ["53-7064.00"]


def test_an_employer_named_beside_a_job_weighs_little_and_is_no_typo() -> None:
    """ "kroger clerk" found a farm "Roguer"; "walmart driver" took the "walmart associate" synonym
    from every driver title."""
    index = tiny_index(
        {
            "45-2092.00": "Farmworkers",
            "43-9061.00": "Office Clerks",
            "43-4071.00": "File Clerks",
            "41-2031.00": "Retail Salespersons",
            "53-3032.00": "Truck Drivers",
        },
        [
            ("45-2092.00", "Roguer"),
            ("45-2092.00", "Corn Roguer"),
            ("43-9061.00", "Clerk"),
            ("43-4071.00", "File Clerk"),
            ("53-3032.00", "Driver"),
            ("53-3032.00", "Truck Driver"),
            ("41-2031.00", "Sales Associate"),
        ],
        (Synonym("walmart associate", "Retail Salespersons"), Synonym("walmart greeter", "Retail Salespersons")),
    )
    read = {qw.word: qw.weight for qw in query_words(index, ["kroger", "clerk"])}
    assert set(read) == {"clerk"}  # no "roguer"
    read = {qw.word: qw.weight for qw in query_words(index, ["walmart", "driver"])}
    assert read["walmart"] < read["driver"]
    assert firsts(index, "kroger clerk") == ["43-9061.00"]
    assert firsts(index, "walmart driver") == ["53-3032.00"]
    assert firsts(index, "walmart associate") == ["41-2031.00"]  # the entry itself still answers
    # the employer is understood, not missing: no "closest" note
    assert index.search_detail("kroger clerk").exact is True
    assert index.search_detail("walmart driver").exact is True
    # named alone, an employer no title holds is no typo either: nothing, not the corn roguers
    assert firsts(index, "kroger") == []
    assert firsts(index, "walmart") == ["41-2031.00"]  # held by an entry, it is a word like any other


def test_a_typo_that_shares_a_stem_with_a_rare_word_is_still_a_typo() -> None:
    """ "enginer" stems to engin, the stem of engine, and found engine mechanics; one letter from
    engineer, a word many more titles hold, it is read as engineer."""
    index = tiny_index(
        {"49-3031.00": "Engine Mechanics", "17-2141.00": "Mechanical Engineers"},
        [
            ("49-3031.00", "Engine Mechanic"),
            ("17-2141.00", "Design Engineer"),
            ("17-2141.00", "Project Engineer"),
            ("17-2141.00", "Engineer"),
            ("17-2141.00", "Field Engineer"),
            ("17-2141.00", "Plant Engineer"),
        ],
    )
    assert firsts(index, "enginer") == ["17-2141.00"]
    assert firsts(index, "engine") == ["49-3031.00"]


def test_the_typeahead_shows_the_occupation_title_before_a_synonym() -> None:
    index = tiny_index(
        {"29-1141.00": "Registered Nurses"},
        [("29-1141.00", "Staff Nurse")],
        (Synonym("nursing sister", "Registered Nurses"),),
    )
    assert [s.text for s in index.suggest("nur")] == ["Registered Nurses"]
    assert [s.text for s in index.suggest("sister")] == ["nursing sister"]


def test_an_occupation_title_typed_word_for_word_finds_it() -> None:
    """Without its stop words "Disc Jockeys, Except Radio" is "Radio Disc Jockeys", and the two tied."""
    index = tiny_index(
        {"27-2091.00": "Disc Jockeys, Except Radio", "27-3011.00": "Broadcast Announcers and Radio Disc Jockeys"},
        [("27-3011.00", "Radio Disc Jockey"), ("27-2091.00", "Club DJ")],
    )
    assert firsts(index, "Disc Jockeys, Except Radio") == ["27-2091.00"]
    assert firsts(index, "disc jockeys except radio") == ["27-2091.00"]  # case and commas aside


def test_the_same_words_in_another_order_are_another_title() -> None:
    """Typed "lead tech" found software developers: the term "tech lead" held its words and no more."""
    index = tiny_index(
        {
            "15-1252.00": "Software Developers",
            "49-3023.00": "Automotive Service Technicians and Mechanics",
        },
        [("49-3023.00", "Lead Automotive Technician"), ("49-3023.00", "Auto Technician")],
        (
            Synonym("tech lead", "Software Developers"),
            Synonym("lead auto technician", "Automotive Service Technicians"),
        ),
    )
    assert firsts(index, "tech lead") == ["15-1252.00"]
    assert firsts(index, "lead tech") == ["49-3023.00"]
    assert firsts(index, "lead, tech") == ["15-1252.00"]  # a comma turns a title round on purpose
    # ... and so does "of": "Director of Nursing" is still the query, not a longer term that has its
    # words in order
    index = tiny_index(
        {"11-9111.00": "Medical and Health Services Managers", "13-1071.00": "Human Resources Specialists"},
        [("11-9111.00", "Director of Nursing")],
        (Synonym("nursing director recruiter", "Medical and Health Services Managers"),),
    )
    assert index.search("nursing director")[0].matched == "Director of Nursing"
    assert index.search_detail("nursing director").exact


def test_an_officer_is_not_an_office() -> None:
    """The stemmer took officer and office (and customer and customs) for one word."""
    index = tiny_index(
        {
            "43-9061.00": "Office Clerks",
            "33-3051.00": "Police Officers",
            "33-3051.04": "Customs Officers",
            "43-4051.00": "Customer Service Representatives",
        },
        [
            ("43-9061.00", "Office Assistant"),
            ("33-3051.00", "Patrol Officer"),
            ("33-3051.00", "Officer"),
            ("43-4051.00", "Customer Service Clerk"),
            ("43-4051.00", "Customer Care Agent"),
        ],
    )
    assert firsts(index, "office") == ["43-9061.00"]
    assert firsts(index, "customs clerk") == ["33-3051.04"]


def test_a_synonym_outweighs_other_titles_only_for_queries_inside_it() -> None:
    """A reviewed synonym counts above O*NET's titles (1.5×) when the query is within it; sharing
    only "instructor", "fitness instructor" ranked above every other instructor title for
    "engineering fundamentals instructor" and took it from the engineering teachers."""
    index = tiny_index(
        {"25-1121.00": "Art Teachers", "39-9031.00": "Exercise Trainers", "25-1032.00": "Engineering Teachers"},
        [
            ("25-1121.00", "Drawing Teacher"),
            ("25-1121.00", "Art Instructor"),
            ("25-1032.00", "Engineering Instructor"),
            ("39-9031.00", "Personal Trainer"),
        ],
        (Synonym("fitness instructor", "Exercise Trainers"),),
    )
    # the synonym shares only "instructor": it ranks like the other instructor titles, not above them
    assert firsts(index, "drawing instructor", 3) == ["25-1121.00", "25-1032.00", "39-9031.00"]
    assert firsts(index, "fitness instructor") == ["39-9031.00"]
    assert firsts(index, "instructor") == ["39-9031.00"]  # inside it: still first


def test_a_compound_of_two_known_words_is_split() -> None:
    assert INDEX.search("truckdriver") == INDEX.search("truck driver")
    assert top("softwaredeveloper") == ["15-1252.00"]
    assert split_compound(INDEX, "plumbr") is None  # a typo still goes to the fuzzy match


def test_three_known_words_run_together_are_split_and_count_as_typed() -> None:
    """ "certifiednursingassistant" found nothing at all: only two-part splits were tried. Words
    run together are the words typed, so the match is exact, and says nothing was corrected."""
    assert split_compound(INDEX, "heavytruckdriver") == ("heavy", "truck", "driver")
    assert INDEX.search("heavytruckdriver") == INDEX.search("heavy truck driver")
    assert INDEX.search_detail("heavytruckdriver").exact is True
    assert INDEX.search_detail("registerednurse").exact is True
    assert INDEX.search_detail("registerednurse").read_as == ""


def test_abbreviations_are_understood() -> None:
    assert top("LPN") == ["29-2061.00"]
    assert top("CNA") == ["31-1131.00"]
    assert top("EMT") == ["29-2042.00"]
    assert top("cdl driver") == ["53-3032.00"]
    assert top("sr software dev") == ["15-1252.00"]


def test_a_title_typed_backwards_still_finds_its_job() -> None:
    """Its score is a little lower (the words in order are the title itself), its answers the same
    ("driver uber": the taxi drivers and the rideshare read, in either order)."""
    for query in ("registered nurse", "uber driver", "data entry clerk", "truck driver"):
        reversed_query = " ".join(reversed(query.split()))
        assert set(top(reversed_query, 2)) == set(top(query, 2))
        assert INDEX.search(reversed_query)[0].score <= INDEX.search(query)[0].score


def test_the_head_noun_carries_the_occupation() -> None:
    assert top("pediatric dermatologist") == ["29-1213.00"]
    assert top("plumber helper") == ["47-3015.00"]


def test_a_plain_title_finds_its_occupation_before_lookalikes() -> None:
    assert top("cashier") == ["41-2011.00"]  # not the casino cashiers with many "cashier" titles
    assert top("software engineer") == ["15-1252.00"]


def test_a_plain_word_finds_the_occupation_its_soc_title_qualifies() -> None:
    # "Architects, Except Landscape and Naval" is the architects; "Chefs and Head Cooks" the chefs,
    # though other occupations hold more titles with the word.
    corpus = Corpus(
        occupations=(
            OccupationDoc("17-1011.00", "Architects, Except Landscape and Naval", "/a/", 130.0),
            OccupationDoc("15-1243.00", "Database Architects", "/d/", 60.0),
            OccupationDoc("35-1011.00", "Chefs and Head Cooks", "/c/", 160.0),
            OccupationDoc("35-2013.00", "Cooks, Private Household", "/p/", 30.0),
        ),
        titles=(
            TitleDoc("15-1243.00", "Data Architect"),
            TitleDoc("15-1243.00", "Database Architect"),
            TitleDoc("17-1011.00", "Building Architect"),
            TitleDoc("35-2013.00", "Personal Chef"),
            TitleDoc("35-2013.00", "Private Chef"),
            TitleDoc("35-1011.00", "Executive Chef"),
        ),
    )
    index = SearchIndex(corpus)
    assert [hit.key for hit in index.search("architect", limit=1)] == ["17-1011.00"]
    assert [hit.key for hit in index.search("chef", limit=1)] == ["35-1011.00"]


def test_a_real_word_no_title_holds_is_not_taken_for_a_typo() -> None:
    # "artistic" is in no title, but descriptions use it: it must not become "autistic".
    corpus = Corpus(
        occupations=(
            OccupationDoc("27-1011.00", "Art Directors", "/a/", 40.0, "Formulate artistic design concepts."),
            OccupationDoc("25-2051.00", "Special Education Teachers, Preschool", "/s/", 30.0, "Teach children."),
            OccupationDoc("11-9151.00", "Social and Community Service Managers", "/m/", 190.0, "Direct programs."),
        ),
        titles=(
            TitleDoc("25-2051.00", "Autistic Support Teacher"),
            TitleDoc("25-2051.00", "Autistic Program Director"),
            TitleDoc("11-9151.00", "Program Director"),
            TitleDoc("27-1011.00", "Creative Director"),
        ),
    )
    index = SearchIndex(corpus)
    assert [hit.key for hit in index.search("artistic director", limit=1)] == ["27-1011.00"]
    assert [hit.key for hit in index.search("autistc teacher", limit=1)] == ["25-2051.00"]  # a typo still is


def test_a_word_only_descriptions_hold_still_finds_them() -> None:
    # "spackle" is in no title, only in a task statement: the query is answered from the
    # descriptions, as the closest match, not with nothing
    corpus = Corpus(
        occupations=(
            OccupationDoc("47-2082.00", "Tapers", "/t/", 20.0, "Apply spackle to seams of wallboard."),
            OccupationDoc("47-2141.00", "Painters, Construction and Maintenance", "/p/", 300.0, "Paint walls."),
        ),
        titles=(TitleDoc("47-2082.00", "Drywall Finisher"), TitleDoc("47-2141.00", "House Painter")),
    )
    outcome = SearchIndex(corpus).search_detail("spackle")
    assert [(hit.key, hit.matched_kind) for hit in outcome.hits] == [("47-2082.00", "description")]
    assert outcome.exact is False


def test_reads_rank_beside_occupations() -> None:
    keys = top("registered nurse", 3)
    assert keys[:2] == ["29-1141.00", "registered-nurse"]
    hits = INDEX.search("uber driver", limit=3)
    assert {hit.kind for hit in hits[:2]} == {"occupation", "read"}


def test_nothing_to_match_gives_no_results() -> None:
    assert INDEX.search("") == []
    assert INDEX.search("!!! ???") == []
    assert INDEX.search("qqqqqqqqqq zzzzzzz") == []


def test_an_overlong_query_is_cut_not_refused() -> None:
    assert top("registered nurse " * 50) == ["29-1141.00"]


def test_results_are_the_same_whatever_order_the_rows_come_in() -> None:
    corpus = fixture_corpus()
    rng = random.Random(7)
    shuffled = dataclasses.replace(
        corpus,
        occupations=tuple(rng.sample(corpus.occupations, len(corpus.occupations))),
        titles=tuple(rng.sample(corpus.titles, len(corpus.titles))),
        reads=tuple(rng.sample(corpus.reads, len(corpus.reads))),
    )
    other = SearchIndex(shuffled)
    for query in ("nurse", "driver", "plumber", "data", "cashier", "label", "developer"):
        assert other.search(query, limit=20) == INDEX.search(query, limit=20)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_a_short_sorted_deterministic_list(query: str) -> None:
    hits = INDEX.search(query, limit=5)
    assert len(hits) <= 5
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)
    assert len({(hit.kind, hit.key) for hit in hits}) == len(hits)
    assert INDEX.search(query, limit=5) == hits


def test_employment_shared_by_several_occupations_is_split() -> None:
    shares = employment_by_code([("29-1141.00", "29-1141", 3000.0), ("29-1141.03", "29-1141", 3000.0), ("x", "y", 5.0)])
    assert shares == {"29-1141.00": 1500.0, "29-1141.03": 1500.0, "x": 5.0}


def test_the_jobs_an_except_clause_names_are_not_that_occupation() -> None:
    """ "Except" was a stop word, so "Disc Jockeys, Except Radio" held "radio" and every query word of
    "radio disc jockey", and came before the radio DJs."""
    index = tiny_index(
        {"27-2091.00": "Disc Jockeys, Except Radio", "27-3011.00": "Broadcast Announcers and Radio Disc Jockeys"},
        [("27-2091.00", "Disc Jockey"), ("27-3011.00", "Radio Announcer")],
    )
    assert firsts(index, "radio", 5) == ["27-3011.00"]
    assert firsts(index, "disc jockey") == ["27-2091.00"]
    # typed with its "except", the title means what it says
    assert firsts(index, "Disc Jockeys, Except Radio") == ["27-2091.00"]


def test_a_word_in_an_except_clause_lowers_the_occupation() -> None:
    """ "Orthopedic Surgeons, Except Pediatric" matches "orthopedic surgeon" better than the pediatric
    surgeons' alternate title does; with "pediatric" typed, it is the one the clause rules out."""
    index = tiny_index(
        {"29-1242.00": "Orthopedic Surgeons, Except Pediatric", "29-1243.00": "Pediatric Surgeons"},
        [("29-1243.00", "Pediatric Orthopedic Surgeon Specialist")],
    )
    assert firsts(index, "orthopedic surgeon") == ["29-1242.00"]
    assert firsts(index, "pediatric orthopedic surgeon") == ["29-1243.00"]


def test_what_a_synonym_means_does_not_depend_on_the_terms_before_it() -> None:
    """ "production worker" (Team Assemblers, whose alternate title it is) made that title count as
    an own title, and "steel mill worker", meaning Production Workers, All Other, sorted after it and
    went to Team Assemblers."""
    index = tiny_index(
        {"51-2092.00": "Team Assemblers", "51-9199.00": "Production Workers, All Other"},
        [("51-2092.00", "Production Worker"), ("51-9199.00", "Mill Hand")],
        (
            Synonym("production worker", "Team Assemblers"),
            Synonym("steel mill worker", "Production Workers, All Other"),
        ),
    )
    assert index.synonym_owner == {"production worker": "51-2092.00", "steel mill worker": "51-9199.00"}


def test_a_supervisor_of_a_field_finds_the_supervisors_of_its_workers() -> None:
    """No title says "telesales supervisor"; its field finds telemarketers, and SOC says who
    supervises them. A title that holds every word typed is a job of its own and keeps its place."""
    index = tiny_index(
        {
            "41-9041.00": "Telemarketers",
            "41-1012.00": "First-Line Supervisors of Non-Retail Sales Workers",
            "43-1011.00": "First-Line Supervisors of Office and Administrative Support Workers",
            "33-9099.00": "Protective Service Workers, All Other",
            "33-1091.00": "First-Line Supervisors of Security Workers",
            "33-9032.00": "Security Guards",
        },
        [
            ("41-9041.00", "Telesales Representative"),
            ("41-9041.00", "Telesales Agent"),
            ("33-9099.00", "Yard Duty Supervisor"),
            ("33-9032.00", "Yard Guard"),
        ],
    )
    assert firsts(index, "telesales supervisor") == ["41-1012.00"]
    assert firsts(index, "telesales supervisors") == ["41-1012.00"]
    assert firsts(index, "telesales agent") == ["41-9041.00"]
    assert firsts(index, "yard duty supervisor") == ["33-9099.00"]


def test_supervisors_pass_their_score_to_no_one() -> None:
    """Retail supervisors (41-1011) are in the sales group, whose other workers the non-retail
    supervisors (41-1012) supervise; a supervisor's own score must not make them its equal."""
    assert supervisor_of("41-2031.00") == "41-1011"
    assert supervisor_of("41-4012.00") == "41-1012"
    assert supervisor_of("41-1011.00") is None
    assert supervisor_of("53-1042.00") is None
    assert supervisor_of("15-1252.00") is None  # software developers: no first-line supervisors in SOC


def test_a_title_of_just_the_words_meant_is_still_exact_when_one_is_mistyped() -> None:
    """A typo's word counts for less (by how close it is), but the title it then spells whole is
    still the query, not a part of it. On the real data "kitchne manager" lost the exact bonus of
    the "kitchen manager" entry and found the assistant kitchen managers."""
    index = tiny_index(
        {
            "11-9051.00": "Food Service Managers",
            "35-1012.00": "First-Line Supervisors of Food Preparation and Serving Workers",
            "11-1021.00": "General and Operations Managers",
        },
        [("11-1021.00", "Store Manager"), ("11-1021.00", "Assistant Manager"), ("35-1012.00", "Kitchen Supervisor")],
        (
            Synonym("kitchen manager", "Food Service Managers"),
            Synonym("assistant kitchen manager", "First-Line Supervisors of Food Preparation and Serving Workers"),
        ),
    )
    typed_right = index.search("kitchen manager")[0]
    for typo in ("kitchne manager", "kitchen manger"):
        first, second = index.search(typo)[:2]
        assert first.key == typed_right.key == "11-9051.00"
        assert first.score > 0.9 * typed_right.score  # was 0.51: the exact-title bonus lost
        assert first.score > 2 * second.score  # was 1.15
    assert [qw.meant > qw.weight for qw in query_words(index, ["kitchne", "manager"])] == [True, False]


def test_the_plural_of_a_known_word_is_no_typo_of_a_commoner_one() -> None:
    """A word no title spells so, whose stem is known, is most often a typo ("enginer" for engineer);
    but "gutters" is the plural of "gutter", not a slip for "cutters", which titles hold more often."""
    index = tiny_index(
        {"47-2211.00": "Sheet Metal Workers", "51-3022.00": "Meat, Poultry, and Fish Cutters and Trimmers"},
        [
            ("47-2211.00", "Gutter Installer"),
            ("51-3022.00", "Cutter"),
            ("51-3022.00", "Meat Cutter"),
            ("51-3022.00", "Fish Cutter"),
            ("51-3022.00", "Poultry Cutter"),
        ],
    )
    assert firsts(index, "gutter") == ["47-2211.00"]
    assert firsts(index, "gutters") == ["47-2211.00"]
    assert [qw.word for qw in query_words(index, ["gutters"])] == ["gutters"]
    assert firsts(index, "cuttrs") == ["51-3022.00"]  # a slip is still a slip


def test_a_swapped_pair_in_a_word_with_a_known_stem_is_the_commoner_word() -> None:
    """ "sales mangaer" stems to manga, a word titles hold; one letter from mangler and two swapped
    from manager, it found rolling-machine tenders ("Mangler")."""
    index = tiny_index(
        {"11-2022.00": "Sales Managers", "51-4023.00": "Rolling Machine Setters", "27-1013.00": "Fine Artists"},
        [
            ("51-4023.00", "Mangler"),
            ("51-4023.00", "Mangler Operator"),
            ("27-1013.00", "Manga Artist"),
            *[("11-2022.00", f"{field} Manager") for field in ("Regional Sales", "Area Sales", "District", "Account")],
        ],
    )
    assert [qw.word for qw in query_words(index, ["mangaer"])] == ["manager"]
    assert firsts(index, "sales mangaer") == ["11-2022.00"]


def test_a_word_one_slip_from_a_known_word_is_no_compound_or_cut_short_word() -> None:
    """ "secretray" was split into secret and ray, and "softare" into soft and are."""
    index = tiny_index(
        {"43-6014.00": "Secretaries", "15-1252.00": "Software Developers", "19-2012.00": "X-Ray Physicists"},
        [
            ("43-6014.00", "Medical Secretary"),
            ("15-1252.00", "Software Engineer"),
            ("19-2012.00", "Ray Physicist"),
            ("19-2012.00", "Secret Service Ray Analyst"),
            ("19-2012.00", "Soft Matter Physicist"),
            ("19-2012.00", "Are Analyst"),
        ],
    )
    assert [qw.word for qw in query_words(index, ["secretray"])] == ["secretary"]
    assert [qw.word for qw in query_words(index, ["softare"])] == ["software"]
    assert [qw.word for qw in query_words(index, ["raysoft"])] == ["ray", "soft"]  # no slip: still split


def test_a_typo_keeps_its_first_letter() -> None:
    """People seldom mistype a first letter: of words equally near what was typed, one that starts
    as it does wins, even where another is held by more titles ("sycologist" had found mycologists)."""
    index = tiny_index(
        {"51-9199.00": "Production Workers, All Other", "53-7061.00": "Cleaners of Vehicles and Equipment"},
        [
            ("51-9199.00", "Cosher"),
            *[("53-7061.00", f"{kind} Washer") for kind in ("Car", "Truck", "Window", "Bus", "Boat")],
        ],
    )
    assert [qw.word for qw in query_words(index, ["casher"])] == ["cosher"]  # not washer


@pytest.mark.parametrize(
    "query", ["jobs near me", "hiring now", "entry level jobs", "highest paying jobs", "remote", "jobs"]
)
def test_a_query_of_job_search_words_alone_gets_no_occupation(query: str) -> None:
    """ "hiring near me" found Near East Archeology professors and "entry level" Data Entry Keyers,
    said to match exactly. Such a search names no job: no hits, and the outcome says why."""
    outcome = INDEX.search_detail(query)
    assert (outcome.hits, outcome.names_no_job) == ([], True)


def test_an_employer_alone_names_no_job() -> None:
    """ "hertz" said "Nothing matches" and "startup" found network administrators through their
    descriptions: an employer, or a kind of employer, is not a job."""
    for query in ("hertz", "startup", "big tech", "startup jobs"):
        outcome = INDEX.search_detail(query)
        assert (outcome.hits, outcome.names_no_job) == ([], True), query
    for query in ("xqzvw", "???", "the"):  # nothing known, or nothing at all: not said to name no job
        assert INDEX.search_detail(query).names_no_job is False, query
    for query in ("16 year old", "jobs for 16 year olds", "$20/hr"):  # what a job ad adds, alone
        outcome = INDEX.search_detail(query)
        assert (outcome.hits, outcome.names_no_job) == ([], True), query


def test_a_job_beside_job_search_words_is_still_found() -> None:
    assert top("plumber near me") == top("plumber")
    assert INDEX.search_detail("plumber near me").names_no_job is False


def test_an_unknown_name_beside_a_job_word_is_not_read_as_a_far_typo() -> None:
    """ "schindler elevator mechanic": Schindler, the elevator company, is two slips from "shingler"
    and found roofers. Beside words the index knows, an unknown word more than one slip from its
    closest known word is most likely a name, so that reading weighs little; alone it still counts."""
    corpus = Corpus(
        occupations=(
            OccupationDoc("47-2181.00", "Roofers", "/r/", 160.0),
            OccupationDoc("47-4021.00", "Elevator and Escalator Installers and Repairers", "/e/", 25.0),
        ),
        titles=(
            TitleDoc("47-2181.00", "Shingler"),
            TitleDoc("47-2181.00", "Roof Mechanic"),
            TitleDoc("47-4021.00", "Elevator Mechanic"),
            TitleDoc("47-4021.00", "Elevator Technician"),
            TitleDoc("47-4021.00", "Elevator Constructor"),
        ),
    )
    index = SearchIndex(corpus)
    assert [hit.key for hit in index.search("schindler elevator mechanic", limit=1)] == ["47-4021.00"]
    assert [hit.key for hit in index.search("schindler", limit=1)] == ["47-2181.00"]
    assert [hit.key for hit in index.search("shingleer mechanic", limit=1)] == ["47-2181.00"]  # one slip: a typo


TRUCK_TITLES = (
    [("53-3032.00", f"{kind} Truck Driver") for kind in ("Dump", "Log", "Tow", "Fuel", "Tank", "Box")]
    + [("49-3031.00", f"{kind} Truck Mechanic") for kind in ("Diesel", "Fleet", "Road", "Shop", "Field", "Tire")]
    + [("53-3032.00", "Truck Driver"), ("49-3031.00", "Truck Mechanic"), ("53-7051.00", "Truck Loader")] * 2
)


def test_a_real_word_typed_for_another_beside_a_job_is_read_as_it() -> None:
    """ "tuck mechanic" found tuckpointers: "tuck" is a title word, so it was never read as a typo.
    No title holds it beside "mechanic", and "truck", one slip away and far commoner, is held beside
    it: the query means truck mechanic. Beside its own title's word, or alone, "tuck" stays."""
    index = tiny_index(
        {
            "47-2021.00": "Brickmasons and Blockmasons",
            "53-3032.00": "Heavy and Tractor-Trailer Truck Drivers",
            "49-3031.00": "Bus and Truck Mechanics and Diesel Engine Specialists",
            "53-7051.00": "Industrial Truck and Tractor Operators",
        },
        [("47-2021.00", "Tuck Pointer"), ("47-2021.00", "Brick Mason")] + TRUCK_TITLES,
    )
    assert firsts(index, "tuck mechanic") == ["49-3031.00"]
    assert firsts(index, "tuck driver") == ["53-3032.00"]
    assert firsts(index, "tuck pointer") == ["47-2021.00"]
    assert firsts(index, "tuck") == ["47-2021.00"]


def test_two_words_whose_singular_is_one_title_word_are_joined() -> None:
    """ "line men" found Emergency Man (any "man"): the words are "lineman" split, in the plural."""
    index = tiny_index(
        {"49-9051.00": "Electrical Power-Line Installers and Repairers", "33-9099.00": "Protective Service Workers"},
        [("49-9051.00", "Lineman"), ("49-9051.00", "Distribution Lineman"), ("49-9051.00", "Line Installer")]
        + [("33-9099.00", "Emergency Man")],
    )
    assert firsts(index, "line men") == ["49-9051.00"]


def test_a_typo_whose_stem_only_a_description_holds_is_still_a_typo() -> None:
    """ "swim instructer" found Special Forces through "Combatant Swimmer": "instructer" stems to
    instruct, a word of descriptions ("instruct students"), so it was read as one and weighed little.
    No description writes "instructer": it is a slip for instructor."""
    index = tiny_index(
        {"27-2022.00": "Coaches and Scouts", "55-3018.00": "Special Forces"},
        [
            ("27-2022.00", "Swim Instructor"),
            ("27-2022.00", "Tennis Instructor"),
            ("55-3018.00", "Combatant Swimmer"),
            ("55-3018.00", "Swim Operator"),
        ],
        descriptions={"27-2022.00": "Instruct athletes in sports.", "55-3018.00": "Conduct operations."},
    )
    assert firsts(index, "swim instructer") == ["27-2022.00"]


def test_two_letters_swapped_across_others_are_one_slip() -> None:
    """ "marketing manegar" found marketing specialists: "manegar" is manager with two letters
    swapped around the g, which rapidfuzz rates under the typo cutoff, and "manga" looked nearer."""
    index = tiny_index(
        {
            "11-2021.00": "Marketing Managers",
            "13-1161.00": "Market Research Analysts and Marketing Specialists",
            "27-1013.00": "Fine Artists",
        },
        [
            ("11-2021.00", "Marketing Manager"),
            ("11-2021.00", "Manager"),
            ("13-1161.00", "Marketing Specialist"),
            ("13-1161.00", "Marketer"),
            ("27-1013.00", "Manga Artist"),
        ],
    )
    assert firsts(index, "marketing manegar") == ["11-2021.00"]
    assert slips_between("manegar", "manager") == 1
    assert slips_between("schindler", "shingler") == 2  # not letters swapped: still far


def test_company_beside_a_field_weighs_little() -> None:
    """ "insurance company" and "staffing company" found power-line installers through the reviewed
    "power company": "company" weighed as much as the field. It is a modifier now; the entry holding
    both words still answers."""
    index = tiny_index(
        {"41-3021.00": "Insurance Sales Agents", "49-9051.00": "Electrical Power-Line Installers and Repairers"},
        [("41-3021.00", "Insurance Agent"), ("41-3021.00", "Insurance Sales Producer"), ("49-9051.00", "Lineman")],
        (Synonym("power company", "Electrical Power-Line Installers and Repairers"),),
    )
    assert firsts(index, "insurance company") == ["41-3021.00"]
    assert firsts(index, "power company") == ["49-9051.00"]


def test_a_rare_pair_of_real_words_is_not_read_as_a_commoner_pair() -> None:
    """ "stable hand" is a job even where no title holds both words; "staple", one slip away and
    commoner, is not far commoner enough (REAL_WORD_RATIO) to say "stable" was a typo of it."""
    index = tiny_index(
        {"45-2093.00": "Farmworkers, Farm, Ranch, and Aquacultural Animals", "51-9199.00": "Production Workers"},
        [("45-2093.00", "Stable Attendant"), ("45-2093.00", "Farm Hand"), ("45-2093.00", "Ranch Hand")]
        + [("51-9199.00", f"Staple {kind}") for kind in ("Hand", "Machine Tender", "Setter", "Cutter", "Feeder")],
    )
    assert firsts(index, "stable hand") == ["45-2093.00"]


def test_a_misspelling_only_a_reviewed_entry_holds_is_corrected_elsewhere_and_no_typo_target() -> None:
    """ "manger" is a word of the index only through reviewed entries: "sales manger" (a misspelling of
    Sales Managers) and "garde manger" (a cook). Beside a job word no title holds it with, it is
    manager ("retail manger" found the cook), though "manager" is not REAL_WORD_RATIO times commoner;
    a word one slip from it is read as the real word it misspells."""
    index = tiny_index(
        {
            "11-2022.00": "Sales Managers",
            "41-1011.00": "First-Line Supervisors of Retail Sales Workers",
            "35-2014.00": "Cooks, Restaurant",
        },
        [("41-1011.00", "Store Manager"), ("41-1011.00", "Retail Store Manager"), ("35-2014.00", "Line Cook")]
        + [("11-2022.00", f"{kind} Sales Manager") for kind in ("Regional", "District", "Area", "Inside")],
        (Synonym("sales manger", "Sales Managers"), Synonym("garde manger", "Cooks, Restaurant")),
    )
    assert index.misspellings == {"manger"}
    assert firsts(index, "retail manger") == ["41-1011.00"]
    assert firsts(index, "sales manger") == ["11-2022.00"]
    assert firsts(index, "garde manger") == ["35-2014.00"]
    assert closest_typos(index, "mangerr", 75.0)[0][0] == "manager"  # one slip from manger, two from manager


@pytest.mark.parametrize(
    ("term", "means", "misspelt"),
    [
        ("mental health councilor", "Mental Health Counselors", {"councilor"}),
        ("lab technition", "Medical and Clinical Laboratory Technicians", {"technition"}),
        ("garde manger", "Cooks, Restaurant", set()),
        ("sales manager", "Sales Managers", set()),
        ("crane operator", "Operating Engineers and Other Construction Equipment Operators", set()),
    ],
)
def test_the_misspellings_of_a_reviewed_entry_are_the_words_near_a_word_of_what_it_means(
    term: str, means: str, misspelt: set[str]
) -> None:
    assert misspelt_words(term, means) == misspelt


@pytest.mark.parametrize(
    ("query", "plain"), [("senior driver", "driver"), ("jr cashier", "cashier"), ("experienced cashier", "cashier")]
)
def test_seniority_beside_a_job_leaves_its_answer_and_exactness(query: str, plain: str) -> None:
    """ "senior driver" found Taxi Drivers, not the truck drivers "driver" finds: without "senior",
    no title held every word, so none was the query. Seniority is matched where a title has it, but
    a title without it still holds every word that names the job. "experienced", in no title, was
    read as a typo of "experience"."""
    # the same two answers (near ties, the two truck drivers, may trade places), not the taxi drivers
    assert set(top(query, 2)) == set(top(plain, 2))
    assert INDEX.search_detail(query).exact is True


def test_an_abbreviation_run_together_with_a_word_is_split() -> None:
    """On the real data "hrspecialist" found customer service through "cx specialist": only known
    words of three letters or more were pieces, so "hr" was none and the word went to the closest
    spelling. An abbreviation is a piece too, spelt out."""
    assert split_compound(INDEX, "erdoctor") == ("emergency", "room", "doctor")
    assert top("erdoctor", 3) == top("er doctor", 3)
    assert split_compound(INDEX, "truckdrivertech") == ("truck", "driver", "technician")


def test_a_role_word_alone_that_heads_titles_of_many_occupations_is_broad() -> None:
    """ "engineer" alone found Software Developers as if it named them; with titles of 161
    occupations it names none, and the page says so. A field beside it, or a word heading few, is not."""
    occupations = {f"17-{n:04d}.00": f"Kind{n} Engineers" for n in range(BROAD_HEAD)}
    occupations["29-1141.00"] = "Registered Nurses"
    index = tiny_index(occupations, [("29-1141.00", "Staff Nurse")])
    assert index.search_detail("engineer").broad == BROAD_HEAD
    assert index.search_detail("engineers").broad == BROAD_HEAD
    assert index.search_detail("kind7 engineer").broad == 0
    assert index.search_detail("nurse").broad == 0
    fewer = tiny_index(dict(list(occupations.items())[1:]), [])
    assert fewer.search_detail("engineer").broad == 0


def test_a_job_ad_phrase_alone_names_no_job() -> None:
    assert INDEX.search_detail("help wanted").names_no_job is True
    assert INDEX.search_detail("daily pay").names_no_job is True
    assert top("cashier with benefits") == top("cashier")


def test_an_entry_of_an_employer_and_a_job_word_typed_whole_is_the_query() -> None:
    """ "amazon air" (package handling at Amazon's air hubs) tied with Air Technicians: an employer's
    name weighs little beside a job word, and the entry holding it counted as longer than the query
    typed, so it lost the exact-title bonus."""
    index = tiny_index(
        {
            "53-7062.00": "Laborers and Freight, Stock, and Material Movers, Hand",
            "17-3025.00": "Environmental Technicians",
        },
        [("17-3025.00", "Air Technician"), ("17-3025.00", "Air Quality Technician"), ("53-7062.00", "Package Handler")],
        (Synonym("amazon air", "Laborers and Freight, Stock, and Material Movers, Hand"),),
    )
    outcome = index.search_detail("amazon air", limit=2)
    assert [hit.key for hit in outcome.hits] == ["53-7062.00", "17-3025.00"]
    assert outcome.hits[0].score > outcome.hits[1].score + 2.0  # by the exact-title bonus (2.0)


def test_work_described_is_searched_as_the_title_of_who_does_it() -> None:
    """ "someone who drives trucks": "someone" and "who" named no job, and the page could not say what
    the search was read as. Work described is searched as its doer's title, and the page says so."""
    outcome = INDEX.search_detail("someone who drives trucks")
    assert (outcome.hits[0].key, outcome.exact, outcome.read_as) == ("53-3032.00", True, "truck driver")
    assert INDEX.search_detail("i like to drive").read_as == "driver"
    # a title as typed is searched as typed
    assert INDEX.search_detail("truck driver").read_as == ""
    assert INDEX.activity_title("truck driver") == ""


def test_what_work_is_done_to_is_named_as_titles_name_it() -> None:
    """ "fix trucks" → "truck repairer": the plural as a title spells it, a role word never a thing."""
    assert INDEX.activity_title("fix trucks") == "truck repairer"
    assert INDEX.activity_title("someone who drives cabs") == "cab driver"
    assert INDEX.activity_title("drive truck drivers") == ""  # "driver" names a role, not what is driven


def test_a_long_query_cut_to_length_is_not_shown_as_read_otherwise() -> None:
    """Cut to MAX_QUERY_CHARS, a query of no lead was taken for one with a lead, and the page said
    "Showing results for" the query cut short."""
    assert INDEX.search_detail("registered nurse " * 8).read_as == ""
