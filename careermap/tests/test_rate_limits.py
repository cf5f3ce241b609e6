"""Every endpoint that costs us or an account something is rate-limited per client address (and per
e-mail where one is given): login, signup, password reset, quiz submission (page and API) and
search (page and API). Each test hammers one endpoint from one address and expects refusals to
start, and another address to be unaffected.

Login's limits (accounts/throttle.py) count failures only, per e-mail address and client together, and
live in the database: someone else's guessing never locks the owner's own client out, a success never
counts, and Redis being down (or absent, with several processes) takes none of the protection away.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from careermap.accounts.forms import THROTTLED
from careermap.accounts.tests.factories import PASSWORD
from careermap.quiz.tests.conftest import codebook_text, only
from careermap.tests.test_resilient_cache import closed_port

pytestmark = pytest.mark.django_db

ATTEMPTS = 60  # more than any of our limits allows in a burst


def _throttled(response) -> bool:
    return response.status_code == 429 or THROTTLED.encode() in response.content or b"Too many" in response.content


def hammer(send, attempts: int = ATTEMPTS) -> int:
    """How many of `attempts` went through before the first refusal (attempts when none was refused)."""
    for n in range(attempts):
        if _throttled(send(n)):
            return n
    return attempts


def test_login_is_throttled_per_address(client: Client) -> None:
    allowed = hammer(
        lambda n: client.post(
            "/accounts/login/", {"username": f"guess{n}@example.com", "password": "wrong"}, REMOTE_ADDR="203.0.113.1"
        )
    )
    assert 0 < allowed < ATTEMPTS
    fresh = Client().post(
        "/accounts/login/", {"username": "x@example.com", "password": "wrong"}, REMOTE_ADDR="203.0.113.2"
    )
    assert not _throttled(fresh)


def test_login_is_throttled_per_account_across_addresses(alice) -> None:
    allowed = hammer(
        lambda n: Client().post(
            "/accounts/login/",
            {"username": "alice@example.com", "password": f"guess-{n}"},
            REMOTE_ADDR=f"198.51.100.{n}",
        )
    )
    assert 0 < allowed < ATTEMPTS


def test_someone_hammering_an_address_does_not_lock_its_owner_out(alice) -> None:
    attacker = Client(REMOTE_ADDR="203.0.113.66")
    allowed = hammer(
        lambda n: attacker.post("/accounts/login/", {"username": "alice@example.com", "password": f"x{n}"})
    )
    assert 0 < allowed < ATTEMPTS
    owner = Client(REMOTE_ADDR="198.51.100.20")
    response = owner.post("/accounts/login/", {"username": "alice@example.com", "password": PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in owner.session


def test_successful_logins_do_not_count_towards_the_limit(alice) -> None:
    client = Client(REMOTE_ADDR="203.0.113.67")

    def log_in(n: int):
        response = client.post("/accounts/login/", {"username": "alice@example.com", "password": PASSWORD})
        client.post("/accounts/logout/")
        return response

    assert hammer(log_in) == ATTEMPTS


def test_login_limits_hold_while_redis_is_down_and_across_processes(settings, alice) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "careermap.lib.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    client = Client(REMOTE_ADDR="203.0.113.68")
    from django.core.cache import cache

    def guess(n: int):
        cache.clear()  # as if each attempt reached another process with its own empty cache
        return client.post("/accounts/login/", {"username": "alice@example.com", "password": f"x{n}"})

    assert 0 < hammer(guess) < ATTEMPTS


def test_signup_is_throttled_per_address(client: Client) -> None:
    allowed = hammer(
        lambda n: client.post(
            "/accounts/signup/",
            {"email": f"new{n}@example.com", "password1": "short", "password2": "different"},
            REMOTE_ADDR="203.0.113.3",
        )
    )
    assert 0 < allowed < ATTEMPTS


def test_password_reset_is_throttled_per_address_and_per_email(client: Client, alice) -> None:
    per_address = hammer(
        lambda n: client.post("/accounts/password/reset/", {"email": f"who{n}@example.com"}, REMOTE_ADDR="203.0.113.4")
    )
    assert 0 < per_address < ATTEMPTS
    per_email = hammer(
        lambda n: Client().post(
            "/accounts/password/reset/", {"email": "alice@example.com"}, REMOTE_ADDR=f"198.51.100.{n}"
        )
    )
    assert 0 < per_email < ATTEMPTS


@pytest.fixture
def quiz_items(settings, tmp_path: Path) -> None:
    items = tmp_path / "openpsychometrics_riasec_markers_items"
    items.mkdir()
    (items / "codebook.txt").write_text(codebook_text(), encoding="utf-8")
    settings.CAREERMAP_DATA_DIR = tmp_path


def test_quiz_submissions_to_the_api_are_throttled_per_address(client: Client, quiz_items: None) -> None:
    def submit(n: int):
        return client.post(
            "/api/v1/quiz/matches",
            {"answers": only("RIASEC"[n % 6])},
            content_type="application/json",
            REMOTE_ADDR="203.0.113.5",
        )

    allowed = hammer(submit)
    assert 0 < allowed < ATTEMPTS
    other = client.post(
        "/api/v1/quiz/matches", {"answers": only("R")}, content_type="application/json", REMOTE_ADDR="203.0.113.6"
    )
    assert other.status_code == 200


def test_quiz_submissions_on_the_page_are_throttled_per_address(client: Client, quiz_items: None) -> None:
    from careermap.quiz.forms import interest_steps
    from careermap.quiz.questions import question_set

    qs = question_set()
    final_step = len(interest_steps(qs.items or ())) + 1
    answers = only("S")
    session = client.session
    session["quiz_answers"] = {key: value for key, value in answers.items() if key[0] in "RIASEC" and key[1:].isdigit()}
    session.save()
    practical = {key: value for key, value in answers.items() if key in qs.practical_by_id}
    allowed = hammer(lambda n: client.post(f"/quiz/step/{final_step}/", practical, REMOTE_ADDR="203.0.113.7"))
    assert 0 < allowed < ATTEMPTS


def test_the_search_page_is_throttled_per_address(client: Client) -> None:
    allowed = hammer(lambda n: client.get("/search/", {"q": f"nurse {n}"}, REMOTE_ADDR="203.0.113.8"), attempts=300)
    assert allowed < 300


def test_the_search_api_is_throttled_per_address(client: Client) -> None:
    allowed = hammer(
        lambda n: client.get("/api/v1/search", {"q": f"nurse {n}"}, REMOTE_ADDR="203.0.113.9"), attempts=300
    )
    assert allowed < 300
