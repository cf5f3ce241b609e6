from __future__ import annotations

from django.urls import path

from careermap.compare import views

app_name = "compare"
urlpatterns = [
    path("", views.compare, name="compare"),
]
