from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from careermap.search.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the title-search index from the occupation tables and the reads."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        built = search_index_rebuild()
        index = built.index
        self.stdout.write(
            f"Built the search index: {index.occupation_count:,} occupations, {index.read_count:,} reads, "
            f"{len(index):,} titles in {time.perf_counter() - started:.1f} s."
        )
