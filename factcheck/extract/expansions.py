"""Acronyms spelled out in the text: "마스가(MASGA·Make America Shipbuilding Great Again)".

An expansion counts only when the initials of its words spell the acronym, so
"AI(인공지능)" or a parenthetical remark is not taken for one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import Sentence

_PAIR = re.compile(r"\b([A-Z]{2,8})\s?[·,:(]\s?([A-Z][A-Za-z]+(?:[ -][A-Za-z&]+){1,9})")


@dataclass(frozen=True)
class Expansion:
    acronym: str
    expansion: str
    start: int
    end: int


def initials_match(acronym: str, words: list[str], minor: frozenset[str]) -> bool:
    """``minor``: the small words an acronym skips (of, the, and)."""
    letters = "".join(w[0].upper() for w in words if w.lower() not in minor)
    return letters == acronym.upper()


def find_expansions(text: str, sentences: list[Sentence], minor: frozenset[str]) -> list[Expansion]:
    out = []
    for sent in sentences:
        for m in _PAIR.finditer(text, sent.start, sent.end):
            words = re.split(r"[ -]", m.group(2))
            # Trim trailing words until the initials match ("... Great Again 프로젝트" is not English).
            while words and not initials_match(m.group(1), words, minor):
                words = words[:-1]
            if words:
                phrase = " ".join(words)
                start = m.start(2)
                out.append(Expansion(m.group(1), phrase, start, start + len(phrase)))
    return out
