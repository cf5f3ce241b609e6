"""Two small template filters for looking things up in dicts and objects safely."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Any, key: str) -> Any:
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.filter
def attr_or(obj: Any, name: str) -> Any:
    return getattr(obj, name, "") if obj is not None else ""
