#!/usr/bin/env python3
"""Regenerate tests/golden/seeds.json: the JSON report of ``factcheck check seeds``.

    .venv/bin/python scripts/regen_golden.py          # rewrite the golden file
    .venv/bin/python scripts/regen_golden.py --check  # exit 1 if it is out of date

Run it when a change to the report on the seed articles is intended, then review
the diff of tests/golden/seeds.json. Never edit the golden file by hand.

Normalized form: paths relative to the project root in POSIX form, the project's
own rules/ (not $FACTCHECK_RULES), no timings, records in the report's own order,
and ``rules_version`` (a digest of the rule files' bytes, which moves with every
comment edit) replaced by a placeholder: a rule change that matters shows up in
the facts and conflicts themselves.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
RULES = ROOT / "rules"
GOLDEN = ROOT / "tests" / "golden" / "seeds.json"
RULES_VERSION = "<rules-version>"
# Keys whose values depend on the run, not on the input: dropped wherever they appear.
VOLATILE_KEYS = {"timings", "generated", "generated_at", "elapsed", "duration", "seconds"}


def _relative(path: str) -> str:
    p = Path(path)
    if p.is_absolute():
        try:
            return p.resolve().relative_to(ROOT).as_posix()
        except ValueError:
            return p.as_posix()
    return p.as_posix()


def _drop_volatile(node):
    if isinstance(node, dict):
        return {k: _drop_volatile(v) for k, v in node.items() if k not in VOLATILE_KEYS}
    if isinstance(node, list):
        return [_drop_volatile(v) for v in node]
    return node


def normalize(report: dict) -> dict:
    """The report with machine- and run-specific parts taken out; order is kept."""
    out = _drop_volatile(json.loads(json.dumps(report)))
    if "rules_version" in out:
        out["rules_version"] = RULES_VERSION
    for record in out.get("articles", []) + out.get("problems", []):
        if isinstance(record.get("path"), str):
            record["path"] = _relative(record["path"])
    return out


def fresh_report() -> dict:
    """Run ``check`` on seeds/ the way the CLI does and return the JSON report."""
    sys.path.insert(0, str(ROOT))
    from factcheck.pipeline import check
    from factcheck.report.json_report import dumps

    cwd = os.getcwd()
    os.chdir(ROOT)  # so that the article paths read "seeds/..." as on the command line
    try:
        result = check(["seeds"], rules_dir=RULES)
    finally:
        os.chdir(cwd)
    return json.loads(dumps(result))  # the exact JSON `factcheck check --json` writes


def render(report: dict) -> str:
    return json.dumps(report, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when out of date")
    args = parser.parse_args(argv)
    text = render(normalize(fresh_report()))
    if args.check:
        same = GOLDEN.is_file() and GOLDEN.read_text(encoding="utf-8") == text
        print(f"{GOLDEN.relative_to(ROOT)}: {'up to date' if same else 'OUT OF DATE'}")
        return 0 if same else 1
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    old = GOLDEN.read_text(encoding="utf-8") if GOLDEN.is_file() else None
    GOLDEN.write_text(text, encoding="utf-8", newline="\n")
    report = json.loads(text)
    state = "unchanged" if old == text else ("written" if old is None else "updated")
    print(f"{GOLDEN.relative_to(ROOT)} {state}: {len(report['articles'])} articles, "
          f"{len(report['facts'])} facts, {len(report['conflicts'])} conflicts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
