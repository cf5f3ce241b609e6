from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from careermap.pooled.services import pooled_compute


class Command(BaseCommand):
    help = "Compute the pooled, opt-in pay tables from shared work logs (all in one transaction). Run on a schedule."

    def handle(self, *args: Any, **options: Any) -> None:
        result = pooled_compute()
        self.stdout.write(
            f"pooled run {result.run.pk}: {result.run.contributors} people sharing, {result.run.entries} entries; "
            f"{result.published} tables published, {result.held} held, {result.withheld} withheld, "
            f"{result.too_few} too few; {result.run.seconds:.1f} s"
        )
