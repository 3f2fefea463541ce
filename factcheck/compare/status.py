"""The status of a figure as its sentence states it: settled ("최종 52명", "12명으로
확정") or preliminary ("잠정치", "속보치"); and a count's parts and predicate.

A preliminary and a settled figure are two claims of one quantity at two moments:
never a conflict with each other (numeric_value and stamped_value skip such pairs).
The words are rules (lexicon.yaml: settled_marker, preliminary_marker, part_marker).
"""
from __future__ import annotations

import re
from typing import Sequence

from ..model import Fact
from .context import Comparison

BEFORE = 8  # characters before a figure where a settled marker binds it ("최종 52명")
AFTER = 8  # and after it ("52명으로 최종 집계", "12명으로 확정")
# The first syllable of the word after a figure and its particle: the predicate stem
# ("48명이 숨진" / "48명이 숨졌다" -> 숨).
_PREDICATE = re.compile(r"\s?(?:이|가|은|는|도|만|의)?\s?([가-힣])")


def words_pattern(words: Sequence[str]) -> str:
    """Alternation of literal words, longest first; a space in a word may be left out
    (as normalize.lexicon.words_pattern, which this package cannot import: a cycle)."""
    return "|".join(r"[^\S\r\n]?".join(re.escape(part) for part in w.split(" "))
                    for w in sorted(words, key=len, reverse=True))


class SettledReader:
    """Reads a figure's status, its whole and its predicate from the article text."""

    def __init__(self, ctx: Comparison):
        self.ctx = ctx
        settled = ctx.rules.words("settled_marker")
        prelim = ctx.rules.words("preliminary_marker")
        part = ctx.rules.words("part_marker")
        # A marker as a word of its own or a word's start ("최종", "확정됐다"), not inside another word.
        self.settled = re.compile(rf"(?<![가-힣])(?:{words_pattern(settled)})") if settled else None
        self.prelim = re.compile(words_pattern(prelim)) if prelim else None
        self.part = re.compile(rf"\s?(?:{words_pattern(part)})\s?") if part else None

    def text(self, f: Fact) -> str:
        return self.ctx.articles[f.article].text

    def is_settled(self, f: Fact) -> bool:
        if self.settled is None or self.preliminary(f):
            return False
        text = self.text(f)
        before = text[max(f.sentence_start, f.start - BEFORE):f.start]
        after = text[f.end:min(f.sentence_end, f.end + AFTER)]
        return bool(self.settled.search(before) or self.settled.search(after))

    def preliminary(self, f: Fact) -> bool:
        return bool(self.prelim and self.prelim.search(self.text(f), f.sentence_start, f.sentence_end))

    def clash(self, a: Fact, b: Fact) -> bool:
        """One figure preliminary and the other not: a preliminary and a final figure
        are two claims at two moments, not one."""
        return self.preliminary(a) != self.preliminary(b)

    def whole(self, f: Fact, same_sentence: Sequence[Fact]) -> tuple[str, float] | None:
        """The count f is a part of: a figure of its unit right before it, joined by a part_marker."""
        if self.part is None:
            return None
        text = self.text(f)
        for g in same_sentence:
            if g.end <= f.start and g.quantity.unit == f.quantity.unit and g.quantity.value > f.quantity.value \
                    and self.part.fullmatch(text, g.end, f.start):
                return g.quantity.unit, g.quantity.value
        return None

    def counted(self, f: Fact) -> frozenset[str]:
        """What a count counts: the last noun of its attribute ("산간 마을 사망자" -> 사망자),
        its head noun, or, when the attribute is only a settled marker ("사망자가 최종
        31명"), its subject. Settled markers are no noun of what is counted."""
        words = [w for w in (f.attribute or "").split() if not (self.settled and self.settled.fullmatch(w))]
        out = {words[-1]} if words else set()
        if f.head:
            out.add(f.head)
        if not out and f.subject and not f.subject[0].isdigit():
            out.add(f.subject)
        return frozenset(out)

    def predicate(self, f: Fact) -> str | None:
        m = _PREDICATE.match(self.text(f), f.end, f.sentence_end)
        return m.group(1) if m else None

