"""Writes for the occupation data (split by job, as services.py passed ~400 lines).

- `importing`: `data_parse` and `data_import` — parse every source, then replace every table at once.
- `downloading`: `data_download` — fetch the official releases for `import_data --download`.
"""

from __future__ import annotations

from careermap.occupations.services.downloading import DownloadError, data_download
from careermap.occupations.services.importing import (
    PARSE_STEPS,
    STEP_COUNT,
    WRITE_STEPS,
    ImportSummary,
    ParsedData,
    data_import,
    data_parse,
)

__all__ = [
    "PARSE_STEPS",
    "STEP_COUNT",
    "WRITE_STEPS",
    "DownloadError",
    "ImportSummary",
    "ParsedData",
    "data_download",
    "data_import",
    "data_parse",
]
