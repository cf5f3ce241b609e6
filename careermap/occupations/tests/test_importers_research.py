"""BLS, crosswalk and AI-exposure parsers on tiny hand-made fixture files written into tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest

from careermap.occupations.importers import aioe, bls, crosswalks, frey_osborne, gpts, microsoft
from careermap.occupations.importers.base import ImportFileError
from careermap.occupations.tests.datafiles import BLS_HEADER, bls_row, csv_text, files


def write(tmp_path: Path, relative: str, text: str | None = None) -> Path:
    path = tmp_path / Path(relative).name
    path.write_text(files()[relative] if text is None else text, encoding="utf-8")
    return path


BLS_FILE = "bls_employment_projections_2024_34/table_1_2_occupational_projections_2024_34.csv"


def test_it_parses_projections_with_top_coded_and_missing_wages(tmp_path: Path) -> None:
    rows = {r.nem_code: r for r in bls.parse_projections(write(tmp_path, BLS_FILE))}
    assert not rows["00-0000"].line_item
    chief = rows["11-1011"]
    assert chief.title == "Chief executives"
    assert (chief.median_wage, chief.median_wage_is_floor) == (239200, True)
    assert (rows["15-1252"].median_wage, rows["15-1252"].median_wage_is_floor) == (133080, False)
    assert rows["27-2023"].median_wage is None
    assert rows["27-2023"].change_percent == -1.5
    assert rows["27-2023"].typical_entry_education == ""  # "—" means not available


def test_it_rejects_projections_from_another_edition(tmp_path: Path) -> None:
    header = [name.replace("2024–34", "2023–33") for name in BLS_HEADER]
    path = write(tmp_path, BLS_FILE, csv_text(header, [bls_row("Chief executives", "11-1011", "Line item", "1")]))
    with pytest.raises(ImportFileError) as error:
        bls.parse_projections(path)
    assert error.value.line == 1
    assert "missing column(s) ['Employment change, numeric, 2024–34'" in error.value.message


def test_it_rejects_a_wage_that_is_not_dollars(tmp_path: Path) -> None:
    text = csv_text(
        BLS_HEADER, [bls_row("A", "11-1011", "Line item", "1"), bls_row("B", "11-1021", "Line item", "lots")]
    )
    with pytest.raises(
        ImportFileError, match=r":3: Median annual wage, dollars, 2024\[1\]: 'lots' is not a dollar amount"
    ):
        bls.parse_projections(write(tmp_path, BLS_FILE, text))


def test_it_rejects_an_employment_figure_that_is_not_a_number(tmp_path: Path) -> None:
    row = bls_row("A", "11-1011", "Line item", "1")
    row[3] = "3O9.4"
    with pytest.raises(ImportFileError, match=":2: Employment, 2024: '3O9.4' is not a number"):
        bls.parse_projections(write(tmp_path, BLS_FILE, csv_text(BLS_HEADER, [row])))


def test_it_parses_both_crosswalks(tmp_path: Path) -> None:
    nem = crosswalks.parse_nem_crosswalk(
        write(tmp_path, "soc_crosswalks/bls_nem_onet_soc_to_nem_crosswalk_2023-09-06.csv")
    )
    assert nem[1] == crosswalks.NemLink("11-1011.03", "11-1011", "Chief executives")
    soc = crosswalks.parse_soc_2010_2018(write(tmp_path, "soc_crosswalks/bls_soc2010_to_soc2018_crosswalk.csv"))
    assert len(soc) == 6
    assert soc[1].soc_2010 == "15-1132" and soc[1].soc_2018 == "15-1252"


def test_it_rejects_a_crosswalk_row_with_a_bad_soc_code(tmp_path: Path) -> None:
    text = csv_text(
        ["2010 SOC Code", "2010 SOC Title", "2018 SOC Code", "2018 SOC Title"], [["11-1011", "A", "111011", "A"]]
    )
    path = write(tmp_path, "soc_crosswalks/bls_soc2010_to_soc2018_crosswalk.csv", text)
    with pytest.raises(ImportFileError) as error:
        crosswalks.parse_soc_2010_2018(path)
    assert str(error.value) == f"{path}:2: 2018 SOC Code: '111011' is not a SOC code like 11-1011"


def test_it_parses_gpts_occupation_scores_and_task_labels(tmp_path: Path) -> None:
    rows = gpts.parse_occ_level(write(tmp_path, "gpts_are_gpts/occ_level.csv"))
    assert rows[0].code == "11-1011.00"
    assert rows[0].values["dv_rating_gamma"] == 0.8200000000000001
    assert rows[0].values["human_rating_alpha"] == 0.18
    labels = gpts.parse_task_labels(write(tmp_path, "gpts_are_gpts/full_labelset.tsv"))
    assert labels[0] == gpts.TaskLabel("11-1011.00", 8823, "Direct financial activities.", "E0", "E2", "E2", "T2")


def test_it_rejects_a_share_above_one(tmp_path: Path) -> None:
    text = files()["gpts_are_gpts/occ_level.csv"].replace("0.79", "1.79")
    with pytest.raises(ImportFileError, match=":3: dv_rating_alpha: 1.79 is above 1"):
        gpts.parse_occ_level(write(tmp_path, "gpts_are_gpts/occ_level.csv", text))


def test_it_rejects_an_unknown_exposure_label(tmp_path: Path) -> None:
    text = files()["gpts_are_gpts/full_labelset.tsv"].replace("\tE1\tE1\tE1\t", "\tE1\tE3\tE1\t")
    with pytest.raises(ImportFileError, match=r":3: gpt4_exposure: 'E3' is not one of \['E0', 'E1', 'E2'\]"):
        gpts.parse_task_labels(write(tmp_path, "gpts_are_gpts/full_labelset.tsv", text))


@pytest.mark.parametrize("key", ["aioe", "lm_aioe", "ig_aioe"])
def test_it_parses_each_aioe_file(tmp_path: Path, key: str) -> None:
    name = aioe.FILES[key][0]
    rows = aioe.parse_aioe(write(tmp_path, f"aioe_felten_raj_seamans/{name}"), key=key)
    assert [r.code for r in rows] == ["11-1011", "15-1132", "15-1133", "29-1141", "19-9999"]
    assert set(rows[0].values) == {key}


def test_it_rejects_the_wrong_aioe_file_for_a_measure(tmp_path: Path) -> None:
    path = write(tmp_path, "aioe_felten_raj_seamans/appendix_a_aioe_by_occupation.csv")
    with pytest.raises(ImportFileError, match=r":1: missing column\(s\) \['Language Modeling AIOE'\]"):
        aioe.parse_aioe(path, key="lm_aioe")


def test_it_parses_microsoft_scores_and_rejects_an_onet_code_there(tmp_path: Path) -> None:
    rows = microsoft.parse_applicability(write(tmp_path, "microsoft_working_with_ai/soc_ai_applicability_scores.csv"))
    assert rows[0].values == {"ai_applicability_score": 0.155502898114603}
    text = csv_text(["SOC Code", "title", "ai_applicability_score"], [["11-1011.00", "Chief Executives", 0.1]])
    path = write(tmp_path, "microsoft_working_with_ai/soc_ai_applicability_scores.csv", text)
    with pytest.raises(ImportFileError, match=":2: SOC Code: '11-1011.00' is not a SOC code"):
        microsoft.parse_applicability(path)


def test_it_parses_frey_osborne_and_rejects_a_probability_above_one(tmp_path: Path) -> None:
    relative = "frey_osborne_2013/frey_osborne_automation_probability_soc2010.csv"
    rows = frey_osborne.parse_probabilities(write(tmp_path, relative))
    assert rows[1].code == "29-1111" and rows[1].values == {"fo_probability": 0.009}
    text = files()[relative].replace("0.13", "13")
    with pytest.raises(ImportFileError, match=":5: Probability: 13 is above 1"):
        frey_osborne.parse_probabilities(write(tmp_path, relative, text))


def test_it_rejects_a_broken_quote(tmp_path: Path) -> None:
    text = files()["frey_osborne_2013/frey_osborne_automation_probability_soc2010.csv"] + '6,0.2,,11-2011,"unclosed\n'
    with pytest.raises(ImportFileError) as error:
        frey_osborne.parse_probabilities(write(tmp_path, "frey_osborne_2013/x.csv", text))
    assert error.value.line == 7
