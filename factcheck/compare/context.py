"""What every comparison rule reads: the facts, their articles and the rules."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Mapping, Sequence

from ..model import Article, Fact

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet
    from .rarity import Rarity


@dataclass(frozen=True)
class Comparison:
    facts: Sequence[Fact]
    articles: Mapping[str, Article]
    rules: "RuleSet"
    # Article ids: when given, a rule whose cost grows with pairs of facts may leave
    # out the conflicts that involve none of these articles (CI on a few new ones).
    focus: frozenset[str] | None = None

    @cached_property
    def sentence_rarity(self) -> "Rarity":
        """Word rarity over the corpus's sentences, every word keeping some weight
        (offset 1: the similarity of two sentences is a ratio of weights, and a
        sentence of common words only would otherwise weigh nothing). Built once for
        all the rules that weigh sentence overlap."""
        from .rarity import Rarity

        return Rarity(self.facts, unit="sentence", offset=1.0)

    def published_within(self, a: Fact, b: Fact, days: float) -> bool:
        return self.articles[a.article].published_within(self.articles[b.article], days)
