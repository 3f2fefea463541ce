"""Slot mentions: the things a story names once and every source must name alike.

- *venues*: a name ending in a venue suffix (청사, 스타디움, 공항 …) followed by
  에서 (where something happens): "정부세종청사에서", "한빛시의 누리 스타디움에서";
- *identifiers*: a code before a designator word (편, 호기 …): "HB4127편",
  "한빛항공 4172편" — the digits identify the thing, a letter prefix may be left out;
- *exclusive terms*: one of a pair of words that cannot both describe one act
  (왼발/오른발).

Which words count is data (rules word lists ``venue_suffix``, ``identifier_word``,
``exclusive_pair``); compare/slots.py decides when two mentions speak of one thing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Protocol

from ..normalize.lexicon import words_pattern
from .sentences import Sentence

SlotKind = str  # "venue" | "identifier" | "term"


class PersonLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def short(self) -> bool: ...

_NAME_TAGS = ("NNP", "SL", "SH")  # a proper name before a bare venue word
_PARTICLES = "은|는|이|가|을|를|의|에|에서|과|와|도|만|으로|로"


@dataclass(frozen=True)
class SlotMention:
    kind: SlotKind
    start: int
    end: int
    value: str      # venue name without spaces; identifier digits; the term itself
    detail: str     # venue as written; the identifier's prefix and designator; the term's pair


class SlotFinder:
    def __init__(self, venue_suffixes: Iterable[str], identifier_words: Iterable[str],
                 exclusive_pairs: Iterable[str]):
        self.suffixes = frozenset(venue_suffixes)
        venue = words_pattern(self.suffixes)
        # The word holding the suffix, then 에서: where the thing is held.
        self.venue_re = re.compile(rf"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9]*(?:{venue}))(?=에서)") if venue else None
        designator = words_pattern(identifier_words)
        # "HB4127편", "HB 4127편", "4172편": a letter code may stand before the digits;
        # after the designator a particle, punctuation or a space.
        self.id_re = re.compile(
            rf"(?<![가-힣A-Za-z0-9\-.,])(?:([A-Z][A-Z0-9]|[0-9][A-Z])\s?)?(\d{{3,5}})\s?({designator})"
            rf"(?=(?:{_PARTICLES})?(?![가-힣]))") if designator else None
        self.pairs: dict[str, str] = {}
        for item in exclusive_pairs:
            a, _, b = item.partition("/")
            if a.strip() and b.strip():
                self.pairs[a.strip()] = b.strip()
                self.pairs[b.strip()] = a.strip()
        self.term_re = re.compile(rf"(?<![가-힣])(?:{words_pattern(self.pairs)})") if self.pairs else None

    def find(self, text: str, sentences: list[Sentence]) -> list[tuple[Sentence, SlotMention]]:
        out: list[tuple[Sentence, SlotMention]] = []
        for sent in sentences:
            out += [(sent, m) for m in self._venues(text, sent)]
            out += [(sent, m) for m in self._identifiers(text, sent)]
            out += [(sent, m) for m in self._terms(text, sent)]
        return out

    def _venues(self, text: str, sent: Sentence) -> list[SlotMention]:
        if self.venue_re is None:
            return []
        out = []
        for m in self.venue_re.finditer(text, sent.start, sent.end):
            start, word = m.start(1), m.group(1)
            # A bare suffix ("스타디움에서") takes the name before it: "도요타 스타디움".
            if word in self.suffixes:
                prev = _noun_before(sent, start)
                if prev is None:
                    continue
                start = prev
            surface = text[start:m.end(1)]
            out.append(SlotMention("venue", start, m.end(1), re.sub(r"\s+", "", surface), surface))
        return out

    def _identifiers(self, text: str, sent: Sentence) -> list[SlotMention]:
        if self.id_re is None:
            return []
        out = []
        for m in self.id_re.finditer(text, sent.start, sent.end):
            out.append(SlotMention("identifier", m.start(), m.end(), m.group(2), f"{m.group(1) or ''}|{m.group(3)}"))
        return out

    def _terms(self, text: str, sent: Sentence) -> list[SlotMention]:
        if self.term_re is None:
            return []
        return [SlotMention("term", m.start(), m.end(), m.group(0), self.pairs[m.group(0)])
                for m in self.term_re.finditer(text, sent.start, sent.end)]


def _noun_before(sent: Sentence, pos: int) -> int | None:
    """The start of the noun word right before ``pos`` (one space between), if any."""
    for t in reversed(sent.tokens):
        if t.end <= pos:
            if t.end < pos - 1 or t.tag.split("+")[0] not in _NAME_TAGS:
                return None
            return t.start
    return None


@dataclass(frozen=True)
class RoleMention:
    """'주종완 국토부 항공정책실장': a person (name span) named as the holder of a
    role (the title word) at an organisation (the words between)."""

    start: int
    end: int
    name: str
    org: str
    title: str


class RoleReader:
    """``sole_titles``: titles one person holds at a time in one organisation
    (장관, 사장); ``time_words``: words that put a role in another time (전, 당시);
    ``named_offices``: titles that name their institution (국회의장), held by one
    person without an organisation written beside them."""

    def __init__(self, sole_titles: Iterable[str], time_words: Iterable[str], named_offices: Iterable[str] = ()):
        self.named_offices = frozenset(named_offices)
        self.titles = sorted({*sole_titles, *self.named_offices}, key=len, reverse=True)
        self.time_words = frozenset(time_words)

    def find(self, text: str, people: Iterable[PersonLike]) -> list[RoleMention]:
        out = []
        for p in people:
            if p.short or not p.title or not any(p.title == t or p.title.endswith(t) for t in self.titles):
                continue
            # The words after the name up to the one ending in the title.
            m = re.match(rf"((?:\s[^\s]+){{0,3}}?)\s([^\s]*?{re.escape(p.title)})(?=[은는이가을를의과와도에,.\s]|$)",
                         text[p.end:p.end + 60])
            if not m:
                continue
            between = m.group(1).split()
            before = text[max(0, p.start - 12):p.start].split()
            if before and before[-1] in self.time_words:
                continue  # "당시 홍길동 한빛전자 사장": the role at another time
            if any(w in self.time_words for w in between) or any(not re.fullmatch(r"[가-힣A-Za-z0-9·&]+", w)
                                                                 for w in between):
                continue
            word = m.group(2)
            prefix = word[:-len(p.title)]
            if prefix in self.time_words:
                continue
            org = " ".join(between)
            if not org and word in self.named_offices:
                org = word  # the office names its institution
            if not org:
                continue  # a title without an organisation says nothing about who holds which office
            out.append(RoleMention(p.start, p.end + m.end(2), p.name, org, word))
        return out
