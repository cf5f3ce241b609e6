"""Reads for the quiz: the candidates matching runs over, and shared results.

Candidates are built once per data version (content load, data import, durability run) and kept
in process memory, so a quiz submission costs a version check and the pure matching itself.
"""

from __future__ import annotations

import dataclasses
import html
import re
import threading
import time
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db.models import Max

from careermap.content.models import Read
from careermap.content.selectors import content_version
from careermap.lib.memory import freeze_long_lived
from careermap.occupations import sources
from careermap.occupations.models import Dataset, Occupation, Projection
from careermap.quiz.codes import NotAnAnswerCode, answers_decode
from careermap.quiz.matching import (
    EDUCATION_LEVELS,
    Candidate,
    CandidateSet,
    Pay,
    Source,
    code_profile,
    first_dollar_by_level,
    high_point_code,
)
from careermap.quiz.models import QuizResult
from careermap.quiz.questions import PracticalQuestion

# BLS "Typical education needed for entry" → EDUCATION_LEVELS index.
BLS_ENTRY_EDUCATION: dict[str, int] = {
    "No formal educational credential": 0,
    "High school diploma or equivalent": 1,
    "Some college, no degree": 2,
    "Postsecondary nondegree award": 2,
    "Associate's degree": 3,
    "Bachelor's degree": 4,
    "Master's degree": 5,
    "Doctoral or professional degree": 6,
}
# O*NET Job Zone → EDUCATION_LEVELS index, used when BLS has no figure for the occupation.
JOB_ZONE_EDUCATION: dict[int, int] = {1: 0, 2: 1, 3: 2, 4: 4, 5: 5}
BLS_NEEDS_EXPERIENCE = {"Less than 5 years", "5 years or more"}
DURABILITY_MISSING = "Durability not yet available for this occupation."
_VERSION_TTL = 5.0  # seconds a process trusts its composite data version


@dataclasses.dataclass(frozen=True)
class CandidatePool:
    version: str
    candidates: CandidateSet  # iterable like a tuple; holds the rows matching reads first
    occupations: int
    reads: int
    skipped_without_profile: int
    durability_available: bool
    sources: tuple[Source, ...]
    data_as_of: str  # ISO date-time of the newest import or content load, "" if none


_lock = threading.Lock()
_pool: CandidatePool | None = None
_version: tuple[float, str] | None = None


def _occupations_version() -> str:
    key = "quiz:occupations-version"
    value = cache.get(key)
    if value is None:
        newest = Dataset.objects.aggregate(newest=Max("imported_at"))["newest"]
        value = newest.isoformat() if newest else "none"
        cache.set(key, value, 30)
    return str(value)


def _durability_version() -> str:
    if not apps.is_installed("careermap.durability"):
        return "none"
    from careermap.durability import selectors as durability

    data_version = getattr(durability, "data_version", None)
    return str(data_version()) if data_version else "unversioned"


def data_version() -> str:
    """content load : data import : durability run, re-checked at most every few seconds."""
    global _version
    now = time.monotonic()
    if _version is not None and now - _version[0] < _VERSION_TTL:
        return _version[1]
    value = f"{content_version()}:{_occupations_version()}:{_durability_version()}"
    _version = (now, value)
    return value


def quiz_candidates() -> CandidatePool:
    """Every occupation with an interest profile and every read, as matching candidates."""
    global _pool
    version = data_version()
    pool = _pool
    if pool is not None and pool.version == version:
        return pool
    with _lock:
        if _pool is None or _pool.version != version:
            _pool = build_candidates(version=version)
            freeze_long_lived()  # the candidates live until the next data version
        return _pool


def quiz_candidates_reset() -> None:
    global _pool, _version
    _pool = None
    _version = None


def durability_scores(codes: list[str]) -> dict[str, int] | None:
    """{O*NET code: 0–100} from careermap.durability, or None while it offers no scores."""
    if not apps.is_installed("careermap.durability"):
        return None
    from careermap.durability import selectors as durability

    fetch_all = getattr(durability, "durability_scores", None)
    if fetch_all is not None:
        return {code: int(score) for code, score in fetch_all().items()}
    fetch = getattr(durability, "durability_for_codes", None)
    if fetch is None:
        return None
    return {code: int(item["score"]) for code, item in fetch(codes).items()}


def build_candidates(*, version: str = "") -> CandidatePool:
    datasets = {dataset.key: dataset for dataset in Dataset.objects.all()}
    bls_source = _source(datasets.get(sources.BLS.key), sources.BLS)
    onet_source = _source(datasets.get(sources.ONET.key), sources.ONET)
    occupations = list(
        Occupation.objects.only(
            "code",
            "title",
            "soc_code",
            "job_zone",
            "interest_r",
            "interest_i",
            "interest_a",
            "interest_s",
            "interest_e",
            "interest_c",
            "interest_code",
        ).order_by("code")
    )
    projections = {p.occupation_id: p for p in Projection.objects.all()}
    reads = list(Read.objects.prefetch_related("occupation_links").order_by("slug"))
    links = {read.slug: [link.onet_code for link in read.occupation_links.all()] for read in reads}
    licensed = {code for read in reads if read.needs_licence for code in links[read.slug]}
    scores = durability_scores([occupation.code for occupation in occupations])
    profiles = {o.code: _profile(o) for o in occupations}

    candidates: list[Candidate] = []
    skipped = 0
    for occupation in occupations:
        profile = profiles[occupation.code]
        if profile is None:
            skipped += 1
            continue
        candidates.append(
            _occupation_candidate(occupation, profile, projections.get(occupation.code), licensed, scores, bls_source)
        )
    by_code = {o.code: o for o in occupations}
    for read in reads:
        candidates.append(_read_candidate(read, links[read.slug], profiles, by_code, projections, scores, bls_source))

    stamps = [d.imported_at for d in datasets.values()]
    newest = max(stamps).isoformat() if stamps else ""
    return CandidatePool(
        version=version,
        candidates=CandidateSet(candidates),
        occupations=len(occupations) - skipped,
        reads=len(reads),
        skipped_without_profile=skipped,
        durability_available=scores is not None and len(scores) > 0,
        sources=(onet_source, bls_source),
        data_as_of=newest,
    )


def _source(dataset: Dataset | None, info: sources.DatasetInfo) -> Source:
    if dataset is None:
        return Source(name=info.name, version=info.version, url=info.url)
    return Source(name=dataset.name, version=dataset.version, url=dataset.url)


def _profile(o: Occupation) -> tuple[float, float, float, float, float, float] | None:
    values = (o.interest_r, o.interest_i, o.interest_a, o.interest_s, o.interest_e, o.interest_c)
    if any(v is None for v in values):
        return None
    r, i, a, s, e, c = (float(v) for v in values)  # type: ignore[arg-type]
    return (r, i, a, s, e, c)


def _entry_level(occupation: Occupation, projection: Projection | None) -> int:
    if projection is not None and projection.typical_entry_education in BLS_ENTRY_EDUCATION:
        return BLS_ENTRY_EDUCATION[projection.typical_entry_education]
    if occupation.job_zone in JOB_ZONE_EDUCATION:
        return JOB_ZONE_EDUCATION[occupation.job_zone]
    return EDUCATION_LEVELS.index("bachelor")  # no data: assume real preparation rather than none


def _pay(occupation_title: str, projection: Projection | None, source: Source) -> Pay | None:
    if projection is None:
        return None
    return Pay(
        occupation_code=projection.occupation_id,
        occupation_title=occupation_title,
        median_wage=projection.median_wage,
        wage_is_floor=projection.median_wage_is_floor,
        change_percent=projection.change_percent,
        openings_thousands=projection.openings_annual,
        source=source,
    )


def _occupation_candidate(
    occupation: Occupation,
    profile: tuple[float, float, float, float, float, float],
    projection: Projection | None,
    licensed: set[str],
    scores: dict[str, int] | None,
    bls_source: Source,
) -> Candidate:
    needs_licence = True if occupation.code in licensed else None
    needs_experience = projection is not None and projection.work_experience in BLS_NEEDS_EXPERIENCE
    training = projection.on_the_job_training if projection is not None else ""
    entry = _entry_level(occupation, projection)
    durability = scores.get(occupation.code) if scores else None
    return Candidate(
        key=f"occupation:{occupation.code}",
        kind="occupation",
        title=occupation.title,
        url=occupation.get_absolute_url(),
        profile=profile,
        interest_code=occupation.interest_code or high_point_code(profile),
        groups=frozenset({(occupation.soc_code or occupation.code)[:4]}),
        # Occupation data has no minimum age; which hired jobs are open at 16–17 depends on hazards
        # we cannot check, so an occupation counts as 18+.
        min_age=18,
        needs_work_authorization=True,
        needs_licence=needs_licence,
        education_level=entry,
        first_dollar=first_dollar_by_level(
            entry_level=entry,
            needs_experience=needs_experience,
            apprenticeship=training == "Apprenticeship",
            residency=training == "Internship/residency",
            needs_licence=needs_licence,
        ),
        self_employed_percent=projection.self_employed_percent if projection is not None else None,
        needs_experience=needs_experience,
        durability=durability,
        durability_note="" if durability is not None else DURABILITY_MISSING,
        pay=_pay(occupation.title, projection, bls_source),
        profile_basis="its O*NET interest profile",
    )


def _read_candidate(
    read: Read,
    codes: list[str],
    profiles: dict[str, tuple[float, float, float, float, float, float] | None],
    by_code: dict[str, Occupation],
    projections: dict[str, Projection],
    scores: dict[str, int] | None,
    bls_source: Source,
) -> Candidate:
    linked = [profiles[code] for code in codes if profiles.get(code) is not None]
    if linked:
        profile = _mean_profile(p for p in linked if p is not None)
        basis = (
            "the O*NET interest profile of its occupation"
            if len(linked) == 1
            else f"the mean O*NET interest profile of its {len(linked)} occupations"
        )
    else:
        profile = code_profile(read.interests)
        basis = "the interest letters our editors gave it"
    doc = read.document
    lenses = tuple((doc["lenses"][key]["tone"], doc["lenses"][key]["verdict"]) for key in ("gig", "hired", "business"))
    durability: int | None = None
    note = ""
    if not read.durability_scored:
        note = f"No durability score: {doc['durability']['no_score_reason']}."
    else:
        found = [scores[code] for code in codes if scores and code in scores]
        if found:
            durability = round(sum(found) / len(found))
        else:
            note = "Durability not yet available for this read."
    pay = None
    for code in codes:
        if code in projections and code in by_code:
            pay = _pay(by_code[code].title, projections[code], bls_source)
            break
    groups = frozenset(code[:4] for code in codes) or frozenset({f"read:{read.slug}"})
    return Candidate(
        key=f"read:{read.slug}",
        kind="read",
        title=read.title,
        url=read.get_absolute_url(),
        profile=profile,
        interest_code=read.interests,
        groups=groups,
        min_age=read.min_age,
        needs_work_authorization=read.needs_work_authorization,
        needs_licence=read.needs_licence,
        education_level=read.education_rank,
        first_dollar=(read.first_dollar_band,) * len(EDUCATION_LEVELS),
        start_cost_min=read.start_cost_min,
        start_cost_max=read.start_cost_max,
        lenses=lenses,
        collection=read.collection,
        flexible_hours=read.collection == "gigwatch",
        durability=durability,
        durability_note=note,
        pay=pay,
        notes=_read_notes(read),
        profile_basis=basis,
    )


def _mean_profile(
    profiles: Iterable[tuple[float, float, float, float, float, float]],
) -> tuple[float, float, float, float, float, float]:
    rows = list(profiles)
    r, i, a, s, e, c = (sum(row[k] for row in rows) / len(rows) for k in range(6))
    return (r, i, a, s, e, c)


def _read_notes(read: Read) -> tuple[str, ...]:
    requirements = read.document["quick_facts"]["requirements"]["summary"]
    notes = [f"You need: {requirements}."]
    before = _first_sentence(read.html.get("before_you_commit", ""))
    if before:
        notes.append(f"Before you commit: {before}")
    return tuple(notes)


def _first_sentence(fragment: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", fragment))
    text = re.sub(r"\s+", " ", text).strip()
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


@dataclasses.dataclass(frozen=True)
class SharedResult:
    token: str
    answers: dict[str, Any] | None  # None: made with practical questions that have since changed


def quiz_result_get(*, token: str, practical: Iterable[PracticalQuestion]) -> SharedResult | None:
    """The answers behind a result link: decoded from the token itself (quiz/codes.py), or, for a
    link made before results moved into the token, read from the QuizResult table."""
    try:
        return SharedResult(token=token, answers=answers_decode(token, practical))
    except NotAnAnswerCode:
        pass
    # Stored tokens are URL-safe base64; anything else (a NUL that PostgreSQL would refuse) is no result.
    if not token or len(token) > 64 or not token.replace("-", "").replace("_", "").isalnum() or not token.isascii():
        return None
    row = QuizResult.objects.filter(token=token).first()
    return None if row is None else SharedResult(token=token, answers=dict(row.answers))


def pool_summary(pool: CandidatePool) -> dict[str, Any]:
    return {
        "occupations": pool.occupations,
        "reads": pool.reads,
        "occupations_without_profile": pool.skipped_without_profile,
        "durability_available": pool.durability_available,
    }
