"""The closed set of rule kinds and the per-entry validation.

A rule file is a YAML list of mappings; each mapping picks a ``kind`` from
:data:`KINDS`. Validation works on composed YAML nodes (not on loaded Python
objects) so every problem can name the line and column of the offending node.
"""
from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from ..errors import RuleProblem
from ..model import SEVERITIES
from . import entries as E
from .lists import SETTINGS, WORD_LISTS

DIMENSIONS = ("currency", "percent", "percent_point", "count", "mass", "volume", "energy",
              "duration", "ratio", "rank", "multiple", "area", "length", "other")
POSITIONS = ("before", "after")
EFFECTS = ("approx", "at_most", "at_least", "below", "above", "near_below", "odd_over")
SCOPES = ("per_day", "per_month", "per_quarter", "per_year", "by_date", "from_date",
          "over_period", "total", "change_by", "change_to")
STANCES = ("plan", "forecast")
ENTITY_TYPES = ("person", "org", "product", "place", "event", "other")
PLACE_TYPES = ("country", "region", "province", "city", "district", "neighbourhood", "venue")
EVENT_TYPES = ("meeting", "visit", "signing", "briefing", "announcement", "summit", "talks",
               "conference", "deal", "milestone")
APPLIES = ("line", "following_lines")


@dataclass(frozen=True)
class Field:
    """One key of a kind. ``type``: str (non-empty), text (any string), number,
    bool, enum, words (non-empty list of strings), names (a string or a list of
    strings), regex."""

    type: str
    required: bool = True
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    exclusive_minimum: bool = False


def _f(type_: str, required: bool = True, **kw: Any) -> Field:
    return Field(type_, required, **kw)


@dataclass(frozen=True)
class Kind:
    name: str
    record: type
    fields: dict[str, Field]


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("unit", E.Unit, {
        "name": _f("str"), "dimension": _f("enum", choices=DIMENSIONS), "words": _f("words"),
        "factor": _f("number", False, minimum=0, exclusive_minimum=True), "base": _f("str", False)}),
    Kind("hedge", E.Hedge, {
        "words": _f("words"), "position": _f("enum", choices=POSITIONS),
        "effect": _f("enum", choices=EFFECTS), "tolerance": _f("number", False, minimum=0)}),
    Kind("scope", E.Scope, {
        "words": _f("words"), "scope": _f("enum", choices=SCOPES),
        "position": _f("enum", choices=POSITIONS)}),
    Kind("alias", E.Alias, {
        "canonical": _f("str"), "type": _f("enum", choices=ENTITY_TYPES), "aliases": _f("words")}),
    Kind("place", E.Place, {
        "name": _f("str"), "within": _f("names", False), "type": _f("enum", choices=PLACE_TYPES),
        "aliases": _f("words", False)}),
    Kind("title", E.Title, {"words": _f("words"), "role": _f("text", False)}),
    Kind("org_suffix", E.OrgSuffix, {"words": _f("words")}),
    Kind("event_word", E.EventWord, {"type": _f("enum", choices=EVENT_TYPES), "words": _f("words"),
                                     "encounter": _f("bool", False)}),
    Kind("speech_verb", E.SpeechVerb, {"words": _f("words")}),
    Kind("correction", E.Correction, {"words": _f("words")}),
    Kind("stance", E.StanceWords, {"stance": _f("enum", choices=STANCES), "words": _f("words")}),
    Kind("word_list", E.WordListEntry, {
        "list": _f("enum", choices=tuple(WORD_LISTS)), "words": _f("words", False),
        "patterns": _f("regexes", False), "description": _f("text", False)}),
    Kind("setting", E.Setting, {"name": _f("enum", choices=tuple(SETTINGS)), "value": _f("number")}),
    Kind("conflict", E.ConflictRule, {
        "rule": _f("str"), "severity": _f("enum", choices=SEVERITIES),
        "severity_same_article": _f("enum", False, choices=SEVERITIES),
        "severity_single_sources": _f("enum", False, choices=SEVERITIES),
        "severity_widespread": _f("enum", False, choices=SEVERITIES),
        "params": _f("params", False), "enabled": _f("bool", False), "description": _f("text", False)}),
    Kind("furniture", E.Furniture, {
        "pattern": _f("regex"), "applies": _f("enum", choices=APPLIES),
        "description": _f("text", False)}),
)}

Mark = tuple[int, int]  # 1-based line, column


def mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


@dataclass
class RawEntry:
    """A validated entry before cross-file checks: the values that passed, with
    the position of every value (and of every list item) for later messages."""

    kind: str
    path: str
    line: int
    column: int
    values: dict[str, Any] = field(default_factory=dict)
    marks: dict[str, Mark] = field(default_factory=dict)
    item_marks: dict[str, list[Mark]] = field(default_factory=dict)
    ok: bool = True

    def build(self) -> Any:
        return KINDS[self.kind].record(**self.values, source=self.path, line=self.line)


def suggest(word: str, choices: Any, what: str = "valid values") -> str:
    """'did you mean X?' when something is close, else the list of choices."""
    choices = sorted(choices)
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    listing = f"{what}: {', '.join(choices)}" if len(choices) <= 20 else ""
    if close:
        return f"did you mean '{close[0]}'?" + (f" ({listing})" if listing else "")
    return listing


_constructor = SafeConstructor()


class Unreadable:
    """A scalar YAML cannot build (an unknown !tag, a date like 2025-13-45)."""

    def __init__(self, node: yaml.ScalarNode):
        self.tag = node.tag


def scalar_value(node: yaml.ScalarNode) -> Any:
    try:
        return _constructor.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError):
        return Unreadable(node)


def describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    assert isinstance(node, yaml.ScalarNode)
    value = scalar_value(node)
    if value is None:
        return "an empty value"
    if isinstance(value, Unreadable):
        return f"an unreadable value tagged {value.tag} ({node.value!r})"
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string"}
    return f"{names.get(type(value), type(value).__name__)} ({node.value!r})"


class EntryValidator:
    """Checks one entry mapping against its kind; problems go to ``problems``."""

    def __init__(self, path: str, problems: list[RuleProblem]):
        self.path = path
        self.problems = problems

    def problem(self, at: yaml.Node | Mark, message: str, hint: str = "") -> None:
        line, col = at if isinstance(at, tuple) else mark(at)
        self.problems.append(RuleProblem(self.path, line, col, message, hint))

    def entry(self, node: yaml.Node) -> RawEntry | None:
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"an entry must be a mapping with a 'kind' key, got {describe(node)}",
                         "write entries as '- kind: ...' followed by their keys")
            return None
        pairs = self.pairs(node)
        if "kind" not in pairs:
            self.problem(node, "entry has no 'kind'", "add 'kind:' with one of: " + ", ".join(KINDS))
            return None
        _, kind_node = pairs.pop("kind")
        kind_name = scalar_value(kind_node) if isinstance(kind_node, yaml.ScalarNode) else None
        if not isinstance(kind_name, str):
            self.problem(kind_node, f"'kind' must be a kind name, got {describe(kind_node)}",
                         "kinds: " + ", ".join(KINDS))
            return None
        if kind_name not in KINDS:
            self.problem(kind_node, f"unknown kind '{kind_name}'", suggest(kind_name, KINDS, "kinds"))
            return None
        kind = KINDS[kind_name]
        raw = RawEntry(kind_name, self.path, *mark(node))
        for key, (key_node, value_node) in pairs.items():
            spec = kind.fields.get(key)
            if spec is None:
                raw.ok = False
                self.problem(key_node, f"unknown key '{key}' for kind '{kind_name}'",
                             suggest(key, list(kind.fields) + ["kind"], "valid keys"))
                continue
            before = len(self.problems)
            value = self.value(key, spec, value_node, raw)
            if len(self.problems) == before:
                raw.values[key] = value
                raw.marks[key] = mark(value_node)
            else:
                raw.ok = False
        for key, spec in kind.fields.items():
            if spec.required and key not in pairs:
                raw.ok = False
                example = f" (one of: {', '.join(spec.choices)})" if spec.choices else ""
                self.problem(node, f"{kind_name} entry is missing required key '{key}'",
                             f"add '{key}:'{example}")
        return raw

    def pairs(self, node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = scalar_value(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, f"keys must be plain words, got {describe(key_node)}")
                continue
            if key in out:
                self.problem(key_node, f"key '{key}' appears twice in this entry",
                             f"keep one '{key}:' (first at line {mark(out[key][0])[0]})")
                continue
            out[key] = (key_node, value_node)
        return out

    def value(self, key: str, spec: Field, node: yaml.Node, raw: RawEntry) -> Any:
        if spec.type == "words":
            return self.words(key, node, raw)
        if spec.type == "regexes":
            words = self.words(key, node, raw)
            if words is not None and isinstance(node, yaml.SequenceNode):
                for item, text in zip(node.value, words):
                    self.check_regex(f"each item of '{key}'", item, text)
            return words
        if spec.type == "params":
            return self.params(key, node, raw)
        if spec.type == "names":
            if isinstance(node, yaml.SequenceNode):
                return self.words(key, node, raw)
            text = self.string(f"'{key}'", node, "a place name or a list of place names")
            raw.item_marks[key] = [mark(node)]
            return (text,) if text is not None else None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"'{key}' must be {_EXPECTED[spec.type]}, got {describe(node)}")
            return None
        value = scalar_value(node)
        if spec.type in ("str", "text"):
            return self.string(f"'{key}'", node, _EXPECTED[spec.type], allow_empty=spec.type == "text")
        if spec.type == "enum":
            if not isinstance(value, str) or value not in spec.choices:
                self.problem(node, f"'{key}' has invalid value {node.value!r}",
                             suggest(node.value, spec.choices))
            return value
        if spec.type == "bool":
            if not isinstance(value, bool):
                self.problem(node, f"'{key}' must be true or false, got {describe(node)}")
            return value
        if spec.type == "number":
            return self.number(key, spec, node, value)
        if spec.type == "regex":
            text = self.string(f"'{key}'", node, "a regular expression")
            if text is not None:
                self.check_regex(f"'{key}'", node, text)
            return text
        raise AssertionError(spec.type)  # a Field type without a check

    def check_regex(self, label: str, node: yaml.Node, text: str) -> None:
        try:
            re.compile(text)
        except re.error as err:
            self.problem(node, f"{label} is not a valid regular expression: {err}",
                         "escape special characters with a backslash, e.g. \\( or \\[")

    def params(self, key: str, node: yaml.Node, raw: RawEntry) -> dict[str, float] | None:
        """A mapping of parameter names to numbers ("params: {tolerance: 0.02}"); the
        names are checked against the rule later, once the rule is known."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"'{key}' must be a mapping of names to numbers, got {describe(node)}",
                         f"write '{key}: {{tolerance: 0.02}}'")
            return None
        out: dict[str, float] = {}
        marks: list[Mark] = []
        for name, (name_node, value_node) in self.pairs(node).items():
            value = scalar_value(value_node) if isinstance(value_node, yaml.ScalarNode) else None
            number = self.number(f"{key}.{name}", Field("number", minimum=0), value_node, value) \
                if isinstance(value_node, yaml.ScalarNode) else None
            if not isinstance(value_node, yaml.ScalarNode):
                self.problem(value_node, f"'{key}.{name}' must be a number, got {describe(value_node)}")
            if number is not None:
                out[name] = number
                marks.append(mark(name_node))
        raw.item_marks[key] = marks
        return out

    def number(self, key: str, spec: Field, node: yaml.ScalarNode, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) \
                or math.isinf(value):
            hint = "write it as 1000.0 or 1.0e+3" if isinstance(value, str) and "e" in value.lower() \
                else ""
            self.problem(node, f"'{key}' must be a number, got {describe(node)}", hint)
            return None
        if spec.minimum is not None and (value < spec.minimum or
                                         (spec.exclusive_minimum and value == spec.minimum)):
            bound = "greater than" if spec.exclusive_minimum else "at least"
            self.problem(node, f"'{key}' must be {bound} {spec.minimum:g}, got {value:g}")
        return float(value)

    def string(self, label: str, node: yaml.Node, expected: str, allow_empty: bool = False) -> Any:
        value = scalar_value(node) if isinstance(node, yaml.ScalarNode) else None
        if not isinstance(value, str):
            hint = f"quote it: '{node.value}'" if isinstance(node, yaml.ScalarNode) and node.value else ""
            self.problem(node, f"{label} must be {expected}, got {describe(node)}", hint)
            return None
        if not allow_empty and not value.strip():
            self.problem(node, f"{label} must not be empty")
            return None
        return value

    def words(self, key: str, node: yaml.Node, raw: RawEntry) -> tuple[str, ...] | None:
        if not isinstance(node, yaml.SequenceNode):
            hint = f"write '{key}: [{node.value}]'" if isinstance(node, yaml.ScalarNode) else ""
            self.problem(node, f"'{key}' must be a list of strings, got {describe(node)}", hint)
            return None
        if not node.value:
            self.problem(node, f"'{key}' must not be an empty list",
                         "list at least one word, or remove the entry")
            return None
        words = [self.string(f"each item of '{key}'", item, "a string") for item in node.value]
        raw.item_marks[key] = [mark(item) for item in node.value]
        return tuple(words) if None not in words else None


_EXPECTED = {"str": "a non-empty string", "text": "a string", "enum": "a word",
             "bool": "true or false", "number": "a number", "regex": "a regular expression",
             "regexes": "a list of regular expressions", "params": "a mapping of names to numbers",
             "words": "a list of strings", "names": "a place name or a list of place names"}
