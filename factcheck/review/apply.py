"""Decisions onto the conflicts of a run: each conflict takes its latest decision."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from ..model import Conflict, Decision


def apply_decisions(conflicts: Iterable[Conflict], store) -> tuple[tuple[Conflict, ...], tuple[Decision, ...]]:
    """(conflicts with status/note/decided_by set, stale decisions).

    ``store`` is a DecisionStore or a DecisionLog already read (anything with
    ``latest()``), or None. A decision whose conflict is not among ``conflicts`` is
    stale: returned, never dropped, so that it can be reported.
    """
    conflicts = tuple(conflicts)
    latest = store.latest() if store is not None else {}
    decided = []
    for c in conflicts:
        d = latest.get(c.id)
        decided.append(c if d is None else
                       replace(c, status=d.status, note=d.note or None, decided_by=d.by or None))
    current = {c.id for c in conflicts}
    stale = tuple(d for cid, d in latest.items() if cid not in current)
    return tuple(decided), stale
