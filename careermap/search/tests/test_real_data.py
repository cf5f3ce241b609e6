"""The index on the real shared O*NET files and the real reads (skipped when the data is absent)."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from django.conf import settings

from careermap.search.documents import is_physician
from careermap.search.engine import SearchIndex
from careermap.tests.realdata import real_data_path

pytestmark = pytest.mark.realdata


def real_index() -> SearchIndex:
    """The index on the shared files and content/ (eval/search_corpus.py), built once per session."""
    global _INDEX
    if _INDEX is None:
        root = real_data_path("onet_29_3", "Alternate Titles.txt").parent.parent
        path = Path(settings.BASE_DIR) / "eval" / "search_corpus.py"
        spec = importlib.util.spec_from_file_location("search_corpus", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _INDEX = SearchIndex(module.corpus_from_files(data_dir=root, content_dir=settings.CAREERMAP_CONTENT_DIR))
    return _INDEX


_INDEX: SearchIndex | None = None


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return real_index()


def keys(index: SearchIndex, query: str, n: int) -> list[str]:
    return [hit.key for hit in index.search(query, limit=n)]


def test_the_issue_examples_on_the_real_data(index: SearchIndex) -> None:
    assert keys(index, "data labeler", 1) == ["ai-data-labeling"]
    assert keys(index, "RN", 2) == ["29-1141.00", "registered-nurse"]
    assert set(keys(index, "uber driver", 2)) == {"53-3054.00", "rideshare-driving"}  # Taxi Drivers
    assert "47-2152.00" in keys(index, "plumber apprentice", 2)  # Plumbers, Pipefitters, and Steamfitters
    assert keys(index, "registred nurse", 1) == ["29-1141.00"]


def test_every_occupation_title_typed_word_for_word_finds_it_on_the_real_data(index: SearchIndex) -> None:
    # 28 did not before 2026-12-06 (night): "Elementary School Teachers, Except Special Education" found
    # the special-education teachers ("except" is a stop word), "Cooks, All Other" the restaurant cooks
    titles = [
        (key, title)
        for kind, key, title in zip(index.owner_kind, index.owner_key, index.owner_title, strict=True)
        if kind == "occupation"
    ]
    assert len(titles) >= 1000
    lost = [(title, found) for code, title in titles if (found := keys(index, title, 1)) != [code]]
    assert not lost, lost


def test_a_job_an_except_clause_names_finds_its_own_occupation_on_the_real_data(index: SearchIndex) -> None:
    assert keys(index, "radio disc jockey", 1) == ["27-3011.00"]  # not Disc Jockeys, Except Radio
    assert keys(index, "pediatric orthopedic surgeon", 1) == ["29-1243.00"]  # not Orthopedic Surgeons, Except ...
    assert "43-5032.00" not in keys(index, "police dispatcher", 3)  # Dispatchers, Except Police, Fire, and ...
    assert keys(index, "primary school teacher", 1) == ["25-2021.00"]  # a synonym meaning an "Except" title


def test_a_synonym_goes_to_the_title_its_means_spells_on_the_real_data(index: SearchIndex) -> None:
    # "Social worker" (a read) and "Social Workers, All Other" have the same words
    assert index.synonym_owner["aps worker"] == "21-1029.00"  # means: Social Workers, All Other
    assert index.synonym_owner["bsw"] == "social-worker"  # means: Social worker


def test_job_search_words_and_typos_on_the_real_data(index: SearchIndex) -> None:
    warehouse = {"53-7062.00", "53-7065.00", "53-7064.00"}  # laborers, stockers, packers
    assert keys(index, "warehouse jobs near me", 1)[0] in warehouse  # was Data Warehousing Specialists
    assert keys(index, "no experience warehouse", 1)[0] in warehouse
    assert keys(index, "truck drvier", 1) == ["53-3032.00"]  # was drying-machine operators ("drier")
    assert keys(index, "manufacturing team lead", 1) == ["51-1011.00"]  # was Team Assemblers
    assert keys(index, "or tech", 1) == ["29-2055.00"]  # Surgical Technologists; "or" was a stop word
    # a schedule word qualifies the job: "rt prn" had found orderlies through "Transporter PRN"
    for job in ("rt", "stna", "cmt", "pharmacy tech"):
        assert keys(index, f"{job} prn", 1) == keys(index, job, 1)
    assert keys(index, "overnight stocker", 1) == ["53-7065.00"]
    assert keys(index, "non cdl driver", 1) == ["53-3033.00"]  # Light Truck Drivers, not the CDL ones
    # a schedule names no job: these found Parts Drivers, Time Clerks and Physical Therapists
    for job in ("driver", "clerk", "cashier"):
        assert keys(index, f"part time {job}", 1) == keys(index, f"pt {job}", 1) == keys(index, job, 1)
    # a last "position" or "job" names no job: these found watch repairers and household cooks
    assert keys(index, "mechanic position", 1) == ["49-3023.00"]
    assert keys(index, "chef position", 1) == ["35-1011.00"]


def test_a_supervisor_of_a_field_finds_its_workers_supervisors_on_the_real_data(index: SearchIndex) -> None:
    # no title holds these words; the field's workers were first (deli associates, bartenders)
    assert keys(index, "deli supervisor", 1) == ["35-1012.00"]
    assert keys(index, "bartender supervisor", 1) == ["35-1012.00"]


def test_everyday_titles_on_the_real_data(index: SearchIndex) -> None:
    assert keys(index, "cashier", 1) == ["41-2011.00"]
    assert keys(index, "LPN", 1) == ["29-2061.00"]
    assert keys(index, "CNA", 1) == ["31-1131.00"]
    assert keys(index, "cdl driver", 1) == ["53-3032.00"]
    assert keys(index, "pediatric dermatologist", 1) == ["29-1213.00"]
    assert keys(index, "doordash", 1) == ["food-delivery"]
    assert keys(index, "architect", 1) == ["17-1011.00"]  # Architects, Except Landscape and Naval
    assert keys(index, "chef", 1) == ["35-1011.00"]  # Chefs and Head Cooks, not private-household cooks
    assert keys(index, "dentist", 1) == ["29-1021.00"]  # Dentists, General


def test_a_title_joining_two_jobs_answers_each_on_the_real_data(index: SearchIndex) -> None:
    # text.title_forms: "Financial and Investment Analysts" is also "Financial Analysts", so the plain
    # title finds it before Financial Quantitative Analysts (and the same for the others)
    assert keys(index, "financial analyst", 1) == ["13-2051.00"]
    assert keys(index, "correctional officer", 1) == ["33-3012.00"]  # Correctional Officers and Jailers
    assert keys(index, "operations manager", 1) == ["11-1021.00"]  # General and Operations Managers
    assert keys(index, "private investigator", 1) == ["33-9021.00"]  # Private Detectives and Investigators


def misses_on(index: SearchIndex, listing: str) -> tuple[int, list[str], list[str]]:
    """A list of ours under eval/ (query, tab, accepted codes or read slugs, and maybe a tab and a
    kind): its size, and the queries whose first answer is not accepted and those with none accepted
    in the first five."""
    rows = [
        line.split("\t")
        for line in (Path(settings.BASE_DIR) / "eval" / listing).read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    misses1, misses5 = [], []
    for query, codes, *_kind in rows:
        accepted = set(codes.split(","))
        # a read is an accepted answer where the list names one ("doordash" → food-delivery)
        reads = not all(re.fullmatch(r"\d\d-\d{4}\.\d\d", code) for code in accepted)
        found = [hit.key for hit in index.search(query, limit=20) if reads or hit.kind == "occupation"][:5]
        if not found or found[0] not in accepted:
            misses1.append(query)
        if not accepted & set(found):
            misses5.append(query)
    return len(rows), misses1, misses5


def test_everyday_titles_find_their_occupation_on_the_real_data(index: SearchIndex) -> None:
    # eval/everyday_titles.tsv: our own list of common titles and the occupations we accept.
    # 94.6% top-1 and 99.3% top-5 when written (docs/search.md); a fall below these floors is a
    # regression somebody should see.
    rows, misses1, misses5 = misses_on(index, "everyday_titles.tsv")
    assert rows >= 100
    assert len(misses1) / rows <= 0.08, misses1
    assert len(misses5) / rows <= 0.02, misses5


def test_common_queries_find_their_occupation_on_the_real_data(index: SearchIndex) -> None:
    # eval/common_queries.tsv (issue 19, answers judged before any result was seen): 95.3% top-1
    # and 99.1% top-5 when this floor was set (docs/search.md); the issue's aim is 95% top-1.
    rows, misses1, misses5 = misses_on(index, "common_queries.tsv")
    assert rows >= 150
    assert len(misses1) / rows <= 0.05, misses1
    assert len(misses5) / rows <= 0.01, misses5


def test_blind_everyday_lists_keep_their_level_on_the_real_data(index: SearchIndex) -> None:
    # Written blind by helpers (issue 19, docs/search.md, fourth to sixth passes). When these floors
    # were set: people 98.8% / 99.6%, fresh 97.0% / 99.1%, jobboard 98.3% / 99.4%, typed 89.2% / 95.5%
    # (each read after a blind score), unseen 91.4% / 96.6% and unseen_typed 88.0% / 94.4% (kept
    # unseen: their misses are not printed). Seventh pass: jobsearch 85.0% / 98.0% blind, 91.8% / 99.3%
    # at the end; unseen_jobsearch 88.2% / 96.5% at the start, 90.0% / 96.5% at the end.
    for name, top1, top5 in (
        ("people_queries.tsv", 0.03, 0.01),
        ("fresh_queries.tsv", 0.06, 0.02),
        ("jobboard_queries.tsv", 0.04, 0.015),
        ("typed_queries.tsv", 0.14, 0.07),
        ("jobsearch_queries.tsv", 0.10, 0.02),
        ("blind_queries.tsv", 0.04, 0.01),  # thirteenth pass: 97.7% / 99.5% blind
        ("blind_typed_queries.tsv", 0.08, 0.05),  # thirteenth pass: 94.0% / 96.5% blind
    ):
        rows, misses1, misses5 = misses_on(index, name)
        assert rows >= 100
        assert len(misses1) / rows <= top1, (name, misses1)
        assert len(misses5) / rows <= top5, (name, misses5)
    for name, top1, top5 in (
        ("unseen_queries.tsv", 0.12, 0.05),
        ("unseen_typed_queries.tsv", 0.15, 0.08),
        ("unseen_jobsearch_queries.tsv", 0.12, 0.05),
        ("unseen_popular_queries.tsv", 0.06, 0.03),  # ninth pass: 96.2% / 98.8% at the start
        ("unseen_reported_queries.tsv", 0.08, 0.03),  # thirteenth pass: 92.9% / 98.6% at the start
    ):
        rows, misses1, misses5 = misses_on(index, name)
        assert rows >= 100
        assert len(misses1) / rows <= top1, (name, len(misses1))
        assert len(misses5) / rows <= top5, (name, len(misses5))


def test_school_teachers_grades_and_listed_kinds_on_the_real_data(index: SearchIndex) -> None:
    school = {"25-2021.00", "25-2022.00", "25-2031.00"}
    assert keys(index, "history teacher", 1)[0] in school  # not History Teachers, Postsecondary
    assert keys(index, "history professor", 1) == ["25-1125.00"]
    # a teaching word is a level: a trade's teachers, not its workers (it found barbers)
    assert keys(index, "barbering teacher", 1)[0] in {"25-1194.00", "25-2032.00"}
    assert keys(index, "barbering professor", 1)[0] in {"25-1194.00", "25-2032.00"}
    assert keys(index, "5th grade teacher", 1) == ["25-2021.00"]  # Elementary School Teachers
    assert keys(index, "fourth grade teacher", 1) == ["25-2021.00"]  # was ship's mates: "fourth mate"
    assert keys(index, "7th grade math teacher", 1) == ["25-2022.00"]
    assert keys(index, "high school spanish teacher", 1) == ["25-2031.00"]
    assert keys(index, "hs history teacher", 1) == ["25-2031.00"]  # "hs" is high school; was middle school
    assert keys(index, "inventory clerk", 1) == ["43-5071.00"]  # Shipping, Receiving, and Inventory Clerks
    assert keys(index, "accounting clerk", 1) == ["43-3031.00"]
    assert keys(index, "sous chef", 1) == ["35-1011.00"]  # not "scouts"


def test_shorthand_and_clipped_words_on_the_real_data(index: SearchIndex) -> None:
    assert keys(index, "chiro", 1) == ["29-1011.00"]  # was Music Directors ("choir")
    assert keys(index, "derm", 1) == ["29-1213.00"]
    assert keys(index, "med lab tech", 1) == ["29-2012.00"]  # was Nursing Assistants ("med tech")
    assert keys(index, "psych tech", 1) == ["29-2053.00"]  # was Psychologists
    assert keys(index, "a&p", 1) == ["49-3011.00"]  # Aircraft Mechanics; "a&p" and "a/p" were both "p"
    assert keys(index, "a/p clerk", 1) == ["43-3031.00"]  # Bookkeeping clerks
    assert keys(index, "water op", 1) == ["51-8031.00"]  # "op" is operator; it was Telephone Operators
    assert keys(index, "roller op", 1)[0] != "43-2021.00"
    assert keys(index, "kinder teacher", 1) == ["25-2012.00"]
    assert keys(index, "sub teacher", 1) == ["25-3031.00"]
    assert keys(index, "infosec", 1) == ["15-1212.00"]  # was farm supervisors ("insect")
    assert keys(index, "admin manager", 1) == ["11-3012.00"]  # was Network and Computer Systems Administrators
    assert keys(index, "network admin", 1) == ["15-1244.00"]  # a head "admin" is still an administrator
    assert keys(index, "mech engineer", 1) == ["17-2141.00"]  # was car mechanics
    assert keys(index, "resp therapist", 1) == ["29-1126.00"]  # was Music Therapists
    assert keys(index, "phys therapist", 1) == ["29-1123.00"]  # was Therapists, All Other
    assert keys(index, "transp planner", 1) == ["19-3099.01"]  # was Logisticians
    assert keys(index, "bldg engineer", 1) == ["49-9071.00"]  # was Software Developers
    assert keys(index, "plmbr", 1) == ["47-2152.00"]  # was nothing at all
    assert keys(index, "fire man", 1) == ["33-2011.00"]  # was artillery crews ("Fire Support Man")
    assert keys(index, "electrition", 1) == ["47-2111.00"]  # was Electrical Engineers
    assert keys(index, "office", 1) == ["43-9061.00"]  # was police officers


def test_gig_and_creator_words_find_the_read_then_its_occupations_on_the_real_data(index: SearchIndex) -> None:
    assert keys(index, "youtuber", 3) == ["content-creator", "27-4032.00", "27-2012.00"]
    assert keys(index, "virtual assistant", 2) == ["virtual-assistant", "43-6014.00"]
    assert keys(index, "amazon flex", 1) == ["package-delivery-blocks"]
    assert keys(index, "amazon warehouse", 1) != ["package-delivery-blocks"]  # "amazon" alone is no gig


def test_a_specialty_with_another_role_is_not_a_doctor_on_the_real_data(index: SearchIndex) -> None:
    """A specialty's physicians hold its word ("Dermatology Physician"), but a technician or a clerk
    of that specialty is not a physician (`Weights.doctor_unsaid`); a specialty alone still is."""
    for query in ("dermatology tech", "pediatric tech", "urology clerk"):
        assert not is_physician(keys(index, query, 1)[0]), query
    for query, code in (
        ("dermatology", "29-1213.00"),
        ("pediatrics", "29-1221.00"),
        ("urology doctor", "29-1229.03"),
        ("urologist", "29-1229.03"),
    ):
        assert keys(index, query, 1) == [code], query
    assert "29-1243.00" in keys(index, "pediatric surgery", 3)  # Pediatric Surgeons
    assert keys(index, "dental hygienist", 1) == ["29-1292.00"]  # 29-129x are not physicians


def test_a_train_is_not_training_on_the_real_data(index: SearchIndex) -> None:
    assert keys(index, "train engineer", 1) == ["53-4011.00"]  # Locomotive Engineers
    assert keys(index, "engineer in training", 1) == ["17-2051.00"]  # Civil Engineers


def test_a_coder_is_a_medical_coder_unless_said_on_the_real_data(index: SearchIndex) -> None:
    """The word "coder" stood for programmer, so every medical coder title voted for "programmer" (Medical
    Records Specialists came within 0.05 of Computer Programmers)."""
    assert keys(index, "coder", 1) == ["29-2072.00"]  # Medical Records Specialists
    assert keys(index, "programmer", 1) == ["15-1251.00"]  # Computer Programmers
    assert "29-2072.00" not in keys(index, "programmer", 5)
    assert keys(index, "software coder", 1) == ["15-1251.00"]


def test_a_kind_of_employer_weighs_little_beside_a_job_on_the_real_data(index: SearchIndex) -> None:
    """ "big tech software engineer" found Database Architects ("tech" read as technician) and
    "startup engineer" Fuel Cell Engineers."""
    for query in ("big tech software engineer", "startup software engineer", "faang software engineer"):
        assert keys(index, query, 1) == ["15-1252.00"], query  # Software Developers


def test_an_age_cash_pay_and_a_last_guy_are_not_the_job_on_the_real_data(index: SearchIndex) -> None:
    assert keys(index, "starbucks job 16 year old", 1) == ["35-3023.01"]  # Baristas, not tutors
    assert keys(index, "mcdonalds hiring 15 year olds", 1) == ["35-3023.00"]  # Fast Food and Counter Workers
    assert keys(index, "moving help cash same day", 1) == ["moving-labor-apps"]  # not Cashiers
    assert keys(index, "yard guy", 1) == ["37-3011.00"]  # Landscaping and Groundskeeping Workers


def test_a_misspelling_is_searched_as_read_and_said_so_on_the_real_data(index: SearchIndex) -> None:
    """ "registred nurse" was marked closest; "retired teacher" was shown as "retarded teacher" (an old
    O*NET title) and "police officer retired" as a tire "retread"; "kashier" as the entry "kasheer"."""
    outcome = index.search_detail("registred nurse")
    assert (outcome.hits[0].key, outcome.exact, outcome.read_as) == ("29-1141.00", True, "registered nurse")
    for query, code in (("retired teacher", "25-2021.00"), ("police officer retired", "33-3051.00")):
        outcome = index.search_detail(query)
        assert (outcome.hits[0].key, outcome.exact, outcome.read_as) == (code, True, ""), query
    outcome = index.search_detail("kashier")
    assert (outcome.hits[0].key, outcome.read_as) == ("41-2011.00", "")


def test_work_described_finds_who_does_it_on_the_real_data(index: SearchIndex) -> None:
    """ "fix cars" found computer repairers ("Break/Fix Tech"), "someone who fixes computers" special
    education aides ("one on one aide"), "cut hair" machine feeders ("Cut in Worker")."""
    for query, codes, read in (
        ("fix cars", {"49-3023.00"}, "car repairer"),  # Automotive Service Technicians and Mechanics
        ("someone who fixes computers", {"49-2011.00"}, "computer repairer"),
        ("cut hair", {"39-5011.00", "39-5012.00"}, "hair cutter"),  # Barbers, Hairdressers
        ("i want to work with animals", {"39-2021.00"}, "animal worker"),  # Animal Caretakers
        ("drive buses", {"53-3051.00", "53-3052.00"}, "bus driver"),
    ):
        outcome = index.search_detail(query)
        assert (outcome.hits[0].key in codes, outcome.read_as) == (True, read), query
    # a title that begins with a verb is the title
    for query, code in (("drive thru", "35-3023.00"), ("wait staff", "35-3031.00"), ("cut and sew", "51-6031.00")):
        outcome = index.search_detail(query)
        assert (outcome.hits[0].key, outcome.read_as) == (code, ""), query
    # a reading that matches nothing exactly is no better than the words typed: "stock market" is no
    # "market stocker", "paint nails" no "nail painter" (construction painters)
    for query, code in (("stock market", "41-3031.00"), ("paint nails", "39-5092.00")):
        outcome = index.search_detail(query)
        assert (outcome.hits[0].key, outcome.read_as) == (code, ""), query
    # what is said before the work is not searched: "like" had been read as "line", "bake" as a "Bake
    # Off Decorator"
    for query, code, read in (
        ("i want to be a nurse", "29-1141.00", "nurse"),
        ("i like to bake", "51-3011.00", "baker"),
        ("I like to cook", "35-2014.00", "cook"),
    ):
        outcome = index.search_detail(query)
        assert (outcome.hits[0].key, outcome.read_as) == (code, read), query


def test_when_and_how_long_leave_the_job_as_it_is_on_the_real_data(index: SearchIndex) -> None:
    """ "overnight cashier" found the cashier supervisors ("cashier lead"), "remote call center agent"
    telemarketers: with a word no title held, the reviewed entries lost the weight of an exact
    match. "lead tech" found software developers ("tech lead")."""
    for query, code in (
        ("overnight cashier", "41-2011.00"),
        ("remote call center agent", "43-4051.00"),
        ("entry level accountant", "13-2011.00"),
        ("prn rn", "29-1141.00"),
        ("weekend nurse", "29-1141.00"),  # had gone to LPNs through the closest entry "nursing associate"
        ("teen cashier", "41-2011.00"),  # had gone to gambling cage workers
        ("veteran police officer", "33-3051.00"),  # had gone to veterans service officers
    ):
        outcome = index.search_detail(query)
        assert (outcome.hits[0].key, outcome.exact) == (code, True), query
    assert keys(index, "tech lead", 1) == ["15-1252.00"]
    assert keys(index, "lead tech", 1) != ["15-1252.00"]
    # but a word that names jobs stays a word of the title ("travel coordinator" found event planners)
    assert keys(index, "travel coordinator", 1) == ["41-3041.00"]
    assert keys(index, "summer associate", 1) == ["23-2011.00"]
    assert index.search_detail("veterans affairs").exact is False


def test_a_reviewed_term_typed_word_for_word_leads_on_the_real_data(index: SearchIndex) -> None:
    """ "social media intern" is searched as "social media" (an intern learns the job), and so
    the entry for it had lost to "social media director"; "jobs for teens" found teen librarians,
    "jobs for veterans" rehabilitation counselors, said to match exactly."""
    assert keys(index, "social media intern", 1) == ["13-1161.00"]
    outcome = index.search_detail("jobs for teens")
    assert (outcome.hits, outcome.names_no_job) == ([], True)
    outcome = index.search_detail("jobs for veterans")
    assert (outcome.hits, outcome.names_no_job) == ([], True)
    # ... and beside a job, who is looking is not the job ("security jobs for veterans" found
    # eligibility interviewers through "Veterans Benefits Interviewer")
    outcome = index.search_detail("security jobs for veterans")
    assert (outcome.hits[0].key, outcome.exact) == ("33-9032.00", True)
