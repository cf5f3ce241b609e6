from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from careermap.durability.selectors import durability_method, durability_run_latest
from careermap.lib.svg import bar_chart


@require_safe
def method_page(request: HttpRequest) -> HttpResponse:
    run = durability_run_latest()
    evaluation = run.evaluation if run else None
    histogram = None
    if evaluation:
        labels = [f"{10 * i}–{10 * i + 9}" if i < 9 else "90–100" for i in range(10)]
        histogram = bar_chart(evaluation["histogram"], labels, width=600, height=160)
    context = {"method": durability_method(), "run": run, "evaluation": evaluation, "histogram": histogram}
    return render(request, "durability/method.html", context)
