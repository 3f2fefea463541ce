"""Read the scope of a quantity from the words around it.

Korean news states the frame of a figure just before it ("월 90만 장",
"2029년까지 90만 웨이퍼", "향후 4년간 1,000억 달러", "연간 200억 달러") or just
after it ("15%로 인하", "15% 인하", "250억달러씩"). The grammar (date + 까지,
duration + 간) lives here; the period words come from the rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import NATIVE_NUMERALS

PERIOD_WORDS = {
    "per_month": ["월", "월간", "매달", "매월", "한 달", "한달", "월평균"],
    "per_year": ["연", "연간", "매년", "해마다", "연평균", "한 해", "한해", "年", "年間"],
    "per_quarter": ["분기", "분기마다", "매 분기"],
    "per_day": ["하루", "일일", "일평균", "매일", "하루 평균"],
    "total": ["총", "누적", "합계", "전체", "모두", "총액"],
}
_DAYS = {"년": 365.25, "개월": 30.44, "달": 30.44, "주": 7.0, "일": 1.0, "분기": 91.3}

DATE = r"(?:(?:\d{4}년\s?)?(?:[1-4]분기|[상하]반기)|\d{4}년(?:\s?\d{1,2}월)?(?:\s?\d{1,2}일)?|" \
       r"\d{1,2}월(?:\s?\d{1,2}일)?|\d{4}\.\d{1,2}(?:\.\d{1,2})?)"
DURATION = r"(?P<n>\d+(?:\.\d+)?|[한두세네다섯여섯일곱여덟아홉열]+)\s?(?P<u>년|개월|달|주|일|분기)"

# Verbs of change, as stems and their past forms ("올랐다", "낮췄다", "내렸다").
_CHANGE = (r"(?:인하|인상|낮[추춰췄춘아았은]|내[리려렸린]|올[리려렸린라랐]|오[르른]|높[이여였인아았은]|줄|늘|"
           r"감소|증가|하락|상승|하향|상향|삭감|축소|확대|떨어|조정|변경|급등|급락|증액|감액)")
_ARROW = r"(?:→|->|⇒)"


@dataclass(frozen=True)
class Scope:
    kind: str = "point"
    detail: str | None = None
    period_days: float | None = None  # for over_period: the length of the period


def _tail(text: str, lo: int, start: int, width: int = 24) -> str:
    """The text right before a figure, cut at the clause boundary."""
    window = text[max(lo, start - width):start]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind("\n"), window.rfind(". "))
    return window[cut + 1:] if cut >= 0 else window


def read_scope(text: str, start: int, end: int, lo: int, hi: int, dimension: str,
               period_words: dict[str, list[str]] | None = None) -> Scope:
    before = _tail(text, lo, start)
    after = text[end:min(hi, end + 16)]
    words = period_words or PERIOD_WORDS

    if dimension in ("percent", "percent_point"):
        change = _read_change(text, lo, start, after)
        if change:
            return change

    m = re.search(rf"({DATE})\s?(?:말|초|중)?\s?까지\s*(?:총\s?|모두\s?|누적\s?)?[^\s,]*?\s?$", before)
    if m and _close(before, m):
        return Scope("by_date", m.group(1))
    m = re.search(rf"({DATE})\s?(?:부터|이후)\s*(.*)$", before)
    if m and _close(before, m):
        rate = _period_word(m.group(2), words)
        return Scope(rate or "from_date", f"from {m.group(1)}")
    rate = _period_word(before, words, at_end=True)
    if rate and rate != "total":
        return Scope(rate)  # "4년 동안 매년 250억 달러": the figure is the yearly amount
    m = re.search(rf"(?:향후|앞으로|최장|최대|약)?\s?{DURATION}\s?(?:간|동안|안에|안|이내|내|내에|에 걸쳐|에걸쳐)\s*(?:총\s?)?(?:\S+\s)?$", before)
    if m and _close(before, m):
        return Scope("over_period", f"{m.group('n')}{m.group('u')}", _days(m))
    if rate:
        return Scope(rate)
    m = re.search(r"^\s?씩\s?(?:" + DURATION + ")?", after)
    if m and m.group("n"):
        return Scope("over_period", f"{m.group('n')}{m.group('u')}", _days(m))
    m = re.search(rf"({DATE})\s?에\s*$", before)
    if m:
        return Scope("in_period", m.group(1))
    return Scope()


def _close(before: str, m: re.Match) -> bool:
    """The frame must stand right before the figure (a word or two between)."""
    return len(before) - m.end() <= 3 and len(before[m.start():].split()) <= 4


def _period_word(before: str, words: dict[str, list[str]], at_end: bool = False) -> str | None:
    for kind, items in words.items():
        for w in sorted(items, key=len, reverse=True):
            if at_end:
                # "월 90만": the word ends the window; "10월 90만" is a date, not a rate.
                if re.search(rf"(?:^|[^0-9가-힣]){re.escape(w)}\s?(?:평균\s?)?$", before):
                    return kind
            elif re.search(rf"(?:^|[^0-9가-힣]){re.escape(w)}(?:$|[^가-힣])", before):
                return kind
    return None


def _days(m: re.Match) -> float:
    n = m.group("n")
    number = float(n) if n[0].isdigit() else float(NATIVE_NUMERALS.get(n, 1))
    return round(number * _DAYS[m.group("u")], 2)


def _read_change(text: str, lo: int, start: int, after: str) -> Scope | None:
    """'25%에서 15%로 인하' -> change_to 15 (from 25); '15% 인하' -> change_by 15;
    '25%→15%' -> change_from 25, change_to 15."""
    if re.match(rf"^\s?(?:에서|으로부터|로부터|{_ARROW})\s?", after):
        return Scope("change_from")
    before = text[max(lo, start - 16):start]
    arrow = re.search(rf"(\d+(?:\.\d+)?\s?%)\s?{_ARROW}\s?$", before)
    if arrow:
        return Scope("change_to", f"from {arrow.group(1)}")
    source = re.search(r"(\d+(?:\.\d+)?\s?%)\s?(?:\)\s?)?(?:에서|이던|였던|인|던|[이가은는])?\s?(?:[가-힣]+[은는이가]\s?)?$", before)
    if re.match(rf"^\s?(?:로|으로)\s?(?:\S+\s?)?{_CHANGE}", after) or \
            (re.match(r"^\s?(?:로|으로)", after) and source):
        return Scope("change_to", f"from {source.group(1)}" if source else None)
    if re.match(rf"^\s?(?:p|포인트|%p)?\s?(?:가량\s?|정도\s?|씩\s?)?{_CHANGE}", after):
        return Scope("change_by")
    return None
