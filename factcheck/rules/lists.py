"""The named word lists a rule file may fill (``kind: word_list``) and the
numeric settings it may set (``kind: setting``).

The names are a closed set: each is read by one stage, and a list or setting
that no stage reads has no name here. Several entries may fill the same list;
their words are joined. A list left out of the files is empty.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ListSpec:
    description: str
    patterns: bool = False  # the items are regular expressions, not literal words


WORD_LISTS: dict[str, ListSpec] = {
    # --- reading sentences -----------------------------------------------------
    "time_word": ListSpec("time words kept beside what a figure measures: 올해, 내년, 상반기"),
    "attribute_filler": ListSpec(
        "words that may stand between the measured noun and its figure: 약, 연, 총, 각각"),
    "generic_noun": ListSpec(
        "nouns too common in news to show that two sentences are about the same thing"),
    "surname": ListSpec("Korean family names: a 2-4 syllable name starting with one is a personal name"),
    "venue_suffix": ListSpec("endings of venue names: 청사, 박물관, 호텔"),
    "visit_verb": ListSpec("what follows a place that an event is held at or goes to: 을 방문, 로 향"),
    "pronoun": ListSpec("personal pronouns that stand for the last speaker: 그, 그녀"),
    "market_word": ListSpec("the noun of a market, before a share figure: 시장"),
    "rate_word": ListSpec("words that state an exchange rate next to a won figure: 달러당, 환율"),
    "age_noun": ListSpec("nouns after '30대' that make it an age bracket, not thirty vehicles"),
    "unit_compound": ListSpec("words that begin with a unit word but are no unit: 분기, 주년"),
    "local_time_marker": ListSpec("words saying a time is given in the place's own zone", patterns=True),
    "korea_time_marker": ListSpec("words saying a time is given in Korean time", patterns=True),
    "acronym_minor_word": ListSpec("English words an acronym skips: of, the, and"),
    # --- reading pages -----------------------------------------------------------
    "published_label": ListSpec("labels before the first-publication time: 입력, 기사승인"),
    "modified_label": ListSpec("labels before a later modification time: 수정, 최종편집"),
    "copyright_mark": ListSpec("marks that make the rest of a line a copyright notice", patterns=True),
    "copyright_notice": ListSpec("phrases that make a short line a copyright notice", patterns=True),
    "byline_role": ListSpec("journalist roles that end a byline: 기자, 특파원"),
    "byline_lead": ListSpec("words that open a contributor line: 글, 정리, 사진"),
    "byline_desk": ListSpec("desks that sign an article: 편집부, 뉴스팀"),
    "widget_strong": ListSpec("phrases that make a short line a share, subscribe or comment widget",
                              patterns=True),
    "widget_weak": ListSpec("words that are a widget only when a short line holds nothing else",
                            patterns=True),
    "comment_header": ListSpec("short lines that open the comment area", patterns=True),
    "list_header": ListSpec("headers of related or most-read article lists", patterns=True),
    "list_header_exact": ListSpec("list headers that count only as a whole line: 출처", patterns=True),
    "tag_label": ListSpec("labels of a tag line: 관련 태그, 키워드", patterns=True),
    "html_noise_token": ListSpec("class/id tokens of page regions that are never article text"),
    "html_body_hint": ListSpec("class/id fragments that mark the article body"),
}


@dataclass(frozen=True)
class SettingSpec:
    description: str
    default: float
    minimum: float = 0.0
    maximum: float | None = None


SETTINGS: dict[str, SettingSpec] = {
    "name_similarity": SettingSpec(
        "jamo similarity (0-100) at which two transliterated names are one person", 85, 0, 100),
}
