from __future__ import annotations

from typing import Any

from django import template

from careermap.pooled.rules import MAX_PERSON_SHARE, MIN_PEOPLE
from careermap.pooled.selectors import pooled_for_read

register = template.Library()


@register.simple_tag
def pooled_read_figures(slug: str) -> dict[str, Any]:
    """The published pooled figures for the platforms a read covers (the same for every visitor)."""
    run, platforms = pooled_for_read(slug=slug)
    return {
        "run": run,
        "platforms": [p for p in platforms if p.cells or p.tasks],
        "any": any(p.cells or p.tasks for p in platforms),
        "min_people": MIN_PEOPLE,
        "max_share": int(MAX_PERSON_SHARE * 100),
    }


@register.simple_tag
def pooled_registry() -> dict[str, Any]:
    """The registry entry for our own dataset, with the vintage of the figures published now."""
    from careermap.occupations.sources import POOLED_PAY
    from careermap.pooled import rules
    from careermap.pooled.selectors import latest_run

    return {"info": POOLED_PAY, "run": latest_run(), "rules": rules}
