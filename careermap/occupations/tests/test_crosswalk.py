"""Join rules for SOC-coded sources (pure functions; tiny hand-made rows, no files)."""

from __future__ import annotations

from careermap.occupations.crosswalk import join_soc_2010, join_soc_2018
from careermap.occupations.importers.base import ScoreRow
from careermap.occupations.importers.crosswalks import SocLink


def row(code: str, value: float, title: str = "x") -> ScoreRow:
    return ScoreRow(code=code, title=title, values={"m": value}, line=2)


def link(old: str, new: str, title: str = "x") -> SocLink:
    return SocLink(soc_2010=old, title_2010=title, soc_2018=new, title_2018="y")


LINKS = [
    link("11-1011", "11-1011"),  # unchanged
    link("11-9039", "11-9033"),  # recoded one-to-one
    link("13-1111", "13-1111"),  # split into two …
    link("13-1111", "13-1112"),
    link("15-1132", "15-1252"),  # … and a many-to-many
    link("15-1133", "15-1252"),
    link("21-1011", "21-1018"),  # merged, only one source has a value
    link("21-1014", "21-1018"),
    link("29-1061", "29-1211"),  # a broad group's members
    link("29-1062", "29-1215"),
    link("29-1141", "29-1141", "Registered Nurses (#)"),
]
ONET = [
    "11-1011.00",
    "11-1011.03",
    "11-9033.00",
    "13-1111.00",
    "13-1112.00",
    "15-1252.00",
    "21-1018.00",
    "29-1211.00",
    "29-1215.00",
    "29-1141.00",
    "29-1141.01",
]


def test_each_soc_2010_rule_is_applied_and_counted() -> None:
    rows = [
        row("11-1011", 0.1),
        row("11-9039", 0.2),
        row("13-1111", 0.3),
        row("15-1132", 0.4),
        row("15-1133", 0.6),
        row("21-1011", 0.7),
        row("29-1060", 0.8, "Physicians and surgeons"),
        row("29-1111", 0.9, "Registered nurses"),
        row("99-9999", 1.0, "Nothing like it"),
    ]
    joined, report = join_soc_2010(rows, links=LINKS, onet_codes=ONET)
    seen = {code: (score.join, score.values["m"], score.source_code) for code, score in joined.items()}
    assert seen == {
        "11-1011.00": ("direct", 0.1, "11-1011"),
        "11-1011.03": ("direct", 0.1, "11-1011"),  # shares the SOC code
        "11-9033.00": ("via_crosswalk", 0.2, "11-9039"),
        "13-1111.00": ("split", 0.3, "13-1111"),
        "13-1112.00": ("split", 0.3, "13-1111"),
        "15-1252.00": ("merged_averaged", 0.5, "15-1132, 15-1133"),
        "21-1018.00": ("merged_partial", 0.7, "21-1011"),
        "29-1211.00": ("broad_group", 0.8, "29-1060"),
        "29-1215.00": ("broad_group", 0.8, "29-1060"),
        "29-1141.00": ("title_match", 0.9, "29-1111"),
        "29-1141.01": ("title_match", 0.9, "29-1111"),
    }
    assert report.rows_read == 9
    assert report.rows_joined == 8
    assert report.rows_unmatched == 1
    assert report.unmatched[0]["code"] == "99-9999"
    assert report.soc_codes_by_join == {
        "direct": 1,
        "via_crosswalk": 1,
        "split": 2,
        "merged_averaged": 1,
        "merged_partial": 1,
        "broad_group": 2,
        "title_match": 1,
    }
    assert report.occupations_by_join["direct"] == 2
    assert report.details["merged_averaged"] == ["15-1252 ← mean of 15-1132, 15-1133"]
    assert report.details["split"] == ["13-1111 → 13-1111, 13-1112"]


def test_a_broad_group_does_not_override_a_member_with_its_own_value() -> None:
    rows = [row("29-1060", 0.8), row("29-1061", 0.1)]
    joined, report = join_soc_2010(rows, links=LINKS, onet_codes=ONET)
    assert joined["29-1211.00"].join == "via_crosswalk" and joined["29-1211.00"].values["m"] == 0.1
    assert joined["29-1215.00"].join == "broad_group" and joined["29-1215.00"].values["m"] == 0.8
    assert report.rows_unmatched == 0


def test_a_group_whose_members_all_have_values_is_unmatched_not_dropped() -> None:
    rows = [row("29-1060", 0.8), row("29-1061", 0.1), row("29-1062", 0.2)]
    _, report = join_soc_2010(rows, links=LINKS, onet_codes=ONET)
    assert [u["code"] for u in report.unmatched] == ["29-1060"]


def test_averages_do_not_show_float_noise() -> None:
    joined, _ = join_soc_2010([row("15-1132", 0.042), row("15-1133", 0.13)], links=LINKS, onet_codes=ONET)
    assert joined["15-1252.00"].values["m"] == 0.086


def test_soc_2018_rows_spread_to_every_onet_code_sharing_them() -> None:
    rows = [row("11-1011", 0.15), row("29-1210", 0.3), row("13-2020", 0.2)]
    joined, report = join_soc_2018(rows, onet_codes=ONET)
    assert {code: s.join for code, s in joined.items()} == {
        "11-1011.00": "direct",
        "11-1011.03": "direct",
        "29-1211.00": "broad_group",
        "29-1215.00": "broad_group",
    }
    assert (report.rows_read, report.rows_joined, report.rows_unmatched) == (3, 2, 1)
    assert report.unmatched[0]["code"] == "13-2020"
    assert report.details["soc_codes_shared_by_several_onet_codes"] == ["11-1011 → 11-1011.00, 11-1011.03"]
