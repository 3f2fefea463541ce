"""One spelling per person across the corpus.

Articles spell foreign names differently (알트먼/올트먼/알트만) and the rules
cannot list every name in the news. Names of speakers and event participants
are clustered on their jamo (NFD) form, so that events and quotes from
different articles meet; short Korean names never merge on score alone
(이재명 and 이재용 are two people).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from rapidfuzz import fuzz

from ..model import Fact

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet


class NameMatcher:
    """Whether two names are one person. ``surnames``: Korean family names (a 2-4
    syllable name starting with one is a Korean personal name, and those match only
    exactly); ``similarity``: the jamo score (0-100) at which two transliterated
    names are one."""

    def __init__(self, surnames: Iterable[str], similarity: float):
        self.surnames = frozenset(surnames)
        self.similarity = similarity

    @classmethod
    def from_rules(cls, rules: "RuleSet") -> "NameMatcher":
        return cls(rules.words("surname"), rules.setting("name_similarity"))

    def is_korean_name(self, name: str) -> bool:
        return bool(re.fullmatch(r"[가-힣]{2,4}", name)) and name[0] in self.surnames

    def same_person(self, a: str, b: str) -> bool:
        if a == b:
            return True
        a_last, b_last = a.split()[-1], b.split()[-1]
        if a_last == b_last and len(a_last) >= 3:
            return True
        if min(len(a_last), len(b_last)) < 3:
            return False
        # Korean personal names differ in one syllable for different people (이재명/이재용,
        # 김민수/김민주): they match only exactly. Transliterated names may vary.
        if self.is_korean_name(a_last) or self.is_korean_name(b_last):
            return False
        return fuzz.ratio(jamo(a_last), jamo(b_last)) >= self.similarity

    def unify(self, facts: list[Fact]) -> list[Fact]:
        """One spelling per person across the facts: speakers and event participants."""
        counts = Counter(n for f in facts for n in _participants(f) + ([f.speaker] if f.speaker else []))
        representative: dict[str, str] = {}
        reps: list[str] = []
        by_last: dict[str, list[str]] = {}
        for name, _ in counts.most_common():
            last = name.split()[-1]
            # A Korean or short name can only be the same person as a name with the same
            # last word: look there instead of scoring every name seen (thousands).
            pool = reps if len(last) >= 3 and not self.is_korean_name(last) else by_last.get(last, [])
            rep = next((r for r in pool if self.same_person(r, name)), None)
            if rep is None:
                reps.append(name)
                by_last.setdefault(last, []).append(name)
                rep = name
            representative[name] = rep
        if all(k == v for k, v in representative.items()):
            return facts
        return [_rename(f, representative) for f in facts]


def jamo(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def _participants(f: Fact) -> list[str]:
    return list(f.event.participants) if f.event else []


def _rename(f: Fact, rep: dict[str, str]) -> Fact:
    if f.event:
        people = tuple(sorted({rep.get(n, n) for n in f.event.participants}))
        if people != f.event.participants:
            f = replace(f, event=replace(f.event, participants=people))
    if f.speaker and rep.get(f.speaker, f.speaker) != f.speaker:
        f = replace(f, speaker=rep[f.speaker])
    return f


# "오픈AI(OpenAI)", "SK하이닉스(SK hynix)", "OpenAI(오픈AI)": a name with its other-script form.
_PAIR = re.compile(r"(?<![\w])([A-Za-z0-9]{0,10}[가-힣][가-힣A-Za-z0-9]{1,20}|[A-Za-z][A-Za-z0-9]{1,20})\s?\(\s?"
                   r"([A-Za-z][A-Za-z0-9 .&-]{1,30}|[가-힣][가-힣A-Za-z0-9]{1,20})\s?\)")


def learn_aliases(texts: list[str]) -> dict[str, str]:
    """Names given in two scripts anywhere in the corpus: the Latin form -> the Hangul form."""
    learned: dict[str, str] = {}
    for text in texts:
        for m in _PAIR.finditer(text):
            a, b = m.group(1), m.group(2).strip()
            hangul, latin = (a, b) if re.search(r"[가-힣]", a) else (b, a)
            if not re.search(r"[가-힣]", hangul) or re.search(r"[가-힣]", latin) or len(latin) < 2:
                continue
            learned.setdefault(latin, hangul)
    return learned


def apply_aliases(facts: list[Fact], learned: dict[str, str]) -> list[Fact]:
    """Rewrite sentence context words so that facts naming one thing in two scripts meet."""
    if not learned:
        return facts
    out = []
    for f in facts:
        context = tuple(sorted({learned.get(w, w) for w in f.context}))
        out.append(replace(f, context=context) if context != f.context else f)
    return out
