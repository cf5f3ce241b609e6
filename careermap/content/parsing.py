"""Parse one read file into validated, rendered data. Pure: file text in, ParsedRead out.

Errors are reported as `path:line: field: what is wrong`, with the line found by
walking the YAML node tree to the offending key.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from careermap.content.schema import BODY_SECTIONS, ReadFrontMatter
from careermap.lib.markdown import render_markdown
from careermap.lib.yamlsafe import YamlFileError, YamlProblem, line_of, load_with_nodes

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ContentError(YamlFileError):
    """A read that cannot be loaded: `path:line: field: message` (careermap/lib/yamlsafe.py)."""


@dataclasses.dataclass(frozen=True)
class ParsedRead:
    slug: str
    front: ReadFrontMatter
    html: dict[str, str]  # rendered Markdown for every prose part, keyed by part name


def parse_read(path: Path, text: str | None = None) -> ParsedRead:
    display = str(path)
    slug = path.stem
    if not SLUG.match(slug):
        raise ContentError(display, 1, "slug", f"file name {path.name!r} must be lowercase words joined by hyphens")
    if text is None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise ContentError(display, 1, "file", f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    front_text, body, body_first_line = _split_front_matter(display, text)
    data, root = _load_yaml(display, front_text)
    try:
        front = ReadFrontMatter.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        # A rule that spans fields (schema._refuse) names the field it is about in ctx["at"].
        loc = tuple(error["loc"]) + tuple(error.get("ctx", {}).get("at", ()))
        line = line_of(root, loc) + 1  # +1 for the opening '---'
        field = ".".join(str(part) for part in loc) or "front matter"
        message = error["msg"].removeprefix("Value error, ")
        raise ContentError(display, line, field, message) from None
    sections = _split_body(display, body, body_first_line)
    html = {
        "what_this_is": render_markdown(front.what_this_is.summary),
        "lens_gig": render_markdown(front.lenses.gig.text),
        "lens_hired": render_markdown(front.lenses.hired.text),
        "lens_business": render_markdown(front.lenses.business.text),
        "editors_read": render_markdown(sections["editors-read"]),
        "before_you_commit": render_markdown(sections["before-you-commit"]),
    }
    return ParsedRead(slug=slug, front=front, html=html)


def _split_front_matter(path: str, text: str) -> tuple[str, str, int]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        raise ContentError(path, 1, "front matter", "the file must start with a '---' line")
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ContentError(path, len(lines), "front matter", "no closing '---' line")


def _load_yaml(path: str, front_text: str) -> tuple[Any, yaml.Node | None]:
    try:
        data, root = load_with_nodes(front_text)
    except YamlProblem as problem:
        raise ContentError(path, problem.line + 1, "front matter", problem.message) from None
    if not isinstance(data, dict):
        raise ContentError(path, 2, "front matter", "must be a mapping of fields")
    return data, root


def _split_body(path: str, body: str, first_line: int) -> dict[str, str]:
    """The body holds the prose parts under '## Editor's read' and '## Before you commit', in that order."""
    wanted = list(BODY_SECTIONS.items())
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for offset, line in enumerate(body.splitlines()):
        if line.startswith("## "):
            heading = line[3:].strip().replace("’", "'")
            expected_index = len(sections)
            if expected_index >= len(wanted) or heading != wanted[expected_index][1]:
                expect = wanted[expected_index][1] if expected_index < len(wanted) else "no further section"
                raise ContentError(
                    path, first_line + offset, "body", f"unexpected heading {heading!r}; expected {expect!r}"
                )
            current = wanted[expected_index][0]
            sections[current] = []
        elif current is None:
            if line.strip():
                raise ContentError(
                    path, first_line + offset, "body", "text before the first '## Editor's read' heading"
                )
        else:
            sections[current].append(line)
    for key, heading in wanted:
        if key not in sections:
            raise ContentError(path, first_line, "body", f"missing section '## {heading}'")
        if not "\n".join(sections[key]).strip():
            raise ContentError(path, first_line, "body", f"section '## {heading}' is empty")
    return {key: "\n".join(lines).strip() for key, lines in sections.items()}
