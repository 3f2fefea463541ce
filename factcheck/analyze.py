"""Tokens, tags and sentences: a spaCy pipeline whose tokenizer is Kiwi.

spaCy's own Korean support needs mecab-ko, which is not installable here; Kiwi
ships its model on PyPI. Kiwi's morphemes are mapped onto spans of the input so
that ``doc.text == text`` always holds: overlapping morphemes (했 = 하+었) merge
into one token, zero-length ones attach to a neighbour, and whitespace that is
not a single space becomes a token of its own. The pipeline is built once per
process, on first use, so that importing factcheck stays fast.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

_lock = threading.Lock()


@dataclass(frozen=True)
class Morph:
    form: str
    tag: str
    start: int
    end: int


@lru_cache(maxsize=1)
def get_kiwi():
    from kiwipiepy import Kiwi, Match

    kiwi = Kiwi()
    return kiwi, Match.ALL & ~Match.SERIAL


def add_user_words(words: tuple[str, ...]) -> None:
    """Gazetteer names become single NNP tokens (e.g. '용산 대통령실' is not split)."""
    kiwi, _ = get_kiwi()
    with _lock:
        for word in words:
            if word and " " not in word and len(word) > 1:
                kiwi.add_user_word(word, "NNP")


def morphemes(text: str) -> list[Morph]:
    kiwi, match = get_kiwi()
    with _lock:
        tokens = kiwi.tokenize(text, match_options=match)
    return [Morph(t.form, t.tag, t.start, t.start + t.len) for t in tokens]


@lru_cache(maxsize=1)
def get_nlp():
    """A spaCy Language with the Kiwi tokenizer ('xx' as the base: no mecab needed)."""
    import spacy

    nlp = spacy.blank("xx")
    nlp.tokenizer = KiwiTokenizer(nlp.vocab)
    return nlp


class KiwiTokenizer:
    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str] = []
        pos = 0
        for start, end, tag in _token_spans(text):
            if start > pos:
                _add_gap(text[pos:start], words, spaces, tags)
            words.append(text[start:end])
            spaces.append(False)
            tags.append(tag)
            pos = end
        if pos < len(text):
            _add_gap(text[pos:], words, spaces, tags)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, tag in zip(doc, tags):
            token.tag_ = tag
        return doc

    # spaCy calls these when a pipeline is saved; the tokenizer has no state.
    def to_bytes(self, **_):
        return b""

    def from_bytes(self, _data, **_):
        return self


def _add_gap(gap: str, words, spaces, tags) -> None:
    """A single space after a token becomes its trailing space; other whitespace a token."""
    if gap == " " and words and not spaces[-1] and not words[-1].isspace():
        spaces[-1] = True
        return
    for piece in re.findall(r"\s+|\S+", gap):
        words.append(piece)
        spaces.append(False)
        tags.append("SP" if piece.isspace() else "UNK")


def _token_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[list] = []
    for m in morphemes(text):
        if m.end <= m.start:
            continue  # zero-length (a dropped 이/VCP): nothing to attach to
        if spans and m.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], m.end)   # 했 = 하+었: one token
            spans[-1][2] += "+" + m.tag
            continue
        # Kiwi keeps spaces inside multiword proper nouns ("샘 올트먼"): one token.
        spans.append([m.start, m.end, m.tag])
    return [(s, e, t) for s, e, t in spans]


_SENTENCE_END = re.compile(r"(?<!\d)[.?!。]+[\"'”’)\]]*(?=\s)|\n")


def sentence_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Sentences as (start, end) offsets, trimmed of surrounding whitespace."""
    hi = len(text) if hi is None else hi
    out: list[tuple[int, int]] = []
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, hi):
        _push(text, start, m.end(), out)
        start = m.end()
    _push(text, start, hi, out)
    return out


def _push(text: str, start: int, end: int, out: list) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + chunk.index(stripped[0])
        out.append((s, s + len(stripped)))
