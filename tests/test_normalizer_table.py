"""Table-driven normalizer tests: numbers, quantities and dates as Korean news
writes them. The cases live in tests/data/normalizer/*.yaml; a case with
``known_gap`` is a known failure and must keep failing until it is fixed."""
from __future__ import annotations

import pytest

from normalizer_table import TABLES, check, load_cases


def _params():
    for table in TABLES:
        for i, case in enumerate(load_cases(table), 1):
            marks = [pytest.mark.xfail(strict=True, reason=case["known_gap"])] if case.get("known_gap") else []
            label = case["text"] if "scale" not in case else f"{case['text']} {case['scale']}"
            yield pytest.param(table, case, id=f"{table}-{i:03d}-{label[:24]}", marks=marks)


@pytest.mark.parametrize("table,case", list(_params()))
def test_normalizer_case(table, case):
    problems = check(table, case)
    assert not problems, f"{case['text']!r}: " + "; ".join(problems)


def test_tables_are_large_enough():
    counts = {t: len(load_cases(t)) for t in TABLES}
    assert sum(counts.values()) >= 320, counts
