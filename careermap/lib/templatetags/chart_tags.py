"""Template access to chart geometry that a page's view does not compute itself (careermap/lib/charts.py)."""

from __future__ import annotations

from typing import Any

from django import template

from careermap.lib.charts import dot_plot

register = template.Library()


@register.simple_tag
def durability_dots(inputs: list[dict[str, Any]]) -> dict[str, Any]:
    """The occupation's durability inputs as a dot plot: `{% durability_dots durability.inputs as dots %}`.

    Each input keeps its label, raw value, effect on the score and its percentile among all occupations."""
    chart = dot_plot([(item["label"], float(item["percentile"])) for item in inputs])
    for dot, item in zip(chart["dots"], inputs, strict=True):
        dot["raw"] = item["raw"]
        dot["effect"] = item["effect"]
        dot["raises"] = item["effect"] > 0
    return chart
