"""The stored scores, the pages and the API, on small occupation rows the tests create themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from careermap.content.services import content_load
from careermap.content.tests.factories import front_matter, write_read
from careermap.durability.method import METHOD_VERSION
from careermap.durability.models import DurabilityScore
from careermap.durability.services import durability_compute, task_mix
from careermap.occupations.models import Dataset, ExposureScore, Measure, Occupation, Projection, Task

pytestmark = pytest.mark.django_db

EXPOSURE = [
    "human_rating_alpha",
    "human_rating_beta",
    "dv_rating_beta",
    "lm_aioe",
    "ai_applicability_score",
    "fo_probability",
]


def make_occupations(count: int = 6) -> list[Occupation]:
    dataset = Dataset.objects.create(
        key="test-data",
        name="Test data",
        version="1",
        publisher="Tests",
        license="none",
        attribution="Tests",
        url="https://example.org/",
        imported_at=timezone.now(),
    )
    measures = {
        key: Measure.objects.create(
            dataset=dataset, key=key, label=key, scale="0–1", description=key, higher_means="more"
        )
        for key in EXPOSURE
    }
    occupations = []
    for i in range(count):
        occupation = Occupation.objects.create(
            code=f"47-21{i:02d}.00", title=f"Trade {i}", description="", soc_code=f"47-21{i:02d}"
        )
        occupations.append(occupation)
        for measure in measures.values():
            ExposureScore.objects.create(
                occupation=occupation, measure=measure, value=i / 10, join="direct", source_code=occupation.code
            )
        Projection.objects.create(
            occupation=occupation, nem_code=f"47-21{i:02d}", nem_title=f"Trade {i}", join="direct",
            employment_2024=100.0, employment_2034=100.0 + i, change_numeric=float(i), change_percent=float(i),
            openings_annual=10.0, median_wage=50000,
        )  # fmt: skip
        Task.objects.create(
            task_id=1000 + i,
            occupation=occupation,
            statement="Install and repair wiring." if i < 3 else "Write reports.",
            gpt_human_exposure="E0",
            gpt4_automation=f"T{min(i, 4)}",
        )
    return occupations


def test_task_mix_counts_hands_on_tasks_unless_raters_found_them_directly_exposed() -> None:
    automation, presence = task_mix(
        [("Install pipes.", "E0", "T0"), ("Repair valves.", "E1", "T2"), ("Write memos.", "E1", "T4")]
    )
    assert presence == pytest.approx(1 / 3)
    assert automation == pytest.approx((0 + 0.5 + 1) / 3)
    assert task_mix([]) == (None, None)


def test_it_scores_every_occupation_with_data_and_records_the_version() -> None:
    make_occupations()
    run = durability_compute()
    scores = {s.occupation_id: s for s in DurabilityScore.objects.all()}
    assert len(scores) == 6
    assert {s.version for s in scores.values()} == {METHOD_VERSION} == {run.version}
    # Least exposed, fastest growing and most hands-on scores highest; the reverse lowest.
    assert scores["47-2100.00"].score > scores["47-2105.00"].score
    assert all(len(s.why) == 3 for s in scores.values())
    assert "fo_probability" not in {item["key"] for item in scores["47-2100.00"].inputs}  # history is never weighted
    assert run.evaluation["occupations_scored"] == 6


def test_recomputing_replaces_the_scores() -> None:
    make_occupations()
    durability_compute()
    durability_compute()
    assert DurabilityScore.objects.count() == 6


def test_the_methodology_page_shows_weights_and_figures_from_the_data(client: Client) -> None:
    make_occupations()
    durability_compute()
    html = client.get("/methodology/durability/").content.decode()
    assert f"Method version <strong>{METHOD_VERSION}</strong>" in html
    assert "Task automation rating (GPT-4, task level)" in html
    assert "6 occupations scored" in html
    assert "leave one input out" in html
    assert "Trade 0" in html  # the disagreements table lists occupations from the data


def test_the_methodology_page_says_so_when_nothing_is_computed(client: Client) -> None:
    assert "No scores have been computed" in client.get("/methodology/durability/").content.decode()


def test_a_career_read_shows_its_computed_score_and_the_api_returns_it(
    client: Client, tmp_path: Path, django_capture_on_commit_callbacks
) -> None:
    make_occupations()
    with django_capture_on_commit_callbacks(execute=True):
        durability_compute()
    write_read(
        tmp_path,
        "trade",
        front_matter(
            title="Trade",
            collection="careers",
            occupations=["47-2100.00", "47-2199.00"],
            durability={"scored": True, "basis": "From the data."},
        ),
    )
    content_load(directory=tmp_path)
    expected = DurabilityScore.objects.get(occupation_id="47-2100.00")
    html = client.get("/reads/trade/").content.decode()
    assert f"Durability score: {expected.score}/100" in html
    assert f"{expected.confidence} confidence" in html
    assert "No score for 47-2199.00" in html
    assert "Median pay of employees, 2024" in html and "$50,000 a year" in html
    body = client.get("/api/v1/reads/trade").json()
    assert body["durability"]["computed"]["score"] == expected.score
    assert body["durability"]["computed"]["version"] == METHOD_VERSION


def test_the_method_endpoint_returns_version_inputs_and_weights(client: Client) -> None:
    body = client.get("/api/v1/durability/method").json()
    assert body["version"] == METHOD_VERSION
    assert {item["key"] for item in body["inputs"]} >= {"task_automation", "projected_change"}
    assert sum(item["weight_share"] for item in body["inputs"]) == pytest.approx(1.0, abs=0.01)
    assert body["history_not_weighted"] == ["fo_probability"]
