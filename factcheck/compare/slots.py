"""Conflicts between slot facts (extract/slots.py): the venue of one event, the
identifier of one thing, one of two exclusive terms for one act.

Two mentions speak of the same thing only on strong evidence: their sentences share
rare content words (each shared noun weighs its inverse document frequency over
the sentences of the corpus, so common words say little), and for venues the
sentences name the same day.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Callable, Iterable

from ..model import DateValue, Fact
from .context import Comparison
from .digits import transposed_digits
from .entities import loose_place_match
from .proposal import Proposal
from .rarity import Rarity

Params = dict[str, float]
SentenceKey = tuple[str, int]
MIN_SENTENCES = 50


def _rarity(ctx: Comparison) -> Rarity:
    """Rarity over the corpus's sentences, names also by their words; a run of fewer
    than MIN_SENTENCES sentences is read as if it had that many."""
    return Rarity(ctx.facts, unit="sentence", floor=MIN_SENTENCES, parts=True)


def _aligned(rarity: Rarity, a: Fact, b: Fact, params: Params, leave_out: Iterable[str] = ()) -> float:
    """The summed rarity of the shared words when it reaches the rule's bar, else 0."""
    n, weight = rarity.shared(rarity.words(a), rarity.words(b), leave_out)
    if n < params["shared_words"] or weight < params["shared_rarity"]:
        return 0.0
    return weight


def _confidence(weight: float, bar: float) -> float:
    return round(min(1.0, 0.5 + 0.5 * (weight - bar) / max(bar, 1.0)), 3)


class _Components:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _clusters(facts: list[Fact], same: Callable[[Fact, Fact], bool]) -> dict[str, list[Fact]]:
    """The facts joined through any chain of ``same``, each cluster in text order."""
    comps = _Components()
    for x in facts:
        for y in facts:
            if same(x, y):
                comps.union(x.id, y.id)
    out: dict[str, list[Fact]] = defaultdict(list)
    for f in sorted(facts, key=lambda f: (f.article, f.start)):
        out[comps.find(f.id)].append(f)
    return out


def _days(ctx: Comparison) -> dict[SentenceKey, set[str]]:
    """The days each sentence names (date facts to the day)."""
    out: dict[SentenceKey, set[str]] = defaultdict(set)
    for f in ctx.facts:
        if f.kind == "date" and isinstance(f.value, DateValue) and f.value.day:
            out[(f.article, f.sentence_start)].add(f.value.iso()[:10])
    return out


def _venue(f: Fact) -> str:
    return str(f.value).replace(" ", "")


def venue_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """One event (sentences naming the same day and sharing rare words) held at two
    venues of which neither contains the other."""
    compatible = loose_place_match(ctx.rules.places)
    rarity = _rarity(ctx)
    days = _days(ctx)
    venues = [f for f in ctx.facts if f.kind == "place" and days.get((f.article, f.sentence_start))]

    suffixes = sorted(ctx.rules.words("venue_suffix"), key=len, reverse=True)

    def stem(name: str) -> str:
        """'한빛국제공항' -> '한빛국제': the name without its venue suffix."""
        return next((name[:-len(x)] for x in suffixes if name.endswith(x) and len(name) > len(x)), name)

    def same(a: str, b: str) -> bool:
        """One venue: one name inside the other, or one stem inside the other
        (한빛공항, 한빛국제공항), or places that contain one another."""
        sa, sb = stem(a), stem(b)
        return a in b or b in a or sa in sb or sb in sa or compatible(a, b) or named_in(a, b) or named_in(b, a)

    def named_in(area: str, venue: str) -> bool:
        """A known area whose name is part of the venue's: 경주시 and 국립경주박물관."""
        p = ctx.rules.places.place(area)
        return p is not None and p.type != "venue" and any(
            len(n) >= 2 and n.replace(" ", "") in venue for n in (p.name, *p.aliases))

    actors = _Actors(ctx)
    names_of: dict[str, set[str]] = defaultdict(set)
    for f in venues:
        names_of[f.article].add(_venue(f))
    comps = _Components()
    weights: dict[str, float] = {}
    by_id = {f.id: f for f in venues}
    # Each venue is matched with the best-aligned venue of every other article; only
    # mutual best matches are one event (an article telling of two events that day
    # matches each with its own).
    best: dict[tuple[str, str], tuple[float, str]] = {}
    pair_weight: dict[tuple[str, str], float] = {}
    for i, a in enumerate(venues):
        for b in venues[i + 1:]:
            if a.article == b.article or not (days[(a.article, a.sentence_start)]
                                              & days[(b.article, b.sentence_start)]):
                continue
            va, vb = _venue(a), _venue(b)
            if not same(va, vb) and (any(same(vb, n) for n in names_of[a.article])
                                     or any(same(va, n) for n in names_of[b.article])):
                continue  # an article naming both venues knows they are two places
            if actors.apart(a, b):
                continue  # each sentence names its own organisations: two companies' events
            w = _aligned(rarity, a, b, params, (va, vb, str(a.value), str(b.value)))
            if not w:
                continue
            pair_weight[(a.id, b.id)] = w
            for x, y in ((a, b), (b, a)):
                if w > best.get((x.id, y.article), (0.0, ""))[0]:
                    best[(x.id, y.article)] = (w, y.id)
    for (ida, idb), w in pair_weight.items():
        a, b = by_id[ida], by_id[idb]
        if a.event and b.event and (a.event.day, a.event.participants) == (b.event.day, b.event.participants):
            continue  # one encounter of the same people: event_place compares it
        if best[(ida, b.article)][1] == idb and best[(idb, a.article)][1] == ida:
            comps.union(ida, idb)
            weights[ida] = max(weights.get(ida, 0), w)
            weights[idb] = max(weights.get(idb, 0), w)
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fid in list(comps.parent):
        groups[comps.find(fid)].append(by_id[fid])
    out = []
    for members in groups.values():
        # Names of one venue, joined through any chain of matches.
        sides = _clusters(members, lambda x, y: same(_venue(x), _venue(y)))
        if len(sides) < 2:
            continue
        ordered = tuple(sorted((tuple(v) for v in sides.values()), key=lambda side: _venue(side[0])))
        day = sorted(set.intersection(*[days[(f.article, f.sentence_start)] for f in members]) or
                     days[(members[0].article, members[0].sentence_start)])[0]
        shown = " vs ".join(f"'{s[0].value}'" for s in ordered)
        weight = max(weights[f.id] for f in members)
        out.append(Proposal("entity", "event_venue", f"Venue on {day}: {shown}", ordered,
                            f"Sentences about one event on {day} (they share rare words) name different "
                            f"venues, {shown}; neither contains the other.",
                            _confidence(weight, params["shared_rarity"])))
    return out


class _Actors:
    """The organisations a sentence names (words with an organisation's ending:
    한빛전자, 국토교통부). Two sentences naming organisations, none in common,
    speak of different actors."""

    def __init__(self, ctx: Comparison):
        suffixes = sorted(ctx.rules.org_suffixes, key=len, reverse=True)
        alternation = "|".join(map(re.escape, suffixes))
        self.ctx = ctx
        self.pattern = re.compile(
            rf"(?<![가-힣A-Za-z0-9])([가-힣A-Za-z0-9]{{2,}}?(?:{alternation}))"
            r"(?=[은는이가의과와을를도에로,\s]|$)") if suffixes else None

    def of(self, f: Fact) -> set[str]:
        if self.pattern is None:
            return set()
        text = self.ctx.articles[f.article].text
        return {m.group(1) for m in self.pattern.finditer(text, f.sentence_start, f.sentence_end)}

    def apart(self, a: Fact, b: Fact) -> bool:
        x, y = self.of(a), self.of(b)
        return bool(x) and bool(y) and not (x & y)


def identifier_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """One thing given two codes that differ by swapped neighbouring digits (4127 vs
    4172, the same designator 편), in sentences that share rare words. A code that
    differs more is another thing; an article naming both knows they are two. At
    least one mention carries a letter code (HB4127편), so the digits are a code and
    not a count."""
    rarity = _rarity(ctx)
    ids = [f for f in ctx.facts if f.kind == "identifier"]
    named: dict[str, set[str]] = defaultdict(set)
    for f in ids:
        named[f.article].add(str(f.value))
    found: dict[tuple[str, str, str], float] = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            va, vb = str(a.value), str(b.value)
            if a.article == b.article or a.attribute != b.attribute or not transposed_digits(va, vb):
                continue
            if vb in named[a.article] or va in named[b.article]:
                continue
            if a.subject and b.subject and a.subject != b.subject:
                continue  # different letter codes: another carrier, another series
            w = _aligned(rarity, a, b, params)
            if w:
                lo, hi = sorted((va, vb))
                key = (str(a.attribute), lo, hi)
                found[key] = max(found.get(key, 0.0), w)
    out = []
    for (word, x, y), weight in sorted(found.items()):
        sides = tuple(tuple(f for f in ids if f.attribute == word and str(f.value) == v) for v in (x, y))
        if not any(f.subject for side in sides for f in side):
            continue  # no letter code anywhere: digits before 편 may be a count (논문 120편), not a code
        out.append(Proposal("entity", "identifier_slip", f"Identifier {x}{word} vs {y}{word}", sides,
                            f"The same {word} is numbered {x} and {y}: the digits differ by a swap of neighbours "
                            f"and the sentences share rare words.",
                            _confidence(weight, params["shared_rarity"])))
    return out


def term_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """One act described with each of two exclusive words (왼발 vs 오른발) by sentences
    of articles published within window_days that share rare words; a sentence using
    both words says nothing either way."""
    rarity = _rarity(ctx)
    terms = [f for f in ctx.facts if f.kind == "term"]
    in_sentence: dict[SentenceKey, set[str]] = defaultdict(set)
    for f in terms:
        in_sentence[(f.article, f.sentence_start)].add(str(f.value))
    terms = [f for f in terms if str(f.attribute) not in in_sentence[(f.article, f.sentence_start)]]
    comps = _Components()
    by_id = {f.id: f for f in terms}
    weights: dict[str, float] = {}
    for i, a in enumerate(terms):
        for b in terms[i + 1:]:
            if a.article == b.article or str(a.attribute) != str(b.value):
                continue
            if not ctx.published_within(a, b, params["window_days"]):
                continue
            w = _aligned(rarity, a, b, params)
            if w:
                comps.union(a.id, b.id)
                weights[a.id] = max(weights.get(a.id, 0), w)
                weights[b.id] = max(weights.get(b.id, 0), w)
    groups: dict[str, list[Fact]] = defaultdict(list)
    for fid in list(comps.parent):
        groups[comps.find(fid)].append(by_id[fid])
    out = []
    for members in groups.values():
        sides: dict[str, list[Fact]] = defaultdict(list)
        for f in sorted(members, key=lambda f: (f.article, f.start)):
            sides[str(f.value)].append(f)
        if len(sides) < 2:
            continue
        ordered = tuple(tuple(v) for _, v in sorted(sides.items()))
        names = " vs ".join(sorted(sides))
        weight = max(weights[f.id] for f in members)
        out.append(Proposal("entity", "exclusive_term", f"One act, {names}", ordered,
                            f"Sentences that share rare words describe one act as {names}, which cannot both hold.",
                            _confidence(weight, params["shared_rarity"])))
    return out


def role_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """One sole office (the same title at the same organisation: 한빛전자 사장) held
    by two people whose names are not spellings of one name, in articles published
    within window_days of each other. An article naming both in that office tells of
    a succession, not a slip."""
    from ..extract.names import NameMatcher

    names = NameMatcher.from_rules(ctx.rules)
    by_role: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.kind == "role" and f.subject and f.attribute:
            by_role[(f.subject.replace(" ", ""), f.attribute)].append(f)
    out = []
    for (org, title), group in sorted(by_role.items()):
        holders = _clusters(group, lambda a, b: names.same_person(str(a.value), str(b.value)))
        if len(holders) < 2:
            continue
        per_article: dict[str, set[str]] = defaultdict(set)
        for key, facts in holders.items():
            for f in facts:
                per_article[f.article].add(key)
        if any(len(keys) > 1 for keys in per_article.values()):
            continue  # one article names both: a predecessor and a successor
        sides = tuple(sorted((tuple(v) for v in holders.values()), key=lambda s: str(s[0].value)))
        close = any(ctx.published_within(a, b, params["window_days"])
                    for i, sa in enumerate(sides) for sb in sides[i + 1:] for a in sa for b in sb)
        if not close:
            continue
        who = " vs ".join(str(s[0].value) for s in sides)
        out.append(Proposal("entity", "role_holder", f"{org} {title}: {who}", sides,
                            f"The {org} {title} is named as {who}: one office, different people."))
    return out
