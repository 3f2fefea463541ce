"""Main text of a saved web page, with the standard library's html.parser.

The page is parsed into a light tree so the article can be chosen as a whole:
an <article> element, else an element marked as the article body, else <main>,
else the element holding most paragraph text. Navigation, scripts, forms and
widget regions (class/id "comment", "related", "share" ...) are dropped; block
elements become line breaks and paragraphs blank lines. The class/id words of
widget regions and of article bodies are word lists of the rules (rules/pages.yaml).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet

SKIP = {"script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "nav", "aside", "form", "button", "select", "textarea", "head", "dialog"}
CHROME = {"header", "footer"}  # page chrome, unless inside the article itself
CONTENT = {"article", "main"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr"}
PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption",
             "table", "ul", "ol", "dl", "pre", "section", "article", "main", "header",
             "footer", "address", "hr", "details", "summary"}
LINE = {"div", "li", "tr", "dt", "dd", "caption"}
CELL = {"td", "th"}
MIN_BLOCK = 140  # characters: less than this is a teaser, not an article

PUBLISHED_META = {
    "article:published_time", "og:published_time", "og:article:published_time",
    "published_time", "pubdate", "publishdate", "publish-date", "publish_date",
    "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued",
    "datepublished", "article.published", "parsely-pub-date", "sailthru.date",
    "cxenseparse:recs:publishtime", "nv:news_date",
}
_WS = re.compile(r"\s+")
_SPLIT_CLASS = re.compile(r"[\s_\-]+")
_SEPARATORS = re.compile(r"[\s_\-]")


@dataclass(frozen=True, eq=False)
class PageRegions:
    """How page regions are told apart by their class and id."""

    noise_tokens: frozenset[str]  # a region with one of these tokens is never article text
    body_hints: tuple[str, ...]  # fragments that mark the article body

    @classmethod
    def from_rules(cls, rules: "RuleSet") -> "PageRegions":
        # compared with the lower-cased class and id: split into tokens, or with separators removed
        return cls(frozenset(w.lower() for w in rules.words("html_noise_token")),
                   tuple(_SEPARATORS.sub("", w.lower()) for w in rules.words("html_body_hint")))


@dataclass
class Node:
    tag: str
    attrs: dict
    parent: "Node | None"
    children: list = field(default_factory=list)
    skip: bool = False

    def enclosing(self) -> "Node":
        """The parent element; the root encloses itself."""
        return self.parent if self.parent is not None else self


@dataclass(frozen=True)
class Page:
    text: str
    title: str | None
    outlet: str | None
    url: str | None
    published: str | None


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root
        self.metas: list[dict] = []
        self.title: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in ("meta", "link"):
            self.metas.append(a)
            return
        if tag == "title":
            self._in_title = True
            return
        # implied end tags: a block closes an open <p>, an <li> closes the previous <li>
        if self.cur.tag == "p" and (tag in PARAGRAPH or tag in LINE):
            self._close("p")
        if tag == "li" and self.cur.tag == "li":
            self._close("li")
        node = Node(tag, a, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        before = self.cur
        self.handle_starttag(tag, attrs)
        if self.cur is not before and self.cur.tag == tag:
            self.cur = self.cur.enclosing()  # <div/>: opened and closed at once

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        else:
            self._close(tag)

    def _close(self, tag: str) -> None:
        node = self.cur
        while node is not self.root and node.tag != tag:
            node = node.enclosing()
        if node is not self.root:  # a stray end tag is ignored
            self.cur = node.enclosing()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        else:
            self.cur.children.append(data)


def _class_tokens(node: Node) -> set[str]:
    raw = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower()
    return {t for t in _SPLIT_CLASS.split(raw) if t}


def _is_body_hint(node: Node, regions: PageRegions) -> bool:
    if node.attrs.get("itemprop", "").lower() == "articlebody":
        return True
    raw = _SEPARATORS.sub("", f"{node.attrs.get('class', '')}{node.attrs.get('id', '')}".lower())
    return any(h in raw for h in regions.body_hints)


def _mark_skips(node: Node, regions: PageRegions, in_content: bool = False) -> None:
    for child in node.children:
        if isinstance(child, str):
            continue
        hidden = "hidden" in child.attrs or child.attrs.get("aria-hidden", "").lower() == "true"
        body = child.tag in CONTENT or _is_body_hint(child, regions)
        noisy = bool(_class_tokens(child) & regions.noise_tokens) and not body
        child.skip = (child.tag in SKIP or hidden or noisy
                      or (child.tag in CHROME and not in_content))
        if not child.skip:
            _mark_skips(child, regions, in_content or body)


def _nodes(node: Node):
    for child in node.children:
        if isinstance(child, Node) and not child.skip:
            yield child
            yield from _nodes(child)


def _render(node: Node, out: list[str], pre: bool = False) -> None:
    for child in node.children:
        if isinstance(child, str):
            out.append(child if pre else _WS.sub(" ", child))
            continue
        if child.skip:
            continue
        if child.tag == "br":
            out.append("\n")
            continue
        brk = "\n\n" if child.tag in PARAGRAPH else "\n" if child.tag in LINE else " " if child.tag in CELL else ""
        out.append(brk)
        _render(child, out, pre or child.tag == "pre")
        out.append(brk)


def text_of(node: Node) -> str:
    """Rendered text: lines stripped, at most one blank line between paragraphs."""
    out: list[str] = []
    _render(node, out)
    lines = [line.strip() for line in "".join(out).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _main_block(root: Node, regions: PageRegions) -> Node:
    nodes = list(_nodes(root))
    for group in ([n for n in nodes if n.tag == "article"],
                  [n for n in nodes if _is_body_hint(n, regions)],
                  [n for n in nodes if n.tag == "main" or n.attrs.get("role") == "main"]):
        sized = [(len(text_of(n)), n) for n in group]
        sized = [(size, n) for size, n in sized if size >= MIN_BLOCK]
        if sized:
            return max(sized, key=lambda pair: pair[0])[1]
    # the element whose own paragraphs (and <br>-separated text) hold most text
    scores: dict[int, tuple[int, Node]] = {}
    for n in nodes:
        if n.tag == "p" and n.parent is not None:
            size, _ = scores.get(id(n.parent), (0, n.parent))
            scores[id(n.parent)] = (size + len(text_of(n)), n.parent)
        own = sum(len(c.strip()) for c in n.children if isinstance(c, str))
        if own:
            size, _ = scores.get(id(n), (0, n))
            scores[id(n)] = (size + own, n)
    if scores:
        size, best = max(scores.values(), key=lambda pair: pair[0])
        if size >= MIN_BLOCK:
            return best
    return root


def _contains(outer: Node, inner: Node) -> bool:
    node: Node | None = inner
    while node is not None:
        if node is outer:
            return True
        node = node.parent
    return False


def _meta(metas: list[dict], names: set[str], attr: str = "content") -> str | None:
    for a in metas:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
        if key in names and a.get(attr, "").strip():
            return a[attr].strip()
    return None


def extract(html: str, regions: PageRegions) -> Page:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    root = builder.root
    _mark_skips(root, regions)
    block = _main_block(root, regions)
    text = text_of(block)
    # the headline often sits outside the <article>/body element
    h1 = next((n for n in _nodes(root) if n.tag == "h1"), None)
    if h1 is not None and not _contains(block, h1):
        headline = text_of(h1)
        if headline and headline not in text:
            text = f"{headline}\n\n{text}" if text else headline
    published = _meta(builder.metas, PUBLISHED_META)
    if published is None:
        stamp = next((n for n in _nodes(root) if n.tag == "time"
                      and n.attrs.get("itemprop", "").lower() == "datepublished"), None)
        published = stamp.attrs.get("datetime") if stamp is not None else None
    canonical = next((a.get("href") for a in builder.metas
                      if a.get("rel", "").lower() == "canonical" and a.get("href")), None)
    title = _meta(builder.metas, {"og:title", "twitter:title"}) or _WS.sub(" ", "".join(builder.title)).strip()
    return Page(
        text=text,
        title=title or None,
        outlet=_meta(builder.metas, {"og:site_name"}),
        url=_meta(builder.metas, {"og:url"}) or canonical,
        published=published,
    )
