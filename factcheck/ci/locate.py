"""Where a fact is in its file: a repository-relative path and 1-based line/column.

Offsets of .txt/.md facts index the decoded file text, so lines and columns
(UTF-16 code units, end exclusive) come straight from them. Extracted formats
have no such mapping: a .jsonl article is the line it came from, and for a web
page the first line of the file that contains the fact's text is used (else 1).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Article, Fact

_JSONL_PATH = re.compile(r"^(?P<file>.*\.(?:jsonl|ndjson)):(?P<line>\d+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Location:
    uri: str  # relative to the repository root, with forward slashes
    line: int
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None  # exclusive, like SARIF's endColumn


def file_of(article: Article) -> tuple[str, int | None]:
    """(the file as ingest showed it, the line for one .jsonl record)."""
    m = _JSONL_PATH.match(article.path)
    if m:
        return m["file"], int(m["line"])
    return article.path, None


def real_path(path: str | Path) -> Path:
    """The absolute path with its folders' symlinks resolved; the file name is kept
    (as git names a symlinked article). Folders are resolved once each: resolving
    every file of a 2,000-article corpus costs a lstat per path component."""
    path = Path(path)
    return _real_dir(os.path.abspath(path.parent)) / path.name  # absolute: the key must not depend on the cwd


@lru_cache(maxsize=256)
def _real_dir(folder: str) -> Path:
    return Path(folder).resolve()


def resolved_file(article: Article) -> Path:
    return real_path(file_of(article)[0])


def uri_of(file: Path, root: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:  # outside the repository: an absolute URI still names it
        return file.as_uri()


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column; columns count UTF-16 code units, SARIF's default
    and what editors and GitHub count (the same as characters for Hangul)."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    if start == 0 and text.startswith("\ufeff"):
        start = min(1, offset)  # a byte-order mark is not a column in any editor
    column = len(text[start:offset].encode("utf-16-le")) // 2 + 1
    return line, column


def locate(fact: Fact, article: Article, root: Path) -> Location:
    file, record_line = file_of(article)
    uri = uri_of(real_path(file), root)
    if record_line is not None:
        return Location(uri, record_line)
    if article.extracted:
        return Location(uri, _line_in_page(str(real_path(file)), article.encoding, fact.text))
    line, column = line_col(article.text, fact.start)
    end_line, end_column = line_col(article.text, fact.end)
    return Location(uri, line, column, end_line, end_column)


@lru_cache(maxsize=64)
def _page(path: str, encoding: str) -> str:
    try:
        return Path(path).read_bytes().decode(encoding, errors="replace")
    except (OSError, LookupError):
        return ""


def _line_in_page(path: str, encoding: str, needle: str) -> int:
    page = _page(path, encoding)
    at = page.find(needle) if needle else -1
    return page.count("\n", 0, at) + 1 if at >= 0 else 1
