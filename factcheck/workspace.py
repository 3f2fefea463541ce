"""The ``.factcheck/`` folder beside the articles: editors' decisions and the fact cache.

It is found the way git finds ``.git`` (the nearest one at or above a path) and,
whoever makes it first (``review set``, the review page, ``ci``), it is made with
the same git files: decisions merge by union, the lock and the cache stay out of
commits.
"""
from __future__ import annotations

import os
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Iterable, Sequence

DIR_NAME = ".factcheck"
DECISIONS_FILE = "decisions.jsonl"
LOCK_FILE = "decisions.lock"
CACHE_FILE = "cache.sqlite"

# Two editors' branches each append decisions; a union merge keeps both sets.
GITATTRIBUTES = (f"{DECISIONS_FILE} merge=union",)
# Per machine: the lock, and the cache with SQLite's -wal/-shm/-journal files and a
# database set aside as .corrupt.
GITIGNORE = (LOCK_FILE, f"{CACHE_FILE}*")


def folder_of(path: str | os.PathLike) -> Path:
    """The folder a path names, or the folder holding the file it names (absolute)."""
    p = Path(os.path.abspath(path))
    return p if p.is_dir() else p.parent


def find(paths: Iterable[str | os.PathLike]) -> Path | None:
    """The nearest ``.factcheck/`` at or above the first of ``paths`` that has one."""
    for path in paths:
        start = folder_of(path)
        for folder in (start, *start.parents):
            if (folder / DIR_NAME).is_dir():
                return folder / DIR_NAME
    return None


def planned(folder: str | os.PathLike) -> Path:
    """Where ``folder``'s ``.factcheck/`` is or will be, without making it."""
    return Path(folder) / DIR_NAME


def create(folder: str | os.PathLike) -> Path:
    """``folder/.factcheck/``, made if missing, with its git files written or completed."""
    directory = planned(folder)
    directory.mkdir(parents=True, exist_ok=True)
    _ensure_lines(directory / ".gitattributes", GITATTRIBUTES, _same)
    _ensure_lines(directory / ".gitignore", GITIGNORE, _covers)
    return directory


def find_or_create(paths: Sequence[str | os.PathLike]) -> Path:
    """The nearest ``.factcheck/`` at or above ``paths``, else a new one in the first
    path's folder; either way with complete git files (an older one may lack some)."""
    found = find(paths)
    return create(found.parent if found is not None else folder_of(paths[0]))


def _same(existing: str, wanted: str) -> bool:
    return existing == wanted


def _covers(existing: str, wanted: str) -> bool:
    # An ignore line already there that matches the wanted pattern (say "cache*" for
    # "cache.sqlite*") does its job: a tracked .gitignore is not rewritten for it.
    return fnmatchcase(wanted, existing)


def _ensure_lines(path: Path, wanted: tuple[str, ...], present) -> None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    lines = [line.strip() for line in text.splitlines()]
    missing = [w for w in wanted if not any(present(line, w) for line in lines)]
    if not missing:
        return
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(("" if not text or text.endswith("\n") else "\n") + "".join(line + "\n" for line in missing))
