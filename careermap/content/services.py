"""Writes for reads: load every file in content/reads/ in one transaction, or nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

from django.db import transaction

from careermap.content.models import ContentRelease, Read, ReadOccupation
from careermap.content.parsing import ContentError, ParsedRead, parse_read
from careermap.content.selectors import content_version_bump
from careermap.lib.vocab import BAND_ORDER, EDUCATION_ORDER


@dataclasses.dataclass
class ContentLoadFailed(Exception):
    errors: list[ContentError]

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def content_parse_all(*, directory: Path) -> list[ParsedRead]:
    """Parse and validate every read; raise ContentLoadFailed listing every bad file."""
    reads_dir = directory / "reads"
    if not reads_dir.is_dir():
        raise ContentLoadFailed([ContentError(str(reads_dir), 0, "directory", "not found")])
    paths = sorted(reads_dir.glob("*.md"))
    if not paths:
        raise ContentLoadFailed([ContentError(str(reads_dir), 0, "directory", "holds no .md reads")])
    return content_parse_files(paths=paths)


def content_parse_files(*, paths: list[Path]) -> list[ParsedRead]:
    parsed: list[ParsedRead] = []
    errors: list[ContentError] = []
    for path in paths:
        try:
            parsed.append(parse_read(path))
        except ContentError as error:
            errors.append(error)
    if errors:
        raise ContentLoadFailed(errors)
    return parsed


def content_warnings(*, parsed: list[ParsedRead], today: dt.date) -> list[str]:
    """What an editor should look at, without failing the check: overdue reviews, and sources whose
    published date is the read's own review day (most likely our review date typed in by mistake)."""
    warnings: list[str] = []
    for item in parsed:
        front = item.front
        if front.next_review < today:
            warnings.append(f"{item.slug} is overdue for review (next review was {front.next_review})")
        for number, source in enumerate(front.sources, start=1):
            if source.published == front.reviewed.isoformat():
                warnings.append(
                    f"{item.slug}: source {number} ({source.url}) says it was published on the read's review day"
                    f" ({front.reviewed}): give the date on the source, or 'undated' with a reason"
                )
    return warnings


@transaction.atomic
def content_load(*, directory: Path) -> ContentRelease:
    """Replace all reads with the files in `directory`. A bad file aborts before any write."""
    parsed = content_parse_all(directory=directory)
    digest = hashlib.sha256()
    for path in sorted((directory / "reads").glob("*.md")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())

    ReadOccupation.objects.all().delete()
    Read.objects.all().delete()
    reads = Read.objects.bulk_create([_read_row(item) for item in parsed])
    ReadOccupation.objects.bulk_create(
        ReadOccupation(read=read, onet_code=code, position=i)
        for read, item in zip(reads, parsed, strict=True)
        for i, code in enumerate(item.front.occupations)
    )
    release = ContentRelease.objects.create(sha256=digest.hexdigest(), read_count=len(reads))
    transaction.on_commit(lambda: content_version_bump(release.pk))
    return release


def _read_row(item: ParsedRead) -> Read:
    front = item.front
    facts = front.quick_facts
    needs = facts.requirements
    return Read(
        slug=item.slug,
        collection=front.collection,
        title=front.title,
        description=front.description,
        start_cost_min=facts.start_cost.min_usd,
        start_cost_max=facts.start_cost.max_usd,
        first_dollar_band=facts.first_dollar.band,
        first_dollar_rank=BAND_ORDER[facts.first_dollar.band],
        min_age=needs.min_age.years,
        needs_work_authorization=needs.work_authorization.required,
        education_level=needs.education.level,
        education_rank=EDUCATION_ORDER[needs.education.level],
        needs_licence=any(other.licence for other in needs.other),
        durability_scored=front.durability.scored,
        editorial_score=front.durability.editorial_score,
        interests="".join(front.interests),
        published=min(entry.date for entry in front.changelog),
        reviewed=front.reviewed,
        next_review=front.next_review,
        document=front.model_dump(mode="json"),
        html=item.html,
    )
