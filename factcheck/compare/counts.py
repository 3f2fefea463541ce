"""Counts of people and things, aligned only where a running count cannot explain
the difference.

numeric_value leaves counts out of its aligned dimensions: tolls run, sentences count
subsets ("승무원 6명 중 2명"). This rule compares two counts only in the safe frame:

- the same calendar day of publication, and known order: both articles carry a time
  of publication; a count that is higher in the later article may be the same count
  later (a running count), so only a later *lower* figure, or two figures published
  at the same moment, can conflict;
- no as-of stamp on either (stamped counts are stamped_value's), no hedge-free
  approximation issue: intervals ("90여대" = [90, 100]) are compared as intervals;
- neither figure a part: a figure after "N명 가운데/중" (part_marker), or in a
  sentence that also names a larger count of its unit, is a subset, not the count;
- the same status: a preliminary and a final figure are two moments; a settled
  figure against a plain one is settled_count's;
- the same measured noun (before or after the figure, whole) and strong evidence:
  the rarity-weighted overlap of the two sentences plus attribute_bonus reaches
  min_similarity.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from itertools import combinations

from ..model import Fact
from .alignment import PerUnit, disjoint, measured, restated, sides_by_value, values_by_sentence
from .context import Comparison
from .numeric import quantities
from .proposal import Proposal
from .status import SettledReader

Params = dict[str, float]


def _when(ctx: Comparison, f: Fact) -> datetime | None:
    """The publication moment when its time of day is known (a date alone reads as midnight)."""
    p = ctx.articles[f.article].published
    if p is None or (p.hour, p.minute) == (0, 0):
        return None
    return p


def count_value_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """Two counts of the same measured noun, the same day, in known order, that cannot
    both hold and that no running count explains (see the module)."""
    status = SettledReader(ctx)
    counts = [f for f, q in quantities(ctx.facts)
              if q.dimension == "count" and f.stance != "quoted" and f.as_of is None and f.scope != "change_from"]
    by_sentence: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    for f in counts:
        by_sentence[(f.article, f.sentence_start)].append(f)

    def part(f: Fact) -> bool:
        same = by_sentence[(f.article, f.sentence_start)]
        return status.whole(f, same) is not None or any(
            g.quantity.unit == f.quantity.unit and g.quantity.low > f.quantity.high for g in same)

    blocks: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in counts:
        if _when(ctx, f) is not None and not part(f):
            for noun in measured(f):
                blocks[(f.quantity.unit, noun)].append(f)
    if not blocks:
        return []
    rarity = ctx.sentence_rarity
    per_unit = PerUnit(ctx)
    values = values_by_sentence(ctx.facts)
    found: dict[tuple[str, str], dict[Fact, float]] = defaultdict(dict)
    seen: set[tuple[str, str]] = set()
    for (unit, noun), group in sorted(blocks.items()):
        for a, b in combinations(group, 2):
            if (a.id, b.id) in seen:
                continue
            seen.add((a.id, b.id))
            wa, wb = _when(ctx, a), _when(ctx, b)
            assert wa is not None and wb is not None
            if a.article == b.article or wa.date() != wb.date() or a.stance != b.stance \
                    or a.scope != b.scope or a.qualifiers != b.qualifiers or per_unit(a) != per_unit(b):
                continue
            if status.clash(a, b) or status.is_settled(a) != status.is_settled(b):
                continue
            if ctx.focus is not None and a.article not in ctx.focus and b.article not in ctx.focus:
                continue
            if not disjoint(a.quantity, b.quantity, params["tolerance"]) \
                    or restated(a, b, values, params["tolerance"]):
                continue
            early, late = (a, b) if wa <= wb else (b, a)
            if wa != wb and late.quantity.low > early.quantity.high:
                continue  # higher later: the count may have run on
            score = min(1.0, rarity.similarity(a.context, b.context) + params["attribute_bonus"])
            if score >= params["min_similarity"]:
                key = (noun, unit)
                found[key][a] = max(found[key].get(a, 0.0), score)
                found[key][b] = max(found[key].get(b, 0.0), score)
    out = []
    for (noun, unit), facts in sorted(found.items()):
        sides = sides_by_value(facts, params["tolerance"])
        if len(sides) < 2:
            continue
        score = max(facts.values())
        listed = " vs ".join(f"'{s[0].text}'" for s in sides)
        out.append(Proposal(
            "numeric_value", "count_value", f"{noun} ({unit})", tuple(tuple(s) for s in sides),
            f"{noun}: {listed} on the same day, in sentences that share rare words (alignment "
            f"{score:.2f}); no stamp, no part of a larger count, and no later rise that a running "
            f"count would explain.", confidence=score))
    return out
