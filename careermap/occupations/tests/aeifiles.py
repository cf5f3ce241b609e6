"""Tiny hand-made Anthropic Economic Index files for the fixture folder of datafiles.py.

Made up by hand, NOT the real data. They exercise each rule once:

* 11-1011 is published once and shared by 11-1011.00 and 11-1011.03; 15-1253 is a zero;
  99-9999 has no O*NET occupation (unmatched, counted).
* "direct financial activities." matches tasks of two occupations (counted once in totals);
  "shared string" matches two tasks of one occupation (counted once in its total);
  two strings land on task 16363 (their counts add up).
* not_classified, an older wording and a pair naming another occupation's task are unmatched.
"""

from __future__ import annotations

from careermap.occupations.tests.datafiles import csv_text

FOLDER = "anthropic_economic_index"
EXPOSURE = f"{FOLDER}/job_exposure_with_titles.csv"
USAGE = f"{FOLDER}/api_onet_task_usage_2025_11.csv"
EXPOSURE_HEADER = ["occ_code", "title", "title_source", "observed_exposure"]
USAGE_HEADER = [
    "anthropic_task",
    "api_conversation_count",
    "share_of_task_classified",
    "onet29_3_matches",
    "onet27x_matches",
]


def aei_files() -> dict[str, str]:
    return {
        EXPOSURE: csv_text(
            EXPOSURE_HEADER,
            [
                ["11-1011", "Chief Executives", "made_up", "0.0333"],
                ["15-1252", "Software Developers", "made_up", "0.5"],
                ["15-1253", "Software Quality Assurance Analysts and Testers", "made_up", "0.0"],
                ["29-1141", "Registered Nurses", "made_up", "0.0595"],
                ["99-9999", "Not an O*NET occupation", "made_up", "0.1"],
            ],
        ),
        USAGE: csv_text(
            USAGE_HEADER,
            [
                ["modify existing software.", 100, "0.44444444", "15-1252.00|16363", "15-1252.00|16363"],
                ["not_classified", 30, "", "", ""],
                [
                    "direct financial activities.",
                    40,
                    "0.17777778",
                    "11-1011.00|8823;15-1252.00|16987",
                    "11-1011.00|8823",
                ],
                ["modify existing software", 10, "0.04444444", "15-1252.00|16363", ""],
                ["an older wording of a task.", 50, "0.22222222", "", ""],
                ["a task of another occupation.", 5, "0.02222222", "15-1252.00|8823", ""],
                ["shared string", 20, "0.08888889", "15-1252.00|16363;15-1252.00|16987", ""],
            ],
        ),
    }
