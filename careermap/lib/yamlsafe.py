"""Safe YAML loading that reports every problem with a line number.

PyYAML raises a plain ValueError, not a YAMLError, for a scalar that looks like a date but is
none (`2026-13-45`); this finds that scalar's line so the error reads like any other.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import yaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# libyaml's parser where PyYAML's wheel carries it: about ten times faster on synonyms.yaml, whose
# pure-Python parse was most of every search index build, the tests' included
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlProblem(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line  # 1-based, within the text given
        self.message = message


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """The loaded data and its node tree (for line numbers), or YamlProblem."""
    try:
        try:
            root = yaml.compose(text, Loader=_Loader)
        except yaml.YAMLError:
            root = yaml.compose(text, Loader=yaml.SafeLoader)  # PyYAML's own words for the problem
        # built from the same nodes: one parse, not two
        data = None if root is None else yaml.SafeLoader("").construct_document(root)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise YamlProblem(line, f"invalid YAML: {getattr(exc, 'problem', None) or exc}") from None
    except ValueError as exc:
        raise YamlProblem(_bad_timestamp_line(text), f"not a real date ({exc})") from None
    return data, root


def _bad_timestamp_line(text: str) -> int:
    stack = [yaml.compose(text, Loader=yaml.SafeLoader)]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _TIMESTAMP:
                try:
                    yaml.SafeLoader("").construct_yaml_timestamp(node)
                except ValueError:
                    return node.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack.extend([value, key])
    return 1


@dataclasses.dataclass(frozen=True)
class YamlFileError(Exception):
    """A YAML file that cannot be loaded, as `path:line: field: message` (content and quiz files)."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


def line_of(node: yaml.Node | None, loc: tuple[Any, ...]) -> int:
    """1-based line of the node at `loc` (a validation error's path), or of its nearest existing
    parent. For a mapping entry it is the key's line: where a person looks for the field's name."""
    if node is None:
        return 1
    line = node.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    child = value
                    line = key.start_mark.line + 1
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line
