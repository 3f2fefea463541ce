"""Correction notices: which figures a notice names as wrong.

A Korean correction notice ("바로잡습니다", "정정합니다", "[정정]") names the figure the
article first printed and the right one, in a few fixed shapes:

- "'X'는 'Y'의 잘못", "X가 아니라 Y": the figure marked as subject (or negated) is wrong;
- "X로 적었습니다", "X로 잘못 표기해": what the article wrote (X로 + a writing verb) is wrong;
- "X를 Y로 바로잡습니다/정정합니다": X was corrected to Y, so X is wrong — unless the
  sentence says Y was written wrongly ("X를 Y로 잘못 표기해"), which makes Y the wrong one;
- "Y가 맞습니다", "Y로 바로잡았습니다": Y is the right figure.

A notice is the sentence holding a correction word, or, when that word stands as a
header line ("■ 바로잡습니다", "[정정]"), the paragraph under it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..normalize.lexicon import words_pattern
from .sentences import Sentence

_QUOTES = "'\"’”‘“ "
_HEADER_CHARS = 24  # a line this short that holds a correction word is a notice header


@dataclass(frozen=True)
class CorrectionReader:
    """``correction_words``: markers of a notice (바로잡습니다, 정정); ``wrote_verbs``: verbs
    after "X로" saying the article printed X (적었, 표기, 보도); ``right_words``: words after
    "Y이/가" saying Y is the right figure (맞, 옳)."""

    notice: re.Pattern[str] | None
    wrote: str
    right: str

    @classmethod
    def build(cls, correction_words: Iterable[str], wrote_verbs: Iterable[str],
              right_words: Iterable[str]) -> "CorrectionReader":
        words = list(correction_words)
        return cls(re.compile(words_pattern(words)) if words else None,
                   words_pattern(list(wrote_verbs)) or "(?!)", words_pattern(list(right_words)) or "(?!)")

    def notices(self, text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
        """The spans of the notices of an article."""
        if self.notice is None:
            return []
        spans = []
        for s in sentences:
            if not self.notice.search(text, s.start, s.end):
                continue
            start, end = s.start, s.end
            line_start = text.rfind("\n", 0, s.start) + 1
            line_end = text.find("\n", s.start)
            line_end = len(text) if line_end < 0 else line_end
            if line_end - line_start <= _HEADER_CHARS:
                # a header: the paragraph under it is the notice
                para_end = text.find("\n\n", line_end)
                end = len(text) if para_end < 0 else para_end
            spans.append((start, end))
        return spans

    def is_wrong(self, text: str, start: int, end: int, notice_end: int) -> bool | None:
        """True when the figure at text[start:end] is named as wrong, False when as right,
        None when the notice does not say."""
        after = text[end:min(end + 40, notice_end)].lstrip(_QUOTES)
        rest = text[end:notice_end]
        if re.match(rf"(?:이|가)\s?(?:{self.right})", after):
            return False
        if re.match(r"(?:은|는|이|가)(?:\s|$)|(?:이|가)?\s?아니라", after):
            return True
        if re.match(rf"(?:으로|로)\s?(?:잘못\s?)?(?:{self.wrote})|(?:으로|로)\s?잘못", after):
            return True
        if re.match(rf"(?:으로|로)\s?(?:{self.notice.pattern if self.notice else '(?!)'})", after):
            return False  # "…로 바로잡습니다": the figure it was corrected to
        if re.match(r"(?:을|를)\s", after):
            # "X를 Y로 바로잡습니다": X is wrong, unless Y is what was written wrongly
            clause = re.split(r"[.!?]", rest, maxsplit=1)[0]
            if re.search(r"(?:으로|로)\s?잘못", clause) or re.search(rf"(?:으로|로)\s?(?:{self.wrote})", clause):
                return False
            if self.notice and re.search(rf"(?:으로|로)\s?(?:{self.notice.pattern})", clause):
                return True
        return None
