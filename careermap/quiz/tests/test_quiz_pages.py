"""The quiz pages: plain forms without JavaScript, answers kept across reloads, a shareable result."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from careermap.quiz.codes import Stamp, answers_decode, answers_encode
from careermap.quiz.questions import OPTIONAL, question_set
from careermap.quiz.services import SUBMIT_CAPACITY
from careermap.quiz.tests.conftest import ITEM_IDS, PRACTICAL, only

pytestmark = pytest.mark.django_db

INTERLEAVED = [f"{letter}{n}" for n in range(1, 9) for letter in "RIASEC"]
PAGES = [INTERLEAVED[i : i + 12] for i in range(0, 48, 12)]


def take_quiz(client: Client, answers: dict[str, Any]) -> Any:
    """Walk every step as a browser without JavaScript would; return the last response."""
    for step, page in enumerate(PAGES, start=1):
        data = {item: answers[item] for item in page if item in answers} | {"go": "next"}
        response = client.post(f"/quiz/step/{step}/", data)
        assert response.status_code == 302 and response["Location"] == f"/quiz/step/{step + 1}/"
    practical = {key: answers[key] for key in PRACTICAL if key in answers}
    return client.post("/quiz/step/5/", practical | {"go": "finish"})


def assert_csp_clean(html: str) -> None:
    """No inline style or script: scripts only as files from static/ (the CSP is default-src 'self')."""
    assert " style=" not in html and "<style" not in html
    for tag, body in re.findall(r"(<script\b[^>]*>)(.*?)</script>", html, flags=re.S):
        assert 'src="/static/' in tag and not body.strip(), tag


@pytest.mark.usefixtures("items")
def test_the_start_page_credits_the_item_authors(client: Client) -> None:
    html = client.get("/quiz/").content.decode()
    assert "Liao, H.-Y., Armstrong, P. I., &amp; Rounds, J. (2008)" in html
    assert "Armstrong, P. I., Allison, W., &amp; Rounds, J. (2008)" in html
    assert 'href="/quiz/step/1/"' in html and "css/quiz.css" in html
    assert_csp_clean(html)


@pytest.mark.usefixtures("no_items")
def test_the_start_page_says_when_the_items_are_not_available(client: Client) -> None:
    response = client.get("/quiz/")
    assert response.status_code == 200
    assert b"The interest items are not available right now." in response.content
    assert b"/quiz/step/1/" not in response.content
    assert client.get("/quiz/step/1/")["Location"] == "/quiz/"


@pytest.mark.usefixtures("items")
def test_a_step_shows_twelve_items_and_the_progress(client: Client) -> None:
    html = client.get("/quiz/step/1/").content.decode()
    assert re.findall(r'data-item="(\w+)"', html) == PAGES[0]
    assert "Step 1 of 5" in html and "0 of 48 activities rated" in html
    assert '<progress max="5" value="1"' in html
    assert html.count('type="radio"') == 12 * 5
    assert "1 Dislike" in html and "5 Enjoy" in html
    assert re.findall(r'name="go" value="(\w+)"', html) == ["next", "back"]  # Enter submits with the first
    assert_csp_clean(html)


@pytest.mark.usefixtures("items")
def test_answers_are_kept_across_a_reload(client: Client) -> None:
    client.post("/quiz/step/1/", {"R1": "4", "I1": "2", "go": "next"})
    html = client.get("/quiz/step/1/").content.decode()
    assert re.search(r'name="R1" value="4"[^>]*checked', html)
    assert re.search(r'name="I1" value="2"[^>]*checked', html)
    assert "2 of 48 activities rated" in html
    assert b"Continue where you left off" in client.get("/quiz/").content


@pytest.mark.usefixtures("items")
def test_back_keeps_the_answers_of_the_page_you_leave(client: Client) -> None:
    response = client.post("/quiz/step/2/", {"R3": "5", "go": "back"})
    assert response["Location"] == "/quiz/step/1/"
    assert re.search(r'name="R3" value="5"[^>]*checked', client.get("/quiz/step/2/").content.decode())
    response = client.post("/quiz/step/5/", {"urgency": "week", "go": "back"})
    assert response["Location"] == "/quiz/step/4/"
    assert re.search(r'value="week"[^>]*checked', client.get("/quiz/step/5/").content.decode())


@pytest.mark.usefixtures("items")
def test_start_over_clears_the_answers(client: Client) -> None:
    client.post("/quiz/step/1/", {"R1": "4", "go": "next"})
    client.post("/quiz/start-over/")
    assert "0 of 48 activities rated" in client.get("/quiz/step/1/").content.decode()


@pytest.mark.usefixtures("items")
def test_an_unknown_step_is_404(client: Client) -> None:
    assert client.get("/quiz/step/6/").status_code == 404
    assert client.get("/quiz/step/0/").status_code == 404


@pytest.mark.usefixtures("items", "catalogue")
def test_the_whole_quiz_without_javascript_ends_on_a_shareable_result(client: Client) -> None:
    response = take_quiz(client, only("S"))
    assert response.status_code == 302
    token = response["Location"].removeprefix("/quiz/results/").removesuffix("/")
    assert answers_decode(token, question_set().practical)[0] == only("S")

    html = Client().get(response["Location"]).content.decode()  # a stranger with the link
    assert len(re.findall(r'data-testid="match"', html)) == 3
    assert "Interest profile: S" in html
    assert 'role="img"' in html and '<title id="profile-title">' in html
    table = html.split('data-testid="profile-table"')[1].split("</table>")[0]
    assert re.search(r"Social \(S\)</th><td class=\"num\">40</td>", table)
    assert "Why it fits" in html and "What to watch" in html
    assert "Employment Projections" in html and "Durability not yet available" in html
    assert f"/quiz/results/{token}/" in html
    assert_csp_clean(html)


@pytest.mark.usefixtures("items", "catalogue")
def test_flat_answers_get_a_clear_message_and_no_result(client: Client) -> None:
    response = take_quiz(client, dict.fromkeys(ITEM_IDS, 4) | PRACTICAL)
    assert response.status_code == 422
    assert b"same answer" in response.content and b'href="/quiz/step/1/"' in response.content
    assert b"/quiz/results/" not in response.content


@pytest.mark.usefixtures("items", "catalogue")
def test_too_few_answers_get_a_clear_message(client: Client) -> None:
    response = take_quiz(client, {"R1": 5, "S1": 1} | PRACTICAL)
    assert response.status_code == 422 and b"Too few answers for a profile." in response.content


@pytest.mark.usefixtures("items", "catalogue")
def test_every_practical_question_but_the_optional_ones_must_be_answered(client: Client) -> None:
    response = client.post("/quiz/step/5/", {"urgency": "week", "go": "finish"})
    required = [key for key in PRACTICAL if key not in OPTIONAL]
    assert response.status_code == 200 and response.content.count(b"Choose one answer.") == len(required) - 1


@pytest.mark.usefixtures("items", "catalogue")
def test_final_submissions_are_rate_limited(client: Client) -> None:
    take_quiz(client, only("R"))
    for _ in range(SUBMIT_CAPACITY - 1):
        assert client.post("/quiz/step/5/", PRACTICAL | {"go": "finish"}).status_code == 302
    response = client.post("/quiz/step/5/", PRACTICAL | {"go": "finish"})
    assert response.status_code == 200 and b"Too many quiz submissions" in response.content


@pytest.mark.usefixtures("items", "catalogue")
def test_change_these_answers_copies_them_into_a_new_session(client: Client) -> None:
    token = take_quiz(client, only("A"))["Location"].split("/")[-2]
    other = Client()
    assert other.post(f"/quiz/results/{token}/edit/")["Location"] == "/quiz/step/1/"
    assert "48 of 48 activities rated" in other.get("/quiz/step/1/").content.decode()


@pytest.mark.usefixtures("items", "catalogue")
def test_a_link_made_before_the_new_questions_still_shows_and_edits(client: Client) -> None:
    """A layout-"a" link (only("C"), open practical answers; see test_codes.OLD_LINKS): it decodes with
    defaults for the questions added since, shows its matches, and "Change these answers" works."""
    url = "/quiz/results/awPE5ENXKPuxF8fPik08mZsyTQuIIyJ2s/"
    html = client.get(url).content.decode()
    assert "Interest profile: C" in html and len(re.findall(r'data-testid="match"', html)) == 3
    assert 'data-testid="result-stamp"' not in html  # old links carry no stamp
    assert client.post(f"{url}edit/")["Location"] == "/quiz/step/1/"
    assert "48 of 48 activities rated" in client.get("/quiz/step/1/").content.decode()


@pytest.mark.usefixtures("items", "catalogue")
def test_a_link_made_before_the_practical_questions_changed_says_so(client: Client) -> None:
    practical = question_set().practical
    older = [q.model_copy(update={"choices": q.choices[::-1]}) if q.id == "urgency" else q for q in practical]
    token = answers_encode(only("C"), older)
    response = client.get(f"/quiz/results/{token}/")
    assert response.status_code == 200 and b"questions that have since changed" in response.content
    assert b'data-testid="match"' not in response.content


@pytest.mark.usefixtures("items", "catalogue")
def test_a_mistyped_result_link_is_404(client: Client) -> None:
    token = take_quiz(client, only("S"))["Location"].split("/")[-2]
    typo = token[:10] + ("B" if token[10] != "B" else "C") + token[11:]
    assert client.get(f"/quiz/results/{typo}/").status_code == 404
    assert client.post(f"/quiz/results/{typo}/edit/").status_code == 404
    assert client.get(f"/quiz/results/{token}x/").status_code == 404


@pytest.mark.usefixtures("items")
def test_an_unknown_result_is_404(client: Client) -> None:
    assert client.get("/quiz/results/nope/").status_code == 404


@pytest.mark.usefixtures("items", "catalogue")
def test_answers_to_retired_questions_in_the_session_are_dropped(client: Client) -> None:
    session = client.session
    session["quiz_answers"] = only("E") | {"favourite_colour": "blue"}
    session.save()
    response = client.post("/quiz/step/5/", PRACTICAL | {"go": "finish"})
    assert response.status_code == 302
    token = response["Location"].split("/")[-2]
    assert "favourite_colour" not in (answers_decode(token, question_set().practical)[0] or {})


@pytest.mark.usefixtures("items", "catalogue")
def test_the_result_explains_three_lists_the_rest_and_says_what_each_type_means(client: Client) -> None:
    html = Client().get(take_quiz(client, only("S"))["Location"]).content.decode()
    assert len(re.findall(r'data-testid="match"', html)) == 3
    assert re.search(r'data-testid="more-matches"', html)  # the fixture catalogue has more than three that fit
    assert (
        len(
            re.findall(r"<li>(?:<strong>)?(?:Realistic|Investigative|Artistic|Social|Enterprising|Conventional):", html)
        )
        == 6
    )
    assert re.findall(r'data-testid="fit-words">(strong|good|fair) fit<', html)
    assert "Interest fit 0." in html  # the number, on demand under "Fit in numbers"
    assert 'data-testid="result-stamp"' in html and 'data-testid="result-differs"' not in html
    assert 'data-testid="copy-link"' in html and 'src="/static/js/quiz-share.js"' in html
    assert_csp_clean(html)


@pytest.mark.usefixtures("items", "catalogue")
def test_a_result_whose_matches_changed_since_it_was_made_says_so(client: Client) -> None:
    stamp = Stamp.of(day=dt.date(2026, 11, 30), data_version="an older import", keys=["occupation:00-0000.00"])
    token = answers_encode(only("S"), question_set().practical, stamp)
    html = Client().get(f"/quiz/results/{token}/").content.decode()
    assert "First computed on 30 November 2026" in html
    assert 'data-testid="result-differs"' in html and "the data has changed since" in html


@pytest.mark.usefixtures("items", "catalogue")
def test_figures_bls_publishes_for_a_group_say_so(client: Client) -> None:
    from careermap.occupations.models import Projection

    Projection.objects.filter(occupation_id__in=["29-1141.00", "21-1012.00"]).update(
        nem_code="29-9999", nem_title="Helpers of every kind", employment_2024=609.6
    )
    html = Client().get(take_quiz(client, only("S"))["Location"]).content.decode()
    figure = re.search(r'data-testid="group-figure">([^<]+)<', html)
    assert figure and "“Helpers of every kind” (609,600 jobs in 2024), not for this occupation alone" in figure.group(1)


@pytest.mark.usefixtures("items", "catalogue")
def test_a_typed_job_is_read_by_the_title_search_and_credited(client: Client) -> None:
    for step in range(1, 5):
        items = list(question_set().items or ())[12 * (step - 1) : 12 * step]
        client.post(f"/quiz/step/{step}/", {item.id: only("S")[item.id] for item in items} | {"go": "next"})
    response = client.post(
        "/quiz/step/5/", PRACTICAL | {"job_title": "registered nurse", "years": "5-plus", "go": "finish"}
    )
    assert response.status_code == 302
    answers, _ = answers_decode(response["Location"].split("/")[-2], question_set().practical)
    assert answers is not None and answers["job"] == "29-1141.00" and answers["years"] == "5-plus"
    html = Client().get(response["Location"]).content.decode()
    assert "Your job, as our title search read it: <strong>Registered Nurses</strong>" in html
