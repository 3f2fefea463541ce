"""As-of stamps and stat lines: two frames that tell whether two figures can be compared.

- An as-of stamp: a running count (a toll, a tally of votes, a count of cases) is
  given "at" a moment: "오후 6시 10분 기준", "11시 현재", "29일 오후 3시 집계". Two
  figures under different stamps are the count at two moments (it evolves); under
  the same stamp, with different values, they cannot both be right. A figure with no
  stamp is never compared by stamp.
- A stat line: figures with their counter nouns in a row ("333경기 127골 77도움",
  "12승 3패", "5안타 2타점"). Each figure is a tally of its counter; two lines in
  different articles that agree on most tallies and differ on one have a slip.
  The counter is whatever noun follows the digits: no word list needed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable, Sequence

from ..normalize.dates import _TIME, clock  # the one spelling of a time of day
from ..model import OPEN_STAMP
from ..normalize.lexicon import words_pattern
from .sentences import Token



class StampReader:
    """``markers``: the words that make a time an as-of stamp (기준, 현재)."""

    def __init__(self, markers: Iterable[str]):
        pattern = words_pattern(list(markers))
        self.stamp = re.compile(
            rf"(?:(?P<day>\d{{1,2}})\s?일\s?)?(?:{_TIME}|(?<![\d:])(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d))"
            rf"\s?(?:{pattern})|(?<!\d)(?P<dayonly>\d{{1,2}})\s?일\s?(?:{pattern})") if pattern else None
        # The marker as a word of its own ("현재까지", "기준으로"), not inside "기준금리".
        self.open = re.compile(rf"(?<![가-힣])(?:{pattern})(?:까지|으로|로|에서)?(?![가-힣])") if pattern else None

    def stamps(self, text: str, start: int, end: int, published: date | None) -> list[tuple[int, int, str]]:
        """(start, end, stamp) of each time of day or day in text[start:end] that a
        marker follows, resolved against the publication day: "오후 6시 10분 기준" in
        an article of 29 December 2024 -> "2024-12-29T18:10"; "28일 오후 3시 현재" keeps
        its day; "28일 기준" is the day alone ("2024-12-28"). A day after the
        publication day is of the month before."""
        if self.stamp is None or published is None:
            return []
        out = []
        for m in self.stamp.finditer(text, start, end):
            g = m.groupdict()
            day = int(g.get("day") or g.get("dayonly") or published.day)
            when = _resolve_day(published, day)
            if when is None:
                continue
            if g.get("dayonly"):
                out.append((m.start(), m.end(), when.isoformat()))
                continue
            hm = (int(g["hh"]), int(g["mm"])) if g.get("hh") else clock(g)
            if hm is None or hm[0] > 24 or hm[1] > 59:
                continue
            hour, minute = hm
            out.append((m.start(), m.end(), f"{when.isoformat()}T{hour:02d}:{minute:02d}"))
        return out

    def stamp_for(self, text: str, start: int, end: int, stamps: list[tuple[int, int, str]],
                  position: int) -> str | None:
        """The stamp that governs a figure at ``position`` of the sentence text[start:end]:
        the last one before it (a stamp opens the clause it qualifies); "?" when the
        sentence gives the count as of now with no time ("현재까지 47명"): a running
        count at an unknown moment. A figure inside a stamp ("10분" of "6시 10분 기준")
        has none."""
        if any(s <= position < e for s, e, _ in stamps):
            return None
        before = [stamp for s, e, stamp in stamps if e <= position]
        if before:
            return before[-1]
        if self.open is not None and self.open.search(text, start, end):
            return OPEN_STAMP
        return None


def head_after(tokens: Sequence[Token], end: int, generic: frozenset[str]) -> str | None:
    """The noun a figure ending at ``end`` qualifies: right after it, or after 의
    ("4m 높이", "52명의 승객"); None when a particle makes the figure a clause
    member ("181명이", "2m를") or a verb follows."""
    after = [t for t in tokens if t.start >= end]
    if not after:
        return None
    i = 0
    if after[0].tag.split("+")[0] == "JKG":
        i = 1
    if i >= len(after):
        return None
    t = after[i]
    if t.tag.split("+")[0] in ("NNG", "NNP") and len(t.text) >= 2 and t.text not in generic:
        return t.text
    return None


_COUNTER_TAGS = ("NNG", "NNB")
_TIME_RE = re.compile(_TIME)
# Between two items of one line: separators, at most one short word ("출전").
_GAP = re.compile(r"[\s,·/]*(?:[가-힣]{1,3}\s)?\s*")


@dataclass(frozen=True)
class Tally:
    start: int
    end: int
    value: int
    counter: str


def stat_lines(text: str, tokens: Sequence[Token], taken: Sequence[tuple[int, int]],
               min_items: int = 2) -> list[list[Tally]]:
    """Runs of at least ``min_items`` figure+counter items ("333경기 127골 77도움을"): a
    number token right followed by a noun, each with a distinct counter, none inside a
    span of ``taken`` (dates, units already read)."""
    if tokens:  # a time of day ("9시 30분") is no tally
        first, last = tokens[0].start, tokens[-1].end
        taken = [*taken, *((m.start(), m.end()) for m in _TIME_RE.finditer(text, first, last))]
    items = []
    for t, nxt in zip(tokens, tokens[1:]):
        if t.tag.split("+")[0] == "SN" and nxt.start == t.end and nxt.tag.split("+")[0] in _COUNTER_TAGS \
                and re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", t.text) and re.fullmatch(r"[가-힣]+", nxt.text) \
                and not any(t.start < e and s < nxt.end for s, e in taken):
            items.append(Tally(t.start, nxt.end, int(t.text.replace(",", "")), nxt.text))
    lines: list[list[Tally]] = []
    run: list[Tally] = []
    for item in items:
        if run and _GAP.fullmatch(text, run[-1].end, item.start) and item.counter not in {t.counter for t in run}:
            run.append(item)
            continue
        if len(run) >= min_items:
            lines.append(run)
        run = [item]
    if len(run) >= min_items:
        lines.append(run)
    return lines


_LABEL_GAP = re.compile(r"\s?[,·/]\s?")


def labelled_lines(text: str, tokens: Sequence[Token], figures: Sequence[tuple[int, int, float, str]],
                   min_items: int = 3) -> list[list[Tally]]:
    """Runs of at least ``min_items`` "label figure" items of one unit, separated by
    commas ("찬성 180명, 반대 95명, 기권 12명", "금 5개, 은 3개, 동 2개"): each figure
    a tally of the noun right before it. ``figures``: (start, end, value, unit) of
    the figures already read in the sentence, in order."""
    nouns = {t.end: t for t in tokens if t.tag.split("+")[0] in ("NNG", "NNP")}
    items: list[tuple[Tally, str, int]] = []  # the tally, its unit, where its label starts
    for start, end, value, unit in figures:
        label = nouns.get(start - 1) if text[start - 1:start] == " " else None
        if label is None or value != int(value) or not re.fullmatch(r"[가-힣]+", label.text) \
                or (label.start > 0 and not text[label.start - 1].isspace() and text[label.start - 1] not in ",·/"):
            continue
        items.append((Tally(start, end, int(value), label.text), unit, label.start))
    lines: list[list[Tally]] = []
    run: list[tuple[Tally, str, int]] = []
    for item in items:
        if run and item[1] == run[-1][1] and _LABEL_GAP.fullmatch(text, run[-1][0].end, item[2]) \
                and item[0].counter not in {t.counter for t, _, _ in run}:
            run.append(item)
            continue
        if len(run) >= min_items:
            lines.append([t for t, _, _ in run])
        run = [item]
    if len(run) >= min_items:
        lines.append([t for t, _, _ in run])
    return lines


def line_key(line: Sequence[Tally]) -> tuple[str, ...]:
    """The line as the facts carry it: one "counter=value" per item, in order."""
    return tuple(f"{t.counter}={t.value}" for t in line)


def _resolve_day(published: date, day: int) -> date | None:
    """Day ``day`` of the publication month, or of the month before when it is later
    than the publication day (an article of 2 March speaks of 28 February)."""
    year, month = published.year, published.month
    if day > published.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None
