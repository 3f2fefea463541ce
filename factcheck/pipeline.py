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
        from .extract.events import EventFinder
        from .extract.facts import ArticleExtractor
        from .extract.people import PeopleFinder
        from .normalize.lexicon import lexicon_from_rules
        from .normalize.quantities import QuantityScanner

        self.rules = rules
        aliases = rules.aliases
        person_aliases = {s: c for s, c in aliases.names().items() if aliases.alias_type(c) == "person"}
        place_names = rules.places.names()
        add_user_words(tuple(n for n in list(aliases.names()) + list(place_names) if " " not in n))
        self.extractor = ArticleExtractor(
            QuantityScanner(lexicon_from_rules(rules)),
            PeopleFinder(set(rules.titles), person_aliases, lambda n: rules.places.place(n) is not None),
            EventFinder(dict(rules.event_words), place_names, self.canonical),
            self.canonical,
            sorted(rules.correction_words),
        )

    def canonical(self, name: str) -> str:
        return self.rules.aliases.canonical(name) or name

    def facts_of(self, article: Article) -> list[Fact]:
        from .analyze import get_nlp

        from .ingest import furnish

        article = furnish(article)  # no-op when the page-noise scan has been done
        return self.extractor.extract(article, get_nlp()(article.text))


def check(paths: Iterable[str | Path], rules_dir: str | Path | None = None,
          progress: Progress | None = None, rules=None, cache=None, store=None,
          focus: Callable[[Article], bool] | None = None) -> Result:
    """Check the articles under ``paths``. With a decision ``store`` (see
    factcheck.review) each conflict carries its latest decision, and decisions whose
    conflict no longer appears come back as ``stale_decisions``. With ``focus``, only
    the conflicts involving an article it accepts are sure to be found (CI checks a
    few new articles against a large corpus)."""
    from .compare import compare
    from .extract.names import apply_aliases, learn_aliases, unify_names
    from .ingest import load_articles
    from .rules import load_rules

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    rules = rules or load_rules(rules_dir)
    articles, problems = load_articles([str(p) for p in paths], furniture=cache is None)
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
    facts = unify_names(apply_aliases(number_facts(per_article), learned))
    timings["extract"] = time.perf_counter() - t0 - timings["ingest"]
    conflicts = compare(facts, articles, rules, focus={a.id for a in articles if focus(a)} if focus else None)
    if progress:
        progress("compared", len(facts), len(facts))
    stale = ()
    if store is not None:
        from .review import apply_decisions

        log = store.load()
        conflicts, stale = apply_decisions(conflicts, log)
        problems = [*problems, *log.problems]
    timings["total"] = time.perf_counter() - t0
    return Result(tuple(articles), tuple(facts), tuple(conflicts), tuple(problems),
                  stale_decisions=stale, rules_version=rules.version, timings=timings)


def number_facts(per_article: list[list[Fact]]) -> list[Fact]:
    """Fact ids f1, f2, ... in article order and text order (stable for a fixed input)."""
    out = []
    for facts in per_article:
        for f in sorted(facts, key=lambda f: (f.start, f.end, f.kind)):
            out.append(_with_id(f, f"f{len(out) + 1}"))
    return out


def _with_id(f: Fact, fact_id: str) -> Fact:
    # replace() runs __init__ over every field; with tens of thousands of cached
    # facts a copy of the instance dict is ten times cheaper and gives the same Fact.
    new = object.__new__(Fact)
    new.__dict__.update(f.__dict__, id=fact_id)
    return new


def estimate_missing_dates(articles: list[Article]) -> list[Article]:
    """An article without a publication time borrows the median time of the others,
    marked as an estimate, so that '1일' or '이날' can still be read."""
    known = sorted((a.published for a in articles if a.published), key=lambda d: d.replace(tzinfo=None))
    if not known or len(known) == len(articles):
        return articles
    median = known[len(known) // 2] if len(known) % 2 else known[len(known) // 2 - 1]
    return [a if a.published else replace(a, published=median, published_source="estimated")
            for a in articles]


__all__ = ["check", "Engine"]
