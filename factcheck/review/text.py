"""Terminal views of conflicts and decisions for ``factcheck review``."""
from __future__ import annotations

import re

from ..model import Conflict, Decision, Result
from .resolve import label_of, sides_of

SNIPPET = 60  # characters of sentence shown on each side of a span


def _flat(text: str) -> str:
    return " ".join(text.split())


def _spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _who(d: Decision) -> str:
    return f"by {d.by or '?'} at {d.at or '?'}"


def format_decision(d: Decision) -> str:
    right = f" (right: {d.right})" if d.right else ""
    note = f": {_flat(d.note)}" if d.note else ""
    return f"{d.at or '?':24}  {d.status:9}  {d.by or '?'}{right}{note}"


def format_list(result: Result, store_path: str) -> str:
    lines = [f"{'ID':18} {'SEVERITY':8} {'KIND':14} {'STATUS':9}  CLAIM"]
    for c in result.conflicts:
        lines.append(f"{c.id:18} {c.severity:8} {c.kind:14} {c.status:9}  {_flat(c.claim)}")
        if c.note or c.decided_by:
            lines.append(f"{'':18} note: {_flat(c.note or '')}" + (f" — {c.decided_by}" if c.decided_by else ""))
    reviewed = sum(1 for c in result.conflicts if c.status != "open")
    lines.append(f"{reviewed} of {len(result.conflicts)} reviewed · decisions: {store_path}")
    for d in result.stale_decisions:
        lines.append(f"stale: {d.conflict} ({d.status} {_who(d)}): no current conflict has this id")
    return "\n".join(lines) + "\n"


def _snippet(result: Result, fact_id: str) -> str:
    try:
        f = result.fact(fact_id)
        a = result.article(f.article)
    except KeyError:
        return f"{fact_id}: (not in this run)"
    before = _spaces(a.text[max(0, min(f.sentence_start, f.start)):f.start]).lstrip()[-SNIPPET:]
    after = _spaces(a.text[f.end:max(f.sentence_end, f.end)]).rstrip()[:SNIPPET]
    return f"{a.path} ({a.id}) {f.id}: {before}[{_flat(a.text[f.start:f.end])}]{after}"


def format_show(conflict: Conflict, result: Result, history: list[Decision]) -> str:
    sides = sides_of(conflict, result)
    latest = history[-1] if history else None
    lines = [f"{conflict.id}  {conflict.kind} · {conflict.severity} · rule {conflict.rule}"]
    lines.append(f"status: {conflict.status}" + (f" {_who(latest)}" if latest else " (no decision)"))
    if conflict.note:
        lines.append(f"note: {_flat(conflict.note)}")
    if latest and latest.right:
        label = label_of(latest.right, sides)
        lines.append(f"right: {label + ' = ' if label else ''}{latest.right}")
    lines.append(f"claim: {_flat(conflict.claim)}")
    lines.extend(f"  {line}" for line in conflict.explanation.splitlines())
    for side, fact_ids in zip(sides, conflict.sides or tuple((fid,) for fid in conflict.facts)):
        lines.append(f"side {side.label}: {side.key}")
        lines.extend(f"  {_snippet(result, fid)}" for fid in fact_ids)
    lines.append(f"history ({len(history)}):")
    lines.extend(f"  {format_decision(d)}" for d in history)
    return "\n".join(lines) + "\n"


def format_history(conflict_id: str, history: list[Decision]) -> str:
    return "\n".join([f"{conflict_id}: {len(history)} decision(s), oldest first",
                      *(format_decision(d) for d in history)]) + "\n"
