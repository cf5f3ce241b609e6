"""The interactive API docs work under the site's strict CSP (issue 20, item 15): Swagger UI comes from our
own static files, so /api/v1/docs lists the endpoints with no CSP violation and no request off the site."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect


def test_the_api_docs_list_the_endpoints_under_the_strict_csp(
    page: Page, live_server: Any, transactional_db: Any
) -> None:
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))

    response = page.goto(f"{live_server.url}/api/v1/docs")
    assert response is not None and response.status == 200
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp

    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert "/api/v1/reads" in paths and "/api/v1/worklog/entries" in paths
    expect(page.locator(".info .title")).to_contain_text("Career Map API")

    # "Try it out" reaches our API from the page (connect-src 'self')
    page.locator(".opblock-summary-path", has_text="/api/v1/durability/method").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_have_text("200")

    problems = [m for m in messages if m.startswith(("error", "pageerror")) or "Content Security Policy" in m]
    assert problems == []
    assert hosts == {urlsplit(live_server.url).netloc}  # nothing from a CDN
