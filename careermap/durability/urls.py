from __future__ import annotations

from django.urls import path

from careermap.durability import views

app_name = "durability"
urlpatterns = [
    path("methodology/durability/", views.method_page, name="method"),
]
