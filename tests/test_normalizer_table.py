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


def test_addresses_hold_no_figures():
    """'%28' and digits inside a web or e-mail address are no figure."""
    from normalizer_table import scanner

    for text in ("https://news.example.com/2025/view?id=%2830%29&page=3",
                 "www.example.co.kr/a/%28500%EC%96%B5%EC%9B%90",
                 "press30%28@example.com"):
        assert scanner().scan(text) == [], text
    assert [m.quantity.value for m in scanner().scan("(https://x.kr/%2815%25) 점유율 15%")] == [15]
