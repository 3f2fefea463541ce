"""What one page line is: a byline, a widget, a list or comment header, a
copyright notice, a tag line.

The words come from the rules' word lists (rules/pages.yaml); the shapes around
them (a short line, an opening bracket, a trailing colon) are fixed here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .wordlists import alternation

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet

LONG_LINE = 100  # headlines and widgets are shorter than this; body paragraphs longer
SHORT_LINE = 60

LETTER = re.compile(r"[가-힣A-Za-z]")
SENTENCE_END = re.compile(r"[가-힣]\s*[.!?][\"'”’)\]]*$")
_INNER_SENTENCE = re.compile(r"[가-힣]\s*[.!?](?:\s|$)")
_NAME = r"[가-힣○◯●ＯO*＊]{2,5}"
# inside the byline pattern only, which reads short lines: unbounded runs are cheap there
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


@dataclass(frozen=True, eq=False)
class LineKinds:
    """The line patterns of one rule set."""

    byline: re.Pattern
    byline_prefix: re.Pattern
    copyright_mark: re.Pattern
    copyright_any: re.Pattern
    copyright_notice: re.Pattern
    widget_strong: re.Pattern
    widget_any: re.Pattern
    comment_header: re.Pattern
    list_header: re.Pattern
    list_header_inline: re.Pattern
    list_header_exact: re.Pattern
    tag_line: re.Pattern

    @classmethod
    def from_rules(cls, rules: "RuleSet") -> "LineKinds":
        role = alternation(rules, "byline_role")
        unit = rf"(?:[가-힣A-Za-z]{{1,10}}\s*=\s*)?(?:{_NAME}\s+){{0,3}}{_NAME}\s*{role}(?:\s*\(?{_EMAIL}\)?)?"
        header = alternation(rules, "list_header")
        return cls(
            byline=re.compile(
                rf"^[\W_]*(?:기자명\s*)?{unit}(?:\s*[/,·|]?\s*{unit})*[\W_]*$"
                rf"|^[\W_]*{alternation(rules, 'byline_lead')}\s*[=:·]?\s*{_NAME}(?:\s+{_NAME})?"
                rf"\s*(?:\([^()]{{0,40}}\))?\s*(?:{role})?[\W_]*$"
                rf"|^[\W_]*[가-힣A-Za-z0-9 ]{{0,15}}{alternation(rules, 'byline_desk')}[\W_]*$"),
            # "(서울=뉴스1) 권○○ 기자 = ..." and "[뉴스임팩트=이정희 기자] ..." opening a paragraph
            byline_prefix=re.compile(
                rf"^\s*\([^()\n]{{1,15}}=[^()\n]{{1,15}}\)\s*(?:(?:{_NAME}\s+){{0,3}}{_NAME}\s*{role}\s*=\s*)?"
                rf"|^\s*\[[^\[\]\n]{{1,20}}=\s*(?:{_NAME}\s+){{0,2}}{_NAME}\s*{role}\]\s*"),
            copyright_mark=re.compile(alternation(rules, "copyright_mark"), re.I),
            copyright_any=re.compile(alternation(rules, "copyright_mark", "copyright_notice"), re.I),
            copyright_notice=re.compile(alternation(rules, "copyright_notice"), re.I),
            widget_strong=re.compile(alternation(rules, "widget_strong"), re.I),
            widget_any=re.compile(alternation(rules, "widget_strong", "widget_weak"), re.I),
            comment_header=re.compile(r"^[\W_]*" + alternation(rules, "comment_header") + r"[\W_]*$", re.I),
            # a short prefix (an outlet name, "이 시각") may come before the header words
            list_header=re.compile(rf"^[\W_]*[^:：]{{0,12}}?\s*{header}[\s\])】>:：]*$"),
            list_header_inline=re.compile(rf"^[\W_]*{header}\s*[:：]"),
            list_header_exact=re.compile(
                r"^[\W_]*" + alternation(rules, "list_header_exact") + r"\s*[:：]?\s*$", re.I),
            tag_line=re.compile(rf"^[\W_]*{alternation(rules, 'tag_label')}?\s*[:：]?\s*(?:#[^\s#]+\s*)+$", re.I),
        )

    def is_comment_header(self, line: str) -> bool:
        return len(line) <= SHORT_LINE and bool(self.comment_header.match(line))

    def is_list_header(self, line: str) -> bool:
        if len(line) > LONG_LINE or SENTENCE_END.search(line):
            return False
        if self.list_header_inline.match(line) or self.list_header_exact.match(line):
            return True
        return len(line) <= 40 and bool(self.list_header.match(line))

    def is_byline(self, line: str) -> bool:
        return len(line) <= SHORT_LINE and bool(self.byline.match(line))

    def is_widget(self, line: str) -> bool:
        if len(line) > 80:
            return False
        if self.widget_strong.search(line):
            return True
        if len(line) > SHORT_LINE:
            return False
        rest = self.widget_any.sub("", line)
        return rest != line and len(LETTER.findall(rest)) <= 2

    def is_tag_line(self, line: str) -> bool:
        return bool(self.tag_line.match(line))

    def is_copyright(self, line: str) -> bool:
        m = self.copyright_any.search(line)
        if m is None:
            return False
        if not LETTER.search(line[: m.start()]):
            return True
        # "○○일보 무단전재 및 재배포 금지": a short notice line, not a sentence about copying
        # nor a caption ending in a photo credit ("... 있다. ⓒAFP")
        return (len(line) <= 80 and self.copyright_notice.search(line) is not None
                and not SENTENCE_END.search(line) and not _INNER_SENTENCE.search(line[: m.start()]))
