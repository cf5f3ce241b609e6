"""Turning a job title into the tokens the search index compares.

The same functions run on index titles and on queries, so both sides meet in one
vocabulary: lower case, accents folded, abbreviations spelled out (`RN` → registered
nurse), brand names mapped to the work (`uber` → rideshare), a light stemmer
(`nurses`, `nursing` → `nurs`; `labeler`, `labeling` → `label`), stop words dropped.

Pure functions, no Django: `eval/search_eval.py` and the tests call them directly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_QUERY_CHARS = 100  # a title; the form and the API reject longer input


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _word_set("a an and the of for in on at to with by from or as per all other except non etc my your")

# Levels and seniority carry no occupation: dropped before matching.
LEVEL_WORDS = _word_set("i ii iii iv v vi 1 2 3 4 5 6 level grade class")

# Words that qualify a person or a schedule ("prn", "overnight") rather than name the work. They
# still match (an index title "Senior Accountant" is closer to "senior accountant" than
# "Accountant" is), at a fraction of their weight, and they are never taken for the head noun.
MODIFIERS = _word_set(
    """
    senior junior lead chief head principal staff associate entry experienced deputy journeyman
    journeyworker master certified licensed registered temporary temp seasonal part time full
    remote contract freelance independent work job jobs position prn diem overnight weekend weekends
    company companies
    """
)

# Seniority said beside a job ("senior driver", "jr accountant"): matched where a title has it,
# but a title without it is still every word of the query that names the job
SENIORITY = _word_set("senior junior experienced journeyman journeyworker staff")

# Employers people name in a search ("walmart store manager", "kroger clerk"): beside a job word they
# weigh little and are never read as a typo of a title word ("kroger" is no "roguer").
EMPLOYERS = _word_set(
    """
    walmart kroger costco amazon starbucks mcdonald mcdonalds lowe lowes walgreens cvs publix safeway
    aldi meijer wegmans chipotle wendy wendys kfc dunkin albertsons fedex autozone sheetz wawa heb
    verizon att disney ymca popeyes arbys tesla boeing tyson sephora ulta kohls macys hertz marriott
    hilton aramark sodexo cintas geico kaiser labcorp davita quiktrip racetrac chase fargo
    startup startups faang bigtech
    """
)

# SOC's coding rule: "apprentices and trainees are classified with the occupations for which
# they are being trained, whereas helpers and aides are classified separately". So these words
# are dropped from queries ("plumber apprentice" searches as "plumber"), while "helper", "aide"
# and "assistant" stay ordinary words that can be the head ("plumber helper" is a helper).
TRAINEE_WORDS = _word_set("apprentice apprentices apprenticeship trainee trainees intern interns")

# What job seekers add to a search that never names the job ("warehouse jobs near me", "cashier
# hiring now", "how to become a nurse", "plumber salary"): dropped from a query unless nothing else
# is left. "near" was the head of the first.
SEARCH_WORDS = _word_set(
    """
    hiring near me now immediately immediate opening openings vacancy vacancies urgent urgently how
    become becoming salary salaries outlook
    """
)
# Said after the job ("plumbing job", "mechanic position"), these name no job: dropped there. First
# ("job coach", "position clerk") they are a title's word like any other.
TRAILING_WORDS = _word_set("job jobs position positions role roles opportunity opportunities")
# "no experience", "no degree": the requirement waived, and "no", are no job words either
WAIVED = _word_set("experience exp degree diploma license licence certification cert")

# A search made only of these words names no job ("jobs near me", "entry level", "highest paying
# jobs", "remote"): it is answered with no occupation rather than with one that happens to hold a
# word of it ("near" found Near East Archeology professors, "entry" Data Entry Keyers)
NO_JOB_WORDS = (
    SEARCH_WORDS
    | TRAILING_WORDS
    | WAIVED
    | LEVEL_WORDS
    | _word_set(
        """
        no part full time entry work working career careers employment highest paying pay best top good easy
        needed wanted help benefits weekly daily bonus asap
        high local today online remote hybrid weekend weekends overnight night nights evening evenings shift shifts
        seasonal temporary temp summer hire retired former formerly ex teen teens teenager teenagers veteran veterans
        """
    )
)
# What a job ad says beside the job about where, when or for how long ("line cook nights", "remote
# data entry", "prn pharmacist", "per diem therapist", "travel lpn", "teen cashier"): no part of the job, so no word
# an exact match lacks. Not "night" or "evening", which name jobs ("night porter", "evening news anchor")
AD_EXTRAS = _word_set(
    "remote hybrid nights weekend weekends overnight seasonal temporary temp summer shifts prn diem travel traveling"
    " teen teens teenager teenagers"
)
# ... and of those, the words no title is named by: a title without them holds every word that names
# the job ("overnight cashier" is a cashier). Not "travel" or "summer": "Travel Coordinator" and
# "Summer Associate" are titles of their own
AD_ASIDE = AD_EXTRAS - _word_set("travel traveling temporary temp summer")

# Abbreviations, brand names and spelling variants, applied to index titles and queries alike
# (longest phrase first). Keys and values are lower-case words, as `words()` yields them.
SYNONYMS: dict[str, str] = {
    # health care
    "rn": "registered nurse",
    "rns": "registered nurse",
    "bsn": "registered nurse",
    "lpn": "licensed practical nurse",
    "lvn": "licensed vocational nurse",
    "cna": "certified nursing assistant",
    "cnas": "certified nursing assistant",
    "stna": "nursing assistant",
    "np": "nurse practitioner",
    "aprn": "advanced practice registered nurse",
    "crna": "certified registered nurse anesthetist",
    "emt": "emergency medical technician",
    "emts": "emergency medical technician",
    "emt b": "emergency medical technician",
    "emt p": "paramedic",
    "cma": "certified medical assistant",
    "rma": "registered medical assistant",
    "pharm tech": "pharmacy technician",
    "cpht": "pharmacy technician",
    "ot": "occupational therapist",
    "ota": "occupational therapy assistant",
    "pta": "physical therapist assistant",
    "slp": "speech language pathologist",
    "rrt": "respiratory therapist",
    "md": "physician",
    "dds": "dentist",
    "dmd": "dentist",
    "lcsw": "licensed clinical social worker",
    "msw": "social worker",
    "lpc": "licensed professional counselor",
    "bcba": "board certified behavior analyst",
    "rbt": "registered behavior technician",
    "cpr": "cardiopulmonary resuscitation",
    "er": "emergency room",
    "ems": "emergency medical services",
    "icu": "intensive care unit",
    "hha": "home health aide",
    "pca": "personal care aide",
    "care giver": "caregiver",
    "baby sitter": "babysitter",
    # trades and driving
    "hvacr": "hvac",
    "hvac r": "hvac",
    "heating ventilation air conditioning": "hvac",
    "heating ventilation air conditioning refrigeration": "hvac",
    "heating air conditioning": "hvac",
    "heating cooling": "hvac",
    "ac": "air conditioning",
    "cdl": "commercial driver license",
    "cdl a": "commercial driver license",
    "cdl b": "commercial driver license",
    "otr": "over road",
    "18 wheeler": "tractor trailer",
    "eighteen wheeler": "tractor trailer",
    "limo": "limousine",
    "uber": "rideshare",
    "lyft": "rideshare",
    "ride share": "rideshare",
    "ride sharing": "rideshare",
    "ridesharing": "rideshare",
    "uber eats": "food delivery",
    "ubereats": "food delivery",
    "doordash": "food delivery",
    "door dash": "food delivery",
    "dasher": "food delivery driver",
    "grubhub": "food delivery",
    "postmates": "food delivery",
    "instacart": "grocery delivery",
    "amazon flex": "flex delivery",  # so "amazon" alone ("amazon warehouse") is not read as the gig
    "shipt": "grocery delivery",
    "handy man": "handyman",
    "mig": "welding",
    "tig": "welding",
    # office, business, technology
    "admin assistant": "administrative assistant",
    "admin asst": "administrative assistant",
    "admin": "administrator",
    "exec": "executive",
    "ceo": "chief executive officer",
    "cfo": "chief financial officer",
    "coo": "chief operating officer",
    "cto": "chief technology officer",
    "cio": "chief information officer",
    "ciso": "chief information security officer",
    "cmo": "chief marketing officer",
    "vp": "vice president",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "gm": "general manager",
    "hr": "human resources",
    "pr": "public relations",
    "cpa": "certified public accountant",
    "csr": "customer service representative",
    # accounts payable and receivable, only beside a job word ("AR" alone is as often augmented reality)
    "ap clerk": "accounts payable clerk",
    "ap specialist": "accounts payable specialist",
    "ar clerk": "accounts receivable clerk",
    "ar specialist": "accounts receivable specialist",
    "qa": "quality assurance",
    "qc": "quality control",
    "it": "information technology",
    "ai": "artificial intelligence",
    "ml": "machine learning",
    "bi": "business intelligence",
    "ui": "user interface",
    "ux": "user experience",
    "dba": "database administrator",
    "sre": "site reliability engineer",
    "pen tester": "penetration tester",
    "pentester": "penetration tester",
    "swe": "software engineer",
    "sde": "software development engineer",
    "sysadmin": "system administrator",
    "dev ops": "devops",
    "dev": "developer",
    "devs": "developer",
    "frontend": "front end",
    "backend": "back end",
    "fullstack": "full stack",
    "web dev": "web developer",
    "ecommerce": "e commerce",  # O*NET writes "E-Commerce"
    "big tech": "bigtech",
    "annotator": "labeler",
    "annotation": "labeling",
    "data tagger": "data labeler",
    "ai trainer": "artificial intelligence data labeler",
    "k12": "k 12",
    # school levels: U.S. grades 1-5 are elementary school, 6-8 middle school, 9-12 high school
    # (a sixth grade sits in either; middle school is the commoner), and "high school" is what
    # O*NET's titles call secondary school
    **{
        f"{grade} grade": "elementary school"
        for grade in _word_set("1st 2nd 3rd 4th 5th first second third fourth fifth")
    },
    **{f"{grade} grade": "middle school" for grade in _word_set("6th 7th 8th sixth seventh eighth")},
    **{f"{grade} grade": "secondary school" for grade in _word_set("9th 10th 11th 12th ninth tenth eleventh twelfth")},
    # grade ranges ("k-5 teacher" had been a kindergarten teacher: the digits were dropped)
    **{grades: "elementary school" for grades in ("k 5", "k 6", "k 8", "1 5", "1 6")},
    **{grades: "middle school" for grades in ("5 8", "6 8", "7 8")},
    **{grades: "secondary school" for grades in ("6 12", "7 12", "9 12", "10 12")},
    "high school": "secondary school",
    "junior high": "middle school",
    "grade school": "elementary school",
    "pre k": "preschool",
    "prek": "preschool",
    "pre kindergarten": "preschool",
    "esl": "english second language",
    "sped": "special education",
    # shortened words
    "mgr": "manager",
    "mngr": "manager",
    "mgmt": "management",
    "asst": "assistant",
    "assist": "assistant",
    "assoc": "associate",
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "tech": "technician",
    "tec": "technician",  # "vet tec", "pharmacy tec"
    "techs": "technician",
    "eng": "engineer",
    "engr": "engineer",
    "rep": "representative",
    "reps": "representative",
    "coord": "coordinator",
    "spec": "specialist",
    # O*NET's own short form ("Cash Register Op"); "cnc op" found Telephone Operators through "CO Op"
    "op": "operator",
    # a team lead leads the people who do the job: "team" is not the job ("manufacturing team lead"
    # found Team Assemblers)
    "team lead": "supervisor",
    "team leads": "supervisor",
    "team leader": "supervisor",
    "team leaders": "supervisor",
    "supv": "supervisor",
    "supvr": "supervisor",
    "supt": "superintendent",
    "dir": "director",
    "mktg": "marketing",
    "svc": "service",
    "svcs": "services",
    "cust": "customer",
    "serv": "service",
    "ofc": "officer",
    "sgt": "sergeant",
    "lt": "lieutenant",
    "mdse": "merchandise",
    "secy": "secretary",
    "info": "information",
    "occ": "occupational",
    "maint": "maintenance",
    "mech": "mechanic",
    "elec": "electrical",
    "ops": "operations",
    "mfg": "manufacturing",
    "prod": "production",
    "equip": "equipment",
    "whse": "warehouse",
    "acct": "account",
    "aid": "aide",
    "aids": "aide",
    # British spellings, as U.S. titles write them
    "centre": "center",
    "centres": "centers",
    "tyre": "tire",
    "tyres": "tires",
    "jeweller": "jeweler",
    "jewellers": "jewelers",
    "jewellery": "jewelry",
    "organiser": "organizer",
    "organisers": "organizers",
    "organisation": "organization",
    "adviser": "advisor",
    "advisers": "advisors",
    "plough": "plow",
    "theatre": "theater",
    "colour": "color",
    "colourist": "colorist",
    "labour": "labor",
    "labourer": "laborer",
    "labourers": "laborers",
    "programme": "program",
    "catalogue": "catalog",
    "defence": "defense",
    "licence": "license",
    "paediatric": "pediatric",
    "paediatrician": "pediatrician",
    "anaesthetist": "anesthetist",
    "anaesthesia": "anesthesia",
    "orthopaedic": "orthopedic",
    "gynaecologist": "gynecologist",
    "haematologist": "hematologist",
    # clipped words and shorthand inside longer titles
    "med lab": "medical laboratory",
    "psych": "psychiatric",
    "peds": "pediatric",
    "ag": "agriculture",
    "kinder": "kindergarten",
    "sub teacher": "substitute teacher",
    "sub teachers": "substitute teacher",
    "cte": "career technical education",
    "infosec": "information security",
    "nemt": "non emergency medical transportation",
    "evs": "environmental services",
    "mech engineer": "mechanical engineer",
    # "admin" before a job word is administrative work ("admin manager"), as a head an administrator
    **{
        f"admin {job}": f"administrative {job}"
        for job in _word_set("manager coordinator specialist support clerk officer director supervisor")
    },
}

_MAX_PHRASE = max(len(key.split()) for key in SYNONYMS)
_SYNONYM_WORDS = {tuple(key.split()): tuple(value.split()) for key, value in SYNONYMS.items()}
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case, accents removed, two letters joined by `&` or `/` one word ("A&P" is aandp, the
    aircraft mechanic's licence; "A/P" is ap, accounts payable), any other `&` spelled out, a "+"
    after a word part of it ("Security+" is securityplus, the certificate, not security; "C++" cpp),
    and "1:1", "1-on-1" or "one to one" said as "one on one" (a school aide for one child)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _LETTER_PAIR.sub(lambda pair: pair.group(1) + ("and" if pair.group(2) == "&" else "") + pair.group(3), text)
    text = _PLUS.sub(lambda plus: plus.group(1) + ("pp" if len(plus.group(2)) > 1 else "plus"), text)
    text = _ONE_ON_ONE.sub("one on one", text)
    return text.replace("&", " and ").replace("'s ", " ").replace("’s ", " ")


_LETTER_PAIR = re.compile(r"\b([a-z])\s*([&/])\s*([a-z])\b")
_PLUS = re.compile(r"([a-z0-9])(\+\+?)")
_ONE_ON_ONE = re.compile(r"\b(?:1|one)(?:\s*[:-]\s*|\s*-?\s*(?:on|to)\s*-?\s*)(?:1|one)\b")


def words(text: str) -> list[str]:
    """The alphanumeric runs of the folded text: `"Registered Nurse (RN)"` → registered, nurse, rn.
    Dotted initials are one word: "C.N.A." → cna, "h.r. manager" → hr, manager."""
    return _WORD.findall(_INITIALS.sub(lambda initials: initials.group(0).replace(".", ""), fold(text)))


_INITIALS = re.compile(r"\b[a-z](?:\.[a-z])+\b\.?")


def expand(tokens: list[str]) -> list[str]:
    """Apply SYNONYMS, longest phrase first, left to right."""
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(_MAX_PHRASE, len(tokens) - i), 0, -1):
            replacement = _SYNONYM_WORDS.get(tuple(tokens[i : i + size]))
            if replacement is not None:
                out.extend(replacement)
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


# Words the suffix rules below would merge with another job word of a different sense: an officer
# is not an office, a customer is not customs, accounting (the books) is not an account (a client),
# a driver trainer is no train driver and a play leader no piano player; a plane is no plan, a
# programmer no program, a producer no produce and parking no park; training is not a train
# ("train engineer" is no "engineer in training") and securities are not security.
_STEM_KEPT = {
    form: base
    for base, forms in {
        "officer": "officer officers",
        "customer": "customer customers",
        "accounting": "accounting",
        "trainer": "trainer trainers",
        "player": "player players",
        "plane": "plane planes",
        "programmer": "programmer programmers",
        "producer": "producer producers",
        "parking": "parking",
        "training": "training trainings",
        "securities": "securities",
        # irregular plurals: "police men", "sales women", "bus boys" ("boys" ends in -ys, kept)
        "man": "man men",
        "woman": "woman women",
        "boy": "boy boys",
    }.items()
    for form in forms.split()
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer for job titles: plurals, -ing, -er/-ers, a final -e.

    nurses, nursing, nurse → nurs; drivers, driving → driv; labeler, labeling → label;
    secretaries → secretary; foremen → foreman; engineer stays (``-eer`` is kept).
    """
    if word in _STEM_KEPT:
        return _STEM_KEPT[word]
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("men") and len(word) > 5:
        word = word[:-3] + "man"
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is", "ys")):
        word = word[:-1]
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("er") and len(word) > 5 and not word.endswith("eer"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":  # runn(ing) → run, shipp(er) → ship
        word = word[:-1]
    return word


# A first word that would be dropped as a stop word or a level but, first, names something: no title
# or search starts with the conjunction "or" or with a level ("OR Nurse", "iv tech").
_LEADING = {"or": ["operating", "room"], "iv": ["intravenous"]}
# ... except an analyst's OR, operations research
_OR_RESEARCH = _word_set("analyst analysts research researcher researchers scientist scientists")
# "employee" as the last word says what "worker" says; elsewhere it means the staff ("Employee
# Relations Specialist"), as it did when "construction employee" found a training specialist
_EMPLOYEE = {"employee", "employees"}
# "yard guy", "computer guy": the person who does the work the other words name ("yard guy" found a
# textile "Yarder", "computer guy" geophysical computer technicians)
_GUY = {"guy", "guys", "gal", "gals"}


def _names_work(word: str) -> bool:
    return word not in STOPWORDS and not word.isdigit() and word not in _NUMBER_WORDS


_NUMBER_WORDS = _word_set("one two three four five six seven eight nine ten")
# "pt" and "ft" before a job word are part and full time ("pt cashier", "pt driver" found Physical
# Therapists through "Travel PT"); alone, or before a word of therapy or training, "pt" is a
# physical therapist or a personal trainer
_SCHEDULE_SHORT = {"pt": ["part", "time"], "ft": ["full", "time"]}
_PT_WORDS = _word_set(
    "assistant assistants asst aide aides tech techs technician technicians therapist therapists therapy rehab "
    "clinic clinician clinical director manager supervisor lead travel home outpatient inpatient ortho peds "
    "pediatric sports acute snf evaluator student trainer trainers training"
)
# "part time", "full time": a schedule, dropped from a query that names a job ("part time driver"
# found Parts Drivers, "part time clerk" Time Clerks)
_SCHEDULE_PAIR = {"part", "full"}
# "2nd shift", "night shift": when, not what ("2nd shift welder" found Team Assemblers through "2nd
# shift production"); dropped from a query that names a job, but "shift" stays before a role that
# runs one ("night shift supervisor" is a shift supervisor)
_SHIFT_TIMES = _word_set(
    "1st 2nd 3rd first second third night nights day days evening evenings overnight graveyard swing weekend morning"
)
_SHIFT_ROLES = _word_set("lead leader supervisor manager captain coordinator runner boss superintendent")


def tokens(text: str) -> list[str]:
    """Expanded words, stop words removed (order kept; stems are taken later)."""
    found = words(text)
    if len(found) > 1 and found[0] == "or" and found[1] in _OR_RESEARCH:
        found = ["operations", *(["research"] if found[1] != "research" else []), *found[1:]]
    elif len(found) > 1 and found[0] in _LEADING:
        found = _LEADING[found[0]] + found[1:]
    if len(found) > 1 and found[0] in _SCHEDULE_SHORT and found[1] not in _PT_WORDS:
        found = _SCHEDULE_SHORT[found[0]] + found[1:]
    if len(found) > 1 and found[-1] in _EMPLOYEE:  # "construction employee" is a construction worker
        found = [*found[:-1], "worker"]
    if len(found) > 1 and found[-1] in _GUY and any(_names_work(word) for word in found[:-1]):
        found = found[:-1]  # but "5 guys" and "the guy" are no work
    return expand([word for word in found if word not in STOPWORDS])


# "careers in nursing", "aviation careers", "jobs in accounting": the field is the search ("career
# counselor" is not)
_CAREERS_IN = re.compile(r"^\s*(?:careers?|jobs?)\s+in\s+(?=\S)|(?<=\S)\s+careers?\s*$", re.IGNORECASE)


def without_trailing(toks: list[str]) -> list[str]:
    """Words without a last "job", "jobs" or "position" (TRAILING_WORDS), unless nothing else is left."""
    while len(toks) > 1 and toks[-1] in TRAILING_WORDS:
        toks = toks[:-1]
    return toks


# "non cdl driver", "no cdl": "non" is a stop word, so "cdl" alone was left and found the
# tractor-trailer drivers who need the licence. A truck under 26,001 lb needs none: SOC's light
# truck drivers drive trucks under 26,001 lb
_NO_CDL = re.compile(r"\bno[nt]?[\s-]*cdl\b", re.IGNORECASE)


# What a job ad adds about pay, perks, start date and the applicant's age ("cook with benefits" found
# Compensation and Benefits Managers, "security weekly pay" Paying Tellers, "warehouse immediate start"
# Starters, "mcdonalds hiring 15 year olds" tutors, "moving help cash same day" Cashiers):
# dropped from a query that names a job
_JOB_AD = re.compile(
    r"\b(?:help\s+)?wanted\b|\bneeded\b|\bwith\s+benefits\b|\b(?:weekly|daily|same\s+day|instant)\s+pay\b"
    r"|\bpaid\s+(?:weekly|daily|training)\b|\bsign[\s-]*on\s+bonus\b|\b(?:start|starts)\s+(?:today|asap|now)\b"
    r"|\bimmediate\s+start\b|\basap\b|\$\s*\d+(?:\.\d+)?\s*(?:/|an?|per)?\s*(?:hr|hour)\b"
    r"|\bcash\s+(?:same\s+day|daily)\b|\bpaid\s+(?:in\s+)?cash\b"
    r"|\b(?:for\s+)?\d\d\s*-?\s*(?:years?|yrs?)\s*-?\s*olds?\b"
    r"|\bfor\s+(?:veterans?|vets|teens?|teenagers?|retirees?|seniors?)\b",  # who is looking, not the job
    re.IGNORECASE,
)


def without_job_ad(text: str) -> str:
    """The text less what a job ad adds about pay, perks, start date, age and who is looking (`_JOB_AD`)."""
    return _JOB_AD.sub(" ", text)


# A military job code typed alone, with or without its service or "mos": an Army MOS ("88h",
# warrant "153a"), a Marine Corps MOS ("0311"; not a year), an Air Force AFSC ("3d1x2"). The entries hold
# the codes we can place; for any other the page says what it is instead of "nothing matches".
_MILITARY_CODE = re.compile(
    r"^\s*(?:(?:us|army|marine|marines|usmc|air|force|usaf|mos|afsc)\s+)*"
    r"(?:\d{2}[a-z]|\d{3}[a-e]|(?!19|20)\d{4}|\d[a-z]\d[x\d]\d)(?:\s+(?:mos|afsc))?\s*$",
    re.IGNORECASE,
)


def is_military_code(query: str) -> bool:
    """ "88h", "MOS 92F", "25 uniform", "usmc 0311", "3D1X2": a military job code, typed alone."""
    return bool(_MILITARY_CODE.match(spoken_codes(query)))


# An Army job code said aloud, its letter in the phonetic alphabet: "11 bravo" is 11b, "68 whiskey" 68w.
_SPOKEN_CODE = re.compile(
    r"\b(\d{2})\s+(alpha|alfa|bravo|charlie|delta|echo|foxtrot|golf|hotel|india|juliet|juliett|kilo|lima|mike"
    r"|november|oscar|papa|quebec|romeo|sierra|tango|uniform|victor|whiskey|whisky|xray|yankee|zulu)\b",
    re.IGNORECASE,
)


def spoken_codes(text: str) -> str:
    return _SPOKEN_CODE.sub(lambda code: code.group(1) + code.group(2)[0], text)


# Letters typed with spaces between them, as an abbreviation of the table: "c n a", "r n", "l p n"
_SPACED_LETTERS = re.compile(r"(?<![\w.])[a-z](?: [a-z])+(?![\w.])", re.IGNORECASE)


def _spaced_abbreviation(match: re.Match[str]) -> str:
    joined = match.group(0).replace(" ", "").lower()
    return joined if joined in SYNONYMS else match.group(0)


_SOUNDS = (
    (re.compile(r"tion|sion|cian|shan|shun|tian"), "xn"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck|q"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"z"), "s"),
    (re.compile(r"(?<=.)[aeiouy]+"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
)


def sound_key(word: str) -> str:
    """A rough key of how a word sounds: "kasheer" and "cashier" are both kshr, "fisical" and
    "physical" fskl. Only to tell a misspelling spelled as it sounds from a word of its own."""
    for pattern, replacement in _SOUNDS:
        word = pattern.sub(replacement, word)
    return word


# "former marine", "ex cop", "retired teacher": the job the searcher held; the word before it names
# none ("retired" was read as a tire "retread", "former" as a foundry "Hand Former")
_FORMERLY = _word_set("former formerly ex retired")


def query_tokens(text: str) -> list[str]:
    """`tokens` of a query, a last "job" or "position" (TRAILING_WORDS) dropped, and trainee words
    (TRAINEE_WORDS), job-search words (SEARCH_WORDS, "no experience") and a schedule ("part time")
    dropped unless nothing else is left."""
    text = _NO_CDL.sub(" light truck ", _CAREERS_IN.sub("", text))
    text = _SPACED_LETTERS.sub(_spaced_abbreviation, text)
    text = spoken_codes(text)
    toks = tokens(without_job_ad(text)) or tokens(text)
    while len(toks) > 1 and toks[0] in _FORMERLY:
        toks = toks[1:]
    # "entry level accountant": a level of hiring, not a word of the title ("data entry level" keeps its entry)
    entry_level = {
        j
        for i in range(len(toks) - 1)
        if toks[i : i + 2] == ["entry", "level"] and toks[i - 1 : i] != ["data"]
        for j in (i, i + 1)
    }
    kept = [
        word
        for i, word in enumerate(toks)
        if word not in TRAINEE_WORDS
        and word not in SEARCH_WORDS
        and not (word == "no" and toks[i + 1 : i + 2] and toks[i + 1] in WAIVED)
        and not (word in WAIVED and toks[i - 1 : i] == ["no"])
        and not (word in _SCHEDULE_PAIR and toks[i + 1 : i + 2] == ["time"])
        and not (word == "time" and toks[i - 1 : i] and toks[i - 1] in _SCHEDULE_PAIR)
        and i not in entry_level
        and not (word in _SHIFT_TIMES and toks[i + 1 : i + 2] == ["shift"])
        and not (
            word == "shift"
            and toks[i - 1 : i]
            and toks[i - 1] in _SHIFT_TIMES
            and not (toks[i + 1 : i + 2] and toks[i + 1] in _SHIFT_ROLES)
        )
    ]
    if not kept or all(word in TRAILING_WORDS for word in kept):  # "part time jobs": the schedule is the search
        return without_trailing(toks)
    return without_trailing(kept)


_QUALIFIED = re.compile(r",? (?:Except|Including) ")
_EXCEPT = re.compile(r",? Except (.*?)(?=, All Other$|$)")


def exceptions(title: str) -> tuple[str, str]:
    """An occupation title without its "Except ..." clause, and that clause: "Disc Jockeys, Except
    Radio" → ("Disc Jockeys", "Radio"). The clause names jobs the occupation is not, so its words
    must not match the occupation ("radio DJ" is the other one); "All Other" stays."""
    match = _EXCEPT.search(title)
    if not match:
        return title, ""
    return (title[: match.start()] + title[match.end() :]).strip(), match.group(1)


def title_forms(title: str) -> list[str]:
    """The ways people say an O*NET occupation title, beyond the title itself: its main part
    ("Architects, Except Landscape and Naval" → Architects), the SOC inversion turned round ("Cooks,
    Restaurant" → Restaurant Cooks; "Dentists, General" → Dentists), each of two jobs a title
    joins ("Chefs and Head Cooks" → Chefs, Head Cooks; "Private Detectives and Investigators" →
    Private Detectives, Private Investigators) and each of two kinds of one job ("Financial and
    Investment Analysts" → Financial Analysts, Investment Analysts; "Customs and Border Protection
    Officers" → Customs Protection Officers, Customs Officers, Border Protection Officers). Lists of
    three or more parts, "All Other" titles and "Supervisors of ..." titles are left as they are, and
    a word such as "Heavy" is never a form on its own."""
    main = _QUALIFIED.split(title)[0].strip()
    forms = [main]
    parts = [part.strip() for part in main.split(",")]
    if (
        len(parts) >= 3
        and parts[-1].startswith("and ")
        and "--" not in main
        and all(" " not in part for part in parts[:-1])
    ):
        # three kinds of one job: "Shipping, Receiving, and Inventory Clerks" → Shipping Clerks,
        # Receiving Clerks, Inventory Clerks; not a list of jobs ("Setters, Operators, and Tenders")
        modifier, _, job = parts[-1].removeprefix("and ").partition(" ")
        if job and " and " not in job and not any(part.endswith("s") for part in parts[:-1]):
            forms += [f"{part} {job}" for part in [*parts[:-1], modifier]]
    elif len(parts) == 2 and "--" not in main and not parts[1].lower().startswith("all other"):
        head, qualifier = parts
        forms.append(head if qualifier.lower() == "general" else f"{qualifier} {head}")
    elif len(parts) == 1:
        first, _, rest = main.partition(" and ")
        plural = first.endswith("s") and not first.endswith(("us", "ms", "ss"))
        if rest and " and " not in rest and " of " not in first and plural:
            # two jobs: "Chefs and Head Cooks", "Correctional Officers and Jailers"; one word after
            # "and" shares the first's modifiers: "Private Detectives and Investigators" → Private
            # Investigators, "Civil Engineering Technologists and Technicians" → Civil Engineering Technicians
            if " " in first and " " not in rest:
                rest = f"{first.rsplit(' ', 1)[0]} {rest}"
            forms += [first, rest]
        elif rest and " and " not in rest and " " not in first and " " in rest and "--" not in main:
            # two kinds of one job: "Financial and Investment Analysts" → Financial Analysts, Investment
            # Analysts; "Customs and Border Protection Officers" → Customs Protection Officers, Customs Officers
            words = rest.split(" ")
            forms += [f"{first} {' '.join(words[1:])}", f"{first} {words[-1]}", rest]
    return [form for form in dict.fromkeys(forms) if form and form != title]


_BREAK = re.compile(r"\(|\)|,|;|:|--| - | of | for | in | at | to | with | on | from | by ")
_ALTERNATIVES = re.compile(r" or |/")


def inverted(title: str) -> bool:
    """Whether a title may say its words in another order on purpose: "engineer, software",
    "director of nursing", "driving for lyft"."""
    return "," in title or not STOPWORDS.isdisjoint(words(title))


def heads(text: str) -> tuple[str, ...]:
    """The head nouns of a title, as expanded words: the last word of its first phrase that is
    not a modifier. "Director of Nursing" → director; "Registered Nurse (RN)" → nurse;
    "plumber apprentice" → plumber; "Bookkeeper or accountant" → bookkeeper, accountant."""
    folded = " " + fold(text) + " "
    first = next((part for part in _BREAK.split(folded) if _WORD.search(part)), folded)
    found: list[str] = []
    for alternative in _ALTERNATIVES.split(first):
        toks = tokens(alternative)
        for word in reversed(toks):
            if word not in MODIFIERS and word not in LEVEL_WORDS and word not in TRAINEE_WORDS:
                found.append(word)
                break
        else:
            if toks:
                found.append(toks[-1])
    return tuple(dict.fromkeys(found))


# The work described instead of named ("fix cars", "someone who cuts hair", "i want to work with
# animals"): the one who does it, after what it is done to ("car repairer"), is what a title calls
# that job. Verbs by the word for their doer; a phrase of two words is a verb with its particle.
_DOERS = {
    "repairer": "fix repair mend",
    "teacher": "teach",
    "tutor": "tutor",
    "coach": "coach",
    "trainer": "train",
    "driver": "drive",
    "cleaner": "clean",
    "washer": "wash",
    "cutter": "cut",
    "builder": "build",
    "caregiver": "care_for look_after",
    "worker": "work_with work_in work_at work_on",
    "player": "play",
    "maker": "make",
    "baker": "bake",
    "cook": "cook",
    "brewer": "brew",
    "writer": "write",
    "editor": "edit",
    "designer": "design",
    "illustrator": "draw",
    "painter": "paint",
    "animator": "animate",
    "installer": "install",
    "delivery driver": "deliver",
    "grower": "grow",
    "planter": "plant",
    "farmer": "farm",
    "fisher": "fish",
    "hunter": "hunt",
    "breeder": "breed",
    "salesperson": "sell",
    "buyer": "buy",
    "manager": "manage",
    "server": "serve",
    "walker": "walk",
    "pilot": "fly",
    "programmer": "program",
    "coder": "code",
    "typist": "type",
    "translator": "translate",
    "interpreter": "interpret",
    "photographer": "photograph",
    "mover": "move",
    "hauler": "haul",
    "operator": "operate",
    "assembler": "assemble",
    "welder": "weld",
    "packer": "pack",
    "sorter": "sort",
    "stocker": "stock",
    "loader": "load",
    "inspector": "inspect",
    "tester": "test",
    "groomer": "groom",
    "singer": "sing",
    "dancer": "dance",
    "analyst": "analyze analyse",
    "investigator": "investigate",
    "researcher": "research",
    "planner": "plan",
    "organizer": "organize organise",
    "scheduler": "schedule",
    "fighter": "fight",
    "layer": "lay",
    "mower": "mow",
    "waiter": "wait_on",
    "tender": "tend",
    "shopper": "shop",
    "caterer": "cater",
    "counselor": "counsel",
    "advisor": "advise",
    "recruiter": "recruit",
    "auditor": "audit",
    "preparer": "prepare",
    "keeper": "keep",
    "guard": "guard protect",
    "decorator": "decorate",
    "tailor": "sew",
}
_DOUBLED = {"cut", "plan", "shop", "program"}  # cutting, planning, shopping, programming


def _verb_forms(verb: str) -> list[str]:
    """A verb as typed: "fix", "fixes", "fixing"; "drive", "drives", "driving"; "fly", "flies"."""
    if verb.endswith("y") and verb[-2:-1] not in ("a", "e", "o", "u"):
        third = verb[:-1] + "ies"
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        third = verb + "es"
    else:
        third = verb + "s"
    if verb in _DOUBLED:
        ing = verb + verb[-1] + "ing"
    elif verb.endswith("e") and not verb.endswith("ee"):
        ing = verb[:-1] + "ing"
    else:
        ing = verb + "ing"
    return [verb, third, ing]


_VERBS: dict[tuple[str, ...], str] = {}
for _doer, _verbs in _DOERS.items():
    for _verb in _verbs.split():
        _base, _, _particle = _verb.partition("_")
        for _form in _verb_forms(_base):
            _VERBS[(_form, _particle) if _particle else (_form,)] = _doer
for _form in _verb_forms("take"):
    _VERBS[(_form, "care", "of")] = "caregiver"  # "take care of kids"
for _form in _verb_forms("wait"):
    _VERBS[(_form,)] = "waiter"  # "wait tables", "waiting tables"
# Verbs whose doer no title names: what is done says the work ("do nails", "take x rays")
for _form in (*_verb_forms("do"), *_verb_forms("take")):
    _VERBS[(_form,)] = ""


def _leads(*said: str) -> list[tuple[str, ...]]:
    return sorted((tuple(lead.split()) for lead in said), key=len, reverse=True)


# What is said before the work, and says nothing of it: "someone who", "i want to (be)".
_ACTIVITY_LEADS = _leads(
    "someone who",
    "somebody who",
    "person who",
    "people who",
    "a person who",
    "guy who",
    "i want to",
    "i would like to",
    "i d like to",
    "i like to",
    "i love to",
    "i like",
    "i love",
    "i enjoy",
    "i can",
    "want to",
    "like to",
    "love to",
    "get paid to",
    "paid to",
    "jobs that",
    "job that",
    "jobs where i",
    "jobs where you",
    "job where i",
)
_BE = _word_set("be become becoming being is am are")  # "i want to be a nurse": the nurse
# ... and before work only when a verb follows: "jobs working with animals" ("jobs for teens" is no work)
_WORK_LEADS = _leads("jobs", "job", "career", "careers")
# Never what work is done to: people in general, and what a job search adds ("programming jobs near me")
_NOT_THE_OBJECT = (
    STOPWORDS
    | NO_JOB_WORDS
    | _word_set("someone somebody people person others other things stuff lot lots s out up business")
)


def _after_lead(said: list[str], leads: list[tuple[str, ...]]) -> list[str] | None:
    """The words after the first of `leads` that `said` begins with, if any follow it."""
    for lead in leads:
        if tuple(said[: len(lead)]) == lead and len(said) > len(lead):
            return said[len(lead) :]
    return None


def _without_lead(said: list[str]) -> tuple[list[str], bool]:
    rest = _after_lead(said, _ACTIVITY_LEADS)
    if rest is None:
        return said, False
    while len(rest) > 1 and rest[0] in _BE:
        rest = rest[1:]
    return rest, True


def without_activity_lead(query: str) -> str:
    """The query less what is said before the work: "i want to be a nurse" → "nurse", "someone who
    fixes cars" → "fixes cars"; the query unchanged if it has no such lead."""
    said, led = _without_lead(words(query))
    return " ".join([word for word in said if word not in STOPWORDS] or said) if led else query


def activity(query: str) -> tuple[tuple[str, ...], str] | None:
    """What is done and who does it, if the query describes work rather than naming it:
    "someone who fixes cars" → (("cars",), "repairer"); "taking care of the elderly" → (("elderly",),
    "caregiver"); "i like to bake" → ((), "baker"); "do nails" → (("nails",), ""). None for anything
    else ("cook" and "help desk" have no verb and object; "jobs for teens" no verb)."""
    said, led = _without_lead(words(query))
    if not led:
        said = _after_lead(said, _WORK_LEADS) or said
    for size in (3, 2, 1):
        doer = _VERBS.get(tuple(said[:size])) if size <= len(said) else None
        if doer is not None:
            done_to = tuple(word for word in said[size:] if word not in _NOT_THE_OBJECT)
            # "i like to bake": the doer alone; "bake" alone is a word, not a description
            if len(done_to) <= 3 and (done_to or (led and doer and size == len(said))):
                return done_to, doer
            return None
    return None
