from __future__ import annotations

from django.apps import AppConfig


class PooledConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "careermap.pooled"
    verbose_name = "Pooled pay (opt-in)"
