"""What a reader sees for each content key: collections, tones, source kinds, read parts, pay terms.

Pure: no Django. The keys are the ones `schema.py` validates; the shared vocabularies (education,
interest types, time bands) are in careermap/lib/vocab.py.
"""

from __future__ import annotations

COLLECTION_LABELS: dict[str, str] = {
    "gigwatch": "GigWatch · Cash-now gig",
    "careers": "Careers · Hired career",
    "own-business": "Own business · Your own venture",
}
COLLECTION_NAMES: dict[str, str] = {
    "gigwatch": "GigWatch: cash-now gigs",
    "careers": "Hired careers",
    "own-business": "Your own business",
}
TONE_LABELS: dict[str, str] = {"good": "Good fit", "mixed": "Mixed", "poor": "Poor fit"}
SOURCE_KIND_LABELS: dict[str, str] = {
    "official-data": "Official data",
    "research": "Research",
    "journalism": "Journalism",
    "worker-reports": "Worker reports",
    "platform-terms": "Platform terms",
    "company": "A company's own account",
    "aggregator": "News aggregator (not original reporting)",
}
PART_LABELS: dict[str, str] = {
    "quick-facts": "Quick facts",
    "what-this-is": "What this is",
    "what-it-pays": "What it pays",
    "durability": "Durability",
    "lens-gig": "Lens: as a gig",
    "lens-hired": "Lens: as a hired job",
    "lens-business": "Lens: as your own business",
    "editors-read": "Editor's read",
    "before-you-commit": "Before you commit",
    "whats-changed": "What's changed",
}

PAY_UNIT_LABELS: dict[str, str] = {
    "hour": "per hour",
    "task": "per task",
    "test": "per test",
    "order": "per order",
    "trip": "per trip",
    "session": "per session",
    "month": "per month",
    "year": "per year",
}
PAY_BASIS_LABELS: dict[str, str] = {
    "gross": "gross, before expenses and taxes",
    "net_of_expenses": "net of work expenses (such as fuel, vehicle costs and platform fees), before taxes",
    "employee_equivalent": (
        "employee-equivalent: net of expenses and of the payroll taxes and basic benefits an employer would pay"
    ),
}
UNPAID_TIME_LABELS: dict[str, str] = {
    "counted": "spread over all working time, unpaid waiting and searching included",
    "not_counted": "for the paid work only, not counting unpaid waiting, searching or screening",
    "not_stated": "the source does not say whether unpaid waiting time is counted",
    "all_hours_paid": "a wage paid for every hour worked",
}
