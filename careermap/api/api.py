from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_safe
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError

from careermap.api.routers import durability, occupations, quiz, reads, search, worklog, worklog_expenses

api = NinjaAPI(
    title="Career Map API",
    version="1",
    description="Every public page has a JSON twin. Figures carry their dataset and vintage. See docs/api.md for the stability promise.",
    urls_namespace="api",
    # Swagger UI from our own static files ("ninja" in INSTALLED_APPS; its page has no inline script), so
    # it works under the strict CSP. No online validator badge: it would load an image from swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
    docs_decorator=require_safe,  # the schema and the docs page answer GET and HEAD only
)
api.add_router("/", reads.router)
api.add_router("/", durability.router)
api.add_router("/", occupations.router)
api.add_router("/worklog", worklog.router)
api.add_router("/worklog", worklog_expenses.router)
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
