"""The same happening dated or timed differently by different articles.

Each date fact carries its *frame*: the content words of its clause, what happened
at it ("29일 오전 9시 3분께 활주로에 내려앉다 외벽에 부딪혔다"). Two facts of
different articles speak of one happening when their frames share words that are
rare in the corpus (document frequency over articles: a word every article uses
says nothing). Then their values must agree, at the precision both give:

- month, when both give only a month ("2009년 8월 제작" vs "2009년 9월에 제작"): the
  same year and month;
- day: the same day, except that a day labelled as local time (현지시간) and a day
  not so labelled may be one day apart (the same moment on both sides of the date
  line); two days both in Korean time, or both unlabelled, may not, unless the
  unlabelled one's article labels other dates as local time (it may speak in local
  time throughout);
- time of day, on the same day, both in Korean time (or unlabelled): within
  ``minute_tolerance`` minutes (seconds are dropped: 8시 58분 50초 is 8:58); a round
  hour with a hedge ("9시쯤") is good for ``hour_hedge_minutes``; an hour with no
  오전/오후 matches either half of the day. A time of day with no date of its own
  takes its day from the text before it, so only its clock is compared.

An article that itself gives both values for frames of the same words knows they
are two happenings. Differences beyond ``window_days`` (or ``max_minutes``) are
taken to be other happenings.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Mapping

from ..model import DateValue, Fact
from ..normalize.dates import _AMPM
from .context import Comparison
from .proposal import Proposal
from .rarity import Rarity

Params = dict[str, float]

_RANK = {"year": 0, "month": 1, "day": 2, "time": 3}
_BLOCK_IDF = 0.7  # words in half the articles or more take no part in finding pairs
_HALF_OF_DAY = re.compile(_AMPM + "|:")  # the one spelling of a part of the day (normalize/dates.py)


def _eligible(f: Fact) -> bool:
    v = f.value
    return (f.kind == "date" and isinstance(v, DateValue) and bool(f.frame) and v.year is not None
            and v.month is not None and f.scope in ("point", "from_date")
            and f.stance not in ("retracted", "forecast"))


def _rarity(ctx: Comparison, min_articles: float) -> Rarity:
    """Rarity over articles (a story repeats its words) of the clause and sentence
    words, unsmoothed: a word every article uses weighs 0 and finds no pairs. Every
    article counts, even one with no facts: it shares no words. A story of fewer
    than min_articles articles is read as if it had that many: with three articles
    no word could be rare."""
    return Rarity(ctx.facts, unit="article", floor=max(len(ctx.articles), int(min_articles)), frames=True,
                  smooth=False)


def _clock_only(f: Fact) -> bool:
    return f.scope_detail == "clock"


def _minutes(f: Fact) -> int:
    v = f.date_value
    return (v.hour or 0) * 60 + (v.minute or 0)


def _after_words(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    """Matches one of ``words`` right after a value (after a space at most)."""
    from ..normalize.lexicon import words_pattern  # here: normalize.lexicon reads the rules, which read compare

    return re.compile(rf"\s?(?:{words_pattern(list(words)) or '(?!)'})")


def _hedge_after(ctx: Comparison) -> re.Pattern[str]:
    """The approximating hedges said after a figure (께, 쯤, 가량), from rules/hedges.yaml."""
    return _after_words([w for h in ctx.rules.hedges if h.position == "after" and h.effect == "approx"
                         for w in h.words])


@dataclass(frozen=True)
class Reading:
    """What values are read against: the article texts (for the hedge after a time),
    the approximating hedges, and the articles that label some date as local time."""

    texts: Mapping[str, str]
    hedge: re.Pattern[str]
    local_articles: frozenset[str] = frozenset()


def _clock_tolerance(f: Fact, r: Reading, params: Params) -> float:
    v = f.date_value
    hedged = bool(r.hedge.match(r.texts[f.article], f.end))
    if (v.minute or 0) == 0 and "분" not in f.text and ":" not in f.text and hedged:
        return params["hour_hedge_minutes"]
    return params["minute_tolerance"]


def _clock_gap(a: Fact, b: Fact) -> int:
    """Minutes between two times of day; an hour said without 오전/오후 may be either half."""
    x, y = _minutes(a), _minutes(b)
    gap = abs(x - y)
    ambiguous = any(not _HALF_OF_DAY.search(f.text) and (f.date_value.hour or 0) <= 12 for f in (a, b))
    if ambiguous:
        gap = min(gap, abs(gap - 720))
    return gap


def _foreign(zone: str | None) -> bool:
    return zone is not None and zone != "KST"


def _zone(f: Fact, local_articles: frozenset[str]) -> str | None:
    """The zone a date is said in; an unlabelled date of an article that labels other
    dates as local time may be local too ("local?")."""
    zone = f.date_value.timezone
    if zone is None and f.article in local_articles:
        return "local?"
    return zone


def agree(a: Fact, b: Fact, r: Reading, params: Params) -> bool | None:
    """True when the two values can both hold, False when they cannot, None when
    they are too far apart to be one happening (or cannot be compared)."""
    va, vb = a.date_value, b.date_value
    za, zb = _zone(a, r.local_articles), _zone(b, r.local_articles)
    da, db = va.as_date(), vb.as_date()
    clock_a, clock_b = va.hour is not None, vb.hour is not None
    if _clock_only(a) or _clock_only(b):
        # Only the clock is said: compare it on the same day, both in Korean time.
        if not (clock_a and clock_b) or da is None or da != db or _foreign(za) or _foreign(zb):
            return None
        gap = _clock_gap(a, b)
        if gap > params["max_minutes"]:
            return None
        tol = max(_clock_tolerance(a, r, params), _clock_tolerance(b, r, params))
        return gap <= tol
    if da is not None and db is not None:
        days = abs((da - db).days)
        if days == 0:
            if clock_a and clock_b and not _foreign(za) and not _foreign(zb):
                gap = _clock_gap(a, b)
                if gap > params["max_minutes"]:
                    return None
                tol = max(_clock_tolerance(a, r, params),
                          _clock_tolerance(b, r, params))
                return gap <= tol
            return True
        if days > params["window_days"]:
            return None
        if days == 1 and _foreign(za) != _foreign(zb) or days == 1 and "local?" in (za, zb):
            return True  # one moment on both sides of the date line
        return False
    # At month precision, both: the same year and month ("7월" beside "8월 4일" is too
    # coarse to be the same happening's date).
    if va.year != vb.year or (va.day is None) != (vb.day is None):
        return None
    months = abs((va.month or 0) - (vb.month or 0))
    if months > params["window_months"]:
        return None
    return months == 0


def _time_of_day(f: Fact) -> bool:
    """A clock time or a part of the day (오전, 오후) is given with the date."""
    return f.date_value.hour is not None or bool(_HALF_OF_DAY.search(f.text))


def _published(ctx: Comparison, f: Fact) -> date | None:
    p = ctx.articles[f.article].published
    return p.date() if p else None


def distinct(ctx: Comparison, a: Fact, b: Fact) -> bool:
    """Two days that cannot be one happening's: a later day more than a day after the
    article giving the earlier one was published (it could not yet report it), or two
    days each with its time of day (a briefing on 29일 오후 and another on 30일 오전)."""
    da, db = a.date_value.as_date(), b.date_value.as_date()
    if da is None or db is None or da == db:
        return False
    pub = _published(ctx, a if da < db else b)  # of the article giving the earlier day
    if pub is not None and (max(da, db) - pub).days > 1:
        return True
    return _time_of_day(a) and _time_of_day(b)


def _names(facts: list[Fact], b: Fact, params: Params) -> bool:
    """One of ``facts`` (of another article than b) gives b's value at b's precision:
    the same month, the same day, or the same clock time on the same day for a clause
    that shares a word with b's (a day is named once in a story; a time of day names
    one of many moments of it)."""
    vb = b.date_value
    for c in facts:
        vc = c.date_value
        if vb.hour is not None:
            if vc.hour is not None and vc.as_date() == vb.as_date() \
                    and _clock_gap(c, b) <= params["minute_tolerance"] and set(c.frame) & set(b.frame):
                return True
        elif vb.day is not None and not _clock_only(b):
            if not _clock_only(c) and vc.as_date() is not None and vc.as_date() == vb.as_date():
                return True
        elif vb.day is None and vc.day is None and (vc.year, vc.month) == (vb.year, vb.month):
            return True
    return False


def _overlap(a: Fact, b: Fact) -> float:
    x, y = set(a.frame), set(b.frame)
    return len(x & y) / max(1, min(len(x), len(y)))


def moment_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    all_dates = [f for f in ctx.facts if f.kind == "date" and isinstance(f.value, DateValue)]
    texts = {aid: a.text for aid, a in ctx.articles.items()}
    local = frozenset(f.article for f in all_dates if f.date_value.timezone == "local")
    r = Reading(texts, _hedge_after(ctx), local)
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for f in all_dates:
        by_article[f.article].append(f)
    # Two dates in one clause ("30일 ... 시설이 전날 여객기에 부딪혀"): which one the
    # happening has cannot be told from the words.
    ambiguous = {id(f) for f in all_dates for g in by_article[f.article]
                 if g is not f and g.sentence_start == f.sentence_start and f.frame and _overlap(f, g) >= 0.8
                 and agree(f, g, r, params) is not True}
    # A milestone's date (시행, 발효 …) is milestone_date's to compare.
    milestones = {w for w, t in ctx.rules.event_words.items() if t == "milestone"}
    # "오후 6시 10분 기준", "11시 현재": the moment a count was taken, not a happening.
    stamp = _after_words(ctx.rules.words("asof_marker"))
    facts = [f for f in all_dates if _eligible(f) and id(f) not in ambiguous
             and f.attribute not in milestones and not stamp.match(texts[f.article], f.end)]
    if len({f.article for f in facts}) < 2:
        return []
    rarity = _rarity(ctx, params["min_articles"])

    def evidence(a: Fact, b: Fact) -> tuple[float, list[str]]:
        shared = [w for w in rarity.common(a.frame, b.frame) if rarity.idf(w) > 0]
        return sum(rarity.idf(w) for w in shared), sorted(shared, key=lambda w: (-rarity.idf(w), w))

    # Blocking: only pairs that share a word of some rarity are scored.
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(facts):
        for w in set(f.frame):
            if rarity.idf(w) >= _BLOCK_IDF:
                postings[w].append(i)
    pairs = sorted({(i, j) for ids in postings.values() for n, i in enumerate(ids) for j in ids[n + 1:]})
    links: dict[tuple[int, int], tuple[bool, float, list[str]]] = {}
    for i, j in pairs:
        a, b = facts[i], facts[j]
        if a.article == b.article:
            continue
        if ctx.focus is not None and a.article not in ctx.focus and b.article not in ctx.focus:
            continue
        score, shared = evidence(a, b)
        if score < params["min_evidence"] or len(shared) < params["min_shared"]:
            continue
        ok = agree(a, b, r, params)
        if ok is None or (ok is False and distinct(ctx, a, b)):
            continue
        links[(i, j)] = (ok, score, shared)

    # An article that itself names the other value knows them as two happenings.
    conflicts = [(i, j) for (i, j), (ok, _, _) in links.items()
                 if not ok and not _names(by_article[facts[i].article], facts[j], params)
                 and not _names(by_article[facts[j].article], facts[i], params)]
    if not conflicts:
        return []
    parent = list(range(len(facts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in conflicts:
        parent[find(i)] = find(j)
    groups: dict[int, set[int]] = defaultdict(set)
    for i, j in conflicts:
        groups[find(i)].update((i, j))
    out = []
    for members in groups.values():
        # The facts in conflict, and those that agree with one of them at day precision or finer.
        cluster = set(members)
        level = min(_RANK[facts[m].date_value.precision] for m in members)
        for (i, j), (ok, _, _) in links.items():
            if ok and (i in members) != (j in members):
                k = j if i in members else i
                if _RANK[facts[k].date_value.precision] >= level:  # as precise as the values in conflict
                    cluster.add(k)
        sides: list[list[Fact]] = []
        for k in sorted(cluster, key=lambda k: (facts[k].article, facts[k].start)):
            f = facts[k]
            for side in sides:
                if all(agree(f, g, r, params) is not False for g in side):
                    side.append(f)
                    break
            else:
                sides.append([f])
        if len(sides) < 2:
            continue
        best = max((links[p] for p in conflicts if p[0] in members), key=lambda s: s[1])
        words = best[2][:3]
        confidence = min(1.0, best[1] / (2 * params["min_evidence"]))
        a, b = sides[0][0], sides[1][0]
        out.append(Proposal(
            "date", "event_moment", f"When: {' '.join(words)}", tuple(tuple(s) for s in sides),
            f"One happening ({', '.join(words)}) is dated {a.display_value()} in '{a.text}' but "
            f"{b.display_value()} in '{b.text}'"
            + (f" ({len(sides)} different values in all)" if len(sides) > 2 else "") + ".",
            confidence))
    return out
