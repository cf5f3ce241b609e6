"""Where `import_data --download` fetches each file, and how it lays it out.

The layout under the destination folder is the same as the shared data folder's, so
the importer reads either. Files fetched from a research repository at a fixed commit
are pinned by the sha256 recorded in the shared data's PROVENANCE.md; the official
O*NET and BLS files are re-issued by their publishers, so their digest is computed,
printed and written to SHA256SUMS rather than compared with a pinned value.
"""

from __future__ import annotations

import dataclasses

from careermap.occupations.importers import onet


@dataclasses.dataclass(frozen=True)
class Download:
    url: str
    folder: str
    sha256: str | None  # None: an official file that its publisher re-issues (recorded, not pinned)
    # What to keep: for "file", the target name; for "zip", member → target name; for
    # "xlsx", sheet → (target CSV name, first cell of the header row).
    kind: str
    target: str = ""
    members: tuple[tuple[str, str], ...] = ()
    sheets: tuple[tuple[str, str, str], ...] = ()


def _raw(repo: str, commit: str, path: str) -> str:
    return f"https://raw.githubusercontent.com/{repo}/{commit}/{path.replace(' ', '%20')}"


GPTS_COMMIT = "0471612fef3cc22b74fb884d27bff9dbd3770582"
MS_COMMIT = "84c4ebacaa39d1c11e26e16c2f2c98aa89a11834"
AIOE_COMMIT = "adca5fc2cd0e9a659ff05278b7fa7a53f4f324c1"
LABOR_FORCE_COMMIT = "3c0845084669f5d552107f23420228284b54ba22"

MANIFEST: tuple[Download, ...] = (
    Download(
        url="https://www.onetcenter.org/dl_files/database/db_29_3_text.zip",
        folder="onet_29_3",
        sha256=None,
        kind="zip",
        members=tuple((f"db_29_3_text/{name}", name) for name in onet.FILES.values()),
    ),
    Download(
        url="https://www.bls.gov/emp/ind-occ-matrix/occupation.xlsx",
        folder="bls_employment_projections_2024_34",
        sha256=None,
        kind="xlsx",
        sheets=(
            ("Table 1.2", "table_1_2_occupational_projections_2024_34.csv", "2024 National Employment Matrix title"),
        ),
    ),
    Download(
        url="https://www.bls.gov/emp/classifications-crosswalks/nem-onet-to-soc-crosswalk.xlsx",
        folder="soc_crosswalks",
        sha256=None,
        kind="xlsx",
        sheets=(("ONET to SOC crosswalk", "bls_nem_onet_soc_to_nem_crosswalk_2023-09-06.csv", "Sort Order"),),
    ),
    Download(
        url=_raw(
            "ignaciourbina/labor-force", LABOR_FORCE_COMMIT, "frey_and_osborne18_data/crosswalk_soc2010_to_soc2018.csv"
        ),
        folder="soc_crosswalks",
        sha256="129825de685455720b98d399a90d968cc5793a5e80e92a9a73d8ca9d1fd55392",
        kind="file",
        target="bls_soc2010_to_soc2018_crosswalk.csv",
    ),
    Download(
        url=_raw("openai/GPTs-are-GPTs", GPTS_COMMIT, "data/occ_level.csv"),
        folder="gpts_are_gpts",
        sha256="40c74f53de40aec91c0017d80690cbba915f83a8bb414bcf2f884692f1749acb",
        kind="file",
        target="occ_level.csv",
    ),
    Download(
        url=_raw("openai/GPTs-are-GPTs", GPTS_COMMIT, "data/full_labelset.tsv"),
        folder="gpts_are_gpts",
        sha256="094378905e1f3349e50a9a83dc69643a2ef227954d611c8316a46da08cb3d8de",
        kind="file",
        target="full_labelset.tsv",
    ),
    Download(
        url=_raw("microsoft/working-with-ai", MS_COMMIT, "soc_ai_applicability_scores.csv"),
        folder="microsoft_working_with_ai",
        sha256="2a077dbe90ff377813adac04b2acef6aee51c4b13505a4760ea84ca3efc9039a",
        kind="file",
        target="soc_ai_applicability_scores.csv",
    ),
    Download(
        url=_raw("AIOE-Data/AIOE", AIOE_COMMIT, "AIOE_DataAppendix.xlsx"),
        folder="aioe_felten_raj_seamans",
        sha256="c123b4c64840aff3568ae6c97256678719b88a74d45b6362dbefb5af34667b95",
        kind="xlsx",
        sheets=(("Appendix A", "appendix_a_aioe_by_occupation.csv", "SOC Code"),),
    ),
    Download(
        url=_raw("AIOE-Data/AIOE", AIOE_COMMIT, "Language Modeling AIOE and AIIE.xlsx"),
        folder="aioe_felten_raj_seamans",
        sha256="ccdd1fb916dfa404914367eafde7c00b7148ea86f18fe616240bc85cf6131c8b",
        kind="xlsx",
        sheets=(("LM AIOE", "language_modeling_aioe_by_occupation.csv", "SOC Code"),),
    ),
    Download(
        url=_raw("AIOE-Data/AIOE", AIOE_COMMIT, "Image Generation AIOE and AIIE.xlsx"),
        folder="aioe_felten_raj_seamans",
        sha256="62c310544a6c1181037484b4c4017443c8d32661a0bdd482967a108aa224f5f7",
        kind="xlsx",
        sheets=(("IG AIOE", "image_generation_aioe_by_occupation.csv", "SOC Code"),),
    ),
    Download(
        url=_raw(
            "ignaciourbina/labor-force",
            LABOR_FORCE_COMMIT,
            "frey_and_osborne18_data/frey_osborne_automation_risk_index_clean.csv",
        ),
        folder="frey_osborne_2013",
        sha256="24752af03151ac02a959ac548c66c5d93eae9ea6b2695205b41c7fe251d3bd69",
        kind="file",
        target="frey_osborne_automation_probability_soc2010.csv",
    ),
)


def for_folder(folder: str) -> tuple[Download, ...]:
    """The downloads that fill one data folder (a dataset module's `DOWNLOADS`)."""
    return tuple(item for item in MANIFEST if item.folder == folder)
