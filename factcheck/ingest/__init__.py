"""Ingest: files and folders in, Articles (plus Problems for what could not be used) out.

Nothing here raises for bad input: an unusable file becomes a Problem and the
other files still load. Article ids follow the sorted file order: a1, a2, ...
"""
from __future__ import annotations

from dataclasses import replace

from pathlib import Path

from ..model import Article, Problem, PublishedSource
from .discover import Source, discover
from .furniture import furniture_spans, merge_spans
from .meta import FIELDS, read_meta_csv
from .pubdate import parse_datetime, resolve
from .readers import Draft, read
from .vocabulary import PageVocabulary, RulesOrVocabulary, vocabulary_of

__all__ = ["load_articles", "furnish", "furniture_spans", "parse_datetime", "PageVocabulary"]


def load_articles(paths: list[str | Path], rules: RulesOrVocabulary,
                  furniture: bool = True) -> tuple[list[Article], list[Problem]]:
    """Load every article under ``paths`` (files and folders, folders recursively),
    reading pages with the word lists and furniture patterns of ``rules`` (a RuleSet
    or the PageVocabulary built from one).

    ``furniture=False`` leaves the page-noise scan to :func:`furnish`, for callers
    that may not need it (facts from a cache)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]  # one path given bare: not a sequence of characters
    vocabulary = vocabulary_of(rules)
    problems: list[Problem] = []
    articles: list[Article] = []
    folder_meta: dict[Path, dict[str, dict]] = {}
    for source in discover(paths, problems):
        try:
            data = source.file.read_bytes()
        except OSError as err:
            problems.append(Problem(source.path, f"cannot read file: {err.strerror or err}"))
            continue
        listed = _meta_row(source, folder_meta, problems)
        for draft in read(source.kind, source.path, data, problems, vocabulary.html):
            article = _article(f"a{len(articles) + 1}", draft, listed, vocabulary)
            articles.append(furnish(article, vocabulary) if furniture else article)
    return articles, problems


def _meta_row(source: Source, cache: dict, problems: list[Problem]) -> dict:
    """The meta.csv row for this file, from the meta.csv next to it."""
    folder = source.file.parent
    if folder not in cache:
        shown_folder = source.path.rsplit("/", 1)[0] if "/" in source.path else ""
        cache[folder] = read_meta_csv(folder, shown_folder, problems)
    return cache[folder].get(source.file.name, {})


def _article(article_id: str, draft: Draft, listed: dict, vocabulary: PageVocabulary) -> Article:
    # meta.csv is the corpus keeper's word; it wins over what the file says about itself
    fields = {key: listed.get(key) or draft.meta.get(key) for key in FIELDS}
    meta_value: object = None
    meta_source: PublishedSource = "none"
    if listed.get("published"):
        meta_value, meta_source = listed["published"], "meta"
    elif draft.meta.get("published"):
        meta_value, meta_source = draft.meta["published"], draft.meta_source
    published, source = resolve(meta_value, meta_source, draft.text, vocabulary, draft.body_start)
    return Article(
        id=article_id,
        path=draft.path,
        text=draft.text,
        sha256=draft.sha256,
        encoding=draft.encoding,
        title=_text(fields["title"]),
        outlet=_text(fields["outlet"]),
        url=_text(fields["url"]),
        published=published,
        published_source=source,
        extracted=draft.extracted,
        furniture=tuple(draft.furniture),
        body_start=draft.body_start,
        furnished=False,
    )


def furnish(article: Article, rules: RulesOrVocabulary) -> Article:
    """The article with its page furniture (widgets, related lists, copyright) marked."""
    if article.furnished:
        return article
    found = furniture_spans(article.text, vocabulary_of(rules), article.body_start)
    spans = merge_spans(article.text, list(article.furniture) + found)
    return replace(article, furniture=tuple(spans), furnished=True)


def _text(value: object) -> str | None:
    return (str(value).strip() or None) if value is not None else None
