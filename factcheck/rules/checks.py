"""Checks that need more than one entry: duplicate words and names, and
references between entries (a place's ``within``, a unit's ``base``)."""
from __future__ import annotations

from ..errors import RuleProblem
from .entries import word_key
from .schema import Mark, RawEntry, suggest

# Which words must be unique, per kind: (field, namespace label, position-dependent?).
# Words are compared as lookups see them (word_key); patterns exactly.
_WORDS = {
    "unit": [("name", "unit name", False), ("words", "unit word", False)],
    "hedge": [("words", "hedge word", True)],
    "scope": [("words", "scope word", True)],
    "alias": [("canonical", "entity name", False), ("aliases", "entity name", False)],
    "place": [("name", "entity name", False), ("aliases", "entity name", False)],
    "title": [("words", "title", False)],
    "org_suffix": [("words", "organisation suffix", False)],
    "event_word": [("words", "event word", False)],
    "speech_verb": [("words", "speech verb", False)],
    "correction": [("words", "correction word", False)],
    "conflict": [("rule", "conflict rule", False)],
    "furniture": [("pattern", "furniture pattern", False)],
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
        key = namespace + (word if raw.kind == "furniture" else word_key(word),)
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
        for key, label, by_position in _WORDS[raw.kind]:
            position = raw.values.get("position") if by_position else None
            if by_position and position is None:
                continue  # the position itself is invalid; already reported
            namespace = (label, position)
            shown = f"{position} {label}" if position else label
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
