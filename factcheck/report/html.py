"""The HTML report: one self-contained file an editor can open or mail.

All text from articles goes through Jinja's autoescape; this module only shapes
records into plain values for the template and never builds markup itself.
The CSS and JS are inlined and pinned by hash in a Content-Security-Policy, so
the page can make no network request and run no script but its own.
``report_context`` and ``inline_assets`` are shared with the review page
(factcheck.serve), which adds decision controls to the same template.
"""
from __future__ import annotations

import base64
import hashlib
import os
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..atomic import atomic_write_text
from ..model import Article, Conflict, Fact, Quantity, Result
from ..sides import side_label
from .figures import format_number
from .numberline import number_line
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


def _conflict_view(c: Conflict, facts: dict[str, Fact], articles: dict[str, Article]) -> dict:
    sides = c.sides or tuple((fid,) for fid in c.facts)
    side_views, values = [], []
    for i, side in enumerate(sides):
        items, missing = [], []
        for fid in side:
            f = facts.get(fid)
            if f is None:
                missing.append(fid)
            else:
                items.append(_evidence(f, articles.get(f.article)))
                values.append((i, f))
        side_views.append({"label": side_label(i), "evidence": items, "missing": missing})
    touched = dict.fromkeys(facts[fid].article for fid in c.facts if fid in facts)
    return {"c": c, "sides": side_views, "articles": list(touched),
            "numberline": number_line(_line_rows(values)) if c.kind.startswith("numeric") else None}


def _line_rows(values: list[tuple[int, Fact]]) -> list[tuple[str, object, int]]:
    """Number-line rows: one per side and distinct value, so that a figure repeated by
    a dozen outlets is one row ("B · 13 facts"), not a dozen."""
    groups: dict[tuple, list[Fact]] = {}
    for i, f in values:
        v = f.value
        key = (i, v.low, v.high, v.value, v.unit, v.hedge) if isinstance(v, Quantity) else (i, f.id)
        groups.setdefault(key, []).append(f)
    rows: list[tuple[str, object, int]] = []
    for (i, *_), fs in groups.items():
        who = f"{fs[0].article} · {fs[0].id}" if len(fs) == 1 else f"{len(fs)} facts"
        rows.append((f"{side_label(i)} · {who}", fs[0].value, i))
    return rows


def _present(values: list[str], known: tuple[str, ...]) -> list[str]:
    """Filter choices: values that occur, known ones in their usual order."""
    return sorted(set(values), key=lambda v: (rank(v, known), v))


BAR_UNIT, BAR_MAX = 14, 160  # pixels per conflict in the per-article bars, and their cap


def _article_kinds(result: Result, conflict_views: list[dict], kinds: list[str]) -> list[dict]:
    """Per article: its conflicts counted by kind, with the segments of a stacked bar."""
    counts: dict[str, dict[str, int]] = {a.id: {} for a in result.articles}
    for v in conflict_views:
        for aid in v["articles"]:
            per = counts.setdefault(aid, {})
            per[v["c"].kind] = per.get(v["c"].kind, 0) + 1
    most = max((sum(per.values()) for per in counts.values()), default=0)
    unit = min(BAR_UNIT, BAR_MAX / most) if most else BAR_UNIT
    rows = []
    for a in result.articles:
        per = counts[a.id]
        x, segments = 0.0, []
        for kind in kinds:
            n = per.get(kind, 0)
            if n:
                width = n * unit
                gap = min(1.0, width / 4)  # a hairline between kinds
                segments.append({"kind": kind, "n": n, "x": round(x, 1), "w": round(width - gap, 1)})
                x += n * unit
        rows.append({"a": a, "name": a.title or Path(a.path).name, "counts": per,
                     "total": sum(per.values()), "segments": segments, "bar_width": round(x, 1)})
    return rows


def report_context(result: Result, title: str = "factcheck report", generated: str | None = None) -> dict:
    """Everything the report template shows, as plain values (no assets)."""
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
    conflict_views = [_conflict_view(c, facts, articles) for c in conflicts]
    kinds = _present([c.kind for c in conflicts], CONFLICT_KINDS)
    per_article = _article_kinds(result, conflict_views, kinds)
    article_views = [
        {"a": a, "published": _published(a), "href": _safe_href(a.url), "facts": rows_of.get(a.id, []),
         "kinds": counts}
        for a, counts in zip(result.articles, per_article)
    ]
    summary = summarize(result)
    return dict(
        title=title,
        generated=generated,
        rules_version=result.rules_version,
        summary=summary,
        reviewed=summary["conflicts"] - summary["conflicts_by_status"].get("open", 0),
        conflicts=conflict_views,
        problems=result.problems,
        stale=result.stale_decisions,
        articles=article_views,
        article_kinds=[row for row in per_article if row["total"]],
        kinds=kinds,
        severities=_present([c.severity for c in conflicts], SEVERITIES),
        statuses=_present([c.status for c in conflicts], STATUSES),
    )


def inline_assets(css_templates: tuple[str, ...], js_templates: tuple[str, ...],
                  connect_self: bool = False) -> dict:
    """The page's one stylesheet and one script, and a CSP that allows exactly them
    (and, for a served page, requests back to its own origin)."""
    env = _env()
    css = "\n".join(env.get_template(name).render() for name in css_templates)
    js = "\n".join(env.get_template(name).render() for name in js_templates)
    connect = "connect-src 'self'; " if connect_self else ""
    csp = (f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; "
           f"img-src data:; {connect}base-uri 'none'; form-action 'none'")
    return {"css": css, "js": js, "csp": csp}


def render_html(result: Result, title: str = "factcheck report", generated: str | None = None) -> str:
    """Render the report. ``generated`` (e.g. a timestamp) is shown only when given,
    so the same Result renders to the same bytes."""
    context = report_context(result, title=title, generated=generated)
    context.update(inline_assets(("report.css.j2",), ("report.js.j2",)))
    return _env().get_template("report.html.j2").render(**context)


def environment() -> Environment:
    """The report's Jinja environment (autoescape on), for pages built on its templates."""
    return _env()


def write_html(result: Result, path: str | os.PathLike, title: str = "factcheck report",
               generated: str | None = None) -> Path:
    return atomic_write_text(path, render_html(result, title=title, generated=generated))
