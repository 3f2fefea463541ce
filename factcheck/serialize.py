"""Facts to JSON-ready dicts (or rows) and back, losslessly: ``fact_from_dict(fact_to_dict(f)) == f``.

Used by the fact cache. Unlike the JSON report this keeps every field of a Fact,
tuples and open interval bounds included, and tags each value with its type so
that a string value never reads back as something else.
"""
from __future__ import annotations

import math
from dataclasses import fields
from operator import itemgetter

from typing import Any

from .model import DateValue, EventRef, Fact, Quantity, Value

FORMAT = 4  # bump when the layout changes: a cache of another format is rebuilt

_TUPLES = ("qualifiers", "context", "frame")


class DecodeError(ValueError):
    """A stored dict that is not a Fact written by this module."""


def _float_out(x: float) -> float | str:
    # JSON has no infinities; "이상" gives an open upper bound (high = inf).
    return x if math.isfinite(x) else repr(x)


def _float_in(x) -> float:
    if isinstance(x, bool) or not isinstance(x, (int, float, str)):
        raise DecodeError(f"not a number: {x!r}")
    if isinstance(x, str) and x not in ("inf", "-inf", "nan"):
        raise DecodeError(f"not a number: {x!r}")
    return float(x)


def quantity_to_dict(q: Quantity) -> dict:
    return {"t": "q", "value": _float_out(q.value), "low": _float_out(q.low), "high": _float_out(q.high),
            "unit": q.unit, "dimension": q.dimension, "hedge": q.hedge, "trace": q.trace}


def date_to_dict(d: DateValue) -> dict:
    return {"t": "d", "year": d.year, "month": d.month, "day": d.day, "hour": d.hour,
            "minute": d.minute, "timezone": d.timezone, "trace": d.trace}


def value_to_dict(v: Value) -> dict:
    if isinstance(v, Quantity):
        return quantity_to_dict(v)
    if isinstance(v, DateValue):
        return date_to_dict(v)
    if isinstance(v, str):
        return {"t": "s", "v": v}
    raise TypeError(f"cannot serialize a fact value of type {type(v).__name__}")


def value_from_dict(d) -> Value:
    if not isinstance(d, dict):
        raise DecodeError(f"value is not an object: {d!r}")
    tag = d.get("t")
    try:
        if tag == "s":
            return _str(d["v"])
        if tag == "q":
            return Quantity(value=_float_in(d["value"]), low=_float_in(d["low"]), high=_float_in(d["high"]),
                            unit=_str(d["unit"]), dimension=_str(d["dimension"]),
                            hedge=_opt_str(d["hedge"]), trace=_str(d["trace"]))
        if tag == "d":
            return DateValue(year=_opt_int(d["year"]), month=_opt_int(d["month"]), day=_opt_int(d["day"]),
                             hour=_opt_int(d["hour"]), minute=_opt_int(d["minute"]),
                             timezone=_opt_str(d["timezone"]), trace=_str(d["trace"]))
    except KeyError as missing:
        raise DecodeError(f"value lacks {missing}") from None
    raise DecodeError(f"unknown value tag {tag!r}")


def event_to_dict(e: EventRef) -> dict[str, Any]:
    return {"type": e.type, "day": e.day, "participants": list(e.participants)}


def event_from_dict(d: Any) -> EventRef:
    if type(d) is not dict or set(d) != {"type", "day", "participants"}:
        raise DecodeError(f"not an event: {d!r}")
    people = d["participants"]
    if type(people) is not list or not set(map(type, people)) <= _STR:
        raise DecodeError("event participants must be a list of strings")
    return EventRef(_str(d["type"]), _str(d["day"]), tuple(people))


def fact_to_dict(f: Fact) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in fields(Fact):
        v = getattr(f, field.name)
        if field.name == "value":
            v = value_to_dict(v)
        elif field.name == "conversion":
            v = None if v is None else quantity_to_dict(v)
        elif field.name == "event":
            v = None if v is None else event_to_dict(v)
        elif field.name in _TUPLES:
            v = list(v)
        out[field.name] = v
    return out


_FIELDS = frozenset(f.name for f in fields(Fact))
_INTS = ("start", "end", "sentence_start", "sentence_end")
_STRS = ("id", "article", "kind", "text", "scope", "stance", "trace")
_OPT_STRS = ("subject", "attribute", "scope_detail", "speaker", "as_of", "head")
_BOOLS = ("rate_stated", "speaker_strong")
# Type checks as set operations over itemgetter tuples run in C: no Python loop per field.
_ints, _strs, _opt_strs, _bools = itemgetter(*_INTS), itemgetter(*_STRS), itemgetter(*_OPT_STRS), itemgetter(*_BOOLS)
_INT, _STR, _OPT_STR, _BOOL = {int}, {str}, {str, type(None)}, {bool}


def fact_from_dict(d, article: str | None = None) -> Fact:
    """The Fact ``d`` describes; ``article`` (an id) replaces the stored one.

    A cache holds tens of thousands of facts: the checks are kept cheap."""
    if type(d) is not dict or d.keys() != _FIELDS:
        raise DecodeError("not a fact: " + (f"fields differ: {sorted(set(d) ^ _FIELDS)}"
                                            if isinstance(d, dict) else "not an object"))
    if set(map(type, _ints(d))) != _INT or set(map(type, _strs(d))) != _STR \
            or not set(map(type, _opt_strs(d))) <= _OPT_STR or not set(map(type, _bools(d))) <= _BOOL:
        raise DecodeError("a field has the wrong type")
    qualifiers, context, frame = d["qualifiers"], d["context"], d["frame"]
    if type(qualifiers) is not list or type(context) is not list or type(frame) is not list \
            or not set(map(type, qualifiers)) <= _STR or not set(map(type, context)) <= _STR \
            or not set(map(type, frame)) <= _STR:
        raise DecodeError("qualifiers, context and frame must be lists of strings")
    kw = dict(d)
    kw["value"] = value_from_dict(d["value"])
    kw["qualifiers"], kw["context"], kw["frame"] = tuple(qualifiers), tuple(context), tuple(frame)
    kw["period_days"] = None if d["period_days"] is None else _float_in(d["period_days"])
    kw["event"] = None if d["event"] is None else event_from_dict(d["event"])
    if d["conversion"] is not None:
        conversion = value_from_dict(d["conversion"])
        if not isinstance(conversion, Quantity):
            raise DecodeError("conversion is not a quantity")
        kw["conversion"] = conversion
    if article is not None:
        kw["article"] = article
    return Fact(**kw)


NAMES = tuple(f.name for f in fields(Fact))


def fact_to_row(f: Fact) -> list:
    """The dict's values in field order: the cache's form, half the JSON of the dict
    and quicker to parse, since it holds every fact of the corpus."""
    return list(fact_to_dict(f).values())


def fact_from_row(row, article: str | None = None) -> Fact:
    if type(row) is not list or len(row) != len(NAMES):
        raise DecodeError("not a fact row")
    return fact_from_dict(dict(zip(NAMES, row)), article)


def _str(x) -> str:
    if not isinstance(x, str):
        raise DecodeError(f"not a string: {x!r}")
    return x


def _opt_str(x) -> str | None:
    return None if x is None else _str(x)


def _opt_int(x) -> int | None:
    if x is None:
        return None
    if type(x) is not int:
        raise DecodeError(f"not an integer: {x!r}")
    return x
