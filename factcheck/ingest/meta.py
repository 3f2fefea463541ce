"""Article metadata kept outside the text: a folder's meta.csv, a Markdown front matter."""
from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import yaml

from ..model import Problem
from .decode import decode
from .pubdate import parse_datetime
from .textlines import iter_lines

FIELDS = ("title", "outlet", "url", "published")
META_CSV = "meta.csv"


def _clean(record: dict) -> dict:
    """The known fields with text values; empty cells count as missing."""
    out = {}
    for key in FIELDS:
        value = record.get(key)
        if value is None and key == "published":
            value = record.get("date")
        if isinstance(value, str):
            value = value.strip()
        if value not in (None, ""):
            out[key] = value if key == "published" else str(value)
    return out


def read_meta_csv(folder: Path, shown_folder: str, problems: list[Problem]) -> dict[str, dict]:
    """Rows of ``folder/meta.csv`` keyed by file name; {} when there is none."""
    file = folder / META_CSV
    shown = f"{shown_folder.rstrip('/')}/{META_CSV}" if shown_folder not in ("", ".") else META_CSV
    if not file.is_file():
        return {}
    try:
        decoded = decode(file.read_bytes())
    except OSError as err:
        problems.append(Problem(shown, f"cannot read: {err.strerror}"))
        return {}
    if decoded is None:
        problems.append(Problem(shown, "cannot decode (not UTF-8, CP949 or EUC-KR)"))
        return {}
    reader = csv.DictReader(io.StringIO(decoded[0].lstrip("\ufeff"), newline=""))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "file" not in columns:
        problems.append(Problem(shown, "meta.csv has no 'file' column, ignored", line=1))
        return {}
    reader.fieldnames = columns
    rows: dict[str, dict] = {}
    for row in reader:
        name = (row.get("file") or "").strip()
        if not name:
            continue
        record = _clean(row)
        if "published" in record and parse_datetime(record["published"]) is None:
            problems.append(Problem(shown, f"cannot read published date {record.pop('published')!r}",
                                    line=reader.line_num))
        rows[name] = record
    return rows


def split_front_matter(text: str, shown: str, problems: list[Problem]) -> tuple[dict, int]:
    """(metadata, end offset of the front matter) for a Markdown text; ({}, 0) when absent.

    The block is "---" on the first line up to the next "---" or "..." line, and
    holds "key: value" lines; otherwise the dashes are a horizontal rule.
    """
    lines = iter_lines(text)
    first = next(lines, None)
    if first is None or text[first[0]:first[1]].lstrip("\ufeff").rstrip() != "---":
        return {}, 0
    body_start = _next_line_start(text, first[1])
    for ls, le in lines:
        if text[ls:le].rstrip() in ("---", "..."):
            block = text[body_start:ls]
            if not _KEY_LINE.search(block):
                return {}, 0
            return _parse_yaml(block, shown, problems), _next_line_start(text, le)
    return {}, 0


_KEY_LINE = re.compile(r"^[A-Za-z_][\w-]*\s*:", re.M)


def _next_line_start(text: str, line_end: int) -> int:
    nl = text.find("\n", line_end)
    return len(text) if nl < 0 else nl + 1


def _parse_yaml(block: str, shown: str, problems: list[Problem]) -> dict:
    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 for 1-based, +1 for "---"
        problems.append(Problem(shown, f"bad front matter: {getattr(err, 'problem', None) or err}", line=line))
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(shown, "front matter is not a mapping, ignored", line=2))
        return {}
    meta = _clean({str(k).lower(): v for k, v in data.items()})
    if "published" in meta and parse_datetime(meta["published"]) is None:
        problems.append(Problem(shown, f"cannot read published date {str(meta.pop('published'))!r}"))
    return meta
