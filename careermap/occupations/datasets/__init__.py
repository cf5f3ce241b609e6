"""One module per dataset: its registry facts (`INFOS`, from sources.py), its file names (`FILES`),
its download pin (`DOWNLOADS`, or `NOT_DOWNLOADED` saying why there is none), its parser
(`PARSER`, in importers/), its progress steps (`STEPS`) and `parse`, which reads the files and
joins them onto the O*NET occupations through the shared `Context`.

`services.data_parse` is a loop over `DATASETS`, in this order: O*NET first (every source joins to
its codes), the crosswalks with the BLS projections next (the SOC 2010 sources and OEWS join
through them), then the rest. The registry on /data/ lists them in `sources.DATASETS` order.
To add a dataset, follow "Adding a dataset" in docs/data-sources.md; tests/test_datasets.py checks
that every module has every part.
"""

from __future__ import annotations

from careermap.occupations.datasets import aioe, anthropic, frey_osborne, gpts, microsoft, oews, onet, projections

DATASETS = (onet, projections, gpts, aioe, microsoft, frey_osborne, oews, anthropic)
PARSE_STEPS: tuple[str, ...] = tuple(label for module in DATASETS for label in module.STEPS)
