"""schemathesis against /api/v1/openapi.json, every operation: no 5xx, and every response matches the
status codes and schemas the document declares. The one schemathesis suite for the whole API (the work
log's operations run with alice's token); `make test` tries a few examples per operation, and
SCHEMATHESIS_EXAMPLES=100 a deeper run.

The database holds two fixture reads and the tiny fixture datasets, and the quiz's item file is a
fixture, so the generated requests reach real rows, real 404s and real quiz answers.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from careermap.accounts.services import api_token_create
from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, write_read
from careermap.occupations.services import data_import
from careermap.occupations.tests.datafiles import write_data_dir
from careermap.quiz.tests.conftest import codebook_text
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "8"))
_calls: Counter[str] = Counter()

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """The real WSGI app's request signals would close the test's connection (and its transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    """FUZZ_REPORT (bench/hostile.py) receives how many requests each operation got."""
    yield
    if path := os.environ.get("FUZZ_REPORT"):
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"test": "schemathesis", "tried": sum(_calls.values()), "outcomes": _calls}) + "\n")


@pytest.fixture
def site_data(db, settings, tmp_path: Path) -> None:
    data = write_data_dir(tmp_path / "data")
    items = data / "openpsychometrics_riasec_markers_items"
    items.mkdir(parents=True, exist_ok=True)
    (items / "codebook.txt").write_text(codebook_text(), encoding="utf-8")
    settings.CAREERMAP_DATA_DIR = data
    data_import(data_dir=data)
    content = tmp_path / "content"
    write_read(content, "ai-data-labeling", front_matter(title="AI data labeling", occupations=["15-1252.00"]))
    write_read(content, "registered-nurse", front_matter(title="Registered nurse", collection="careers"))
    content_load(directory=content)


@pytest.fixture
def alice_token(alice) -> str:
    """The work log's operations run as alice, with a few of her rows to find."""
    EntryFactory.create_batch(2, user=alice)
    PaymentFactory.create_batch(2, user=alice)
    _, raw = api_token_create(user=alice, name="schemathesis")
    return raw


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_api_operation_keeps_to_its_schema_and_never_answers_5xx(case, site_data, alice_token) -> None:
    # A schema-valid body may still break a rule the schema cannot express (a cross-field check, a
    # quiz answer outside a question's own values): a 422 for it is right, so that check is off.
    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {alice_token}"},
        excluded_checks=[schemathesis.checks.positive_data_acceptance],
    )
    _calls[f"HTTP {response.status_code}"] += 1
