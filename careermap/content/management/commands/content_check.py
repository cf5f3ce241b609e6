from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careermap.content.services import ContentLoadFailed, content_parse_all, content_parse_files, content_warnings


class Command(BaseCommand):
    help = (
        "Validate every read without loading it; warn about reads past their next review and sources dated"
        " on the read's own review day."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--path", type=Path, default=None, help="content directory (default: CAREERMAP_CONTENT_DIR)"
        )
        parser.add_argument("files", nargs="*", type=Path, help="check only these read files")

    def handle(self, *args: Any, **options: Any) -> None:
        directory = options["path"] or settings.CAREERMAP_CONTENT_DIR
        try:
            if options["files"]:
                parsed = content_parse_files(paths=options["files"])
            else:
                parsed = content_parse_all(directory=directory)
        except ContentLoadFailed as failed:
            raise CommandError(f"content check failed:\n{failed}") from None
        today = dt.date.today()
        overdue = [item for item in parsed if item.front.next_review < today]
        warnings = content_warnings(parsed=parsed, today=today)
        for warning in warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(f"{len(parsed)} reads valid; {len(overdue)} overdue for review; {len(warnings)} warnings.")
