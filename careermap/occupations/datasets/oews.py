"""BLS Occupational Employment and Wage Statistics: May 2025 by area, and the May 2022–2024 national
files read beside it as a trend. Optional: without its folder the site shows no area pay and says so."""

from __future__ import annotations

from collections import Counter

from careermap.occupations import sources
from careermap.occupations.datasets.base import Context, DatasetRecord, Progress
from careermap.occupations.importers import oews as parser
from careermap.occupations.importers.base import ImportFileError

INFOS = (sources.OEWS, sources.OEWS_HISTORY)
PARSER = parser
FILES = (
    parser.AREAS_FILE,
    parser.NATIONAL_FILE,
    parser.STATE_FILE,
    parser.METRO_FILE,
    *parser.HISTORY_FILES.values(),
)
DOWNLOADS = ()
# Flattened from a packaged copy of BLS's flat files (the folder's PROVENANCE.md), not from one pinned URL.
NOT_DOWNLOADED = "built from a packaged copy of the BLS OEWS flat files; see the folder's PROVENANCE.md"
STEPS = ("OEWS May 2025", "OEWS May 2022–2024")


def parse(ctx: Context, step: Progress) -> None:
    """The 2022–2024 national files are read only beside May 2025, which they are a trend with."""
    folder = ctx.folder(sources.OEWS)
    if not folder.is_dir():
        step("OEWS May 2025")
        step("OEWS May 2022–2024")
        return
    path = folder / parser.AREAS_FILE
    areas = parser.parse_areas(path)
    area_codes = {a.code for a in areas}
    kinds = {a.kind for a in areas}
    if "national" not in kinds:
        raise ImportFileError(str(path), 0, f"no national area ({parser.NATIONAL_CODE})")
    files = ((parser.NATIONAL_FILE, "N"), (parser.STATE_FILE, "S"), (parser.METRO_FILE, "M"))
    by_file = {name: parser.parse_wages_2025(folder / name, area_type=t, areas=area_codes) for name, t in files}
    wages = [row for rows in by_file.values() for row in rows]
    national_2025 = {row.soc_code for row in by_file[parser.NATIONAL_FILE]}

    # O*NET code → the code OEWS publishes it under: its own SOC code, else the OEWS
    # aggregate its NEM code names (e.g. 31-1122.00 → 31-1120).
    nem = {link.onet_code: link.nem_code for link in ctx.nem_links}
    codes = ctx.codes
    per_soc = Counter(code[:7] for code in codes)
    links: dict[str, tuple[str, str]] = {}
    for code in sorted(codes):
        soc = code[:7]
        if soc in national_2025:
            links[code] = (soc, "direct" if per_soc[soc] == 1 else "shared")
        elif nem.get(code) in national_2025:
            links[code] = (nem[code], "broad_group")
    used = {soc for soc, _ in links.values()}

    record = DatasetRecord(sources.OEWS)
    record.add_file(path, rows_joined=len(areas))
    for name, rows in by_file.items():
        joined = sum(1 for row in rows if row.soc_code in used)
        record.add_file(folder / name, rows_joined=joined)
        record.files[name]["rows_detailed"] = len(rows)
        record.files[name]["rows_unmatched"] = len(rows) - joined
        record.rows_unmatched += len(rows) - joined
    record.occupations_covered = len(links)
    record.join_notes = {
        "release": "May 2025 (release 2025A01), published 2026-05-15",
        "areas": dict(Counter(a.kind for a in areas)),
        "rows_kept": "detailed occupations only; major, minor and broad group rows are read and skipped",
        "occupations_by_join": dict(Counter(join for _, join in links.values())),
        "oews_codes_without_onet_occupation": sorted(national_2025 - used),
        "occupations_without_oews_pay": sorted(codes - set(links)),
        "cells_top_coded": sum(row.notes.count(f":{parser.TOP_CODED}") for row in wages),
        "cells_not_released": sum(row.notes.count(f":{parser.NOT_RELEASED}") for row in wages),
    }
    step("OEWS May 2025")

    records = [record]
    history_dir = ctx.folder(sources.OEWS_HISTORY)
    if history_dir.is_dir():
        history = DatasetRecord(sources.OEWS_HISTORY)
        for year, name in parser.HISTORY_FILES.items():
            rows = parser.parse_national_history(history_dir / name, year=year)
            joined = sum(1 for row in rows if row.soc_code in used)
            history.add_file(history_dir / name, rows_joined=joined)
            history.files[name]["rows_detailed"] = len(rows)
            history.rows_unmatched += len(rows) - joined
            history.files[name]["rows_unmatched"] = len(rows) - joined
            wages.extend(rows)
        history.occupations_covered = len(links)
        history.join_notes = {"rows_kept": "detailed occupations only", "years": list(parser.HISTORY_FILES)}
        records.append(history)
    step("OEWS May 2022–2024")
    ctx.areas, ctx.wages, ctx.wage_links = areas, wages, links
    ctx.records += records
