"""Event frames: who met whom, when and where.

A sentence with an event word (회동, 만나, 접견, 방문, 정상회담, 브리핑 ...) gives
an event with its participants (people in the sentence), its date (the first
date in the sentence) and its place (a known place or venue in the sentence).
Events from different articles are the same event when they share the day and
at least two participants.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..normalize.dates import DateMention
from .people import PersonMention, person_key
from .sentences import Sentence

VENUE_SUFFIX = r"(?:청사|박물관|미디어센터|센터|호텔|컨벤션센터|회관|기념관|공항|본사|사옥|관저|의사당|빌딩|타워)"


@dataclass(frozen=True)
class EventMention:
    type: str
    sentence: int
    participants: tuple[str, ...]   # person keys, sorted
    date: DateMention | None
    place: tuple[int, int, str] | None  # span and canonical name


class EventFinder:
    def __init__(self, event_words: dict[str, str], place_names: dict[str, str], canonical=lambda n: n):
        self.canonical = canonical
        self.event_words = event_words      # word -> event type
        self.place_names = place_names      # surface -> canonical place
        self.event_re = re.compile("|".join(re.escape(w) for w in sorted(event_words, key=len, reverse=True))) \
            if event_words else None
        self.place_re = re.compile(
            "(?<![가-힣A-Za-z])(?:" + "|".join(re.escape(p) for p in sorted(place_names, key=len, reverse=True))
            + rf")(?:\s?[가-힣A-Za-z]*{VENUE_SUFFIX})?|[가-힣A-Za-z0-9]+{VENUE_SUFFIX}") \
            if place_names else re.compile(rf"[가-힣A-Za-z0-9]+{VENUE_SUFFIX}")

    def find(self, text: str, sentences: list[Sentence], people: list[PersonMention],
             dates: list[DateMention]) -> list[EventMention]:
        out: list[EventMention] = []
        if self.event_re is None:
            return out
        for sent in sentences:
            m = self.event_re.search(text, sent.start, sent.end)
            if not m:
                continue
            who = sorted({person_key(self.canonical(p.name)) for p in people if sent.start <= p.start < sent.end})
            when = next((d for d in dates if sent.start <= d.start < sent.end and d.value.day), None)
            out.append(EventMention(self.event_words[m.group(0)], sent.index, tuple(who), when,
                                    self._place(text, sent)))
        return out

    def _name(self, surface: str) -> str:
        """'경북 경주박물관' -> the known venue '경주박물관' if there is one, else the surface."""
        if surface in self.place_names:
            return self.place_names[surface]
        words = surface.split()
        for i in range(1, len(words)):
            tail = " ".join(words[i:])
            if tail in self.place_names:
                return self.place_names[tail]
        return surface

    def _place(self, text: str, sent: Sentence) -> tuple[int, int, str] | None:
        """The place where the event happens: a venue followed by 에서, or visited (을 방문)."""
        best = None
        for m in self.place_re.finditer(text, sent.start, sent.end):
            after = text[m.end():m.end() + 6]
            if re.match(r"^\s?(?:에서|을 방문|를 방문|을 찾|를 찾|으로 향|로 향|\s?청사에서)", after):
                best = (m.start(), m.end(), self._name(m.group(0)))
                break
        return best
