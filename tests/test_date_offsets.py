"""Offsets from publication ("7일 전", "2주 후", "3개월 전") are counted from the
publication day, never read as a day of the month; a weekday that disagrees with
the date is a finding in the trace, not a silent override."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from factcheck.normalize.dates import scan_dates

PUBLISHED = [datetime(2025, 10, 2, 10), datetime(2026, 1, 5, 9), datetime(2024, 3, 31, 8),
             datetime(2025, 12, 21, 7)]


def _months_back(pub: date, months: int) -> tuple[int, int]:
    n = pub.year * 12 + pub.month - 1 + months
    return n // 12, n % 12 + 1


def _one(text: str, pub: datetime):
    found = scan_dates(text, pub)
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.parametrize("pub", PUBLISHED, ids=lambda p: p.date().isoformat())
def test_every_offset_phrase_resolves_by_arithmetic(pub):
    day = pub.date()
    for n in range(1, 32):
        for word, sign in (("전", -1), ("후", 1), ("뒤", 1)):
            for space in (" ", ""):
                text = f"{n}일{space}{word} 발표했다."
                mention = _one(text, pub)
                assert mention.value.as_date() == day + timedelta(days=sign * n), (text, mention)
                assert text[mention.start:mention.end] == f"{n}일{space}{word}"
    for n in range(1, 9):
        for word, sign in (("전", -1), ("후", 1)):
            mention = _one(f"{n}주 {word} 만났다.", pub)
            assert mention.value.as_date() == day + timedelta(days=7 * sign * n)
    for n in range(1, 25):
        for word, sign in (("전", -1), ("후", 1)):
            value = _one(f"{n}개월 {word} 합의했다.", pub).value
            assert (value.year, value.month, value.day) == (*_months_back(day, sign * n), None)
    for n in range(1, 11):
        value = _one(f"{n}년 전 합의했다.", pub).value
        assert (value.year, value.month) == (day.year - n, None)


def test_weekday_disagreement_is_recorded():
    mention = _one("3월 29일 화요일 오전 11시 발표한다.", datetime(2025, 10, 2, 10))
    assert (mention.value.month, mention.value.day, mention.value.hour) == (3, 29, 11)
    assert "weekday disagrees" in mention.value.trace


def test_weekday_picks_the_agreeing_month():
    mention = _one("14일 화요일 발표한다.", datetime(2025, 10, 2, 10))
    assert mention.value.as_date() == date(2025, 10, 14)
    assert "is not a 화요일" in mention.value.trace
