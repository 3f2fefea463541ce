"""The page-reading word lists of the rules (rules/pages.yaml) as regular expressions.

Only the RuleSet's own fields are read, so importing ingest does not load the
rules package; the names of the lists are in factcheck/rules/lists.py.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from ..rules.ruleset import RuleSet

NOTHING = "(?!)"  # an empty list must match nothing, not the empty string


def alternation(rules: "RuleSet", *names: str) -> str:
    """One regex group matching any item of the named lists, longest first (입력일
    before 입력; items of one length keep their file order)."""
    items = sorted(_regexes(rules, names), key=lambda pair: len(pair[0]), reverse=True)
    return "(?:" + ("|".join(regex for _, regex in items) or NOTHING) + ")"


def _regexes(rules: "RuleSet", names: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(item as written, its regex). A ``patterns`` item is a regular expression; a
    ``words`` item is literal, except that a space in it may be left out in the text
    (the rule checker's duplicate keys ignore spaces too)."""
    for name in names:
        rules.words(name)  # an unknown name is a KeyError, not an empty list
        for entry in rules.word_list_entries:
            if entry.list != name:
                continue
            for pattern in entry.patterns or ():
                yield pattern, pattern
            for word in entry.words or ():
                yield word, r"[^\S\r\n]?".join(re.escape(part) for part in word.split(" "))
