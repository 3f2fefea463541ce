"""One small frozen record per rule kind.

Every record keeps ``source`` (file path) and ``line`` so that the stages using a
rule can say where it came from ("hedge 최대 from rules/hedges.yaml:12").
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from ..model import Severity


def word_key(text: str) -> str:
    """Lookup key for a surface word: width/compatibility forms folded (％ -> %,
    ㎞ -> km), case folded, whitespace removed (샘 올트먼 == 샘올트먼)."""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass(frozen=True)
class Unit:
    """A unit word family. ``base`` names the unit that ``factor`` converts to
    (hour: base second, factor 3600); a base unit has ``base`` None.
    Units compare only when they share a base unit."""

    name: str
    dimension: str
    words: tuple[str, ...]
    factor: float = 1.0
    base: str | None = None
    source: str = ""
    line: int = 0

    @property
    def base_unit(self) -> str:
        return self.base or self.name


# Effects that bound only one side get no width unless a tolerance says so.
DEFAULT_TOLERANCE = {"approx": 0.1, "near_below": 0.1}


@dataclass(frozen=True)
class Hedge:
    """A word that widens or bounds a number (약, 최대, 이상, 육박 ...)."""

    words: tuple[str, ...]
    position: str  # before | after the number
    effect: str  # approx | at_most | at_least | below | above | near_below | odd_over
    tolerance: float | None = None
    source: str = ""
    line: int = 0

    def bounds(self, value: float) -> tuple[float, float]:
        """The interval a hedged value stands for.

        approx: value ± tolerance (relative); near_below: [value·(1−t), value];
        at_most/below: [0, value] (−inf for negative values); at_least/above:
        [value, +inf], or [value, value·(1+t)] when a tolerance is given (여, 남짓).
        odd_over ("90여", "1500여", "백여"): the value and some more, less than one step of
        its last non-zero digit: 90 -> [90, 100], 1500 -> [1500, 1600], 100 -> [100, 200].
        Open bounds (미만, 초과) are kept closed: intervals are for overlap tests.
        """
        if self.effect == "odd_over":
            return (value, value + _last_digit_step(value))
        t = self.tolerance if self.tolerance is not None else DEFAULT_TOLERANCE.get(self.effect)
        if self.effect in ("at_most", "below"):
            return (0.0 if value >= 0 else -math.inf, value)
        if self.effect in ("at_least", "above"):
            return (value, math.inf if t is None else value * (1 + t))
        t = t or 0.0  # approx and near_below always have a default
        if self.effect == "approx":
            a, b = value * (1 - t), value * (1 + t)
            return (min(a, b), max(a, b))
        return (min(value * (1 - t), value), value)  # near_below


@dataclass(frozen=True)
class Scope:
    """A word that gives a number its scope (월 -> per_month, 까지 -> by_date)."""

    words: tuple[str, ...]
    scope: str
    position: str
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class Alias:
    canonical: str
    type: str  # person | org | product | place | event | other
    aliases: tuple[str, ...]
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class Place:
    """A place; ``within`` holds the canonical names of its parents (a region such
    as 수도권 is one parent of 서울, 대한민국 another path up)."""

    name: str
    type: str
    within: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class Title:
    words: tuple[str, ...]
    role: str | None = None
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class WordList:
    """A kind that is only a list of words."""

    words: tuple[str, ...]
    source: str = ""
    line: int = 0


class OrgSuffix(WordList):
    """Endings that make a proper noun an organisation (전자, 그룹, 위원회)."""


@dataclass(frozen=True)
class EventWord:
    """Words of one event type. ``encounter``: the people named in the sentence
    meet (a meeting, a visit), so the day and the place are theirs together; a
    briefing or an announcement is one-sided."""

    type: str
    words: tuple[str, ...]
    encounter: bool = False
    source: str = ""
    line: int = 0


class SpeechVerb(WordList):
    """Verbs that report speech (말했다, 밝혔다)."""


class Correction(WordList):
    """Markers of a correction notice (바로잡습니다, 정정)."""


@dataclass(frozen=True)
class StanceWords:
    """Words that make the figures of their sentence a plan (계획, 예정) or a
    forecast (전망, 예상) rather than a reported fact."""

    stance: str
    words: tuple[str, ...]
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class WordListEntry:
    """Words (or patterns) of one named list that a stage reads (see rules/lists.py)."""

    list: str
    words: tuple[str, ...] | None = None
    patterns: tuple[str, ...] | None = None
    description: str = ""
    source: str = ""
    line: int = 0

    @property
    def items(self) -> tuple[str, ...]:
        return self.words or self.patterns or ()


@dataclass(frozen=True)
class Setting:
    """A named number a stage reads (see rules/lists.py)."""

    name: str
    value: float
    source: str = ""
    line: int = 0


@dataclass(frozen=True)
class ConflictRule:
    """How one comparison rule reports: severity, parameters, on/off. Parameters
    left out take the defaults of the rule's registry row."""

    rule: str
    severity: Severity = "medium"
    severity_same_article: Severity | None = None
    # A detail that one article on each side states weighs less than a claim that many
    # outlets carry (the setting widespread_articles counts "many").
    severity_single_sources: Severity | None = None
    severity_widespread: Severity | None = None
    params: Mapping[str, float] = field(default_factory=dict)
    enabled: bool = True
    description: str = ""
    source: str = ""
    line: int = 0

    def severity_for(self, same_article: bool, articles_per_side: Sequence[int] = (),
                     widespread: float = math.inf) -> Severity:
        """``articles_per_side``: how many articles state each side."""
        if same_article and self.severity_same_article:
            return self.severity_same_article
        if self.severity_widespread and sum(articles_per_side) >= widespread:
            return self.severity_widespread
        if self.severity_single_sources and articles_per_side and max(articles_per_side) == 1:
            return self.severity_single_sources
        return self.severity


@dataclass(frozen=True)
class Furniture:
    """A page-noise pattern. ``applies``: ``line`` marks the matching line;
    ``following_lines`` marks it and the lines after it up to the next blank line
    (a "관련기사" heading and its list)."""

    pattern: str
    applies: str
    description: str = ""
    source: str = ""
    line: int = 0
    regex: re.Pattern = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        # The loader has already checked that the pattern compiles.
        object.__setattr__(self, "regex", re.compile(self.pattern))


def _last_digit_step(value: float) -> float:
    """The place value of the last non-zero digit of a whole number (90 -> 10,
    1500 -> 100, 3 -> 1); a fraction or a non-positive value has none (0)."""
    if value <= 0 or value != int(value):
        return 0.0
    n, step = int(value), 1
    while n % 10 == 0:
        n, step = n // 10, step * 10
    return float(step)
