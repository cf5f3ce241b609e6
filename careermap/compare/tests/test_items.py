from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from careermap.compare.items import MAX_ITEMS, ItemKey, items_param, parse_items


def test_it_tells_codes_from_slugs_and_keeps_the_order() -> None:
    parsed = parse_items("registered-nurse, 15-1252.00,Food-Delivery")
    assert parsed.keys == [
        ItemKey("read", "registered-nurse"),
        ItemKey("occupation", "15-1252.00"),
        ItemKey("read", "food-delivery"),
    ]
    assert parsed.problems == []


def test_repeats_and_blanks_are_dropped() -> None:
    assert parse_items(["a,,a", " a ", "b"]).keys == [ItemKey("read", "a"), ItemKey("read", "b")]


def test_bad_items_are_named_and_left_out() -> None:
    parsed = parse_items("<script>,15-1252,ok")
    assert parsed.keys == [ItemKey("read", "ok")]
    assert parsed.problems[0].startswith("“<script>” is neither a read")
    assert parsed.problems[1] == "“15-1252” is not a full O*NET-SOC code: they look like 29-1141.00."


def test_at_most_three() -> None:
    parsed = parse_items("a,b,c,d")
    assert [k.key for k in parsed.keys] == ["a", "b", "c"]
    assert parsed.problems == [f"Compare takes at most {MAX_ITEMS} items; showing the first {MAX_ITEMS}."]


@given(st.lists(st.text(max_size=30), max_size=6))
def test_any_input_gives_at_most_three_well_formed_keys(parts: list[str]) -> None:
    parsed = parse_items(parts)
    assert len(parsed.keys) <= MAX_ITEMS
    assert parse_items(items_param(parsed.keys)).keys == parsed.keys  # the canonical URL reads back the same
