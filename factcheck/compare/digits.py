"""Typing slips in digits: the same digits with two neighbours swapped.

"728조 원" against "782조 원", a flight "4127편" against "4172편": a swap of two
neighbouring digits is a keying slip far more often than a second quantity that
happens to use the same digits. The swap is the evidence that two figures speak of
one thing, so a weaker overlap of the sentences suffices than for other values.
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from ..model import Fact
from .alignment import measured
from .context import Comparison
from .numeric import quantities, unit_family
from .proposal import Proposal

Params = dict[str, float]
_DIGIT_RUN = re.compile(r"\d[\d,]*")


def transposed_digits(a: str, b: str) -> bool:
    """The same digits with two neighbours swapped: 4127 vs 4172."""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def written_digits(f: Fact) -> str | None:
    """The digits of a figure written as one digit run ("728조 원" -> 728); None for
    figures in several runs ("4조 1천억 원") or without digits."""
    runs = _DIGIT_RUN.findall(f.text)
    if len(runs) != 1:
        return None
    digits = runs[0].replace(",", "")
    return digits if len(digits) >= 2 else None  # one digit cannot be swapped


def digit_swap_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """Two figures of the same unit and measured noun, in articles published within
    window_days of each other, whose digits differ by a swap of two neighbours (728 vs
    782, the same magnitude word), in sentences whose rarity-weighted words overlap by
    at least min_similarity. An article that gives both figures knows they are two."""
    blocks: dict[tuple[str, str, str], list[Fact]] = defaultdict(list)
    for f, q in quantities(ctx.facts):
        digits = written_digits(f)
        if digits and f.stance != "quoted":
            for noun in measured(f):
                blocks[(unit_family(q), noun, "".join(sorted(digits)))].append(f)
    if not blocks:
        return []
    rarity = ctx.sentence_rarity
    stated = {(f.article, unit_family(q), q.value) for f, q in quantities(ctx.facts)}
    out = []
    seen: set[tuple[str, str]] = set()
    for (_, noun, _), group in sorted(blocks.items()):
        for a, b in combinations(sorted(group, key=lambda f: f.id), 2):
            if (a.id, b.id) in seen or a.article == b.article:
                continue
            seen.add((a.id, b.id))
            da, db = written_digits(a), written_digits(b)
            if not (da and db and transposed_digits(da, db)) or a.scope != b.scope or a.stance != b.stance:
                continue
            low, high = sorted((abs(a.quantity.value), abs(b.quantity.value)))
            if low == 0 or high / low > 10:
                continue  # another magnitude word: not the same figure keyed twice
            if not ctx.published_within(a, b, params["window_days"]):
                continue
            family = unit_family(a.quantity)
            if (a.article, family, b.quantity.value) in stated or (b.article, family, a.quantity.value) in stated:
                continue
            score = rarity.similarity(a.context, b.context)
            if score < params["min_similarity"]:
                continue
            out.append(Proposal(
                "numeric_value", "digit_swap", f"{noun}: {da} or {db}", ((a,), (b,)),
                f"{noun}: '{a.text}' vs '{b.text}': the same digits with two neighbours swapped, "
                f"a keying slip in one of them (alignment {score:.2f}).", confidence=max(0.5, score)))
    return out
