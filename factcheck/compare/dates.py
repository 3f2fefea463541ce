"""Conflicts between date facts: the same date as a start in one place and a
deadline in another ("2029년 1월부터" vs "2029년 1월까지")."""
from __future__ import annotations

from collections import defaultdict

from ..model import Fact
from .proposal import Proposal


def boundary_conflicts(facts: list[Fact]) -> list[Proposal]:
    blocks: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        # Month or day precision only: a bare year is too coarse to be one date.
        if f.kind == "date" and f.scope in ("by_date", "from_date") and f.value.precision in ("month", "day"):
            blocks[f.value.iso()].append(f)
    out = []
    for iso, group in blocks.items():
        until = tuple(f for f in group if f.scope == "by_date")
        start = tuple(f for f in group if f.scope == "from_date")
        if not until or not start:
            continue
        if not any(a.article != b.article for a in until for b in start):
            continue
        out.append(Proposal("date", "date_boundary", f"{iso}|start~deadline", (start, until),
                            f"{iso} is when something starts in '{start[0].text}' but a deadline in "
                            f"'{until[0].text}': the same date read as a start and as an end."))
    return out
