from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from careermap.durability.observed import Pair, compare
from careermap.durability.selectors import durability_method, durability_run_latest
from careermap.lib.svg import bar_chart, scatter
from careermap.occupations.selectors import observed_published_count, observed_vs_predicted


@require_safe
def method_page(request: HttpRequest) -> HttpResponse:
    run = durability_run_latest()
    evaluation = run.evaluation if run else None
    histogram = None
    if evaluation:
        labels = [f"{10 * i}–{10 * i + 9}" if i < 9 else "90–100" for i in range(10)]
        histogram = bar_chart(evaluation["histogram"], labels, width=600, height=160)
    pairs = [Pair(*row) for row in observed_vs_predicted()]
    comparison = compare(pairs) if pairs else None
    chart = (
        scatter([(p.predicted, p.observed, p.title) for p in pairs], y_max=0.8, width=600, height=360)
        if pairs
        else None
    )
    context = {
        "method": durability_method(),
        "run": run,
        "evaluation": evaluation,
        "histogram": histogram,
        "observed": comparison,
        "observed_chart": chart,
        "observed_pairs": pairs,
        "observed_published": observed_published_count(),
    }
    return render(request, "durability/method.html", context)
