"""CSRF on every form: each POST form in the templates carries {% csrf_token %}, nothing is exempt,
and a cross-site POST without the token is refused (a 403) on the forms that change something."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

TEMPLATES = Path(settings.BASE_DIR) / "templates"
FORM = re.compile(r"<form\b(?P<attrs>[^>]*)>(?P<body>.*?)</form>", re.S | re.I)


def post_forms() -> list[tuple[str, str]]:
    forms = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        for match in FORM.finditer(path.read_text(encoding="utf-8")):
            if re.search(r'method\s*=\s*["\']?post', match.group("attrs"), re.I):
                forms.append((str(path.relative_to(TEMPLATES)), match.group("body")))
    return forms


def test_the_templates_have_post_forms_to_check() -> None:
    assert len(post_forms()) >= 10


@pytest.mark.parametrize(("template", "body"), post_forms(), ids=lambda v: v if v.endswith(".html") else "")
def test_every_post_form_carries_a_csrf_token(template: str, body: str) -> None:
    assert "{% csrf_token %}" in body, f"a POST form in {template} has no {{% csrf_token %}}"


def test_the_csrf_middleware_is_on_and_nothing_is_exempt() -> None:
    assert "django.middleware.csrf.CsrfViewMiddleware" in settings.MIDDLEWARE
    code = Path(settings.BASE_DIR) / "careermap"
    exempt = [str(p) for p in code.rglob("*.py") if "/tests/" not in str(p) and "csrf_exempt" in p.read_text()]
    assert exempt == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/accounts/login/", {"username": "alice@example.com", "password": "x"}),
        ("/accounts/signup/", {"email": "new@example.com", "password1": "x", "password2": "x"}),
        ("/accounts/password/reset/", {"email": "alice@example.com"}),
        ("/quiz/start-over/", {}),
        ("/worklog/entries/add/", {"date": "2026-11-02", "duration": "30m"}),
        ("/worklog/import/", {}),
        ("/accounts/delete/", {"password": "x", "confirm": "DELETE"}),
    ],
)
def test_a_cross_site_post_without_the_token_is_refused(url: str, data: dict[str, str], alice) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert client.post(url, data).status_code == 403
