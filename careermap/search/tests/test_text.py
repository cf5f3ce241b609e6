"""Normalisation of titles and queries: careermap/search/text.py."""

from __future__ import annotations

import pytest

from careermap.search.text import (
    activity,
    heads,
    inverted,
    is_military_code,
    query_tokens,
    stem,
    title_forms,
    tokens,
    without_activity_lead,
    words,
)


def test_it_spells_out_abbreviations() -> None:
    assert tokens("RN") == ["registered", "nurse"]
    assert tokens("LPN") == ["licensed", "practical", "nurse"]
    assert tokens("CNA") == ["certified", "nursing", "assistant"]
    assert tokens("EMT") == ["emergency", "medical", "technician"]
    assert tokens("Sr. Software Dev") == ["senior", "software", "developer"]
    # eleventh pass: "police ofc" found police supervisors, "cust serv" waiters (serv → server)
    assert tokens("police ofc") == ["police", "officer"]
    assert tokens("fire lt") == ["fire", "lieutenant"]
    assert tokens("corrections sgt") == ["corrections", "sergeant"]
    assert tokens("cust serv") == ["customer", "service"]
    assert tokens("mdse associate") == ["merchandise", "associate"]
    assert tokens("legal secy") == ["legal", "secretary"]
    # twelfth pass: "vet tec" found Veterinarians ("tec", three letters, was no word at all)
    assert tokens("vet tec") == ["vet", "technician"]


def test_it_maps_brand_names_to_the_work() -> None:
    assert tokens("Uber driver") == ["rideshare", "driver"]
    assert tokens("Lyft driver") == ["rideshare", "driver"]
    assert tokens("DoorDash") == ["food", "delivery"]
    assert tokens("Uber Eats courier") == ["food", "delivery", "courier"]  # the longer phrase wins


def test_it_folds_case_accents_and_punctuation() -> None:
    assert tokens("Café  MANAGER!!") == ["cafe", "manager"]
    assert tokens("Heating, Ventilation, and Air Conditioning Technician") == ["hvac", "technician"]
    assert tokens("HVAC tech") == ["hvac", "technician"]


def test_two_letters_joined_by_an_ampersand_or_a_slash_are_one_word() -> None:
    """ "a&p" (the aircraft mechanic's licence) and "a/p" (accounts payable) were both "p": "a" is a
    stop word and "and" one too."""
    assert words("A&P Mechanic") == words("a & p mechanic") == ["aandp", "mechanic"]
    assert words("A/P Clerk") == ["ap", "clerk"]
    assert words("F&B Manager") != words("F&I Manager")
    assert words("AT&T") == ["at", "and", "t"]  # not two single letters


def test_a_plus_after_a_word_is_part_of_it() -> None:
    """ "security+" (CompTIA's certificate) was "security" and found security guards; "a+" was the
    stop word "a", so "a+ technician" was any technician."""
    assert words("CompTIA Security+ analyst") == ["comptia", "securityplus", "analyst"]
    assert tokens("A+ technician") == ["aplus", "technician"]
    assert words("C++ Developer") == words("cpp developer") == ["cpp", "developer"]


def test_dotted_initials_and_british_spellings_read_as_typed_in_the_us() -> None:
    assert tokens("C.N.A.") == tokens("CNA")
    # a school aide for one child: "1:1 aide" searched as "aide" and found personal care aides
    for typed in ("1:1 aide", "1-on-1 aide", "1 on 1 aide", "one-to-one aide"):
        assert tokens(typed) == tokens("one on one aide"), typed
    assert tokens("11 bravo") == ["11", "bravo"]
    assert tokens("h.r. manager") == ["human", "resources", "manager"]
    assert tokens("call centre adviser") == ["call", "center", "advisor"]
    assert tokens("tyre fitter") == ["tire", "fitter"]
    assert tokens("E-Commerce") == ["e", "commerce"]  # a single letter before a hyphen is not initials


def test_the_stemmer_keeps_apart_job_words_of_another_sense() -> None:
    assert stem("officer") != stem("office")
    assert stem("customers") != stem("customs")
    assert stem("accounting") != stem("account")
    assert stem("trainer") != stem("train")  # a driver trainer is no train driver
    assert stem("officers") == stem("officer")
    # "plane" found production planners, "park specialist" parking enforcement workers
    assert stem("plane") != stem("planner") and stem("planner") == stem("planning")
    assert stem("parking") != stem("park") and stem("parks") == stem("park")
    assert stem("programmer") != stem("program") and stem("programmers") == stem("programmer")
    assert stem("producer") != stem("produce") and stem("producers") == stem("producer")
    # "train engineer" searched as "engineer in training"; "securities analyst" found security analysts
    assert stem("training") != stem("train") and stem("trains") == stem("train")
    assert stem("securities") != stem("security")


def test_the_stemmer_joins_plurals_and_word_forms() -> None:
    assert stem("nurses") == stem("nursing") == stem("nurse")
    assert stem("labeler") == stem("labeling") == stem("label")
    assert stem("drivers") == stem("driving")
    assert stem("secretaries") == "secretary"
    assert stem("engineer") == "engineer"  # -eer stays: not "engine"
    # twelfth pass: "police men" found transit police, "sales women" a women's apparel title,
    # "bus boys" school bus monitors
    assert stem("men") == stem("man") and stem("women") == stem("woman") and stem("boys") == stem("boy")


def test_an_army_job_code_said_aloud_is_the_code() -> None:
    """ "11 bravo" found bran mixers: numbers are dropped, and "bravo" matched alone."""
    assert query_tokens("11 bravo") == query_tokens("11b")
    assert query_tokens("68 Whiskey medic") == query_tokens("68w medic")
    assert query_tokens("bravo") == ["bravo"]


def test_letters_typed_with_spaces_between_them_are_an_abbreviation() -> None:
    """ "c n a" found fast-food workers through "in n out"; "r n" a physician."""
    assert query_tokens("c n a") == query_tokens("cna") == ["certified", "nursing", "assistant"]
    assert query_tokens("r n") == ["registered", "nurse"]
    assert query_tokens("vitamin c sales") == ["vitamin", "c", "sales"]  # a letter alone stays one


def test_the_head_noun_is_the_last_noun_of_the_first_phrase() -> None:
    assert heads("Pediatric Dermatologist") == ("dermatologist",)
    assert heads("Director of Nursing") == ("director",)
    assert heads("Registered Nurse (RN)") == ("nurse",)
    assert heads("Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters") == ("helpers",)
    assert heads("Bookkeeper or accountant") == ("bookkeeper", "accountant")


def test_modifiers_are_never_the_head() -> None:
    assert heads("Nurse, senior") == ("nurse",)
    assert heads("plumber apprentice") == ("plumber",)
    assert heads("Software Developer II") == ("developer",)
    assert heads("plumber helper") == ("helper",)  # a helper is an occupation of its own (SOC)


def test_queries_drop_trainee_words_as_soc_codes_apprentices_with_their_trade() -> None:
    assert query_tokens("plumber apprentice") == ["plumber"]
    assert query_tokens("apprentice") == ["apprentice"]  # nothing else left: kept
    assert tokens("Plumber Apprentice") == ["plumber", "apprentice"]  # index titles keep every word


def test_an_occupation_title_is_also_said_the_way_people_say_it() -> None:
    assert title_forms("Architects, Except Landscape and Naval") == ["Architects"]
    assert title_forms("Cooks, Restaurant") == ["Restaurant Cooks"]
    assert title_forms("Dentists, General") == ["Dentists"]
    assert title_forms("Chefs and Head Cooks") == ["Chefs", "Head Cooks"]
    assert title_forms("Fine Artists, Including Painters, Sculptors, and Illustrators") == ["Fine Artists"]


def test_a_title_joining_two_kinds_of_one_job_is_said_as_each() -> None:
    # a modifier pair shares the head noun; one word after "and" shares the first job's modifiers
    assert title_forms("Financial and Investment Analysts") == ["Financial Analysts", "Investment Analysts"]
    assert title_forms("General and Operations Managers") == ["General Managers", "Operations Managers"]
    assert title_forms("Customs and Border Protection Officers") == [
        "Customs Protection Officers",
        "Customs Officers",
        "Border Protection Officers",
    ]
    assert title_forms("Correctional Officers and Jailers") == ["Correctional Officers", "Correctional Jailers"]
    assert title_forms("Private Detectives and Investigators") == ["Private Detectives", "Private Investigators"]
    assert title_forms("Civil Engineering Technologists and Technicians") == [
        "Civil Engineering Technologists",
        "Civil Engineering Technicians",
    ]  # never a bare "Technicians" for one occupation


def test_titles_that_cannot_be_cut_safely_are_left_alone() -> None:
    # "Heavy" is no job: only the forms with the shared head
    assert title_forms("Heavy and Tractor-Trailer Truck Drivers") == [
        "Heavy Truck Drivers",
        "Heavy Drivers",
        "Tractor-Trailer Truck Drivers",
    ]
    assert title_forms("Bus and Truck Mechanics and Diesel Engine Specialists") == []
    assert title_forms("First-Line Supervisors of Construction Trades and Extraction Workers") == []
    assert title_forms("Dentists, All Other Specialists") == []
    assert title_forms("Helpers--Painters, Paperhangers, Plasterers, and Stucco Masons") == []
    assert title_forms("Registered Nurses") == []


def test_a_title_listing_three_kinds_of_one_job_is_said_as_each() -> None:
    assert title_forms("Shipping, Receiving, and Inventory Clerks") == [
        "Shipping Clerks",
        "Receiving Clerks",
        "Inventory Clerks",
    ]
    assert title_forms("Bookkeeping, Accounting, and Auditing Clerks")[1] == "Accounting Clerks"
    # a list of jobs, not of kinds of one job, is left alone
    assert title_forms("Plumbers, Pipefitters, and Steamfitters") == []
    assert title_forms("Welding, Soldering, and Brazing Machine Setters, Operators, and Tenders") == []
    assert title_forms("Helpers--Installation, Maintenance, and Repair Workers") == []


def test_school_grades_become_school_levels() -> None:
    """U.S. grades 1-5 are elementary school, 6-8 middle school, 9-12 high school, which O*NET's
    titles call secondary school."""
    assert query_tokens("3rd grade teacher") == ["elementary", "school", "teacher"]
    assert query_tokens("Fifth Grade Teacher") == ["elementary", "school", "teacher"]
    assert query_tokens("7th grade math teacher") == ["middle", "school", "math", "teacher"]
    assert query_tokens("11th grade English teacher") == ["secondary", "school", "english", "teacher"]
    assert tokens("High School Teacher") == ["secondary", "school", "teacher"]
    assert tokens("junior high") == ["middle", "school"]
    assert tokens("Pre-K Teacher") == tokens("PreK teacher") == ["preschool", "teacher"]
    assert tokens("grade 3 teacher") == ["grade", "3", "teacher"]  # a level, dropped later as before
    # a range of grades too ("k-5 teacher" had been a kindergarten teacher: the digits were dropped)
    assert query_tokens("k-5 teacher") == ["elementary", "school", "teacher"]
    assert query_tokens("6-8 math teacher") == ["middle", "school", "math", "teacher"]
    assert query_tokens("9-12 english teacher") == ["secondary", "school", "english", "teacher"]
    assert tokens("k-12 teacher") == ["k", "12", "teacher"]


def test_everyday_shorthand_is_spelled_out() -> None:
    assert tokens("18 wheeler driver") == ["tractor", "trailer", "driver"]
    assert tokens("EMS") == ["emergency", "medical", "services"]
    assert tokens("pen tester") == tokens("pentester") == ["penetration", "tester"]
    assert tokens("AP clerk") == ["accounts", "payable", "clerk"]
    assert tokens("AR specialist") == ["accounts", "receivable", "specialist"]
    assert tokens("AR developer") == ["ar", "developer"]  # augmented reality as often: only beside clerk or specialist
    assert tokens("Cash Register Op") == ["cash", "register", "operator"]
    assert tokens("limo driver") == ["limousine", "driver"]
    assert tokens("ecommerce manager") == tokens("E-Commerce Manager") == ["e", "commerce", "manager"]


def test_job_search_words_are_dropped_from_a_query() -> None:
    """ "near" was the head of "warehouse jobs near me" (Data Warehousing Specialists), and "no" of
    "no experience warehouse"."""
    assert query_tokens("warehouse jobs near me") == ["warehouse"]
    assert query_tokens("cashier hiring now") == ["cashier"]
    assert query_tokens("no experience warehouse") == ["warehouse"]
    assert query_tokens("customer experience specialist") == ["customer", "experience", "specialist"]
    assert query_tokens("now hiring") == ["now", "hiring"]  # nothing else left: kept
    assert query_tokens("how to become a nurse") == ["nurse"]
    assert query_tokens("plumber salary") == ["plumber"]
    # "my" and "your" are stop words: "rent out my car" found rental clerks before "Renting out your car"
    assert query_tokens("rent out my car") == ["rent", "out", "car"]
    assert tokens("Renting out your car") == ["renting", "out", "car"]


def test_a_schedule_is_dropped_from_a_query_that_names_a_job() -> None:
    """ "part time driver" found Parts Drivers, "part time clerk" Time Clerks, and "pt cashier" and
    "pt driver" Physical Therapists through "Travel PT"."""
    assert query_tokens("part time driver") == ["driver"]
    assert query_tokens("part-time clerk") == ["clerk"]
    assert query_tokens("full time nurse") == ["nurse"]
    assert query_tokens("pt cashier") == ["cashier"]
    assert query_tokens("ft driver") == ["driver"]
    assert query_tokens("part time jobs") == ["part", "time"]  # the schedule is the search
    assert query_tokens("part time") == ["part", "time"]
    # "entry level accountant" was marked no exact match: a level of hiring, not a word of the title
    assert query_tokens("entry level accountant") == ["accountant"]
    assert query_tokens("entry-level data entry") == ["data", "entry"]
    assert query_tokens("entry level") == ["entry", "level"]
    assert query_tokens("security jobs for veterans") == ["security"]
    assert query_tokens("caregiver for seniors") == ["caregiver"]
    # alone or beside therapy or training words "pt" is a physical therapist or a personal trainer
    assert query_tokens("pt") == ["pt"]
    assert query_tokens("pt assistant") == ["pt", "assistant"]
    assert query_tokens("travel pt") == ["travel", "pt"]


def test_what_a_job_ad_adds_about_pay_perks_and_start_is_dropped() -> None:
    """ "cook with benefits" found Compensation and Benefits Managers, "security weekly pay"
    Paying Tellers, "warehouse immediate start" Starters, "forklift $22/hr" (hr: human resources)
    Human Resources Managers."""
    assert query_tokens("cook with benefits") == ["cook"]
    assert query_tokens("security weekly pay") == ["security"]
    assert query_tokens("warehouse immediate start") == ["warehouse"]
    assert query_tokens("forklift $22/hr") == ["forklift"]
    assert query_tokens("mechanic needed") == ["mechanic"]
    assert query_tokens("warehouse help wanted asap") == ["warehouse"]
    assert query_tokens("sign-on bonus nurse") == ["nurse"]
    assert query_tokens("benefits specialist") == ["benefits", "specialist"]  # a job of its own
    assert query_tokens("help wanted") == ["help", "wanted"]  # nothing else: it names no job
    # the applicant's age and cash pay: "mcdonalds hiring 15 year olds" found tutors, "moving help
    # cash same day" Cashiers
    assert query_tokens("cashier 16 year old") == ["cashier"]
    assert query_tokens("dishwasher for 15-year-olds") == ["dishwasher"]
    assert query_tokens("moving help cash same day") == ["moving", "help"]
    assert query_tokens("mover paid in cash") == ["mover"]
    assert query_tokens("cash office clerk") == ["cash", "office", "clerk"]  # a job of its own
    assert query_tokens("same day surgery nurse") == ["same", "day", "surgery", "nurse"]


def test_a_last_guy_is_the_person_doing_the_work() -> None:
    """ "yard guy" found a textile "Yarder" and "computer guy" geophysical computer technicians."""
    assert tokens("yard guy") == ["yard"]
    assert tokens("pool gal") == ["pool"]
    assert tokens("guy") == ["guy"]
    assert tokens("5 guys") == ["5", "guys"] and tokens("the guy") == ["guy"]  # no work named


def test_a_job_once_held_is_the_job() -> None:
    """ "retired teacher" was read as "retarded teacher" (an old O*NET title), "former farmer" found a
    foundry "Hand Former": the word before the job names none."""
    assert query_tokens("retired teacher") == ["teacher"]
    assert query_tokens("former farmer") == ["farmer"]
    assert query_tokens("ex-cop") == ["cop"]
    assert query_tokens("former") == ["former"]  # nothing else to search
    assert query_tokens("hand former") == ["hand", "former"]  # after the job, a word of it


def test_a_shift_is_dropped_from_a_query_that_names_a_job_but_not_from_a_role_that_runs_one() -> None:
    """ "2nd shift welder" and "cnc operator 2nd shift" found Team Assemblers and packaging
    operators through "2nd shift production" and "2nd shift machine operator"."""
    assert query_tokens("2nd shift welder") == ["welder"]
    assert query_tokens("cnc operator 3rd shift") == ["cnc", "operator"]
    assert query_tokens("night shift nurse") == ["nurse"]
    assert query_tokens("night shift supervisor") == ["shift", "supervisor"]
    assert query_tokens("shift lead") == ["shift", "lead"]
    assert query_tokens("night shift") == ["night", "shift"]  # nothing else to search
    assert query_tokens("pt trainer") == ["pt", "trainer"]
    assert query_tokens("time clerk") == ["time", "clerk"]
    assert query_tokens("auto parts clerk") == ["auto", "parts", "clerk"]


def test_a_job_without_a_cdl_is_a_light_truck_job() -> None:
    """ "non" is a stop word: "non cdl driver" was a "cdl driver", a tractor-trailer driver."""
    for query in ("non cdl driver", "no cdl driver", "non-CDL driver", "noncdl driver"):
        assert query_tokens(query) == ["light", "truck", "driver"]
    assert query_tokens("cdl driver") == ["commercial", "driver", "license", "driver"]


def test_a_last_job_or_position_is_dropped_but_a_first_one_kept() -> None:
    """ "mechanic position" found watch repairers ("Position Clerk"), "operator jobs" the printing
    press operators ("Job Press Operator")."""
    assert query_tokens("mechanic position") == ["mechanic"]
    assert query_tokens("operator jobs") == ["operator"]
    assert query_tokens("chef job opportunities") == ["chef"]
    assert query_tokens("job coach") == ["job", "coach"]
    assert query_tokens("jobs") == ["jobs"]


def test_a_leading_or_or_iv_names_something() -> None:
    """ "or tech" searched as "tech" ("or" a stop word) and "iv tech" too ("iv" a level)."""
    assert tokens("OR Nurse") == ["operating", "room", "nurse"]
    assert query_tokens("or tech") == ["operating", "room", "technician"]
    assert tokens("OR analyst") == ["operations", "research", "analyst"]  # an analyst's OR
    assert tokens("OR research") == ["operations", "research"]
    assert query_tokens("iv tech") == ["intravenous", "technician"]
    assert tokens("Engineer IV") == ["engineer", "iv"]  # a level, dropped later
    assert tokens("Cashier or Clerk") == ["cashier", "clerk"]


def test_a_team_lead_is_a_supervisor() -> None:
    """ "manufacturing team lead" found Team Assemblers: "team" is not the job."""
    assert query_tokens("manufacturing team lead") == ["manufacturing", "supervisor"]
    assert query_tokens("team leads") == ["supervisor"]  # was a platoon leader
    assert tokens("Team Assemblers") == ["team", "assemblers"]


@pytest.mark.parametrize("query", ["88h", "MOS 92F", "92f mos", "usmc 0311", "3D1X2", "army 25u", "153a", "25 uniform"])
def test_military_job_codes_are_told_apart(query: str) -> None:
    assert is_military_code(query)


@pytest.mark.parametrize("query", ["88", "2024", "rn", "cdl a driver", "h2a", "401k", "plumber"])
def test_other_queries_are_no_military_job_codes(query: str) -> None:
    assert not is_military_code(query)


@pytest.mark.parametrize(
    ("query", "read"),
    [
        ("fix cars", (("cars",), "repairer")),
        ("someone who fixes computers", (("computers",), "repairer")),
        ("cutting hair", (("hair",), "cutter")),
        ("i want to work with animals", (("animals",), "worker")),
        ("taking care of the elderly", (("elderly",), "caregiver")),
        ("jobs driving a truck", (("truck",), "driver")),
        ("fly planes", (("planes",), "pilot")),
        ("i like to bake", ((), "baker")),  # the doer alone, after "i like to"
        ("do nails", (("nails",), "")),  # no title names a doer of "do": what is done says it
        ("waiting tables", (("tables",), "waiter")),
        ("someone who flies planes", (("planes",), "pilot")),
        ("someone who fixes someone's cars", (("cars",), "repairer")),  # whose, no thing fixed
        ("i want to drive a truck", (("truck",), "driver")),
    ],
)
def test_work_described_is_read_as_what_is_done_and_who_does_it(query: str, read: tuple) -> None:
    """ "fix cars" found computer repairers (a "Break/Fix Tech") and "teach kids" pediatricians."""
    assert activity(query) == read


@pytest.mark.parametrize(
    "query",
    ["cook", "bake", "help desk", "truck driver", "work from home", "someone who", "fix", "jobs for teens"]
    + ["programming jobs near me", "someone who helps lawyers", "work with people", "job hunting", "career planning"],
)
def test_a_title_or_a_verb_alone_describes_no_work(query: str) -> None:
    """ "jobs for teens" had been searched as "teen" ("teen librarian"), "programming jobs" as "job
    programmer"; a job search's words and people in general are no thing work is done to."""
    assert activity(query) is None


def test_what_is_said_before_the_work_is_not_searched() -> None:
    """ "i want to be a nurse" was searched with "be" and "want"; "i like to cook" read "like" as a
    typo of "line"."""
    assert without_activity_lead("i want to be a nurse") == "nurse"
    assert without_activity_lead("I like to cook") == "cook"
    assert without_activity_lead("someone who fixes cars") == "fixes cars"
    assert without_activity_lead("nurse who floats") == "nurse who floats"  # no lead: as typed


def test_a_title_turned_round_on_purpose_is_told_apart() -> None:
    assert inverted("Director of Nursing")
    assert inverted("engineer, software")
    assert not inverted("tech lead")
