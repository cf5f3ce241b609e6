from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from careermap.content.models import ContentRelease, Read, ReadOccupation
from careermap.content.services import ContentLoadFailed, content_load
from careermap.content.tests.factories import front_matter, read_text, write_read

pytestmark = pytest.mark.django_db


def career_front() -> dict:
    return front_matter(
        title="Plumber",
        collection="careers",
        occupations=["47-2152.00", "47-2152.04"],
        durability={"scored": True, "basis": "Computed from the linked occupations."},
    )


def test_it_loads_every_read_with_its_filterable_fields(tmp_path: Path) -> None:
    write_read(tmp_path, "test-gig")
    write_read(tmp_path, "plumber", career_front())
    release = content_load(directory=tmp_path)
    assert release.read_count == 2
    plumber = Read.objects.get(slug="plumber")
    assert plumber.collection == "careers"
    assert plumber.durability_scored is True
    assert plumber.needs_licence is True
    assert list(plumber.occupation_links.values_list("onet_code", flat=True)) == ["47-2152.00", "47-2152.04"]
    assert plumber.html["editors_read"].startswith("<p>A fixture read")


def test_reloading_is_idempotent(tmp_path: Path) -> None:
    write_read(tmp_path, "plumber", career_front())
    content_load(directory=tmp_path)
    content_load(directory=tmp_path)
    assert Read.objects.count() == 1
    assert ReadOccupation.objects.count() == 2


def test_a_bad_file_leaves_the_previous_content_in_place(tmp_path: Path) -> None:
    write_read(tmp_path, "test-gig")
    content_load(directory=tmp_path)
    before = list(Read.objects.values_list("slug", "title"))

    write_read(tmp_path, "test-gig", front_matter(title="Changed title"))
    bad = write_read(tmp_path, "broken", front_matter(collection="careerz"))
    with pytest.raises(ContentLoadFailed) as caught:
        content_load(directory=tmp_path)
    assert str(caught.value).startswith(f"{bad}:")
    assert ": collection: " in str(caught.value)
    assert list(Read.objects.values_list("slug", "title")) == before
    assert ContentRelease.objects.count() == 1


def test_every_bad_file_is_reported_at_once(tmp_path: Path) -> None:
    write_read(tmp_path, "one", front_matter(title=""))
    write_read(tmp_path, "two", front_matter(next_review="2020-01-01"))
    with pytest.raises(ContentLoadFailed) as caught:
        content_load(directory=tmp_path)
    assert [Path(error.path).name for error in caught.value.errors] == ["one.md", "two.md"]


def test_a_file_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = write_read(tmp_path, "latin")
    path.write_bytes(read_text(front_matter(title="Caf\u00e9")).encode("latin-1"))
    with pytest.raises(ContentLoadFailed, match="not valid UTF-8"):
        content_load(directory=tmp_path)


def test_the_command_reports_path_line_field_and_keeps_old_content(tmp_path: Path) -> None:
    write_read(tmp_path, "test-gig")
    call_command("content_load", path=tmp_path)
    write_read(tmp_path, "test-gig", front_matter(interests=["X"]))
    with pytest.raises(CommandError) as caught:
        call_command("content_load", path=tmp_path)
    message = str(caught.value)
    assert "the previous content stays in place" in message
    assert "test-gig.md:" in message and ": interests.0: " in message
    assert Read.objects.filter(slug="test-gig").exists()


def test_content_check_validates_without_loading_and_warns_about_overdue_reads(tmp_path: Path, capsys) -> None:
    write_read(tmp_path, "test-gig")  # next review 2026-09-15
    with time_machine.travel(dt.date(2026, 9, 1)):
        call_command("content_check", path=tmp_path)
    out, err = capsys.readouterr()
    assert "1 reads valid; 0 overdue" in out
    with time_machine.travel(dt.date(2026, 9, 16)):
        call_command("content_check", path=tmp_path)  # a warning, not a failure
    out, err = capsys.readouterr()
    assert "1 reads valid; 1 overdue" in out
    assert "warning: test-gig is overdue for review" in err
    assert Read.objects.count() == 0


def test_the_shipped_content_is_valid() -> None:
    call_command("content_check")
