"""Find quantities in running text and normalize them to intervals.

A quantity is a numeral with a unit ("90만 웨이퍼", "$350 billion", "15%"),
widened or bounded by hedges ("약", "최대", "이상", "에 육박") and read with its
scope ("월 90만 장" per month, "2029년까지" by a date, "4년간" over a period,
"15%로 인하" a level, "15% 인하" a change).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from ..model import Quantity
from ..rules.entries import Hedge
from .lexicon import HedgeWord, Lexicon, words_pattern
from .numbers import (DIGITS, ENGLISH_SCALES, HANGUL_NUMERAL, KOREAN_NUMERAL, NATIVE_NUMERALS,
                      format_number, parse_english_number, parse_korean_number)
from .scopes import Scope, ScopeReader


@dataclass(frozen=True)
class QuantityMention:
    start: int
    end: int
    quantity: Quantity
    scope: Scope
    numeral: str  # the numeral as written, for traces


CURRENCY_PREFIX = {"US$": "USD", "$": "USD", "₩": "KRW", "€": "EUR", "£": "GBP", "¥": "JPY"}
# One-letter scales ("$5m", "$350B") count only after a currency sign: "300m" is a length.
_SCALE_WORDS = "|".join(sorted((w for w in ENGLISH_SCALES if len(w) > 1), key=len, reverse=True))
_SHORT_SCALES = "|".join(w for w in ENGLISH_SCALES if len(w) == 1)
_NATIVE = "|".join(sorted(NATIVE_NUMERALS, key=len, reverse=True))
# "100여 명", "1년여": 여 follows the numeral, or a unit written without a space.
_YEO = "여"
# "천 4백만 달러" (14 million): a lone 백/천 leads the groups of one number written
# apart. Only before a group with its own magnitude word, so that the surname in
# "천 2명" stays a word.
_LEAD = r"(?:(?<![가-힣])[백천]\s?(?=\d{1,3}\s?[십백천만억조]))?"


# Text inside a web address or an e-mail address is no figure: "%28" in a URL is
# an escaped "(", not 28 percent.
_ADDRESS = re.compile(r"(?i:https?://|www\.)[^\s<>\"'\u3131-\u318e\uac00-\ud7a3]+"
                      r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# Compatibility signs news text writes for Latin units: ㎏ for kg, ℓ for L, ㎡ for m2.
# Matched by exact spelling (㎽ is mW, ㎿ is MW); ℓ is the sign for L.
_COMPAT_SIGNS: dict[str, str] = {"L": "ℓ"}
for _code in (*range(0x2100, 0x2150), *range(0x3380, 0x3400)):
    _plain = unicodedata.normalize("NFKC", chr(_code))
    if _plain != chr(_code) and _plain.isascii() and len(_plain) > 1:
        _COMPAT_SIGNS.setdefault(_plain, chr(_code))


def address_spans(text: str) -> list[tuple[int, int]]:
    """Where web addresses (http://..., www....) and e-mail addresses are."""
    return [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]


def _unit_key(word: str) -> str:
    """Unit words are looked up without spaces: "캐나다달러" finds "캐나다 달러"."""
    return re.sub(r"\s", "", word)


def _within_line(pattern: str) -> re.Pattern:
    return re.compile(pattern.replace(r"\s", r"[^\S\r\n]"))


def _fullwidth(word: str) -> str:
    """'%' -> '％': news text often writes signs and Latin units in full width."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)


class QuantityScanner:
    """Compiled once per lexicon; ``scan`` is called per text."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.units = dict(lexicon.units)
        for word, unit in lexicon.units.items():
            self.units.setdefault(_fullwidth(word), unit)
            if word.isascii() and len(word) > 1:
                self.units.setdefault(word.lower(), unit)  # "ml" for mL, "usd" for USD
            for spelling in (word, word.lower()):
                if spelling in _COMPAT_SIGNS:
                    self.units.setdefault(_COMPAT_SIGNS[spelling], unit)  # ㎏, ℓ, ㎡, ㎖
        units = words_pattern(self.units)
        self.unit_lookup = {_unit_key(w): u for w, u in self.units.items()}
        # A currency sign or ISO code written before the amount: "$350", "EUR 20".
        self.prefixes = dict(CURRENCY_PREFIX)
        for word, unit in lexicon.units.items():
            if unit.dimension == "currency" and (re.fullmatch(r"[A-Z]{3}", word) or
                                                 re.fullmatch(r"[A-Z]{0,2}\$", word)):
                self.prefixes.setdefault(word, unit.unit)
        self.scopes = ScopeReader(lexicon)
        # A unit word that begins a longer word is no unit: 1분기 (a quarter), 10주년
        # (an anniversary), 2030년대 (a decade).
        self.compounds = frozenset(lexicon.unit_compounds)
        # "30대 남성": an age bracket, not thirty vehicles.
        self.age_bracket = re.compile(rf"[^\S\r\n]?(?:{words_pattern(lexicon.age_nouns) or '(?!)'})")
        prefix = "|".join(re.escape(p) + (r"(?=\s?\d)" if p.isalpha() else "")
                          for p in sorted(self.prefixes, key=len, reverse=True))
        # A figure never runs across a line break: every \s is a space within a line.
        self.pattern = _within_line(
            rf"(?<![0-9A-Za-z.,])(?P<prefix>{prefix})?\s?"
            rf"(?:(?P<sign>[-−](?=\d)|마이너스\s?(?=\d))?(?P<num>{_LEAD}{KOREAN_NUMERAL})"
            rf"(?:\s?(?P<scale>(?i:{_SCALE_WORDS})|(?(prefix)(?i:{_SHORT_SCALES})|(?!)))(?![A-Za-z])\.?)?"
            rf"|(?<![가-힣])(?P<native>{_NATIVE})(?=\s[가-힣])"
            rf"|(?<![가-힣])(?P<hangul>{HANGUL_NUMERAL}))"
            rf"(?P<yeo>\s?{_YEO})?"
            rf"(?:\s?(?P<unit>{units}))?"
        )
        self.hedge_before = re.compile(
            rf"(?:^|[^가-힣A-Za-z])(?P<h>{words_pattern(lexicon.hedges_before) or '(?!)'})\s?$")
        # A hedge after the figure may follow a particle: "1000명이 넘는", "1000억 달러에 육박".
        self.hedge_after = _within_line(
            rf"\s?(?:[에을를이가]\s?)?(?={words_pattern(lexicon.hedges_after) or '(?!)'})")

    def scan(self, text: str, lo: int = 0, hi: int | None = None) -> list[QuantityMention]:
        hi = len(text) if hi is None else hi
        found = []
        addresses = address_spans(text)
        for m in self.pattern.finditer(text, lo, hi):
            if any(s < m.end() and m.start() < e for s, e in addresses):
                continue
            mention = self._read(text, m, lo, hi)
            if mention and not any(s < mention.end and mention.start < e for s, e in addresses):
                found.append(mention)
        return _join_durations(text, found)

    def _read(self, text: str, m: re.Match, lo: int, hi: int) -> QuantityMention | None:
        unit_word = m.group("unit")
        prefix = m.group("prefix")
        numeral = (m.group("num") or m.group("hangul") or m.group("native") or "").strip()
        value: float | None
        if m.group("native"):
            value = float(NATIVE_NUMERALS[numeral])
        elif m.group("hangul"):
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
        if m.group("sign"):
            value = -value
        if unit_word and any(text.startswith(c, m.start("unit")) for c in self.compounds
                             if len(c) > len(unit_word)):
            return None
        unit = self.unit_lookup.get(_unit_key(unit_word)) if unit_word else None
        if prefix:
            if prefix.isalpha() and text[m.start("prefix") - 1:m.start("prefix")] == "/":
                return None  # "KRW/USD 1,400" is an exchange rate, not dollars
            unit_name, dimension, factor = self.prefixes[prefix], "currency", 1.0
            if unit and unit.dimension != "currency":
                unit_word = None  # "$3 billion 규모": keep only the currency
        elif unit:
            unit_name, dimension, factor = unit.unit, unit.dimension, unit.factor
        else:
            return None
        if unit_word and re.match(r"[A-Za-z]", text[m.end():m.end() + 1]) and unit_word.isascii() \
                and unit_word.isalpha():
            return None  # "15 dollarsign" or "3 Mbps": a Latin unit must end a word
        end = m.end()
        if not unit_word:
            end = m.end("scale") if m.group("scale") else m.end("num")
        start = m.start("prefix") if prefix else m.start("sign") if m.group("sign") else \
            m.start("num") if m.group("num") else m.start("native") if m.group("native") else m.start("hangul")
        if m.group("native") and not _native_count(text, end, numeral, unit_word, dimension, unit_name):
            return None
        if _not_a_figure(text, start, end, dimension, unit_word, value, self.age_bracket):
            return None
        base = value * factor
        low, high, hedge, end, frame = self._hedge(text, start, end, base, hi, bool(m.group("yeo")), factor)
        # The frame stands before a leading hedge: "연간 최대 200억 달러".
        scope = self.scopes.read(text, frame, end, lo, hi, dimension)
        trace = f"{text[start:end]} -> {format_number(base)} {unit_name}"
        if hedge:
            trace += f" ({hedge}: [{format_number(low)}, {_fmt_high(high)}])"
        if scope.kind != "point":
            trace += f", scope {scope.kind}" + (f" {scope.detail}" if scope.detail else "")
        quantity = Quantity(base, low, high, unit_name, dimension, hedge, trace)
        return QuantityMention(start, end, quantity, scope, numeral)

    def _hedge(self, text, start, end, value, hi, yeo, factor=1.0):
        """Apply the hedges before, inside ("90만여 명") and after the figure.

        Returns the interval, the hedge words, the new end (past a hedge written
        after) and where the figure's frame ends (before a hedge written before).
        """
        low, high, frame = value, value, start
        words: list[HedgeWord] = []
        before = self.hedge_before.search(text, max(0, start - 6), start)
        if before:
            words.append(self.lexicon.hedges_before[before.group("h")])
            frame = before.start("h")
        if yeo:
            words.append(self.lexicon.hedges_after.get(_YEO, HedgeWord(_YEO, Hedge((_YEO,), "after", "at_least"))))
        after = self._after_hedge(text, end, hi)
        if after:
            words.append(self.lexicon.hedges_after[after[0]])
            end = after[1]
        # An open-ended hedge wins over an approximating one: "약 500개 이상" is
        # [500, +inf), "약 500명 이하" is [0, 500].
        # The approximating hedge is still named in the trace.
        bounding = words
        if any(_open_ended(w) for w in words):
            bounding = [w for w in words if w.hedge.effect != "approx"]
        for i, word in enumerate(bounding):
            if word.hedge.effect == "odd_over" and factor:
                # "1년여": a step of the number as written (1 year), not of its base unit.
                low2, high2 = (x * factor for x in word.hedge.bounds(value / factor))
            else:
                low2, high2 = word.hedge.bounds(value)
            low, high = (max(low, low2), min(high, high2)) if i else (low2, high2)
        hedges = [w.word for w in words]
        return low, high, "+".join(hedges) or None, end, frame

    def _after_hedge(self, text: str, end: int, hi: int) -> tuple[str, int] | None:
        """The hedge word after a figure and where it ends. Of the listed forms that
        match, the longest one that ends a word wins ("육박하는 투자"); when none ends
        a word, the shortest ("육박" in "육박한다", "이상" in "이상이")."""
        m = self.hedge_after.match(text, end, hi)
        if not m:
            return None
        pos = m.end()
        found = [w for w in self.lexicon.hedges_after
                 if text.startswith(w, pos) and pos + len(w) <= hi and (w != _YEO or pos == end)]
        if not found:
            return None
        whole = [w for w in found if not re.match(r"[가-힣]", text[pos + len(w):pos + len(w) + 1])]
        word = max(whole, key=len) if whole else min(found, key=len)
        return word, pos + len(word)


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


def _native_count(text: str, end: int, numeral: str, unit_word: str | None, dimension: str,
                  unit_name: str) -> bool:
    """A native numeral counts with a counter written apart ("세 명", "두 배", "다섯 살")
    that ends its word or takes a particle: not "두 회사", "한 장관", "한 대표", nor
    "한 달" (a period word), "다시 한번", "한 번에" (adverbs)."""
    if not unit_word or not (dimension in ("count", "multiple") or unit_name == "age"):
        return False
    if numeral == "한" and unit_word == "번":
        return False
    return not re.match(r"[가-힣]", text[end:end + 1]) or \
        bool(re.match(r"[이가을를은는의에도만과와씩으로쯤뿐나째까부]", text[end:end + 1]))


def _not_a_figure(text: str, start: int, end: int, dimension: str, unit_word: str | None,
                  value: float, age_bracket: re.Pattern[str]) -> bool:
    """Ordinals ('제20대 대통령', '11번째 확진자') and age brackets ('30대 남성')."""
    if text[start - 1:start] == "제" and (start < 2 or not re.match(r"[가-힣]", text[start - 2])):
        return True
    if dimension == "count" and text.startswith("째", end):
        return True
    return unit_word == "대" and value in range(10, 100, 10) and bool(age_bracket.match(text, end))


def _open_ended(word: HedgeWord) -> bool:
    """A hedge that bounds one side only: 이상, 초과 ([v, +inf)), 이하, 미만 ([0, v]);
    not 남짓 ([v, 1.5v]), which is bounded on both sides."""
    if word.hedge.effect in ("at_most", "below"):
        return True
    return word.hedge.effect in ("at_least", "above") and word.hedge.tolerance is None


def _fmt_high(high: float) -> str:
    return "inf" if math.isinf(high) else format_number(high)


__all__ = ["QuantityScanner", "QuantityMention", "DIGITS"]
