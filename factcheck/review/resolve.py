"""Naming things on the command line and in the page: conflict ids by unique prefix,
the right side of a confirmed conflict by label, article or source."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from ..model import Article, Conflict, Result
from ..sides import side_label
from .records import ReviewError


def resolve_id(given: str, ids: Iterable[str], what: str = "current conflict") -> str:
    """The one id equal to ``given`` or starting with it."""
    ids = list(dict.fromkeys(ids))
    given = given.strip()
    if given in ids:
        return given
    matches = [i for i in ids if given and i.startswith(given)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ReviewError(f"{given!r} is ambiguous: it starts {', '.join(sorted(matches))}")
    raise ReviewError(f"unknown conflict id {given!r}: no {what} has it")


@dataclass(frozen=True)
class Side:
    label: str  # A, B, … as the report shows them
    key: str  # "002_x.txt: 용산 대통령실": what a decision stores as ``right``
    articles: tuple[Article, ...]


def _flat(text: str) -> str:
    return " ".join(text.split())


def sides_of(conflict: Conflict, result: Result) -> list[Side]:
    """The conflict's sides, each with a key built from its sources' file names and
    texts: like the conflict id it ignores side order, so it means the same side
    in every run."""
    facts = {f.id: f for f in result.facts}
    articles = {a.id: a for a in result.articles}
    out = []
    for i, side in enumerate(conflict.sides or tuple((fid,) for fid in conflict.facts)):
        parts, arts = [], []
        for fid in side:
            f = facts.get(fid)
            a = articles.get(f.article) if f else None
            if f is None or a is None:
                parts.append(fid)
                continue
            parts.append(f"{Path(a.path).name}: {_flat(f.text)}")
            if a not in arts:
                arts.append(a)
        out.append(Side(side_label(i), " + ".join(sorted(set(parts))), tuple(arts)))
    return out


def _names(article: Article) -> set[str]:
    names = {article.id, article.path, Path(article.path).name, Path(article.path).stem}
    if article.outlet:
        names.add(article.outlet)
    return {n.casefold() for n in names}


def resolve_right(given: str, conflict: Conflict, result: Result) -> str:
    """The key of the side ``given`` names: a side label (A, B), a side key, or an
    article (id, path, file name or outlet) found on exactly one side."""
    sides = sides_of(conflict, result)
    wanted = given.strip().casefold()
    for side in sides:
        if wanted in (side.label.casefold(), side.key.casefold()):
            return side.key
    matches = [s for s in sides if any(wanted in _names(a) for a in s.articles)]
    if len(matches) == 1:
        return matches[0].key
    listing = "; ".join(f"{s.label} = {s.key}" for s in sides)
    if matches:
        raise ReviewError(f"{given!r} is on more than one side; name the side: {listing}")
    raise ReviewError(f"{given!r} names no side of {conflict.id}; the sides are: {listing}")


def label_of(right: str | None, sides: list[Side]) -> str | None:
    """The label of the side a stored ``right`` names, if it is still one of them."""
    for side in sides:
        if right and right == side.key:
            return side.label
    return None
