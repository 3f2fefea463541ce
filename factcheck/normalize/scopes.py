"""Read the scope of a quantity from the words around it.

Korean news states the frame of a figure just before it ("월 90만 장",
"2029년까지 90만 웨이퍼", "향후 4년간 1,000억 달러", "연간 200억 달러") or just
after it ("15%로 인하", "15% 인하", "250억달러씩"). The grammar (date + 까지,
duration + 간, 로 + a verb of change) lives here; the words come from the rules
(``kind: scope``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, words_pattern
from .numbers import NATIVE_NUMERALS

RATES = ("per_day", "per_month", "per_quarter", "per_year")
# Day counts of the duration units a period is written in.
_DAYS = {"년": 365.25, "개월": 30.44, "달": 30.44, "주": 7.0, "일": 1.0, "분기": 91.3}

DATE = r"(?:(?:\d{4}년\s?)?(?:[1-4]분기|[상하]반기)|\d{4}년(?:\s?\d{1,2}월)?(?:\s?\d{1,2}일)?|" \
       r"\d{1,2}월(?:\s?\d{1,2}일)?|\d{4}\.\d{1,2}(?:\.\d{1,2})?)"
DURATION = r"(?P<n>\d+(?:\.\d+)?|[한두세네다섯여섯일곱여덟아홉열]+)\s?(?P<u>년|개월|달|주|일|분기)"
_ARROW = r"(?:→|->|⇒)"
_NOTHING = "(?!)"  # an alternation of no words matches nothing


@dataclass(frozen=True)
class Scope:
    kind: str = "point"
    detail: str | None = None
    period_days: float | None = None  # for over_period: the length of the period


def _alt(words: list[str] | None) -> str:
    return words_pattern(words) if words else _NOTHING


class ScopeReader:
    """The scope grammar compiled with one lexicon's words."""

    def __init__(self, lexicon: Lexicon):
        before, after = lexicon.scopes_before, lexicon.scopes_after
        # Rate and total words before a figure, longest first within each kind.
        self.period_words = {kind: sorted(before.get(kind, []), key=len, reverse=True)
                             for kind in (*RATES, "total")}
        total = _alt(before.get("total"))
        self.by_date = re.compile(rf"({DATE})\s?(?:말|초|중)?\s?(?:{_alt(after.get('by_date'))})\s*"
                                  rf"(?:(?:{total})\s?)?[^\s,]*?\s?$")
        self.from_date = re.compile(rf"({DATE})\s?(?:{_alt(after.get('from_date'))})\s*(.*)$")
        lead = _alt(before.get("over_period"))
        self.over_period = re.compile(rf"(?:(?:{lead})\s?)?(?:최장|최대|약)?\s?{DURATION}\s?"
                                      rf"(?:{_alt(after.get('over_period'))})\s*(?:(?:{total})\s?)?(?:\S+\s)?$")
        change = _alt(after.get("change_by"))
        self.change_to = re.compile(rf"^\s?(?:로|으로)\s?(?:\S+\s?)?(?:{change})")
        self.change_by = re.compile(rf"^\s?(?:p|포인트|%p)?\s?(?:가량\s?|정도\s?|씩\s?)?(?:{change})")

    def read(self, text: str, start: int, end: int, lo: int, hi: int, dimension: str) -> Scope:
        before = _tail(text, lo, start)
        after = text[end:min(hi, end + 16)]

        if dimension in ("percent", "percent_point"):
            change = self._read_change(text, lo, start, after)
            if change:
                return change

        m = self.by_date.search(before)
        if m and _close(before, m):
            return Scope("by_date", m.group(1))
        m = self.from_date.search(before)
        if m and _close(before, m):
            rate = self._period_word(m.group(2))
            return Scope(rate or "from_date", f"from {m.group(1)}")
        rate = self._period_word(before, at_end=True)
        if rate and rate != "total":
            return Scope(rate)  # "4년 동안 매년 250억 달러": the figure is the yearly amount
        m = self.over_period.search(before)
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

    def _period_word(self, before: str, at_end: bool = False) -> str | None:
        for kind, items in self.period_words.items():
            for w in items:
                if at_end:
                    # "월 90만": the word ends the window; "10월 90만" is a date, not a rate.
                    if re.search(rf"(?:^|[^0-9가-힣]){re.escape(w)}\s?(?:평균\s?)?$", before):
                        return kind
                elif re.search(rf"(?:^|[^0-9가-힣]){re.escape(w)}(?:$|[^가-힣])", before):
                    return kind
        return None

    def _read_change(self, text: str, lo: int, start: int, after: str) -> Scope | None:
        """'25%에서 15%로 인하' -> change_to 15 (from 25); '15% 인하' -> change_by 15;
        '25%→15%' -> change_from 25, change_to 15."""
        if re.match(rf"^\s?(?:에서|으로부터|로부터|{_ARROW})\s?", after):
            return Scope("change_from")
        before = text[max(lo, start - 16):start]
        arrow = re.search(rf"(\d+(?:\.\d+)?\s?%)\s?{_ARROW}\s?$", before)
        if arrow:
            return Scope("change_to", f"from {arrow.group(1)}")
        source = re.search(r"(\d+(?:\.\d+)?\s?%)\s?(?:\)\s?)?(?:에서|이던|였던|인|던|[이가은는])?\s?"
                           r"(?:[가-힣]+[은는이가]\s?)?$", before)
        if self.change_to.match(after) or (re.match(r"^\s?(?:로|으로)", after) and source):
            return Scope("change_to", f"from {source.group(1)}" if source else None)
        if self.change_by.match(after):
            return Scope("change_by")
        return None


def _tail(text: str, lo: int, start: int, width: int = 24) -> str:
    """The text right before a figure, cut at the clause boundary."""
    window = text[max(lo, start - width):start]
    cut = max(window.rfind(","), window.rfind(";"), window.rfind("\n"), window.rfind(". "))
    return window[cut + 1:] if cut >= 0 else window


def _close(before: str, m: re.Match[str]) -> bool:
    """The frame must stand right before the figure (a word or two between)."""
    return len(before) - m.end() <= 3 and len(before[m.start():].split()) <= 4


def _days(m: re.Match[str]) -> float:
    n = m.group("n")
    number = float(n) if n[0].isdigit() else float(NATIVE_NUMERALS.get(n, 1))
    return round(number * _DAYS[m.group("u")], 2)
