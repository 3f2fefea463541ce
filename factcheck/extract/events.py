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
from typing import Callable, Iterable, Mapping

from ..normalize.dates import DateMention
from ..normalize.lexicon import words_pattern
from .people import PersonMention, person_key
from .sentences import Sentence



@dataclass(frozen=True)
class EventMention:
    type: str
    sentence: int
    participants: tuple[str, ...]   # person keys, sorted
    date: DateMention | None
    place: tuple[int, int, str] | None  # span and canonical name


class EventFinder:
    """``event_words``: word -> event type; ``place_names``: surface -> canonical place;
    ``venue_suffixes``: endings of venue names (청사, 호텔); ``visit_words``: what
    follows a place that is gone to (을 방문, 로 향)."""

    def __init__(self, event_words: Mapping[str, str], place_names: Mapping[str, str],
                 venue_suffixes: Iterable[str], visit_words: Iterable[str],
                 canonical: Callable[[str], str] = lambda n: n):
        self.canonical = canonical
        self.event_words = dict(event_words)
        self.place_names = dict(place_names)
        self.event_re = re.compile(words_pattern(event_words)) if event_words else None
        venue = f"(?:{words_pattern(venue_suffixes) or '(?!)'})"
        known = words_pattern(place_names)
        self.place_re = re.compile(
            (rf"(?<![가-힣A-Za-z])(?:{known})(?:\s?[가-힣A-Za-z]*{venue})?|" if known else "")
            + rf"[가-힣A-Za-z0-9]+{venue}")
        # A place is where the event happens when 에서 follows it, or a visit verb.
        self.at_place = re.compile(rf"^\s?(?:에서|{words_pattern(visit_words) or '(?!)'})")

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
            if self.at_place.match(after):
                best = (m.start(), m.end(), self._name(m.group(0)))
                break
        return best
