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


@register.filter
def with_area(url: str, area: Any) -> str:
    """Keep the reader's chosen area on a link within the site: `{{ url|with_area:area }}`."""
    code = getattr(area, "code", area) or ""
    if not code or getattr(area, "is_national", False):
        return url
    return f"{url}{'&' if '?' in url else '?'}area={code}"


@register.filter
def dollars(value: float | None, at_least: bool = False) -> str:
    """$135,980; a top-coded figure reads "≥ $239,200" (BLS publishes no higher value)."""
    if value is None:
        return ""
    return f"{'≥ ' if at_least else ''}${value:,.0f}"


@register.filter
def dollars_hourly(value: float | None, at_least: bool = False) -> str:
    if value is None:
        return ""
    return f"{'≥ ' if at_least else ''}${value:,.2f}"


@register.filter
def sub(value: float, other: float) -> float:
    return round(float(value) - float(other), 1)
