from __future__ import annotations

from django.urls import path

from careermap.pooled import views

app_name = "pooled"
urlpatterns = [
    path("", views.sharing, name="sharing"),
    path("start/", views.sharing_start, name="start"),
    path("stop/", views.sharing_stop, name="stop"),
]
