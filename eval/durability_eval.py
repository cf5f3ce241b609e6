"""Evaluate the durability score on the shared data and print the report.

Imports every dataset into a throwaway SQLite database, computes the scores, and prints the
figures the methodology page shows: Spearman correlations of the score with each input and
with the consensus of the exposure indices, the indices' correlations with each other, the 20
occupations where they disagree most, and rank stability when one input is left out.

Then, report only (issue 21; the method's weights are not changed here): what adding
Anthropic's observed exposure as a tenth input would change — the rank correlation with the
current method, how far ranks move, the occupations that move most, and the confidence counts.

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

# What-if variants: (name, weight, leave zeros out). Weights are before normalising; the nine
# current inputs keep theirs (total 1.0). A zero means "no measured exposure", so one variant
# leaves zeros out as missing instead of treating them as the least exposed.
OBSERVED_VARIANTS = (
    ("observed exposure, weight 0.10, zeros as values", 0.10, False),
    ("observed exposure, weight 0.10, zeros left out", 0.10, True),
    ("observed exposure, weight 0.20, zeros as values", 0.20, False),
)


def observed_what_if() -> dict[str, object]:
    """Run inside Django (manage.py shell): score every occupation with method 1.0 and with
    observed exposure added as an input, and compare. Touches no stored score."""
    from unittest import mock

    from careermap.durability import scoring
    from careermap.durability.evaluation import spearman
    from careermap.durability.method import INPUTS, METHOD_VERSION, Input
    from careermap.durability.services import durability_inputs
    from careermap.occupations.models import ObservedExposure

    raw, titles = durability_inputs()
    observed = dict(ObservedExposure.objects.values_list("occupation_id", "value"))
    current = {code: r for code, r in scoring.score_all(raw).items() if r.inputs}
    base_rank = scoring.percentiles({c: float(r.score) for c, r in current.items()})
    report: dict[str, object] = {"method": METHOD_VERSION, "occupations_with_observed": len(observed), "variants": []}
    for name, weight, zeros_out in OBSERVED_VARIANTS:
        extra = Input(
            key="observed_exposure",
            label="Observed exposure (Anthropic)",
            kind="exposure",
            direction="lowers",
            weight=weight,
            source="aei-observed-exposure",
            what="",
            high="much of its work is already seen in AI use",
            low="little of its work is seen in AI use",
        )
        inputs = (*INPUTS, extra)
        exposure_count = sum(1 for item in inputs if item.direction == "lowers")
        values = {code: v for code, v in observed.items() if not (zeros_out and v == 0)}
        with_observed = {code: {**items, "observed_exposure": values.get(code)} for code, items in raw.items()}
        with mock.patch.multiple(
            scoring,
            INPUTS=inputs,
            INPUTS_BY_KEY={item.key: item for item in inputs},
            TOTAL_WEIGHT=sum(item.weight for item in inputs),
            _EXPOSURE_COUNT=exposure_count,
            _ALL_PAIRS=exposure_count * (exposure_count - 1) // 2,
        ):
            alt = {code: r for code, r in scoring.score_all(with_observed).items() if r.inputs}
        common = sorted(set(alt) & set(current))
        alt_rank = scoring.percentiles({c: float(alt[c].score) for c in common})
        n = len(common)
        moves = sorted(((alt_rank[c] - base_rank[c]) * n, c) for c in common)
        sizes = sorted(abs(m) for m, _ in moves)
        rho = spearman([float(current[c].score) for c in common], [float(alt[c].score) for c in common])
        biggest = sorted(moves, key=lambda item: (-abs(item[0]), item[1]))[:10]
        report["variants"].append(  # type: ignore[union-attr]
            {
                "name": name,
                "n": n,
                "rho_with_current": None if rho is None else round(rho, 3),
                "median_rank_change": round(sizes[n // 2], 1) if n else None,
                "p90_rank_change": round(sizes[int(n * 0.9)], 1) if n else None,
                "max_rank_change": round(sizes[-1], 1) if n else None,
                "confidence_current": _confidence_counts(current),
                "confidence_with_observed": _confidence_counts(alt),
                "moved_most": [
                    {
                        "code": c,
                        "title": titles.get(c, c),
                        "score_current": current[c].score,
                        "score_with_observed": alt[c].score,
                        "observed": observed.get(c),
                        "rank_change": round(m, 1),
                    }
                    for m, c in biggest
                ],
            }
        )
    return report


def _confidence_counts(results: dict[str, object]) -> dict[str, int]:
    counts = {"high": 0, "medium": 0, "low": 0}
    for result in results.values():
        level = getattr(result, "confidence", "low")
        counts[level] = counts.get(level, 0) + 1
    return counts


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
        what_if_code = (
            "import json,sys;sys.path.insert(0,'eval');import durability_eval as d;"
            "print(json.dumps(d.observed_what_if()))"
        )
        observed = None
        if (
            Path(os.environ.get("CAREERMAP_DATA_DIR", ROOT.parent / "shared" / "data")) / "anthropic_economic_index"
        ).is_dir():
            observed_out = subprocess.run(
                [sys.executable, "manage.py", "shell", "-c", what_if_code],
                cwd=ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            observed = json.loads(observed_out.strip().splitlines()[-1])
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
    print_observed(observed)


def print_observed(observed: dict | None) -> None:  # type: ignore[type-arg]
    print("\nWhat if observed exposure (Anthropic Economic Index) were an input? Report only; method unchanged.")
    if observed is None:
        print("  anthropic_economic_index/ not found in the data folder: skipped.")
        return
    print(f"  {observed['occupations_with_observed']} occupations have an observed-exposure value.")
    for variant in observed["variants"]:
        print(
            f"\n  {variant['name']}: rho with method {observed['method']} = {variant['rho_with_current']} "
            f"(n={variant['n']}); rank change median={variant['median_rank_change']} "
            f"p90={variant['p90_rank_change']} max={variant['max_rank_change']}"
        )
        print(
            f"    confidence now {variant['confidence_current']} -> with observed {variant['confidence_with_observed']}"
        )
        for row in variant["moved_most"]:
            value = "no measured exposure" if row["observed"] == 0 else row["observed"]
            print(
                f"    {row['code']} {row['title'][:45]:45} score {row['score_current']} -> "
                f"{row['score_with_observed']}  rank {row['rank_change']:+}  observed={value}"
            )


if __name__ == "__main__":
    main()
