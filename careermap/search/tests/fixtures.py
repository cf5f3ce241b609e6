"""Small fixture occupations, titles and reads that the search tests create themselves.

Codes and titles follow O*NET 29.3 (the alternate titles are a handful of real ones, chosen so
each example query has a right answer and a plausible wrong one); employment figures are round
numbers in the range of BLS's, used only as the size prior. No test needs the shared data.
"""

from __future__ import annotations

from pathlib import Path

from django.test import Client

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, write_read
from careermap.durability.models import DurabilityScore
from careermap.occupations.models import AlternateTitle, Occupation, Projection
from careermap.search.documents import Corpus, OccupationDoc, ReadDoc, TitleDoc, employment_by_code
from careermap.search.synonyms import load_synonyms

# code, title, employment (thousands), alternate titles
OCCUPATIONS: list[tuple[str, str, float, list[str]]] = [
    (
        "29-1141.00",
        "Registered Nurses",
        3391.0,
        ["Staff Nurse", "Charge Nurse", "Emergency Room Registered Nurse (ER RN)"],
    ),
    (
        "29-1141.03",
        "Critical Care Nurses",
        3391.0,
        ["Intensive Care Unit Registered Nurse (ICU RN)", "Critical Care Nurse"],
    ),
    (
        "29-2061.00",
        "Licensed Practical and Licensed Vocational Nurses",
        640.0,
        ["Licensed Practical Nurse (LPN)", "Charge Nurse LPN"],
    ),
    ("31-1131.00", "Nursing Assistants", 1350.0, ["Certified Nursing Assistant (CNA)", "Nurse Aide"]),
    ("29-2042.00", "Emergency Medical Technicians", 200.0, ["Emergency Medical Technician (EMT)", "Ambulance EMT"]),
    ("53-3054.00", "Taxi Drivers", 220.0, ["Cab Driver", "Lyft Driver", "Rideshare Cab Driver"]),
    (
        "53-3032.00",
        "Heavy and Tractor-Trailer Truck Drivers",
        2200.0,
        ["CDL Truck Driver (Commercial Driver's License Truck Driver)", "Semi Truck Driver"],
    ),
    ("53-3033.00", "Light Truck Drivers", 1100.0, ["Delivery Driver", "Route Driver"]),
    (
        "47-2152.00",
        "Plumbers, Pipefitters, and Steamfitters",
        500.0,
        ["Commercial Plumber", "Gas Plumber", "Pipefitter"],
    ),
    (
        "47-3015.00",
        "Helpers--Pipelayers, Plumbers, Pipefitters, and Steamfitters",
        60.0,
        ["Plumber Helper", "Plumber Apprentice", "Pipe Fitter Helper"],
    ),
    ("29-1213.00", "Dermatologists", 12.0, ["Dermatologist", "Skin Doctor", "Cosmetic Dermatologist"]),
    ("29-1243.00", "Pediatric Surgeons", 5.0, ["Pediatric Surgeon", "Pediatric Cardiac Surgeon"]),
    (
        "51-9111.00",
        "Packaging and Filling Machine Operators and Tenders",
        380.0,
        ["Labeler", "Label Coder", "Bottling Line Operator"],
    ),
    ("43-9021.00", "Data Entry Keyers", 150.0, ["Data Entry Clerk", "Data Entry Operator"]),
    ("15-1252.00", "Software Developers", 1650.0, ["Software Engineer", "Application Developer", "Web Developer"]),
    ("41-2011.00", "Cashiers", 3300.0, ["Checker", "Checkout Operator"]),
    ("39-3011.00", "Gambling Cage Workers", 20.0, ["Cage Cashier", "Casino Cashier", "Count Room Cashier"]),
]

# slug, title, description, collection, O*NET codes
READS: list[tuple[str, str, str, str, list[str]]] = [
    (
        "ai-data-labeling",
        "AI data-labeling work",
        "Rating chatbot answers and tagging images for AI companies, paid by the task.",
        "gigwatch",
        [],
    ),
    (
        "rideshare-driving",
        "Rideshare driving",
        "Driving passengers in your own car for Uber, Lyft and similar apps, paid per trip.",
        "gigwatch",
        ["53-3054.00"],
    ),
    (
        "registered-nurse",
        "Registered nurse",
        "Licensed nurses who assess patients, give treatments and coordinate care.",
        "careers",
        ["29-1141.00"],
    ),
    (
        "plumber",
        "Plumber",
        "Installing and repairing the pipes, fixtures and drains in buildings.",
        "careers",
        ["47-2152.00"],
    ),
]


def create_occupations() -> None:
    """The fixture occupations, alternate titles and employment, written through the ORM."""
    for code, title, employment, alternates in OCCUPATIONS:
        occupation = Occupation.objects.create(
            code=code, title=title, description=f"{title}: a fixture occupation.", soc_code=code[:7]
        )
        for alternate in alternates:
            short = alternate.split("(")[-1].rstrip(")") if "(" in alternate else ""
            AlternateTitle.objects.create(occupation=occupation, title=alternate, short_title=short, sources="10")
        Projection.objects.create(
            occupation=occupation,
            nem_code=code[:7],
            nem_title=title,
            join="direct",
            employment_2024=employment,
            employment_2034=employment,
            change_numeric=0.0,
            change_percent=0.0,
            openings_annual=1.0,
        )


def build_index(client: Client, url: str) -> None:
    """Request `url` until the index is built and the data version it was built for is cached.

    A build slower than lib.versions.TRUST_SECONDS (a loaded CI machine took 33 s) outlives the
    cached version, so the request after it reads the version once more; the one after that
    runs no query.
    """
    client.get(url)
    client.get(url)


def score_occupation(code: str, score: int) -> None:
    """A durability score for one fixture occupation (the rest of its evidence left empty)."""
    DurabilityScore.objects.create(
        occupation_id=code,
        version="t",
        score=score,
        confidence="high",
        coverage=1.0,
        inputs={},
        missing=[],
        why=[],
        disagreements=[],
    )


def create_reads(directory: Path) -> None:
    """The fixture reads, written as files and loaded the way `content_load` loads the real ones."""
    for slug, title, description, collection, codes in READS:
        extra = {"durability": {"scored": True, "basis": "Computed."}} if collection == "careers" else {}
        write_read(
            directory,
            slug,
            front_matter(title=title, description=description, collection=collection, occupations=codes, **extra),
        )
    content_load(directory=directory)


def fixture_corpus() -> Corpus:
    """The same rows as a Corpus built in Python, with no database at all."""
    employment = employment_by_code((code, code[:7], jobs) for code, _, jobs, _ in OCCUPATIONS)
    return Corpus(
        occupations=tuple(
            OccupationDoc(
                code=code,
                title=title,
                url=f"/occupations/{code}/",
                employment=employment[code],
                description=f"{title}: a fixture occupation.",
            )
            for code, title, _, _ in OCCUPATIONS
        ),
        titles=tuple(
            TitleDoc(
                code=code,
                title=alternate,
                short_title=alternate.split("(")[-1].rstrip(")") if "(" in alternate else "",
                sources="10",
            )
            for code, _, _, alternates in OCCUPATIONS
            for alternate in alternates
        ),
        reads=tuple(
            ReadDoc(slug=slug, title=title, description=description, url=f"/reads/{slug}/", codes=tuple(codes))
            for slug, title, description, _, codes in READS
        ),
        synonyms=load_synonyms(),  # as selectors.search_corpus() builds it
    )
