"""What a figure measures, read from the words right before it.

Korean news puts the measured noun just before the figure, marked by a particle,
with time words, hedges and scope words in between: "기준금리를 연 3.00%로",
"내년 예산을 677조 4000억 원으로", "환율은 이날 1,395원에". The noun run before the
figure is its attribute; the time words of the sentence (올해, 내년, 2026년,
상반기) are kept beside it, because the same attribute in another year is another
quantity.
"""
from __future__ import annotations

from typing import Iterable

from .sentences import Sentence, Token

_NOUNS = ("NNG", "NNP", "SL", "SH", "XSN")


def _tag(token: Token) -> str:
    return token.tag.split("+")[0]


class AttributeReader:
    """``time_words``: 올해, 내년, 상반기 ...; ``fillers``: words that may stand
    between the attribute and the figure without ending the phrase (약, 연, 총);
    ``generic``: nouns too common to be an attribute."""

    def __init__(self, time_words: Iterable[str], fillers: Iterable[str], generic: Iterable[str]):
        self.time_words = frozenset(time_words)
        self.fillers = frozenset(fillers)
        self.generic = frozenset(generic)

    def times(self, sent: Sentence) -> tuple[str, ...]:
        """Time qualifiers of the sentence: 내년, 2026년, 3분기, 상반기 ..."""
        found = set()
        tokens = sent.tokens
        for i, t in enumerate(tokens):
            if t.text in self.time_words:
                found.add(t.text)
            elif _tag(t) == "SN" and i + 1 < len(tokens) and tokens[i + 1].text in ("년", "분기") \
                    and tokens[i + 1].start == t.end:
                found.add(t.text + tokens[i + 1].text)
        return tuple(sorted(found))

    def before(self, sent: Sentence, start: int) -> str | None:
        """The noun run before the figure at ``start`` ("성장률 전망치"), or None when a
        verb, a clause boundary or another figure comes first."""
        before = [t for t in sent.tokens if t.end <= start]
        i = len(before) - 1
        from_value = False  # inside "3.25%에서", the value a change starts from
        # Skip particles, time words, hedges and scope words between noun and figure.
        while i >= 0:
            t = before[i]
            tag = _tag(t)
            if from_value and tag in ("SN", "SW", "NNB", "NR"):
                i -= 1
                continue
            from_value = t.text in ("에서", "→")
            if tag.startswith("J") or t.text in self.time_words or t.text in self.fillers \
                    or tag in ("MM", "MAG"):
                i -= 1
                continue
            if tag in ("SN", "NNB") and t.text in ("년", "월", "일") or (tag == "SN" and i + 1 < len(before)
                                                                      and before[i + 1].text == "년"):
                i -= 1
                continue
            if from_value:
                i -= 1
                continue
            break
        run: list[Token] = []
        while i >= 0 and _tag(before[i]) in _NOUNS and len(run) < 4:
            t = before[i]
            if t.text in self.time_words or t.text in self.fillers:
                break
            run.insert(0, t)
            i -= 1
        run = [t for t in run if t.text not in self.generic]
        if not run or sum(len(t.text) for t in run) < 2:
            return None
        # Written as in the text: "물가상승률", not the morphemes "물가 상승 률".
        return "".join((" " if prev and prev.end < t.start else "") + t.text
                       for prev, t in zip([None, *run[:-1]], run))

    def after(self, sent: Sentence, end: int) -> str | None:
        """The noun a date is about, right after it: "29일 정상회담", "1일부터 시행",
        "31일 개막"; None when a verb or another clause comes first."""
        for t in (t for t in sent.tokens if t.start >= end):
            tag = _tag(t)
            if tag.startswith("J") or t.text in self.time_words or tag in ("SN", "NNB", "SS", "SSO", "SSC", "MAG"):
                continue
            if tag in ("NNG", "NNP") and len(t.text) >= 2 and t.text not in self.generic:
                return t.text
            return None
        return None
