"""Geometry for small server-rendered SVG charts (the templates draw, this computes)."""

from __future__ import annotations

from typing import Any


def bar_chart(
    values: list[float], labels: list[str], *, width: int = 320, height: int = 120, gap: int = 4
) -> dict[str, Any]:
    """Vertical bars scaled to the largest value; returns rects with x, y, w, h, label and value."""
    top = max(values, default=0) or 1
    count = max(len(values), 1)
    bar_width = (width - gap * (count - 1)) / count
    chart_height = height - 16  # room for labels under the bars
    bars = []
    for i, (value, label) in enumerate(zip(values, labels, strict=True)):
        bar_height = chart_height * value / top
        bars.append(
            {
                "x": round(i * (bar_width + gap), 1),
                "y": round(chart_height - bar_height, 1),
                "w": round(bar_width, 1),
                "h": round(bar_height, 1),
                "label": label,
                "label_x": round(i * (bar_width + gap) + bar_width / 2, 1),
                "value": value,
            }
        )
    return {"width": width, "height": height, "label_y": height - 3, "bars": bars}


def horizontal_bars(
    rows: list[tuple[str, float]], *, maximum: float, width: int = 200, row_height: int = 14, label_width: int = 90
) -> dict[str, Any]:
    """Rows of label, bar and value on a fixed scale (e.g. RIASEC 1–7)."""
    bars = []
    for i, (label, value) in enumerate(rows):
        bar_width = round(width * max(value, 0) / maximum, 1)
        y = i * row_height
        bars.append(
            {
                "label": label,
                "value": value,
                "x": label_width,
                "y": y + 2,
                "w": bar_width,
                "h": row_height - 5,
                "text_y": y + row_height - 4,
                "value_x": label_width + bar_width + 4,
            }
        )
    return {"width": label_width + width + 40, "height": row_height * len(rows), "bars": bars}
