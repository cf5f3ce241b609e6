"""The map covers the ways most people earn: the largest occupations each have a read, and the collections
have the size issue #15 promised (>= 75 reads, >= 20 GigWatch gigs, >= 45 careers, >= 10 own-business paths)."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from careermap.content.services import content_parse_all
from careermap.tests.realdata import real_data_path

READS = content_parse_all(directory=settings.CAREERMAP_CONTENT_DIR)
PROJECTIONS = ("bls_employment_projections_2024_34", "table_1_2_occupational_projections_2024_34.csv")
CROSSWALK = ("soc_crosswalks", "bls_nem_onet_soc_to_nem_crosswalk_2023-09-06.csv")


def test_each_collection_has_its_promised_size() -> None:
    counts = Counter(read.front.collection for read in READS)
    assert len(READS) >= 75
    assert counts["gigwatch"] >= 20
    assert counts["careers"] >= 45
    assert counts["own-business"] >= 10


def largest_occupations(path: Path, how_many: int) -> list[tuple[str, str]]:
    """The `how_many` detailed occupations (line items) with the most 2024 employment: (NEM code, title)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["Occupation type"].strip() == "Line item"]
    rows.sort(key=lambda row: -float(row["Employment, 2024"].replace(",", "")))
    return [
        (row["2024 National Employment Matrix code"], row["2024 National Employment Matrix title"].strip())
        for row in rows[:how_many]
    ]


def nem_codes_of(path: Path) -> dict[str, str]:
    """BLS's own crosswalk: each O*NET-SOC code (25-9042.00) to its NEM code (25-9045)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["O*NET-SOC Code"]: row["NEM Code"] for row in csv.DictReader(handle)}


@pytest.mark.realdata
def test_the_25_largest_occupations_each_have_a_read() -> None:
    projections, crosswalk = real_data_path(*PROJECTIONS), real_data_path(*CROSSWALK)
    nem_of = nem_codes_of(crosswalk)
    covered = {nem_of.get(code) for read in READS for code in read.front.occupations}
    missing = [f"{code} {title}" for code, title in largest_occupations(projections, 25) if code not in covered]
    assert missing == []
