"""What /compare/ shows for each item: a read or an occupation, shaped to the same rows."""

from __future__ import annotations

from typing import Any

from careermap.compare.items import ItemKey
from careermap.content.models import Read
from careermap.content.presenters import education_label, evidence_age, read_lenses, read_sources
from careermap.content.selectors import read_get, read_occupations
from careermap.durability.models import DurabilityScore
from careermap.durability.selectors import durability_for_read, durability_present
from careermap.occupations.models import Area, Dataset, Occupation, Projection
from careermap.occupations.pay import PayFigures
from careermap.occupations.selectors import OccupationPay, occupation_pay

TOP_REASONS = 3
PAY_DATASETS = ("bls-oews-may2025", "bls-ep-2024-34")


def _money(figures: PayFigures | None) -> str:
    if figures is None:
        return ""
    median = figures.median_annual
    return median.as_dollars(hourly=False) if median.published else f"not published ({median.missing})"


def _pay_row(pay: OccupationPay | None, title: str, url: str) -> dict[str, Any]:
    local = pay.local if pay and pay.area is not None else None
    return {
        "title": title,
        "url": url,
        "national": _money(pay.national if pay else None) or "not published",
        "local": _money(local) if local else "",
        "place": local.place if local else "",
        "local_missing": pay is not None and pay.area is not None and local is None,
    }


def _read_item(read: Read, area: Area | None) -> dict[str, Any]:
    sources = read_sources(read)
    durability = durability_for_read(read.occupation_codes) if read.durability_scored else None
    occupations = read_occupations(read, area=area)
    return {
        "kind": "read",
        "key": read.slug,
        "title": read.title,
        "url": read.get_absolute_url(),
        "kind_label": read.kind_label,
        "facts": [
            ("Start cost", "$0" if read.start_cost_max == 0 else f"${read.start_cost_min:,}–${read.start_cost_max:,}"),
            ("First dollar", read.first_dollar_label),
            ("Education", education_label(read)),
            ("Minimum age", str(read.min_age)),
            ("Licence needed", "Yes" if read.needs_licence else "No"),
            ("Work authorization needed", "Yes" if read.needs_work_authorization else "No"),
        ],
        "lenses": read_lenses(read),
        "durability": durability,
        "reasons": (durability or {}).get("why", [])[:TOP_REASONS],
        "no_score_reason": "Gigs have no durability score by design: they are cash now, not a career."
        if read.collection == "gigwatch"
        else "No durability score for this read.",
        "pay": [_pay_row(row["pay"], row["title"], row["url"]) for row in occupations if row["loaded"]][:3],
        "sources_count": len(sources),
        "age": evidence_age(sources),
        "reviewed": read.reviewed,
        "sources_url": read.get_absolute_url() + "sources/",
    }


def _occupation_item(occupation: Occupation, area: Area | None, datasets: dict[str, Dataset]) -> dict[str, Any]:
    score = DurabilityScore.objects.filter(occupation=occupation).first()
    durability = durability_present(score) if score else None
    try:
        projection: Projection | None = occupation.projection
    except Projection.DoesNotExist:
        projection = None
    facts = [
        ("O*NET-SOC code", occupation.code),
        ("Job zone", str(occupation.job_zone) if occupation.job_zone else "Not rated"),
        ("Main interests", occupation.interest_code or "Not rated"),
    ]
    if projection is not None:
        facts += [
            ("Employment 2024 (BLS)", f"{projection.employment_2024:,.1f} thousand"),
            ("Projected change 2024–34", f"{projection.change_percent:+.1f}%"),
            ("Typical entry education (BLS)", projection.typical_entry_education or "Not published"),
        ]
    pay = occupation_pay(occupation=occupation, area=area)
    return {
        "kind": "occupation",
        "key": occupation.code,
        "title": occupation.title,
        "url": occupation.get_absolute_url(),
        "kind_label": "Occupation (O*NET)",
        "facts": facts,
        "lenses": [],
        "durability": durability,
        "reasons": (durability or {}).get("why", [])[:TOP_REASONS],
        "no_score_reason": "Not enough data for a durability score." if score is None else "",
        "pay": [_pay_row(pay, occupation.title, occupation.get_absolute_url())] if pay else [],
        "datasets": [datasets[key] for key in PAY_DATASETS if key in datasets],
        "dataset_count": len(datasets),
    }


def compare_items(*, keys: list[ItemKey], area: Area | None) -> tuple[list[dict[str, Any]], list[ItemKey]]:
    """The items found, in the order asked, and the keys for which nothing is loaded."""
    items: list[dict[str, Any]] = []
    missing: list[ItemKey] = []
    datasets = {d.key: d for d in Dataset.objects.all()}
    occupations = {
        o.code: o
        for o in Occupation.objects.select_related("projection").filter(
            code__in=[k.key for k in keys if k.kind == "occupation"]
        )
    }
    for key in keys:
        if key.kind == "occupation":
            occupation = occupations.get(key.key)
            if occupation is None:
                missing.append(key)
            else:
                items.append(_occupation_item(occupation, area, datasets))
        else:
            read = read_get(slug=key.key)
            if read is None:
                missing.append(key)
            else:
                items.append(_read_item(read, area))
    return items, missing


def compare_choices() -> list[tuple[str, str]]:
    """Every read, for the "add an item" list (occupations are added by code or from their page)."""
    return list(Read.objects.order_by("title").values_list("slug", "title"))
