"""Compare facts and turn the rules' proposals into conflicts with severity and id."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Article, Conflict, Fact
from .dates import boundary_conflicts, event_date_conflicts, milestone_date_conflicts
from .entities import expansion_conflicts, loose_place_match, place_conflicts
from .numeric import (conversion_conflicts, currency_conflicts, magnitude_conflicts, period_conflicts,
                      scope_conflicts, share_conflicts, value_conflicts)
from .proposal import Proposal
from .quotes import attribution_conflicts

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def compare(facts: list[Fact], articles: list[Article], rules, focus: set[str] | None = None) -> list[Conflict]:
    """``focus``: article ids; when given, rules whose cost grows with pairs of facts
    may leave out conflicts that involve none of these articles."""
    by_id = {a.id: a for a in articles}
    enabled = lambda name: rules.conflict(name).enabled  # noqa: E731
    proposals: list[Proposal] = []
    checks = [
        ("numeric_scope", lambda: scope_conflicts(facts)),
        ("numeric_period", lambda: period_conflicts(facts)),
        ("numeric_value", lambda: value_conflicts(facts, by_id, rules.conflict("numeric_value").tolerance)),
        ("conversion", lambda: conversion_conflicts(facts, by_id, rules.conflict("conversion").rate_tolerance)),
        ("magnitude_slip", lambda: magnitude_conflicts(facts)),
        ("currency_slip", lambda: currency_conflicts(facts)),
        ("related_share", lambda: share_conflicts(facts)),
        ("date_boundary", lambda: boundary_conflicts(facts)),
        ("event_date", lambda: event_date_conflicts(facts)),
        ("milestone_date", lambda: milestone_date_conflicts(
            facts, {w for w, t in rules.event_words.items() if t == "milestone"}, by_id)),
        ("event_place", lambda: place_conflicts(facts, loose_place_match(rules.places))),
        ("expansion", lambda: expansion_conflicts(facts)),
        ("attribution", lambda: attribution_conflicts(facts, focus)),
    ]
    for name, run in checks:
        if enabled(name):
            proposals.extend(run())
    conflicts = {}
    for p in proposals:
        c = _conflict(p, by_id, rules)
        conflicts.setdefault(c.id, c)
    return sorted(conflicts.values(), key=lambda c: (SEVERITY_ORDER[c.severity], c.kind, c.claim, c.id))


def _conflict(p: Proposal, articles: dict[str, Article], rules) -> Conflict:
    severity = rules.conflict(p.rule).severity_for(p.same_article)
    return Conflict(id=fingerprint(p, articles), kind=p.kind, severity=severity,
                    facts=tuple(f.id for f in p.facts), sides=tuple(tuple(f.id for f in s) for s in p.sides),
                    claim=p.claim, explanation=p.explanation, rule=p.rule)


def fingerprint(p: Proposal, articles: dict[str, Article]) -> str:
    """A hash of what the conflict says: rule, claim, and each side's sources and
    texts; offsets and run order stay out so that decisions survive re-runs."""
    sides = sorted(sorted(f"{Path(articles[f.article].path).name}:{f.text}:{f.display_value()}" for f in side)
                   for side in p.sides)
    digest = hashlib.sha1(repr((p.kind, p.rule, p.claim, sides)).encode("utf-8")).hexdigest()
    return f"{p.kind[:3]}-{digest[:12]}"
