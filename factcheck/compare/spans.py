"""Extension spans: "N년 연장" against the dates the same article gives for it.

An extension (연장) runs from the end of the term it extends to its own end. An
article that says the term runs "2027년까지" and the extension "2028년까지 연장"
cannot also call it a "최대 4년 연장": four years is the whole span counted from
now, read as the extension. The duration is compared with the longest extension
the article's dates allow (the latest "…까지 연장" minus the earliest other "…까지"
before it, counted generously from the start of that year), with slack_years to spare.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..model import DateValue, Fact, Quantity
from .context import Comparison
from .proposal import Proposal

Params = dict[str, float]
_YEAR_SECONDS = 31_557_600  # the base unit of durations is the second; a Julian year


def extension_span_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    words = "|".join(re.escape(w) for w in sorted(ctx.rules.words("extension_word"), key=len, reverse=True))
    if not words:
        return []
    follows = re.compile(rf"^[^\S\n]?(?:의[^\S\n]?)?(?:{words})")
    by_article: dict[str, list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.stance not in ("retracted", "correction"):
            by_article[f.article].append(f)
    out = []
    for article, facts in by_article.items():
        if ctx.focus is not None and article not in ctx.focus:
            continue
        text = ctx.articles[article].text
        durations = [f for f in facts if f.kind == "quantity" and isinstance(f.value, Quantity)
                     and f.value.unit == "second" and follows.match(text[f.end:f.end + 6])]
        if not durations:
            continue
        deadlines = [f for f in facts if f.kind == "date" and f.scope == "by_date" and isinstance(f.value, DateValue)
                     and f.value.year]
        ends = [f for f in deadlines if follows.match(text[f.end:f.end + 6])]
        if not ends:
            continue
        end = max(ends, key=lambda f: _end_of(f))
        # the term extended: a deadline of its own, in the sentence of the extension or the one before
        bases = [f for f in deadlines if f not in ends and f.start < end.start and _start_of(f) < _end_of(end)
                 and (f.sentence_start == end.sentence_start or 0 <= end.sentence_start - f.sentence_end <= 2)]
        if not bases:
            continue
        base = min(bases, key=lambda f: _start_of(f))
        room = _end_of(end) - _start_of(base)
        long_ = [d for d in durations if d.quantity.value / _YEAR_SECONDS > room + params["slack_years"]]
        if long_:
            d = long_[0]
            out.append(Proposal(
                "numeric_scope", "extension_span", f"Length of the extension ('{d.text}')",
                (tuple(long_), (end, base)),
                f"The extension is '{d.text}' ({d.quantity.value / _YEAR_SECONDS:g} years), but the same article "
                f"has the term run to '{base.text}' and the extension to '{end.text}': at most {room:.1f} years. "
                f"The whole span may have been read as the extension."))
    return out


def _start_of(f: Fact) -> float:
    v = f.value
    assert isinstance(v, DateValue)
    return (v.year or 0) + ((v.month or 1) - 1) / 12


def _end_of(f: Fact) -> float:
    v = f.value
    assert isinstance(v, DateValue)
    return (v.year or 0) + (v.month or 12) / 12
