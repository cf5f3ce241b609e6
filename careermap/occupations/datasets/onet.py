"""O*NET 29.3: the occupations every other source joins to (parsed first)."""

from __future__ import annotations

from typing import Any

from careermap.occupations import downloads, sources
from careermap.occupations.datasets.base import Context, DatasetRecord, Progress
from careermap.occupations.importers import onet as parser
from careermap.occupations.importers.base import ImportFileError

INFOS = (sources.ONET,)
PARSER = parser
FILES = tuple(parser.FILES.values())
DOWNLOADS = downloads.for_folder(sources.ONET.folder)
STEPS = (
    "O*NET read me",
    "O*NET occupations",
    "O*NET interests",
    "O*NET job zones",
    "O*NET job zone reference",
    "O*NET education categories",
    "O*NET education",
    "O*NET alternate titles",
    "O*NET tasks",
    "O*NET related occupations",
)


def parse(ctx: Context, step: Progress) -> None:
    onet_dir = ctx.folder(sources.ONET)
    rec_onet = DatasetRecord(sources.ONET)
    release = parser.parse_readme(onet_dir / parser.FILES["readme"])
    step("O*NET read me")
    occupations = parser.parse_occupations(onet_dir / parser.FILES["occupations"])
    codes = {row.code for row in occupations}
    rec_onet.add_file(onet_dir / parser.FILES["occupations"])
    step("O*NET occupations")

    unknown: dict[str, list[str]] = {}  # file → codes it uses that Occupation Data lacks

    def keep_known(name: str, by_code: dict[str, Any]) -> dict[str, Any]:
        stray = sorted(set(by_code) - codes)
        if stray:
            unknown[name] = stray
        return {code: value for code, value in by_code.items() if code in codes}

    path = onet_dir / parser.FILES["interests"]
    parsed_interests = parser.parse_interests(path)
    interests = keep_known(path.name, parsed_interests)
    rec_onet.add_file(path, rows_unmatched=9 * (len(parsed_interests) - len(interests)))
    step("O*NET interests")
    path = onet_dir / parser.FILES["job_zones"]
    parsed_zones = parser.parse_job_zones(path)
    job_zones = keep_known(path.name, parsed_zones)
    rec_onet.add_file(path, rows_unmatched=len(parsed_zones) - len(job_zones))
    step("O*NET job zones")
    path = onet_dir / parser.FILES["job_zone_reference"]
    job_zone_reference = parser.parse_job_zone_reference(path)
    rec_onet.add_file(path)
    step("O*NET job zone reference")
    path = onet_dir / parser.FILES["education_categories"]
    education_labels = parser.parse_education_categories(path)
    rec_onet.add_file(path)
    step("O*NET education categories")
    path = onet_dir / parser.FILES["education"]
    parsed_education = parser.parse_education(path)
    for code, level in parsed_education.items():
        if level.category not in education_labels:
            raise ImportFileError(str(path), 0, f"{code}: RL category {level.category} has no label")
    education = keep_known(path.name, parsed_education)
    # Only the RL rows are used; rows of unknown occupations are not counted apart here.
    rec_onet.add_file(path)
    step("O*NET education")
    path = onet_dir / parser.FILES["alternate_titles"]
    parsed_titles = parser.parse_alternate_titles(path)
    alternate_titles = [t for t in parsed_titles if t.code in codes]
    keep_known(path.name, {t.code: None for t in parsed_titles})
    rec_onet.add_file(path, rows_unmatched=len(parsed_titles) - len(alternate_titles))
    step("O*NET alternate titles")
    path = onet_dir / parser.FILES["tasks"]
    parsed_tasks = parser.parse_tasks(path)
    tasks = [t for t in parsed_tasks if t.code in codes]
    keep_known(path.name, {t.code: None for t in parsed_tasks})
    rec_onet.add_file(path, rows_unmatched=len(parsed_tasks) - len(tasks))
    step("O*NET tasks")
    path = onet_dir / parser.FILES["related"]
    parsed_related = parser.parse_related(path)
    related = [r for r in parsed_related if r.code in codes and r.related_code in codes]
    keep_known(path.name, {c: None for r in parsed_related for c in (r.code, r.related_code)})
    rec_onet.add_file(path, rows_unmatched=len(parsed_related) - len(related))
    step("O*NET related occupations")
    rec_onet.add_file(onet_dir / parser.FILES["readme"], data=False)
    rec_onet.occupations_covered = len(codes)
    rec_onet.join_notes = {
        "release": f"O*NET {release.version}, {release.released}",
        "occupations": len(codes),
        "with_interest_profile": len(interests),
        "with_job_zone": len(job_zones),
        "with_education": len(education),
        "codes_not_in_occupation_data": unknown,
    }
    ctx.release, ctx.codes, ctx.occupations = release, codes, occupations
    ctx.interests, ctx.job_zones, ctx.job_zone_reference = interests, job_zones, job_zone_reference
    ctx.education, ctx.education_labels = education, education_labels
    ctx.alternate_titles, ctx.tasks, ctx.related = alternate_titles, tasks, related
    ctx.records.append(rec_onet)
