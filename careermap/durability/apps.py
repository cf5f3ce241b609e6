from __future__ import annotations

from django.apps import AppConfig


class DurabilityConfig(AppConfig):
    name = "careermap.durability"
    label = "durability"
    verbose_name = "Durability score"
