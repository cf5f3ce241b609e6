from __future__ import annotations

from django.urls import path

from careermap.quiz import views

app_name = "quiz"
urlpatterns = [
    path("", views.quiz_start, name="start"),
    path("start-over/", views.quiz_reset, name="reset"),
    path("step/<int:step>/", views.quiz_step, name="step"),
    path("results/<str:token>/", views.quiz_results, name="results"),
    path("results/<str:token>/edit/", views.quiz_edit, name="edit"),
]
