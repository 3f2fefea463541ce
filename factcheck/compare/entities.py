"""Conflicts between entity facts: one event at two places; one acronym spelled
out two ways."""
from __future__ import annotations

from collections import defaultdict

from typing import TYPE_CHECKING, Callable

from rapidfuzz import fuzz

from ..model import Fact
from .context import Comparison
from .proposal import Proposal

if TYPE_CHECKING:
    from ..rules.ruleset import Places

Params = dict[str, float]


def place_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    """One event (the same day and participants; the event word may differ:
    회동/만나) at places of which neither contains the other."""
    compatible = loose_place_match(ctx.rules.places)
    by_event: dict[tuple[str, tuple[str, ...]], list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.kind == "place" and f.event:
            by_event[(f.event.day, f.event.participants)].append(f)
    out = []
    for (day, participants), group in by_event.items():
        places: dict[str, list[Fact]] = {}
        for f in group:
            name = str(f.value)
            match = next((p for p in places if compatible(p, name)), None)
            places.setdefault(match or name, []).append(f)
        if len(places) < 2:
            continue
        sides = tuple(tuple(v) for _, v in sorted(places.items()))
        if len({f.article for f in group}) < 2:
            continue
        names = " vs ".join(sorted(places))
        who = ", ".join(participants)
        out.append(Proposal("entity", "event_place", f"Place of the {day} encounter of {who}",
                            sides,
                            f"The same event ({_event_of(sides[0][0])} on {day} with {who}) is placed at {names}: "
                            f"neither place contains the other."))
    return out


def _event_of(f: Fact) -> str:
    return f.event.type if f.event else "event"


def loose_place_match(places: "Places") -> Callable[[str, str], bool]:
    """Place compatibility that also reads unknown venues by the places they name:
    '경북 OO센터' and 'OO시청' lie within 경북 and OO시, whatever the venue is."""
    names = sorted(places.names(), key=len, reverse=True)

    def anchors(name: str) -> list[str]:
        found = []
        for word in name.split():
            hit = next((n for n in names if len(n) >= 2 and word.startswith(n)), None)
            if hit:
                found.append(hit)
        return found

    def compatible(a: str, b: str) -> bool:
        if places.compatible(a, b):
            return True
        for x, y in ((a, b), (b, a)):
            if places.place(x) is None and any(places.compatible(anchor, y) for anchor in anchors(x)):
                return True
        return False

    return compatible


def expansion_conflicts(ctx: Comparison, params: Params) -> list[Proposal]:
    by_acronym: dict[str, list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if f.kind == "expansion" and f.subject:
            by_acronym[f.subject].append(f)
    out = []
    for acronym, group in by_acronym.items():
        forms: dict[str, list[Fact]] = {}
        for f in group:
            text = str(f.value).lower()
            match = next((k for k in forms if fuzz.ratio(k, text) >= params["similarity"]), None)
            forms.setdefault(match or text, []).append(f)
        if len(forms) < 2:
            continue
        sides = tuple(tuple(v) for _, v in sorted(forms.items()))
        out.append(Proposal("entity", "expansion", f"What {acronym} stands for", sides,
                            f"{acronym} is spelled out as " + " vs ".join(f"'{s[0].value}'" for s in sides) + "."))
    return out
