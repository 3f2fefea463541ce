"""Detection quality on every labeled corpus, each scored on its own.

    python scripts/quality.py                 # every corpus of tests/data/corpora/
    python scripts/quality.py DIR [DIR ...]   # chosen corpora
    python scripts/quality.py --write         # also write docs/quality.md and the README's table

Each corpus is checked without the fact cache (so the figures follow the code, not
an earlier run) and scored by the rule of factcheck.evaluate, which agrees with the
shared scorer to the last digit.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.evaluate import Score, load_gold, score_report  # noqa: E402
from factcheck.pipeline import check  # noqa: E402
from factcheck.report import to_json_dict  # noqa: E402


def default_corpora() -> list[Path]:
    """The labeled corpora kept in the repository (copies of the shared ones)."""
    corpora = ROOT / "tests" / "data" / "corpora"
    return sorted(p for p in corpora.iterdir() if (p / "gold.yaml").is_file())


def recall_by_kind(score: Score, gold: dict) -> dict[str, tuple[int, int]]:
    """Per conflict kind: (gold conflicts hit, gold conflicts)."""
    kinds = {c["id"]: c["kind"] for c in gold.get("conflicts") or []}
    total = Counter(kinds.values())
    hit = Counter(kinds[i] for i in score.recalled if i in kinds)
    return {k: (hit[k], total[k]) for k in sorted(total)}


def measure(corpus: Path) -> tuple[Score, dict]:
    gold = load_gold(corpus)
    report = to_json_dict(check([corpus]))
    return score_report(report, corpus, gold), gold


def table(rows: list[tuple[str, Score, dict]]) -> str:
    lines = ["| corpus | flagged | precision | recall | F1 | forbidden flags | severity agreement | recall per kind |",
             "|---|---|---|---|---|---|---|---|"]
    for name, score, gold in rows:
        kinds = ", ".join(f"{k} {h}/{n}" for k, (h, n) in recall_by_kind(score, gold).items())
        lines.append(f"| {name} | {score.predicted} | {score.precision:.3f} | {score.recall:.3f} | "
                     f"{score.f1:.3f} | {len(score.forbidden)} | {score.severity_agreement:.2f} | {kinds} |")
    return "\n".join(lines)


def details(name: str, score: Score) -> str:
    out = [f"### {name}", "", f"missed: {', '.join(score.missed) or 'none'}"]
    for cid, entries in score.forbidden:
        out.append(f"- forbidden: {cid} hits {', '.join(entries)}")
    for fp in score.false_positives:
        out.append(f"- false positive {fp['id']} [{fp['kind']}]: {fp['explanation']}")
    return "\n".join(out)


def write_readme_table(text: str) -> None:
    """The README shows the same table, between its quality-table markers."""
    readme = ROOT / "README.md"
    start, end = "<!-- quality table -->", "<!-- end quality table -->"
    doc = readme.read_text(encoding="utf-8")
    if start in doc and end in doc:
        head, rest = doc.split(start, 1)
        readme.write_text(f"{head}{start}\n{text}\n{end}{rest.split(end, 1)[1]}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpora", nargs="*", type=Path)
    parser.add_argument("--write", action="store_true", help="write docs/quality.md")
    args = parser.parse_args()
    rows = []
    for corpus in args.corpora or default_corpora():
        score, gold = measure(corpus)
        rows.append((corpus.name, score, gold))
    text = table(rows)
    print(text)
    for name, score, _ in rows:
        print()
        print(details(name, score))
    if args.write:
        doc = ["# Detection quality", "",
               "Written by `python scripts/quality.py --write`: each labeled corpus checked with the",
               "default rules and options, without the fact cache, and scored on its own by the rule",
               "of the shared scorer (`factcheck eval` gives the same figures). Forbidden flags are",
               "predicted conflicts that hit a must-not-flag pair and no gold conflict.", "",
               text, "", "## Misses and false positives", ""]
        doc += [details(name, score) + "\n" for name, score, _ in rows]
        (ROOT / "docs" / "quality.md").write_text("\n".join(doc), encoding="utf-8")
        write_readme_table(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
