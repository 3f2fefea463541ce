"""Find quantities in running text and normalize them to intervals.

A quantity is a numeral with a unit ("90만 웨이퍼", "$350 billion", "15%"),
widened or bounded by hedges ("약", "최대", "이상", "에 육박") and read with its
scope ("월 90만 장" per month, "2029년까지" by a date, "4년간" over a period,
"15%로 인하" a level, "15% 인하" a change).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..model import Quantity
from .lexicon import Lexicon
from .numbers import (DIGITS, ENGLISH_SCALES, HANGUL_NUMERAL, KOREAN_NUMERAL, format_number,
                      parse_english_number, parse_korean_number)
from .scopes import Scope, read_scope


@dataclass(frozen=True)
class QuantityMention:
    start: int
    end: int
    quantity: Quantity
    scope: Scope
    numeral: str  # the numeral as written, for traces


CURRENCY_PREFIX = {"US$": "USD", "$": "USD", "₩": "KRW", "€": "EUR", "£": "GBP", "¥": "JPY"}
_SCALE_WORDS = "|".join(sorted(ENGLISH_SCALES, key=len, reverse=True))


class QuantityScanner:
    """Compiled once per lexicon; ``scan`` is called per text."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        units = lexicon.unit_pattern()
        prefix = "|".join(re.escape(p) for p in sorted(CURRENCY_PREFIX, key=len, reverse=True))
        self.pattern = re.compile(
            rf"(?<![0-9A-Za-z.,])(?P<prefix>{prefix})?\s?"
            rf"(?:(?P<num>{KOREAN_NUMERAL})(?:\s?(?P<scale>{_SCALE_WORDS})(?![A-Za-z])\.?)?"
            rf"|(?<![가-힣])(?P<hangul>{HANGUL_NUMERAL}))"
            rf"(?P<yeo>\s?여)?"
            rf"(?:\s?(?P<unit>{units}))?"
        )
        self.hedge_before = re.compile(
            rf"(?:^|[^가-힣A-Za-z])(?P<h>{Lexicon.words_pattern(lexicon.hedges_before)})\s?$")
        self.hedge_after = re.compile(
            rf"^\s?(?:[에을를]\s?)?(?P<h>{Lexicon.words_pattern(lexicon.hedges_after)})")

    def scan(self, text: str, lo: int = 0, hi: int | None = None) -> list[QuantityMention]:
        hi = len(text) if hi is None else hi
        found = []
        for m in self.pattern.finditer(text, lo, hi):
            mention = self._read(text, m, lo, hi)
            if mention:
                found.append(mention)
        return _join_durations(text, found)

    def _read(self, text: str, m: re.Match, lo: int, hi: int) -> QuantityMention | None:
        unit_word = m.group("unit")
        prefix = m.group("prefix")
        numeral = (m.group("num") or m.group("hangul") or "").strip()
        if m.group("hangul"):
            # Hangul numerals only count with a unit and a multiplier: "삼천오백억 달러".
            if not unit_word or not re.search(r"[십백천만억조]", numeral) or len(numeral) < 2:
                return None
            value = parse_korean_number(numeral)
        elif m.group("scale"):
            value = parse_english_number(re.sub(r"\s", "", numeral), m.group("scale"))
        else:
            value = parse_korean_number(numeral)
        if value is None:
            return None
        unit = self.lexicon.units.get(unit_word) if unit_word else None
        if prefix:
            unit_name, dimension, factor = CURRENCY_PREFIX[prefix], "currency", 1.0
            if unit and unit.dimension != "currency":
                unit_word = None  # "$3 billion 규모": keep only the currency
        elif unit:
            unit_name, dimension, factor = unit.unit, unit.dimension, unit.factor
        else:
            return None
        if unit_word and re.match(r"[A-Za-z]", text[m.end():m.end() + 1]) and unit_word.isascii() \
                and unit_word.isalpha():
            return None  # "15 dollarsign" or "3 Mbps": a Latin unit must end a word
        end = m.end() if unit_word or not m.group("yeo") else m.end()
        if not unit_word:
            end = m.end("scale") if m.group("scale") else m.end("num")
        start = m.start("prefix") if prefix else m.start("num") if m.group("num") else m.start("hangul")
        base = value * factor
        low, high, hedge, end = self._hedge(text, start, end, base, hi, bool(m.group("yeo")))
        scope = read_scope(text, start, end, lo, hi, dimension)
        trace = f"{text[start:end]} -> {format_number(base)} {unit_name}"
        if hedge:
            trace += f" ({hedge}: [{format_number(low)}, {_fmt_high(high)}])"
        if scope.kind != "point":
            trace += f", scope {scope.kind}" + (f" {scope.detail}" if scope.detail else "")
        quantity = Quantity(base, low, high, unit_name, dimension, hedge, trace)
        return QuantityMention(start, end, quantity, scope, numeral)

    def _hedge(self, text, start, end, value, hi, yeo):
        """Apply a hedge before or after the number; return the interval and the new end."""
        low = high = value
        hedge = None
        before = self.hedge_before.search(text, max(0, start - 6), start)
        if before:
            word = self.lexicon.hedges_before[before.group("h")]
            low, high = _apply(word.effect, value, word.tolerance)
            hedge = word.word
        after = self.hedge_after.match(text[end:min(hi, end + 8)])
        if after:
            word = self.lexicon.hedges_after[after.group("h")]
            low2, high2 = _apply(word.effect, value, word.tolerance)
            low, high = max(low, low2) if hedge else low2, min(high, high2) if hedge else high2
            hedge = f"{hedge}+{word.word}" if hedge else word.word
            end = end + after.end()
        if yeo:  # "90만여 명": somewhat more than
            low, high = max(low, value), max(high, value * 1.2)
            hedge = f"{hedge}+여" if hedge else "여"
        return low, high, hedge, end


def _join_durations(text: str, found: list[QuantityMention]) -> list[QuantityMention]:
    """'1시간 27분' is one duration of 87 minutes, not two figures."""
    out: list[QuantityMention] = []
    for mention in found:
        prev = out[-1] if out else None
        q = mention.quantity
        if prev and q.dimension == prev.quantity.dimension == "duration" and q.unit == prev.quantity.unit \
                and not text[prev.end:mention.start].strip() and q.value < prev.quantity.value:
            total = prev.quantity.value + q.value
            joined = Quantity(total, prev.quantity.low + q.low, prev.quantity.high + q.high, q.unit,
                              q.dimension, prev.quantity.hedge or q.hedge,
                              f"{text[prev.start:mention.end]} -> {format_number(total)} {q.unit}")
            out[-1] = QuantityMention(prev.start, mention.end, joined, mention.scope,
                                      text[prev.start:mention.end])
        else:
            out.append(mention)
    return out


def _apply(effect: str, value: float, tolerance: float) -> tuple[float, float]:
    if effect == "approx":
        return value * (1 - tolerance), value * (1 + tolerance)
    if effect in ("at_most", "below"):
        return 0.0, value
    if effect in ("at_least", "above"):
        return value, math.inf
    if effect == "near_below":
        return value * (1 - tolerance), value
    return value, value


def _fmt_high(high: float) -> str:
    return "inf" if math.isinf(high) else format_number(high)


__all__ = ["QuantityScanner", "QuantityMention", "DIGITS"]
