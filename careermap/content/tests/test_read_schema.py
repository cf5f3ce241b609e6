from __future__ import annotations

from pathlib import Path

import pytest

from careermap.content.parsing import ContentError, parse_read
from careermap.content.tests.factories import BODY, DELETE, front_matter, read_text, start_cost


def parse(tmp_path: Path, text: str, slug: str = "test-gig"):
    path = tmp_path / f"{slug}.md"
    path.write_text(text, encoding="utf-8")
    return parse_read(path)


def error_for(tmp_path: Path, text: str) -> ContentError:
    with pytest.raises(ContentError) as caught:
        parse(tmp_path, text)
    return caught.value


def test_it_parses_a_complete_read_and_renders_its_prose(tmp_path: Path) -> None:
    parsed = parse(tmp_path, read_text(front_matter()))
    assert parsed.slug == "test-gig"
    assert parsed.front.quick_facts.first_dollar.band == "days"
    assert parsed.html["what_this_is"] == "<p>A <em>test</em> summary.</p>\n"
    assert "Keep a record." in parsed.html["before_you_commit"]


@pytest.mark.parametrize(
    "part",
    [
        "title",
        "description",
        "collection",
        "interests",
        "quick_facts",
        "what_this_is",
        "durability",
        "lenses",
        "sources",
        "reviewed",
        "next_review",
        "changelog",
    ],
)
def test_each_required_part_is_required(tmp_path: Path, part: str) -> None:
    error = error_for(tmp_path, read_text(front_matter(**{part: DELETE})))
    assert error.field == part
    assert "required" in error.message.lower()


@pytest.mark.parametrize(
    "nested",
    [
        "quick_facts__start_cost",
        "quick_facts__first_dollar__caveat",
        "quick_facts__requirements__min_age",
        "lenses__business",
        "what_this_is__headline",
    ],
)
def test_nested_parts_are_required_and_named_by_their_path(tmp_path: Path, nested: str) -> None:
    error = error_for(tmp_path, read_text(front_matter(**{nested: DELETE})))
    assert error.field == nested.replace("__", ".")


def test_unknown_fields_are_rejected_with_their_line(tmp_path: Path) -> None:
    text = read_text(front_matter(colection="careers"))
    error = error_for(tmp_path, text)
    assert error.field == "colection"
    assert "Extra inputs are not permitted" in error.message
    assert text.splitlines()[error.line - 1].startswith("colection:")


def test_a_bare_yaml_no_is_caught_not_coerced(tmp_path: Path) -> None:
    text = read_text(front_matter()).replace("verdict: Maybe", "verdict: No")
    error = error_for(tmp_path, text)
    assert error.field == "lenses.business.verdict"
    assert text.splitlines()[error.line - 1].strip() == "verdict: No"
    assert str(error).startswith(f"{tmp_path / 'test-gig.md'}:{error.line}: lenses.business.verdict: ")


def test_a_gig_cannot_carry_a_durability_score(tmp_path: Path) -> None:
    front = front_matter(durability={"scored": True, "basis": "data"}, occupations=["53-3054.00"])
    error = error_for(tmp_path, read_text(front))
    assert "GigWatch gig carries no durability score" in error.message


def test_an_unscored_read_must_say_why(tmp_path: Path) -> None:
    error = error_for(tmp_path, read_text(front_matter(durability={"scored": False})))
    assert error.field == "durability"
    assert "no_score_reason" in error.message


def test_an_editorial_score_needs_its_reason(tmp_path: Path) -> None:
    front = front_matter(
        collection="careers",
        occupations=["47-2111.00"],
        durability={"scored": True, "basis": "data", "editorial_score": 70},
    )
    assert "editorial_reason" in error_for(tmp_path, read_text(front)).message


def test_review_dates_must_be_in_order(tmp_path: Path) -> None:
    error = error_for(tmp_path, read_text(front_matter(next_review="2026-01-01")))
    assert "must come after reviewed" in error.message


def test_occupation_codes_must_be_onet_soc_codes(tmp_path: Path) -> None:
    error = error_for(tmp_path, read_text(front_matter(occupations=["47-2111"])))
    assert error.field == "occupations"
    assert "O*NET-SOC code" in error.message


def test_sources_need_a_real_url_kind_and_the_parts_they_back(tmp_path: Path) -> None:
    source = front_matter()["sources"][0]
    assert (
        error_for(tmp_path, read_text(front_matter(sources=[source | {"url": "javascript:alert(1)"}]))).field
        == "sources.0.url"
    )
    assert error_for(tmp_path, read_text(front_matter(sources=[source | {"kind": "blog"}]))).field == "sources.0.kind"
    assert error_for(tmp_path, read_text(front_matter(sources=[source | {"backs": []}]))).field == "sources.0.backs"


def test_a_start_cost_item_range_must_be_in_order(tmp_path: Path) -> None:
    cost = start_cost(500, 100)
    error = error_for(tmp_path, read_text(front_matter(quick_facts__start_cost=cost)))
    assert error.field == "quick_facts.start_cost.items.0.high_usd"


def test_the_start_cost_range_is_the_sum_of_the_required_items(tmp_path: Path) -> None:
    cost = start_cost(100, 300, "Tools")
    cost["items"] += [
        {"what": "A course", "low_usd": 1000, "high_usd": 2000, "required": True, "basis": "our estimate from fees"},
        {
            "what": "A van",
            "low_usd": 9000,
            "high_usd": 30000,
            "required": False,
            "basis": "our estimate from used-van ads",
        },
    ]
    facts = parse(tmp_path, read_text(front_matter(quick_facts__start_cost=cost))).front.quick_facts
    assert (facts.start_cost.min_usd, facts.start_cost.max_usd) == (1100, 2300)


def test_the_old_single_range_is_refused(tmp_path: Path) -> None:
    old = {"min_usd": 0, "max_usd": 500, "words": "A phone"}
    error = error_for(tmp_path, read_text(front_matter(quick_facts__start_cost=old)))
    assert error.field.startswith("quick_facts.start_cost")


@pytest.mark.parametrize("basis", ["https://example.com/not-a-source", "a guess", "our estimate from "])
def test_a_cost_item_names_one_of_the_reads_sources_or_says_it_is_our_estimate(tmp_path: Path, basis: str) -> None:
    cost = start_cost(0, 500)
    cost["items"][0]["basis"] = basis
    error = error_for(tmp_path, read_text(front_matter(quick_facts__start_cost=cost)))
    assert error.field == "quick_facts.start_cost.items.0.basis"
    assert "our estimate from" in error.message


def test_a_cost_item_may_cite_a_source_by_its_url(tmp_path: Path) -> None:
    cost = start_cost(0, 500)
    cost["items"][0]["basis"] = "https://www.bls.gov/ooh/"
    assert parse(tmp_path, read_text(front_matter(quick_facts__start_cost=cost))).front


def test_time_to_first_dollar_needs_a_basis(tmp_path: Path) -> None:
    error = error_for(tmp_path, read_text(front_matter(quick_facts__first_dollar__basis="soon")))
    assert error.field == "quick_facts.first_dollar.basis"
    missing = error_for(tmp_path, read_text(front_matter(quick_facts__first_dollar__basis=DELETE)))
    assert missing.field == "quick_facts.first_dollar.basis"


def test_a_required_licence_must_be_counted_or_its_exclusion_explained(tmp_path: Path) -> None:
    cost = start_cost(0, 500)
    del cost["excluded_reason"]
    error = error_for(tmp_path, read_text(front_matter(quick_facts__start_cost=cost)))
    assert error.field == "quick_facts.start_cost.items"
    assert "licence" in error.message and "excluded_reason" in error.message
    cost["items"].append(
        {"what": "Licence fee", "low_usd": 30, "high_usd": 90, "required": True, "basis": "our estimate from state fees",
         "covers": ["licence"]}
    )  # fmt: skip
    assert (
        parse(tmp_path, read_text(front_matter(quick_facts__start_cost=cost))).front.quick_facts.start_cost.max_usd
        == 590
    )


def test_a_required_degree_must_be_counted_or_its_exclusion_explained(tmp_path: Path) -> None:
    degree = {"level": "bachelor", "credential": "A degree", "required_by": "Employers"}
    cost = start_cost(0, 500)
    cost["items"].append(
        {"what": "Licence fee", "low_usd": 30, "high_usd": 90, "required": True, "basis": "our estimate from fees",
         "covers": ["licence"]}
    )  # fmt: skip
    del cost["excluded_reason"]
    front = front_matter(quick_facts__requirements__education=degree, quick_facts__start_cost=cost)
    error = error_for(tmp_path, read_text(front))
    assert "bachelor's degree" in error.message
    # an optional degree item does not count as covering it
    cost["items"].append(
        {"what": "Degree", "low_usd": 25000, "high_usd": 70000, "required": False, "basis": "our estimate from fees",
         "covers": ["education"]}
    )  # fmt: skip
    assert "bachelor's degree" in error_for(tmp_path, read_text(front)).message
    cost["items"][-1]["required"] = True
    assert parse(tmp_path, read_text(front)).front.quick_facts.start_cost.min_usd == 25030


@pytest.mark.parametrize(
    ("published", "ok"),
    [("2017", True), ("2023-05", True), ("2023-05-02", True), ("2023-13", False), ("May 2023", False), ("", False)],
)
def test_a_source_is_dated_to_the_precision_known(tmp_path: Path, published: str, ok: bool) -> None:
    source = front_matter()["sources"][0] | {"published": published}
    text = read_text(front_matter(sources=[source]))
    if ok:
        assert parse(tmp_path, text).front.sources[0].published == published
    else:
        assert error_for(tmp_path, text).field == "sources.0.published"


def test_a_source_without_a_published_date_is_refused(tmp_path: Path) -> None:
    source = dict(front_matter()["sources"][0])
    del source["published"]
    error = error_for(tmp_path, read_text(front_matter(sources=[source])))
    assert error.field == "sources.0.published"
    assert "required" in error.message.lower()


def test_an_undated_source_needs_a_reason(tmp_path: Path) -> None:
    source = front_matter()["sources"][0] | {"published": "undated"}
    error = error_for(tmp_path, read_text(front_matter(sources=[source])))
    assert error.field == "sources.0.published_note"
    source["published_note"] = "no date on the page"
    assert parse(tmp_path, read_text(front_matter(sources=[source]))).front.sources[0].published == "undated"


def test_a_source_cannot_be_published_after_we_checked_it(tmp_path: Path) -> None:
    source = front_matter()["sources"][0] | {"published": "2026-07", "accessed": "2026-06-15"}
    assert error_for(tmp_path, read_text(front_matter(sources=[source]))).field == "sources.0.published"


def test_the_old_source_date_field_is_refused(tmp_path: Path) -> None:
    source = front_matter()["sources"][0] | {"date": "2025-08-28"}
    error = error_for(tmp_path, read_text(front_matter(sources=[source])))
    assert error.field == "sources.0.date"
    assert "Extra inputs are not permitted" in error.message


def test_invalid_yaml_reports_its_line(tmp_path: Path) -> None:
    text = "---\ntitle: ok\ndescription: [unclosed\n---\n" + BODY
    error = error_for(tmp_path, text)
    assert error.field == "front matter"
    assert "invalid YAML" in error.message
    assert error.line >= 3


def test_missing_front_matter_is_reported(tmp_path: Path) -> None:
    assert error_for(tmp_path, "just text").message == "the file must start with a '---' line"
    assert error_for(tmp_path, "---\ntitle: x\n").message == "no closing '---' line"


def test_body_sections_are_required_in_order(tmp_path: Path) -> None:
    front = front_matter()
    assert (
        "missing section '## Before you commit'"
        in error_for(tmp_path, read_text(front, "## Editor's read\n\nText.\n")).message
    )
    swapped = "## Before you commit\n\nA.\n\n## Editor's read\n\nB.\n"
    error = error_for(tmp_path, read_text(front, swapped))
    assert 'expected "Editor\'s read"' in error.message
    assert read_text(front, swapped).splitlines()[error.line - 1] == "## Before you commit"


def test_raw_html_and_script_links_in_markdown_are_neutralised(tmp_path: Path) -> None:
    front = front_matter(
        what_this_is__summary='<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="a()">'
    )
    html = parse(tmp_path, read_text(front)).html["what_this_is"]
    assert "<script" not in html and "<img" not in html
    assert 'href="javascript' not in html
    assert "&lt;script&gt;" in html


def test_file_names_must_be_slugs(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        parse(tmp_path, read_text(front_matter()), slug="Bad_Name")
    assert caught.value.field == "slug"
