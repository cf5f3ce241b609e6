"""Join research tables keyed by SOC codes onto O*NET-SOC 2019 occupations. Pure functions.

The rules (also in docs/data-sources.md):

* A SOC 2018 detailed code applies to every O*NET-SOC code whose first 7 characters are
  that code (11-1011 → 11-1011.00 and 11-1011.03): the source scored the SOC occupation.
  A SOC 2018 broad-group code (ending in 0, e.g. 13-1020) applies to the O*NET codes under
  the group whose SOC code has no value of its own (`broad_group`).
* SOC 2010 codes go through the BLS 2010→2018 crosswalk:
  - `direct`: the code is unchanged and maps one-to-one.
  - `via_crosswalk`: one-to-one, but the code changed.
  - `split`: the 2010 occupation was split into several 2018 occupations; each part
    inherits the 2010 value.
  - `merged_partial`: several 2010 occupations merged into this 2018 one and only one of
    them has a value; that value is used.
  - `merged_averaged`: several of the merged 2010 occupations have a value; the plain
    (unweighted) mean is stored and every source code is recorded.
  - `broad_group`: the source scored a SOC 2010 broad or minor group (a code ending in 0,
    e.g. 29-1060 Physicians and surgeons); it is applied to the group's detailed 2010
    codes that have no value of their own, then crosswalked.
  - `title_match`: the code is not a SOC 2010 code (e.g. an OES-era 29-1111) but its
    title equals one 2010 title exactly (case-insensitive); that 2010 code is used.
  - Anything else is unmatched: counted and listed with the reason, never dropped silently.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from careermap.occupations.importers.base import ScoreRow
from careermap.occupations.importers.crosswalks import SocLink

# How specific a route into a 2010 code is: a row's own code beats a title match beats a
# broad group (and a narrower group beats a wider one, by prefix length).
OWN, TITLE = 100, 50


@dataclasses.dataclass(frozen=True, slots=True)
class JoinedScore:
    values: dict[str, float]
    join: str
    source_code: str  # the code(s) as published, comma-separated when averaged


@dataclasses.dataclass
class JoinReport:
    rows_read: int = 0
    rows_joined: int = 0
    unmatched: list[dict[str, str]] = dataclasses.field(default_factory=list)
    soc_codes_by_join: Counter[str] = dataclasses.field(default_factory=Counter)
    occupations_by_join: Counter[str] = dataclasses.field(default_factory=Counter)
    details: dict[str, list[str]] = dataclasses.field(default_factory=dict)

    @property
    def rows_unmatched(self) -> int:
        return len(self.unmatched)

    def as_notes(self) -> dict[str, object]:
        return {
            "soc_codes_by_join": dict(sorted(self.soc_codes_by_join.items())),
            "occupations_by_join": dict(sorted(self.occupations_by_join.items())),
            "unmatched": self.unmatched,
            **self.details,
        }


def onet_codes_by_soc(onet_codes: Iterable[str]) -> dict[str, list[str]]:
    by_soc: dict[str, list[str]] = defaultdict(list)
    for code in sorted(onet_codes):
        by_soc[code[:7]].append(code)
    return dict(by_soc)


def _spread(
    by_soc_2018: dict[str, JoinedScore], onet_codes: Iterable[str], report: JoinReport
) -> dict[str, JoinedScore]:
    joined: dict[str, JoinedScore] = {}
    for code in sorted(onet_codes):
        score = by_soc_2018.get(code[:7])
        if score is not None:
            joined[code] = score
            report.occupations_by_join[score.join] += 1
    return joined


def join_soc_2018(rows: Sequence[ScoreRow], *, onet_codes: Iterable[str]) -> tuple[dict[str, JoinedScore], JoinReport]:
    """Rows keyed by SOC 2018 detailed codes → every O*NET code sharing the code."""
    onet_codes = list(onet_codes)
    socs = onet_codes_by_soc(onet_codes)
    report = JoinReport(rows_read=len(rows))
    by_soc: dict[str, JoinedScore] = {}
    scored = {row.code for row in rows}
    groups: list[str] = []
    for row in rows:
        if row.code in socs:
            by_soc[row.code] = JoinedScore(values=row.values, join="direct", source_code=row.code)
            report.rows_joined += 1
            report.soc_codes_by_join["direct"] += 1
            continue
        prefix = _group_prefix(row.code)
        members = [] if prefix is None else sorted(s for s in socs if s.startswith(prefix) and s not in scored)
        if members:
            for member in members:
                by_soc[member] = JoinedScore(values=row.values, join="broad_group", source_code=row.code)
                report.soc_codes_by_join["broad_group"] += 1
                groups.append(f"{row.code} → {member}")
            report.rows_joined += 1
        else:
            report.unmatched.append(
                {"code": row.code, "title": row.title, "reason": "no O*NET 29.3 occupation has this SOC 2018 code"}
            )
    report.details["broad_group"] = groups
    shared = sorted(soc for soc, codes in socs.items() if len(codes) > 1 and soc in by_soc)
    report.details["soc_codes_shared_by_several_onet_codes"] = [f"{soc} → {', '.join(socs[soc])}" for soc in shared]
    return _spread(by_soc, onet_codes, report), report


def _clean_title(title: str) -> str:
    return re.sub(r"\s*\(#+\)\s*$", "", title).strip().casefold()


def _group_prefix(code: str) -> str | None:
    """'29-1060' → '29-106', '25-1000' → '25-1'; None for a detailed code."""
    if not code.endswith("0"):
        return None
    major, minor = code.split("-")
    return f"{major}-{minor.rstrip('0')}" if minor.rstrip("0") else None


def join_soc_2010(
    rows: Sequence[ScoreRow], *, links: Sequence[SocLink], onet_codes: Iterable[str]
) -> tuple[dict[str, JoinedScore], JoinReport]:
    """Rows keyed by SOC 2010 codes → SOC 2018 through the crosswalk → O*NET codes."""
    onet_codes = list(onet_codes)
    socs_2018 = set(onet_codes_by_soc(onet_codes))
    forward: dict[str, set[str]] = defaultdict(set)
    backward: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, set[str]] = defaultdict(set)
    for link in links:
        forward[link.soc_2010].add(link.soc_2018)
        backward[link.soc_2018].add(link.soc_2010)
        titles[_clean_title(link.title_2010)].add(link.soc_2010)
    report = JoinReport(rows_read=len(rows))
    scored = {row.code for row in rows}

    # 1. Which row supplies each SOC 2010 code, and by what route.
    cover: dict[str, tuple[int, ScoreRow, str]] = {}

    def offer(code_2010: str, specificity: int, row: ScoreRow, via: str) -> None:
        if code_2010 not in cover or specificity > cover[code_2010][0]:
            cover[code_2010] = (specificity, row, via)

    for row in rows:
        if row.code in forward:
            offer(row.code, OWN, row, "crosswalk")
            continue
        prefix = _group_prefix(row.code)
        if prefix is not None:
            members = sorted(c for c in forward if c.startswith(prefix) and c not in scored)
            if members:
                for member in members:
                    offer(member, len(prefix), row, "broad_group")
                continue
            reason = f"SOC 2010 group {row.code}: every detailed code under it has its own value, or none exists"
        else:
            matches = sorted(c for c in titles.get(_clean_title(row.title), ()) if c not in scored)
            if len(matches) == 1:
                offer(matches[0], TITLE, row, "title_match")
                continue
            reason = "not a SOC 2010 code, and its title matches no unscored SOC 2010 title exactly"
        report.unmatched.append({"code": row.code, "title": row.title, "reason": reason})

    # 2. Each SOC 2018 code takes the value(s) of its 2010 predecessors.
    by_soc: dict[str, JoinedScore] = {}
    used: set[str] = set()
    merged: list[str] = []
    for soc_2018 in sorted(backward):
        sources = [(c, cover[c][1], cover[c][2]) for c in sorted(backward[soc_2018]) if c in cover]
        if not sources or soc_2018 not in socs_2018:
            continue
        distinct = {row.code: row for _, row, _ in sources}
        if len(distinct) == 1:
            code_2010, row, via = sources[0]
            if via in ("broad_group", "title_match"):
                join = via
            elif len(forward[code_2010]) > 1:
                join = "split"
            elif len(backward[soc_2018]) > 1:
                join = "merged_partial"
            elif code_2010 != soc_2018:
                join = "via_crosswalk"
            else:
                join = "direct"
            by_soc[soc_2018] = JoinedScore(values=row.values, join=join, source_code=row.code)
        else:
            keys = next(iter(distinct.values())).values.keys()
            # Rounded to 12 significant digits so that float noise (0.08600000000000001) is not shown.
            values = {
                key: float(f"{sum(r.values[key] for r in distinct.values()) / len(distinct):.12g}") for key in keys
            }
            source = ", ".join(sorted(distinct))
            by_soc[soc_2018] = JoinedScore(values=values, join="merged_averaged", source_code=source)
            merged.append(f"{soc_2018} ← mean of {source}")
        used.update(distinct)
        report.soc_codes_by_join[by_soc[soc_2018].join] += 1
    report.rows_joined = len(used)
    for row in rows:
        if row.code not in used and not any(u["code"] == row.code for u in report.unmatched):
            report.unmatched.append(
                {"code": row.code, "title": row.title, "reason": "its SOC 2018 successor has no O*NET 29.3 occupation"}
            )
    report.details["merged_averaged"] = merged
    report.details["split"] = sorted(
        f"{c} → {', '.join(sorted(forward[c]))}"
        for c, (_, _, via) in cover.items()
        if via == "crosswalk" and len(forward[c]) > 1
    )
    report.details["broad_group"] = sorted(
        f"{row.code} → {c}" for c, (_, row, via) in cover.items() if via == "broad_group"
    )
    report.details["title_match"] = sorted(
        f"{row.code} ({row.title}) → {c}" for c, (_, row, via) in cover.items() if via == "title_match"
    )
    return _spread(by_soc, onet_codes, report), report
