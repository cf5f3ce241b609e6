"""Safe YAML loading that reports every problem with a line number.

PyYAML raises a plain ValueError, not a YAMLError, for a scalar that looks like a date but is
none (`2026-13-45`); this finds that scalar's line so the error reads like any other.
"""

from __future__ import annotations

from typing import Any

import yaml

_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class YamlProblem(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line  # 1-based, within the text given
        self.message = message


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """The loaded data and its node tree (for line numbers), or YamlProblem."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
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
