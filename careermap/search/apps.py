from __future__ import annotations

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "careermap.search"
    label = "search"
    verbose_name = "Title search"
