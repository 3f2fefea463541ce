"""pairing: an entity bound to another value, or two entities' values swapped,
by enumerations of aligned sentences (factcheck.extract.pairings reads them).

"A·B에 각각 3만 대를, C에는 4만 대를" against "A에 3만 대, B·C에 각각 4만 대": B is
given 3만 대 in one and 4만 대 in the other. "김 의원은 국방위, 이 의원은 외통위" against
"김 의원은 외통위, 이 의원은 국방위": the pairs are swapped.

Compared only between sentences of different articles whose words, weighted by
their rarity in the corpus, overlap by at least min_similarity (the bound entities
left out), whose words before the enumeration (its owner: "가온모터스는 …") meet when
both give some, for the same attribute (the noun between entity and figure, when both
give one), the same time words, scope and stance. The same bindings in another
order, a subset of a list, a total beside its parts (a list without 각각 binds no
member), and an article that binds the entity to both values elsewhere are no
conflict.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import Fact, Quantity
from .context import Comparison
from .proposal import Proposal
from .rarity import Rarity

_STANCES_LEFT_OUT = ("retracted", "correction")


def _disjoint(a: Quantity, b: Quantity, tolerance: float) -> bool:
    if a.unit != b.unit:
        return False
    scale = max(abs(a.value), abs(b.value), 1e-9)
    return a.high < b.low - tolerance * scale or b.high < a.low - tolerance * scale


def _same_measure(a: Fact, b: Fact) -> bool:
    if isinstance(a.value, Quantity) != isinstance(b.value, Quantity):
        return False
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        if a.value.unit != b.value.unit or a.scope != b.scope or a.stance != b.stance:
            return False
        if tuple(sorted(a.qualifiers)) != tuple(sorted(b.qualifiers)):
            return False
    if a.attribute and b.attribute:
        return a.attribute == b.attribute
    # one gives the attribute: the other sentence must name it
    named = a.attribute or b.attribute
    other = b if a.attribute else a
    return named is None or named in other.context


def _differ(a: Fact, b: Fact, tolerance: float) -> bool:
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        return _disjoint(a.value, b.value, tolerance)
    return a.value != b.value


def _knows(facts: list[Fact], entity: str, other: Fact, tolerance: float) -> bool:
    """The article binds ``entity`` to ``other``'s value somewhere too."""
    return any(f.subject == entity and _same_measure(f, other) and not _differ(f, other, tolerance) for f in facts)


def pairing_conflicts(ctx: Comparison, params: dict[str, float]) -> list[Proposal]:
    facts = [f for f in ctx.facts if f.kind == "pairing" and f.subject and f.stance not in _STANCES_LEFT_OUT]
    if not facts:
        return []
    rarity = Rarity(ctx.facts, unit="sentence", floor=int(params["rarity_floor"]), offset=1.0)
    tolerance = params["tolerance"]
    sentences: dict[tuple[str, int], list[Fact]] = defaultdict(list)
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        sentences[(f.article, f.sentence_start)].append(f)
        by_article[f.article].append(f)
    keys = sorted(sentences)
    out: list[Proposal] = []
    for i, ka in enumerate(keys):
        for kb in keys[i + 1:]:
            if ka[0] == kb[0]:
                continue
            if ctx.focus is not None and ka[0] not in ctx.focus and kb[0] not in ctx.focus:
                continue
            sa, sb = sentences[ka], sentences[kb]
            if not ctx.published_within(sa[0], sb[0], params["window_days"]):
                continue
            if sa[0].frame and sb[0].frame and not set(sa[0].frame) & set(sb[0].frame):
                continue  # the enumerations of two owners ("A사는 미국에 …" / "B사는 미국에 …")
            entities = {f.subject for f in sa} | {f.subject for f in sb}
            wa = [w for w in sa[0].context if w not in entities]
            wb = [w for w in sb[0].context if w not in entities]
            score = rarity.similarity(wa, wb)
            if score < params["min_similarity"]:
                continue
            left: list[Fact] = []
            right: list[Fact] = []
            for fa in sa:
                for fb in sb:
                    if fa.subject != fb.subject or not _same_measure(fa, fb) or not _differ(fa, fb, tolerance):
                        continue
                    entity = fa.subject or ""
                    if _knows(by_article[fa.article], entity, fb, tolerance) \
                            or _knows(by_article[fb.article], entity, fa, tolerance):
                        continue
                    if fa not in left:
                        left.append(fa)
                    if fb not in right:
                        right.append(fb)
            if not left:
                continue
            numeric = isinstance(left[0].value, Quantity)
            if not numeric and not _swapped(left, right):
                continue  # two nouns bound differently: only a swap is sure to be one statement
            names = sorted({f.subject or "" for f in left})
            shown = "; ".join(f"{f.subject}: {f.display_value()} vs "
                              + ", ".join(g.display_value() for g in right if g.subject == f.subject)
                              for f in left)
            swap = _swapped(left, right)
            what = "swapped between " if swap else "bound differently to "
            out.append(Proposal("numeric_value" if numeric else "entity", "pairing",
                                f"pairing:{left[0].attribute or ''}:{','.join(names)}",
                                (tuple(left), tuple(right)),
                                f"Values {what}{', '.join(names)} by aligned enumerations ({shown}).",
                                confidence=round(min(1.0, score), 3)))
    return out


def _swapped(left: list[Fact], right: list[Fact]) -> bool:
    """Each side gives an entity the value the other gives another entity."""
    ours = {(f.subject, _key(f)) for f in left}
    theirs = {(f.subject, _key(f)) for f in right}
    values_left = {v for _, v in ours}
    values_right = {v for _, v in theirs}
    return len(ours) >= 2 and values_left == values_right


def _key(f: Fact) -> str:
    v = f.value
    return f"{v.value:.6g} {v.unit}" if isinstance(v, Quantity) else str(v)
