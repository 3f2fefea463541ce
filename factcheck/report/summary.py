"""Counts shared by every output format, in a fixed key order."""
from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..model import CONFLICT_KINDS, FACT_KINDS, REVIEW_STATUSES as STATUSES, SEVERITIES, Result


def ordered_counts(values: Iterable[str], known: tuple[str, ...]) -> dict[str, int]:
    """Known keys first (zeros included, so tables keep their shape), then any others sorted."""
    counts = Counter(values)
    out = {k: counts.get(k, 0) for k in known}
    for k in sorted(set(counts) - set(known)):
        out[k] = counts[k]
    return out


def rank(value: str, known: tuple[str, ...]) -> int:
    """Sort key: position in ``known``, unknown values last."""
    return known.index(value) if value in known else len(known)


def summarize(result: Result) -> dict:
    problems = result.problems
    return {
        "articles": len(result.articles),
        "facts": len(result.facts),
        "conflicts": len(result.conflicts),
        "facts_by_kind": ordered_counts((f.kind for f in result.facts), FACT_KINDS),
        "conflicts_by_kind": ordered_counts((c.kind for c in result.conflicts), CONFLICT_KINDS),
        "conflicts_by_severity": ordered_counts((c.severity for c in result.conflicts), SEVERITIES),
        "conflicts_by_status": ordered_counts((c.status for c in result.conflicts), STATUSES),
        "problems": len(problems),
        "errors": sum(1 for p in problems if p.severity == "error"),
        "warnings": sum(1 for p in problems if p.severity != "error"),
        "stale_decisions": len(result.stale_decisions),
    }
