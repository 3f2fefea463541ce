"""Page furniture: spans of a saved page that are not the article.

Comment widgets, related/most-read headline lists, share and subscribe prompts,
copyright notices, bylines, date stamps and breadcrumb headers hold numbers and
names too ("많이 본 뉴스 · 환율 1470원 돌파"); facts found there would be compared
as if the article said them. The rules look at one line at a time, plus two
kinds of region: a list header makes the short lines after it furniture, a
comment header makes the rest of the page furniture. Photo captions, correction
notices and body subheadings are left alone.
"""
from __future__ import annotations

import re

from .pubdate import find_datelines
from .textlines import iter_lines
from .vocab import (
    BYLINE_DESKS, BYLINE_LEADS, BYLINE_ROLES, COMMENT_HEADERS, COPYRIGHT_MARKS,
    COPYRIGHT_NOTICES, LIST_HEADERS, LIST_HEADERS_EXACT, TAG_LABELS, WIDGET_STRONG,
    WIDGET_WEAK, alternation,
)

LONG_LINE = 100  # headlines and widgets are shorter than this; body paragraphs longer
SHORT_LINE = 60
TOP_LINES = 10  # breadcrumbs are looked for only in the page header
MIN_TRAILING_LIST = 4  # bullet headlines closing a page without a header

_LETTER = re.compile(r"[가-힣A-Za-z]")
_SENTENCE_END = re.compile(r"[가-힣]\s*[.!?][\"'”’)\]]*$")
_BULLET = re.compile(r"^\s*(?:[-·•▶▷►*]|\d{1,2}[.)])\s*")
_SUBHEAD = re.compile(r"^\s*[◇◆■□▌【]")
_COUNTER = re.compile(r"^(?:\d*\s*/\s*\d+|[•·\-*]\s*\d+)$")

_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
EMAIL_RE = re.compile(_EMAIL)
_NAME = r"[가-힣○◯●ＯO*＊]{2,5}"
_ROLE = alternation(BYLINE_ROLES)
_UNIT = rf"(?:[가-힣A-Za-z]{{1,10}}\s*=\s*)?(?:{_NAME}\s+){{0,3}}{_NAME}\s*{_ROLE}(?:\s*\(?{_EMAIL}\)?)?"
BYLINE_RE = re.compile(
    rf"^[\W_]*(?:기자명\s*)?{_UNIT}(?:\s*[/,·|]?\s*{_UNIT})*[\W_]*$"
    rf"|^[\W_]*{alternation(BYLINE_LEADS)}\s*[=:·]?\s*{_NAME}(?:\s+{_NAME})?"
    rf"\s*(?:\([^()]{{0,40}}\))?\s*(?:{_ROLE})?[\W_]*$"
    rf"|^[\W_]*[가-힣A-Za-z0-9 ]{{0,15}}{alternation(BYLINE_DESKS)}[\W_]*$"
)
# "(서울=뉴스1) 권○○ 기자 = ..." and "[뉴스임팩트=이정희 기자] ..." opening a paragraph
BYLINE_PREFIX_RE = re.compile(
    rf"^\s*\([^()\n]{{1,15}}=[^()\n]{{1,15}}\)\s*(?:(?:{_NAME}\s+){{0,3}}{_NAME}\s*{_ROLE}\s*=\s*)?"
    rf"|^\s*\[[^\[\]\n]{{1,20}}=\s*(?:{_NAME}\s+){{0,2}}{_NAME}\s*{_ROLE}\]\s*"
)
_COPYRIGHT_STRONG = re.compile(alternation(COPYRIGHT_MARKS), re.I)
_COPYRIGHT_ANY = re.compile(alternation(COPYRIGHT_MARKS + COPYRIGHT_NOTICES), re.I)
_COPYRIGHT_NOTICE = re.compile(alternation(COPYRIGHT_NOTICES), re.I)
_INNER_SENTENCE = re.compile(r"[가-힣]\s*[.!?](?:\s|$)")
_WIDGET_STRONG = re.compile(alternation(WIDGET_STRONG), re.I)
_WIDGET_ANY = re.compile(alternation(WIDGET_STRONG + WIDGET_WEAK), re.I)
_COMMENT_HEADER = re.compile(r"^[\W_]*" + alternation(COMMENT_HEADERS) + r"[\W_]*$", re.I)
_HEADER = alternation(LIST_HEADERS)
# a short prefix (an outlet name, "이 시각") may come before the header words
_LIST_HEADER = re.compile(rf"^[\W_]*[^:：]{{0,12}}?\s*{_HEADER}[\s\])】>:：]*$")
_LIST_HEADER_INLINE = re.compile(rf"^[\W_]*{_HEADER}\s*[:：]")
_LIST_HEADER_EXACT = re.compile(r"^[\W_]*" + alternation(LIST_HEADERS_EXACT) + r"\s*[:：]?\s*$", re.I)
_HASHTAGS = re.compile(rf"^[\W_]*{alternation(TAG_LABELS)}?\s*[:：]?\s*(?:#[^\s#]+\s*)+$", re.I)
_BREADCRUMB_SPLIT = re.compile(r"\s*[>|»›]\s*")
_SECTION_TAG = re.compile(r"^[^\[\]]{1,20}\s+\[[^\[\]]{1,10}\]$")


def is_comment_header(line: str) -> bool:
    return len(line) <= SHORT_LINE and bool(_COMMENT_HEADER.match(line))


def is_list_header(line: str) -> bool:
    if len(line) > LONG_LINE or _SENTENCE_END.search(line):
        return False
    if _LIST_HEADER_INLINE.match(line) or _LIST_HEADER_EXACT.match(line):
        return True
    return len(line) <= 40 and bool(_LIST_HEADER.match(line))


def is_byline(line: str) -> bool:
    return len(line) <= SHORT_LINE and bool(BYLINE_RE.match(line))


def is_widget(line: str) -> bool:
    if len(line) > 80:
        return False
    if _WIDGET_STRONG.search(line):
        return True
    if len(line) > SHORT_LINE:
        return False
    rest = _WIDGET_ANY.sub("", line)
    return rest != line and len(_LETTER.findall(rest)) <= 2


def is_breadcrumb(line: str) -> bool:
    if len(line) > SHORT_LINE or line.startswith("|") or _SENTENCE_END.search(line):
        return False
    if _SECTION_TAG.match(line):
        return True
    parts = [p for p in _BREADCRUMB_SPLIT.split(line) if p.strip()]
    return len(parts) >= 2 and all(len(p.strip()) <= 20 for p in parts)


def _no_letters(line: str) -> bool:
    """Rules and widget counters ("---", "0 / 400", "• 0"); a bare number may be table data."""
    if len(line) > 12 or _LETTER.search(line):
        return False
    return not re.search(r"\d", line) or bool(_COUNTER.match(line))


def _whole_line(line: str, in_top: bool, is_dateline: bool) -> bool:
    """True when the whole (stripped) line is furniture."""
    if is_dateline or is_byline(line) or is_widget(line) or _no_letters(line):
        return True
    if _HASHTAGS.match(line):
        return True
    if in_top and is_breadcrumb(line):
        return True
    m = _COPYRIGHT_ANY.search(line)
    if m is None:
        return False
    if not _LETTER.search(line[: m.start()]):
        return True
    # "○○일보 무단전재 및 재배포 금지": a short notice line, not a sentence about copying
    # nor a caption ending in a photo credit ("... 있다. ⓒAFP")
    return (len(line) <= 80 and _COPYRIGHT_NOTICE.search(line) is not None
            and not _SENTENCE_END.search(line) and not _INNER_SENTENCE.search(line[: m.start()]))


def _partial_spans(text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """Furniture inside a body line: an opening byline, a trailing ©, e-mail addresses."""
    line = text[ls:le]
    out = []
    m = BYLINE_PREFIX_RE.match(line)
    if m and m.end() > 0 and line[: m.end()].strip():
        out.append((ls, ls + m.end()))
    m = _COPYRIGHT_STRONG.search(line)
    if m:
        out.append((ls + m.start(), le))
    out.extend((ls + e.start(), ls + e.end()) for e in EMAIL_RE.finditer(line))
    return out


def _stripped(text: str, ls: int, le: int) -> tuple[int, int]:
    raw = text[ls:le]
    return ls + (len(raw) - len(raw.lstrip())), le - (len(raw) - len(raw.rstrip()))


def _top_line_count(text: str, lines: list[tuple[int, int]]) -> int:
    """Lines before the first body paragraph (at most TOP_LINES)."""
    for index, (ls, le) in enumerate(lines[:TOP_LINES]):
        if len(text[ls:le].strip()) > LONG_LINE:
            return index
    return min(len(lines), TOP_LINES)


def _trailing_list(text: str, lines: list[tuple[int, int]], covered) -> list[tuple[int, int]]:
    """A run of bullet headlines that ends the page ("- [Why] ...", "· ...")."""
    items = []
    for ls, le in reversed(lines):
        line = text[ls:le].strip()
        if not line:
            continue
        s, e = _stripped(text, ls, le)
        if covered(s, e):
            continue
        if _BULLET.match(line) and 10 <= len(line) <= LONG_LINE and not _SENTENCE_END.search(line):
            items.append((s, e))
            continue
        break
    return items if len(items) >= MIN_TRAILING_LIST else []


def furniture_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of furniture in ``text[start:]``."""
    lines = list(iter_lines(text, start))
    datelines = {dl.line_start for dl in find_datelines(text, start)}
    top = _top_line_count(text, lines)
    spans: list[tuple[int, int]] = []
    in_list = False
    for index, (ls, le) in enumerate(lines):
        raw = text[ls:le]
        line = raw.strip()
        if not line:
            continue
        s, e = _stripped(text, ls, le)
        if is_comment_header(line):
            spans.append((s, len(text)))  # comments close the page
            break
        if is_list_header(line):
            spans.append((s, e))
            in_list = True
            continue
        if _whole_line(line, index < top, ls in datelines):
            spans.append((s, e))
            continue
        if in_list and len(line) <= LONG_LINE and not _SENTENCE_END.search(line) and not _SUBHEAD.match(line):
            spans.append((s, e))
            continue
        in_list = False
        spans.extend(_partial_spans(text, ls, le))

    def covered(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in spans)

    spans.extend(_trailing_list(text, lines, covered))
    return merge_spans(text, spans)


def merge_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and join those that overlap or are separated only by whitespace."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1]:s].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
