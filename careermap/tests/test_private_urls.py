"""A generated walk of every URL pattern in the project's URLconf, the JSON API's included.

Each pattern is classed as public or private by where it lives (the work log and the account, on
pages and in the API). For each private pattern with an object id, bob's session (and bob's API
token) gets a 404 for alice's object, whatever the method; each private pattern without one shows
bob nothing of alice's; an anonymous visitor gets a login redirect or a 401. A pattern added
anywhere without a way to fill its parameters fails the walk, so new private views are covered
as they land. (careermap/worklog/tests/test_privacy.py adds what a walk cannot: bob's lists, exports and
summaries with alice's data present, and the logs.)

Every response under the private prefixes, and every account page, says `Cache-Control: private,
no-store` to everyone who asks (careermap/lib/headers.py), whatever its status. And every pattern has
a caching decision, public or private, in careermap/lib/httpcache.py's ROUTES: a route added without
one fails the walk (what each class answers is walked in test_http_cache.py).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from careermap.accounts.services import api_token_create
from careermap.lib import httpcache
from careermap.worklog.models import Entry, Expense, ImportBatch, Payment, Receipt
from careermap.worklog.services import import_batch_create
from careermap.worklog.tests.factories import EntryFactory, PaymentFactory, expense_with_receipt

pytestmark = pytest.mark.django_db

PRIVATE_PREFIXES = ("worklog/", "accounts/", "api/v1/worklog")
# Account pages anyone may open: signing up (and confirming it), in or out, and the password-reset
# flow (their link parameters are Django's signed tokens, not object ids).
PUBLIC_ACCOUNT_PAGES = {
    "accounts/signup/",
    "accounts/signup/sent/",
    "accounts/signup/confirm/<uidb64>/<token>/",
    "accounts/login/",
    "accounts/logout/",
    "accounts/password/reset/",
    "accounts/password/reset/sent/",
    "accounts/password/reset/<uidb64>/<token>/",
    "accounts/password/reset/done/",
    "accounts/deleted/",
}
SECRET = "alice-secret-7Qv"


@dataclasses.dataclass(frozen=True)
class Route:
    route: str  # e.g. "worklog/entries/<int:entry_id>/"
    name: str
    view_name: str = ""  # with its namespace, e.g. "worklog:entry_edit": what careermap/lib/httpcache.py keys on

    @property
    def params(self) -> list[str]:
        return re.findall(r"<(?:\w+:)?(\w+)>", self.route)

    @property
    def private(self) -> bool:
        return self.route.startswith(PRIVATE_PREFIXES) and self.route not in PUBLIC_ACCOUNT_PAGES

    @property
    def api(self) -> bool:
        return self.route.startswith("api/")

    def url(self, values: dict[str, object]) -> str:
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), self.route)


def walk(patterns: Sequence[object] | None = None, prefix: str = "", namespace: str = "") -> list[Route]:
    routes: list[Route] = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace) if part)
            routes += walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = pattern.name or ""
            view_name = f"{namespace}:{name}" if namespace and name else name
            routes.append(Route(prefix + str(pattern.pattern), name, view_name))
    return routes


ROUTES = walk()
PRIVATE = [r for r in ROUTES if r.private]


@pytest.fixture
def alices(alice) -> dict[str, Any]:
    entry = EntryFactory(user=alice, notes=SECRET, platform="AliceOnlyPlatform")
    payment = PaymentFactory(user=alice, reference=SECRET)
    batch = import_batch_create(user=alice, filename="alice.csv", data=f"date,notes\n2026-11-01,{SECRET}\n".encode())
    token, _ = api_token_create(user=alice, name=SECRET)
    expense = expense_with_receipt(alice, note=SECRET, platform="AliceOnlyPlatform")
    return {
        "entry_id": entry.pk,
        "payment_id": payment.pk,
        "batch_id": batch.pk,
        "token_id": token.pk,
        "expense_id": expense.pk,
    }


@pytest.fixture
def bob_api(bob) -> dict[str, Any]:
    _, raw = api_token_create(user=bob, name="bob's token")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_walk_finds_the_private_patterns_of_pages_and_api() -> None:
    routes = {r.route for r in PRIVATE}
    assert "worklog/entries/<int:entry_id>/" in routes
    assert any(r.api and r.params == ["entry_id"] for r in PRIVATE)
    assert len(PRIVATE) >= 35, sorted(routes)
    assert not [r for r in ROUTES if r.route.startswith("worklog/") and not r.private]


def test_every_private_parameter_is_one_this_walk_can_fill(alices: dict[str, Any]) -> None:
    unknown = {(r.route, p) for r in PRIVATE for p in r.params if p not in alices}
    assert not unknown, f"add an object of this kind to the `alices` fixture: {sorted(unknown)}"


@pytest.mark.parametrize("route", [r for r in PRIVATE if r.params], ids=lambda r: r.route)
def test_bob_gets_404_for_alices_object_by_any_method(
    route: Route, alices: dict[str, Any], bob_client: Client, bob_api: dict[str, Any]
) -> None:
    url = route.url(alices)
    extra = bob_api if route.api else {}
    statuses = {bob_client.get(url, **extra).status_code}
    if route.api:
        # a schema-valid body for every API write (matching a payment takes entry ids)
        payload = {"entries": [alices["entry_id"]], "notes": "bob was here"}
        statuses |= {
            bob_client.post(url, payload, content_type="application/json", **extra).status_code,
            bob_client.patch(url, {"notes": "bob"}, content_type="application/json", **extra).status_code,
            bob_client.delete(url, **extra).status_code,
        }
    else:
        statuses.add(bob_client.post(url, {"notes": "bob was here", "entries": [alices["entry_id"]]}).status_code)
    # 405 where a view takes only another method: decided before any lookup, the same for every id.
    assert 404 in statuses and statuses <= {404, 405}, statuses
    entry = Entry.objects.get(pk=alices["entry_id"])
    assert (entry.notes, entry.version) == (SECRET, 1)
    assert Payment.objects.filter(pk=alices["payment_id"]).exists()
    assert ImportBatch.objects.get(pk=alices["batch_id"]).state == "draft"
    expense = Expense.objects.get(pk=alices["expense_id"])
    assert (expense.note, expense.version, Receipt.objects.filter(expense=expense).exists()) == (SECRET, 1, True)


@pytest.mark.parametrize("route", [r for r in PRIVATE if r.params and not r.api], ids=lambda r: r.route)
def test_the_same_pages_open_for_their_owner(route: Route, alices: dict[str, Any], alice_client: Client) -> None:
    """The 404s above are about who asks, not broken URLs: alice opens each one (405: a POST-only view)."""
    assert alice_client.get(route.url(alices)).status_code in {200, 405}


@pytest.mark.parametrize("route", [r for r in PRIVATE if not r.params], ids=lambda r: r.route)
def test_bobs_own_pages_show_nothing_of_alices(
    route: Route, alices: dict[str, Any], bob_client: Client, bob_api: dict[str, Any]
) -> None:
    response = bob_client.get(route.url({}), **(bob_api if route.api else {}))
    assert response.status_code < 500
    content = body(response)
    assert SECRET.encode() not in content and b"AliceOnlyPlatform" not in content and b"alice@" not in content


@pytest.mark.parametrize("route", PRIVATE, ids=lambda r: r.route)
def test_an_anonymous_visitor_is_sent_to_log_in(route: Route, alices: dict[str, Any], client: Client) -> None:
    response = client.get(route.url(alices))
    if route.api:
        assert response.status_code in {401, 405}  # 405: a POST-only route, refused before any lookup
    else:
        assert response.status_code in {302, 405}
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/login/")
    assert SECRET.encode() not in body(response)


def private_and_never_stored(response) -> bool:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


ACCOUNT_AND_PRIVATE = [r for r in ROUTES if r.private or r.route.startswith("accounts/")]


@pytest.mark.parametrize("route", ACCOUNT_AND_PRIVATE, ids=lambda r: r.route)
def test_every_private_response_says_private_no_store_to_everyone(
    route: Route, alices: dict[str, Any], client: Client, bob_client: Client, bob_api: dict[str, Any], alice
) -> None:
    """Owner, other user and anonymous visitor alike, by session and by token, whatever the status (the
    account forms anyone may open carry the visitor's own CSRF token, so they are never shared either)."""
    url = route.url({**alices, "uidb64": "MQ", "token": "x-y"} if "uidb64" in route.params else alices)
    owner = Client()
    owner.force_login(alice)
    _, raw = api_token_create(user=alice, name="walk")
    tokens: tuple[dict[str, Any], dict[str, Any]] = (
        ({"HTTP_AUTHORIZATION": f"Bearer {raw}"}, bob_api) if route.api else ({}, {})
    )
    responses = [
        client.get(url),
        owner.get(url, **tokens[0]),
        bob_client.get(url, **tokens[1]),
        bob_client.post(url, {}, **tokens[1]),
    ]
    for response in responses:
        assert private_and_never_stored(response), (url, response.status_code, response.get("Cache-Control"))


@pytest.mark.parametrize("url", ["/", "/methodology/", "/occupations/", "/api/v1/reads", "/quiz/"])
def test_public_pages_are_public_to_visitors_and_never_to_a_session(
    client: Client, alice_client: Client, url: str
) -> None:
    assert "public" in client.get(url).get("Cache-Control", "")
    # someone logged in gets their own copy: private, asked again each time (careermap/lib/httpcache.py)
    assert alice_client.get(url).get("Cache-Control") == "private, no-cache"


# Every route has a caching decision (careermap/lib/httpcache.py ROUTES): public, or private. A route
# added without one fails here; what each class answers is walked in test_http_cache.py.


def test_every_route_in_the_urlconf_is_classed_public_or_private() -> None:
    undecided = sorted(
        f"{r.route} (name {r.view_name!r})" for r in ROUTES if httpcache.route_class(r.view_name) is None
    )
    assert not undecided, f"decide PUBLIC or PRIVATE for these in careermap.lib.httpcache.ROUTES: {undecided}"


def test_the_cache_registry_names_only_routes_that_exist() -> None:
    names = {r.view_name for r in ROUTES}
    namespaces = {name.rpartition(":")[0] for name in names}
    stale = [
        key
        for key in httpcache.ROUTES
        if (key.endswith(":*") and key[:-2] not in namespaces) or (not key.endswith(":*") and key not in names)
    ]
    assert not stale, f"careermap.lib.httpcache.ROUTES lists routes that no longer exist: {stale}"


def test_what_is_per_person_is_never_public() -> None:
    for route in ROUTES:
        if route.private or route.route.startswith(PRIVATE_PREFIXES):
            assert httpcache.route_class(route.view_name) == httpcache.PRIVATE, route.route
