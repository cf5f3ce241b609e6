from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from careermap.search.selectors import search_index_forget
from careermap.search.tests.fixtures import create_occupations, create_reads


@pytest.fixture(autouse=True)
def _fresh_index() -> Iterator[None]:
    """Each test builds its own index: tests write rows without an import to bump the version."""
    search_index_forget()
    yield
    search_index_forget()


@pytest.fixture
def search_data(db: None, tmp_path: Path) -> None:
    """The fixture occupations and reads of fixtures.py, in the test database."""
    create_occupations()
    create_reads(tmp_path)
