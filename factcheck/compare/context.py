"""What every comparison rule reads: the facts, their articles and the rules."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Mapping, Sequence

from ..model import Article, Fact

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet


@dataclass(frozen=True)
class Comparison:
    facts: Sequence[Fact]
    articles: Mapping[str, Article]
    rules: "RuleSet"
    # Article ids: when given, a rule whose cost grows with pairs of facts may leave
    # out the conflicts that involve none of these articles (CI on a few new ones).
    focus: frozenset[str] | None = None

    def published_within(self, a: Fact, b: Fact, days: float) -> bool:
        return self.articles[a.article].published_within(self.articles[b.article], days)
