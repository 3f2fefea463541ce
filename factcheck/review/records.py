"""Decision records: validation and the one-line JSON form kept in decisions.jsonl."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone

from ..errors import FactcheckError
from ..model import REVIEW_STATUSES as STATUSES, Decision
MAX_NOTE = 4000  # a note is a sentence or a paragraph, not a document


class ReviewError(FactcheckError):
    """A decision that cannot be recorded, or an id that names no conflict (exit 2)."""

    code = "E300"


def utc_now() -> str:
    """ISO 8601 in UTC with milliseconds; such strings sort in time order."""
    now = datetime.now(timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"


def _one_line(value: str, what: str) -> str:
    if any(ch in value for ch in "\r\n\x00"):
        raise ReviewError(f"{what} must be a single line")
    return value


def validate(decision: Decision) -> Decision:
    """The decision as it will be stored, or ReviewError saying what is wrong."""
    conflict = (decision.conflict or "").strip()
    if not conflict or any(ch.isspace() for ch in conflict):
        raise ReviewError(f"not a conflict id: {decision.conflict!r}")
    if decision.status not in STATUSES:
        raise ReviewError(f"unknown status {decision.status!r} (choose from {', '.join(STATUSES)})")
    if decision.right and decision.status != "confirmed":
        raise ReviewError("only a confirmed conflict has a right side")
    note = decision.note or ""
    if len(note) > MAX_NOTE:
        raise ReviewError(f"the note is longer than {MAX_NOTE} characters")
    return replace(decision, conflict=conflict, note=note,
                   by=_one_line(decision.by or "", "the reviewer name"),
                   right=_one_line(decision.right, "the right side") if decision.right else None)


def to_line(decision: Decision) -> bytes:
    """One JSON object and a newline. json.dumps escapes newlines inside strings, so a
    note can never split the record; non-ASCII stays readable in git diffs."""
    record = {"conflict": decision.conflict, "status": decision.status, "right": decision.right,
              "note": decision.note, "by": decision.by, "at": decision.at}
    return (json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n").encode("utf-8")


def from_line(line: str) -> Decision:
    """Parse one stored line; ValueError (with a short reason) when it is not a decision."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        raise ValueError(f"not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    conflict, status = obj.get("conflict"), obj.get("status")
    if not isinstance(conflict, str) or not conflict:
        raise ValueError("no conflict id")
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}")
    fields = {}
    for key in ("note", "by", "at", "right"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{key} is not a string")
        fields[key] = value
    return Decision(conflict=conflict, status=status, note=fields["note"] or "",
                    by=fields["by"] or "", at=fields["at"] or "", right=fields["right"])


def time_of(decision: Decision) -> datetime:
    """When the decision was made, for ordering; unreadable times sort first."""
    try:
        at = datetime.fromisoformat(decision.at)
    except (TypeError, ValueError):
        return datetime.min.replace(tzinfo=timezone.utc)
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)
