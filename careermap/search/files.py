"""The search corpus straight from the shared files, with no database: for eval/search_eval.py,
bench/search_bench.py and the real-data test. The site builds the same Corpus from the database
(`selectors.search_corpus`)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from careermap.content.services import content_parse_all
from careermap.occupations.services import data_parse
from careermap.search.engine import Corpus, OccupationDoc, ReadDoc, TitleDoc, employment_by_code


def corpus_from_files(*, data_dir: Path, content_dir: Path) -> Corpus:
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
        reads=tuple(
            ReadDoc(
                slug=item.slug,
                title=item.front.title,
                description=item.front.description,
                url=f"/reads/{item.slug}/",
                codes=tuple(item.front.occupations),
            )
            for item in content_parse_all(directory=content_dir)
        ),
    )
