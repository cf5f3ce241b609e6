"""Configuration fails closed (issue 20 item 12, issue 18 §1): no production start on the published
development key, no boolean typo read as False, no unreadable secret file read as "unset"."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from careermap.settings import DEVELOPMENT_SECRET_KEY, env_bool, env_secret

ROOT = Path(settings.BASE_DIR)


def run(code: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SECRET_KEY", "DEBUG", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, *code], cwd=ROOT, env=clean | env, capture_output=True, text=True, timeout=120
    )


def test_the_site_refuses_to_start_without_a_secret_key_when_debug_is_off() -> None:
    refused = run(["-c", "import careermap.wsgi"], DEBUG="0")
    assert refused.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in refused.stderr
    assert run(["-c", "import careermap.wsgi"], DEBUG="0", SECRET_KEY="k" * 50).returncode == 0
    assert run(["-c", "import careermap.wsgi"], DEBUG="1").returncode == 0  # development


def test_the_deploy_check_fails_on_the_development_key() -> None:
    assert DEVELOPMENT_SECRET_KEY.startswith("django-insecure-")  # Django's own check (security.W009) fires
    command = ["manage.py", "check", "--deploy", "--fail-level", "WARNING"]
    production = {
        "DEBUG": "0",
        "ALLOWED_HOSTS": "careermap.example",
        "SECURE_SSL_REDIRECT": "1",
        "SECURE_COOKIES": "1",
        "SECURE_HSTS_SECONDS": "31536000",
    }
    failed = run(command, **production)
    assert failed.returncode != 0 and "security.W009" in failed.stderr
    assert run(command, **production, SECRET_KEY="a-real-secret-" + "k3Y" * 20).returncode == 0


@pytest.mark.parametrize("value", ["ture", "2", "yes please", "0n", "tru e"])
def test_an_unrecognised_boolean_stops_the_start(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("SOME_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG", False)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1", True),
        ("TRUE", True),
        (" yes ", True),
        ("on", True),
        ("0", False),
        ("false", False),
        ("No", False),
        ("off", False),
        ("", True),
    ],
)
def test_recognised_booleans_are_read(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    monkeypatch.setenv("SOME_FLAG", value)
    assert env_bool("SOME_FLAG", True) is expected


def test_every_boolean_in_env_example_is_recognised(monkeypatch: pytest.MonkeyPatch) -> None:
    source = (ROOT / "careermap" / "settings.py").read_text()
    for line in (ROOT / ".env.example").read_text().splitlines():
        name, _, value = line.partition("=")
        if f'env_bool("{name}"' in source:
            monkeypatch.setenv(name, value)
            env_bool(name, False)


def test_a_secret_file_is_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "secret"
    path.write_text("s3cret-value\n")
    monkeypatch.setenv("SOME_SECRET_FILE", str(path))
    assert env_secret("SOME_SECRET", "default") == "s3cret-value"


def test_an_unreadable_or_empty_secret_file_stops_the_start(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SOME_SECRET", "from-the-environment")
    monkeypatch.setenv("SOME_SECRET_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="SOME_SECRET_FILE=.*cannot be read"):
        env_secret("SOME_SECRET", "default")
    monkeypatch.setenv("SOME_SECRET_FILE", str(tmp_path))  # a directory
    with pytest.raises(ImproperlyConfigured, match="cannot be read"):
        env_secret("SOME_SECRET")
    (tmp_path / "empty").write_text("  \n")
    monkeypatch.setenv("SOME_SECRET_FILE", str(tmp_path / "empty"))
    with pytest.raises(ImproperlyConfigured, match="is empty"):
        env_secret("SOME_SECRET")


def test_a_missing_secret_key_file_stops_even_a_development_start() -> None:
    failed = run(["-c", "import careermap.wsgi"], DEBUG="1", SECRET_KEY_FILE="/nonexistent/careermap-key")
    assert failed.returncode != 0 and "SECRET_KEY_FILE=/nonexistent/careermap-key" in failed.stderr
