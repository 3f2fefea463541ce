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
    "identifier_word": ListSpec("words after the digits of a code that names one thing: 편 (a flight), 호기"),
    "exclusive_pair": ListSpec("pairs of words, written a/b, that cannot both describe one act: 왼발/오른발"),
    "common_noun_title": ListSpec("titles that are also common nouns (시장: a market); "
                                  "right after a word not shaped like a Korean name they are no title"),
    "sole_title": ListSpec("titles one person holds at a time in one organisation: 장관, 사장, 감독"),
    "named_office": ListSpec("sole titles that name their institution, so need no organisation beside "
                             "them: 국회의장, 대법원장"),
    "role_time_word": ListSpec("words before a title that put the role in another time: 전, 당시, 차기"),
    "visit_verb": ListSpec("what follows a place that an event is held at or goes to: 을 방문, 로 향"),
    "pronoun": ListSpec("personal pronouns that stand for the last speaker: 그, 그녀"),
    "market_word": ListSpec("the noun of a market, before a share figure: 시장"),
    "rate_word": ListSpec("words that state an exchange rate next to a won figure: 달러당, 환율"),
    "age_noun": ListSpec("nouns after '30대' that make it an age bracket, not thirty vehicles"),
    "unit_compound": ListSpec("words that begin with a unit word but are no unit: 분기, 주년"),
    "local_time_marker": ListSpec("words saying a time is given in the place's own zone", patterns=True),
    "korea_time_marker": ListSpec("words saying a time is given in Korean time", patterns=True),
    "acronym_minor_word": ListSpec("English words an acronym skips: of, the, and"),
    "extension_word": ListSpec("nouns of an extension right after a duration or a deadline: 연장"),
    "rank_scope_word": ListSpec("markers of an all-time ranking before a superlative or ordinal: 역대, 사상"),
    "superlative_high": ListSpec("superlatives that rank from the top: 최고, 최대, 최다"),
    "superlative_low": ListSpec("superlatives that rank from the bottom: 최저, 최소"),
    "native_ordinal": ListSpec("native ordinal numerals before 번째, in order from one: 첫, 두, 세"),
    "rank_low_adjective": ListSpec("stems after 'N번째로' that rank from the bottom: 작, 적, 낮"),
    "correction_wrote_verb": ListSpec(
        "verbs after 'X로' in a correction notice saying the article printed X: 적었, 표기, 보도"),
    "correction_right_word": ListSpec(
        "words after 'Y이/가' in a correction notice saying Y is the right figure: 맞, 옳"),
    "asof_marker": ListSpec("words after a time that make it the as-of stamp of a count: 기준, 현재"),
    "per_unit_marker": ListSpec(
        "patterns right before or after a figure that make it a per-unit or distributive amount "
        "(1인당, 가구당, 각각, …씩): never aligned with a total", patterns=True),
    "settled_marker": ListSpec(
        "words right by a count that state it as the settled figure: 최종, 확정 (compare/settled.py)"),
    "preliminary_marker": ListSpec(
        "words in a sentence that make its counts preliminary, never settled: 잠정, 속보치"),
    "part_marker": ListSpec("words between a whole and a part of it: 'N명 가운데 M명', 'N명 중 M명'"),
    "distributive_word": ListSpec(
        "words before a figure that give it to every member of the list before them: 각각"),
    "distributive_suffix": ListSpec("endings right after a figure that give it to every member: 씩"),
    "binding_particle": ListSpec(
        "particles after a noun that bind the figure that follows to it: 은, 는, 이, 가, 에, 의"),
    "enumeration_conjunction": ListSpec("words joining the members of a list besides particles: 및"),
    "aligned_dimension": ListSpec(
        "dimensions of unit (units.yaml) whose figures numeric_value aligns by evidence across articles: "
        "measures that do not evolve within a story or count subsets (length, area, currency)"),
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
    "widespread_articles": SettingSpec(
        "articles stating a conflict's claim in all, from which a rule's severity_widespread applies", 6, 2, 1000),
}
