from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from careermap.content.services import ContentLoadFailed, content_load


class Command(BaseCommand):
    help = "Validate and load every read in content/reads/ in one transaction (all or nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--path", type=Path, default=None, help="content directory (default: CAREERMAP_CONTENT_DIR)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        directory = options["path"] or settings.CAREERMAP_CONTENT_DIR
        try:
            release = content_load(directory=directory)
        except ContentLoadFailed as failed:
            raise CommandError(f"content not loaded; the previous content stays in place:\n{failed}") from None
        except DatabaseError as exc:
            raise CommandError(
                f"content not loaded, the database refused the write ({exc}); the previous content stays in place"
            ) from None
        self.stdout.write(f"Loaded {release.read_count} reads (content release {release.pk}).")
