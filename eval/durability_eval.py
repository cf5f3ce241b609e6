"""Evaluate the durability score on the shared data and print the report.

Imports every dataset into a throwaway SQLite database, computes the scores, and prints the
figures the methodology page shows: Spearman correlations of the score with each input and
with the consensus of the exposure indices, the indices' correlations with each other, the 20
occupations where they disagree most, and rank stability when one input is left out.

    .venv/bin/python eval/durability_eval.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="careermap-eval-") as workdir:
        env = os.environ | {"DATABASE_URL": f"sqlite:///{workdir}/eval.sqlite3"}
        for command in (["migrate", "-v0"], ["import_data", "-v0"], ["durability_compute"]):
            subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
            )
        code = (
            "import json;from careermap.durability.models import DurabilityRun;"
            "r=DurabilityRun.objects.get();print(json.dumps({'version':r.version,**r.evaluation}))"
        )
        out = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    report = json.loads(out.strip().splitlines()[-1])
    print(
        f"Durability method {report['version']}: {report['occupations_scored']} occupations scored; confidence {report['confidence_counts']}"
    )
    consensus = report["score_vs_consensus"]
    print(f"\nSpearman rho, score vs exposure consensus: {consensus['rho']} (n={consensus['n']}; negative expected)")
    print("\nSpearman rho, score vs each input:")
    for row in report["score_vs_input"]:
        print(f"  {row['label']:60} {row['rho']!s:>7}  n={row['n']}")
    print("\nSpearman rho between exposure indices:")
    for row in report["index_pairs"]:
        print(f"  {row['a']:24} {row['b']:24} {row['rho']!s:>7}  n={row['n']}")
    print("\n20 occupations where the exposure indices disagree most (percentiles):")
    for row in report["top_disagreements"]:
        values = " ".join(f"{k}={v}" for k, v in row["percentiles"].items())
        print(f"  {row['code']} {row['title'][:45]:45} spread={row['spread']}  {values}")
    print("\nStability, one input left out (rank positions):")
    for row in report["stability"]:
        print(
            f"  {row['label']:60} rho={row['rho_with_full']} median={row['median_rank_change']} "
            f"p90={row['p90_rank_change']} max={row['max_rank_change']}"
        )


if __name__ == "__main__":
    main()
