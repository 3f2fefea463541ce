"""Page furniture: spans of a saved page that are not the article.

Comment widgets, related/most-read headline lists, share and subscribe prompts,
copyright notices, bylines, date stamps and breadcrumb headers hold numbers and
names too ("많이 본 뉴스 · 환율 1470원 돌파"); facts found there would be compared
as if the article said them. The line patterns (linekinds.py) look at one line
at a time, plus two kinds of region: a list header makes the short lines after it
furniture, a comment header makes the rest of the page furniture. The
``furniture`` entries of the rules (rules/furniture.yaml) add lines of their own.
Photo captions, correction notices and body subheadings are left alone.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from .linekinds import LETTER, LONG_LINE, SENTENCE_END, SHORT_LINE
from .pubdate import find_datelines
from .textlines import iter_lines

if TYPE_CHECKING:
    from ..rules.entries import Furniture
    from .linekinds import LineKinds
    from .vocabulary import PageVocabulary

TOP_LINES = 10  # breadcrumbs are looked for only in the page header
MIN_TRAILING_LIST = 4  # bullet headlines closing a page without a header

_BULLET = re.compile(r"^\s*(?:[-·•▶▷►*]|\d{1,2}[.)])\s*")
_SUBHEAD = re.compile(r"^\s*[◇◆■□▌【]")
_COUNTER = re.compile(r"^(?:\d*\s*/\s*\d+|[•·\-*]\s*\d+)$")
_EMAIL_LOCAL = re.compile(r"[\w.+-]+")
_EMAIL_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_BREADCRUMB_SPLIT = re.compile(r"\s*[>|»›]\s*")
_SECTION_TAG = re.compile(r"^[^\[\]]{1,20}\s+\[[^\[\]]{1,10}\]$")


def email_spans(line: str) -> list[tuple[int, int]]:
    """E-mail addresses in ``line``, as ``[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+`` would find them.

    That regex, searched, tries every start in a run of word characters and reads
    the run to its end each time: quadratic in a long line without an '@'. Here
    each '@' is found first and its local part read backwards from it."""
    out: list[tuple[int, int]] = []
    at = line.find("@")
    if at < 0:
        return out
    backwards = line[::-1]
    done = 0  # end of the last address: addresses do not overlap
    while at >= 0:
        local = _EMAIL_LOCAL.match(backwards, len(line) - at)
        start = max(done, at - len(local.group())) if local else at
        domain = _EMAIL_DOMAIN.match(line, at + 1)
        if start < at and domain:
            out.append((start, domain.end()))
            done = domain.end()
        at = line.find("@", max(done, at + 1))
    return out


def is_breadcrumb(line: str) -> bool:
    if len(line) > SHORT_LINE or line.startswith("|") or SENTENCE_END.search(line):
        return False
    if _SECTION_TAG.match(line):
        return True
    parts = [p for p in _BREADCRUMB_SPLIT.split(line) if p.strip()]
    return len(parts) >= 2 and all(len(p.strip()) <= 20 for p in parts)


def _no_letters(line: str) -> bool:
    """Rules and widget counters ("---", "0 / 400", "• 0"); a bare number may be table data."""
    if len(line) > 12 or LETTER.search(line):
        return False
    return not re.search(r"\d", line) or bool(_COUNTER.match(line))


def _whole_line(kinds: "LineKinds", line: str, in_top: bool, is_dateline: bool) -> bool:
    """True when the whole (stripped) line is furniture."""
    if is_dateline or kinds.is_byline(line) or kinds.is_widget(line) or _no_letters(line):
        return True
    if kinds.is_tag_line(line):
        return True
    if in_top and is_breadcrumb(line):
        return True
    return kinds.is_copyright(line)


def _partial_spans(kinds: "LineKinds", text: str, ls: int, le: int) -> list[tuple[int, int]]:
    """Furniture inside a body line: an opening byline, a trailing ©, e-mail addresses."""
    line = text[ls:le]
    out = []
    m = kinds.byline_prefix.match(line)
    if m and m.end() > 0 and line[: m.end()].strip():
        out.append((ls, ls + m.end()))
    m = kinds.copyright_mark.search(line)
    if m:
        out.append((ls + m.start(), le))
    out.extend((ls + s, ls + e) for s, e in email_spans(line))
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
        if _BULLET.match(line) and 10 <= len(line) <= LONG_LINE and not SENTENCE_END.search(line):
            items.append((s, e))
            continue
        break
    return items if len(items) >= MIN_TRAILING_LIST else []


def furniture_spans(text: str, vocabulary: "PageVocabulary", start: int = 0) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of furniture in ``text[start:]``."""
    kinds = vocabulary.lines
    lines = list(iter_lines(text, start))
    datelines = {dl.line_start for dl in find_datelines(text, vocabulary, start)}
    top = _top_line_count(text, lines)
    spans: list[tuple[int, int]] = []
    in_list = False
    for index, (ls, le) in enumerate(lines):
        raw = text[ls:le]
        line = raw.strip()
        if not line:
            continue
        s, e = _stripped(text, ls, le)
        if kinds.is_comment_header(line):
            spans.append((s, len(text)))  # comments close the page
            break
        if kinds.is_list_header(line):
            spans.append((s, e))
            in_list = True
            continue
        if _whole_line(kinds, line, index < top, ls in datelines):
            spans.append((s, e))
            continue
        if in_list and len(line) <= LONG_LINE and not SENTENCE_END.search(line) and not _SUBHEAD.match(line):
            spans.append((s, e))
            continue
        in_list = False
        spans.extend(_partial_spans(kinds, text, ls, le))
    spans.extend(pattern_spans(text, lines, vocabulary.furniture))

    def covered(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in spans)

    spans.extend(_trailing_list(text, lines, covered))
    return merge_spans(text, spans)


def pattern_spans(text: str, lines: list[tuple[int, int]],
                  patterns: Sequence["Furniture"]) -> list[tuple[int, int]]:
    """Lines matching a ``furniture`` rule: the line itself (``applies: line``), or
    it and the lines after it up to the next blank line (``following_lines``)."""
    spans = []
    region_open = False
    for ls, le in lines:
        line = text[ls:le]
        if not line.strip():
            region_open = False
            continue
        hits = [rule.applies for rule in patterns if rule.regex.search(line)]
        region_open = region_open or "following_lines" in hits
        if hits or region_open:
            spans.append(_stripped(text, ls, le))
    return spans


def merge_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort spans and join those that overlap or are separated only by whitespace."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and (s <= out[-1][1] or not text[out[-1][1]:s].strip()):
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out
