"""Small template filters: safe lookups in dicts and objects, area links, dollar amounts."""

from __future__ import annotations

from typing import Any

from django import template

from careermap.lib import money

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


# The dollar wording lives in the pure careermap/lib/money.py (occupations/pay.py uses it too).
register.filter("dollars", money.dollars)
register.filter("dollars_hourly", money.dollars_hourly)


@register.filter
def sub(value: float, other: float) -> float:
    return round(float(value) - float(other), 1)
