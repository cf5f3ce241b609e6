from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from careermap.worklog import rules
from careermap.worklog.platforms import clean_platform, read_slug_for


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def test_minutes_come_from_start_and_end() -> None:
    assert rules.entry_minutes(start=t("09:00"), end=t("10:30"), minutes=None) == 90


def test_a_shift_past_midnight_counts_the_hours_after_it() -> None:
    assert rules.entry_minutes(start=t("22:00"), end=t("01:15"), minutes=None) == 195


def test_minutes_alone_are_accepted() -> None:
    assert rules.entry_minutes(start=None, end=None, minutes=45) == 45


@pytest.mark.parametrize(
    ("start", "end", "minutes", "field"),
    [
        (None, None, None, "minutes"),
        ("09:00", None, None, "end_time"),
        (None, "09:00", None, "start_time"),
        ("09:00", "09:00", None, "end_time"),
        ("09:00", "10:00", 30, "minutes"),
        (None, None, 1441, "minutes"),
        (None, None, -1, "minutes"),
    ],
)
def test_it_refuses_times_that_do_not_add_up(
    start: str | None, end: str | None, minutes: int | None, field: str
) -> None:
    with pytest.raises(rules.RuleError) as caught:
        rules.entry_minutes(start=t(start) if start else None, end=t(end) if end else None, minutes=minutes)
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("text", "amount"),
    [("12.5", "12.50"), ("$1,234.56", "1234.56"), (" 0 ", "0.00"), ("€7", "7.00"), ("1,000", "1000.00")],
)
def test_amounts_parse_to_decimals(text: str, amount: str) -> None:
    value = rules.parse_amount(text, field="pay_expected")
    assert value == Decimal(amount) and isinstance(value, Decimal) and str(value) == amount


@pytest.mark.parametrize("text", ["12,50", "abc", "-3", "1.005", "NaN", "Infinity", ""])
def test_it_refuses_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(rules.RuleError):
        rules.parse_amount(text, field="pay_expected")


def test_currency_codes_are_three_capital_letters() -> None:
    assert rules.clean_currency(" usd ") == "USD"
    with pytest.raises(rules.RuleError):
        rules.clean_currency("US$")


def test_known_platforms_get_one_spelling_and_unknown_ones_keep_theirs() -> None:
    assert clean_platform("  doordash ") == "DoorDash"
    assert clean_platform("mechanical   turk") == "Mechanical Turk"
    assert clean_platform("My  Local Bakery") == "My Local Bakery"


def test_platforms_map_to_the_read_about_that_work() -> None:
    assert read_slug_for("Outlier") == "ai-data-labeling"
    assert read_slug_for("uber eats") == "food-delivery"
    assert read_slug_for("My Local Bakery") is None


def test_text_uses_unix_line_breaks_and_no_outer_space() -> None:
    assert rules.clean_text("  a\r\nb\rc  ") == "a\nb\nc"
    with pytest.raises(rules.RuleError):
        rules.clean_text("a\x00b")
