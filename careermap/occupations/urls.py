from __future__ import annotations

from django.urls import path

from careermap.occupations import views

app_name = "occupations"
urlpatterns = [
    path("occupations/", views.occupation_index, name="occupation_list"),
    path("occupations/<str:code>/", views.occupation_detail, name="occupation_detail"),
    path("data/", views.dataset_registry, name="dataset_list"),
    path("areas/", views.area_pick, name="area_pick"),
]
