from __future__ import annotations

from django.apps import AppConfig


class LibConfig(AppConfig):
    """Registered only so Django finds lib/templatetags; lib holds no models."""

    name = "careermap.lib"
    label = "lib"
