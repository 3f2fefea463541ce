"""The HTML report: one self-contained file an editor can open or mail.

All text from articles goes through Jinja's autoescape; this module only shapes
records into plain values for the template and never builds markup itself.
The CSS and JS are inlined and pinned by hash in a Content-Security-Policy, so
the page can make no network request and run no script but its own.
"""
from __future__ import annotations

import base64
import hashlib
import math
import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..model import Article, Conflict, Fact, Quantity, Result
from .atomic import atomic_write_text
from .summary import CONFLICT_KINDS, SEVERITIES, STATUSES, rank, summarize

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,  # a typo in the template fails loudly
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def format_number(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if math.isnan(x):
        return "?"
    if float(x).is_integer() and abs(x) < 1e18:
        return f"{int(x):,}"
    return f"{x:,.6g}"


def _interval(v) -> str | None:
    if not isinstance(v, Quantity):
        return None
    return f"[{format_number(v.low)}, {format_number(v.high)}] {v.unit}"


def _conversion(f: Fact) -> str | None:
    # The other-currency figure the article states alongside ("약 487조 원").
    c = f.conversion
    if c is None:
        return None
    return c.trace or f"{format_number(c.value)} {c.unit}"


def _published(a: Article) -> str | None:
    if a.published is None:
        return None
    return a.published.isoformat(sep=" ", timespec="minutes")


def _safe_href(url: str | None) -> str | None:
    # Only web links become hrefs; "javascript:" and the like stay plain text.
    if url and urlsplit(url).scheme.lower() in ("http", "https"):
        return url
    return None


def _scope(f: Fact) -> str:
    return f"{f.scope} ({f.scope_detail})" if f.scope_detail else f.scope


CONTEXT = 240  # characters of sentence kept on each side of a span


def _clip_left(s: str) -> str:
    # A run-on "sentence" (a missed boundary) must not bury the span.
    return "…" + s[-CONTEXT:] if len(s) > CONTEXT else s


def _clip_right(s: str) -> str:
    return s[:CONTEXT] + "…" if len(s) > CONTEXT else s


def _evidence(f: Fact, a: Article | None) -> dict:
    """The fact's sentence split around its span, so the template can <mark> it."""
    before = span = after = ""
    if a is not None:
        text = a.text
        s0 = max(0, min(f.sentence_start, f.start))
        s1 = min(len(text), max(f.sentence_end, f.end))
        before = _clip_left(text[s0:f.start].lstrip())
        span = text[f.start:f.end]
        after = _clip_right(text[f.end:s1].rstrip())
    return {
        "fact": f,
        "article": a,
        "published": _published(a) if a else None,
        "before": before,
        "span": span or f.text,
        "after": after,
        "value": f.display_value(),
        "interval": _interval(f.value),
        "conversion": _conversion(f),
        "scope": _scope(f),
        "trace": f.trace if f.trace and f.trace != f.display_value() else "",
    }


def _side_label(i: int) -> str:
    return chr(ord("A") + i) if i < 26 else f"S{i + 1}"


def _conflict_view(c: Conflict, facts: dict[str, Fact], articles: dict[str, Article]) -> dict:
    sides = c.sides or tuple((fid,) for fid in c.facts)
    side_views = []
    for i, side in enumerate(sides):
        items, missing = [], []
        for fid in side:
            f = facts.get(fid)
            if f is None:
                missing.append(fid)
            else:
                items.append(_evidence(f, articles.get(f.article)))
        side_views.append({"label": _side_label(i), "evidence": items, "missing": missing})
    return {"c": c, "sides": side_views}


def _present(values: list[str], known: tuple[str, ...]) -> list[str]:
    """Filter choices: values that occur, known ones in their usual order."""
    return sorted(set(values), key=lambda v: (rank(v, known), v))


def render_html(result: Result, title: str = "factcheck report", generated: str | None = None) -> str:
    """Render the report. ``generated`` (e.g. a timestamp) is shown only when given,
    so the same Result renders to the same bytes."""
    facts = {f.id: f for f in result.facts}
    articles = {a.id: a for a in result.articles}
    # Most severe first; ties keep the Result's order (sorted() is stable).
    conflicts = sorted(result.conflicts, key=lambda c: rank(c.severity, SEVERITIES))

    conflicts_of: dict[str, list[str]] = {}
    for c in conflicts:
        for fid in dict.fromkeys((*c.facts, *(x for side in c.sides for x in side))):
            conflicts_of.setdefault(fid, []).append(c.id)

    rows_of: dict[str, list[dict]] = {}
    for f in result.facts:
        rows_of.setdefault(f.article, []).append(
            {"fact": f, "value": f.display_value(), "scope": _scope(f),
             "conflicts": conflicts_of.get(f.id, [])})
    article_views = [
        {"a": a, "published": _published(a), "href": _safe_href(a.url), "facts": rows_of.get(a.id, [])}
        for a in result.articles
    ]

    env = _env()
    css = env.get_template("report.css.j2").render()
    js = env.get_template("report.js.j2").render()
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return env.get_template("report.html.j2").render(
        title=title,
        generated=generated,
        rules_version=result.rules_version,
        summary=summarize(result),
        conflicts=[_conflict_view(c, facts, articles) for c in conflicts],
        problems=result.problems,
        stale=result.stale_decisions,
        articles=article_views,
        kinds=_present([c.kind for c in conflicts], CONFLICT_KINDS),
        severities=_present([c.severity for c in conflicts], SEVERITIES),
        statuses=_present([c.status for c in conflicts], STATUSES),
        css=css,
        js=js,
        csp=csp,
    )


def write_html(result: Result, path: str | os.PathLike, title: str = "factcheck report",
               generated: str | None = None) -> Path:
    return atomic_write_text(path, render_html(result, title=title, generated=generated))
