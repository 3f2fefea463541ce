"""People named in one article: full names with titles, short forms, pronouns.

Korean news names a person once in full with a title ("김용범 대통령실 정책실장")
and then by surname and title ("김 실장") or by pronoun ("그는"). This module
finds the full mentions and resolves the short ones to them, article by article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from .sentences import Sentence


@dataclass(frozen=True)
class PersonMention:
    name: str      # as written in full ("샘 올트먼") or resolved from a short form
    title: str
    start: int
    end: int
    sentence: int
    short: bool = False


class PeopleFinder:
    """``titles``: words after a name that make it a person's (장관, CEO);
    ``person_aliases``: spellings of listed people; ``is_place``: a known place;
    ``org_suffixes``: endings that make a proper noun an organisation (전자, 그룹),
    never a person; ``is_korean_name``: the shape of a Korean personal name;
    ``common_noun_titles``: titles that are also common nouns ("클라우드 시장" is a
    market): right after a word not shaped like a Korean name they are no title."""

    def __init__(self, titles: set[str], person_aliases: dict[str, str],
                 is_place: Callable[[str], bool] = lambda name: False, org_suffixes: Iterable[str] = (),
                 is_korean_name: Callable[[str], bool] = lambda name: False,
                 common_noun_titles: Iterable[str] = ()):
        self.is_place = is_place
        self.org_suffixes = tuple(sorted(org_suffixes, key=len, reverse=True))
        self.is_korean_name = is_korean_name
        self.common_noun_titles = frozenset(common_noun_titles)
        self.titles = sorted(titles, key=len, reverse=True)
        self.person_aliases = person_aliases  # alias -> canonical, persons only
        title_alt = "|".join(re.escape(t) for t in self.titles)
        # "김 실장", "이 대통령", "황 CEO": a surname alone before a title.
        self.short_re = re.compile(rf"(?<![가-힣A-Za-z])([가-힣])\s({title_alt})(?=[은는이가을를의과와도에,\s]|$)")
        self.alias_re = re.compile("|".join(re.escape(a) for a in sorted(person_aliases, key=len, reverse=True))) \
            if person_aliases else None

    def find(self, text: str, sentences: list[Sentence]) -> list[PersonMention]:
        found: list[PersonMention] = []
        if not self.titles:
            return found
        for sent in sentences:
            found.extend(self._full(text, sent))
            if self.alias_re:
                for m in self.alias_re.finditer(text, sent.start, sent.end):
                    if not any(p.start <= m.start() < p.end for p in found if p.sentence == sent.index):
                        found.append(PersonMention(self.person_aliases[m.group(0)], "", m.start(), m.end(),
                                                   sent.index))
        found.sort(key=lambda p: p.start)
        resolved = list(found)
        for sent in sentences:
            for m in self.short_re.finditer(text, sent.start, sent.end):
                if any(p.start <= m.start() < p.end for p in found):
                    continue
                full = self._resolve_short(m.group(1), m.group(2), found, m.start())
                if full:
                    resolved.append(PersonMention(full, m.group(2), m.start(), m.end(), sent.index, True))
        resolved.sort(key=lambda p: p.start)
        return resolved

    def _full(self, text: str, sent: Sentence) -> list[PersonMention]:
        """A name word followed by a title, with at most three nouns between
        ("김용범 대통령정책실장", "샘 올트먼 오픈AI CEO"). Kiwi may split a name
        ("김용" + "범"), so names are read as whole words starting with a proper noun."""
        out = []
        words = _words(sent.tokens)
        skip_to = -1
        for i, word in enumerate(words):
            if i <= skip_to or not self._is_name_word(text, word):
                continue
            first, last, j = word[0], word[-1], i
            # "도널드 트럼프": a given name and a family name are one person.
            # A Korean name is one word: "오세진 국토부 실장" joins no organisation to it.
            if j + 1 < len(words) and self._is_name_word(text, words[j + 1]) and \
                    " " not in text[first.start:last.end] and \
                    not self._whole_korean_name(text[first.start:last.end],
                                                text[words[j + 1][0].start:words[j + 1][-1].end]):
                j += 1
                last = words[j][-1]
            name = text[first.start:last.end]
            skip_to = j
            title = None  # the last title of the noun run: "대통령 정책 실장" -> 실장
            for k, nxt in enumerate(words[j + 1:j + 4], j + 1):
                nouns = [t for t in nxt if t.tag.split("+")[0] in _NOUN_TAGS]
                # A title the tagger split ("최고" + "재무" + "책임자", "국회" + "의장") is read whole.
                whole = self._title_of(text[nouns[0].start:nouns[-1].end]) if nouns else None
                parts = [found for found in (self._title_of(t.text) for t in nouns) if found]
                if whole or parts:
                    title = whole or parts[-1]  # the title the word ends in
                    skip_to = k  # the words up to the title are this person's, not another name
                if any(t.tag.split("+")[0] not in _NOUN_TAGS for t in nxt):
                    break  # a particle or a verb ends the noun phrase
            if title and not (title in self.common_noun_titles and skip_to == j + 1
                              and not self.is_korean_name(name)):
                out.append(PersonMention(name, title, first.start, last.end, sent.index))
        return out

    def _is_name_word(self, text: str, word) -> bool:
        """A word that can be a person's name: a proper noun of 2-4 syllables that is
        not a place and does not carry a title ('대통령실' is an office, not a person)."""
        name = text[word[0].start:word[-1].end]
        return (self._proper_or_split_name(word, name)
                and re.fullmatch(r"[가-힣]{2,4}(?: [가-힣]{2,5})?", name) is not None
                and not self.is_place(name)
                and not self.is_org(name)
                and not any(t in name for t in self.titles if len(t) > 1))

    def _whole_korean_name(self, name: str, following: str) -> bool:
        """A Korean name is one word: "오세진 국토부 실장", "박정민 누리소프트 대표" join
        nothing to it (a three-syllable name, or any before an organisation)."""
        return self.is_korean_name(name) and (len(name) == 3 or self._org_shaped(following))

    def _proper_or_split_name(self, word, name: str) -> bool:
        """A proper noun, or a three-syllable word shaped like a Korean name that the
        tagger split into pieces ("박정" + "민"): before a title it is a name."""
        tags = [t.tag.split("+")[0] for t in word]
        if tags[0] == "NNP":
            return all(t in _NAME_TAGS for t in tags)
        return len(word) > 1 and len(name) == 3 and self.is_korean_name(name) \
            and all(t in _NAME_TAGS | {"XR"} for t in tags)

    def is_org(self, name: str) -> bool:
        """'삼성전자', '한빛그룹': a proper noun with an organisation's ending. A
        one-letter ending (부, 청) also ends personal names: it counts only on a word
        that is not shaped like one."""
        return any(name.endswith(s) and len(name) > len(s) and (len(s) > 1 or not self.is_korean_name(name))
                   for s in self.org_suffixes)

    def _org_shaped(self, name: str) -> bool:
        """Any organisation ending, one-letter ones (부, 청) included."""
        return any(name.endswith(s) and len(name) > len(s) for s in self.org_suffixes)

    def _title_of(self, word: str) -> str | None:
        for title in self.titles:
            if word == title or (len(title) > 1 and word.endswith(title)):
                return title
        return None

    @staticmethod
    def _resolve_short(surname: str, title: str, found: list[PersonMention], before: int) -> str | None:
        """'김 실장' -> the last full name with surname 김 whose title ends in 실장."""
        for p in reversed([p for p in found if p.start < before] + [p for p in found if p.start >= before]):
            if p.name.startswith(surname) and (p.title.endswith(title) or title.endswith(p.title)):
                return p.name
        return None


_NAME_TAGS = {"NNP", "NNG", "XPN", "XSN", "NNB"}
_NOUN_TAGS = {"NNG", "NNP", "SL", "SH", "XSN", "XPN", "NNB"}


def _words(tokens) -> list[list]:
    """Group tokens into whitespace-delimited words."""
    words: list[list] = []
    for t in tokens:
        if words and words[-1][-1].end == t.start:
            words[-1].append(t)
        else:
            words.append([t])
    return words


def person_key(name: str) -> str:
    """Compare Western names by the family name ('샘 올트먼' ~ '올트먼')."""
    parts = name.split()
    return parts[-1] if len(parts) > 1 else name
