"""Documentation stays true: every setting, command and endpoint is documented."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def test_every_environment_variable_is_in_env_example() -> None:
    source = (ROOT / "careermap" / "settings.py").read_text()
    used = set(re.findall(r'env_(?:bool|int|secret)\("([A-Z_]+)"', source))
    used |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', source))
    used -= {"DJANGO_SETTINGS_MODULE"}
    documented = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.MULTILINE))
    assert used - documented == set()


def test_the_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^make \w+$", readme, re.MULTILINE)
    assert commands[:2] == ["make run", "make test"]


def test_every_management_command_is_documented() -> None:
    commands = {path.stem for path in ROOT.glob("careermap/*/management/commands/*.py") if path.stem != "__init__"}
    docs = (ROOT / "README.md").read_text() + "".join(path.read_text() for path in (ROOT / "docs").glob("*.md"))
    assert {command for command in commands if command not in docs} == set()


def test_every_api_endpoint_is_documented(client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    api_doc = (ROOT / "docs" / "api.md").read_text()
    missing = {path for path in spec["paths"] if path.removeprefix("/api/v1") not in api_doc}
    assert missing == set()
