"""BLS Employment Projections 2024–34 and the code crosswalks: O*NET → NEM joins the projections;
SOC 2010 → 2018 is left in the context for the SOC 2010 sources (AIOE, Frey & Osborne)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from careermap.occupations import downloads, sources
from careermap.occupations.datasets.base import Context, DatasetRecord, Progress
from careermap.occupations.importers import bls, crosswalks

INFOS = (sources.BLS, sources.CROSSWALKS)
PARSER = bls
FILES = (bls.FILE, crosswalks.NEM_FILE, crosswalks.SOC_FILE)
DOWNLOADS = downloads.for_folder(sources.BLS.folder) + downloads.for_folder(sources.CROSSWALKS.folder)
STEPS = ("NEM crosswalk", "SOC 2010→2018 crosswalk", "BLS projections")


def parse(ctx: Context, step: Progress) -> None:
    codes = ctx.codes
    xw_dir = ctx.folder(sources.CROSSWALKS)
    rec_xw = DatasetRecord(sources.CROSSWALKS)
    nem_links = crosswalks.parse_nem_crosswalk(xw_dir / crosswalks.NEM_FILE)
    step("NEM crosswalk")
    soc_links = crosswalks.parse_soc_2010_2018(xw_dir / crosswalks.SOC_FILE)
    step("SOC 2010→2018 crosswalk")
    bls_dir = ctx.folder(sources.BLS)
    projection_rows = bls.parse_projections(bls_dir / bls.FILE)
    step("BLS projections")
    projections, rec_bls, nem_used = _join_projections(projection_rows, nem_links, codes=codes, path=bls_dir / bls.FILE)
    nem_ok = sum(1 for link in nem_links if link.onet_code in codes and link.nem_code in nem_used)
    rec_xw.add_file(xw_dir / crosswalks.NEM_FILE, rows_joined=nem_ok, rows_unmatched=len(nem_links) - nem_ok)
    socs_2018 = {code[:7] for code in codes}
    soc_ok = sum(1 for link in soc_links if link.soc_2018 in socs_2018)
    rec_xw.add_file(xw_dir / crosswalks.SOC_FILE, rows_joined=soc_ok, rows_unmatched=len(soc_links) - soc_ok)
    splits = Counter(link.soc_2010 for link in soc_links)
    merges = Counter(link.soc_2018 for link in soc_links)
    rec_xw.occupations_covered = len({link.onet_code for link in nem_links if link.onet_code in codes})
    rec_xw.join_notes = {
        "nem_crosswalk_rows_unmatched": [
            f"{link.onet_code} → {link.nem_code}"
            for link in nem_links
            if link.onet_code not in codes or link.nem_code not in nem_used
        ],
        "soc_2010_codes": len(splits),
        "soc_2010_codes_split": sum(1 for n in splits.values() if n > 1),
        "soc_2018_codes": len(merges),
        "soc_2018_codes_merged": sum(1 for n in merges.values() if n > 1),
        "soc_2018_codes_not_in_onet": sorted({link.soc_2018 for link in soc_links} - socs_2018),
    }
    ctx.nem_links, ctx.soc_links, ctx.projections = nem_links, soc_links, projections
    ctx.records += [rec_bls, rec_xw]


def _join_projections(
    rows: list[bls.ProjectionRow], links: list[crosswalks.NemLink], *, codes: set[str], path: Path
) -> tuple[dict[str, tuple[bls.ProjectionRow, str]], DatasetRecord, set[str]]:
    """O*NET code → NEM code (crosswalk) → Table 1.2 line item. Summary rows are aggregates: skipped."""
    line_items = {row.nem_code: row for row in rows if row.line_item}
    usable = [link for link in links if link.onet_code in codes and link.nem_code in line_items]
    sharing = Counter(link.nem_code for link in usable)
    projections: dict[str, tuple[bls.ProjectionRow, str]] = {
        link.onet_code: (line_items[link.nem_code], "direct" if sharing[link.nem_code] == 1 else "shared")
        for link in usable
    }
    used = set(sharing)
    unmatched_items = [row for row in line_items.values() if row.nem_code not in used]
    record = DatasetRecord(sources.BLS)
    record.add_file(path, rows_joined=len(used), rows_unmatched=len(unmatched_items))
    record.occupations_covered = len(projections)
    record.join_notes = {
        "summary_rows_skipped": sum(1 for row in rows if not row.line_item),
        "line_items": len(line_items),
        "occupations_by_join": dict(Counter(join for _, join in projections.values())),
        "nem_codes_shared_by_several_onet_codes": sum(1 for n in sharing.values() if n > 1),
        "unmatched": [
            {"code": row.nem_code, "title": row.title, "reason": "no O*NET occupation maps to it"}
            for row in unmatched_items
        ],
        "crosswalk_codes_not_in_table": sorted({link.nem_code for link in links} - set(line_items)),
        "occupations_without_projection": sorted(codes - set(projections)),
    }
    return projections, record, used
