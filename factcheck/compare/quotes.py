"""Attribution conflicts: the same quote given to different speakers."""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from typing import Iterator

from rapidfuzz import fuzz

from ..extract.names import NameMatcher
from ..model import Fact
from .context import Comparison
from .proposal import Proposal

Params = dict[str, float]


def _norm(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


def attribution_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """With a ``focus`` on some articles, only pairs with a quote from one of them are judged."""
    return _merge(attribution_pairs(ctx, params), NameMatcher.from_rules(ctx.rules))


def attribution_pairs(ctx: Comparison, params: Params) -> list[tuple[Fact, Fact]]:
    """Each pair of quotes with the same words and different speakers, earlier quote first."""
    names = NameMatcher.from_rules(ctx.rules)
    min_chars = params["min_quote_chars"]
    # Only speakers read from sentence structure; a guess from a neighbouring name is too weak.
    norms = {f.id: _norm(str(f.value)) for f in ctx.facts if f.kind == "quote" and f.speaker
             and f.speaker_strong}
    quotes = [f for f in ctx.facts if len(norms.get(f.id, "")) >= min_chars]
    focus = ctx.focus
    # Block by a short fingerprint of the quote's content so that we never compare all pairs.
    shingles = {f.id: {norms[f.id][i:i + 8] for i in range(0, max(1, len(norms[f.id]) - 7))} for f in quotes}
    blocks: dict[str, list[Fact]] = defaultdict(list)
    for f in quotes:
        for shingle in shingles[f.id]:
            blocks[shingle].append(f)
    pairs = _pairs(blocks) if focus is None else _pairs_with(quotes, shingles, blocks, focus)
    # Template phrases make blocks of hundreds of quotes: each pair of speakers is judged once.
    speakers: dict[tuple[str, str], bool] = {}
    out: list[tuple[Fact, Fact]] = []
    for a, b in pairs:
        who = (a.speaker or "", b.speaker or "")
        same = speakers.get(who)
        if same is None:
            same = speakers[who] = names.same_person(*who)
        if same:
            continue
        na, nb = norms[a.id], norms[b.id]
        if fuzz.partial_ratio(na, nb) < params["similarity"] or min(len(na), len(nb)) < min_chars \
                or not _same_figures(na, nb):
            continue
        out.append((a, b))
    return out


def _merge(pairs: list[tuple[Fact, Fact]], names: NameMatcher) -> list[Proposal]:
    """One conflict per disagreement: the quotes of one passage ("…"며 "…"라고) given to one
    speaker in one article and to another in a second are one misattribution, not one per
    sentence. Pairs are joined through (article, speaker); each side is one speaker."""
    parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(x: tuple[str, str]) -> tuple[str, str]:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def node(f: Fact) -> tuple[str, str]:
        return f.article, f.speaker or ""

    for a, b in pairs:
        parent[find(node(a))] = find(node(b))
    groups: dict[tuple[str, str], list[tuple[Fact, Fact]]] = defaultdict(list)
    for a, b in pairs:
        groups[find(node(a))].append((a, b))
    out = []
    for members in groups.values():
        sides: list[list[Fact]] = []
        for f in sorted({f.id: f for pair in members for f in pair}.values(), key=lambda f: (f.article, f.start)):
            side = next((s for s in sides if names.same_person(s[0].speaker or "", f.speaker or "")), None)
            if side is None:
                sides.append([f])
            else:
                side.append(f)
        a, b = members[0]
        shorter = min(str(a.value), str(b.value), key=len)
        who = " and from ".join(f"{s[0].speaker} ({s[0].trace})" for s in sides)
        out.append(Proposal("attribution", "attribution", f"Who said “{_clip(shorter)}”?",
                            tuple(tuple(s) for s in sides),
                            f"The same words are quoted from {who}."))
    return out


def _same_figures(a: str, b: str) -> bool:
    """Quotes that differ in their numbers ("30%" vs "70%") are different statements."""
    short, long_ = sorted((a, b), key=len)
    return all(n in re.findall(r"\d+", long_) for n in re.findall(r"\d+", short))


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def _pairs(blocks: dict[str, list[Fact]]) -> Iterator[tuple[Fact, Fact]]:
    """Each pair of quotes from different articles that share a block, once, earlier quote first."""
    seen: set[tuple[str, str]] = set()
    for group in blocks.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if a.article == b.article:
                    continue
                pair = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                if pair not in seen:
                    seen.add(pair)
                    yield a, b


def _pairs_with(quotes: list[Fact], shingles: dict[str, set[str]], blocks: dict[str, list[Fact]],
                focus: frozenset[str]) -> Iterator[tuple[Fact, Fact]]:
    """The pairs of ``_pairs`` that have a quote from a focus article, without visiting the others."""
    position = {f.id: i for i, f in enumerate(quotes)}
    seen: set[tuple[str, str]] = set()
    for a in quotes:
        if a.article not in focus:
            continue
        for shingle in shingles[a.id]:
            for b in blocks[shingle]:
                if a.article == b.article:
                    continue
                first, second = (a, b) if position[a.id] < position[b.id] else (b, a)
                if (first.id, second.id) not in seen:
                    seen.add((first.id, second.id))
                    yield first, second
