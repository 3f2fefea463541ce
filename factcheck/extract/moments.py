"""Event moments: what happened at a date or a time of day.

"29일 오전 9시 3분께 활주로에 내려앉다 외벽에 부딪혔다": the moment 09:03 is the
moment of what its clause tells (내려앉다, 부딪히다, 활주로, 외벽). The clause is read
from the sentence, not from a list of event words: the content nouns and verb stems
from the previous comma (or the sentence start) to the next comma after a content
word (or the sentence end). Comparing these words, weighted by how rare they are in
the corpus, tells whether two dates are about the same happening.
"""
from __future__ import annotations

from functools import lru_cache

from .sentences import Sentence, Token

_NOUNS = ("NNG", "NNP", "SL", "SH")
_VERBS = ("VV", "VA")
_COMMA = (",", "，")


def _tag(token: Token) -> str:
    return token.tag.split("+")[0]


def _word(token: Token, generic: frozenset[str]) -> str | None:
    tag = _tag(token)
    if tag in _NOUNS and len(token.text) > 1 and token.text not in generic:
        return token.text
    if tag in _VERBS:
        if "+" not in token.tag:
            return token.text  # a verb stem alone ("부딪히")
        return _stem(token.text)  # fused with its ending ("부딪혔"): the stem from the morphemes
    return None


@lru_cache(maxsize=4096)
def _stem(surface: str) -> str | None:
    from ..analyze import morphemes

    for m in morphemes(surface):
        if m.tag.split("-")[0] in _VERBS:
            return m.form
    return None


def clause_words(sent: Sentence, start: int, end: int, generic: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The content words of the clause around text[start:end]: the nouns and verb
    stems from the last comma before it up to the first comma after a content word
    that follows it (or the sentence's ends)."""
    tokens = list(sent.tokens)
    depth, inside = 0, set()
    for t in tokens:  # a comma inside brackets ("9일(현지 시간, 한국 시간 10일)") ends no clause
        if depth > 0:
            inside.add(t.start)
        depth = max(0, depth + t.text.count("(") - t.text.count(")"))
    before = [t for t in tokens if t.end <= start]
    after = [t for t in tokens if t.start >= end]
    words: list[str] = []
    for t in reversed(before):
        if t.text in _COMMA and t.start not in inside:
            break
        w = _word(t, generic)
        if w:
            words.append(w)
    seen_word = False
    for t in after:
        if t.text in _COMMA and seen_word and t.start not in inside:
            break
        w = _word(t, generic)
        if w:
            words.append(w)
            seen_word = True
    return tuple(sorted(set(words)))
