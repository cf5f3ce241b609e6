from __future__ import annotations

from django.apps import AppConfig


class WorklogConfig(AppConfig):
    name = "careermap.worklog"
    label = "worklog"
    verbose_name = "Work log"
