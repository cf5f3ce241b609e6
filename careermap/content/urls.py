from __future__ import annotations

from django.urls import path

from careermap.content import views
from careermap.content.feeds import GigWatchChangesFeed, ReadChangesFeed, ReadsFeed

app_name = "content"
urlpatterns = [
    path("", views.read_map, name="map"),
    path("reads/<slug:slug>/", views.read_detail, name="read_detail"),
    path("reads/<slug:slug>/sources/", views.read_sources_page, name="read_sources"),
    path("reads/<slug:slug>/changes.atom", ReadChangesFeed(), name="read_changes_feed"),
    path("methodology/", views.methodology, name="methodology"),
    path("feed/", ReadsFeed(), name="feed"),
    path("feed/gigwatch/", GigWatchChangesFeed(), name="gigwatch_feed"),
]
