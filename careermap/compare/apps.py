from __future__ import annotations

from django.apps import AppConfig


class CompareConfig(AppConfig):
    name = "careermap.compare"
    label = "compare"
    verbose_name = "Compare reads and occupations"
