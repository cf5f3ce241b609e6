"""The one way a test asks for the real shared datasets (CAREERMAP_DATA_DIR).

`real_data_path("onet_29_3", "Occupation Data.txt")` returns the path when it exists; otherwise the test
is skipped, saying what is missing — or, with CAREERMAP_REQUIRE_DATA=1 (set by .ci/run when the data
folder is there), fails, so a renamed file or a wrong path cannot quietly turn real-data tests into skips.
Tests that use it carry the `realdata` marker; conftest.py also turns any skip of a `realdata` test into a
failure under CAREERMAP_REQUIRE_DATA=1, whichever way it skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.conf import settings

REQUIRE_ENV = "CAREERMAP_REQUIRE_DATA"


def data_required() -> bool:
    return os.environ.get(REQUIRE_ENV, "").strip() == "1"


def real_data_path(*parts: str) -> Path:
    path = Path(settings.CAREERMAP_DATA_DIR).joinpath(*parts)
    if path.exists():
        return path
    message = f"shared data not found: {path} (set CAREERMAP_DATA_DIR to run this test)"
    if data_required():
        pytest.fail(f"{message}; {REQUIRE_ENV}=1 says the data must be there", pytrace=False)
    pytest.skip(message)
