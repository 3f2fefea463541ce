"""The normalizer tables (tests/data/normalizer/*.yaml): loading and checking.

Shared by tests/test_normalizer_table.py and scripts/normalizer_accuracy.py.
``check(table, case)`` runs this project's normalizer on one case and returns the
differences from the expectation (an empty list when the case passes).
"""
from __future__ import annotations

import math
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import yaml

TABLES = ("numbers", "quantities", "dates")
DATA = Path(__file__).parent / "data" / "normalizer"
# Figures that are dates are read by the date normalizer; the quantity table
# resolves them against this time, as the extractor does with an article's.
QUANTITY_PUBLISHED = datetime.fromisoformat("2025-10-02T10:00:00+09:00")


def load_cases(table: str) -> list[dict]:
    data = yaml.safe_load((DATA / f"{table}.yaml").read_text(encoding="utf-8"))
    cases = data["cases"]
    for case in cases:
        if table == "dates":
            case.setdefault("published", data["published"])
    return cases


def same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


@lru_cache(maxsize=1)
def lexicon():
    from factcheck.normalize.lexicon import lexicon_from_rules
    from factcheck.rules import load_rules

    return lexicon_from_rules(load_rules())


@lru_cache(maxsize=1)
def scanner():
    from factcheck.normalize.quantities import QuantityScanner

    return QuantityScanner(lexicon())


def read_number(case: dict):
    from factcheck.normalize.numbers import parse_english_number, parse_korean_number

    if "scale" in case:
        return parse_english_number(case["text"], case["scale"])
    return parse_korean_number(case["text"])


def read_quantities(text: str) -> list[dict]:
    from factcheck.normalize.dates import scan_dates

    dates = [(d.start, d.end) for d in scan_dates(text, QUANTITY_PUBLISHED)]
    out = []
    for m in scanner().scan(text):
        if any(m.start < e and s < m.end for s, e in dates):
            continue
        q = m.quantity
        out.append({"surface": text[m.start:m.end], "value": q.value, "low": q.low, "high": q.high,
                    "unit": q.unit, "scope": m.scope.kind, "hedge": q.hedge})
    return out


def read_dates(text: str, published: str) -> list[dict]:
    from factcheck.normalize.dates import scan_dates

    return [{"surface": text[d.start:d.end], "iso": d.value.iso(), "boundary": d.boundary,
             "timezone": d.value.timezone}
            for d in scan_dates(text, datetime.fromisoformat(published), zones=lexicon().zones)]


def expected_quantity(e: dict) -> dict:
    return {"surface": e["surface"], "value": e["value"], "low": e.get("low", e["value"]),
            "high": e.get("high", e["value"]), "unit": e["unit"], "scope": e.get("scope", "point"),
            "hedge": e.get("hedge")}


def expected_date(e: dict) -> dict:
    return {"surface": e["surface"], "iso": str(e["iso"]), "boundary": e.get("boundary"),
            "timezone": e.get("timezone")}


def _diff_lists(want: list[dict], got: list[dict]) -> list[str]:
    if len(want) != len(got):
        return [f"expected {len(want)} mention(s) {want}, got {len(got)} {got}"]
    problems = []
    for i, (w, g) in enumerate(zip(want, got)):
        for key, value in w.items():
            ok = same_number(value, g[key]) if key in ("value", "low", "high") else value == g[key]
            if not ok:
                problems.append(f"mention {i + 1} {key}: expected {value!r}, got {g[key]!r}")
    return problems


def check(table: str, case: dict) -> list[str]:
    if table == "numbers":
        got = read_number(case)
        return [] if same_number(case["value"], got) else [f"expected {case['value']!r}, got {got!r}"]
    if table == "quantities":
        return _diff_lists([expected_quantity(e) for e in case["expect"]], read_quantities(case["text"]))
    if table == "dates":
        return _diff_lists([expected_date(e) for e in case["expect"]],
                           read_dates(case["text"], case["published"]))
    raise ValueError(f"unknown table {table}")
