from __future__ import annotations

from django.views.decorators.http import require_safe
from ninja import NinjaAPI, Swagger

from careermap.api import exception_handlers
from careermap.api.routers import durability, occupations, pooled, quiz, reads, search
from careermap.worklog.api import expenses_router as worklog_expenses_router
from careermap.worklog.api import router as worklog_router

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
api.add_router("/worklog", worklog_router)  # the work log's API lives in its app (careermap/worklog/api/)
api.add_router("/worklog", worklog_expenses_router)
api.add_router("/", quiz.router)
api.add_router("/", search.router)
api.add_router("/", pooled.router)

exception_handlers.register(api)  # errors mapped to HTTP once, for every router
