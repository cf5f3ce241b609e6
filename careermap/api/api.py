from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from careermap.api.routers import durability, occupations, quiz, reads, search, worklog

api = NinjaAPI(
    title="Career Map API",
    version="1",
    description="Every public page has a JSON twin. Figures carry their dataset and vintage. See docs/api.md for the stability promise.",
    urls_namespace="api",
)
api.add_router("/", reads.router)
api.add_router("/", durability.router)
api.add_router("/", occupations.router)
api.add_router("/worklog", worklog.router)
api.add_router("/", quiz.router)
api.add_router("/", search.router)


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 naming each bad field: `{"detail": [{"field": "answers.R1", "message": ...}]}`."""
    errors = [
        {
            "field": ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")),
            "message": error.get("msg", ""),
        }
        for error in exc.errors
    ]
    return api.create_response(request, {"detail": errors}, status=422)
