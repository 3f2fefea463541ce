"""Per-sentence view of an analysed article: tokens with tags and content nouns."""
from __future__ import annotations

from dataclasses import dataclass

from ..analyze import sentence_spans
from ..model import Article


@dataclass(frozen=True)
class Token:
    text: str
    tag: str
    start: int
    end: int

    @property
    def is_noun(self) -> bool:
        return self.tag.split("+")[0] in ("NNG", "NNP", "SL", "SH")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]

    def nouns(self, generic: frozenset[str] = frozenset()) -> frozenset[str]:
        """Content nouns: more than one letter and not too common in news (``generic``)."""
        return frozenset(t.text for t in self.tokens
                         if t.is_noun and len(t.text) > 1 and t.text not in generic)


def split_sentences(article: Article, doc) -> list[Sentence]:
    """Sentences outside page furniture, each with the tokens of the spaCy doc."""
    tokens = [Token(t.text, t.tag_, t.idx, t.idx + len(t.text)) for t in doc if not t.text.isspace()]
    out: list[Sentence] = []
    i = 0
    for start, end in sentence_spans(article.text):
        if article.in_furniture(start, end):
            continue
        while i < len(tokens) and tokens[i].end <= start:
            i += 1
        j = i
        while j < len(tokens) and tokens[j].start < end:
            j += 1
        out.append(Sentence(len(out), start, end, tuple(tokens[i:j])))
    return out
