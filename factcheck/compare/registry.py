"""Every comparison rule, once: its stable code, conflict kind, title, help text,
parameters with their defaults, default severity and the function that runs it.

The rule schema (``rules/conflicts.yaml``), the compare loop, the SARIF rules, the
CI text and the README's rule table are all read from :data:`RULES`. Adding a rule
is one function ``(Comparison, params) -> list[Proposal]`` and one row here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping

from ..model import ConflictKind, Severity
from .context import Comparison
from .dates import boundary_conflicts, event_date_conflicts, milestone_date_conflicts
from .entities import expansion_conflicts, place_conflicts
from .numeric import (conversion_conflicts, currency_conflicts, magnitude_conflicts, period_conflicts,
                      scope_conflicts, share_conflicts, value_conflicts)
from .proposal import Proposal
from .quotes import attribution_conflicts

RuleFunction = Callable[[Comparison, dict[str, float]], list[Proposal]]


@dataclass(frozen=True)
class RuleSpec:
    code: str
    name: str
    kind: ConflictKind
    title: str
    help: str
    run: RuleFunction
    params: Mapping[str, float] = field(default_factory=dict)
    severity: Severity = "medium"


_ROWS = (
    RuleSpec("FC101", "numeric_value", "numeric_value", "Same quantity, different values",
             "The same attribute (the noun before the figure, with the time words of its sentence) "
             "is given values that cannot both hold, in articles published within window_days of each "
             "other whose sentences share at least shared_words content words. Values within "
             "tolerance (relative) of each other count as equal.",
             value_conflicts, {"tolerance": 0.02, "window_days": 2, "shared_words": 3}),
    RuleSpec("FC102", "numeric_scope", "numeric_scope", "Same figure, different scope",
             "The same figure is read as a rate in one place and as a total (or a total by a date) in "
             "another, or as a change by a percentage in one and a level after the change in another. "
             "The sentences must share shared_words content words (percent_shared_words for percentages, "
             "which are everywhere in news).",
             scope_conflicts, {"shared_words": 1, "percent_shared_words": 2}, "high"),
    RuleSpec("FC103", "numeric_period", "numeric_value", "Same total, different period",
             "The same total is spread over periods of different length (3.5 years vs 4 years), in "
             "sentences that share shared_words content words; lengths within a factor period_ratio of "
             "each other count as equal.",
             period_conflicts, {"period_ratio": 1.05, "shared_words": 1}),
    RuleSpec("FC104", "conversion", "numeric_value", "Same amount, different exchange rate",
             "The same foreign-currency amount is converted at implied exchange rates that differ by more "
             "than rate_tolerance (after rounding of the converted figure), in articles published within "
             "window_days of each other that state no rate. A rate stated in the sentence (달러당 1,400원) "
             "explains any gap.",
             conversion_conflicts, {"rate_tolerance": 0.04, "window_days": 1}),
    RuleSpec("FC105", "magnitude_slip", "numeric_value", "Dropped magnitude word",
             "The same digits with 만, 억 or 조 dropped or added (3500달러 vs 3500억 달러), for amounts of at "
             "least min_value, in sentences that share shared_words content words.",
             magnitude_conflicts, {"min_value": 100, "shared_words": 1}, "low"),
    RuleSpec("FC106", "currency_slip", "numeric_value", "Wrong currency",
             "The same figure in another currency than at least min_sources other sources give it "
             "(2000억 원 vs 2000억 달러), for amounts of at least min_value, in sentences that share "
             "shared_words content words.",
             currency_conflicts, {"min_value": 1e6, "min_sources": 2, "shared_words": 1}),
    RuleSpec("FC107", "related_share", "numeric_value", "Two shares of one market",
             "Two different shares of the same market for related subjects (all Korean firms vs one of "
             "them): an editor confirms they are meant as different quantities.",
             share_conflicts, {}, "low"),
    RuleSpec("FC201", "date_boundary", "date", "Start or deadline",
             "The same date is when something starts (…부터) in one source and a deadline (…까지) in "
             "another, in sentences that share shared_words content words.",
             boundary_conflicts, {"shared_words": 1}, "high"),
    RuleSpec("FC202", "event_date", "date", "Same encounter, different date",
             "The same people meet on dates more than min_gap_days and at most window_days apart in "
             "different articles; an article naming both dates knows they are two encounters.",
             event_date_conflicts, {"min_gap_days": 1, "window_days": 7}),
    RuleSpec("FC203", "milestone_date", "date", "Same milestone, different date",
             "One milestone (시행, 발효, 개막 …) is dated differently (more than min_gap_days and at most "
             "window_days apart) by articles published within published_within_days of each other, each "
             "naming one date for it, in sentences that share shared_words content words.",
             milestone_date_conflicts,
             {"min_gap_days": 1, "window_days": 60, "published_within_days": 3, "shared_words": 2}),
    RuleSpec("FC301", "event_place", "entity", "Same event, different place",
             "One event (same day, same participants) is placed at two places of which neither contains "
             "the other.",
             place_conflicts, {}, "high"),
    RuleSpec("FC302", "expansion", "entity", "Acronym spelled out differently",
             "One acronym is spelled out in different words (fuzzy similarity below similarity).",
             expansion_conflicts, {"similarity": 90}, "low"),
    RuleSpec("FC401", "attribution", "attribution", "Same words, different speaker",
             "The same quote (at least min_quote_chars characters, partial similarity at least "
             "similarity, the same figures) is given to different speakers.",
             attribution_conflicts, {"min_quote_chars": 12, "similarity": 85}),
)

RULES: dict[str, RuleSpec] = {row.name: row for row in _ROWS}
BY_CODE: dict[str, RuleSpec] = {row.code: row for row in _ROWS}


def markdown_table() -> str:
    """The README's table of conflict rules."""
    rows = ["| code | rule | kind | default severity | finds | parameters (default) |",
            "|---|---|---|---|---|---|"]
    for spec in _ROWS:
        params = ", ".join(f"`{k}` {v:g}" for k, v in spec.params.items()) or "–"
        rows.append(f"| {spec.code} | {spec.name} | {spec.kind} | {spec.severity} | {spec.help} | {params} |")
    return "\n".join(rows)
