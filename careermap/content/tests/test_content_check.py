"""content_check: each rule about dates and start costs, with a fixture that breaks it."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.core.management import CommandError, call_command

from careermap.content.tests.factories import front_matter, start_cost, write_read


def check(tmp_path: Path, front: dict[str, Any]) -> tuple[str, str]:
    write_read(tmp_path, "test-gig", front)
    out, err = io.StringIO(), io.StringIO()
    with time_machine.travel("2026-07-01"):
        call_command("content_check", path=tmp_path, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def refused(tmp_path: Path, front: dict[str, Any]) -> str:
    write_read(tmp_path, "test-gig", front)
    with pytest.raises(CommandError) as caught:
        call_command("content_check", path=tmp_path, stdout=io.StringIO(), stderr=io.StringIO())
    return str(caught.value)


def source(**fields: Any) -> dict[str, Any]:
    base = dict(front_matter()["sources"][0])
    base.pop("published", None)
    return base | fields


def test_a_good_read_passes_without_warnings(tmp_path: Path) -> None:
    out, err = check(tmp_path, front_matter())
    assert "1 reads valid" in out and "0 warnings" in out
    assert err == ""


def test_it_fails_where_a_source_has_no_published_date(tmp_path: Path) -> None:
    message = refused(tmp_path, front_matter(sources=[source()]))
    assert "test-gig.md:" in message and "sources.0.published: Field required" in message


def test_it_fails_where_an_undated_source_gives_no_reason(tmp_path: Path) -> None:
    message = refused(tmp_path, front_matter(sources=[source(published="undated")]))
    assert "sources.0.published_note: an undated source needs published_note saying why" in message


def test_it_accepts_an_undated_source_with_its_reason(tmp_path: Path) -> None:
    out, _ = check(tmp_path, front_matter(sources=[source(published="undated", published_note="no date on the page")]))
    assert "1 reads valid" in out


def test_it_warns_where_a_source_is_dated_on_the_reads_review_day(tmp_path: Path) -> None:
    out, err = check(tmp_path, front_matter(sources=[source(published="2026-06-15")]))  # reviewed: 2026-06-15
    assert "1 reads valid" in out and "1 warnings" in out
    assert (
        "warning: test-gig: source 1 (https://www.bls.gov/ooh/) says it was published on the read's review day" in err
    )


def test_it_warns_where_the_next_review_has_passed(tmp_path: Path) -> None:
    write_read(tmp_path, "test-gig", front_matter())
    err = io.StringIO()
    with time_machine.travel("2026-09-16"):
        call_command("content_check", path=tmp_path, stdout=io.StringIO(), stderr=err)
    assert "warning: test-gig is overdue for review (next review was 2026-09-15)" in err.getvalue()


def test_it_fails_where_the_old_date_field_is_still_used(tmp_path: Path) -> None:
    message = refused(tmp_path, front_matter(sources=[source(published="2025", date="2025-08-28")]))
    assert "sources.0.date: Extra inputs are not permitted" in message


def test_it_fails_where_a_cost_item_has_no_basis(tmp_path: Path) -> None:
    cost = start_cost(0, 500)
    cost["items"][0]["basis"] = "what phones cost"
    message = refused(tmp_path, front_matter(quick_facts__start_cost=cost))
    assert "quick_facts.start_cost.items.0.basis" in message


def test_it_fails_where_a_required_credential_is_neither_counted_nor_explained(tmp_path: Path) -> None:
    cost = start_cost(0, 500)
    del cost["excluded_reason"]
    message = refused(tmp_path, front_matter(quick_facts__start_cost=cost))
    assert "quick_facts.start_cost.items: the licence this read requires is not a required item" in message


def test_it_fails_where_time_to_first_dollar_has_no_basis(tmp_path: Path) -> None:
    message = refused(tmp_path, front_matter(quick_facts__first_dollar__basis="about a week"))
    assert "quick_facts.first_dollar.basis" in message
