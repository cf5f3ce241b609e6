"""Occupation-code crosswalks: O*NET-SOC → BLS NEM, and SOC 2010 → SOC 2018."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from careermap.occupations.importers.base import read_rows

NEM_FILE = "bls_nem_onet_soc_to_nem_crosswalk_2023-09-06.csv"
SOC_FILE = "bls_soc2010_to_soc2018_crosswalk.csv"


@dataclasses.dataclass(frozen=True, slots=True)
class NemLink:
    onet_code: str
    nem_code: str
    nem_title: str


@dataclasses.dataclass(frozen=True, slots=True)
class SocLink:
    soc_2010: str
    title_2010: str
    soc_2018: str
    title_2018: str


def parse_nem_crosswalk(path: Path) -> list[NemLink]:
    columns = ["O*NET-SOC Code", "NEM Code", "National Employment Matrix Occupational Title"]
    links: list[NemLink] = []
    seen: set[str] = set()
    for row in read_rows(path, required=columns):
        code = row.onet_code()
        if code in seen:
            raise row.error(f"O*NET-SOC Code: {code} appears twice")
        seen.add(code)
        links.append(NemLink(code, row.soc_code("NEM Code"), row.text("National Employment Matrix Occupational Title")))
    return links


def parse_soc_2010_2018(path: Path) -> list[SocLink]:
    columns = ["2010 SOC Code", "2010 SOC Title", "2018 SOC Code", "2018 SOC Title"]
    links: list[SocLink] = []
    seen: set[tuple[str, str]] = set()
    for row in read_rows(path, required=columns):
        link = SocLink(
            soc_2010=row.soc_code("2010 SOC Code"),
            title_2010=row.text("2010 SOC Title"),
            soc_2018=row.soc_code("2018 SOC Code"),
            title_2018=row.text("2018 SOC Title"),
        )
        if (link.soc_2010, link.soc_2018) in seen:
            raise row.error(f"pair {link.soc_2010} → {link.soc_2018} appears twice")
        seen.add((link.soc_2010, link.soc_2018))
        links.append(link)
    return links
