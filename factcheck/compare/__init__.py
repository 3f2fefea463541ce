"""Compare facts and turn the rules' proposals into conflicts with severity and id."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from ..model import Article, Conflict, Fact
from .context import Comparison
from .proposal import Proposal
from .registry import RULES

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def compare(facts: list[Fact], articles: Iterable[Article], rules: "RuleSet",
            focus: Iterable[str] | None = None, min_confidence: float = 0.0) -> list[Conflict]:
    """Run every enabled rule of the registry. ``focus``: article ids; when given,
    rules whose cost grows with pairs of facts may leave out conflicts that involve
    none of these articles. Conflicts below ``min_confidence`` are left out; the rest
    come most severe first, then most confident first."""
    by_id = {a.id: a for a in articles}
    ctx = Comparison(facts, by_id, rules, frozenset(focus) if focus is not None else None)
    conflicts: dict[str, Conflict] = {}
    said: set[tuple] = set()  # what earlier rules already flagged, by kind and the places of each side
    for spec in RULES.values():
        if not rules.conflict(spec.name).enabled:
            continue
        for p in spec.run(ctx, rules.params(spec.name)):
            if p.confidence < min_confidence:
                continue
            # Two rules may read one disagreement from different facts of the same words
            # (an encounter's event and its date): it is reported once, by the first rule.
            places = (p.kind, tuple(sorted(tuple(sorted((f.article, f.start, f.end) for f in side))
                                           for side in p.sides)))
            if places in said:
                continue
            said.add(places)
            c = _conflict(p, by_id, rules)
            conflicts.setdefault(c.id, c)
    return sorted(conflicts.values(),
                  key=lambda c: (SEVERITY_ORDER[c.severity], -c.confidence, c.kind, c.claim, c.id))


def _conflict(p: Proposal, articles: Mapping[str, Article], rules: "RuleSet") -> Conflict:
    per_side = [len({f.article for f in side}) for side in p.sides]
    severity = rules.conflict(p.rule).severity_for(p.same_article, per_side, rules.setting("widespread_articles"))
    return Conflict(id=fingerprint(p, articles), kind=p.kind, severity=severity,
                    facts=tuple(f.id for f in p.facts), sides=tuple(tuple(f.id for f in s) for s in p.sides),
                    claim=p.claim, explanation=p.explanation, rule=p.rule, code=RULES[p.rule].code,
                    confidence=round(p.confidence, 3))


def fingerprint(p: Proposal, articles: Mapping[str, Article]) -> str:
    """A hash of what the conflict says: rule, claim, and each side's sources and
    texts; offsets and run order stay out so that decisions survive re-runs."""
    sides = sorted(sorted(f"{Path(articles[f.article].path).name}:{f.text}:{f.display_value()}" for f in side)
                   for side in p.sides)
    digest = hashlib.sha1(repr((p.kind, p.rule, p.claim, sides)).encode("utf-8")).hexdigest()
    return f"{p.kind[:3]}-{digest[:12]}"
