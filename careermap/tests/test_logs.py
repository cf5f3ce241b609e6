from __future__ import annotations

import json
import logging

import pytest
from django.test import Client

from careermap.lib.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_the_request_log_names_the_route_not_the_path_or_query(client: Client, caplog) -> None:
    with caplog.at_level(logging.INFO, logger="careermap.request"):
        client.get("/reads/secret-slug/?q=my+private+search")
    records = [r for r in caplog.records if r.name == "careermap.request"]
    assert records, "no request log line"
    line = JsonFormatter().format(records[-1])
    entry = json.loads(line)
    assert entry["route"] == "/reads/<slug:slug>/"
    assert entry["status"] == 404
    assert "secret-slug" not in line and "private" not in line


def test_django_error_lines_name_the_route_not_the_path(client: Client, caplog) -> None:
    from unittest import mock

    client.raise_request_exception = False
    with (
        mock.patch("careermap.content.views.read_list", side_effect=RuntimeError("boom")),
        caplog.at_level(logging.ERROR, logger="django.request"),
    ):
        response = client.get("/?q=private+words")
    assert response.status_code == 500
    records = [r for r in caplog.records if r.name == "django.request"]
    assert records
    for record in records:  # the logger's configured RedactRequestFilter has already run
        line = JsonFormatter().format(record)
        assert "private" not in line
        assert "Internal Server Error: /" in record.getMessage()
