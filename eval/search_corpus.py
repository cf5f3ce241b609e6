"""The search corpus straight from the shared files, with no database: for eval/search_eval.py and
the real-data search test (moved here from careermap/search/files.py, issue 18: the site never
uses it). The site builds the same Corpus from the database (`careermap.search.selectors`).

Reads are taken from their front matter alone (title, description, occupations), so the
evaluation measures search whatever state the rest of a read's validation is in; `content_check`
is the place that validates reads.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from careermap.occupations.services import data_parse
from careermap.search.documents import Corpus, OccupationDoc, ReadDoc, TitleDoc, employment_by_code
from careermap.search.synonyms import load_synonyms


def reads_from_files(content_dir: Path) -> tuple[ReadDoc, ...]:
    out = []
    for path in sorted((content_dir / "reads").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        _, front, _ = text.split("---", 2)
        data = yaml.safe_load(front) or {}
        out.append(
            ReadDoc(
                slug=path.stem,
                title=str(data.get("title", "")),
                description=str(data.get("description", "")),
                url=f"/reads/{path.stem}/",
                codes=tuple(data.get("occupations") or ()),
            )
        )
    return tuple(out)


def corpus_from_files(*, data_dir: Path, content_dir: Path, synonyms: bool = True) -> Corpus:
    parsed = data_parse(data_dir=data_dir)
    employment = employment_by_code(
        (code, row.nem_code, row.employment_2024) for code, (row, _) in parsed.projections.items()
    )
    tasks: dict[str, list[str]] = defaultdict(list)
    for task in sorted(parsed.tasks, key=lambda t: (t.code, t.task_id)):
        tasks[task.code].append(task.statement)
    return Corpus(
        occupations=tuple(
            OccupationDoc(
                code=o.code,
                title=o.title,
                url=f"/occupations/{o.code}/",
                employment=employment.get(o.code),
                description=" ".join([o.description, *tasks[o.code]]),
            )
            for o in parsed.occupations
        ),
        titles=tuple(
            TitleDoc(code=t.code, title=t.title, short_title=t.short_title, sources=t.sources)
            for t in parsed.alternate_titles
        ),
        reads=reads_from_files(content_dir),
        synonyms=load_synonyms() if synonyms else (),
    )
