"""The vocabulary the normalizers read, built once from the rule files.

Normalizers take a Lexicon rather than the whole RuleSet so that they can be
tested with small hand-made vocabularies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from ..rules.entries import Hedge
from .dates import Zones

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet


@dataclass(frozen=True)
class UnitWord:
    word: str
    unit: str
    dimension: str
    factor: float = 1.0


@dataclass(frozen=True)
class HedgeWord:
    word: str
    hedge: Hedge  # the rule entry: its effect and tolerance give the interval

    @property
    def effect(self) -> str:
        return self.hedge.effect


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, UnitWord]
    hedges_before: dict[str, HedgeWord]
    hedges_after: dict[str, HedgeWord]
    # Scope kind -> the words that give it, before the figure ("월 90만 장", "향후 4년간")
    # or after the figure, date or duration ("15% 인하", "2029년까지", "4년간").
    scopes_before: dict[str, list[str]] = field(default_factory=dict)
    scopes_after: dict[str, list[str]] = field(default_factory=dict)
    unit_compounds: tuple[str, ...] = ()  # 1분기, 10주년: a unit word that begins another word
    age_nouns: tuple[str, ...] = ()  # 30대 남성: an age bracket
    zones: Zones = Zones()  # the words that say a time is local or Korean

    def unit_pattern(self) -> str:
        """Alternation of unit words, longest first so '%p' wins over '%'."""
        return words_pattern(self.units)


def words_pattern(words: Iterable[str]) -> str:
    """Alternation of literal words, longest first; a space in a word may be left
    out in the text, as rule lookups ignore spaces ("한 달" matches "한달")."""
    return "|".join(r"[^\S\r\n]?".join(re.escape(part) for part in w.split(" "))
                    for w in sorted(words, key=len, reverse=True))


def _patterns(items: Iterable[str]) -> re.Pattern[str] | None:
    items = list(items)
    return re.compile("|".join(f"(?:{p})" for p in items)) if items else None


def lexicon_from_rules(rules: "RuleSet") -> Lexicon:
    units: dict[str, UnitWord] = {}
    for unit in rules.units:
        for word in unit.words:
            units[word] = UnitWord(word, unit.base_unit, unit.dimension, float(unit.factor or 1.0))
    before: dict[str, HedgeWord] = {}
    after: dict[str, HedgeWord] = {}
    for hedge in rules.hedges:
        table = before if hedge.position == "before" else after
        for word in hedge.words:
            table[word] = HedgeWord(word, hedge)
    scopes: dict[str, dict[str, list[str]]] = {"before": {}, "after": {}}
    for scope in rules.scopes:
        scopes[scope.position].setdefault(scope.scope, []).extend(scope.words)
    return Lexicon(units, before, after, scopes["before"], scopes["after"],
                   rules.words("unit_compound"), rules.words("age_noun"),
                   Zones(_patterns(rules.words("local_time_marker")), _patterns(rules.words("korea_time_marker"))))
