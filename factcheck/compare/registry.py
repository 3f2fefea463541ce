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
from .alignment import enumeration_total_conflicts, stamped_conflicts, stat_line_conflicts, value_conflicts
from .context import Comparison
from .dates import boundary_conflicts, event_date_conflicts, milestone_date_conflicts
from .entities import expansion_conflicts, place_conflicts
from .moments import moment_conflicts
from .numeric import (conversion_conflicts, currency_conflicts, magnitude_conflicts, period_conflicts,
                      scope_conflicts, share_conflicts)
from .pairings import pairing_conflicts
from .proposal import Proposal
from .quotes import attribution_conflicts
from .ranks import rank_conflicts
from .counts import count_value_conflicts
from .digits import digit_swap_conflicts
from .settled import settled_count_conflicts
from .spans import extension_span_conflicts
from .slots import identifier_conflicts, role_conflicts, term_conflicts, venue_conflicts

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
             "Figures of the aligned dimensions (rules: aligned_dimension; length, money, shares) that "
             "measure the same noun (before or after the figure: 높이 2m / 4m 높이), with the same stance, "
             "scope, time words and as-of stamp, both preliminary (preliminary_marker: 잠정) or neither, in articles published within window_days of each other, "
             "have values that cannot both hold (beyond tolerance, relative). The pair's score, the "
             "rarity-weighted overlap of the sentences' words plus attribute_bonus, must reach "
             "min_similarity; it is the conflict's confidence.",
             value_conflicts, {"tolerance": 0.02, "window_days": 2, "min_similarity": 0.65,
                               "attribute_bonus": 0.25}),
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
             "shared_words content words and place the figures in the same years (a fee of 2015 is "
             "another amount than this year's).",
             currency_conflicts, {"min_value": 1e6, "min_sources": 2, "shared_words": 1}),
    RuleSpec("FC107", "related_share", "numeric_value", "Two shares of one market",
             "Two different shares of the same market for related subjects (all Korean firms vs one of "
             "them): an editor confirms they are meant as different quantities.",
             share_conflicts, {}, "low"),
    RuleSpec("FC108", "stamped_value", "numeric_value", "Same count at the same stamp, different values",
             "A running count given at the same as-of stamp (오후 6시 기준, 11시 현재) has values that cannot "
             "both hold (beyond tolerance, relative) in two articles: the figures measure the same noun "
             "(before or after them) and the sentences' words, weighted by their rarity in the corpus, "
             "overlap by at least min_similarity (attribute_bonus added for the shared noun; the score is "
             "the confidence). Counts under different stamps, or as of an untimed 현재, evolve: never "
             "compared.",
             stamped_conflicts, {"tolerance": 0.0, "min_similarity": 0.5, "attribute_bonus": 0.25}),
    RuleSpec("FC109", "stat_line", "numeric_value", "Stat lines that differ in one tally",
             "Two stat lines (333경기 127골 77도움, or labelled: 찬성 180명, 반대 95명, 기권 12명) in different "
             "articles share at least min_shared "
             "counters, agree on at least min_equal of them and differ on fewer than they agree on: "
             "the differing tally is a slip. Lines of two subjects, and a later line whose differing "
             "tallies are all higher (a running count that grew), are not compared.",
             stat_line_conflicts, {"min_shared": 3, "min_equal": 2}, "low"),
    RuleSpec("FC110", "rank", "numeric_value", "Same quantity, different rank",
             "The same quantity is placed at different ranks of one all-time ranking (역대 최고 vs 역대 두 "
             "번째로 큰): the same ranked noun, in the same direction, within the same domain, in sentences "
             "that state the same figure (within tolerance) or share a content word used by at most "
             "rare_articles articles (or rare_share of them, if more).",
             rank_conflicts, {"tolerance": 0.02, "rare_articles": 2, "rare_share": 0.1}),
    RuleSpec("FC111", "extension_span", "numeric_scope", "Extension longer than its dates allow",
             "An extension given as a duration (N년 연장) is longer, by more than slack_years, than the same "
             "article's dates allow: from the term's own deadline (…까지) to the latest deadline of the "
             "extension (…까지 연장). The span counted from now was read as the extension.",
             extension_span_conflicts, {"slack_years": 0.5}),
    RuleSpec("FC112", "enumeration_total", "numeric_value", "Listed figures exceed their total",
             "A sentence lists figures of one unit and then their total (A 40명, B 3명 등 총 41명) and the "
             "items add up to more than the total (beyond tolerance, relative; fewer is fine, 등 leaves "
             "items out). Items stand in a row, at most max_gap characters apart. Figures in other "
             "articles that give the sum, in sentences whose rarity-weighted words overlap the total's "
             "by at least min_similarity, join the other side.",
             enumeration_total_conflicts, {"tolerance": 0.0, "max_gap": 12, "min_similarity": 0.3}, "high"),
    RuleSpec("FC113", "settled_count", "numeric_value", "Lower count after the settled one",
             "A count stated as settled (settled_marker right by it: 최종 52명, 12명으로 확정) and, in an "
             "article published on a later day, a lower figure of the same thing with no as-of stamp, not "
             "hedged, not preliminary (preliminary_marker in its sentence): a stale running count. The "
             "same thing: the lower figure and the settled one, or a later figure repeating its value, "
             "measure the same noun in sentences whose rarity-weighted words overlap by min_similarity "
             "(attribute_bonus added), or are parts of an equal whole (N명 가운데 M명) with the same "
             "predicate stem after them. A higher later figure may be a revision: not flagged.",
             settled_count_conflicts, {"min_similarity": 0.5, "attribute_bonus": 0.25}, "high"),
    RuleSpec("FC114", "count_value", "numeric_value", "Same count on the same day, different values",
             "Counts of people or things (left out of numeric_value: tolls run, sentences count subsets) "
             "are compared only in a safe frame: articles of the same day whose times of publication are "
             "known, no as-of stamp, neither figure a part (after N명 가운데/중, or beside a larger count of "
             "its unit), the same status (preliminary or not, settled or not), stance, scope, time words, "
             "and the same measured noun with a rarity-weighted overlap plus attribute_bonus of at least "
             "min_similarity. A later figure higher than an earlier one is a running count: never flagged. "
             "Values within tolerance (relative) of each other count as equal.",
             count_value_conflicts, {"tolerance": 0.0, "min_similarity": 0.75, "attribute_bonus": 0.25}, "medium"),
    RuleSpec("FC115", "digit_swap", "numeric_value", "Swapped digits",
             "Two figures of the same unit and measured noun whose digits differ by a swap of two "
             "neighbours (728조 vs 782조), in articles published within window_days of each other, in "
             "sentences whose rarity-weighted words overlap by at least min_similarity: a keying slip. "
             "An article that gives both figures knows they are two.",
             digit_swap_conflicts, {"window_days": 2, "min_similarity": 0.3}),
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
    RuleSpec("FC204", "event_moment", "date", "Same happening, different date or time",
             "One happening, told by clauses of different articles that share at least min_shared words "
             "rare in the corpus (summed rarity at least min_evidence), is given another month, day or time "
             "of day. A day labelled local time may be one day from an unlabelled or Korean-time day; times "
             "within minute_tolerance minutes agree (hour_hedge_minutes for a round hour with 께/쯤); "
             "days more than window_days, months more than window_months or times more than max_minutes "
             "apart are other happenings. An article giving both values knows they are two. A story of "
             "fewer than min_articles articles is weighed as if it had that many.",
             moment_conflicts,
             {"min_evidence": 2.5, "min_shared": 2, "window_days": 3, "window_months": 2,
              "minute_tolerance": 1, "hour_hedge_minutes": 30, "max_minutes": 180, "min_articles": 8}),
    RuleSpec("FC301", "event_place", "entity", "Same event, different place",
             "One event (same day, same participants) is placed at two places of which neither contains "
             "the other.",
             place_conflicts, {}, "high"),
    RuleSpec("FC302", "expansion", "entity", "Acronym spelled out differently",
             "One acronym is spelled out in different words (fuzzy similarity below similarity).",
             expansion_conflicts, {"similarity": 90}, "low"),
    RuleSpec("FC303", "event_venue", "entity", "Same event, different venue",
             "Sentences of different articles that name the same day and share rare content words "
             "(at least shared_words nouns whose summed rarity, an inverse document frequency over the "
             "corpus's sentences, reaches shared_rarity) place what happened at venues of which neither "
             "contains the other; an article naming both venues knows they are two places.",
             venue_conflicts, {"shared_words": 2, "shared_rarity": 6.0}),
    RuleSpec("FC304", "identifier_slip", "entity", "Same thing, transposed identifier",
             "One thing is given codes whose digits differ by a swap of neighbours (4127편 vs 4172편) in "
             "sentences of different articles that share at least shared_words content nouns of summed "
             "rarity shared_rarity; codes that differ more name other things, and an article naming both "
             "knows they are two.",
             identifier_conflicts, {"shared_words": 2, "shared_rarity": 6.0}),
    RuleSpec("FC305", "exclusive_term", "entity", "One act, exclusive words",
             "One act is described with each of two words that exclude each other (왼발/오른발) by "
             "sentences of articles published within window_days of each other that share at least "
             "shared_words content nouns of summed rarity shared_rarity.",
             term_conflicts, {"shared_words": 3, "shared_rarity": 10.0, "window_days": 2}, "low"),
    RuleSpec("FC306", "role_holder", "entity", "One office, two holders",
             "The same sole title at the same organisation (a title one person holds at a time: 장관, "
             "사장) is given to people whose names are not spellings of one name, in articles published "
             "within window_days of each other; an article naming both tells of a succession.",
             role_conflicts, {"window_days": 7}),
    RuleSpec("FC307", "pairing", "numeric_value", "Enumeration binds another value",
             "Enumerations bind values to entities one by one (A는 3조 원, B는 2조 원; A·B에 각각 3만 대; "
             "A(30%)와 B(25%); 김 의원은 국방위, 이 의원은 외통위). The same entity is bound to values that "
             "cannot both hold (beyond tolerance, relative), or two entities' nouns are swapped, by sentences "
             "of articles published within window_days of each other whose words (the entities left out), "
             "weighted by their rarity over at least rarity_floor sentences, overlap by at least "
             "min_similarity; with the same attribute, time words, scope and stance. A list without 각각 "
             "or 씩 binds no member (a total), and an article binding the entity to both values knows they "
             "are two. Swapped nouns are an entity conflict.",
             pairing_conflicts, {"tolerance": 0.02, "window_days": 2, "min_similarity": 0.5,
                                 "rarity_floor": 20}),
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
