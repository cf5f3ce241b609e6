from __future__ import annotations

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def money(value: Decimal | int | None) -> str:
    """Two decimal places with thousands separators: 1234.5 → "1,234.50". Empty for None."""
    if value is None or value == "":
        return ""
    return f"{Decimal(value):,.2f}"
