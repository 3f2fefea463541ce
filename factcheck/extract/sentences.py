"""Per-sentence view of an analysed article: tokens with tags and content nouns."""
from __future__ import annotations

from dataclasses import dataclass

from ..analyze import sentence_spans
from ..model import Article

# Nouns too common in news to say that two sentences are about the same thing.
GENERIC_NOUNS = frozenset(
    "것 수 등 때 중 이번 규모 기자 뉴스 관련 대해 위해 경우 이상 이하 정도 가량 약 총 "
    "측 쪽 바 데 뒤 전 후 내 외 년 월 일 시 분 명 개 장 원 달러 % 이날 오늘 당시 현재 기존 "
    "전체 부분 가운데 사실 내용 설명 발표 계획 예정 전망 방안 문제 상황 결과 가능 추진 진행".split())


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

    def nouns(self) -> frozenset[str]:
        return frozenset(t.text for t in self.tokens
                         if t.is_noun and len(t.text) > 1 and t.text not in GENERIC_NOUNS)


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
