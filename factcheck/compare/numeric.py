"""Conflicts between quantity facts.

Facts are blocked by value (same number and unit family), so the cost grows with
the number of facts. Within a block:

- numeric_scope: the same figure read as a rate in one place and a total, or a
  total by a date, in another; a change *by* 15% against a change *to* 15%;
- numeric_period: the same total spread over periods of different lengths;
- conversion: the same amount converted at clearly different implied exchange
  rates on the same day, with no rate stated;
- magnitude_slip: the same digits with a magnitude word dropped (3500달러 vs 3500억 달러);
- currency_slip: the same figure in another currency, not as a conversion;
- related_share: two shares of the same market with different values.
"""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Sequence

from ..model import Fact, Quantity
from ..normalize.numbers import format_number, significant_digits
from .context import Comparison
from .proposal import Proposal

Params = dict[str, float]

MARKET_SHARE = "market share"  # the attribute the extractor gives a share of a named market
RATE = {"per_day", "per_month", "per_quarter", "per_year"}
CUMULATIVE = {"by_date", "over_period", "total", "in_period"}
SCOPE_WORDS = {"per_day": "per day", "per_month": "per month", "per_quarter": "per quarter",
               "per_year": "per year", "by_date": "cumulative by a date", "over_period": "over a period",
               "total": "total", "in_period": "within one period", "change_by": "a change by",
               "change_to": "a level after the change"}


def scope_clash(a: str, b: str) -> bool:
    if a == b:
        return False
    if {a, b} == {"change_by", "change_to"}:
        return True
    if a in RATE and b in RATE:
        return True
    if (a in RATE and b in CUMULATIVE) or (b in RATE and a in CUMULATIVE):
        return True
    return {a, b} == {"in_period", "by_date"}


def unit_family(q: Quantity) -> str:
    """Counters (장, 개) compare with named count units (wafer): both are counts."""
    return q.dimension if q.dimension == "count" else q.unit


def quantities(facts: Sequence[Fact]) -> list[tuple[Fact, Quantity]]:
    """The quantity facts that can be compared (not retracted, not a correction notice's
    own restatement), each with its quantity."""
    return [(f, f.value) for f in facts if isinstance(f.value, Quantity) and f.kind == "quantity"
            and f.stance not in ("retracted", "correction")]


def shares_context(a: Fact, b: Fact, at_least: float = 1) -> bool:
    return len(set(a.context) & set(b.context)) >= at_least


def value_key(q: Quantity) -> tuple[str, float]:
    return unit_family(q), round(q.value, 6)


def scope_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    blocks: dict[tuple[str, float], list[Fact]] = defaultdict(list)
    for f, q in quantities(ctx.facts):
        if f.scope in RATE | CUMULATIVE | {"change_by", "change_to"} and q.value > 0:
            blocks[value_key(q)].append(f)
    out = []
    for key, group in blocks.items():
        scopes = sorted({f.scope for f in group})
        clashing = [(a, b) for a, b in combinations(scopes, 2) if scope_clash(a, b)]
        if not clashing:
            continue
        a_scope, b_scope = clashing[0]
        side_a = [f for f in group if f.scope == a_scope]
        side_b = [f for f in group if f.scope == b_scope]
        # Only facts that share sentence context with the other side: same thing.
        # Percentages are everywhere in news: two of them need more shared words.
        q = group[0].quantity
        need = params["percent_shared_words"] if q.dimension in ("percent", "percent_point") \
            else params["shared_words"]
        side_a2 = [f for f in side_a if any(shares_context(f, g, need) for g in side_b)]
        side_b2 = [g for g in side_b if any(shares_context(f, g, need) for f in side_a2)]
        if not side_a2 or not side_b2:
            continue
        explanation = (f"The same figure {format_number(q.value)} {q.unit} is {SCOPE_WORDS[a_scope]} in "
                       f"{_where(side_a2)} but {SCOPE_WORDS[b_scope]} in {_where(side_b2)}.")
        claim = f"{format_number(q.value)} {q.unit}: {SCOPE_WORDS[a_scope]} or {SCOPE_WORDS[b_scope]}?"
        out.append(Proposal("numeric_scope", "numeric_scope", claim,
                            (tuple(side_a2), tuple(side_b2)), explanation))
    return out


def period_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    blocks: dict[tuple[str, float], list[Fact]] = defaultdict(list)
    for f, q in quantities(ctx.facts):
        if f.scope == "over_period" and f.period_days:
            blocks[value_key(q)].append(f)
    out = []
    for key, group in blocks.items():
        by_days: dict[float, list[Fact]] = defaultdict(list)
        for f in group:
            by_days[f.period_days or 0.0].append(f)
        if len(by_days) < 2:
            continue
        days = sorted(by_days)
        if days[-1] <= days[0] * params["period_ratio"]:
            continue
        sides = tuple(tuple(by_days[d]) for d in days)
        if not any(shares_context(a, b, params["shared_words"]) for a in sides[0] for b in sides[-1]):
            continue
        q = group[0].quantity
        spans = " vs ".join(f"{by_days[d][0].scope_detail}" for d in days)
        out.append(Proposal("numeric_value", "numeric_period", f"{format_number(q.value)} {q.unit}: over which period?",
                            sides, f"The same {format_number(q.value)} {q.unit} is spread over different "
                                   f"periods: {spans}."))
    return out


def conversion_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    blocks: dict[tuple[str, str, float], list[tuple[Fact, Quantity, Quantity]]] = defaultdict(list)
    for f, q in quantities(ctx.facts):
        if f.conversion is not None and not f.rate_stated:
            blocks[(q.unit, f.conversion.unit, round(q.value, 6))].append((f, q, f.conversion))
    out = []
    tolerance = params["rate_tolerance"]
    for key, group in blocks.items():
        for (a, qa, ca), (b, qb, cb) in combinations(group, 2):
            if a.article == b.article or not ctx.published_within(a, b, params["window_days"]):
                continue
            lo_a, hi_a = _rate_bounds(qa, ca)
            lo_b, hi_b = _rate_bounds(qb, cb)
            if hi_a * (1 + tolerance) < lo_b or hi_b * (1 + tolerance) < lo_a:
                out.append(Proposal(
                    "numeric_value", "conversion", f"{format_number(key[2])} {key[0]} in {key[1]}: at which rate?",
                    ((a,), (b,)),
                    f"The same {format_number(qa.value)} {qa.unit} is converted at about "
                    f"{ca.value / qa.value:,.0f} {key[1]}/{key[0]} ({ca.trace}) and at about "
                    f"{cb.value / qb.value:,.0f} ({cb.trace}) on the same day; rounding cannot explain the gap."))
    return out


def _rate_bounds(q: Quantity, converted: Quantity) -> tuple[float, float]:
    """Rounding of the converted figure: '약 455조' is 454.5–455.5조 at most."""
    c = converted.value
    step = 10 ** max(0, math.floor(math.log10(c)) - 2) / 2 if c > 0 else 0
    return (c - step) / q.value, (c + step) / q.value


def magnitude_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """3500 vs 3500억 of the same currency: a dropped 만/억/조."""
    by_digits: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f, q in quantities(ctx.facts):
        if q.dimension == "currency" and q.value >= params["min_value"]:
            by_digits[(q.unit, significant_digits(q.value))].append(f)
    out = []
    for key, group in by_digits.items():
        plain = [f for f in group if f.quantity.value < 1e6 and not any(c in f.text for c in "만억조천")]
        for slip in plain:
            value = slip.quantity.value
            big = [g for g in group for k in (1e4, 1e8, 1e12)
                   if math.isclose(g.quantity.value, value * k, rel_tol=1e-9)
                   and shares_context(slip, g, params["shared_words"])]
            if not big:
                continue
            factor = big[0].quantity.value / value
            word = {1e4: "만", 1e8: "억", 1e12: "조"}.get(round(factor), "")
            out.append(Proposal(
                "numeric_value", "magnitude_slip", f"{slip.text}: a dropped magnitude word?",
                ((slip,), tuple(big)),
                f"'{slip.text}' ({format_number(value)} {key[0]}) looks like "
                f"'{big[0].text}' ({format_number(big[0].quantity.value)} {key[0]}) with '{word}' dropped."))
    return out


def currency_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """2000억 원 where the others say 2000억 달러: the same figure in another currency."""
    by_value: dict[float, list[Fact]] = defaultdict(list)
    for f, q in quantities(ctx.facts):
        if q.dimension == "currency" and q.value >= params["min_value"] and q.hedge is None:
            by_value[round(q.value, 6)].append(f)
    out = []
    for value, group in by_value.items():
        units: dict[str, list[Fact]] = defaultdict(list)
        for f in group:
            units[f.quantity.unit].append(f)
        if len(units) < 2:
            continue
        # The minority currency is the suspect; the majority says what the figure is.
        ranked = sorted(units.items(), key=lambda kv: (-len({f.article for f in kv[1]}), kv[0]))
        major_unit, major = ranked[0]
        for unit, minor in ranked[1:]:
            sources, suspects = len({f.article for f in major}), len({f.article for f in minor})
            if sources < params["min_sources"] or suspects >= sources:
                continue
            minor = [f for f in minor if any(shares_context(f, g, params["shared_words"])
                                             and same_time_frame(ctx, f, g) for g in major)]
            if not minor:
                continue
            out.append(Proposal(
                "numeric_value", "currency_slip", f"{format_number(value)}: {unit} or {major_unit}?",
                (tuple(minor), tuple(major)),
                f"{format_number(value)} is given in {unit} ('{minor[0].text}') but in {major_unit} by "
                f"{len({f.article for f in major})} other sources ('{major[0].text}'): a wrong currency unit?"))
    return out


def share_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """Two shares of the same market in one article, or from the same subject across articles."""
    by_market: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for f, _ in quantities(ctx.facts):
        if f.attribute == MARKET_SHARE:
            by_market[f.qualifiers].append(f)
    out = []
    for market, group in by_market.items():
        for a, b in combinations(group, 2):
            qa, qb = a.quantity, b.quantity
            if qa.high < qb.low or qb.high < qa.low:
                same_subject = a.subject is not None and a.subject == b.subject
                if a.article != b.article and not same_subject:
                    continue
                rule = "numeric_value" if same_subject else "related_share"
                who = "the same subject" if same_subject else "different subjects"
                out.append(Proposal(
                    "numeric_value", rule, f"Share of the {'/'.join(market)} market",
                    ((a,), (b,)),
                    f"Two shares of the {'/'.join(market)} market for {who}: {qa.trace} vs "
                    f"{qb.trace}; confirm they are meant as different quantities."))
    return out


def _where(facts: Sequence[Fact]) -> str:
    texts = sorted({f"'{f.text}'" for f in facts})
    return ", ".join(texts[:3]) + (f" and {len(texts) - 3} more" if len(texts) > 3 else "")


def _years(f: Fact) -> frozenset[int]:
    return frozenset(int(q[:-1]) for q in f.qualifiers if len(q) == 5 and q[:4].isdigit() and q.endswith("년"))


def same_time_frame(ctx: Comparison, a: Fact, b: Fact) -> bool:
    """False when the sentences place the figures in different years: both name
    years and share none, or one names only years other than its publication year
    ("2015년 이적료") while the other names none (the current story)."""
    ya, yb = _years(a), _years(b)
    if ya and yb:
        return bool(ya & yb)
    if not ya and not yb:
        return True
    named, fact = (ya, a) if ya else (yb, b)
    published = ctx.articles[fact.article].published
    return published is None or published.year in named
