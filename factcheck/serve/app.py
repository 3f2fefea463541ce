"""The review server's state: the articles' conflicts (re-checked when a file
changes), the decision store, and recording a decision made on the page."""
from __future__ import annotations

import os
import secrets
import threading
from typing import Callable

from ..model import Decision, Result
from ..pipeline import check, with_decisions
from ..review import STATUSES, DecisionLog, DecisionStore, ReviewError, label_of, resolve_right, sides_of
from .guard import Refused
from .page import decision_json, render_review_page


def corpus_signature(paths: list[str]) -> tuple:
    """What the articles look like on disk: a new signature means check again."""
    from ..ingest.discover import discover

    out = []
    for source in discover(paths, []):
        try:
            st = os.stat(source.file)
        except OSError:
            continue
        out.append((str(source.file), st.st_mtime_ns, st.st_size))
    return tuple(out)


class ReviewApp:
    def __init__(self, paths: list[str], store: DecisionStore, reviewer: str,
                 checker: Callable[[list[str]], Result] | None = None, rules_dir: str | None = None):
        self.paths = [str(p) for p in paths]
        self.store = store
        self.reviewer = reviewer
        self.token = secrets.token_urlsafe(32)  # per server: a restart invalidates old pages
        self._checker = checker or (lambda p: check(p, rules_dir=rules_dir))
        self._lock = threading.Lock()  # one check at a time; the NLP pipeline is shared
        self._result: Result | None = None
        self._signature: tuple | None = None

    def current(self) -> Result:
        """The conflicts of the articles as they are now, without decisions."""
        with self._lock:
            signature = corpus_signature(self.paths)
            if self._result is None or signature != self._signature:
                self._result = self._checker(self.paths)
                self._signature = signature
            return self._result

    def decided(self) -> tuple[Result, DecisionLog]:
        """The current conflicts with the decisions as they are now (read afresh: the
        page and ``factcheck review set`` may both write them), and those decisions."""
        log = self.store.load()
        return with_decisions(self.current(), log), log

    def page(self) -> tuple[str, str]:
        result, log = self.decided()
        return render_review_page(result, log, self.token, self.reviewer)

    def decide(self, payload) -> dict:
        """Record the decision in ``payload`` ({conflict, status, note, right}) and
        return it with the new review counts."""
        if not isinstance(payload, dict):
            raise Refused(400, "send a JSON object")
        result = self.current()
        conflict = next((c for c in result.conflicts if c.id == payload.get("conflict")), None)
        if conflict is None:
            raise Refused(404, f"no current conflict has the id {payload.get('conflict')!r}")
        status, note, right = payload.get("status"), payload.get("note") or "", payload.get("right")
        if status not in STATUSES:
            raise Refused(400, f"unknown status {status!r}")
        if not isinstance(note, str) or (right is not None and not isinstance(right, str)):
            raise Refused(400, "note and right must be strings")
        try:
            key = resolve_right(right, conflict, result) if right and status == "confirmed" else None
            decision = self.store.record(Decision(conflict.id, status, note=note, by=self.reviewer,
                                                  right=key))
        except ReviewError as error:
            raise Refused(400, str(error)) from None
        conflicts = with_decisions(result, self.store.load()).conflicts
        return {
            "decision": decision_json(decision, label_of(decision.right, sides_of(conflict, result))),
            "reviewed": sum(1 for c in conflicts if c.status != "open"),
            "open": sum(1 for c in conflicts if c.status == "open"),
            "total": len(conflicts),
        }
