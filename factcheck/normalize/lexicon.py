"""The vocabulary the normalizers read, built once from the rule files.

Normalizers take a Lexicon rather than the whole RuleSet so that they can be
tested with small hand-made vocabularies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class UnitWord:
    word: str
    unit: str
    dimension: str
    factor: float = 1.0


@dataclass(frozen=True)
class HedgeWord:
    word: str
    effect: str  # approx | at_most | at_least | below | above | near_below
    tolerance: float | None = None  # None: the effect's default (see quantities._apply)


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, UnitWord]
    hedges_before: dict[str, HedgeWord]
    hedges_after: dict[str, HedgeWord]
    scopes_before: dict[str, str] = field(default_factory=dict)
    scopes_after: dict[str, str] = field(default_factory=dict)

    def unit_pattern(self) -> str:
        """Alternation of unit words, longest first so '%p' wins over '%'."""
        return "|".join(re.escape(w) for w in sorted(self.units, key=len, reverse=True))

    @staticmethod
    def words_pattern(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def lexicon_from_rules(rules) -> Lexicon:
    units: dict[str, UnitWord] = {}
    for unit in rules.units:
        for word in unit.words:
            units[word] = UnitWord(word, unit.base_unit, unit.dimension, float(unit.factor or 1.0))
    before: dict[str, HedgeWord] = {}
    after: dict[str, HedgeWord] = {}
    for hedge in rules.hedges:
        table = before if hedge.position == "before" else after
        for word in hedge.words:
            tolerance = float(hedge.tolerance) if hedge.tolerance is not None else None
            table[word] = HedgeWord(word, hedge.effect, tolerance)
    scopes_before: dict[str, str] = {}
    scopes_after: dict[str, str] = {}
    for scope in rules.scopes:
        table = scopes_before if scope.position == "before" else scopes_after
        for word in scope.words:
            table[word] = scope.scope
    return Lexicon(units, before, after, scopes_before, scopes_after)
