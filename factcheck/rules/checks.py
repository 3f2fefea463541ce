"""Checks that need more than one entry: duplicate words and names, and
references between entries (a place's ``within``, a unit's ``base``)."""
from __future__ import annotations

from ..compare.registry import RULES
from ..errors import RuleProblem
from .entries import word_key
from .lists import SETTINGS, WORD_LISTS
from .schema import Mark, RawEntry, suggest

# Which words must be unique, per kind: (field, namespace label, the field whose
# value splits the namespace, if any). Words are compared as lookups see them
# (word_key); patterns exactly.
_WORDS: dict[str, list[tuple[str, str, str | None]]] = {
    "unit": [("name", "unit name", None), ("words", "unit word", None)],
    "hedge": [("words", "hedge word", "position")],
    "scope": [("words", "scope word", "position")],
    "alias": [("canonical", "entity name", None), ("aliases", "entity name", None)],
    "place": [("name", "entity name", None), ("aliases", "entity name", None)],
    "title": [("words", "title", None)],
    "org_suffix": [("words", "organisation suffix", None)],
    "event_word": [("words", "event word", None)],
    "speech_verb": [("words", "speech verb", None)],
    "correction": [("words", "correction word", None)],
    "stance": [("words", "stance word", None)],
    "word_list": [("words", "word", "list"), ("patterns", "pattern", "list")],
    "setting": [("name", "setting", None)],
    "conflict": [("rule", "conflict rule", None)],
    "furniture": [("pattern", "furniture pattern", None)],
}


def _items(raw: RawEntry, key: str) -> list[tuple[str, Mark]]:
    value = raw.values.get(key)
    if value is None:
        return []
    if isinstance(value, tuple):
        return list(zip(value, raw.item_marks.get(key, [raw.marks[key]] * len(value))))
    return [(value, raw.marks[key])]


class _Registry:
    def __init__(self, problems: list[RuleProblem]):
        self.problems = problems
        self.seen: dict[tuple, tuple[str, str, Mark]] = {}

    def add(self, namespace: tuple, label: str, word: str, raw: RawEntry, at: Mark) -> None:
        exact = raw.kind == "furniture" or (raw.kind == "word_list" and "patterns" in raw.values)
        key = namespace + (word if exact else word_key(word),)
        first = self.seen.setdefault(key, (word, raw.path, at))
        if first == (word, raw.path, at):
            return
        fword, fpath, fat = first
        same = "" if fword == word else \
            f" as '{fword}' (case, width and spaces are ignored)"
        self.problems.append(RuleProblem(
            raw.path, at[0], at[1], f"{label} '{word}' is already defined{same} at {fpath}:{fat[0]}",
            "each word may appear once per kind (and position); remove one of them"))


def check_duplicates(raws: list[RawEntry], problems: list[RuleProblem]) -> None:
    registry = _Registry(problems)
    for raw in raws:
        for key, label, split_by in _WORDS[raw.kind]:
            part = raw.values.get(split_by) if split_by else None
            if split_by and part is None:
                continue  # the splitting value itself is invalid; already reported
            namespace = (label, part)
            shown = f"{part} {label}" if part else label
            for word, at in _items(raw, key):
                registry.add(namespace, shown, word, raw, at)


def check_places(raws: list[RawEntry], problems: list[RuleProblem], report_unknown: bool) -> None:
    """Resolve every ``within`` to a canonical place name; reject unknown names,
    self-containment and cycles. Resolved names replace the written ones."""
    places = [r for r in raws if r.kind == "place" and "name" in r.values]
    names: dict[str, str] = {}
    for raw in places:
        for word in (raw.values["name"],) + tuple(raw.values.get("aliases") or ()):
            names.setdefault(word_key(word), raw.values["name"])
    spellings = sorted({w for r in places for w in (r.values["name"],) + tuple(r.values.get("aliases") or ())})
    parents: dict[str, tuple[str, ...]] = {}
    where: dict[str, RawEntry] = {}
    for raw in places:
        resolved = []
        for word, at in _items(raw, "within"):
            target = names.get(word_key(word))
            if target is None:
                if report_unknown:
                    problems.append(RuleProblem(raw.path, at[0], at[1],
                                                f"'within' names an unknown place '{word}'",
                                                suggest(word, spellings, "known places")
                                                or "define the place first, with kind: place"))
                raw.ok = False
            elif target == raw.values["name"]:
                problems.append(RuleProblem(raw.path, at[0], at[1],
                                            f"place '{target}' cannot be within itself"))
                raw.ok = False
            elif target not in resolved:
                resolved.append(target)
        if "within" in raw.values:
            raw.values["within"] = tuple(resolved)
        parents[raw.values["name"]] = tuple(resolved)
        where.setdefault(raw.values["name"], raw)
    _check_cycles(parents, where, problems)


def _check_cycles(parents: dict[str, tuple[str, ...]], where: dict[str, RawEntry],
                  problems: list[RuleProblem]) -> None:
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for parent in parents.get(name, ()):
            if state.get(parent) == 1:
                cycle = path[path.index(parent):] + [name, parent] if parent in path else [name, parent]
                raw = where[name]
                at = raw.marks.get("within", (raw.line, raw.column))
                problems.append(RuleProblem(raw.path, at[0], at[1],
                                            "places contain each other: " + " -> ".join(cycle),
                                            "a place must not be (indirectly) within itself"))
                raw.ok = False
            elif state.get(parent) is None:
                visit(parent, path + [name])
        state[name] = 2

    for name in sorted(parents):
        if state.get(name) is None:
            visit(name, [])


def check_units(raws: list[RawEntry], problems: list[RuleProblem], report_unknown: bool) -> None:
    """A unit's ``base`` must be a base unit of the same dimension."""
    units = {r.values["name"]: r for r in raws if r.kind == "unit" and "name" in r.values}
    for raw in units.values():
        base = raw.values.get("base")
        if base is None:
            continue
        at = raw.marks["base"]
        target = units.get(base)
        if base == raw.values["name"]:
            raw.values["base"] = None  # "base: itself" just says it is a base unit
        elif target is None:
            if report_unknown:
                problems.append(RuleProblem(raw.path, at[0], at[1], f"'base' names an unknown unit '{base}'",
                                            suggest(base, units, "units")))
            raw.ok = False
        elif target.values.get("base") not in (None, base):
            problems.append(RuleProblem(raw.path, at[0], at[1],
                                        f"'base' must name a base unit; '{base}' itself has base "
                                        f"'{target.values['base']}'",
                                        f"use base: {target.values['base']}"))
            raw.ok = False
        elif "dimension" in raw.values and target.values.get("dimension") not in (None, raw.values["dimension"]):
            problems.append(RuleProblem(raw.path, at[0], at[1],
                                        f"unit '{raw.values['name']}' ({raw.values['dimension']}) cannot "
                                        f"convert to '{base}' ({target.values['dimension']})",
                                        "a base unit must have the same dimension"))
            raw.ok = False


def check_fields(raws: list[RawEntry], problems: list[RuleProblem]) -> None:
    """Checks between the keys of one entry: a word list holds words or patterns as
    its list requires, a setting stays in its range, a conflict rule's parameters
    are the rule's own."""
    for raw in raws:
        at = (raw.line, raw.column)
        if raw.kind == "word_list" and "list" in raw.values:
            wants = "patterns" if WORD_LISTS[raw.values["list"]].patterns else "words"
            other = "words" if wants == "patterns" else "patterns"
            if other in raw.values:
                line, col = raw.marks[other]
                problems.append(RuleProblem(raw.path, line, col,
                                            f"list '{raw.values['list']}' takes '{wants}', not '{other}'",
                                            f"rename the key to '{wants}'"))
            elif wants not in raw.values and raw.ok:
                problems.append(RuleProblem(raw.path, at[0], at[1],
                                            f"word_list entry is missing required key '{wants}'",
                                            f"add '{wants}:' with the items of '{raw.values['list']}'"))
        elif raw.kind == "setting" and "name" in raw.values and "value" in raw.values:
            spec = SETTINGS[raw.values["name"]]
            value = raw.values["value"]
            if value < spec.minimum or (spec.maximum is not None and value > spec.maximum):
                line, col = raw.marks["value"]
                upper = f" and {spec.maximum:g}" if spec.maximum is not None else ""
                problems.append(RuleProblem(raw.path, line, col,
                                            f"'{raw.values['name']}' must lie between {spec.minimum:g}{upper}, "
                                            f"got {value:g}"))
        elif raw.kind == "conflict" and "rule" in raw.values and raw.values["rule"] not in RULES:
            line, col = raw.marks["rule"]
            problems.append(RuleProblem(raw.path, line, col, f"'rule' has invalid value {raw.values['rule']!r}",
                                        suggest(raw.values["rule"], RULES, "comparison rules")))
        elif raw.kind == "conflict" and "rule" in raw.values and raw.values.get("params"):
            known = RULES[raw.values["rule"]].params
            for (name, _), at_name in zip(raw.values["params"].items(), raw.item_marks.get("params", [])):
                if name not in known:
                    problems.append(RuleProblem(raw.path, at_name[0], at_name[1],
                                                f"rule '{raw.values['rule']}' has no parameter '{name}'",
                                                suggest(name, known, "its parameters")
                                                or "this rule takes no parameters"))
