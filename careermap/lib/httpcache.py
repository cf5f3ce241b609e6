"""HTTP caching by kind of route, decided in one place (`ROUTES`), so a shared cache (nginx's
`proxy_cache`, a CDN) may keep public pages and never a private one.

- **Public** routes are the same for everyone who opens the same URL (the area is a query parameter,
  never a cookie). Asked for with GET or HEAD by a visitor who carries neither a session cookie nor an
  `Authorization` header, a 200 says `Cache-Control: public, max-age=60, s-maxage=600` with a strong
  `ETag` and a `Last-Modified`, sets no cookie and has no `Vary: Cookie`. A conditional request whose
  `If-None-Match` (or, without one, `If-Modified-Since`) still holds gets a 304 before the view runs:
  nothing is rendered and no session or CSRF token is touched.
- **Public, revalidated** (`PUBLIC_REVALIDATE`): the same for shared caches, but browsers must ask
  again every time (`max-age=0`), because the page changes once this browser has a session (the quiz
  start page offers to continue a quiz in progress). The question is a cheap 304.
- **Private** routes (the work log, the account, quiz steps that carry this visitor's answers and CSRF
  token, health checks) say `Cache-Control: private, no-store` to everyone.

A public route asked for with a session cookie or an `Authorization` header is someone's own view of
it: `private, no-cache`, no validators, no 304 (nginx passes such requests by its cache, and a response
marked private is never stored by a shared cache anyway). A public response that sets a cookie is
made `private, no-store` instead of public: a cookie must never be shared.

The validators come from what a page depends on: the content release (`content_version`), the data
version (`data_version`, the durability run that ends every import), the code (a digest of the
templates, static files, Python modules and quiz questions, taken once at start-up: the same on every
server running the same release), today's date (a read turns "overdue for review" on a given day) and
the path with its full query string (`?area=`, filters, search terms). A content load or data import
publishes its new id to the cache on commit, so the validators change with it: with Redis at once on
every server, with the in-process cache within its 30 s.

`Last-Modified` is the latest of the content release's `loaded_at`, the durability run's `computed_at`
(the run is part of every import's transaction), the newest code file and the start of today.

A public 200 is also kept in this process under its ETag (`ResponseStore`, within PAGE_MEMORY_MB) and
served again from `process_view` without the view, but for routes with a per-address rate limit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from careermap.lib import lru, versions
from careermap.lib.lru import SizedLRU

logger = logging.getLogger("careermap.httpcache")

PUBLIC = "public"
PUBLIC_REVALIDATE = "public-revalidate"
PRIVATE = "private"

# Browsers keep a public page a minute; shared caches ten. A browser cache cannot be purged, so its
# window is what a reader may see of an old page after a content load; an edge cache asks again after
# ten minutes with the validators (a 304 costs one cache round trip and no rendering), so the origin sees
# about one request per URL per ten minutes however popular the page, and a load or import (rare,
# planned) shows everywhere within ten minutes.
MAX_AGE = 60
S_MAXAGE = 600
CACHE_CONTROL = {
    PUBLIC: f"public, max-age={MAX_AGE}, s-maxage={S_MAXAGE}",
    PUBLIC_REVALIDATE: f"public, max-age=0, s-maxage={S_MAXAGE}",
}
PRIVATE_CACHE_CONTROL = "private, no-store"
CREDENTIALED_CACHE_CONTROL = "private, no-cache"  # a public page seen by someone with a session or token

# Every route by its URL name ("namespace:name"), or a whole namespace ("worklog:*"). A route missing
# here is treated as private and fails careermap/tests/test_http_cache.py, so each new route gets a
# decision. POST-only routes are listed by what they are; only GET and HEAD are ever answered public.
ROUTES: dict[str, str] = {
    # reads, the map and what explains them
    "content:map": PUBLIC,  # with ?filters too: a GET form
    "content:read_detail": PUBLIC,
    "content:read_sources": PUBLIC,
    "content:methodology": PUBLIC,
    "content:feed": PUBLIC,
    "content:read_changes_feed": PUBLIC,  # what's changed for one read (Atom)
    "content:gigwatch_feed": PUBLIC,  # what's changed across GigWatch (Atom)
    "durability:method": PUBLIC,
    "sitemap": PUBLIC,
    # the public datasets
    "occupations:occupation_list": PUBLIC,
    "occupations:occupation_detail": PUBLIC,  # ?area= is part of the URL, hence of the cache key
    "occupations:dataset_list": PUBLIC,
    "occupations:area_pick": PUBLIC,  # a GET form; its one-match redirect is not cached (only 200s are)
    "compare:compare": PUBLIC,  # ?items= (and ?area=) are the whole state: shareable, the same for everyone
    "search:search": PUBLIC,  # GET form; the rate limit applies to what reaches the app
    # the quiz: the start page and results are the same for every visitor without a session; the steps
    # hold this browser's answers and a CSRF token; "change these answers" is a page of its own with
    # the CSRF form, so the result page carries none
    "quiz:start": PUBLIC_REVALIDATE,
    "quiz:results": PUBLIC,
    "quiz:step": PRIVATE,
    "quiz:reset": PRIVATE,
    "quiz:edit": PRIVATE,
    # per person
    "accounts:*": PRIVATE,
    "worklog:*": PRIVATE,
    "pooled:*": PRIVATE,  # sharing choices (/worklog/sharing/)
    # health checks: answered fresh every time
    "ping": PRIVATE,
    "healthz": PRIVATE,
    # the JSON API
    "api:api-root": PUBLIC,
    "api:openapi-json": PUBLIC,
    "api:openapi-view": PUBLIC,
    "api:list_reads": PUBLIC,
    "api:get_read": PUBLIC,
    "api:get_method": PUBLIC,
    "api:list_occupations": PUBLIC,
    "api:get_occupation": PUBLIC,
    "api:get_occupation_pay": PUBLIC,
    "api:list_areas": PUBLIC,
    "api:list_datasets": PUBLIC,
    "api:list_questions": PUBLIC,
    "api:post_matches": PUBLIC,  # POST: never stored, but the same answer for everyone
    "api:search_titles": PUBLIC,
    "api:get_pooled_pay": PUBLIC,  # only published pooled figures, the same for everyone
    "api:search_suggest_titles": PUBLIC,  # typeahead: the same titles for everyone
    "api:list_entries": PRIVATE,
    "api:create_entry": PRIVATE,
    "api:get_entry": PRIVATE,
    "api:update_entry": PRIVATE,
    "api:delete_entry": PRIVATE,
    "api:list_payments": PRIVATE,
    "api:create_payment": PRIVATE,
    "api:get_payment": PRIVATE,
    "api:update_payment": PRIVATE,
    "api:delete_payment": PRIVATE,
    "api:match_payment": PRIVATE,
    "api:summary": PRIVATE,
    "api:export": PRIVATE,
    # the work log's costs (careermap/worklog/api/expenses.py)
    "api:list_expenses": PRIVATE,
    "api:create_expense": PRIVATE,
    "api:get_expense": PRIVATE,
    "api:update_expense": PRIVATE,
    "api:delete_expense": PRIVATE,
    "api:list_cost_methods": PRIVATE,
    "api:set_cost_method": PRIVATE,
    "api:get_tax_estimate": PRIVATE,
    "api:get_times": PRIVATE,
}


# Public routes whose answer depends on the code alone (the API's schema and its docs page): their
# validators leave out the content, the data and the date, and need no database.
CODE_ONLY = {"api:openapi-json", "api:openapi-view"}


def route_class(view_name: str) -> str | None:
    """The class of a route by its URL name; None when nobody has decided (then it is kept private)."""
    if view_name in ROUTES:
        return ROUTES[view_name]
    namespace, _, _ = view_name.rpartition(":")
    return ROUTES.get(f"{namespace}:*") if namespace else None


def has_credentials(request: HttpRequest) -> bool:
    """A session cookie or an Authorization header: the response may be this person's own."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


# ---------------------------------------------------------------------------------------------
# Validators

CODE_PARTS = (("templates", "**/*"), ("static", "**/*"), ("careermap", "**/*.py"), ("content/quiz", "*.yaml"))


@functools.cache
def code_version() -> tuple[str, float]:
    """A digest of every file that shapes a page (templates, static files, Python modules but their
    tests, the quiz questions) and the newest one's modification time. Taken once per process: a
    deploy restarts the app servers. The digest is of contents, so every server of one release agrees."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    newest = 0.0
    for folder, pattern in CODE_PARTS:
        for path in sorted((base / folder).glob(pattern)):
            if not path.is_file() or "__pycache__" in path.parts or "tests" in path.parts:
                continue
            digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
            newest = max(newest, path.stat().st_mtime)
    return digest.hexdigest()[:16], newest


# When each content release was loaded and each durability run computed, by id: a version never
# changes once made, so this process asks the database once per version it meets.
_stamp_memo: dict[tuple[str, int], float] = {}


def _stamps(content: int, data: int) -> tuple[float, float]:
    """When content release `content` was loaded and durability run `data` computed, in epoch seconds
    (0 for none)."""
    from careermap.content.models import ContentRelease
    from careermap.durability.models import DurabilityRun

    times = []
    for kind, version, model, field in (
        ("content", content, ContentRelease, "loaded_at"),
        ("data", data, DurabilityRun, "computed_at"),
    ):
        when = _stamp_memo.get((kind, version))
        if when is None:
            value = model.objects.filter(pk=version).values_list(field, flat=True).first() if version > 0 else None
            when = value.timestamp() if value is not None else 0.0
            if value is not None:
                _stamp_memo[(kind, version)] = when
        times.append(when)
    return times[0], times[1]


def today() -> dt.date:
    return dt.date.today()  # the read views' "today" (the overdue notice): the server's date


@dataclasses.dataclass(frozen=True)
class Validators:
    etag: str  # quoted, strong
    last_modified: int  # seconds since the epoch


def validators(request: HttpRequest, *, code_only: bool = False) -> Validators:
    from careermap.content.selectors import CONTENT_VERSION
    from careermap.durability.selectors import DATA_VERSION
    from careermap.lib.versions import current_all
    from careermap.pooled.services import POOLED_VERSION  # the pooled-pay part of the GigWatch reads

    code, code_mtime = code_version()
    if code_only:
        digest = hashlib.sha256(f"{code}\0{request.get_full_path()}".encode()).hexdigest()
        return Validators(etag=f'"{digest[:32]}"', last_modified=int(min(code_mtime, time.time())))
    content, data, pooled = current_all(CONTENT_VERSION, DATA_VERSION, POOLED_VERSION)  # one round trip
    day = today()
    target = request.get_full_path()  # path and the whole query string, as sent
    digest = hashlib.sha256(f"{code}\0{content}\0{data}\0{pooled}\0{day.isoformat()}\0{target}".encode()).hexdigest()
    midnight = dt.datetime.combine(day, dt.time()).astimezone().timestamp()
    newest = max(*_stamps(content, data), code_mtime, midnight)
    return Validators(etag=f'"{digest[:32]}"', last_modified=int(min(newest, time.time())))


# ---------------------------------------------------------------------------------------------
# Responses kept in this process

# Public routes answered by their view every time: their per-address rate limit must count each
# request that reaches the app (a shared cache in front still keeps them; that is its choice).
ANSWERED_EACH_TIME = {"search:search", "api:search_titles", "api:search_suggest_titles"}


class ResponseStore:
    """The last public 200s this process rendered, by strong ETag, least recently used dropped first.

    The ETag already names everything such a page depends on (code, content, data, pooled figures,
    day, path and query), so a stored body is the body the view would render again: a hit skips the
    view, the session and CSRF machinery and every cache read but the validators' one. Keyed also by
    scheme and host, which absolute links (feeds, the sitemap) are built from."""

    def __init__(self) -> None:
        self._held: SizedLRU[tuple[bytes, tuple[tuple[str, str], ...]]] = SizedLRU(self._budget)

    @staticmethod
    def _budget() -> int:
        return memory_budget() * 15 // 16  # the rest: the search API's answers (api/routers/search.py)

    def get(self, key: tuple[str, str, str]) -> HttpResponse | None:
        found = self._held.get(key)
        if found is None:
            return None
        content, headers = found
        response = HttpResponse(content)
        for name, value in headers:
            response[name] = value
        return response

    def put(self, key: tuple[str, str, str], response: HttpResponse) -> None:
        content = response.content
        headers = tuple((name, value) for name, value in response.items() if name.lower() != "set-cookie")
        self._held.put(key, (content, headers), len(content) + sum(len(n) + len(v) for n, v in headers))

    def clear(self) -> None:
        self._held.clear()

    def __len__(self) -> int:
        return len(self._held)

    @property
    def size(self) -> int:
        return self._held.size


def memory_budget() -> int:
    """Bytes of rendered public pages one process may keep (settings.PAGE_MEMORY_MB)."""
    return int(settings.PAGE_MEMORY_MB) * 1024 * 1024


responses = ResponseStore()


def forget_process_state() -> None:
    """Drop what this process keeps (stored responses, search answers, version times): tests reuse
    ids across databases."""
    lru.clear_all()
    versions.forget_held()
    _stamp_memo.clear()


def _store_key(request: HttpRequest, etag: str) -> tuple[str, str, str]:
    return (etag, request.scheme or "http", request.get_host())


def _storable(request: HttpRequest) -> bool:
    match = request.resolver_match
    return (
        request.method == "GET"
        and memory_budget() > 0
        and match is not None
        and match.view_name not in ANSWERED_EACH_TIME
    )


# ---------------------------------------------------------------------------------------------
# The middleware


class HttpCacheMiddleware:
    """Sits outside the session, CSRF and auth middleware (settings.MIDDLEWARE), so what it decides
    about a response is final for them: it removes the `Vary: Cookie` a session read added to a public
    page, and sees any cookie they set."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        code_version()  # at start-up, not in the first request

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        """A public page's validators, and a 304 when the client's copy is current: before the view."""
        kind = route_class(request.resolver_match.view_name) if request.resolver_match else None
        if kind not in CACHE_CONTROL or request.method not in ("GET", "HEAD") or has_credentials(request):
            return None
        try:
            found = validators(request, code_only=request.resolver_match.view_name in CODE_ONLY)  # type: ignore[union-attr]
        except DatabaseError:  # the view will meet the same outage and answer 503
            return None
        request._http_validators = found  # type: ignore[attr-defined]
        # None (render), a 304, or a 412 for a failed If-Match / If-Unmodified-Since
        conditional = get_conditional_response(request, etag=found.etag, last_modified=found.last_modified)
        if conditional is not None or not _storable(request):
            return conditional
        stored = responses.get(_store_key(request, found.etag))
        if stored is not None:
            request._http_stored = True  # type: ignore[attr-defined]
        return stored

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        match = request.resolver_match
        if match is None:  # not a route (a 404 before any view, an APPEND_SLASH redirect): nothing to decide
            return response
        kind = route_class(match.view_name)
        if kind in CACHE_CONTROL:
            self._public(request, response, kind)
        elif not {"private", "no-store"} <= _directives(response):  # keep a view's stricter never_cache
            response["Cache-Control"] = PRIVATE_CACHE_CONTROL
        return response

    @staticmethod
    def _public(request: HttpRequest, response: HttpResponse, kind: str) -> None:
        if has_credentials(request):
            response["Cache-Control"] = CREDENTIALED_CACHE_CONTROL
            return
        found: Validators | None = getattr(request, "_http_validators", None)
        if found is None or response.status_code not in (200, 304):
            return  # a POST, an error, a redirect: no caching headers (nothing stores them)
        if response.cookies:
            logger.warning("a public page set a cookie; served private: %s", request.resolver_match.view_name)  # type: ignore[union-attr]
            response["Cache-Control"] = PRIVATE_CACHE_CONTROL
            return
        if _directives(response) & {"private", "no-store", "no-cache"}:
            return  # the view said so
        response["Cache-Control"] = CACHE_CONTROL[kind]
        response["ETag"] = found.etag
        response["Last-Modified"] = http_date(found.last_modified)
        _drop_vary_cookie(response)
        stored = getattr(request, "_http_stored", False)
        if response.status_code == 200 and not response.streaming and not stored and _storable(request):
            responses.put(_store_key(request, found.etag), response)


def _directives(response: HttpResponse) -> set[str]:
    return {part.strip().lower() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def _drop_vary_cookie(response: HttpResponse) -> None:
    """A session read on a page asked for without a session cookie changes nothing, but Django's
    session middleware still adds `Vary: Cookie`; requests that carry one never get this response
    (they are answered `private` and bypass shared caches), so the header would only split caches."""
    if "Vary" not in response:
        return
    kept = [v.strip() for v in response["Vary"].split(",") if v.strip() and v.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
