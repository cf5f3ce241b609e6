"""Quality report for the quiz on the real shared data (issue 5, section 4).

Imports every dataset and every read into a throwaway SQLite database (the data folder is only
read), builds the quiz's candidates exactly as the site does, and reports:

1. one-type-only profiles: someone who enjoys only one type's activities (5s for that type, 1s
   for the rest) and can take up anything gets three matches whose first interest high point is
   that type, for each of the six types; then the same under random practical answers;
2. stability: over 1,000 random answer sets, how often changing one interest answer changes at
   most one of the three matches (uniform random answers, as asked, and answers with a liking per type);
3. an audit of every outcome above and of 2,000 more: hard requirements (age, work authorization,
   licences), urgency ("this week" never a year or more), at most three matches in distinct groups.

    .venv/bin/python eval/quiz_eval.py [--sets 1000] [--seed 2026] [--database URL] [--write]

--write puts the report into docs/quiz.md (between the quiz-eval markers). Exits 1 if any rule is broken.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "quiz.md"
START, END = "<!-- quiz-eval:start -->", "<!-- quiz-eval:end -->"


def prepare(database_url: str) -> None:
    env = os.environ | {"DATABASE_URL": database_url, "LOG_LEVEL": "WARNING"}
    for command in (["migrate", "-v0"], ["import_data", "-v0"], ["durability_compute"], ["content_load"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )


def report(*, sets: int, seed: int) -> tuple[str, int]:
    from careermap.quiz import evaluation
    from careermap.quiz.selectors import build_candidates

    pool = build_candidates()
    candidates = pool.candidates
    lines = [
        f"Run {dt.date.today():%Y-%m-%d} by `eval/quiz_eval.py --sets {sets} --seed {seed}` over "
        f"{pool.occupations} occupations with an O*NET interest profile and {pool.reads} reads "
        f"({len(candidates)} candidates; {pool.skipped_without_profile} occupations have no profile; "
        f"durability scores {'loaded' if pool.durability_available else 'not available'}).",
        "",
        "**One-type-only profiles** (nothing ruled out by the practical answers):",
        "",
        "| Type | Three matches (interest code) | First high point of all three is the type |",
        "|---|---|---|",
    ]
    one = evaluation.one_type(candidates)
    for row in one:
        names = "; ".join(f"{title} ({code})" for _, title, code in row.matches)
        lines.append(f"| {row.letter} | {names} | {'yes' if row.ok else '**no**'} |")
    passed = sum(row.ok for row in one)
    lines += ["", f"{passed} of 6 types pass.", ""]

    sweep = evaluation.one_type_sweep(candidates, practical_sets=200, seed=seed)
    lines += [
        f"Under {sweep['practical_sets']} random sets of practical answers (some rule out most candidates):",
        "",
        "| Type | every returned match has it first | three matches returned |",
        "|---|---|---|",
    ]
    for letter, row in sweep["by_type"].items():
        n = sweep["practical_sets"]
        lines.append(f"| {letter} | {row['all_first_high_point'] / n:.1%} | {row['three_returned'] / n:.1%} |")

    broken: list[str] = []
    lines += [
        "",
        f"**Stability**: one interest answer changed at random in each of {sets:,} random answer sets "
        "(practical answers random too):",
        "",
        "| Answers | compared | 0 changed | 1 changed | 2 changed | 3 changed | at most one changed | no profile (flat) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for mode, label in (("uniform", "uniform random 1–5"), ("structured", "a liking per type")):
        result = evaluation.stability(candidates, sets=sets, seed=seed, mode=mode)
        broken += result["violations"]
        c = result["changed"]
        rate = result["at_most_one_rate"]
        lines.append(
            f"| {label} | {result['compared']:,} | {c[0]} | {c[1]} | {c[2]} | {c[3]} | "
            f"**{rate:.1%}** | {result['no_profile']} |"
        )

    audit = evaluation.audit(candidates, sets=2 * sets, seed=seed + 1)
    broken += audit["violations"]
    lines += [
        "",
        f"**Audit**: {2 * sets:,} more random answer sets plus every outcome above: "
        f"{len(broken)} broken rules (hard requirements, urgency, three unique matches in distinct groups); "
        f"{audit['matches_for_this_week']} matches shown to people who need money this week, none a year or more away."
        if not broken
        else f"**Audit**: {len(broken)} broken rules, e.g. {broken[:5]}",
    ]
    return "\n".join(lines), len(broken)


def write_doc(body: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{DOC} has no {START} … {END} section")
    text = text[: text.index(START)] + f"{START}\n{body}\n{END}" + text[text.index(END) + len(END) :]
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database", help="a database URL that already holds the data (skips the import)")
    parser.add_argument("--write", action="store_true", help="write the report into docs/quiz.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="careermap-quiz-eval-") as workdir:
        url = args.database or f"sqlite:///{workdir}/eval.sqlite3"
        if not args.database:
            prepare(url)
        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careermap.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        body, broken = report(sets=args.sets, seed=args.seed)
    print(body)
    if args.write:
        write_doc(body)
    sys.exit(1 if broken else 0)


if __name__ == "__main__":
    main()
