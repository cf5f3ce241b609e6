"""schemathesis against the work log's part of /api/v1/openapi.json: every response matches its declared
status code and schema, bad input is a 4xx, never a 500."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from careermap.accounts.services import api_token_create
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application()).include(
    path_regex=r"^/api/v1/worklog/"
)


@pytest.fixture(autouse=True)
def _keep_the_test_connection():  # type: ignore[no-untyped-def]
    """Requests go through the real WSGI app, whose request signals would close the test's connection
    (and its transaction) on PostgreSQL; Django's own test client disconnects them the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_work_log_api_keeps_to_its_schema(case, alice) -> None:  # type: ignore[no-untyped-def]
    EntryFactory.create_batch(3, user=alice)
    PaymentFactory.create_batch(3, user=alice)
    _, raw = api_token_create(user=alice, name="schemathesis")
    # Cross-field rules (start and end, or minutes; a payment no smaller than what is matched) are not
    # expressible in the schema, so a schema-valid body may still be a 422: skip that one check.
    case.call_and_validate(
        headers={"Authorization": f"Bearer {raw}"}, excluded_checks=[schemathesis.checks.positive_data_acceptance]
    )
