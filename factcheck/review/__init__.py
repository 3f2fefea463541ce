"""Editors' decisions on conflicts, kept next to the articles in ``.factcheck/``.

    store = find_store(["seeds/"], create_in="seeds/")
    store.record(Decision("num-45759c2b60d5", "dismissed", note="monthly vs total, both right"))
    result = check(["seeds/"], store=store)   # conflicts carry their latest decision

A decision names a conflict by its fingerprint id; the history of each conflict is
kept and the latest decision is its state.
"""
from ..model import Decision
from ..workspace import DIR_NAME
from .apply import apply_decisions
from .identity import default_reviewer
from .records import STATUSES, ReviewError, utc_now
from .resolve import Side, label_of, resolve_id, resolve_right, sides_of
from .store import FILE_NAME, DecisionLog, DecisionStore, find_store

__all__ = [
    "DIR_NAME",
    "FILE_NAME",
    "STATUSES",
    "Decision",
    "DecisionLog",
    "DecisionStore",
    "ReviewError",
    "Side",
    "apply_decisions",
    "default_reviewer",
    "find_store",
    "label_of",
    "resolve_id",
    "resolve_right",
    "sides_of",
    "utc_now",
]
