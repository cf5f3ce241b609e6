"""Platform names: suggestions for the entry form, spelling clean-up, and which read covers which platform."""

from __future__ import annotations

#: Offered in the entry form's <datalist>; the worker can type anything else.
SUGGESTIONS = (
    "Outlier",
    "Remotasks",
    "DataAnnotation",
    "Scale AI",
    "Appen",
    "TELUS International",
    "Prolific",
    "Mechanical Turk",
    "UserTesting",
    "Uber",
    "Lyft",
    "DoorDash",
    "Uber Eats",
    "Grubhub",
    "Instacart",
    "Shipt",
    "Rev",
    "TranscribeMe",
    "Wyzant",
    "Tutor.com",
    "Rover",
    "Wag",
    "Upwork",
)

#: Lower-cased platform name → slug of the read about that kind of work (content/reads/<slug>.md).
READ_FOR_PLATFORM = {
    "outlier": "ai-data-labeling",
    "remotasks": "ai-data-labeling",
    "dataannotation": "ai-data-labeling",
    "data annotation": "ai-data-labeling",
    "scale ai": "ai-data-labeling",
    "appen": "ai-data-labeling",
    "telus international": "ai-data-labeling",
    "prolific": "microtask-survey-platforms",
    "mechanical turk": "microtask-survey-platforms",
    "mturk": "microtask-survey-platforms",
    "amazon mechanical turk": "microtask-survey-platforms",
    "usertesting": "user-testing",
    "uber": "rideshare-driving",
    "lyft": "rideshare-driving",
    "doordash": "food-delivery",
    "uber eats": "food-delivery",
    "grubhub": "food-delivery",
    "instacart": "grocery-shopping-delivery",
    "shipt": "grocery-shopping-delivery",
    "rev": "transcription-captioning",
    "transcribeme": "transcription-captioning",
    "wyzant": "online-tutoring",
    "tutor.com": "online-tutoring",
    "rover": "pet-sitting-dog-walking",
    "wag": "pet-sitting-dog-walking",
    "upwork": "freelance-writing",
}

_CANONICAL = {name.lower(): name for name in SUGGESTIONS}


def clean_platform(name: str) -> str:
    """Collapse whitespace and use our spelling of a known platform ("doordash " → "DoorDash")."""
    collapsed = " ".join(name.split())
    return _CANONICAL.get(collapsed.lower(), collapsed)


def read_slug_for(platform: str) -> str | None:
    return READ_FOR_PLATFORM.get(" ".join(platform.split()).lower())
