"""A conflict as a comparison rule proposes it, before severity and id are set."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import ConflictKind, Fact


@dataclass(frozen=True)
class Proposal:
    kind: ConflictKind
    rule: str                            # the registry row that found it; it sets severity
    claim: str                           # what the facts are about (part of the fingerprint)
    sides: tuple[tuple[Fact, ...], ...]  # facts grouped by what they say
    explanation: str
    confidence: float = 1.0              # how sure the rule is that the sides speak of one thing

    @property
    def facts(self) -> list[Fact]:
        return [f for side in self.sides for f in side]

    @property
    def same_article(self) -> bool:
        return len({f.article for f in self.facts}) == 1
