"""What ingest reads pages with, compiled once per rule set: the date-line labels,
the line patterns of page furniture, the ``furniture`` rules and the HTML region
words (rules/pages.yaml, rules/furniture.yaml)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Union

from .htmltext import PageRegions
from .linekinds import LineKinds
from .pubdate import DateLabels

if TYPE_CHECKING:
    from ..rules.entries import Furniture
    from ..rules.ruleset import RuleSet


@dataclass(frozen=True, eq=False)
class PageVocabulary:
    """Everything ingest reads a page with that the rules can change."""

    dates: DateLabels
    lines: LineKinds
    furniture: tuple["Furniture", ...]
    html: PageRegions

    @classmethod
    def from_rules(cls, rules: "RuleSet") -> "PageVocabulary":
        """The vocabulary of ``rules``; built on the first call for a rule set, then reused."""
        return _from_rules(rules)


@lru_cache(maxsize=8)  # a RuleSet hashes by identity; load_rules hands out one per rules version
def _from_rules(rules: "RuleSet") -> PageVocabulary:
    return PageVocabulary(DateLabels.from_rules(rules), LineKinds.from_rules(rules),
                          tuple(rules.furniture), PageRegions.from_rules(rules))


RulesOrVocabulary = Union["RuleSet", PageVocabulary]


def vocabulary_of(rules: RulesOrVocabulary) -> PageVocabulary:
    """Callers may hold either: the pipeline has a RuleSet, a test a hand-made vocabulary."""
    return rules if isinstance(rules, PageVocabulary) else PageVocabulary.from_rules(rules)
