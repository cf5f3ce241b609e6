"""Reads for the quiz: the candidates matching runs over, and shared results.

Candidates are built once per data version (content load, data import, durability run) and kept
in process memory, so a quiz submission costs a version check and the pure matching itself.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Iterable
from typing import Any

from careermap.content.models import Read
from careermap.content.selectors import CONTENT_VERSION
from careermap.durability.selectors import DATA_VERSION, durability_for_codes
from careermap.lib.memory import freeze_long_lived
from careermap.lib.versions import PerVersion
from careermap.occupations import sources
from careermap.occupations.models import Dataset, Occupation, Projection, RelatedOccupation
from careermap.quiz.codes import NotAnAnswerCode, Stamp, answers_decode
from careermap.quiz.matching import (
    EDUCATION_LEVELS,
    Candidate,
    CandidateSet,
    Experience,
    Pay,
    Source,
    code_profile,
    first_dollar_by_level,
    high_point_code,
)
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
BLS_NEEDS_EXPERIENCE = {"Less than 5 years": 1, "5 years or more": 5}  # the years we ask for before crediting
DURABILITY_MISSING = "Durability not yet available for this occupation."


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


def _build(version: str) -> CandidatePool:
    pool = build_candidates(version=version)
    freeze_long_lived()  # the candidates live until the next data version
    return pool


# Rebuilt when a content load or a data import lands (careermap/lib/versions.py). The joined
# version is what a result link's stamp hashes (quiz/codes.py): "which data was this computed on".
_POOL: PerVersion[CandidatePool] = PerVersion(_build, CONTENT_VERSION, DATA_VERSION)

data_version = _POOL.version  # content load : data import (the last durability run)
quiz_candidates = _POOL.get  # every occupation with an interest profile and every read, as candidates


def quiz_candidates_reset() -> None:
    """Drop this process's candidates and cached data versions; the next call rebuilds."""
    _POOL.forget()
    CONTENT_VERSION.forget()
    DATA_VERSION.forget()


def durability_scores(codes: list[str]) -> dict[str, int]:
    """{O*NET code: 0–100} from careermap.durability; empty until a durability run has scored any."""
    return {code: int(item["score"]) for code, item in durability_for_codes(codes).items()}


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
    sharing: dict[str, int] = {}
    for projection in projections.values():
        sharing[projection.nem_code] = sharing.get(projection.nem_code, 0) + 1
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
            _occupation_candidate(
                occupation, profile, projections.get(occupation.code), licensed, scores, bls_source, sharing
            )
        )
    by_code = {o.code: o for o in occupations}
    for read in reads:
        candidates.append(
            _read_candidate(read, links[read.slug], profiles, by_code, projections, scores, bls_source, sharing)
        )

    stamps = [d.imported_at for d in datasets.values()]
    newest = max(stamps).isoformat() if stamps else ""
    return CandidatePool(
        version=version,
        candidates=CandidateSet(candidates),
        occupations=len(occupations) - skipped,
        reads=len(reads),
        skipped_without_profile=skipped,
        durability_available=len(scores) > 0,
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


def _pay(occupation_title: str, projection: Projection | None, source: Source, sharing: dict[str, int]) -> Pay | None:
    """BLS figures; when BLS publishes them for a group that holds several O*NET occupations, the
    group's title and size go with them, so the page can say whose figures they are."""
    if projection is None:
        return None
    group = sharing.get(projection.nem_code, 1) > 1 or projection.join != "direct"
    return Pay(
        group_title=projection.nem_title if group else "",
        group_jobs_thousands=projection.employment_2024 if group else None,
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
    sharing: dict[str, int],
) -> Candidate:
    needs_licence = True if occupation.code in licensed else None
    years = BLS_NEEDS_EXPERIENCE.get(projection.work_experience, 0) if projection is not None else 0
    needs_experience = years > 0
    training = projection.on_the_job_training if projection is not None else ""
    entry = _entry_level(occupation, projection)
    entry_rules: dict[str, object] = {
        "entry_level": entry,
        "apprenticeship": training == "Apprenticeship",
        "residency": training == "Internship/residency",
        "needs_licence": needs_licence,
    }
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
        first_dollar=first_dollar_by_level(needs_experience=needs_experience, **entry_rules),
        first_dollar_credited=first_dollar_by_level(**entry_rules),
        self_employed_percent=projection.self_employed_percent if projection is not None else None,
        needs_experience=needs_experience,
        experience_years=years,
        job_zone=occupation.job_zone,
        codes=(occupation.code,),
        durability=durability,
        durability_note="" if durability is not None else DURABILITY_MISSING,
        pay=_pay(occupation.title, projection, bls_source, sharing),
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
    sharing: dict[str, int],
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
            pay = _pay(by_code[code].title, projections[code], bls_source, sharing)
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
        codes=tuple(codes),
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
    stamp: Stamp | None = None  # when and on what data it was first computed (links made since issue 23)


def quiz_result_get(*, token: str, practical: Iterable[PracticalQuestion]) -> SharedResult | None:
    """The answers behind a result link, decoded from the token itself (quiz/codes.py)."""
    try:
        answers, stamp = answers_decode(token, practical)
    except NotAnAnswerCode:
        return None
    return SharedResult(token=token, answers=answers, stamp=stamp)


YEARS_IN_JOB: dict[str, int] = {"none": 0, "under-2": 1, "2-4": 2, "5-plus": 5}


def current_job_resolve(*, text: str) -> Occupation | None:
    """The occupation a typed job title names: the best occupation hit of the site's title search."""
    from careermap.search.selectors import search

    text = text.strip()
    if not text:
        return None
    for hit in search(query=text, limit=5).hits:
        if hit.kind == "occupation":
            return Occupation.objects.filter(code=hit.key).first()
    return None


def experience_get(*, code: str, years: str) -> Experience | None:
    """The person's occupation, years in it, O*NET related occupations and BLS median, for matching."""
    if not code:
        return None
    occupation = Occupation.objects.filter(code=code).select_related("projection").first()
    if occupation is None:
        return None
    related = frozenset(
        RelatedOccupation.objects.filter(from_occupation_id=code).values_list("to_occupation_id", flat=True)
    )
    projection = getattr(occupation, "projection", None)
    return Experience(
        code=occupation.code,
        title=occupation.title,
        years=YEARS_IN_JOB.get(years, 0),
        job_zone=occupation.job_zone,
        related=related,
        median_wage=projection.median_wage if projection is not None else None,
    )


def pool_summary(pool: CandidatePool) -> dict[str, Any]:
    return {
        "occupations": pool.occupations,
        "reads": pool.reads,
        "occupations_without_profile": pool.skipped_without_profile,
        "durability_available": pool.durability_available,
    }
