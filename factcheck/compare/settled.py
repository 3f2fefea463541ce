"""Settled counts: a running count stated as final, and a lower figure given later.

A running count (a toll, a tally of cases) rises while it is counted; two figures of
it in articles of different times are an evolving count, not a conflict, and a
figure under an as-of stamp is only compared at the same stamp (stamped_value). Once
an article states the count as settled ("최종 52명으로 집계됐다", "12명으로 확정"),
a later article that states a lower figure, with no stamp and as plain fact, keeps
a stale count: that is a conflict.

Evidence that two figures count the same thing, with no word list of what is counted:

- the settled figure itself, or a later figure of the same value and unit (the later
  articles that repeat the settled count, "52명이 숨졌다");
- and, for the lower figure: either the same measured noun (before or after the
  figure) and sentences whose rarity-weighted words other than that noun overlap by
  min_similarity (attribute_bonus added for the noun); or
  the same whole ("탑승자 50명 가운데 48명이 숨진" and "탑승자 50명 가운데 46명이 숨졌다":
  parts of an equal count, joined by a part_marker) and the same predicate stem
  right after the figure (a part that died is not a part that was rescued).

A figure in a sentence with a preliminary_marker (잠정, 속보치) is never settled and
never stale: a preliminary and a settled figure do not conflict.
"""
from __future__ import annotations

from pathlib import PurePath

from ..model import Fact
from .alignment import disjoint
from .context import Comparison
from .numeric import quantities
from .proposal import Proposal
from .status import SettledReader

Params = dict[str, float]


def settled_count_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """A count stated as settled, and a lower count of the same thing stated as plain
    fact, with no as-of stamp, in an article published on a later day."""
    reader = SettledReader(ctx)
    counts = [f for f, q in quantities(ctx.facts)
              if q.dimension == "count" and f.stance == "actual" and f.scope in ("point", "total")
              and f.as_of is None]
    by_sentence: dict[tuple[str, int], list[Fact]] = {}
    for f in counts:
        by_sentence.setdefault((f.article, f.sentence_start), []).append(f)

    def day(f: Fact):
        p = ctx.articles[f.article].published
        return p.date() if p else None

    settled = [f for f in counts if not f.quantity.hedge and reader.is_settled(f) and day(f)]
    if not settled:
        return []
    rarity = ctx.sentence_rarity
    wholes = {f.id: reader.whole(f, by_sentence[(f.article, f.sentence_start)]) for f in counts}

    def sentence_values(f: Fact) -> set[float]:
        return {g.quantity.value for g in by_sentence[(f.article, f.sentence_start)]}

    def aligned(c: Fact, r: Fact) -> float:
        if c.quantity.unit != r.quantity.unit:
            return 0.0
        shared = reader.counted(c) & reader.counted(r)
        if shared:
            # Evidence beyond the counted noun itself: "이 사고로 사망자 66명" shares only
            # 사망자 with the settled toll of another accident.
            score = min(1.0, rarity.similarity(set(c.context) - shared, set(r.context) - shared)
                        + params["attribute_bonus"])
            if score >= params["min_similarity"]:
                return score
        wc, wr = wholes[c.id], wholes[r.id]
        if wc is not None and wc == wr and reader.predicate(c) is not None \
                and reader.predicate(c) == reader.predicate(r):
            return 1.0
        return 0.0

    out = []
    done: set[str] = set()
    for s in sorted(settled, key=lambda f: (day(f), f.id)):
        sday = day(s)
        assert sday is not None
        value = s.quantity
        # The settled figure and the later figures that repeat it.
        references = [s] + [g for g in counts if g.article != s.article and g.quantity.unit == value.unit
                            and not disjoint(g.quantity, value, 0.0) and not g.quantity.hedge
                            and (d := day(g)) is not None and d >= sday and not reader.preliminary(g)]
        stale: dict[Fact, float] = {}
        for c in counts:
            d = day(c)
            if c.id in done or c.article == s.article or d is None or d <= sday or c.quantity.hedge \
                    or reader.preliminary(c) or c.quantity.high >= value.low \
                    or value.value in sentence_values(c):
                continue
            score = max((aligned(c, r) for r in references if r.article != c.article), default=0.0)
            if score > 0:
                stale[c] = score
        if not stale:
            continue
        done |= {c.id for c in stale}
        low = tuple(sorted(stale, key=lambda f: (f.quantity.value, f.id)))
        high = tuple(sorted(references, key=lambda f: f.id))
        what = "/".join(sorted(reader.counted(s))) or s.quantity.unit
        out.append(Proposal(
            "numeric_value", "settled_count", f"settled count {s.text}",
            (low, high),
            f"'{s.text}' is stated as the settled count ({PurePath(ctx.articles[s.article].path).name}, {sday}); "
            f"later articles give a lower figure with no as-of stamp: "
            + ", ".join(f"'{c.text}'" for c in low) + f" ({what}; alignment {max(stale.values()):.2f}).",
            confidence=max(stale.values())))
    return out
