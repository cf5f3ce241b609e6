"""Project-wide test setup: fast hasher, local cache, and the alice/bob fixtures."""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from hypothesis import settings as hypothesis_settings

# CI runs the property tests and schemathesis with a fixed seed, so a run is repeatable; developers
# get fresh random examples each run (HYPOTHESIS_PROFILE unset) to keep finding new cases.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(autouse=True)
def _test_settings(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def alice(db):  # type: ignore[no-untyped-def]
    """A worker with a work log."""
    from careermap.accounts.tests.factories import UserFactory

    return UserFactory(username="alice@example.com")


@pytest.fixture
def bob(db):  # type: ignore[no-untyped-def]
    """Another worker, who must never see alice's data."""
    from careermap.accounts.tests.factories import UserFactory

    return UserFactory(username="bob@example.com")


@pytest.fixture
def alice_client(alice):  # type: ignore[no-untyped-def]
    from django.test import Client

    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def bob_client(bob):  # type: ignore[no-untyped-def]
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
