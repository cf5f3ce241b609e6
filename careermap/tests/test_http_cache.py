"""HTTP caching (careermap/lib/httpcache.py, issue 14): public pages say `public` with validators and
answer 304 without rendering; no cookie, session or `Vary: Cookie` on them; a content load, data
import, area or query changes the ETag; private pages and anyone with a session or a token never get
a public answer; every route in the URLconf has a decision; the shipped nginx config honours it."""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.conf import settings
from django.test import Client
from django.utils.http import http_date, parse_http_date

from careermap.accounts.services import api_token_create
from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, write_read
from careermap.durability.models import DurabilityRun
from careermap.durability.selectors import data_version_bump
from careermap.lib import httpcache
from careermap.occupations.models import Area
from careermap.quiz.codes import answers_encode
from careermap.quiz.questions import question_set
from careermap.quiz.selectors import quiz_candidates_reset
from careermap.quiz.tests.conftest import codebook_text, make_occupations, make_reads, only
from careermap.tests.test_private_urls import ROUTES, Route

PUBLIC_CLASSES = set(httpcache.CACHE_CONTROL)
READ = "/reads/test-delivery/"
OCCUPATION = "/occupations/29-1141.00/"


def cache_control(response: Any) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def kind(route: Route) -> str | None:
    return httpcache.route_class(route.view_name)


@pytest.fixture
def site(tmp_path: Path, settings: Any, db: None) -> dict[str, object]:
    """The quiz tests' small catalogue: occupations, three reads (content release 1), the quiz items,
    an area; returns a value for every route parameter."""
    folder = tmp_path / "data" / "openpsychometrics_riasec_markers_items"
    folder.mkdir(parents=True)
    (folder / "codebook.txt").write_text(codebook_text(), encoding="utf-8")
    settings.CAREERMAP_DATA_DIR = tmp_path / "data"
    quiz_candidates_reset()
    make_occupations()
    make_reads(tmp_path / "content")
    Area.objects.create(
        code="0041860", name="San Francisco-Oakland-Fremont, CA", kind="metro", state_fips="06", states="CA"
    )
    values: dict[str, object] = {p: 1 for r in ROUTES for p in r.params}  # object ids: 404s, still private
    return values | {
        "slug": "test-delivery",
        "code": "29-1141.00",
        "token": answers_encode(only("S"), question_set().practical),
        "step": 1,
        "uidb64": "MQ",
    }


# ---------------------------------------------------------------------------------------------
# Every route has a decision


def test_a_route_nobody_decided_is_kept_private_and_a_private_namespace_covers_new_routes() -> None:
    assert httpcache.route_class("nobody-decided") is None
    assert httpcache.route_class("worklog:something-new") == httpcache.PRIVATE
    assert httpcache.route_class("accounts:something-new") == httpcache.PRIVATE


def test_the_walk_covers_the_public_pages_the_issue_names() -> None:
    public = {r.view_name for r in ROUTES if kind(r) in PUBLIC_CLASSES}
    for name in (
        "content:map",
        "content:read_detail",
        "content:read_sources",
        "occupations:occupation_detail",
        "occupations:dataset_list",
        "search:search",
        "content:methodology",
        "content:feed",
        "sitemap",
        "quiz:results",
        "api:get_read",
        "api:list_reads",
    ):
        assert name in public, name


# ---------------------------------------------------------------------------------------------
# The walk: every route, anonymous, logged in and with a token


QUERIES = {"api:list_areas": "?q=san", "api:search_titles": "?q=nurse", "search:search": "?q=nurse"}
NOT_200 = {
    "api:post_matches": 405,  # POST only
    "api:api-root": 404,  # a 404 for everything
    "api:get_occupation_pay": 404,  # the fixture has no OEWS rows
}


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: r.route or "/")
def test_each_route_answers_with_its_class(route: Route, site: dict[str, object], alice: Any) -> None:
    url = route.url(site) + QUERIES.get(route.view_name, "")
    anonymous = Client()
    response = anonymous.get(url)
    logged_in = Client()
    logged_in.force_login(alice)
    _, raw = api_token_create(user=alice, name="walk")
    with_session = logged_in.get(url)
    with_token = Client().get(url, HTTP_AUTHORIZATION=f"Bearer {raw}")
    if kind(route) in PUBLIC_CLASSES:
        expected = {part.strip() for part in httpcache.CACHE_CONTROL[kind(route)].split(",")}  # type: ignore[index]
        if route.view_name in NOT_200:  # an error or a refusal: no caching headers, nothing stores it
            assert response.status_code == NOT_200[route.view_name]
            assert "Cache-Control" not in response and "ETag" not in response
        else:
            assert response.status_code == 200, (url, response.status_code)
            assert cache_control(response) == expected, (url, response.get("Cache-Control"))
            assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"]), response.get("ETag")
            assert parse_http_date(response["Last-Modified"]) > 0
            assert not response.cookies, (url, response.cookies)
            assert "cookie" not in response.get("Vary", "").lower(), (url, response.get("Vary"))
        for other in (with_session, with_token):
            assert "public" not in cache_control(other), (url, other.get("Cache-Control"))
            assert "ETag" not in other
    else:
        for other in (response, with_session, with_token):
            assert {"private", "no-store"} <= cache_control(other), (url, other.status_code, other.get("Cache-Control"))
            assert "public" not in cache_control(other)


# ---------------------------------------------------------------------------------------------
# 304 without rendering


@pytest.mark.parametrize("url", [READ, OCCUPATION, "/", "/api/v1/reads/test-delivery", "/quiz/"])
def test_a_matching_if_none_match_gets_304_without_running_the_view(
    url: str, site: dict[str, object], django_assert_num_queries: Any
) -> None:
    client = Client()
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    with (
        mock.patch("careermap.content.views.cached_page", side_effect=AssertionError("the view ran")),
        mock.patch("careermap.occupations.views.cached_page", side_effect=AssertionError("the view ran")),
        mock.patch("careermap.api.routers.reads.read_get", side_effect=AssertionError("the view ran")),
        mock.patch("careermap.quiz.views.question_set", side_effect=AssertionError("the view ran")),
        django_assert_num_queries(0),
    ):
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        head = client.head(url, HTTP_IF_NONE_MATCH=f'W/{etag}, "other"')
        since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    for response in (again, head, since):
        assert response.status_code == 304 and response.content == b""
        assert response["ETag"] == etag and response["Cache-Control"] == first["Cache-Control"]
        assert not response.cookies and "cookie" not in response.get("Vary", "").lower()


def test_a_stale_or_foreign_validator_gets_the_page(site: dict[str, object]) -> None:
    client = Client()
    page = client.get(READ)
    assert client.get(READ, HTTP_IF_NONE_MATCH='"0123456789abcdef0123456789abcdef"').status_code == 200
    older = http_date(parse_http_date(page["Last-Modified"]) - 1)
    assert client.get(READ, HTTP_IF_MODIFIED_SINCE=older).status_code == 200


def test_a_session_or_a_token_never_gets_a_304_or_a_public_answer(site: dict[str, object], alice: Any) -> None:
    etag = Client().get(READ)["ETag"]
    logged_in = Client()
    logged_in.force_login(alice)
    _, raw = api_token_create(user=alice, name="t")
    for response in (
        logged_in.get(READ, HTTP_IF_NONE_MATCH=etag),
        Client().get(READ, HTTP_IF_NONE_MATCH=etag, HTTP_AUTHORIZATION=f"Bearer {raw}"),
    ):
        assert response.status_code == 200
        assert cache_control(response) == {"private", "no-cache"}


# ---------------------------------------------------------------------------------------------
# What the validators follow


def test_a_new_content_release_changes_the_etag_and_last_modified(
    site: dict[str, object], tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    before = Client().get(READ)
    folder = tmp_path / "content2"
    write_read(folder, "test-delivery", front_matter(title="Test delivery, revised"))
    with mock.patch("careermap.lib.httpcache.time.time", return_value=dt.datetime(2100, 1, 1).timestamp()):
        with django_capture_on_commit_callbacks(execute=True):
            release = content_load(directory=folder)  # publishes the new release id to the cache on commit
        after = Client().get(READ)
    assert after.status_code == 200 and b"Test delivery, revised" in after.content
    assert after["ETag"] != before["ETag"]
    assert parse_http_date(after["Last-Modified"]) >= int(release.loaded_at.timestamp())
    assert Client().get(READ, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 200


def test_a_data_import_changes_the_etag(site: dict[str, object]) -> None:
    before = Client().get(OCCUPATION)["ETag"]
    run = DurabilityRun.objects.create(version="test")
    data_version_bump(run.pk)  # what durability_compute (the end of every import) does on commit
    response = Client().get(OCCUPATION)
    assert response["ETag"] != before
    assert parse_http_date(response["Last-Modified"]) >= int(run.computed_at.timestamp())


def test_the_area_and_the_whole_query_change_the_etag(site: dict[str, object]) -> None:
    client = Client()
    etags = [
        client.get(url)["ETag"]
        for url in (
            OCCUPATION,
            f"{OCCUPATION}?area=0041860",
            f"{OCCUPATION}?area=0041860&x=1",
            "/search/?q=nurse",
            "/search/?q=nurses",
        )
    ]
    assert len(set(etags)) == len(etags)
    assert client.get(f"{OCCUPATION}?area=0041860")["ETag"] == etags[1]  # the same URL, the same tag


def test_the_date_changes_the_etag(site: dict[str, object]) -> None:
    """A read turns overdue on a given day: the validators move at midnight."""
    today = Client().get(READ)["ETag"]
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with mock.patch("careermap.lib.httpcache.today", return_value=tomorrow):
        response = Client().get(READ)
    assert response["ETag"] != today
    assert parse_http_date(response["Last-Modified"]) <= dt.datetime.now().timestamp()  # never in the future


# ---------------------------------------------------------------------------------------------
# No cookie, no session, no CSRF token on public pages


@pytest.mark.parametrize("url", [READ, "/", "/?q=nurse", "/quiz/", "/search/?q=nurse", "/occupations/", "/areas/?q=x"])
def test_public_pages_set_no_cookie_for_an_anonymous_visitor(url: str, site: dict[str, object]) -> None:
    response = Client().get(url)
    assert response.status_code == 200
    assert not response.cookies and "Set-Cookie" not in response
    assert "cookie" not in response.get("Vary", "").lower()
    assert b"csrfmiddlewaretoken" not in response.content


def test_the_quiz_result_carries_no_csrf_form_and_change_these_answers_has_its_own_page(
    site: dict[str, object],
) -> None:
    token = site["token"]
    result = Client().get(f"/quiz/results/{token}/")
    assert result.status_code == 200 and "public" in cache_control(result)
    assert b"csrfmiddlewaretoken" not in result.content and not result.cookies
    assert f'href="/quiz/results/{token}/edit/"'.encode() in result.content
    visitor = Client()
    edit = visitor.get(f"/quiz/results/{token}/edit/")
    assert edit.status_code == 200 and b"csrfmiddlewaretoken" in edit.content
    assert {"private", "no-store"} <= cache_control(edit)
    assert visitor.post(f"/quiz/results/{token}/edit/")["Location"] == "/quiz/step/1/"


def test_the_quiz_start_page_is_public_until_there_is_a_quiz_in_progress(site: dict[str, object]) -> None:
    visitor = Client()
    first = visitor.get("/quiz/")
    assert cache_control(first) == {"public", "max-age=0", f"s-maxage={httpcache.S_MAXAGE}"}
    visitor.post("/quiz/step/1/", {"R1": "5"})  # answers kept in this browser's session
    resumed = visitor.get("/quiz/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert resumed.status_code == 200 and b"Continue where you left off" in resumed.content
    assert "public" not in cache_control(resumed)


def test_a_public_page_that_sets_a_cookie_is_not_served_public(site: dict[str, object]) -> None:
    def with_cookie(request: Any, *args: Any, **kwargs: Any) -> Any:
        from django.http import HttpResponse

        response = HttpResponse("hello")
        response.set_cookie("tracker", "1")
        return response

    with mock.patch("careermap.content.views.cached_page", side_effect=with_cookie):
        response = Client().get(READ)
    assert response.cookies and {"private", "no-store"} <= cache_control(response)
    assert "ETag" not in response


# ---------------------------------------------------------------------------------------------
# Responses kept in this process (httpcache.ResponseStore)

SOURCES = "/reads/test-delivery/sources/"


def test_a_public_page_is_rendered_once_and_then_served_whole_from_memory(
    site: dict[str, object], settings: Any
) -> None:
    first = Client().get(SOURCES)
    assert first.status_code == 200
    with mock.patch("careermap.content.views.read_sources", side_effect=AssertionError("the view ran")):
        again = Client().get(SOURCES)
    assert again.status_code == 200 and again.content == first.content
    assert dict(again.items()) == dict(first.items())
    settings.PAGE_MEMORY_MB = 0  # turned off: every request reaches the view
    httpcache.responses.clear()
    Client().get(SOURCES)
    with (
        mock.patch("careermap.content.views.read_sources", side_effect=RuntimeError("the view ran")),
        pytest.raises(RuntimeError),
    ):
        Client().get(SOURCES)


def test_what_changes_the_etag_renders_the_page_again(site: dict[str, object], tmp_path: Path) -> None:
    before = Client().get(READ)
    folder = tmp_path / "content2"
    write_read(folder, "test-delivery", front_matter(title="Test delivery, revised"))
    release = content_load(directory=folder)
    httpcache.responses.clear()  # nothing else is different from before but the release id, published here:
    Client().get(READ)  # the old page is kept under the old ETag
    from careermap.content.selectors import content_version_bump

    content_version_bump(release.pk)  # what content_load does when its transaction commits
    after = Client().get(READ)
    assert b"Test delivery, revised" in after.content and after["ETag"] != before["ETag"]


def test_a_visitor_with_a_session_or_a_head_request_is_never_served_from_memory(
    site: dict[str, object], alice: Any
) -> None:
    Client().get(SOURCES)
    assert len(httpcache.responses) == 1
    logged_in = Client()
    logged_in.force_login(alice)
    with mock.patch("careermap.content.views.read_sources", side_effect=RuntimeError("the view ran")):
        with pytest.raises(RuntimeError):
            logged_in.get(SOURCES)
        with pytest.raises(RuntimeError):
            Client().head(SOURCES)


def test_a_rate_limited_page_is_answered_by_its_view_every_time(site: dict[str, object]) -> None:
    client = Client()
    with mock.patch("careermap.search.views.search_allowed", return_value=True) as allowed:
        statuses = [client.get("/search/?q=nurse").status_code for _ in range(3)]
        allowed.return_value = False
        throttled = client.get("/search/?q=nurse")
    assert statuses == [200, 200, 200] and allowed.call_count == 4  # each request counted by the limit
    assert throttled.status_code == 429
    assert len(httpcache.responses) == 0


def test_a_search_asked_again_is_counted_but_not_searched_again(site: dict[str, object]) -> None:
    from careermap.search import selectors

    client = Client()
    with mock.patch("careermap.search.views.search", wraps=selectors.search) as page_search:
        first = client.get("/search/?q=nurse")
        again = client.get("/search/?q=nurse")
        other = client.get("/search/?q=driver")
    assert first.content == again.content and page_search.call_count == 2  # nurse once, driver once
    assert b"driver" in other.content.lower()
    with mock.patch("careermap.api.routers.search.search", wraps=selectors.search) as api_search:
        answers = [client.get("/api/v1/search?q=nurse").json() for _ in range(2)]
        client.get("/api/v1/search?q=nurse&limit=3")
        assert api_search.call_count == 2 and answers[0] == answers[1]
        run = DurabilityRun.objects.create(version="test")
        data_version_bump(run.pk)  # a new import: a new index, so the answer is searched again
        client.get("/api/v1/search?q=nurse")
        assert api_search.call_count == 3


def test_the_host_is_part_of_what_is_kept(site: dict[str, object], settings: Any) -> None:
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    here = Client().get("/feed/gigwatch/")
    there = Client(HTTP_HOST="other.example").get("/feed/gigwatch/")
    assert b"http://testserver/" in here.content and b"http://other.example/" in there.content


def test_stored_responses_stay_within_the_memory_setting(site: dict[str, object], settings: Any) -> None:
    settings.PAGE_MEMORY_MB = 1
    for path in (READ, OCCUPATION, "/", SOURCES, "/occupations/"):
        assert Client().get(path).status_code == 200
    assert len(httpcache.responses) >= 4 and httpcache.responses.size <= 1024 * 1024 * 15 // 16


# ---------------------------------------------------------------------------------------------
# The shipped nginx configuration

DEPLOY = Path(settings.BASE_DIR) / "deploy"


def load_render() -> Any:
    spec = importlib.util.spec_from_file_location("render_nginx", DEPLOY / "render_nginx.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def nginx_text() -> str:
    return "\n".join(p.read_text() for p in sorted(DEPLOY.glob("nginx*.conf")) + sorted(DEPLOY.glob("nginx/*.conf")))


def test_the_nginx_config_bypasses_the_cache_for_sessions_and_tokens_and_overrides_no_header() -> None:
    text = re.sub(r"#.*", "", nginx_text())
    cookie = f"$cookie_{settings.SESSION_COOKIE_NAME}"
    for directive in ("proxy_cache_bypass", "proxy_no_cache"):
        lines = re.findall(rf"^\s*{directive}\s+([^;]*);", text, re.M)
        assert lines and all(cookie in line and "$http_authorization" in line for line in lines), (directive, lines)
    for forbidden in ("proxy_ignore_headers", "proxy_cache_valid", "proxy_hide_header Cache-Control"):
        assert forbidden not in text, forbidden
    for needed in (
        "proxy_cache_revalidate on",
        "proxy_cache_lock on",
        "X-Cache-Status $upstream_cache_status",
        "X-Forwarded-For $proxy_add_x_forwarded_for",
        "X-Forwarded-Proto $scheme",
        "X-Forwarded-Host $host",
        "listen 443 ssl",
        "return 301 https://$host$request_uri",
    ):
        assert needed in text, needed


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed (apt-get install nginx)")
@pytest.mark.parametrize("variant", ["nginx.conf", "nginx-local.conf"])
def test_the_shipped_nginx_config_passes_nginx_t(variant: str, tmp_path: Path) -> None:
    render = load_render()
    config = render.render(
        tmp_path, variant=variant, upstream="127.0.0.1:9", static_root=tmp_path / "static", listen="127.0.0.1:9"
    )
    result = subprocess.run(["nginx", "-t", "-c", str(config)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
