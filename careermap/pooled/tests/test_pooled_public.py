"""Where the pooled figures show: the GigWatch read, the API and the data registry; only published figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from careermap.content.services import content_load
from careermap.content.tests.factories import write_read
from careermap.pooled import rules
from careermap.pooled.services import pooled_compute
from careermap.pooled.tests.helpers import contributor, crowd

pytestmark = pytest.mark.django_db


@pytest.fixture
def food_delivery(tmp_path: Path) -> Path:
    write_read(tmp_path, "food-delivery")  # the read that covers DoorDash (worklog/platforms.py)
    content_load(directory=tmp_path)
    return tmp_path


def test_the_read_says_not_enough_before_ten_people_share(client: Client, food_delivery: Path) -> None:
    crowd(9)
    pooled_compute()
    html = client.get("/reads/food-delivery/").content.decode()
    assert "What people who log this gig report" in html
    assert "Not enough shared logs yet." in html
    assert "$19" not in html


def test_the_read_shows_published_figures_with_counts_and_period(client: Client, food_delivery: Path) -> None:
    crowd(10)
    pooled_compute()
    response = client.get("/reads/food-delivery/")
    html = response.content.decode()
    assert "$19.50" in html and "($17.00–$22.00)" in html
    assert "10 people, about 100 hours" in html
    assert "Q3 2026" in html
    assert 'href="/data/#pooled-pay"' in html
    assert response["Cache-Control"].startswith("public")


def test_the_read_is_the_same_for_a_sharing_person_and_a_stranger(food_delivery: Path) -> None:
    users = crowd(10)
    pooled_compute()
    sharer = Client()
    sharer.force_login(users[0])
    mine = sharer.get("/reads/food-delivery/").content.decode()
    theirs = Client().get("/reads/food-delivery/").content.decode()
    part = lambda html: html.split('data-part="pooled-pay"')[1].split("</section>")[0]  # noqa: E731
    assert part(mine) == part(theirs)


def test_the_api_answers_published_figures(client: Client) -> None:
    crowd(10)
    pooled_compute()
    body = client.get("/api/v1/pooled-pay", {"platform": "doordash"}).json()
    assert body["enough"] is True
    (platform,) = body["platforms"]
    assert platform["platform"] == "DoorDash"
    (quarter,) = platform["quarters"]
    assert quarter["quarter"] == "2026-Q3" and quarter["people"] == 10 and quarter["hourly_median_usd"] == "19.50"
    assert quarter["unpaid_share_percent"] == 10
    assert platform["task_types"][0]["task_type"] == "Deliveries"
    assert body["rules"]["min_people"] == 10
    assert client.get("/api/v1/pooled-pay").json()["platforms"] == body["platforms"]  # every platform


def test_the_api_says_the_same_for_a_lone_sharer_and_an_unknown_platform(client: Client) -> None:
    contributor(platform="Tiny Local Courier")
    pooled_compute()
    lone = client.get("/api/v1/pooled-pay", {"platform": "tiny local courier"}).json()
    unknown = client.get("/api/v1/pooled-pay", {"platform": "no such platform"}).json()
    for body in (lone, unknown):
        assert body["enough"] is False and body["platforms"] == [] and body["message"] == "Not enough shared logs yet."
    assert client.get("/api/v1/pooled-pay").json()["platforms"] == []


def test_the_api_rejects_an_empty_or_overlong_platform(client: Client) -> None:
    assert client.get("/api/v1/pooled-pay", {"platform": ""}).status_code == 422
    assert client.get("/api/v1/pooled-pay", {"platform": "x" * 101}).status_code == 422


def test_the_data_registry_lists_our_own_dataset_with_rules_and_vintage(client: Client) -> None:
    crowd(10)
    pooled_compute()
    html = client.get("/data/").content.decode()
    assert 'id="pooled-pay"' in html
    assert "at least 10 people" in html and "more than 25%" in html
    assert "Computed " in html


def test_the_compute_command_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    from django.core.management import call_command

    crowd(10)
    call_command("pooled_compute")
    assert "10 people sharing" in capsys.readouterr().out


def test_a_new_computation_changes_the_read_pages_etag(
    client: Client, food_delivery: Path, django_capture_on_commit_callbacks
) -> None:
    crowd(10)
    with django_capture_on_commit_callbacks(execute=True):
        pooled_compute()
    first = client.get("/reads/food-delivery/")["ETag"]
    crowd(rules.K_CHANGED, start=400)
    with django_capture_on_commit_callbacks(execute=True):
        pooled_compute()
    assert client.get("/reads/food-delivery/", HTTP_IF_NONE_MATCH=first).status_code == 200


def test_a_new_computation_shows_on_the_read_page_the_same_day(
    client: Client, food_delivery: Path, django_capture_on_commit_callbacks
) -> None:
    crowd(10)
    with django_capture_on_commit_callbacks(execute=True):
        pooled_compute()
    assert "10 people" in client.get("/reads/food-delivery/").content.decode()
    crowd(rules.K_CHANGED, start=400)
    with django_capture_on_commit_callbacks(execute=True):
        pooled_compute()
    assert f"{10 + rules.K_CHANGED} people" in client.get("/reads/food-delivery/").content.decode()


def test_a_table_that_falls_below_ten_people_is_shown_nowhere(client: Client, food_delivery: Path) -> None:
    from careermap.pooled.services import consent_opt_out

    users = crowd(12)
    pooled_compute()
    for user in users[: rules.K_CHANGED]:
        consent_opt_out(user=user)
    pooled_compute()  # 7 people left: too few (the table is kept, unseen, for the differencing rule)
    body = client.get("/api/v1/pooled-pay", {"platform": "DoorDash"}).json()
    assert body["platforms"] == [] and body["enough"] is False
    assert client.get("/api/v1/pooled-pay").json()["platforms"] == []
    assert "Not enough shared logs yet." in client.get("/reads/food-delivery/").content.decode()
