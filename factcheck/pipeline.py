"""The library entry point: ingest -> analyze -> extract -> compare -> Result.

The CLI, the CI command, the review server and the tests all call ``check``.
"""
from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable

from .model import Article, Fact, Result

Progress = Callable[[str, int, int], None]  # (stage, done, total)


class Engine:
    """Everything built once per rule set: vocabularies, regexes, the extractor."""

    def __init__(self, rules):
        from .analyze import add_user_words
        from .extract.facts import ArticleExtractor

        self.rules = rules
        names = list(rules.aliases.names()) + list(rules.places.names())
        add_user_words(tuple(n for n in names if " " not in n))
        self.extractor = ArticleExtractor(rules, self.canonical)

    def canonical(self, name: str) -> str:
        return self.rules.aliases.canonical(name) or name

    def facts_of(self, article: Article) -> list[Fact]:
        from .analyze import get_nlp

        from .ingest import furnish

        article = furnish(article, self.rules)  # no-op when the page-noise scan has been done
        return self.extractor.extract(article, get_nlp()(article.text))


def check(paths: Iterable[str | Path], rules_dir: str | Path | None = None,
          progress: Progress | None = None, rules=None, cache=None, store=None,
          focus: Callable[[Article], bool] | None = None, min_confidence: float = 0.0) -> Result:
    """Check the articles under ``paths``. With a decision ``store`` (see
    factcheck.review) each conflict carries its latest decision, and decisions whose
    conflict no longer appears come back as ``stale_decisions``. With ``focus``, only
    the conflicts involving an article it accepts are sure to be found (CI checks a
    few new articles against a large corpus). Conflicts whose rule is less sure than
    ``min_confidence`` that both sides speak of one thing are left out."""
    from .compare import compare
    from .extract.names import NameMatcher, apply_aliases, learn_aliases
    from .ingest import load_articles
    from .rules import load_rules

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    rules = rules or load_rules(rules_dir)
    articles, problems = load_articles([str(p) for p in paths], rules, furniture=cache is None)
    articles = estimate_missing_dates(articles)
    timings["ingest"] = time.perf_counter() - t0
    if progress:
        progress("read", len(articles), len(articles))

    engine = None  # built on the first cache miss: loading the models is most of a small run
    per_article: list[list[Fact]] = []
    for i, article in enumerate(articles, 1):
        facts = cache.get(article, rules.version) if cache else None
        if facts is None:
            engine = engine or Engine(rules)
            facts = engine.facts_of(article)
            if cache:
                cache.put(article, rules.version, facts)
        per_article.append(facts)
        if progress:
            progress("analysed", i, len(articles))
    learned = learn_aliases([a.text for a in articles])
    facts = NameMatcher.from_rules(rules).unify(apply_aliases(number_facts(per_article), learned))
    timings["extract"] = time.perf_counter() - t0 - timings["ingest"]
    conflicts = compare(facts, articles, rules, focus={a.id for a in articles if focus(a)} if focus else None,
                        min_confidence=min_confidence)
    if progress:
        progress("compared", len(facts), len(facts))
    result = Result(tuple(articles), tuple(facts), tuple(conflicts), tuple(problems),
                    rules_version=rules.version, timings=timings)
    if store is not None:
        result = with_decisions(result, store.load())
    timings["total"] = time.perf_counter() - t0  # the dict the result holds
    return result


def with_decisions(result: Result, log) -> Result:
    """``result`` with the decisions of ``log`` (a DecisionLog, see factcheck.review):
    each conflict with its latest decision, decisions whose conflict is gone as
    ``stale_decisions``, unreadable decision lines as problems.

    ``check(store=...)`` ends here; the review page, which keeps one check and reads
    the decisions afresh for every view, calls it directly. Nothing else applies
    decisions."""
    from .review import apply_decisions

    conflicts, stale = apply_decisions(result.conflicts, log)
    return replace(result, conflicts=conflicts, stale_decisions=stale,
                   problems=(*result.problems, *log.problems))


def number_facts(per_article: list[list[Fact]]) -> list[Fact]:
    """Fact ids f1, f2, ... in article order and text order (stable for a fixed input)."""
    out: list[Fact] = []
    for facts in per_article:
        for f in sorted(facts, key=lambda f: (f.start, f.end, f.kind)):
            out.append(replace(f, id=f"f{len(out) + 1}"))
    return out


def estimate_missing_dates(articles: list[Article]) -> list[Article]:
    """An article without a publication time borrows the median time of the others,
    marked as an estimate, so that '1일' or '이날' can still be read."""
    known = sorted((a.published for a in articles if a.published), key=lambda d: d.replace(tzinfo=None))
    if not known or len(known) == len(articles):
        return articles
    median = known[len(known) // 2] if len(known) % 2 else known[len(known) // 2 - 1]
    return [a if a.published else replace(a, published=median, published_source="estimated")
            for a in articles]


__all__ = ["check", "with_decisions", "Engine"]
