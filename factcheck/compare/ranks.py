"""Rank conflicts: the same quantity placed first in one source and second in another.

"역대 최고 X" and "역대 두 번째로 큰 X" cannot both hold for one X. Two rank frames
(factcheck.extract.ranks) speak of one X when they rank the same noun in the same
direction within the same domain ("MLS 역대" vs "MLS 역대"; "아시아 선수 역대" is
another ranking), and their sentences show they are about one thing: they state the
same figure, or share a content word that few articles of the corpus use.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import Fact, Quantity
from .context import Comparison
from .proposal import Proposal

Params = dict[str, float]


def rank_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    ranks = [f for f in ctx.facts if f.kind == "rank" and f.stance not in ("retracted", "correction")
             and f.attribute and len(f.qualifiers) > 1]
    if len(ranks) < 2:
        return []
    figures: dict[tuple[str, int], list[Quantity]] = defaultdict(list)
    for f in ctx.facts:
        if f.kind == "quantity" and isinstance(f.value, Quantity) and f.stance not in ("retracted", "correction"):
            figures[(f.article, f.sentence_start)].append(f.value)
    spread: dict[str, set[str]] = defaultdict(set)  # content noun -> articles using it
    for f in ctx.facts:
        for word in f.context:
            spread[word].add(f.article)
    rare = max(params["rare_articles"], params["rare_share"] * len(ctx.articles))
    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in ranks:
        groups[(f.attribute or "", f.qualifiers[-1])].append(f)
    out = []
    for (attribute, order), members in groups.items():
        edges = []
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if a.article == b.article or a.quantity.value == b.quantity.value:
                    continue
                if ctx.focus is not None and a.article not in ctx.focus and b.article not in ctx.focus:
                    continue
                if not _same_domain(a, b):
                    continue
                if _same_figure(figures[(a.article, a.sentence_start)], figures[(b.article, b.sentence_start)],
                                params["tolerance"]) or _rare_shared(a, b, spread, rare):
                    edges.append((a, b))
        out.extend(_clusters(edges, attribute, order))
    return out


def _same_domain(a: Fact, b: Fact) -> bool:
    da, db = set(a.qualifiers[:-1]), set(b.qualifiers[:-1])
    return bool(da and db) and (da <= db or db <= da)


def _same_figure(xs: list[Quantity], ys: list[Quantity], tolerance: float) -> bool:
    return any(x.unit == y.unit and x.value and abs(x.value - y.value) <= tolerance * max(abs(x.value), abs(y.value))
               for x in xs for y in ys)


def _rare_shared(a: Fact, b: Fact, spread: dict[str, set[str]], rare: float) -> bool:
    framing = {a.attribute, *a.qualifiers, *b.qualifiers}
    shared = {w for w in set(a.context) & set(b.context) - framing if w not in a.text and w not in b.text}
    return any(len(spread[w]) <= rare for w in shared)


def _clusters(edges: list[tuple[Fact, Fact]], attribute: str, order: str) -> list[Proposal]:
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_id: dict[str, Fact] = {}
    for a, b in edges:
        by_id[a.id], by_id[b.id] = a, b
        parent[find(a.id)] = find(b.id)
    components: dict[str, list[Fact]] = defaultdict(list)
    for fid, f in by_id.items():
        components[find(fid)].append(f)
    out = []
    for facts in components.values():
        by_rank: dict[float, list[Fact]] = defaultdict(list)
        for f in sorted(facts, key=lambda f: (f.quantity.value, f.article, f.start)):
            by_rank[f.quantity.value].append(f)
        sides = tuple(tuple(v) for v in by_rank.values())
        ranks = " vs ".join(f"#{int(r)}" for r in by_rank)
        examples = "; ".join(f"'{side[0].text}' ({side[0].trace})" for side in sides)
        out.append(Proposal("numeric_value", "rank", f"{attribute}: rank ({order} first) {ranks}", sides,
                            f"The same {attribute} is ranked differently: {examples}."))
    return out
