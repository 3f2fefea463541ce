"""The JSON report (schema ``factcheck-report/1``; core fields fixed by EVAL.md).

Records keep the Result's order (the pipeline sorts them) and every record keeps
one field order, so the same Result always gives the same bytes.
"""
from __future__ import annotations

import json
import math
import os
from pathlib import Path

from ..model import Article, Conflict, DateValue, Fact, Problem, Quantity, Result, Value
from ..atomic import atomic_write_text
from .summary import summarize

SCHEMA = "factcheck-report/1"


def _number(x: float) -> float | None:
    # JSON has no Infinity/NaN: an open bound (e.g. "이상" -> high = inf) becomes null.
    return x if math.isfinite(x) else None


def value_json(value: Value) -> dict | str:
    if isinstance(value, Quantity):
        return {
            "value": _number(value.value),
            "low": _number(value.low),
            "high": _number(value.high),
            "unit": value.unit,
            "dimension": value.dimension,
            "hedge": value.hedge,
            "trace": value.trace,
        }
    if isinstance(value, DateValue):
        return {
            "iso": value.iso(),
            "year": value.year,
            "month": value.month,
            "day": value.day,
            "hour": value.hour,
            "minute": value.minute,
            "timezone": value.timezone,
            "trace": value.trace,
        }
    return str(value)


def article_json(a: Article) -> dict:
    out = {
        "id": a.id,
        "path": a.path,
        "published": a.published.isoformat() if a.published else None,
        "published_source": a.published_source,
        "title": a.title,
        "outlet": a.outlet,
        "url": a.url,
        "encoding": a.encoding,
        "sha256": a.sha256,
    }
    if a.extracted:
        # Offsets of extracted formats index this text, not the file: carry it.
        out["text"] = a.text
    return out


def fact_json(f: Fact) -> dict:
    return {
        "id": f.id,
        "article": f.article,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "kind": f.kind,
        "subject": f.subject,
        "attribute": f.attribute,
        "qualifiers": list(f.qualifiers),
        "value": value_json(f.value),
        "conversion": value_json(f.conversion) if f.conversion is not None else None,
        "scope": f.scope,
        "scope_detail": f.scope_detail,
        "period_days": f.period_days,
        "stance": f.stance,
        "speaker": f.speaker,
        "speaker_strong": f.speaker_strong,
        "rate_stated": f.rate_stated,
        "event": None if f.event is None else
        {"type": f.event.type, "day": f.event.day, "participants": list(f.event.participants)},
        "sentence": [f.sentence_start, f.sentence_end],
        "trace": f.trace,
    }


def conflict_json(c: Conflict) -> dict:
    return {
        "id": c.id,
        "kind": c.kind,
        "severity": c.severity,
        "facts": list(c.facts),
        "sides": [list(side) for side in c.sides],
        "claim": c.claim,
        "explanation": c.explanation,
        "rule": c.rule,
        "code": c.code,
        "confidence": c.confidence,
        "status": c.status,
        "note": c.note,
        "decided_by": c.decided_by,
    }


def problem_json(p: Problem) -> dict:
    return {"path": p.path, "line": p.line, "message": p.message, "severity": p.severity}


def to_json_dict(result: Result) -> dict:
    return {
        "schema": SCHEMA,
        "rules_version": result.rules_version,
        "articles": [article_json(a) for a in result.articles],
        "facts": [fact_json(f) for f in result.facts],
        "conflicts": [conflict_json(c) for c in result.conflicts],
        "problems": [problem_json(p) for p in result.problems],
        "stale_decisions": [
            {"conflict": d.conflict, "status": d.status, "note": d.note,
             "by": d.by, "at": d.at, "right": d.right}
            for d in result.stale_decisions
        ],
        "summary": summarize(result),
    }


def dumps(result: Result) -> str:
    # allow_nan=False: a stray inf/nan is a bug to surface, not invalid JSON to emit.
    return json.dumps(to_json_dict(result), ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def write_json(result: Result, path: str | os.PathLike) -> Path:
    return atomic_write_text(path, dumps(result))
