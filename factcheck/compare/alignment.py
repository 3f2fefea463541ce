"""Alignment of numeric frames: are two figures about the same thing?

Exact claim keys fit one story. Here two quantity facts are compared only after
evidence that they speak of one quantity, and the evidence gives the conflict its
``confidence``:

- blocking by unit family (people, money, length, a stat line's counter ...);
- the words of the two sentences, each weighted by its rarity in the corpus (IDF):
  "사망자" shared by two sentences says more than "정부";
- the attribute (the noun run before the figure) when both have one;
- the frame: an as-of stamp ("오후 6시 10분 기준"; see extract/asof.py) makes a
  running count comparable, and only at the same stamp; a stance (forecast, plan,
  quoted) is another claim than a result.

Rules here:

- stamped_value: the same count at the same as-of stamp, given different values;
- stat_line: two stat lines ("333경기 127골 77도움") that agree on most tallies and
  differ on one.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from typing import Iterable, Sequence

from ..model import OPEN_STAMP, Fact, Quantity
from ..normalize.numbers import format_number
from .context import Comparison
from .numeric import MARKET_SHARE, quantities, unit_family
from .proposal import Proposal
from .rarity import Rarity
from .status import SettledReader

Params = dict[str, float]


def disjoint(a: Quantity, b: Quantity, tolerance: float) -> bool:
    """The intervals cannot both hold, beyond a relative rounding tolerance."""
    lo, hi = (a, b) if a.low <= b.low else (b, a)
    return lo.high * (1 + tolerance) < hi.low


def sides_by_value(facts: Iterable[Fact], tolerance: float) -> list[list[Fact]]:
    """Facts in order of value, one side per run of values that can both hold."""
    sides: list[list[Fact]] = []
    for f in sorted(facts, key=lambda f: (f.quantity.low, f.id)):
        if sides and not disjoint(sides[-1][-1].quantity, f.quantity, tolerance):
            sides[-1].append(f)
        else:
            sides.append([f])
    return sides


def _where(facts: Sequence[Fact]) -> str:
    texts = sorted({f"'{f.text}'" for f in facts})
    return ", ".join(texts[:3]) + (f" and {len(texts) - 3} more" if len(texts) > 3 else "")


def stamped_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """The same running count at the same as-of stamp with values that cannot both hold.

    Blocked by unit family and stamp; a pair counts when the figures measure the same
    noun (before or after the figure) and the sentences' words, weighted by rarity,
    overlap by at least min_similarity (attribute_bonus added for the shared noun).
    Quoted figures and different stances are other claims."""
    blocks: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f, q in quantities(ctx.facts):
        if f.as_of and f.as_of != OPEN_STAMP and f.stance != "quoted" and q.dimension != "tally":
            blocks[(unit_family(q), f.as_of)].append(f)
    if not blocks:
        return []
    rarity = ctx.sentence_rarity
    values = values_by_sentence(ctx.facts)
    status = SettledReader(ctx)
    out = []
    for (family, stamp), group in sorted(blocks.items()):
        pairs: list[tuple[float, Fact, Fact]] = []
        for a, b in combinations(group, 2):
            if a.article == b.article or a.stance != b.stance or a.scope != b.scope or status.clash(a, b):
                continue
            if not measured(a) & measured(b):  # "3명이 숨지고 12명이 다쳤다": nothing says what is counted
                continue
            score = _disagreement(a, b, values, rarity, params)
            if score is not None:
                pairs.append((score, a, b))
        for score, a, b in sorted(pairs, key=lambda p: (-p[0], p[1].id, p[2].id)):
            what = a.attribute or b.attribute or family
            out.append(Proposal(
                "numeric_value", "stamped_value", f"{what} as of {stamp}",
                ((a,), (b,)),
                f"At the same stamp ({stamp}) {what} is {a.quantity.trace or a.text} in '{a.text}' but "
                f"{b.quantity.trace or b.text} in '{b.text}'; a count at one moment has one value "
                f"(alignment {score:.2f}).", confidence=score))
    return out


def _other_subjects(a: Fact, b: Fact) -> bool:
    """"A팀은 12승 3패" and "B팀은 12승 4패": each line's subject is missing from the other
    sentence. (A subject the other sentence names, "그의 기록은" against "…을 기록했다",
    is no evidence of two subjects.)"""
    return bool(a.subject and b.subject and a.subject != b.subject
                and a.subject not in b.context and b.subject not in a.context)


def _may_have_grown(ctx: Comparison, la: dict[str, Fact], lb: dict[str, Fact], differ: list[str]) -> bool:
    """A running tally grows: when every differing tally is higher in the line of the
    later article, the later line may be a later count ("10경기 9골" then "11경기 9골")."""
    pa = ctx.articles[next(iter(la.values())).article].published
    pb = ctx.articles[next(iter(lb.values())).article].published
    if pa is None or pb is None or pa == pb:
        return False
    early, late = (la, lb) if pa < pb else (lb, la)
    return all(late[c].quantity.value > early[c].quantity.value for c in differ)


def stat_line_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """Two stat lines that agree on at least min_equal tallies (of at least min_shared
    shared counters) and differ on fewer than they agree on: the differing tally is a slip.
    Lines of different subjects, and a later line whose differing tallies are all
    higher (a running count that grew), are not compared."""
    lines: dict[tuple[str, int, tuple[str, ...]], dict[str, Fact]] = defaultdict(dict)
    for f, q in quantities(ctx.facts):
        if q.dimension == "tally" and f.stance != "quoted":
            lines[(f.article, f.sentence_start, f.qualifiers)][q.unit] = f
    # (counter, the agreeing tallies) -> value -> facts
    found: dict[tuple[str, tuple[str, ...]], dict[float, set[Fact]]] = defaultdict(lambda: defaultdict(set))
    scores: dict[tuple[str, tuple[str, ...]], float] = {}
    for (ka, la), (kb, lb) in combinations(sorted(lines.items(), key=lambda kv: (kv[0][0], kv[0][1])), 2):
        if ka[0] == kb[0]:
            continue
        shared = sorted(set(la) & set(lb))
        equal = [c for c in shared if la[c].quantity.value == lb[c].quantity.value]
        differ = [c for c in shared if c not in equal]
        if len(shared) < params["min_shared"] or len(equal) < params["min_equal"] \
                or not differ or len(differ) >= len(equal):
            continue
        if _other_subjects(next(iter(la.values())), next(iter(lb.values()))):
            continue
        if _may_have_grown(ctx, la, lb, differ):
            continue
        agree = tuple(f"{la[c].quantity.value:g}{c}" for c in equal)
        for c in differ:
            key = (c, agree)
            found[key][la[c].quantity.value].add(la[c])
            found[key][lb[c].quantity.value].add(lb[c])
            scores[key] = max(scores.get(key, 0.0), len(equal) / len(shared))
    out = []
    for key, by_value in sorted(found.items()):
        counter, agree = key
        sides = tuple(tuple(sorted(by_value[v], key=lambda f: f.id)) for v in sorted(by_value))
        values = " vs ".join(f"{format_number(v)}{counter} ({_where(list(by_value[v]))})" for v in sorted(by_value))
        out.append(Proposal(
            "numeric_value", "stat_line", f"{counter} in the line {' '.join(agree)}", sides,
            f"Stat lines that agree on {', '.join(agree)} give different {counter}: {values}.",
            confidence=scores[key]))
    return out


class PerUnit:
    """Whether a figure is an amount per unit or per member ("1인당 25만 원", "각각 30%",
    "10만 원씩"), by the per_unit_marker patterns just before or right after it."""

    BEFORE = 10  # characters before the figure where a marker binds it
    AFTER = 3

    def __init__(self, ctx: Comparison):
        self.ctx = ctx
        items = ctx.rules.words("per_unit_marker")
        self.pattern = re.compile("|".join(f"(?:{p})" for p in items)) if items else None

    def __call__(self, f: Fact) -> bool:
        if self.pattern is None:
            return False
        text = self.ctx.articles[f.article].text
        before = text[max(f.sentence_start, f.start - self.BEFORE):f.start]
        after = text[f.end:min(f.sentence_end, f.end + self.AFTER)]
        return bool(self.pattern.search(before) or self.pattern.search(after))


def values_by_sentence(facts: Iterable[Fact]) -> dict[tuple[str, int, str], list[Quantity]]:
    """The quantities of each sentence, by unit family."""
    out: dict[tuple[str, int, str], list[Quantity]] = defaultdict(list)
    for f in facts:
        if isinstance(f.value, Quantity):
            out[(f.article, f.sentence_start, unit_family(f.value))].append(f.value)
    return out


def restated(a: Fact, b: Fact, values: dict[tuple[str, int, str], list[Quantity]], tolerance: float) -> bool:
    """Either sentence also gives the other's value ("3명이 숨지고 12명이 다쳤다" against
    "12명이 다치고 3명이 숨졌다"): the same figures in another order, not a disagreement."""
    family = unit_family(a.quantity)
    return any(not disjoint(q, b.quantity, tolerance) for q in values[(a.article, a.sentence_start, family)]) \
        or any(not disjoint(q, a.quantity, tolerance) for q in values[(b.article, b.sentence_start, family)])


def _disagreement(a: Fact, b: Fact, values: dict[tuple[str, int, str], list[Quantity]], rarity: Rarity,
                  params: Params) -> float | None:
    """The alignment score of two figures whose values cannot both hold and that no
    sentence restates, when it reaches min_similarity; else None."""
    if not disjoint(a.quantity, b.quantity, params["tolerance"]) or restated(a, b, values, params["tolerance"]):
        return None
    score = min(1.0, rarity.similarity(a.context, b.context) + params["attribute_bonus"])
    return score if score >= params["min_similarity"] else None


def measured(f: Fact) -> frozenset[str]:
    """What a figure measures, as written: its attribute (the noun run before it,
    whole: "현금 투자" is not "조선업 투자") and its head (the noun right after it,
    "4m 높이")."""
    return frozenset(w for w in (f.attribute, f.head) if w)


def aligned_pairs(ctx: Comparison, params: Params) -> list[tuple[float, Fact, Fact]]:
    """Pairs of quantity facts from different articles, blocked by unit family, that
    measure the same noun, whose frames are compatible (stance, scope, time words,
    as-of stamp; a count as of an unknown moment is never aligned) and whose values
    cannot both hold, with their alignment score: the weighted word overlap of the
    two sentences plus attribute_bonus for the shared measured noun."""
    dimensions = frozenset(ctx.rules.words("aligned_dimension"))
    # Blocked by unit family and measured noun: the cost grows with the facts that
    # measure one thing, not with all pairs.
    blocks: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f, q in quantities(ctx.facts):
        if q.dimension in dimensions and f.stance != "quoted" and f.scope != "change_from" \
                and f.as_of != OPEN_STAMP and f.attribute != MARKET_SHARE:
            for noun in measured(f):
                blocks[(unit_family(q), noun)].append(f)
    rarity = ctx.sentence_rarity
    per_unit = PerUnit(ctx)
    status = SettledReader(ctx)  # a preliminary and a final figure are not one claim
    values = values_by_sentence(ctx.facts)
    out = []
    seen: set[tuple[str, str]] = set()
    for _, group in sorted(blocks.items()):
        for a, b in combinations(group, 2):
            if (a.id, b.id) in seen:
                continue
            seen.add((a.id, b.id))
            if a.article == b.article or a.stance != b.stance or a.scope != b.scope \
                    or a.as_of != b.as_of or a.qualifiers != b.qualifiers:
                continue
            if ctx.focus is not None and a.article not in ctx.focus and b.article not in ctx.focus:
                continue
            if not ctx.published_within(a, b, params["window_days"]) or per_unit(a) != per_unit(b) \
                    or status.clash(a, b):
                continue
            score = _disagreement(a, b, values, rarity, params)
            if score is not None:
                out.append((score, a, b))
    return sorted(out, key=lambda p: (-p[0], p[1].id, p[2].id))


def aligned_value_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """numeric_value by alignment: the aligned pairs, grouped by what they measure;
    each group's facts fall into sides by value."""
    groups: dict[tuple[str, str], set[Fact]] = defaultdict(set)
    scores: dict[tuple[str, str], float] = {}
    for score, a, b in aligned_pairs(ctx, params):
        noun = sorted(measured(a) & measured(b))[0]
        key = (noun, unit_family(a.quantity))
        groups[key] |= {a, b}
        scores[key] = max(scores.get(key, 0.0), score)
    out = []
    for key, facts in sorted(groups.items()):
        sides = sides_by_value(facts, params["tolerance"])
        if len(sides) < 2:
            continue
        values = " vs ".join(f"'{s[0].text}' ({s[0].quantity.trace or s[0].text})" for s in sides)
        out.append(Proposal(
            "numeric_value", "numeric_value", f"{key[0]} ({key[1]})", tuple(tuple(s) for s in sides),
            f"{key[0]}: {values}; the sentences measure the same '{key[0]}' and share rare words "
            f"(alignment {scores[key]:.2f}).", confidence=scores[key]))
    return out


def enumeration_total_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """A list of figures and its total in one sentence ("A 40명, B 3명, C 2명 등 총
    41명") where the items add up to more than the total: the total cannot hold.
    (Fewer is fine: "등" leaves items out.) Figures of other articles that give the
    items' sum, in sentences whose words overlap the total's by at least
    min_similarity, are the other side: the sum is what they report."""
    by_sentence: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for f, q in quantities(ctx.facts):
        if f.stance != "quoted" and q.dimension != "tally":
            by_sentence[(f.article, f.sentence_start)].append(f)
    rarity = ctx.sentence_rarity
    out = []
    for (article, _), group in sorted(by_sentence.items()):
        group.sort(key=lambda f: f.start)
        text = ctx.articles[article].text
        for i, total in enumerate(group):
            if total.scope != "total":
                continue
            items: list[Fact] = []
            nxt = total
            for f in reversed(group[:i]):
                gap = text[f.end:nxt.start]
                if f.quantity.unit != total.quantity.unit or f.scope != "point" \
                        or len(gap) > params["max_gap"] or any(c.isdigit() for c in gap):
                    break
                nxt = f
                # "승객 52명(외국인 2명 포함)": a figure in brackets breaks down the one before it.
                if text.count("(", f.sentence_start, f.start) > text.count(")", f.sentence_start, f.start):
                    continue
                items.append(f)
            if len(items) < 2 or any(f.quantity.hedge for f in items):
                continue
            items.reverse()
            low = sum(f.quantity.low for f in items)
            if low <= total.quantity.high * (1 + params["tolerance"]):
                continue
            high = sum(f.quantity.high for f in items)
            others = [g for g, q in quantities(ctx.facts)
                      if g.article != article and q.unit == total.quantity.unit and g.stance != "quoted"
                      and low * (1 - params["tolerance"]) <= q.value <= high * (1 + params["tolerance"])
                      and rarity.similarity(total.context, g.context) >= params["min_similarity"]]
            unit = total.quantity.unit
            listed = " + ".join(f.text for f in items)
            out.append(Proposal(
                "numeric_value", "enumeration_total", f"total of {listed}",
                ((total,), tuple(items) + tuple(sorted(others, key=lambda g: g.id))),
                f"'{total.text}' is given as the total, but the listed figures ({listed}) add up to "
                f"{format_number(low)} {unit}" + (f", as {len({g.article for g in others})} other "
                                                   f"source(s) report" if others else "") + ".",
                confidence=1.0 if others else 0.5))
    return out


def value_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """The same quantity ("기준금리", "높이") with values that cannot both be true.

    Figures are paired by evidence, not by a literal key (compare/alignment.py):
    blocked by unit family, over the aligned dimensions (length, money, share ...),
    the same measured noun before or after the figure ("높이 2m" / "4m 높이"), the
    same stance, scope, time words and as-of stamp, articles published within
    window_days, and the rarity-weighted words the sentences share, scored against
    min_similarity: the same figure on another day or in another year is another
    quantity.
    """
    return aligned_value_conflicts(ctx, params)
