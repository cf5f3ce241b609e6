"""Dollar amounts as the site writes them. Pure: no Django, so pure modules (occupations/pay.py) and the
template filters in lib/templatetags/humanize_lite.py share one wording."""

from __future__ import annotations


def dollars(value: float | None, at_least: bool = False) -> str:
    """$135,980; a top-coded figure reads "≥ $239,200" (BLS publishes no higher value)."""
    if value is None:
        return ""
    return f"{'≥ ' if at_least else ''}${value:,.0f}"


def dollars_hourly(value: float | None, at_least: bool = False) -> str:
    """$65.38; top-coded as above."""
    if value is None:
        return ""
    return f"{'≥ ' if at_least else ''}${value:,.2f}"
