"""What the work log's API modules share: the router, the field types, the request-body base, the error
shapes and the helpers that map the services' errors to them."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest
from ninja import Field, Router, Schema
from pydantic import BeforeValidator, StrictInt, model_validator

from careermap.api.auth import private_auth
from careermap.api.schemas import ErrorOut
from careermap.worklog import rules

StatusLiteral = Literal[
    "paid", "pending", "disputed", "unpaid_assessment", "unpaid_training", "unpaid_onboarding", "rejected"
]


def _iso_date(value: Any) -> Any:
    if not isinstance(value, dt.date) and not (isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)):
        raise ValueError("use a date in the form YYYY-MM-DD")
    return value


def _clock_time(value: Any) -> Any:
    if not isinstance(value, dt.time) and not (isinstance(value, str) and re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value)):
        raise ValueError("use a time in the form HH:MM")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]
ClockTime = Annotated[dt.time, BeforeValidator(_clock_time)]
Id = Annotated[int, Field(ge=1, le=rules.MAX_ID)]
BodyId = Annotated[StrictInt, Field(ge=1, le=rules.MAX_ID)]
Minutes = Annotated[StrictInt, Field(ge=0, le=1440)]
Money = Annotated[Decimal, Field(ge=0, max_digits=12, decimal_places=2)]
Miles = Annotated[Decimal, Field(ge=0, max_digits=8, decimal_places=2)]
Duration = Annotated[
    str,
    Field(
        max_length=40,
        description="Time worked as people write it: 2h, 1:30, 90m, 1h30, or a bare number (1.5) in duration_unit",
    ),
]
DurationUnit = Literal["hours", "minutes"]
PositiveMoney = Annotated[Decimal, Field(gt=0, max_digits=12, decimal_places=2)]
Text100 = Annotated[str, Field(max_length=100)]
Text200 = Annotated[str, Field(max_length=200)]
Currency = Annotated[str, Field(min_length=3, max_length=3, pattern=r"^[A-Za-z]{3}$")]


router = Router(tags=["worklog"], auth=private_auth())


class WorklogFieldErrorOut(Schema):
    field: str
    message: str


class WorklogValidationErrorOut(Schema):
    detail: list[WorklogFieldErrorOut]


ERRORS: dict[int, Any] = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 422: WorklogValidationErrorOut}


class BodyIn(Schema):
    """A request body: a JSON object, nothing else (ninja would read fields off any object)."""

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        if not isinstance(getattr(data, "_obj", data), dict):  # ninja wraps the body in a DjangoGetter
            raise ValueError("the body must be a JSON object")
        return data


def _repeated(request: HttpRequest) -> tuple[int, dict[str, Any]] | None:
    """Every query parameter here takes one value; a repeated one is a 422, not silently the last."""
    repeated = [name for name in request.GET if len(request.GET.getlist(name)) > 1]
    if repeated:
        return 422, {"detail": [{"field": name, "message": "give this once"} for name in repeated]}
    return None


def _not_found(kind: str, pk: int) -> tuple[int, dict[str, str]]:
    return 404, {"detail": f"No {kind} {pk}."}


def _with_duration(data: dict[str, Any]) -> dict[str, Any]:
    """`duration` (and its unit) read into `minutes`; both given must agree. Raises Django's ValidationError."""
    duration = data.pop("duration", None)
    unit: rules.DurationUnit = data.pop("duration_unit", None) or "hours"
    if duration is None:
        return data
    try:
        data["minutes"] = rules.minutes_given(minutes=data.get("minutes"), duration=duration, unit=unit)
    except rules.RuleError as error:
        raise DjangoValidationError({error.field: [error.message]}) from None
    return data
