"""Tabular views of the facts: a pandas frame, CSV, and an aligned terminal table."""
from __future__ import annotations

import io
import os
import unicodedata
from pathlib import Path
from typing import IO, TYPE_CHECKING

from ..model import Result
from ..atomic import atomic_write_text

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ["article", "path", "fact", "kind", "text", "start", "end",
           "subject", "attribute", "value", "scope", "stance"]


def facts_frame(result: Result) -> pd.DataFrame:
    """One row per fact, in the Result's order."""
    import pandas as pd  # imported here so `factcheck --help` does not pay for it

    paths = {a.id: a.path for a in result.articles}
    rows = [
        [f.article, paths.get(f.article, ""), f.id, f.kind, f.text, f.start, f.end,
         f.subject, f.attribute, f.display_value(), f.scope, f.stance]
        for f in result.facts
    ]
    # astype: an empty frame would otherwise give object offsets.
    return pd.DataFrame(rows, columns=COLUMNS).astype({"start": "int64", "end": "int64"})


def write_facts_csv(result: Result, path_or_stream: str | os.PathLike | IO[str]) -> Path | None:
    """CSV (UTF-8, ``\\n`` line ends) to a path (atomically) or to an open text stream."""
    frame = facts_frame(result)
    if hasattr(path_or_stream, "write"):
        frame.to_csv(path_or_stream, index=False, lineterminator="\n")
        return None
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    return atomic_write_text(path_or_stream, buf.getvalue())


# -- terminal table -----------------------------------------------------------

# Terminal columns: Hangul and other wide characters take two cells.
_TEXT_COLUMNS = [("fact", 0), ("kind", 0), ("text", 28), ("subject", 16),
                 ("attribute", 16), ("value", 40), ("scope", 20), ("stance", 0)]


def _cells(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def display_width(s: str) -> int:
    return sum(_cells(ch) for ch in s)


def _clip(s: str, limit: int) -> str:
    s = " ".join(s.split())  # newlines and runs of spaces would break the row
    if not limit or display_width(s) <= limit:
        return s
    out, used = [], 0
    for ch in s:
        w = _cells(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _pad(s: str, width: int) -> str:
    return s + " " * (width - display_width(s))


def format_facts_text(result: Result) -> str:
    """Facts grouped by article, one aligned row each, for the terminal."""
    if not result.facts:
        return "no facts\n"
    rows_by_article: dict[str, list[list[str]]] = {}
    for f in result.facts:
        scope = f"{f.scope} ({f.scope_detail})" if f.scope_detail else f.scope
        cells = [f.id, f.kind, f.text, f.subject or "", f.attribute or "",
                 f.display_value(), scope, f.stance]
        row = [_clip(c, limit) for c, (_, limit) in zip(cells, _TEXT_COLUMNS)]
        rows_by_article.setdefault(f.article, []).append(row)

    header = [name for name, _ in _TEXT_COLUMNS]
    all_rows = [header] + [r for rows in rows_by_article.values() for r in rows]
    widths = [max(display_width(r[i]) for r in all_rows) for i in range(len(header))]

    def line(row: list[str]) -> str:
        return "  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip()

    paths = {a.id: a.path for a in result.articles}
    out = [line(header), "  ".join("-" * w for w in widths)]
    for article_id, rows in rows_by_article.items():  # first-seen order = Result order
        n = len(rows)
        out.append(f"[{article_id}] {paths.get(article_id, '?')}  ({n} fact{'s' if n != 1 else ''})")
        out.extend(line(r) for r in rows)
    return "\n".join(out) + "\n"
