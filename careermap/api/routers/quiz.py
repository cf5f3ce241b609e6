"""The quiz as JSON: list the questions, submit answers, get the profile, three matches and the next ten.

Schemas live here rather than in api/schemas.py because they are the quiz's alone.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from ninja import Router, Schema
from pydantic import BaseModel, Field, WithJsonSchema

from careermap.lib.ratelimit import client_ip
from careermap.quiz.codes import JOB, Stamp, answers_encode
from careermap.quiz.matching import LIMIT, MORE, match
from careermap.quiz.presenters import match_dict, outcome_dict
from careermap.quiz.questions import CREDITS, ITEMS_SOURCE, OPTIONAL, SCALE, parse_answers, question_set
from careermap.quiz.selectors import experience_get, quiz_candidates
from careermap.quiz.services import quiz_submit_allowed

router = Router(tags=["quiz"])


class Out(BaseModel):
    """Response schemas are plain pydantic models: ninja's Schema adds a Python-level getter per
    field (for ORM objects), which made the question list several times slower to serialize."""


class ErrorOut(Out):
    detail: str


class FieldErrorOut(Out):
    field: str
    message: str


class ValidationErrorOut(Out):
    detail: list[FieldErrorOut]


class ChoiceOut(Out):
    value: int | str
    label: str


class QuestionOut(Out):
    id: str
    kind: Literal["interest", "practical"]
    text: str
    help: str
    interest_type: str | None = Field(description="R, I, A, S, E or C for interest items; null otherwise.")
    required: bool
    answers: list[ChoiceOut]


class SourceLinkOut(Out):
    name: str
    url: str


class QuestionsOut(Out):
    interest_items_available: bool
    message: str | None
    questions: list[QuestionOut]
    credits: list[str]
    items_source: SourceLinkOut


# Values are checked against the questions in quiz.questions.parse_answers, so that a bad one is a
# 422 naming just the question id (a union type here would name its members too).
ANSWERS_SCHEMA = {
    "type": "object",
    "additionalProperties": {"anyOf": [{"type": "integer", "minimum": 1, "maximum": 5}, {"type": "string"}]},
}


class MatchesIn(Schema):
    answers: Annotated[dict[str, Any], WithJsonSchema(ANSWERS_SCHEMA)] = Field(
        description='Question id → answer: interest items ("R1" … "C8") take 1–5; practical questions take one '
        "of their listed values."
    )


class ProfileOut(Out):
    scores: dict[str, float]
    code: str
    code_names: list[str]
    answered: dict[str, int]
    scale: dict[str, int]


class ProblemOut(Out):
    code: Literal["too-few", "all-same", "flat"]
    message: str


class DatasetSourceOut(Out):
    name: str
    version: str
    url: str


class PayOut(Out):
    occupation_title: str
    median_wage_usd: int | None
    median_wage_is_floor: bool
    employment_change_percent: float | None
    openings_per_year: int | None
    source: DatasetSourceOut


class FirstDollarOut(Out):
    band: str
    label: str


class DurabilityOut(Out):
    score: int | None
    note: str


class MatchOut(Out):
    rank: int
    key: str
    kind: Literal["occupation", "read"]
    kind_label: str
    title: str
    url: str
    interest_code: str
    interest_fit: float
    score: float
    first_dollar: FirstDollarOut
    why: list[str]
    watch: list[str]
    pay: PayOut | None
    durability: DurabilityOut


class ConsideredOut(Out):
    occupations: int
    reads: int
    eligible: int
    durability_available: bool


class MatchesOut(Out):
    token: str | None = Field(description="The shareable result's token; null when the answers gave no profile.")
    result_url: str | None
    profile: ProfileOut | None
    problem: ProblemOut | None
    matches: list[MatchOut] = Field(
        description=f"The best {LIMIT} matches, explained (ranks 1–{LIMIT}); fewer when fewer fit the answers."
    )
    more: list[MatchOut] = Field(
        description=f"The next {MORE} matches after them, as the result page lists them: ranks {LIMIT + 1}–"
        f"{LIMIT + MORE} in the same order, same fields, none repeating one of `matches` and at most one per "
        "O*NET minor group across both lists; fewer (or none) when fewer fit the answers."
    )
    notes: list[str]
    considered: ConsideredOut
    sources: list[DatasetSourceOut]
    data_as_of: str | None


UNAVAILABLE = "The interest items are not available on this site right now, so the quiz cannot run."


@router.get("/quiz/questions", response={200: QuestionsOut}, summary="Every quiz question with its allowed answers")
def list_questions(request: HttpRequest) -> dict[str, Any]:
    qs = question_set()
    interest = [
        {
            "id": item.id,
            "kind": "interest",
            "text": item.text,
            "help": "How much would you enjoy doing this?",
            "interest_type": item.type,
            "required": False,
            "answers": [{"value": value, "label": label or str(value)} for value, label in SCALE],
        }
        for item in qs.items or ()
    ]
    practical = [
        {
            "id": q.id,
            "kind": "practical",
            "text": q.text,
            "help": q.help,
            "interest_type": None,
            "required": q.id not in OPTIONAL,
            "answers": [{"value": c.value, "label": c.label} for c in q.choices],
        }
        for q in qs.practical
    ]
    return {
        "interest_items_available": qs.items_available,
        "message": None if qs.items_available else UNAVAILABLE,
        "questions": interest + practical,
        "credits": list(CREDITS),
        "items_source": ITEMS_SOURCE,
    }


@router.post(
    "/quiz/matches",
    response={200: MatchesOut, 400: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut, 503: ErrorOut},
    summary="Submit answers: the six interest scores, three matches with reasons, the next ten, and a result token",
)
def post_matches(request: HttpRequest, body: MatchesIn) -> tuple[int, dict[str, Any]] | HttpResponse:
    qs = question_set()
    if not qs.items_available:
        return 503, {"detail": UNAVAILABLE}
    job = body.answers.get("job")
    years = str(body.answers.get("years", "none"))
    experience = experience_get(code=job, years=years) if isinstance(job, str) and JOB.fullmatch(job) else None
    answers, errors = parse_answers(body.answers, qs, experience)
    if answers is None:
        return 422, {"detail": [{"field": f"answers.{e.field}", "message": e.message} for e in errors]}
    if not quiz_submit_allowed(client=client_ip(request)):
        return 429, {"detail": "Too many quiz submissions from your address; try again in a few minutes."}
    pool = quiz_candidates()
    outcome = match(answers, pool.candidates, limit=LIMIT, more=MORE)  # as the result page asks
    token = result_url = None
    if outcome.profile is not None:
        keys = [m.candidate.key for m in outcome.matches[:LIMIT]]  # the stamp names the three, as the page does
        stamp = Stamp.of(day=dt.date.today(), data_version=pool.version, keys=keys)
        token = answers_encode(body.answers, qs.practical, stamp)
        result_url = reverse("quiz:results", args=[token])
    # The three through outcome_dict as before; the next ten as the same rows without the page's
    # comparison charts, which the schema leaves out (about 0.08 ms for ten).
    three = outcome_dict(dataclasses.replace(outcome, matches=outcome.matches[:LIMIT]), pool)
    more = [match_dict(rank, m) for rank, m in enumerate(outcome.matches[LIMIT:], start=LIMIT + 1)]
    payload = MatchesOut.model_validate({"token": token, "result_url": result_url} | three | {"more": more})
    # Serialized by pydantic rather than ninja's json.dumps of a dumped dict: thirteen matches make a
    # body of about 17 kB, which pydantic writes in about half the time (docs/quiz.md, "Speed").
    return HttpResponse(payload.model_dump_json(), content_type="application/json; charset=utf-8")
