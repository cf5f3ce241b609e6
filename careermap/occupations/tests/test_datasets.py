"""Every registered dataset has all its parts in its one module (careermap/occupations/datasets/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careermap.occupations import datasets, downloads, sources
from careermap.occupations.datasets.base import Context
from careermap.occupations.services import PARSE_STEPS, data_parse
from careermap.occupations.tests.datafiles import write_data_dir

MODULES = {module.__name__.rsplit(".", 1)[1]: module for module in datasets.DATASETS}


@pytest.mark.parametrize("name", MODULES)
def test_each_dataset_module_has_every_part(name: str) -> None:
    module = MODULES[name]
    assert module.INFOS and all(isinstance(info, sources.DatasetInfo) for info in module.INFOS)
    assert module.PARSER.__name__.startswith("careermap.occupations.importers.")
    assert module.FILES and all(isinstance(file, str) and file for file in module.FILES)
    assert module.STEPS and callable(module.parse)
    if module.DOWNLOADS:
        targets = {d.target for d in module.DOWNLOADS} | {t for d in module.DOWNLOADS for _, t in d.members}
        targets |= {t for d in module.DOWNLOADS for _, t, _ in d.sheets}
        assert set(module.FILES) <= targets, "a file the parser reads that --download does not fetch"
        assert {d.folder for d in module.DOWNLOADS} <= {info.folder for info in module.INFOS}
    else:
        assert module.NOT_DOWNLOADED, "no download pin: say why"


def test_every_registry_entry_belongs_to_exactly_one_module() -> None:
    owned = [info.key for module in datasets.DATASETS for info in module.INFOS]
    assert sorted(owned) == sorted(info.key for info in sources.DATASETS)
    assert len(owned) == len(set(owned))


def test_every_download_belongs_to_a_module() -> None:
    owned = {id(item) for module in datasets.DATASETS for item in module.DOWNLOADS}
    assert [item.url for item in downloads.MANIFEST if id(item) not in owned] == []


def test_the_parse_steps_are_the_modules_steps_in_order() -> None:
    assert tuple(label for module in datasets.DATASETS for label in module.STEPS) == PARSE_STEPS


@pytest.mark.parametrize("name", MODULES)
def test_each_module_reports_exactly_its_steps(name: str, tmp_path: Path) -> None:
    """Run the modules up to this one on the fixture files; this one must emit its STEPS, in order."""
    ctx = Context(data_dir=write_data_dir(tmp_path))
    for module in datasets.DATASETS:
        steps: list[str] = []
        module.parse(ctx, steps.append)
        if module is MODULES[name]:
            assert tuple(steps) == module.STEPS
            break


def test_the_registry_comes_out_in_its_display_order(tmp_path: Path) -> None:
    parsed = data_parse(data_dir=write_data_dir(tmp_path))
    order = [info.key for info in sources.DATASETS]
    keys = [record.info.key for record in parsed.datasets]
    assert keys == [key for key in order if key in keys]
