from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from careermap.durability.selectors import durability_method

router = Router(tags=["durability"])


class MethodOut(Schema):
    version: str
    inputs: list[dict[str, Any]]
    confidence_rules: dict[str, Any]
    disagreement_gap: float
    history_not_weighted: list[str]
    presence_words: list[str]
    score: str


@router.get("/durability/method", response={200: MethodOut}, summary="The durability method: version, inputs, weights")
def get_method(request: HttpRequest) -> dict[str, Any]:
    return durability_method()
