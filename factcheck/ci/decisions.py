"""Editors' decisions (factcheck.review) applied to the conflicts a build found."""
from __future__ import annotations

from dataclasses import replace

from ..model import Result


def with_decisions(result: Result, paths: list[str]) -> Result:
    """The result with each conflict's latest decision, the decisions about conflicts
    no longer found as stale, and unreadable decision lines as warnings."""
    from ..review import apply_decisions, find_store

    store = find_store(paths)
    if store is None:
        return result
    log = store.load()
    conflicts, stale = apply_decisions(result.conflicts, log)
    return replace(result, conflicts=tuple(conflicts), stale_decisions=tuple(stale),
                   problems=(*result.problems, *log.problems))
