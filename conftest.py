"""Project-wide test setup: fast hasher, local cache, the alice/bob fixtures, PostgreSQL-only tests, and
real-data tests that may not skip in CI (careermap/tests/realdata.py)."""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import pytest
from django.conf import settings
from hypothesis import settings as hypothesis_settings

# CI runs the property tests and schemathesis with a fixed seed, so a run is repeatable; developers
# get fresh random examples each run (HYPOTHESIS_PROFILE unset) to keep finding new cases.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

    from careermap.lib.httpcache import forget_process_state
    from careermap.occupations.selectors import area_index_reset

    cache.clear()
    forget_process_state()
    area_index_reset()  # kept per data version, and versions repeat across test databases
    yield
    cache.clear()
    forget_process_state()
    area_index_reset()


@pytest.fixture
def alice(db):
    """A worker with a work log."""
    from careermap.accounts.tests.factories import UserFactory

    return UserFactory(username="alice@example.com")


@pytest.fixture
def bob(db):
    """Another worker, who must never see alice's data."""
    from careermap.accounts.tests.factories import UserFactory

    return UserFactory(username="bob@example.com")


@pytest.fixture
def alice_client(alice):
    from django.test import Client

    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob):
    from django.test import Client

    client = Client()
    client.force_login(bob)
    return client


def pytest_configure(config: pytest.Config) -> None:
    # whitenoise warns when STATIC_ROOT is missing; tests serve static files through finders.
    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    vendor = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    skip_pg = pytest.mark.skip(reason="PostgreSQL-only test; DATABASE_URL points elsewhere")
    for item in items:
        if "postgres" in item.keywords and vendor != "postgresql":
            item.add_marker(skip_pg)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """With CAREERMAP_REQUIRE_DATA=1 (.ci/run, when the shared data folder exists) a `realdata` test that
    skips has not run: report it as a failure, whatever made it skip."""
    outcome = yield
    report = outcome.get_result()
    from careermap.tests.realdata import REQUIRE_ENV, data_required

    if report.skipped and "realdata" in item.keywords and data_required():
        report.outcome = "failed"
        report.longrepr = f"{item.nodeid}: a real-data test skipped under {REQUIRE_ENV}=1 ({report.longrepr})"
