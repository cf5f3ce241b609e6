"""Every read we ship is complete: the checks an editor would otherwise do by hand."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from django.conf import settings

from careermap.content.parsing import ParsedRead
from careermap.content.services import content_parse_all, content_warnings
from careermap.tests.realdata import real_data_path

READS = content_parse_all(directory=settings.CAREERMAP_CONTENT_DIR)
IDS = [read.slug for read in READS]

REQUIRED_SLUGS = {
    "gigwatch": {
        "ai-data-labeling", "rideshare-driving", "food-delivery", "grocery-shopping-delivery", "online-tutoring",
        "freelance-writing", "transcription-captioning", "microtask-survey-platforms", "user-testing",
        "content-moderation", "pet-sitting-dog-walking", "handyman-tasks-app", "short-term-rental-hosting",
    },
    "careers": {
        "electrician", "plumber", "hvac-technician", "welder", "wind-turbine-technician", "solar-installer",
        "registered-nurse", "licensed-practical-nurse", "medical-assistant", "dental-hygienist",
        "physical-therapist-assistant", "pharmacy-technician", "radiologic-technologist",
        "emergency-medical-technician", "customer-service-representative", "bookkeeper-accountant", "paralegal",
        "translator-interpreter", "graphic-designer", "technical-writer", "software-developer", "data-analyst",
        "information-security-analyst", "k-12-teacher", "social-worker", "childcare-worker", "heavy-truck-driver",
    },
}  # fmt: skip


def test_the_map_has_every_promised_read() -> None:
    by_collection: dict[str, set[str]] = {}
    for read in READS:
        by_collection.setdefault(read.front.collection, set()).add(read.slug)
    for collection, slugs in REQUIRED_SLUGS.items():
        assert slugs <= by_collection.get(collection, set())
    assert len(by_collection["careers"]) >= 25
    assert len(by_collection["own-business"]) >= 5


@pytest.mark.parametrize("read", READS, ids=IDS)
def test_each_read_has_three_sources_with_kind_dates_and_parts(read: ParsedRead) -> None:
    assert len(read.front.sources) >= 3
    assert len({(source.url, source.title) for source in read.front.sources}) == len(read.front.sources), (
        "a source is listed twice"
    )
    for source in read.front.sources:
        assert source.kind and source.backs and source.accessed
        assert source.published == "undated" or source.published_start is not None
        assert source.published != "undated" or source.published_note.strip()
        assert source.accessed <= dt.date.today()


@pytest.mark.parametrize("read", READS, ids=IDS)
def test_no_source_is_dated_on_the_reads_own_review_day(read: ParsedRead) -> None:
    assert content_warnings(parsed=[read], today=read.front.reviewed) == []


@pytest.mark.parametrize("read", READS, ids=IDS)
def test_each_start_cost_is_priced_from_items_with_a_basis(read: ParsedRead) -> None:
    cost = read.front.quick_facts.start_cost
    required = [item for item in cost.items if item.required]
    assert cost.min_usd == sum(item.low_usd for item in required)
    assert cost.max_usd == sum(item.high_usd for item in required)
    assert read.front.quick_facts.first_dollar.basis


@pytest.mark.parametrize("slug", ["software-developer", "graphic-designer", "social-worker"])
def test_reads_whose_employers_expect_a_degree_count_it_in_the_start_cost(slug: str) -> None:
    read = next(read for read in READS if read.slug == slug)
    cost = read.front.quick_facts.start_cost
    assert any(item.required and "education" in item.covers for item in cost.items)
    assert cost.min_usd >= 10_000


@pytest.mark.parametrize("read", READS, ids=IDS)
def test_each_read_has_every_part(read: ParsedRead) -> None:
    front = read.front
    assert front.what_this_is.headline and front.what_this_is.summary
    assert all(lens.verdict and lens.text for lens in (front.lenses.gig, front.lenses.hired, front.lenses.business))
    assert read.html["editors_read"].strip() and read.html["before_you_commit"].strip()
    needs = front.quick_facts.requirements
    assert (
        needs.summary
        and needs.min_age.required_by
        and needs.work_authorization.required_by
        and needs.education.required_by
    )
    assert front.interests


@pytest.mark.parametrize("read", READS, ids=IDS)
def test_review_dates_follow_the_cadence(read: ParsedRead) -> None:
    front = read.front
    days = (front.next_review - front.reviewed).days
    if front.collection == "gigwatch":
        assert 80 <= days <= 100, "gigs are reviewed every quarter"
        assert not front.durability.scored
    else:
        assert 170 <= days <= 190, "careers and own-business paths are reviewed every six months"
    assert front.reviewed <= front.next_review
    if front.collection == "careers":
        assert front.durability.scored and front.occupations


def _onet_codes() -> set[str]:
    with real_data_path("onet_29_3", "Occupation Data.txt").open(encoding="utf-8") as handle:
        return {row["O*NET-SOC Code"] for row in csv.DictReader(handle, delimiter="\t")}


@pytest.mark.realdata
def test_every_occupation_link_resolves_in_the_onet_data() -> None:
    codes = _onet_codes()
    unresolved = {read.slug: code for read in READS for code in read.front.occupations if code not in codes}
    assert unresolved == {}


@pytest.mark.parametrize("read", [read for read in READS if read.front.collection == "gigwatch"], ids=lambda r: r.slug)
def test_each_gig_read_says_whats_changed_with_sources(read: ParsedRead) -> None:
    urls = {source.url for source in read.front.sources}
    assert read.front.changes, "a GigWatch read lists at least one dated event"
    assert all(change.source in urls and change.date <= read.front.reviewed for change in read.front.changes)


# Sources that speak for a company (its own pay page, a competitor's blog, job ads copied by job boards) or
# repeat others' reporting (an AI news aggregator): each is labelled for what it is, never as independent evidence.
OWN_ACCOUNTS = {
    "shoppers.shipt.com": "company",
    "atomicscribe.com": "company",
    "scale.com": "company",
    "www.hospiria.com": "company",
    "westcoasttriallawyers.com": "company",
    "philippines.newjobvacancies.org": "company",
    "www.marketingmonk.so": "company",
    "www.jobs.supporthuman.cx": "company",
    "www.ainovat.com": "aggregator",
}


def test_sources_that_speak_for_themselves_are_labelled_so() -> None:
    found = {
        (read.slug, source.url.split("/")[2]): (source.kind, bool(source.note.strip()))
        for read in READS
        for source in read.front.sources
        if source.url.split("/")[2] in OWN_ACCOUNTS
    }
    assert found, "the shipped reads still cite these sources"
    wrong = {key: kind for key, (kind, noted) in found.items() if kind != OWN_ACCOUNTS[key[1]] or not noted}
    assert wrong == {}
