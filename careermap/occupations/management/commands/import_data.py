"""manage.py import_data [--path DIR] [--dry-run] [--download]"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError, transaction

from careermap.durability.services import durability_compute
from careermap.occupations.importers.base import ImportFileError
from careermap.occupations.services import STEP_COUNT, DownloadError, data_download, data_import


class Command(BaseCommand):
    help = (
        "Import the public occupation datasets (O*NET, BLS projections, AI-exposure research, crosswalks) "
        "from CAREERMAP_DATA_DIR or --path, replacing the previous import in one transaction."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--path", type=Path, help="Data folder (default: settings.CAREERMAP_DATA_DIR).")
        parser.add_argument("--dry-run", action="store_true", help="Parse and join everything; write nothing.")
        parser.add_argument(
            "--download",
            action="store_true",
            help="First fetch the official releases into --path or the repository's data/ folder (needs internet).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        verbosity: int = options["verbosity"]
        explicit: Path | None = options["path"]
        if options["download"]:
            data_dir = explicit or Path(settings.BASE_DIR) / "data"
            try:
                written = data_download(dest=data_dir, log=self.stdout.write if verbosity >= 1 else None)
            except DownloadError as exc:
                raise CommandError(str(exc)) from exc
            if verbosity >= 1:
                self.stdout.write(f"Downloaded {len(written)} files into {data_dir}.")
        else:
            data_dir = explicit or Path(settings.CAREERMAP_DATA_DIR)

        if not data_dir.is_dir():
            message = f"No data folder at {data_dir}: nothing imported."
            if explicit is not None:
                raise CommandError(message)
            if verbosity >= 1:
                self.stdout.write(
                    f"{message} Set CAREERMAP_DATA_DIR, pass --path, or run with --download to fetch the datasets."
                )
            return

        bar = None
        if verbosity >= 1 and sys.stdout.isatty():
            from tqdm import tqdm

            bar = tqdm(total=STEP_COUNT, unit="step", leave=False)

        def progress(step: str) -> None:
            if bar is not None:
                bar.set_description(step)
                bar.update(1)

        try:
            # Durability scores are computed from these tables (and cascade away with them), so
            # they are rebuilt in the same transaction: readers never see data without scores.
            with transaction.atomic():
                summary = data_import(data_dir=data_dir, progress=progress, dry_run=options["dry_run"])
                if not options["dry_run"]:
                    durability_compute()
        except ImportFileError as exc:
            raise CommandError(f"Import failed, nothing changed: {exc}") from exc
        except DatabaseError as exc:
            raise CommandError(f"Import failed, the database refused the write ({exc}); nothing changed") from None
        finally:
            if bar is not None:
                bar.close()
        if verbosity >= 1:
            self.stdout.write(summary.line())
        if verbosity >= 2:
            for key, read, joined, unmatched in summary.datasets:
                self.stdout.write(f"  {key}: {read:,} rows read, {joined:,} joined, {unmatched:,} unmatched")
