"""Direct quotes and who said them.

The speaker is the person marked as subject before the quote in its sentence
("김 실장은 “…”"), a pronoun resolved to the last speaker or subject ("그는
“…”"), a person after the quote ("“…”라고 이 대통령은 말했다"), or, failing
those, the subject of the sentence before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..normalize.lexicon import words_pattern

from .people import PersonMention
from .sentences import Sentence

QUOTE_MARKS = re.compile(r"“([^”\n]{6,400})”|\"([^\"\n]{6,400})\"|「([^」\n]{6,400})」")
_SUBJECT_PARTICLE = re.compile(r"^\s?(?:은|는|이|가|도|께서|에 따르면|의 말|측은)")


@dataclass(frozen=True)
class QuoteMention:
    start: int          # the quote including its marks
    end: int
    inner: str          # the words inside the marks
    speaker: str | None
    how: str            # how the speaker was found, for the explanation
    strong: bool = False  # found from sentence structure, not guessed from a nearby name


class QuoteReader:
    """``pronouns``: personal pronouns that stand for the last speaker (그, 그녀);
    ``speech_verbs``: stems of reporting verbs (밝혔, 말했) that, after a quotative
    ending (고, 며), say whose words the quote is."""

    def __init__(self, pronouns: Iterable[str], speech_verbs: Iterable[str]):
        self.pronoun = re.compile(rf"(?:^|[\s,])(?:{words_pattern(pronouns) or '(?!)'})(?:는|가)?\s")
        # "…라고 밝혔다", "…라고 홍 장관은 밝혔다": the speaker may stand between.
        self.hearsay = re.compile(rf"(?:고|며|라며|면서)\s(?:[^.?!\n]{{0,30}}\s)?"
                                  rf"(?:{words_pattern(speech_verbs) or '(?!)'})")

    def find(self, text: str, sentences: list[Sentence], people: list[PersonMention]) -> list[QuoteMention]:
        return find_quotes(text, sentences, people, self)


def find_quotes(text: str, sentences: list[Sentence], people: list[PersonMention],
                reader: QuoteReader) -> list[QuoteMention]:
    out: list[QuoteMention] = []
    last_subject: str | None = None
    last_speaker: str | None = None
    last_guessed = False  # the last speaker was guessed from a nearby name, not read from structure
    for sent in sentences:
        in_sent = [p for p in people if sent.start <= p.start < sent.end]
        subject = _subject(text, in_sent)
        for m in QUOTE_MARKS.finditer(text, sent.start, sent.end):
            inner = next(g for g in m.groups() if g is not None)
            speaker, how = _speaker(text, sent, m, in_sent, last_speaker, last_subject, reader)
            if how.startswith("pronoun") and last_guessed and speaker == last_speaker:
                how = "pronoun resolved to a guessed speaker"
            strong = speaker is not None and not how.startswith(("person before", "subject carried",
                                                                 "pronoun resolved to a guessed"))
            out.append(QuoteMention(m.start(), m.end(), inner, speaker, how, strong))
            if speaker:
                last_speaker, last_guessed = speaker, not strong
            else:
                # someone we cannot name spoke ("손흥민은 “…”" with no title): a later "그는" is
                # that one, not the last speaker we know
                last_speaker = last_subject = None
        if subject:
            last_subject = subject
    return out


def _subject(text: str, people: list[PersonMention]) -> str | None:
    for p in people:
        if _SUBJECT_PARTICLE.match(text[p.end:p.end + 6]) or _title_then_particle(text, p):
            return p.name
    return None


def _title_then_particle(text: str, p: PersonMention) -> bool:
    after = text[p.end:p.end + 30]
    i = after.find(p.title) if p.title else -1
    return i >= 0 and bool(_SUBJECT_PARTICLE.match(after[i + len(p.title):]))


def _speaker(text: str, sent: Sentence, m: re.Match[str], people: list[PersonMention],
             last_speaker: str | None, last_subject: str | None, reader: QuoteReader) -> tuple[str | None, str]:
    before = [p for p in people if p.end <= m.start()]
    for p in reversed(before):
        if _SUBJECT_PARTICLE.match(text[p.end:p.end + 6]) or _title_then_particle(text, p):
            return p.name, f"subject before the quote ({text[p.start:p.end]})"
    head = text[sent.start:m.start()]
    if reader.pronoun.search(" " + head):
        who = last_speaker or last_subject
        if who:
            return who, "pronoun resolved to the previous speaker"
    after = [p for p in people if p.start >= m.end()]
    tail = text[m.end():sent.end]
    if after and reader.hearsay.search(tail):
        return after[0].name, f"named after the quote ({text[after[0].start:after[0].end]})"
    if before:
        return before[-1].name, f"person before the quote ({text[before[-1].start:before[-1].end]})"
    if reader.hearsay.search(tail) and (last_speaker or last_subject):
        return last_speaker or last_subject, "subject carried over from the previous sentence"
    return None, "speaker not found"
