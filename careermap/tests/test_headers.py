"""Site-wide response rules (careermap/lib/headers.py; issue 20 items 5 and 17): pages answer only the
methods they take, every response carries a Permissions-Policy, and the development server answers a
path that climbs out of /static/ with a 404, not a 500. The private-page Cache-Control walk is in
test_private_urls.py."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.conf import settings
from django.core.management import get_commands, load_command_class
from django.test import Client, override_settings

from careermap.tests.test_private_urls import ROUTES, Route

VALUES: dict[str, object] = {
    "slug": "some-read",
    "code": "15-1252.00",
    "token": "abc",
    "uidb64": "MQ",
    "step": 1,
    "entry_id": 1,
    "payment_id": 1,
    "batch_id": 1,
    "token_id": 1,
    "expense_id": 1,
}
PAGES = [r for r in ROUTES if not r.api]
REFUSED = ["PUT", "PATCH", "DELETE", "TRACE", "PROPFIND", "CONNECT"]


def runserver_app() -> Callable[[str], int]:
    """The WSGI handler `manage.py runserver` serves (with DEBUG on, as `make run` starts it), as a function
    from a request path (as the server decodes it) to the response status."""
    app_name = get_commands()["runserver"]
    command = load_command_class(app_name, "runserver")
    options = vars(command.create_parser("manage.py", "runserver").parse_args([]))
    handler = command.get_handler(**options)  # type: ignore[attr-defined]  # runserver's Command

    def status(path: str) -> int:
        environ: dict[str, Any] = {"PATH_INFO": path, "wsgi.errors": io.StringIO()}
        setup_testing_defaults(environ)
        started: list[str] = []
        body = handler(environ, lambda s, headers, exc_info=None: started.append(s))
        b"".join(body)
        getattr(body, "close", lambda: None)()
        return int(started[0].split()[0])

    return status


DEV = override_settings(DEBUG=True, WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True)
CLIMBS = ["/static/../manage.py", "/static/../careermap/settings.py", "/static/..", "/static/css/../../README.md"]


@pytest.mark.django_db
@DEV
def test_the_development_server_answers_a_climb_out_of_static_with_a_404() -> None:
    status = runserver_app()
    assert status("/static/css/base.css") == 200
    for path in CLIMBS:
        assert status(path) == 404, path


@pytest.mark.django_db
@DEV
def test_encoded_climbs_out_of_static_are_a_404_through_the_test_client(client: Client) -> None:
    for path in ["/static/%2e%2e/manage.py", "/static/%2e%2e", "/static/..%2f..%2fetc/passwd", *CLIMBS]:
        assert client.get(path).status_code == 404, path


@pytest.mark.django_db
@pytest.mark.parametrize("route", PAGES, ids=lambda r: r.route)
def test_every_page_answers_only_get_head_and_post(route: Route, alice_client: Client, client: Client) -> None:
    url = route.url(VALUES)
    for who in (client, alice_client):
        for method in REFUSED:
            response = who.generic(method, url)
            assert response.status_code == 405, (method, url)
            assert set(response["Allow"].replace(" ", "").split(",")) <= {"GET", "HEAD", "POST"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("/accounts/signup/", {"GET", "HEAD", "POST"}),
        ("/accounts/login/", {"GET", "HEAD", "POST"}),
        ("/accounts/password/", {"GET", "HEAD", "POST"}),
        ("/accounts/password/reset/", {"GET", "HEAD", "POST"}),
        ("/accounts/delete/", {"GET", "HEAD", "POST"}),
        ("/accounts/tokens/", {"POST"}),
        ("/accounts/logout/", {"POST"}),
        ("/accounts/", {"GET", "HEAD"}),
        ("/quiz/start-over/", {"POST"}),
        ("/quiz/", {"GET", "HEAD"}),
    ],
)
def test_account_and_quiz_views_refuse_the_methods_they_do_not_take(
    url: str, allowed: set[str], alice_client: Client
) -> None:
    """Behind the site-wide rule, each form view states its own methods: OPTIONS (let through by the rule)
    is a 405 too, and a POST-only view refuses GET."""
    for method in {"GET", "POST", "OPTIONS"} - allowed:
        assert alice_client.generic(method, url).status_code == 405, (method, url)


@pytest.mark.django_db
@pytest.mark.parametrize("route", [r for r in ROUTES if r.api], ids=lambda r: r.route)
def test_the_api_refuses_trace_on_every_operation(route: Route, alice_client: Client) -> None:
    status = alice_client.generic("TRACE", route.url(VALUES)).status_code
    assert status == 405 or (route.name == "api-root" and status == 404)  # the root is a 404 for everything


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/methodology/",
        "/accounts/login/",
        "/worklog/",
        "/api/v1/reads",
        "/ping",
        "/static/css/base.css",
        "/no-such-page/",
    ],
)
def test_every_response_denies_the_browser_features_we_never_use(client: Client, url: str) -> None:
    policy = client.get(url)["Permissions-Policy"]
    assert policy == settings.PERMISSIONS_POLICY
    denied = {part.strip().removesuffix("=()") for part in policy.split(",")}
    assert {"camera", "microphone", "geolocation", "payment", "usb"} <= denied
    assert all(part.strip().endswith("=()") for part in policy.split(","))
