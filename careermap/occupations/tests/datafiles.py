"""Tiny hand-made fixture files in the shapes of the real sources, written into tmp_path.

These are NOT the real datasets: a handful of rows per file, made up by hand (values
loosely shaped like the real ones) so that each join rule shows up at least once:

* 11-1011.00 and 11-1011.03 share SOC 11-1011 and NEM 11-1011 (shared projection,
  Microsoft score spread to both); 11-1011's BLS wage is top-coded (">=$239,200").
* SOC 2010 15-1132 and 15-1133 both map to 2018 15-1252 and 15-1253 (split + merge:
  AIOE values are averaged).
* Frey & Osborne's 29-1111 "Registered nurses" is not a SOC 2010 code and joins by title.
* 55-1011.00 (military) has no interests, no job zone and no projection.
"""

from __future__ import annotations

from pathlib import Path

RIASEC_ELEMENTS = [
    ("1.B.1.a", "Realistic"),
    ("1.B.1.b", "Investigative"),
    ("1.B.1.c", "Artistic"),
    ("1.B.1.d", "Social"),
    ("1.B.1.e", "Enterprising"),
    ("1.B.1.f", "Conventional"),
]
HIGH_POINTS = [
    ("1.B.1.g", "First Interest High-Point"),
    ("1.B.1.h", "Second Interest High-Point"),
    ("1.B.1.i", "Third Interest High-Point"),
]

OCCUPATIONS = [
    ("11-1011.00", "Chief Executives", "Determine and formulate policies."),
    ("11-1011.03", "Chief Sustainability Officers", "Coordinate sustainability work."),
    ("15-1252.00", "Software Developers", "Research, design, and develop software."),
    ("15-1253.00", "Software Quality Assurance Analysts and Testers", "Develop and execute software tests."),
    ("29-1141.00", "Registered Nurses", "Assess patient health problems and needs."),
    ("55-1011.00", "Air Crew Officers", "Perform and direct in-flight duties."),
]
# code → (R, I, A, S, E, C scores, high points as 1–6 with 0 = none)
INTERESTS = {
    "11-1011.00": ((1.3, 3.24, 2.08, 3.0, 6.6, 4.1), (5, 6, 0)),
    "11-1011.03": ((2.0, 3.5, 2.5, 3.1, 6.2, 4.4), (5, 6, 2)),
    "15-1252.00": ((3.93, 5.86, 2.26, 1.88, 1.87, 5.46), (2, 6, 1)),
    "15-1253.00": ((3.1, 5.2, 1.9, 2.0, 2.2, 6.1), (6, 2, 0)),
    "29-1141.00": ((3.0, 4.6, 1.5, 6.5, 2.5, 3.9), (4, 2, 6)),
}
JOB_ZONES = {"11-1011.00": 5, "11-1011.03": 5, "15-1252.00": 4, "15-1253.00": 4, "29-1141.00": 3}


def tsv(header: list[str], rows: list[list[object]]) -> str:
    table: list[list[object]] = [list(header), *rows]
    return "\n".join("\t".join(str(cell) for cell in row) for row in table) + "\n"


def csv_text(header: list[str], rows: list[list[object]]) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *rows])
    return buffer.getvalue()


def onet_files() -> dict[str, str]:
    interests = []
    for code, (scores, highs) in INTERESTS.items():
        title = dict((c, t) for c, t, _ in OCCUPATIONS)[code]
        for (element, name), score in zip(RIASEC_ELEMENTS, scores, strict=True):
            interests.append([code, title, element, name, "OI", "Occupational Interests", score, "11/2023", "ML"])
        for (element, name), high in zip(HIGH_POINTS, highs, strict=True):
            interests.append(
                [code, title, element, name, "IH", "Occupational Interest High-Point", high, "11/2023", "ML"]
            )
    rl = "Required Level Of Education (Categories 1-12)"
    return {
        "Read Me.txt": "O*NET 29.3 Database\nMay 2025 Release\n----------------\n",
        "Occupation Data.txt": tsv(["O*NET-SOC Code", "Title", "Description"], [list(o) for o in OCCUPATIONS]),
        "Interests.txt": tsv(
            [
                "O*NET-SOC Code",
                "Title",
                "Element ID",
                "Element Name",
                "Scale ID",
                "Scale Name",
                "Data Value",
                "Date",
                "Domain Source",
            ],
            interests,
        ),
        "Job Zones.txt": tsv(
            ["O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source"],
            [[code, "t", zone, "08/2023", "Analyst"] for code, zone in JOB_ZONES.items()],
        ),
        "Job Zone Reference.txt": tsv(
            ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
            [[z, f"Job Zone {z}", "exp", "edu", "training", "examples", "(Below 4.0)"] for z in range(1, 6)],
        ),
        "Alternate Titles.txt": tsv(
            ["O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)"],
            [
                ["11-1011.00", "Chief Executives", "Chief Executive Officer", "CEO", "04,06"],
                ["15-1252.00", "Software Developers", "Application Developer", "", "08"],
                ["15-1252.00", "Software Developers", "Software Engineer", "", "04,06"],
                ["29-1141.00", "Registered Nurses", "Registered Nurse", "RN", "04"],
            ],
        ),
        "Task Statements.txt": tsv(
            [
                "O*NET-SOC Code",
                "Title",
                "Task ID",
                "Task",
                "Task Type",
                "Incumbents Responding",
                "Date",
                "Domain Source",
            ],
            [
                [
                    "11-1011.00",
                    "Chief Executives",
                    8823,
                    "Direct financial activities.",
                    "Core",
                    95,
                    "08/2023",
                    "Incumbent",
                ],
                [
                    "15-1252.00",
                    "Software Developers",
                    16363,
                    "Modify existing software.",
                    "Core",
                    30,
                    "08/2023",
                    "Incumbent",
                ],
                [
                    "15-1252.00",
                    "Software Developers",
                    16987,
                    'Analyze "user" needs.',
                    "Supplemental",
                    "",
                    "08/2023",
                    "Incumbent",
                ],
                [
                    "29-1141.00",
                    "Registered Nurses",
                    12345,
                    "Record patients' medical information.",
                    "",
                    "",
                    "08/2023",
                    "Analyst",
                ],
            ],
        ),
        "Related Occupations.txt": tsv(
            ["O*NET-SOC Code", "Title", "Related O*NET-SOC Code", "Related Title", "Relatedness Tier", "Index"],
            [
                ["11-1011.00", "Chief Executives", "11-1011.03", "Chief Sustainability Officers", "Primary-Short", 1],
                ["15-1252.00", "Software Developers", "15-1253.00", "Software QA", "Primary-Short", 1],
                ["15-1252.00", "Software Developers", "11-1011.00", "Chief Executives", "Supplemental", 2],
            ],
        ),
        "Education, Training, and Experience.txt": tsv(
            [
                "O*NET-SOC Code",
                "Title",
                "Element ID",
                "Element Name",
                "Scale ID",
                "Scale Name",
                "Category",
                "Data Value",
                "N",
            ],
            [
                ["11-1011.00", "CE", "2.D.1", "Required Level of Education", "RL", rl, 6, 45.5, 28],
                ["11-1011.00", "CE", "2.D.1", "Required Level of Education", "RL", rl, 8, 40.1, 28],
                ["11-1011.00", "CE", "3.A.1", "Related Work Experience", "RW", "x", 11, 60, 28],
                ["29-1141.00", "RN", "2.D.1", "Required Level of Education", "RL", rl, 5, 40, 20],
                ["29-1141.00", "RN", "2.D.1", "Required Level of Education", "RL", rl, 6, 40, 20],
            ],
        ),
        "Education, Training, and Experience Categories.txt": tsv(
            ["Element ID", "Element Name", "Scale ID", "Scale Name", "Category", "Category Description"],
            [
                ["2.D.1", "Required Level of Education", "RL", rl, 5, "Associate's Degree (or other 2-year degree)"],
                ["2.D.1", "Required Level of Education", "RL", rl, 6, "Bachelor's Degree"],
                ["2.D.1", "Required Level of Education", "RL", rl, 8, "Master's Degree"],
                ["3.A.1", "Related Work Experience", "RW", "x", 11, "Over 10 years"],
            ],
        ),
    }


BLS_HEADER = [
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Percent self employed, 2024",
    "Occupational openings, 2024–34 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
]


def bls_row(title: str, code: str, kind: str, wage: str, change: float = 4.3, education: str = "—") -> list[object]:
    return [title, code, kind, 309.4, 322.7, 0.2, 0.2, 13.3, change, 25.9, 22.2, wage, education, "None", "None", "—"]


def files() -> dict[str, str]:
    """Relative path → text for a complete tiny data folder."""
    out = {f"onet_29_3/{name}": text for name, text in onet_files().items()}
    out["bls_employment_projections_2024_34/table_1_2_occupational_projections_2024_34.csv"] = csv_text(
        BLS_HEADER,
        [
            bls_row("Total, all occupations", "00-0000", "Summary", "49500"),
            bls_row("      Chief executives", "11-1011", "Line item", ">=$239,200", 4.3, "Bachelor's degree"),
            bls_row("      Software developers", "15-1252", "Line item", "133080", 15.8, "Bachelor's degree"),
            bls_row("      Software quality assurance analysts and testers", "15-1253", "Line item", "102610", 10.0),
            bls_row("      Registered nurses", "29-1141", "Line item", "93600", 5.0, "Bachelor's degree"),
            bls_row("      Umpires, referees, and other sports officials", "27-2023", "Line item", "—", -1.5),
        ],
    )
    out["soc_crosswalks/bls_nem_onet_soc_to_nem_crosswalk_2023-09-06.csv"] = csv_text(
        [
            "Sort Order",
            "O*NET-SOC Code",
            "O*NET-SOC Title",
            "NEM Code",
            "National Employment Matrix Occupational Title",
        ],
        [
            [1, "11-1011.00", "Chief Executives", "11-1011", "Chief executives"],
            [2, "11-1011.03", "Chief Sustainability Officers", "11-1011", "Chief executives"],
            [3, "15-1252.00", "Software Developers", "15-1252", "Software developers"],
            [4, "15-1253.00", "Software QA", "15-1253", "Software quality assurance analysts and testers"],
            [5, "29-1141.00", "Registered Nurses", "29-1141", "Registered nurses"],
        ],
    )
    out["soc_crosswalks/bls_soc2010_to_soc2018_crosswalk.csv"] = csv_text(
        ["2010 SOC Code", "2010 SOC Title", "2018 SOC Code", "2018 SOC Title"],
        [
            ["11-1011", "Chief Executives", "11-1011", "Chief Executives"],
            ["15-1132", "Software Developers, Applications (#)", "15-1252", "Software Developers"],
            ["15-1132", "Software Developers, Applications (#)", "15-1253", "Software Quality Assurance Analysts"],
            ["15-1133", "Software Developers, Systems Software (#)", "15-1252", "Software Developers"],
            ["15-1133", "Software Developers, Systems Software (#)", "15-1253", "Software Quality Assurance Analysts"],
            ["29-1141", "Registered Nurses", "29-1141", "Registered Nurses"],
        ],
    )
    gpt_columns = [f"{rater}_rating_{kind}" for rater in ("dv", "human") for kind in ("alpha", "beta", "gamma")]
    out["gpts_are_gpts/occ_level.csv"] = csv_text(
        ["O*NET-SOC Code", "Title", *gpt_columns],
        [
            ["11-1011.00", "Chief Executives", 0.1, 0.46, 0.8200000000000001, 0.18, 0.35, 0.52],
            ["15-1252.00", "Software Developers", 0.79, 0.87, 0.95, 0.05, 0.45, 0.84],
            ["99-9999.00", "Not An Occupation", 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
        ],
    )
    out["gpts_are_gpts/full_labelset.tsv"] = tsv(
        [
            "",
            "O*NET-SOC Code",
            "Task ID",
            "Task",
            "Task Type",
            "Title",
            "human_exposure_agg",
            "gpt4_exposure",
            "gpt4_exposure_alt_rubric",
            "gpt_3_relevant",
            "gpt4_automation",
            "alpha",
            "beta",
            "gamma",
            "automation",
            "human_labels",
        ],
        [
            [
                0,
                "11-1011.00",
                "8823.0",
                "Direct financial activities.",
                "Core",
                "CE",
                "E0",
                "E2",
                "E2",
                "False",
                "T2",
                0,
                0.5,
                1,
                0.5,
                "E0",
            ],
            [
                1,
                "15-1252.00",
                "16363.0",
                "Modify existing software (old wording).",
                "Core",
                "SD",
                "E1",
                "E1",
                "E1",
                "True",
                "T3",
                1,
                1,
                1,
                0.75,
                "E1",
            ],
            [
                2,
                "15-1252.00",
                "99999.0",
                "A task O*NET has since removed.",
                "Core",
                "SD",
                "E0",
                "E0",
                "E0",
                "False",
                "T0",
                0,
                0,
                0,
                0,
                "E0",
            ],
        ],
    )
    for name, column, values in (
        ("appendix_a_aioe_by_occupation.csv", "AIOE", (1.334246, 1.1, 1.3, 0.2)),
        ("language_modeling_aioe_by_occupation.csv", "Language Modeling AIOE", (1.3, 1.0, 1.4, 0.1)),
        ("image_generation_aioe_by_occupation.csv", "Image Generation AIOE", (1.3, 1.5, 1.6, -0.5)),
    ):
        out[f"aioe_felten_raj_seamans/{name}"] = csv_text(
            ["SOC Code", "Occupation Title", column],
            [
                ["11-1011", "Chief Executives", values[0]],
                ["15-1132", "Software Developers, Applications", values[1]],
                ["15-1133", "Software Developers, Systems Software", values[2]],
                ["29-1141", "Registered Nurses", values[3]],
                ["19-9999", "Made-up Scientists", 0.5],
            ],
        )
    out["microsoft_working_with_ai/soc_ai_applicability_scores.csv"] = csv_text(
        ["SOC Code", "title", "ai_applicability_score"],
        [
            ["11-1011", "Chief Executives", 0.155502898114603],
            ["15-1252", "Software Developers", 0.28],
            ["13-1020", "Buyers and Purchasing Agents", 0.2],
        ],
    )
    out["frey_osborne_2013/frey_osborne_automation_probability_soc2010.csv"] = csv_text(
        ["Rank", "Probability", "Label", "SOC code", "Occupation"],
        [
            [1, 0.015, "", "11-1011", "Chief executives"],
            [2, 0.009, "", "29-1111", "Registered nurses"],
            [3, 0.042, "", "15-1132", "Software developers, applications"],
            [4, 0.13, "", "15-1133", "Software developers, systems software"],
            [5, 0.5, "", "39-4831", "Funeral service managers"],
        ],
    )
    return out


OEWS_HEADER = (
    "area_type,area_code,occ_code,o_level,tot_emp,emp_prse,h_mean,a_mean,mean_prse,h_pct10,h_pct25,h_median,"
    "h_pct75,h_pct90,a_pct10,a_pct25,a_median,a_pct75,a_pct90,jobs_1000,loc_quotient,footnotes"
)
HOURLY_BLANK_4 = "h_mean:4;h_pct10:4;h_pct25:4;h_median:4;h_pct75:4;h_pct90:4"
TOP_CODED_ALL = "h_mean:5;a_mean:5;h_pct10:5;h_pct25:5;h_median:5;h_pct75:5;h_pct90:5;a_pct10:5;a_pct25:5;a_median:5;a_pct75:5;a_pct90:5"
OEWS_HISTORY_HEADER = (
    "AREA,AREA_TITLE,AREA_TYPE,PRIM_STATE,NAICS,NAICS_TITLE,I_GROUP,OWN_CODE,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,"
    "EMP_PRSE,JOBS_1000,LOC_QUOTIENT,PCT_TOTAL,PCT_RPT,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,"
    "H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY"
)


def oews_files() -> dict[str, str]:
    """OEWS May 2025 (flat-file shape) and May 2022–2024 national (workbook shape), a few rows each.

    Cases: 11-1011 is top-coded everywhere (blank + footnote 5; '#' in the workbooks); 15-1252 is
    published in full; 29-1141 in California is annual-only (hourly blank, footnote 4); 15-1253 in
    Texas has no employment (footnote 8); Austin's 15-1252 has a high employment RSE (low
    precision); 53-3054 has no O*NET occupation here (unmatched); 15-0000 is a group row (skipped).
    """
    p = "bls_oews_may2025/"
    out = {
        p + "areas.csv": "area_code,area_type,state_fips,area_name\n"
        "0000000,N,00,National\n"
        "0600000,S,06,California\n"
        "4800000,S,48,Texas\n"
        '0041860,M,06,"San Francisco-Oakland-Fremont, CA"\n'
        '0012420,M,48,"Austin-Round Rock-San Marcos, TX"\n'
        '0045220,M,48,"Texarkana, TX-AR"\n'
        "4800003,M,48,North Texas nonmetropolitan area\n",
        p + "oews_may2025_national.csv": OEWS_HEADER + "\n"
        "N,0000000,15-0000,major_or_total,5000000,0.3,55.0,114400,0.2,25.0,35.0,50.0,70.0,90.0,52000,72800,104000,145600,187200,,,\n"
        f"N,0000000,11-1011,detailed,200000,0.8,,,0.6,,,,,,,,,,,,,{TOP_CODED_ALL}\n"
        "N,0000000,15-1252,detailed,1687890,0.6,71.20,148100,0.4,39.64,50.58,65.38,82.68,103.21,82460,105210,135980,171980,214670,,,\n"
        "N,0000000,15-1253,detailed,200000,1.1,52.0,108160,0.5,28.0,38.0,50.0,63.0,77.0,58240,79040,104000,131040,160160,,,\n"
        "N,0000000,29-1141,detailed,3300000,0.4,48.0,99840,0.3,32.0,38.0,45.0,55.0,65.0,66560,79040,93600,114400,135200,,,\n"
        "N,0000000,53-3054,detailed,180000,1.5,20.0,41600,0.7,14.0,16.0,19.0,23.0,28.0,29120,33280,39520,47840,58240,,,\n",
        p + "oews_may2025_state.csv": OEWS_HEADER + "\n"
        "S,0600000,15-0000,major_or_total,900000,0.6,70.0,145600,0.4,30.0,45.0,65.0,85.0,110.0,62400,93600,135200,176800,228800,50.0,1.5,\n"
        "S,0600000,15-1252,detailed,300000,1.2,85.0,176800,0.8,45.0,60.0,83.85,100.0,125.0,93600,124800,174410,208000,260000,16.5,2.1,\n"
        f"S,0600000,29-1141,detailed,330000,1.0,,140000,0.6,,,,,,95000,115000,137000,160000,180000,18.0,1.2,{HOURLY_BLANK_4}\n"
        "S,4800000,15-1252,detailed,120000,2.0,65.0,135200,1.0,38.0,48.0,62.0,78.0,95.0,79040,99840,128960,162240,197600,8.9,1.1,\n"
        "S,4800000,15-1253,detailed,,,48.0,99840,2.0,27.0,36.0,46.0,58.0,70.0,56160,74880,95680,120640,145600,,,tot_emp:8;emp_prse:8;jobs_1000:8;loc_quotient:8\n",
        p + "oews_may2025_metro_nonmetro.csv": OEWS_HEADER + "\n"
        "M,0041860,15-1252,detailed,69030,2.3,93.00,193430,1.0,61.58,78.61,89.73,105.61,131.44,128090,163500,186640,219670,273400,29.08,2.68,\n"
        "M,0012420,15-1252,detailed,30000,35.0,70.0,145600,3.0,40.0,52.0,66.0,82.0,100.0,83200,108160,137280,170560,208000,25.0,2.3,\n"
        "M,4800003,29-1141,detailed,900,12.0,38.0,79040,4.0,28.0,32.0,36.0,43.0,50.0,58240,66560,74880,89440,104000,9.0,0.9,\n",
    }
    history_rows = {
        2022: ("127260", "61.18"),
        2023: ("132270", "63.59"),
        2024: ("133080", "63.98"),
    }
    for year, (annual, hourly) in history_rows.items():
        common = "99,U.S.,1,US,000000,Cross-industry,cross-industry,1235"
        out[f"bls_oews_national_2022_2024/oews_national_may{year}.csv"] = (
            OEWS_HISTORY_HEADER + "\n"
            f"{common},15-0000,Computer and Mathematical Occupations,major,5000000,0.3,,,,,55,114400,0.2,25,35,50,70,90,52000,72800,104000,145600,187200,,\n"
            f"{common},11-1011,Chief Executives,detailed,200000,0.8,,,,,#,#,0.6,#,#,#,#,#,#,#,#,#,#,,\n"
            f"{common},15-1252,Software Developers,detailed,1650000,0.7,,,,,69.5,144570,0.6,38.39,49.55,{hourly},81.25,101.66,79850,103050,{annual},169000,211450,,\n"
            f"{common},29-1141,Registered Nurses,detailed,3200000,0.4,,,,,*,*,0.3,*,*,*,*,*,*,*,*,*,*,,\n"
        )
    return out


def write_data_dir(root: Path, overrides: dict[str, str] | None = None) -> Path:
    """Write the tiny fixture folder under `root`; `overrides` replaces (or adds) files by relative path."""
    for relative, text in {**files(), **oews_files(), **(overrides or {})}.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
