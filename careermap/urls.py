from __future__ import annotations

from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from careermap.api.api import api
from careermap.content import views as content_views
from careermap.content.sitemaps import ReadSitemap, StaticSitemap

sitemaps = {"reads": ReadSitemap, "pages": StaticSitemap}

urlpatterns = [
    path("", include("careermap.content.urls")),
    path("api/v1/", api.urls),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("ping", content_views.ping, name="ping"),
]
