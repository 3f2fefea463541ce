"""Wording and locations shared by the CI output formats."""
from __future__ import annotations

from dataclasses import dataclass

from ..compare.registry import RULES
from ..model import Conflict, Fact
from .locate import Location, locate
from .outcome import Outcome

@dataclass(frozen=True)
class Evidence:
    fact: Fact
    location: Location
    outlet: str | None
    changed: bool

    @property
    def source(self) -> str:
        """The outlet where known, else the file."""
        return self.outlet or self.location.uri.rsplit("/", 1)[-1]

    @property
    def label(self) -> str:
        return f"{self.outlet}, {where(self.location)}" if self.outlet else where(self.location)


def title(conflict: Conflict) -> str:
    spec = RULES.get(conflict.rule)
    return spec.title if spec else conflict.kind.replace("_", " ")


def quoted(f: Fact) -> str:
    """The fact's words, with how they were read where that adds something."""
    if f.kind == "quantity" and f.scope != "point":
        scope = f.scope.replace("_", " ")
        detail = f"{scope} {f.scope_detail}" if f.scope_detail else scope
    else:
        detail = f.display_value()
    return f"\u201c{f.text}\u201d" + (f" ({detail})" if detail and detail != f.text else "")


def evidence(conflict: Conflict, outcome: Outcome) -> list[Evidence]:
    """The conflict's facts, those in changed articles first (the first one is where
    the conflict is reported), then the rest in the conflict's order."""
    result = outcome.result
    out = []
    for fid in conflict.facts:
        f = result.fact(fid)
        a = result.article(f.article)
        out.append(Evidence(f, locate(f, a, outcome.root), a.outlet, outcome.is_changed(a.id)))
    return sorted(out, key=lambda e: not e.changed)


def where(loc: Location) -> str:
    return f"{loc.uri}:{loc.line}" + (f":{loc.column}" if loc.column else "")


def message(conflict: Conflict, items: list[Evidence]) -> str:
    """One paragraph: what is said here, what the other sources say, why it conflicts."""
    here, others = items[0], items[1:]
    lines = [f"{title(conflict)} ({conflict.severity}): {quoted(here.fact)}"]
    for e in others:
        lines.append(f"vs {quoted(e.fact)} in {e.label}")
    lines.append(conflict.explanation)
    if conflict.status != "open":
        lines.append(f"Editor's decision: {conflict.status}" + (f" \u2014 {conflict.note}" if conflict.note else ""))
    return "\n".join(lines)
