"""The loaded rules with their lookups. Built once per rules version; the stages
only read it."""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterable, Mapping

from ..compare.registry import RULES as CONFLICT_RULES
from .entries import (Alias, ConflictRule, Correction, EventWord, Furniture, Hedge, OrgSuffix, Place, Scope,
                      Setting, SpeechVerb, StanceWords, Title, Unit, WordListEntry, word_key)
from .lists import SETTINGS, WORD_LISTS


class Aliases:
    """Entity names -> canonical name and type. Places count as entities of type
    ``place`` so "한국" resolves to "대한민국" here as well."""

    def __init__(self, entries: Iterable[Alias], places: Iterable[Place]):
        self.entries = tuple(entries)
        self._index: dict[str, tuple[str, str]] = {}
        self._surfaces: dict[str, list[str]] = {}
        for canonical, type_, surfaces in (
                [(a.canonical, a.type, (a.canonical,) + a.aliases) for a in self.entries]
                + [(p.name, "place", (p.name,) + p.aliases) for p in places]):
            self._surfaces[canonical] = list(surfaces)
            for surface in surfaces:
                self._index.setdefault(word_key(surface), (canonical, type_))

    def canonical(self, name: str) -> str | None:
        hit = self._index.get(word_key(name))
        return hit[0] if hit else None

    def alias_type(self, name: str) -> str | None:
        hit = self._index.get(word_key(name))
        return hit[1] if hit else None

    def surfaces(self, canonical: str) -> tuple[str, ...]:
        """Every spelling of an entity, canonical first (for gazetteers)."""
        return tuple(self._surfaces.get(canonical, ()))

    def names(self) -> dict[str, str]:
        """Every spelling -> its canonical name."""
        return {s: c for c, spellings in self._surfaces.items() for s in spellings}


class Places:
    """Places and their containment. ``within`` may list several parents (서울 is in
    수도권, which is in 대한민국), so containment is a walk over a small DAG."""

    def __init__(self, entries: Iterable[Place]):
        self.entries = tuple(entries)
        self._by_name = {p.name: p for p in self.entries}
        self._index: dict[str, Place] = {}
        for p in self.entries:
            for surface in (p.name,) + p.aliases:
                self._index.setdefault(word_key(surface), p)

    def place(self, name: str) -> Place | None:
        return self._index.get(word_key(name))

    def ancestors(self, name: str) -> list[str]:
        """Canonical names of every place that contains ``name``, nearest first."""
        start = self.place(name)
        if start is None:
            return []
        out: list[str] = []
        queue = deque(start.within)
        while queue:
            current = queue.popleft()
            if current in out:
                continue
            out.append(current)
            queue.extend(self._by_name[current].within)
        return out

    def contains(self, outer: str, inner: str) -> bool:
        """True when ``inner`` lies inside ``outer`` (strictly: a place does not
        contain itself)."""
        a = self.place(outer)
        return a is not None and a.name in self.ancestors(inner)

    def compatible(self, a: str, b: str) -> bool:
        """Can both names describe the same location? The same place (or alias),
        or one inside the other. Unknown names match only themselves."""
        pa, pb = self.place(a), self.place(b)
        if pa is None or pb is None:
            return word_key(a) == word_key(b)
        return pa is pb or self.contains(pa.name, pb.name) or self.contains(pb.name, pa.name)

    def names(self) -> dict[str, str]:
        return {s: p.name for p in self.entries for s in (p.name,) + p.aliases}


@dataclass(frozen=True, eq=False)
class RuleSet:
    """All rules of one rules directory. ``version`` is a sha256 over the files'
    names and bytes: caches of extracted facts are keyed by it."""

    version: str
    directory: str
    files: tuple[str, ...]
    units: tuple[Unit, ...] = ()
    hedges: tuple[Hedge, ...] = ()
    scopes: tuple[Scope, ...] = ()
    aliases: Aliases = field(default_factory=lambda: Aliases((), ()))
    places: Places = field(default_factory=lambda: Places(()))
    title_entries: tuple[Title, ...] = ()
    org_suffix_entries: tuple[OrgSuffix, ...] = ()
    event_word_entries: tuple[EventWord, ...] = ()
    speech_verb_entries: tuple[SpeechVerb, ...] = ()
    correction_entries: tuple[Correction, ...] = ()
    stance_entries: tuple[StanceWords, ...] = ()
    word_list_entries: tuple[WordListEntry, ...] = ()
    setting_entries: tuple[Setting, ...] = ()
    conflicts: Mapping[str, ConflictRule] = field(default_factory=dict)
    furniture: tuple[Furniture, ...] = ()

    @classmethod
    def build(cls, version: str, directory: str, files: Iterable[str], records: Iterable[object]) -> "RuleSet":
        by_type: dict[type, list] = {}
        for record in records:
            by_type.setdefault(type(record), []).append(record)
        places = by_type.get(Place, [])
        return cls(
            version=version, directory=directory, files=tuple(files),
            units=tuple(by_type.get(Unit, [])), hedges=tuple(by_type.get(Hedge, [])),
            scopes=tuple(by_type.get(Scope, [])),
            aliases=Aliases(by_type.get(Alias, []), places), places=Places(places),
            title_entries=tuple(by_type.get(Title, [])),
            org_suffix_entries=tuple(by_type.get(OrgSuffix, [])),
            event_word_entries=tuple(by_type.get(EventWord, [])),
            speech_verb_entries=tuple(by_type.get(SpeechVerb, [])),
            correction_entries=tuple(by_type.get(Correction, [])),
            stance_entries=tuple(by_type.get(StanceWords, [])),
            word_list_entries=tuple(by_type.get(WordListEntry, [])),
            setting_entries=tuple(by_type.get(Setting, [])),
            conflicts={c.rule: c for c in by_type.get(ConflictRule, [])},
            furniture=tuple(by_type.get(Furniture, [])),
        )

    # -- vocabularies ---------------------------------------------------------
    @property
    def titles(self) -> frozenset[str]:
        return frozenset(w for t in self.title_entries for w in t.words)

    @property
    def org_suffixes(self) -> tuple[str, ...]:
        return tuple(w for e in self.org_suffix_entries for w in e.words)

    @property
    def event_words(self) -> Mapping[str, str]:
        """Event word -> event type (회담 -> talks)."""
        return MappingProxyType({w: e.type for e in self.event_word_entries for w in e.words})

    @property
    def encounter_types(self) -> frozenset[str]:
        """Event types in which the people named meet."""
        return frozenset(e.type for e in self.event_word_entries if e.encounter)

    @property
    def speech_verbs(self) -> tuple[str, ...]:
        return tuple(w for e in self.speech_verb_entries for w in e.words)

    @property
    def correction_words(self) -> tuple[str, ...]:
        return tuple(w for e in self.correction_entries for w in e.words)

    def stance_words(self, stance: str) -> tuple[str, ...]:
        return tuple(w for e in self.stance_entries if e.stance == stance for w in e.words)

    def words(self, name: str) -> tuple[str, ...]:
        """The items of a named word list (rules/lists.py), in file order; () when
        no file fills it."""
        if name not in WORD_LISTS:
            raise KeyError(f"unknown word list {name!r}")
        return tuple(w for e in self.word_list_entries if e.list == name for w in e.items)

    def setting(self, name: str) -> float:
        spec = SETTINGS[name]
        return next((e.value for e in self.setting_entries if e.name == name), spec.default)

    # -- conflicts ------------------------------------------------------------
    def conflict(self, rule: str) -> ConflictRule:
        """The settings of one comparison rule; defaults when the files omit it."""
        if rule not in CONFLICT_RULES:
            raise KeyError(f"unknown conflict rule {rule!r}; known: {', '.join(CONFLICT_RULES)}")
        return self.conflicts.get(rule) or ConflictRule(rule, CONFLICT_RULES[rule].severity)

    def params(self, rule: str) -> dict[str, float]:
        """A rule's parameters: the registry's defaults, overridden by the files."""
        return {**CONFLICT_RULES[rule].params, **self.conflict(rule).params}
