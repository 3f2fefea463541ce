"""Rank frames: "역대 최고 X", "역대 두 번째로 큰 X", "역대 3위 X".

A superlative or an ordinal under an all-time (or other ranking) marker places a
quantity in a ranking: rank 1 for "역대 최대", rank 2 for "사상 두 번째로 많은". The
frame keeps the ranked noun (the attribute: 이적료, 영업이익), the direction of the
ranking (highest or lowest first) and the domain, the nouns just before the marker
("MLS 역대", "국내 증시 사상") that say within what the ranking holds.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..normalize.lexicon import words_pattern
from .sentences import Sentence, Token


@dataclass(frozen=True)
class RankMention:
    start: int
    end: int
    rank: int
    high: bool                   # highest first (최고, 두 번째로 큰) or lowest first (최저)
    attribute: str               # the ranked noun
    domain: tuple[str, ...]      # the nouns before the marker


_NOUN = ("NNG", "NNP", "SL", "SH")


class RankReader:
    """``scope_words``: markers of an all-time ranking (역대, 사상); ``high_words`` /
    ``low_words``: superlatives (최고, 최대 / 최저, 최소); ``ordinals``: native ordinal
    numerals in order (첫, 두, 세 …); ``low_adjectives``: stems after "N번째로" that rank
    from the bottom (작, 적, 낮)."""

    def __init__(self, scope_words: Iterable[str], high_words: Iterable[str], low_words: Iterable[str],
                 ordinals: Iterable[str], low_adjectives: Iterable[str]):
        self.ordinals = list(ordinals)
        scope = words_pattern(list(scope_words))
        high, low = words_pattern(list(high_words)), words_pattern(list(low_words))
        ordinal = words_pattern(self.ordinals)
        self.low_adjective = re.compile(rf"^(?:{words_pattern(list(low_adjectives)) or '(?!)'})")
        if not scope or not (high or low):
            self.pattern = None
            return
        self.pattern = re.compile(
            rf"(?P<scope>{scope})\s?(?:"
            rf"(?P<high>{high or '(?!)'})|(?P<low>{low or '(?!)'})"
            rf"|(?:(?P<ord>{ordinal or '(?!)'})|(?P<digit>\d{{1,2}}))\s?번째(?:로)?(?:\s(?P<adj>[가-힣]+))?"
            rf"|(?P<place>\d{{1,2}})\s?위)(?![가-힣])")

    def find(self, text: str, sentences: list[Sentence]) -> list[RankMention]:
        if self.pattern is None:
            return []
        out = []
        for sent in sentences:
            for m in self.pattern.finditer(text, sent.start, sent.end):
                rank, high = self._rank(m)
                if rank is None:
                    continue
                after = [t for t in sent.tokens if t.start >= m.end()]
                noun = next((t for t in after[:3] if t.tag.split("+")[0] in _NOUN), None)
                if noun is None or any(t.tag.split("+")[0] in ("SF", "SP") for t in after if t.start < noun.start):
                    continue
                domain = _nouns_before(sent, m.start())
                start = domain[0].start if domain else m.start()  # "MLS 역대 최고 이적료"
                out.append(RankMention(start, noun.end, rank, high, noun.text, tuple(t.text for t in domain)))
        return out

    def _rank(self, m: re.Match[str]) -> tuple[int | None, bool]:
        if m.group("high"):
            return 1, True
        if m.group("low"):
            return 1, False
        if m.group("place"):
            return int(m.group("place")), True
        n = int(m.group("digit")) if m.group("digit") else self.ordinals.index(m.group("ord")) + 1 \
            if m.group("ord") in self.ordinals else None
        adj = m.group("adj") or ""
        return n, not self.low_adjective.match(adj)


def _nouns_before(sent: Sentence, pos: int, limit: int = 2) -> list[Token]:
    """The run of nouns right before ``pos`` (at most ``limit``), stopping at anything else."""
    out: list[Token] = []
    for t in reversed([t for t in sent.tokens if t.end <= pos]):
        if t.tag.split("+")[0] not in _NOUN or len(out) >= limit:
            break
        out.append(t)
    return list(reversed(out))
