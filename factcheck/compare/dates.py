"""Conflicts between date facts: the same date as a start in one place and a
deadline in another ("2029년 1월부터" vs "2029년 1월까지")."""
from __future__ import annotations

from collections import defaultdict
from datetime import date

from ..model import DateValue, Fact
from .context import Comparison
from .proposal import Proposal

Params = dict[str, float]


def _dates(facts, kind: str) -> list[tuple[Fact, DateValue]]:
    return [(f, f.value) for f in facts if f.kind == kind and isinstance(f.value, DateValue)]


def boundary_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    blocks: dict[str, list[Fact]] = defaultdict(list)
    for f, d in _dates(ctx.facts, "date"):
        # Month or day precision only: a bare year is too coarse to be one date.
        if f.scope in ("by_date", "from_date") and d.precision in ("month", "day"):
            blocks[d.iso()].append(f)
    out = []
    for iso, group in blocks.items():
        until = tuple(f for f in group if f.scope == "by_date")
        start = tuple(f for f in group if f.scope == "from_date")
        if not until or not start:
            continue
        if not any(a.article != b.article and len(set(a.context) & set(b.context)) >= params["shared_words"]
                   for a in until for b in start):
            continue  # different articles, and some shared words: the same plan
        out.append(Proposal("date", "date_boundary", f"{iso}: a start or a deadline?", (start, until),
                            f"{iso} is when something starts in '{start[0].text}' but a deadline in "
                            f"'{until[0].text}': the same date read as a start and as an end."))
    return out


def event_date_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """The same people meeting on different days in different articles.

    An article that names both days knows they are two events, so only articles
    that date the encounter once take part. Dates one day apart may be one moment
    in two time zones; dates far apart are different visits.
    """
    by_people: dict[tuple[str, ...], dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for f, d in _dates(ctx.facts, "event"):
        if d.as_date() and f.event:
            by_people[f.event.participants][f.article].append(f)
    out = []
    for people, per_article in by_people.items():
        days = _single_day(per_article)
        if len(days) < 2:
            continue
        who = ", ".join(people)
        ordered = sorted(days)
        for a, b in zip(ordered, ordered[1:]):
            gap = (b - a).days
            if params["min_gap_days"] < gap <= params["window_days"]:
                side_a, side_b = tuple(days[a]), tuple(days[b])
                out.append(Proposal("date", "event_date", f"Date of the encounter of {who}",
                                    (side_a, side_b),
                                    f"The encounter of {who} is dated {a.isoformat()} in "
                                    f"'{side_a[0].text}' but {b.isoformat()} in '{side_b[0].text}'."))
    return out


def _single_day(per_article: dict[str, list[Fact]]) -> dict[date, list[Fact]]:
    """Facts by day, from the articles that give the thing one day only: an
    article naming two days knows they are two things."""
    days: dict[date, list[Fact]] = defaultdict(list)
    for article_facts in per_article.values():
        named = {f.date_value.as_date() for f in article_facts}
        if len(named) == 1:
            day = named.pop()
            if day is not None:
                days[day].extend(article_facts)
    return days


def milestone_date_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """One milestone ("1월 1일부터 시행" vs "3월 1일부터 시행") dated differently.

    Only articles that date the milestone once take part, published within three
    days of each other, in sentences that share two content words; dates a day
    apart may be one moment in two time zones.
    """
    milestones = {w for w, t in ctx.rules.event_words.items() if t == "milestone"}
    by_key: dict[tuple[str, str], dict[str, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for f, d in _dates(ctx.facts, "date"):
        if f.attribute in milestones and d.as_date() and f.scope_detail != "clock":  # a clock has no day of its own
            by_key[(f.attribute, f.scope)][f.article].append(f)
    out = []
    for (milestone, scope), per_article in by_key.items():
        days = _single_day(per_article)
        ordered = sorted(days)
        for a, b in zip(ordered, ordered[1:]):
            if not params["min_gap_days"] < (b - a).days <= params["window_days"]:
                continue
            pairs = [(x, y) for x in days[a] for y in days[b] if x.article != y.article
                     and len(set(x.context) & set(y.context)) >= params["shared_words"]
                     and ctx.published_within(x, y, params["published_within_days"])]
            if not pairs:
                continue
            side_a = tuple(dict.fromkeys(x for x, _ in pairs))
            side_b = tuple(dict.fromkeys(y for _, y in pairs))
            out.append(Proposal("date", "milestone_date", f"Date of {milestone}",
                                (side_a, side_b),
                                f"{milestone} is dated {a.isoformat()} in '{side_a[0].text}' but "
                                f"{b.isoformat()} in '{side_b[0].text}'."))
    return out

