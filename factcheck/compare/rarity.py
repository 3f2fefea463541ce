"""How much a shared word says that two facts speak of one thing: its rarity
(inverse document frequency, IDF) over the corpus.

"사망자" shared by two sentences says more than "정부", which most sentences use.
One class, so that every rule weighs words the same way; the rules differ only in
the options:

- unit: what a word is counted once in. "sentence" (the fact's sentence), or
  "article": a story repeats its words, so what tells is how many stories use one
  (compare/moments.py);
- floor: the fewest units the corpus is read as having, since a small run cannot
  tell common words from rare ones;
- parts: multiword names also count by their words ('시카고 파이어 FC' gives 시카고,
  파이어), so that two spellings of a name still meet;
- frames: date facts' clause words (Fact.frame) count too, for rules that compare
  frames;
- smooth: one unit holding every word is added, log((N+1)/(df+1)), so that an
  unseen word has a finite weight; without it log(N/df), and an unseen word weighs 0;
- offset: added to every weight, so that a word of every unit still counts a little.

A unit counts only when its facts carry words: a sentence seen only through a quote
or an event fact has words the corpus does not record, and N and df must count the
same units.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Literal, Union

from ..model import Fact

Unit = Literal["sentence", "article"]
UnitKey = Union[str, tuple[str, int]]


def with_parts(words: Iterable[str]) -> frozenset[str]:
    """Words with the words of multiword names: '한빛 유나이티드 FC' also gives 한빛, 유나이티드
    (one-letter pieces say nothing)."""
    out = set()
    for w in words:
        out.add(w)
        out.update(p for p in w.split() if len(p) > 1)
    return frozenset(out)


class Rarity:
    """The rarity of the words of ``facts`` (see the module docstring for the options)."""

    def __init__(self, facts: Iterable[Fact], *, unit: Unit = "sentence", floor: int = 1,
                 parts: bool = False, frames: bool = False, smooth: bool = True, offset: float = 0.0):
        self.unit, self.parts, self.frames = unit, parts, frames
        self.smooth, self.offset = smooth, offset
        units: dict[UnitKey, set[str]] = {}
        for f in facts:
            words = self.own(f)
            if words:
                units.setdefault(self.key(f), set()).update(words)
        self.units = {k: frozenset(v) for k, v in units.items()}
        self.total = max(len(units), floor, 1)
        self.df: Counter[str] = Counter(w for ws in units.values() for w in ws)

    def key(self, f: Fact) -> UnitKey:
        return f.article if self.unit == "article" else (f.article, f.sentence_start)

    def own(self, f: Fact) -> frozenset[str]:
        """The words a fact carries itself."""
        words = f.context + f.frame if self.frames else f.context
        return with_parts(words) if self.parts else frozenset(words)

    def words(self, f: Fact) -> frozenset[str]:
        """A fact's words, or its unit's when it carries none (a quote has no context)."""
        return self.own(f) or self.units.get(self.key(f), frozenset())

    def idf(self, word: str) -> float:
        df = self.df.get(word, 0)
        if self.smooth:
            return math.log((self.total + 1) / (df + 1)) + self.offset
        return math.log(self.total / df) + self.offset if df else 0.0

    def common(self, a: Iterable[str], b: Iterable[str], leave_out: Iterable[str] = ()) -> list[str]:
        """The words of both, without those inside or around a left-out word: the
        compared value itself (a venue's name) is no evidence that two sentences
        speak of one thing."""
        skip = set(leave_out)
        return [w for w in set(a) & set(b) if not any(w in s or s in w for s in skip)]

    def shared(self, a: Iterable[str], b: Iterable[str], leave_out: Iterable[str] = ()) -> tuple[int, float]:
        """How many words ``a`` and ``b`` share (see common), and their summed rarity."""
        common = self.common(a, b, leave_out)
        return len(common), sum(self.idf(w) for w in common)

    def similarity(self, a: Iterable[str], b: Iterable[str]) -> float:
        """Weighted overlap of two word sets, in [0, 1]: shared weight over the
        geometric mean of the two sets' weights, so that a sentence of one word
        ("매출은 12조 원이었다") is not taken as the same statement as every longer
        sentence that happens to contain that word."""
        sa, sb = set(a), set(b)
        if not sa or not sb:
            return 0.0
        whole = math.sqrt(sum(self.idf(w) for w in sa) * sum(self.idf(w) for w in sb))
        return sum(self.idf(w) for w in sa & sb) / whole if whole else 0.0
