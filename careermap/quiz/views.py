"""The quiz pages: a start page, five steps of plain forms, and a shareable result.

Answers in progress live in the session (no account), so a reload or a back button keeps them;
a result's link holds only the answers (quiz/codes.py) and is recomputed against the current data
when viewed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from careermap.lib.ratelimit import client_ip
from careermap.occupations.models import Area, Occupation
from careermap.occupations.paypage import area_choice
from careermap.occupations.selectors import occupation_pay
from careermap.quiz.codes import Stamp, answers_encode
from careermap.quiz.forms import InterestStepForm, PracticalForm, interest_steps
from careermap.quiz.matching import LIMIT, MORE, Answers, Problem, match
from careermap.quiz.presenters import outcome_dict, profile_chart
from careermap.quiz.questions import CREDITS, ITEMS_SOURCE, QuestionSet, parse_answers, question_set
from careermap.quiz.selectors import current_job_resolve, experience_get, quiz_candidates, quiz_result_get

SESSION_KEY = "quiz_answers"


def _saved(request: HttpRequest) -> dict[str, Any]:
    return dict(request.session.get(SESSION_KEY, {}))


def _save(request: HttpRequest, answers: dict[str, Any]) -> None:
    saved = _saved(request)
    for key, value in answers.items():
        if value is None:
            saved.pop(key, None)
        else:
            saved[key] = value
    request.session[SESSION_KEY] = saved


def _progress(qs: QuestionSet, step: int, saved: dict[str, Any]) -> dict[str, Any]:
    steps = len(interest_steps(qs.items or ())) + 1
    return {
        "step": step,
        "steps": steps,
        "items_total": len(qs.items or ()),
        "items_answered": sum(1 for item in qs.items or () if item.id in saved),
        "practical_total": len(qs.practical),
        "practical_answered": sum(1 for q in qs.practical if q.id in saved),
    }


def _base_context(qs: QuestionSet) -> dict[str, Any]:
    return {"credits": CREDITS, "items_source": ITEMS_SOURCE, "items_available": qs.items_available}


@require_safe
def quiz_start(request: HttpRequest) -> HttpResponse:
    qs = question_set()
    saved = _saved(request)
    context = _base_context(qs) | {"progress": _progress(qs, 0, saved), "resume": bool(saved)}
    return render(request, "quiz/start.html", context)


@require_POST
def quiz_reset(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    return redirect("quiz:step", step=1)


@require_http_methods(["GET", "HEAD", "POST"])
def quiz_step(request: HttpRequest, step: int) -> HttpResponse:
    qs = question_set()
    if not qs.items_available:
        return redirect("quiz:start")
    pages = interest_steps(qs.items or ())
    if not 1 <= step <= len(pages) + 1:
        raise Http404("No such quiz step")
    if step <= len(pages):
        return _interest_step(request, qs, step, pages[step - 1])
    return _practical_step(request, qs, step)


def _interest_step(request: HttpRequest, qs: QuestionSet, step: int, items: tuple[Any, ...]) -> HttpResponse:
    saved = _saved(request)
    if request.method == "POST":
        form = InterestStepForm(request.POST, items=items)
        if form.is_valid():
            _save(request, form.answers())
            if request.POST.get("go") != "back":
                return redirect("quiz:step", step=step + 1)
            return redirect("quiz:step", step=step - 1) if step > 1 else redirect("quiz:start")
    else:
        form = InterestStepForm(initial={item.id: saved.get(item.id) for item in items}, items=items)
    context = _base_context(qs) | {"form": form, "rows": form.rows(), "progress": _progress(qs, step, _saved(request))}
    return render(request, "quiz/step_interests.html", context)


def _practical_step(request: HttpRequest, qs: QuestionSet, step: int) -> HttpResponse:
    problem = None
    if request.method == "POST" and request.POST.get("go") == "back":
        choices = {q.id: {c.value for c in q.choices} for q in qs.practical}
        _save(request, {key: request.POST[key] for key in choices if request.POST.get(key) in choices[key]})
        return redirect("quiz:step", step=step - 1)
    if request.method == "POST":
        form = PracticalForm(request.POST, questions=qs.practical, client=client_ip(request), final=True)
        if form.is_valid():
            title = form.cleaned_data["job_title"].strip()
            occupation = current_job_resolve(text=title) if title else None
            job = {"job": occupation.code if occupation else None, "job_title": title or None}
            _save(request, form.answers() | job)
            result_url, problem = _finish(_saved(request), qs)
            if result_url is not None:
                return redirect(result_url)
    else:
        saved = _saved(request)
        initial = {q.id: saved.get(q.id) for q in qs.practical} | {"job_title": saved.get("job_title", "")}
        form = PracticalForm(initial=initial, questions=qs.practical)
    context = _base_context(qs) | {
        "form": form,
        "problem": problem,
        "progress": _progress(qs, step, _saved(request)),
        "interest_steps": range(1, step),
    }
    return render(request, "quiz/step_practical.html", context, status=200 if problem is None else 422)


def _finish(saved: dict[str, Any], qs: QuestionSet) -> tuple[str | None, Problem | None]:
    """The result's link when the answers make a profile; otherwise why not."""
    known = qs.item_ids | set(qs.practical_by_id) | {"job"}
    raw = {key: value for key, value in saved.items() if key in known}  # drop ids of retired questions
    answers, errors = _parse(raw, qs)
    if answers is None:
        fields = ", ".join(error.field for error in errors)
        return None, Problem("too-few", f"Some answers could not be read ({fields}); please answer them again.")
    pool = quiz_candidates()
    outcome = match(answers, pool.candidates)
    if outcome.problem is not None:
        return None, outcome.problem
    stamp = Stamp.of(day=dt.date.today(), data_version=pool.version, keys=[m.candidate.key for m in outcome.matches])
    return reverse("quiz:results", args=[answers_encode(raw, qs.practical, stamp)]), None


def _parse(raw: dict[str, Any], qs: QuestionSet) -> tuple[Answers | None, list[Any]]:
    """parse_answers, with what the database says about the person's job (selectors.experience_get)."""
    job = raw.get("job")
    experience = experience_get(code=job, years=str(raw.get("years", "none"))) if isinstance(job, str) else None
    return parse_answers(raw, qs, experience)


@require_safe
def quiz_results(request: HttpRequest, token: str) -> HttpResponse:
    qs = question_set()
    result = quiz_result_get(token=token, practical=qs.practical)
    if result is None:
        raise Http404("No such quiz result")
    answers, _ = _parse(result.answers, qs) if qs.items_available and result.answers else (None, [])
    choice = area_choice(request)
    context = _base_context(qs) | {
        "result": result,
        "stale": answers is None,
        "area": choice.area,
        "area_choice": choice,
    }
    if answers is not None:
        pool = quiz_candidates()
        outcome = match(answers, pool.candidates, limit=LIMIT, more=MORE)
        now = Stamp.of(
            day=dt.date.today(), data_version=pool.version, keys=[m.candidate.key for m in outcome.matches[:LIMIT]]
        )
        first = result.stamp
        context |= {
            "outcome": _with_area_pay(outcome_dict(outcome, pool), choice.area),
            "chart": profile_chart(outcome.profile) if outcome.profile else None,
            "experience": answers.practical.experience,
            "pay_floor": answers.practical.pay_floor_usd,
            "stamp": first,
            "data_code": now.data_code,
            "differs": first is not None and first.matches != now.matches,
        }
    return render(request, "quiz/results.html", context)


def _with_area_pay(outcome: dict[str, Any], area: Area | None) -> dict[str, Any]:
    """OEWS pay for each match's occupation, in the area from the result link (`?area=`)."""
    codes = [m["pay"]["occupation_code"] for m in outcome["matches"][:LIMIT] if m.get("pay")]
    occupations = Occupation.objects.in_bulk(codes)
    for m in outcome["matches"][:LIMIT]:
        occupation = occupations.get(m["pay"]["occupation_code"]) if m.get("pay") else None
        m["area_pay"] = occupation_pay(occupation=occupation, area=area) if occupation else None
    return outcome


@require_http_methods(["GET", "HEAD", "POST"])
def quiz_edit(request: HttpRequest, token: str) -> HttpResponse:
    """Start from a shared result's answers (copied into this browser's session). GET shows the form
    that does it, with this visitor's CSRF token, so the shared result page itself carries none
    (careermap/lib/httpcache.py: result pages are public, this one private)."""
    result = quiz_result_get(token=token, practical=question_set().practical)
    if result is None:
        raise Http404("No such quiz result")
    if request.method != "POST":
        return render(request, "quiz/edit.html", _base_context(question_set()) | {"result": result})
    answers = dict(result.answers or {})
    job = Occupation.objects.filter(code=answers.get("job", "")).first()
    if job is not None:  # shown in the job field, so submitting again keeps it
        answers["job_title"] = job.title
    request.session[SESSION_KEY] = answers
    return redirect("quiz:step", step=1)
