from __future__ import annotations

from django.urls import path

from careermap.search import views

app_name = "search"
urlpatterns = [
    path("", views.search_page, name="search"),
]
