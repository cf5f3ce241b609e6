from __future__ import annotations

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from careermap import health
from careermap.api.api import api
from careermap.content.sitemaps import OccupationSitemap, ReadSitemap, StaticSitemap

sitemaps = {"reads": ReadSitemap, "occupations": OccupationSitemap, "pages": StaticSitemap}

urlpatterns = [
    path("", include("careermap.content.urls")),
    path("", include("careermap.durability.urls")),
    path("", include("careermap.occupations.urls")),
    path("accounts/", include("careermap.accounts.urls")),
    path("worklog/sharing/", include("careermap.pooled.urls")),  # before the work log: its own app
    path("worklog/", include("careermap.worklog.urls")),
    path("quiz/", include("careermap.quiz.urls")),
    path("api/v1/", api.urls),
    path("search/", include("careermap.search.urls")),
    path("compare/", include("careermap.compare.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("ping", health.ping, name="ping"),
    path("healthz", health.healthz, name="healthz"),
]
