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


def scatter(
    points: list[tuple[float, float, str]],
    *,
    x_max: float = 1.0,
    y_max: float = 1.0,
    width: int = 480,
    height: int = 320,
    margin: int = 36,
    step: float = 0.2,
) -> dict[str, Any]:
    """Dots for (x, y, label) on axes from 0 to x_max / y_max, ticks every `step`; y grows upward.
    Values outside the axes are clamped to the edge so a dot never leaves the plot."""
    plot_w = width - 2 * margin
    plot_h = height - 2 * margin
    x_top = x_max or 1.0
    y_top = y_max or 1.0

    def px(value: float) -> float:
        return round(margin + plot_w * min(max(value, 0.0), x_top) / x_top, 1)

    def py(value: float) -> float:
        return round(margin + plot_h - plot_h * min(max(value, 0.0), y_top) / y_top, 1)

    dots = [{"cx": px(x), "cy": py(y), "x": x, "y": y, "label": label} for x, y, label in points]

    def steps(top: float) -> list[float]:
        count = int(round(top / step, 6))
        return [round(i * step, 6) for i in range(count + 1)]

    return {
        "width": width,
        "height": height,
        "left": margin,
        "right": margin + plot_w,
        "top": margin,
        "bottom": margin + plot_h,
        "x_ticks": [{"at": px(v), "label": f"{v:g}"} for v in steps(x_top)],
        "y_ticks": [{"at": py(v), "label": f"{v:g}"} for v in steps(y_top)],
        "x_label_y": height - 4,
        "x_tick_label_y": margin + plot_h + 14,
        "dots": dots,
    }
