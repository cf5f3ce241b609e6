from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from careermap.durability.services import durability_compute
from careermap.occupations.models import Occupation


class Command(BaseCommand):
    help = "Compute every occupation's durability score from the imported data (method in durability/method.py)."

    def handle(self, *args: Any, **options: Any) -> None:
        if not Occupation.objects.exists():
            self.stdout.write("No occupation data is loaded: nothing to score (run import_data first).")
            return
        run = durability_compute()
        evaluation = run.evaluation
        counts = evaluation.get("confidence_counts", {})
        self.stdout.write(
            f"Scored {evaluation.get('occupations_scored', 0)} occupations with method {run.version} "
            f"(confidence high {counts.get('high', 0)}, medium {counts.get('medium', 0)}, low {counts.get('low', 0)})."
        )
