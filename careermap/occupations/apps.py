from __future__ import annotations

from django.apps import AppConfig


class OccupationsConfig(AppConfig):
    name = "careermap.occupations"
    label = "occupations"
    verbose_name = "Occupations and datasets"
