"""Hypothesis fuzzing of everything that reads outside input: a read file (content loader), every
dataset file (the importers and their joins), a worker's CSV (work log import) and quiz answers
(parser, matching and the API). Each may accept an input or refuse it with its own clear error
(ContentError, ImportFileError, a RowError row, a 4xx); anything else escaping is a crash.

FUZZ_EXAMPLES raises the number of examples per test (default small, for `make test`);
FUZZ_REPORT names a JSON-lines file that receives the inputs tried and their outcomes.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import datetime as dt
import io
import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careermap.content.parsing import ContentError, parse_read
from careermap.content.tests.factories import BODY, front_matter, read_text
from careermap.lib.csvio import CsvFormatError, decode_upload, read_rows
from careermap.occupations.importers.base import ImportFileError
from careermap.occupations.services import data_parse
from careermap.occupations.tests.datafiles import files, oews_files, write_data_dir
from careermap.quiz.matching import match
from careermap.quiz.questions import QuestionsError, QuestionSet, parse_answers, parse_codebook, parse_practical
from careermap.quiz.tests.conftest import PRACTICAL, codebook_text
from careermap.worklog.csvimport import EXPORT_COLUMNS, ParsedRow, RowError, parse_rows
from careermap.worklog.services import default_mapping

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
ROOT = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------------------------------------
# What was tried, for docs/reliability.md (bench/hostile.py collects it)

_tried: dict[str, Counter[str]] = {}


def tried(test: str, outcome: str) -> None:
    _tried.setdefault(test, Counter())[outcome] += 1


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    path = os.environ.get("FUZZ_REPORT")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            for test, outcomes in _tried.items():
                handle.write(json.dumps({"test": test, "tried": sum(outcomes.values()), "outcomes": outcomes}) + "\n")


# ---------------------------------------------------------------------------------------------
# Strategies

NASTY = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "\ufeff",
        "---",
        "## Editor's read",
        "NO",
        "yes",
        "~",
        "null",
        "1e309",
        "-0",
        "NaN",
        "9" * 40,
        "<script>alert(1)</script>",
        "{{ 7*7 }}",
        "&amp;",
        '"',
        "'",
        "\t",
        "\r\n",
        "\u2028",
        "é",
        "🙂",
        "*&anchor",
        "!!python/object:os.system",
        "=cmd|' /C calc'!A0",
        ",,,,",
        "11-1011.00",
        "15-1252",
    ]
)
TEXT = st.one_of(NASTY, st.text(max_size=40))
JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), TEXT),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(TEXT, children, max_size=3)),
    max_leaves=6,
)


@st.composite
def mutated(draw: st.DrawFn, base: str) -> str:
    """`base` with a few edits: inserts, deletions, replaced or doubled lines, truncation."""
    text = base
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["insert", "delete", "line", "double", "truncate", "cell"]))
        at = draw(st.integers(0, max(len(text), 1)))
        if op == "insert":
            text = text[:at] + draw(TEXT) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 30)) :]
        elif op == "truncate":
            text = text[:at]
        else:
            lines = text.split("\n")
            index = draw(st.integers(0, len(lines) - 1))
            if op == "line":
                lines[index] = draw(TEXT)
            elif op == "double":
                lines.insert(index, lines[index])
            else:  # replace one cell of a delimited line
                sep = "\t" if "\t" in lines[index] else ","
                cells = lines[index].split(sep)
                cells[draw(st.integers(0, len(cells) - 1))] = draw(TEXT)
                lines[index] = sep.join(cells)
            text = "\n".join(lines)
    return text


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [path] + [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [path] + [leaf for index, value in enumerate(data) for leaf in _leaves(value, (*path, index))]
    return [path]


@st.composite
def hostile_front_matter(draw: st.DrawFn) -> dict[str, Any]:
    """A valid read's front matter with a few values (or whole branches) replaced or removed."""
    data = copy.deepcopy(front_matter())
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _leaves(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(JSONISH)
        if not isinstance(data, dict):
            break
    if isinstance(data, dict):
        # and at least one value no read may have, so every example must be refused: a title that is
        # not text, or no title at all
        hostile = draw(st.sampled_from([None, [], {}, ["a title"], {"a": 1}, 3, True, "", DELETE]))
        if hostile is DELETE:
            data.pop("title", None)
        else:
            data["title"] = hostile
    return data


DELETE = object()


# ---------------------------------------------------------------------------------------------
# The content loader


def _parse_read(text: str, test: str, *, must_refuse: bool = False) -> None:
    """Parse a read; any failure must be a ContentError naming the file. With `must_refuse`, the input is
    one no read may be, so accepting it fails the test."""
    try:
        parse_read(Path("content/reads/fuzzed-read.md"), text)
    except ContentError as error:
        assert str(error).startswith("content/reads/fuzzed-read.md:")
        assert error.message
        tried(test, "refused with ContentError")
    else:
        assert not must_refuse, f"accepted: {text[:300]!r}"
        tried(test, "accepted")


@FUZZ
@given(text=mutated(read_text(front_matter())))
def test_a_mangled_read_file_is_loaded_or_refused_with_a_content_error(text: str) -> None:
    _parse_read(text, "content loader: mangled read files")


@FUZZ
@given(front=hostile_front_matter(), body=st.one_of(st.just(BODY), mutated(BODY)))
def test_hostile_front_matter_values_are_refused_with_a_content_error(front: dict[str, Any], body: str) -> None:
    _parse_read(read_text(front, body), "content loader: hostile front-matter values", must_refuse=True)


@FUZZ
@given(text=st.text(max_size=300))
def test_arbitrary_text_as_a_read_file_is_refused_with_a_content_error(text: str) -> None:
    _parse_read(text, "content loader: arbitrary text", must_refuse=True)


# ---------------------------------------------------------------------------------------------
# The dataset importers (every parser, then the joins, through data_parse)

FIXTURE_FILES = {**files(), **oews_files()}


@pytest.fixture(scope="module")
def data_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="careermap-fuzz-") as folder:
        yield write_data_dir(Path(folder))


@st.composite
def one_broken_file(draw: st.DrawFn) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(FIXTURE_FILES)))
    return name, draw(st.one_of(mutated(FIXTURE_FILES[name]), st.text(max_size=200)))


@FUZZ
@given(broken=one_broken_file())
def test_a_mangled_dataset_file_is_imported_or_refused_with_an_import_file_error(
    data_dir: Path, broken: tuple[str, str]
) -> None:
    name, text = broken
    path = data_dir / name
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            data_parse(data_dir=data_dir)
        except ImportFileError as error:
            assert error.message and error.path
            tried("importers: one mangled dataset file", "refused with ImportFileError")
        else:
            tried("importers: one mangled dataset file", "accepted")
    finally:
        path.write_text(FIXTURE_FILES[name], encoding="utf-8")


@FUZZ
@given(name=st.sampled_from(sorted(FIXTURE_FILES)), data=st.binary(max_size=200))
def test_binary_garbage_as_a_dataset_file_is_refused_with_an_import_file_error(
    data_dir: Path, name: str, data: bytes
) -> None:
    path = data_dir / name
    try:
        path.write_bytes(data)
        try:
            data_parse(data_dir=data_dir)
        except ImportFileError:
            tried("importers: binary garbage", "refused with ImportFileError")
        else:
            tried("importers: binary garbage", "accepted")
    finally:
        path.write_text(FIXTURE_FILES[name], encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Work log CSV import (upload bytes → header → guessed mapping → rows)


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


SAMPLE_CSV = _csv(
    [
        ["Date", "Platform", "Project", "Start", "End", "Minutes", "Units", "Pay", "Currency", "Status", "Notes"],
        ["2026-11-02", "Uber", "rides", "09:00", "11:30", "", "7", "58.20", "USD", "paid", "airport run"],
        ["11/03/2026", "DoorDash", "", "", "", "95", "", "$31.50", "usd", "pending", ""],
    ]
)
EXPORT_CSV = _csv([list(EXPORT_COLUMNS), ["2026-11-02", "Uber", "", "", "", "60", "", "12.00", "USD", "paid", "'=x"]])


def _import_csv(data: bytes, test: str) -> None:
    try:
        text = decode_upload(data)
    except CsvFormatError as error:  # a NUL character: no database column can hold it
        assert "NUL character" in error.message and error.line >= 1
        tried(test, "refused: a NUL, by line")
        return
    header, rows = read_rows(text)
    if not header or not any(header):
        tried(test, "refused: no header")
        return
    mapping = default_mapping(header=header, text=text)
    outcomes = Counter(type(row).__name__ for row in parse_rows(text, mapping=mapping))
    for kind in outcomes:
        assert kind in {ParsedRow.__name__, RowError.__name__}
    tried(test, "some rows refused with reasons" if outcomes[RowError.__name__] else "no row refused")


@FUZZ
@given(text=st.one_of(mutated(SAMPLE_CSV), mutated(EXPORT_CSV)))
def test_a_mangled_work_log_csv_gives_rows_or_row_errors(text: str) -> None:
    _import_csv(text.encode("utf-8", errors="surrogatepass"), "work log CSV: mangled files")


@FUZZ
@given(
    cells=st.lists(st.lists(TEXT, min_size=1, max_size=12), min_size=1, max_size=6),
    header=st.lists(
        st.sampled_from(["date", "platform", "minutes", "hours", "pay", "status", "notes", "x"]), min_size=1
    ),
)
def test_hostile_cells_in_a_work_log_csv_give_rows_or_row_errors(cells: list[list[str]], header: list[str]) -> None:
    _import_csv(_csv([header, *cells]).encode("utf-8", errors="surrogatepass"), "work log CSV: hostile cells")


@FUZZ
@given(data=st.binary(max_size=300))
def test_binary_garbage_as_a_work_log_csv_gives_rows_or_row_errors(data: bytes) -> None:
    _import_csv(data, "work log CSV: binary garbage")


# ---------------------------------------------------------------------------------------------
# Quiz answers


QUESTIONS = QuestionSet(
    items=parse_codebook(codebook_text()),
    practical=parse_practical(
        ROOT / "content/quiz/practical.yaml", (ROOT / "content/quiz/practical.yaml").read_text(encoding="utf-8")
    ),
)
ITEM_IDS = sorted(QUESTIONS.item_ids)
KEYS = st.one_of(st.sampled_from(ITEM_IDS + sorted(PRACTICAL)), TEXT)


@st.composite
def hostile_answers(draw: st.DrawFn) -> dict[str, Any]:
    """Mostly valid answers with some values, keys and types wrong."""
    answers: dict[str, Any] = {item: draw(st.integers(1, 5)) for item in ITEM_IDS} | dict(PRACTICAL)
    for _ in range(draw(st.integers(0, 4))):
        key = draw(KEYS)
        if draw(st.booleans()):
            answers.pop(key, None)
        else:
            answers[key] = draw(JSONISH)
    return answers


@FUZZ
@given(answers=st.one_of(hostile_answers(), st.dictionaries(KEYS, JSONISH, max_size=8)))
def test_hostile_quiz_answers_are_matched_or_refused_naming_the_field(answers: dict[str, Any]) -> None:
    parsed, errors = parse_answers(answers, QUESTIONS)
    if parsed is None:
        # each error names the offending key as sent (possibly ""), or a required question left out
        assert errors and all(
            error.message and (error.field in answers or error.field in PRACTICAL) for error in errors
        )
        tried("quiz answers: parser and matching", "refused naming the field")
    else:
        assert not errors
        outcome = match(parsed, [])
        assert len(outcome.matches) <= 3
        tried("quiz answers: parser and matching", "matched")


@FUZZ
@given(text=mutated((ROOT / "content/quiz/practical.yaml").read_text(encoding="utf-8")))
def test_a_mangled_practical_questions_file_is_refused_with_a_questions_error(text: str) -> None:
    try:
        parse_practical(Path("content/quiz/practical.yaml"), text)
    except QuestionsError as error:
        assert error.message
        tried("quiz questions file: mangled", "refused with QuestionsError")
    else:
        tried("quiz questions file: mangled", "accepted")


@pytest.fixture
def quiz_items(settings, tmp_path: Path) -> None:
    items = tmp_path / "openpsychometrics_riasec_markers_items"
    items.mkdir()
    (items / "codebook.txt").write_text(codebook_text(), encoding="utf-8")
    settings.CAREERMAP_DATA_DIR = tmp_path


@pytest.mark.django_db
@FUZZ
@given(body=st.one_of(st.builds(lambda a: {"answers": a}, hostile_answers()), JSONISH, st.text(max_size=80)))
def test_hostile_quiz_submissions_to_the_api_get_a_4xx_or_a_result_never_a_5xx(client, quiz_items, body: Any) -> None:
    from django.core.cache import cache

    cache.clear()  # the per-address rate limit is checked by its own test
    payload = body if isinstance(body, str) else json.dumps(body)
    response = client.post("/api/v1/quiz/matches", payload, content_type="application/json")
    assert response.status_code in {200, 400, 422}, response.content[:300]
    if response.status_code != 200:
        assert response.json()["detail"]
    tried("quiz answers: POST /api/v1/quiz/matches", f"HTTP {response.status_code}")


# YAML's own surprises, named so a regression reads clearly. PyYAML raises a plain ValueError (not a
# YAMLError) for a timestamp-shaped scalar that is no date; both parsers turn it into their own error.


@pytest.mark.parametrize(
    "value",
    ["NO", "yes", "~", "!!binary aGVsbG8=", "&a [*a]", "{a: 1}", "2026-13-45"],
)
def test_yaml_surprises_in_a_read_title_are_refused_with_a_content_error(value: str) -> None:
    text = read_text(front_matter()).replace("title: Test gig", f"title: {value}")
    with pytest.raises(ContentError):
        parse_read(Path("content/reads/fuzzed-read.md"), text)


@pytest.mark.parametrize("value", ["NO", "!!binary aGVsbG8=", "2026-13-45"])
def test_yaml_surprises_in_the_practical_questions_are_refused_with_a_questions_error(value: str) -> None:
    text = (ROOT / "content/quiz/practical.yaml").read_text(encoding="utf-8")
    with pytest.raises(QuestionsError):
        parse_practical(Path("content/quiz/practical.yaml"), f"when: {value}\n{text}")


@pytest.mark.parametrize(
    "text",
    ['date,notes\n2026-11-02,"unclosed note\n' + "2026-11-03,x\n" * 12_000, "date,notes\n2026-11-02," + "x" * 200_000],
)
def test_a_runaway_cell_in_a_work_log_csv_gives_a_row_error_not_a_crash(text: str) -> None:
    _import_csv(text.encode(), "work log CSV: runaway cells")


@FUZZ
@given(query=st.text(max_size=60))
def test_any_typed_place_gives_a_list_of_areas_never_an_error(query: str) -> None:
    from careermap.occupations.areas import area_rank

    class Place:
        def __init__(self, code: str, kind: str, name: str, fips: str, states: str) -> None:
            self.code, self.kind, self.name, self.state_fips, self.states = code, kind, name, fips, states

    places = [
        Place("4800000", "state", "Texas", "48", ""),
        Place("0012420", "metro", "Austin-Round Rock-San Marcos, TX", "48", "TX"),
        Place("0045220", "metro", "Texarkana, TX-AR", "48", "TX-AR"),
    ]
    found = area_rank(places, query, limit=5)
    assert len(found) <= 5 and all(place in places for place in found)
    tried("areas: typed place", "matched" if found else "no match")


# ---------------------------------------------------------------------------------------------
# Issue 20: what an outside attacker tried on the running site, as properties

_SEGMENTS = st.sampled_from(["..", ".", "", "css", "base.css", "js", "%2e%2e", "..%2f", "\\..", "~", "é", "a" * 300])


@pytest.mark.django_db
@FUZZ
@given(segments=st.lists(st.one_of(_SEGMENTS, st.text(max_size=12)), min_size=1, max_size=6))
def test_any_path_under_static_on_the_development_server_is_a_file_or_a_404(segments: list[str]) -> None:
    from django.test import override_settings

    from careermap.tests.test_headers import runserver_app

    path = "/static/" + "/".join(segments)
    with override_settings(DEBUG=True, WHITENOISE_USE_FINDERS=True, WHITENOISE_AUTOREFRESH=True):
        status = runserver_app()(path.encode("utf-8", "surrogatepass").decode("latin-1"))
    assert status in {200, 301, 304, 404}, (path, status)
    tried("development server: paths under /static/", f"HTTP {status}")


@pytest.mark.django_db
@FUZZ
@given(method=st.from_regex(r"\A[A-Z]{2,12}\Z"), index=st.integers(min_value=0))
def test_any_method_but_get_head_and_post_on_any_page_is_a_405(method: str, index: int) -> None:
    from django.test import Client

    from careermap.tests.test_headers import PAGES, VALUES

    route = PAGES[index % len(PAGES)]
    response = Client().generic(method, route.url(VALUES))
    if method in {"GET", "HEAD", "POST"}:
        assert response.status_code < 500
        tried("pages: any HTTP method", "GET, HEAD or POST: answered")
    else:
        assert response.status_code == 405, (method, route.route)
        tried("pages: any HTTP method", "refused with 405")


@FUZZ
@given(
    value=st.one_of(
        st.sampled_from(["1", "0", "true", "FALSE", " yes", "off ", "ture", "flase", "2", "none"]),
        st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=8),  # what an env holds
    )
)
def test_any_value_of_a_boolean_setting_is_read_as_one_or_stops_the_start(value: str) -> None:
    from django.core.exceptions import ImproperlyConfigured

    from careermap.settings import env_bool

    os.environ["CAREERMAP_FUZZ_FLAG"] = value
    try:
        result = env_bool("CAREERMAP_FUZZ_FLAG", True)
    except ImproperlyConfigured:
        assert value.strip().lower() not in {"1", "0", "true", "false", "yes", "no", "on", "off", ""}
        tried("settings: a boolean variable", "refused: not a boolean")
    else:
        word = value.strip().lower()
        assert result is (word in {"1", "true", "yes", "on", ""})
        tried("settings: a boolean variable", "read")
    finally:
        del os.environ["CAREERMAP_FUZZ_FLAG"]


@pytest.mark.django_db
@FUZZ
@given(
    spaces=st.text(alphabet=" \t\n\r\u00a0\u2003\u3000\x0b\x0c", min_size=1, max_size=40),
    extra=st.text(max_size=7).filter(lambda t: not any(c.isspace() for c in t)),
)
def test_a_password_that_is_mostly_whitespace_is_refused(spaces: str, extra: str) -> None:
    from django.contrib.auth import password_validation
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="mostly spaces"):
        password_validation.validate_password(spaces[: len(spaces) // 2] + extra + spaces[len(spaces) // 2 :])
    tried("passwords: whitespace and fewer than 8 other characters", "refused")


@st.composite
def address_variants(draw: st.DrawFn) -> tuple[str, str]:
    """An e-mail address, and the same address as someone else might type it (case changed)."""
    email = draw(st.emails(domains=st.sampled_from(["example.com", "Example.ORG", "xn--bcher-kva.example"])))
    flips = draw(st.lists(st.booleans(), min_size=len(email), max_size=len(email)))
    return email, "".join(c.swapcase() if flip else c for c, flip in zip(email, flips, strict=True))


_signups = iter(range(10**9))


@pytest.mark.django_db
@FUZZ
@given(pair=address_variants())
def test_sign_up_answers_the_same_whether_or_not_the_address_has_an_account(pair: tuple[str, str]) -> None:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from careermap.accounts.tests.factories import UserFactory

    cache.clear()  # the sign-up limits are tested on their own
    get_user_model().objects.all().delete()
    email, typed = pair
    password = "a long passphrase 2026"
    form = {"password1": password, "password2": password}
    fresh = Client(REMOTE_ADDR=f"10.{next(_signups) % 250}.0.1").post("/accounts/signup/", {"email": typed, **form})
    get_user_model().objects.all().delete()
    UserFactory(username=email.lower(), email=email.lower())
    taken = Client(REMOTE_ADDR="10.255.0.1").post("/accounts/signup/", {"email": typed, **form})
    seen = [(r.status_code, r.get("Location"), set(r.cookies)) for r in (fresh, taken)]
    assert seen[0] == seen[1], (email, typed, seen)
    assert fresh.status_code in {200, 302}
    tried(
        "sign-up: an address with and without an account", "same answer" if fresh.status_code == 302 else "same refusal"
    )


# ---------------------------------------------------------------------------------------------
# Issue 20: the work log's hostile inputs, as properties. Each goes through the pages and the API, so
# the PostgreSQL run (`bench/hostile.py --database postgres`) meets what SQLite lets through (a NUL).


def _worker(name: str) -> Any:
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from careermap.accounts.tests.factories import UserFactory

    cache.clear()  # the upload and restore limits have tests of their own
    get_user_model().objects.filter(username=f"{name}@example.com").delete()  # and all their log with them
    user = UserFactory(username=f"{name}@example.com")
    client = Client()
    client.force_login(user)
    return user, client


def _token_client(user: Any) -> Any:
    from django.test import Client

    from careermap.accounts.services import api_token_create

    _, raw = api_token_create(user=user, name="fuzz")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.mark.django_db
@FUZZ
@given(
    date=st.one_of(
        st.dates(),
        st.dates(min_value=dt.date(1999, 6, 1), max_value=dt.date.today() + dt.timedelta(days=900)),
        st.sampled_from([dt.date(1999, 12, 31), dt.date(2000, 1, 1), dt.date.max, dt.date.min]),
        st.builds(lambda days: dt.date.today() + dt.timedelta(days=days), st.sampled_from([364, 365, 366, 367])),
    ),
    where=st.sampled_from(["form", "api", "csv", "summary"]),
)
def test_any_date_is_taken_inside_the_range_and_refused_outside_it_on_every_path(date: Any, where: str) -> None:
    """Item 1: 2000-01-01 to a year from today on every path; a row outside it already in the database
    still draws on the summary."""
    from careermap.worklog import rules
    from careermap.worklog.models import Entry, Status

    user, client = _worker("dates")
    inside = rules.EARLIEST_DATE <= date <= rules.latest_date()
    if where == "form":
        form = {"platform": "Uber", "date": date.isoformat(), "duration": "1h", "pay_expected": "1", "currency": "USD"}
        response = client.post("/worklog/entries/add/", form | {"status": "pending"})
        assert response.status_code == (302 if inside else 200)
    elif where == "api":
        body = {"platform": "Uber", "date": date.isoformat(), "minutes": 60, "status": "pending"}
        response = _token_client(user).post("/api/v1/worklog/entries", body, content_type="application/json")
        assert response.status_code == (201 if inside else 422)
    elif where == "csv":
        text = f"date,platform,hours\n{date.isoformat()},Uber,1\n"
        rows = list(parse_rows(text, mapping=default_mapping(header=["date", "platform", "hours"], text=text)))
        assert isinstance(rows[0], ParsedRow if inside else RowError)
        tried("work log: any date", f"csv: {'taken' if inside else 'a row error'}")
        return
    else:
        Entry.objects.bulk_create([Entry(user=user, platform="Uber", date=date, minutes=60, status=Status.PAID)])
        assert client.get("/worklog/summary/").status_code == 200
        assert client.get("/worklog/").status_code == 200
        tried("work log: any date", "stored row drawn on the summary")
        return
    assert Entry.objects.filter(user=user).exists() is inside
    tried("work log: any date", f"{where}: {'taken' if inside else 'refused'}")


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]


@FUZZ
@given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=200), encoding=st.sampled_from(ENCODINGS))
def test_any_text_in_any_encoding_reads_back_or_is_refused_naming_a_nul(text: str, encoding: str) -> None:
    """Item 2: what a spreadsheet saves reads back as written; a NUL is refused with its line."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
        text = data.decode(encoding)
    try:
        decoded = decode_upload(data)
    except CsvFormatError as error:
        # A NUL in the text; or UTF-16 without a byte-order mark, not recognised (not mostly Latin letters)
        assert "\x00" in text or encoding in {"utf-16-le", "utf-16-be"}
        assert "NUL character" in error.message and error.line >= 1
        tried("work log CSV: any text in any encoding", "refused: a NUL, by line")
        return
    assert "\x00" not in decoded
    if encoding in {"utf-8", "utf-8-sig", "utf-16", "utf-32"} and not text.startswith("\ufeff"):
        assert decoded == text
        tried("work log CSV: any text in any encoding", "read back as written")
    else:  # no byte-order mark: the encoding is a guess
        tried("work log CSV: any text in any encoding", "read (encoding guessed)")


@pytest.mark.django_db
@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=300),
        st.builds(lambda t, e: t.encode(e, errors="replace"), mutated(SAMPLE_CSV), st.sampled_from(ENCODINGS)),
        st.builds(lambda n: (",".join(f"c{i}" for i in range(n)) + "\n1\n").encode(), st.integers(1, 400)),
        st.builds(lambda n: f"date,{'x' * n}\n".encode(), st.integers(150, 250)),
    )
)
def test_any_uploaded_file_is_kept_as_a_draft_or_refused_never_a_500(data: bytes) -> None:
    """Items 2 and 6: binary, UTF-16, NULs, 400 columns, long names: a draft (302) or a reason (422)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from careermap.worklog.models import ImportBatch

    user, client = _worker("uploads")
    response = client.post("/worklog/import/", {"file": SimpleUploadedFile("f.csv", data)})
    assert response.status_code in {302, 422}
    if response.status_code == 302:
        assert client.get(response["Location"]).status_code == 200
        assert len(ImportBatch.objects.get(user=user).header) <= 100
    tried(
        "work log CSV: any uploaded file", "kept as a draft" if response.status_code == 302 else "refused with a reason"
    )


EXPORT_DOCUMENT: dict[str, Any] = {
    "format": "careermap-worklog",
    "version": 2,
    "exported_at": "2026-11-25T10:00:00+00:00",
    "entries": [
        {
            "id": 1,
            "date": "2026-11-02",
            "platform": "Outlier",
            "task_type": "Rubrics",
            "start_time": "09:00",
            "end_time": "10:00",
            "minutes": 60,
            "units": None,
            "pay_expected": "20.00",
            "tips": "0.00",
            "miles": None,
            "currency": "USD",
            "status": "paid",
            "notes": "",
            "version": 1,
            "created_at": "2026-11-02T10:00:00+00:00",
            "updated_at": "2026-11-02T10:00:00+00:00",
        }
    ],
    "payments": [
        {
            "id": 7,
            "date": "2026-11-09",
            "platform": "Outlier",
            "amount": "20.00",
            "currency": "USD",
            "reference": "P-1",
            "version": 1,
            "matches": [{"entry": 1, "amount": "20.00"}],
        }
    ],
}


@st.composite
def hostile_restore_document(draw: st.DrawFn) -> Any:
    """The export with a few values (or branches) replaced or removed, or deep nesting, or anything."""
    kind = draw(st.sampled_from(["mutated", "mutated", "mutated", "deep", "anything"]))
    if kind == "deep":
        depth = draw(st.integers(1, 5000))
        return json.loads("[" * min(depth, 500) + "]" * min(depth, 500)) if depth <= 500 else "[" * depth + "]" * depth
    if kind == "anything":
        return draw(JSONISH)
    data = copy.deepcopy(EXPORT_DOCUMENT)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _leaves(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(
                st.one_of(JSONISH, st.integers(), st.sampled_from([2**64, -1, "9999-12-31", "x" * 10_001]))
            )
    return data


@pytest.mark.django_db
@FUZZ
@given(document=hostile_restore_document())
def test_any_restore_document_is_restored_or_refused_naming_the_place(document: Any) -> None:
    """Item 3: a malformed document is refused (422) with each problem's place, never a 500."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from careermap.worklog.models import Entry, Payment

    user, client = _worker("restores")
    body = document if isinstance(document, str) else json.dumps(document)
    response = client.post("/worklog/restore/", {"file": SimpleUploadedFile("log.json", body.encode())})
    assert response.status_code in {302, 422}, response.content[:300]
    if response.status_code == 422:  # all or nothing
        assert not Entry.objects.filter(user=user).exists() and not Payment.objects.filter(user=user).exists()
    tried("work log: restore a JSON document", "restored" if response.status_code == 302 else "refused with the place")


@pytest.mark.django_db
@FUZZ
@given(
    entry=st.tuples(st.sampled_from(["Outlier", "outlier", "Uber"]), st.sampled_from(["USD", "EUR"])),
    payment=st.tuples(st.sampled_from(["Outlier", "OUTLIER", "Uber"]), st.sampled_from(["USD", "EUR"])),
)
def test_a_restored_match_keeps_to_one_platform_and_one_currency(
    entry: tuple[str, str], payment: tuple[str, str]
) -> None:
    """Item 13: the restore applies the rule the match page and the API apply."""
    from django.core.exceptions import ValidationError

    from careermap.worklog import rules
    from careermap.worklog.services import worklog_json_restore

    user, _ = _worker("matches")
    document = copy.deepcopy(EXPORT_DOCUMENT)
    document["entries"][0].update(platform=entry[0], currency=entry[1])
    document["payments"][0].update(platform=payment[0], currency=payment[1])
    allowed = rules.matchable(
        platform=payment[0], currency=payment[1], other_platform=entry[0], other_currency=entry[1]
    )
    try:
        worklog_json_restore(user=user, document=document)
    except ValidationError as error:
        assert not allowed and error.messages == [f"payments[0].matches[0].entry: {rules.MATCH_RULE}"]
        tried("work log: restored matches", "refused: another platform or currency")
    else:
        assert allowed
        tried("work log: restored matches", "restored: same platform and currency")


@pytest.mark.django_db
@FUZZ
@given(values=st.lists(st.one_of(TEXT, st.integers().map(str), st.just(str(2**63))), min_size=1, max_size=4))
def test_any_ids_in_the_bulk_and_match_forms_are_refused_or_used_never_a_500(values: list[str]) -> None:
    """Item 4: ids are digits from 1 to 2⁶³ − 1; anything else is the form's error, never a database's."""
    from careermap.worklog.tests.factories import PaymentFactory

    user, client = _worker("ids")
    payment = PaymentFactory(user=user)
    bulk = client.post("/worklog/entries/bulk/", {"ids": values, "status": "paid"})
    match = client.post(f"/worklog/payments/{payment.pk}/match/", {"entries": values})
    assert bulk.status_code == 302 and match.status_code in {200, 302, 404}
    tried("work log: ids in the bulk and match forms", f"match form: HTTP {match.status_code}")


@pytest.mark.django_db
@FUZZ
@given(
    length=st.integers(0, 10_200),
    breaks=st.integers(0, 60),
    where=st.sampled_from(["form", "api", "csv", "restore"]),
)
def test_a_note_is_taken_up_to_10000_characters_on_every_path(length: int, breaks: int, where: str) -> None:
    """Item 7: one note limit on every path, counted once line breaks are one character."""
    from careermap.worklog import rules
    from careermap.worklog.models import Entry
    from careermap.worklog.services import import_batch_create, worklog_csv_import, worklog_json_restore

    user, client = _worker("notes")
    notes = "n" * (length // 2) + "\r\n" * breaks + "n" * (length - length // 2)  # a browser's line breaks
    stored = rules.clean_text(notes)
    taken = len(stored) <= rules.NOTES_MAX_LENGTH
    if where == "form":
        form = {"platform": "Uber", "date": "2026-11-02", "duration": "1h", "pay_expected": "1", "currency": "USD"}
        client.post("/worklog/entries/add/", form | {"status": "pending", "notes": notes})
    elif where == "api":
        body = {"platform": "Uber", "date": "2026-11-02", "minutes": 60, "status": "pending", "notes": stored}
        _token_client(user).post("/api/v1/worklog/entries", body, content_type="application/json")
    elif where == "csv":
        text = _csv([["date", "platform", "hours", "notes"], ["2026-11-02", "Uber", "1", notes]])
        worklog_csv_import(user=user, batch_id=import_batch_create(user=user, filename="n.csv", data=text.encode()).pk)
    else:
        document = copy.deepcopy(EXPORT_DOCUMENT) | {"payments": []}
        document["entries"][0]["notes"] = notes
        with contextlib.suppress(Exception):
            worklog_json_restore(user=user, document=document)
    assert Entry.objects.filter(user=user).exists() is taken, (where, len(stored))
    tried("work log: note length", f"{where}: {'taken' if taken else 'refused'}")


@pytest.mark.django_db
@FUZZ
@given(
    typed=st.one_of(
        TEXT, st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), min_size=3, max_size=3)
    )
)
def test_an_imports_default_currency_is_three_letters_like_every_currency(typed: str) -> None:
    """Item 13: the import mapping's default currency keeps the currency rule."""
    from careermap.worklog import rules
    from careermap.worklog.services import import_batch_create

    user, client = _worker("currencies")
    batch = import_batch_create(user=user, filename="t.csv", data=b"date,platform,hours\n2026-11-02,Uber,1\n")
    form = {"col_date": "0", "col_platform": "1", "col_hours": "2", "date_format": "iso", "pay_kind": "expected"}
    response = client.post(f"/worklog/import/{batch.pk}/", form | {"default_status": "paid", "default_currency": typed})
    try:
        code = rules.clean_currency(typed)
    except rules.RuleError:
        code = None
    if code is None or "\x00" in typed or len(typed.strip()) > 3:
        assert response.status_code == 200
        tried("work log: an import's default currency", "refused")
    else:
        assert response.status_code == 302
        batch.refresh_from_db()
        assert batch.mapping["default_currency"] == code
        tried("work log: an import's default currency", "taken")
