"""Which files to read: folders are walked, non-articles are left out quietly."""
from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..model import Problem

FORMATS = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
# Corpus companions (gold.yaml, meta.csv, reports): never articles, never a warning.
NOT_ARTICLES = {".yaml", ".yml", ".json", ".csv", ".tsv"}


@dataclass(frozen=True)
class Source:
    path: str  # as shown to the user: the argument joined with the relative path
    file: Path
    kind: str  # text | markdown | html | jsonl


def kind_of(path: Path) -> str | None:
    return FORMATS.get(path.suffix.lower())


def discover(paths: Sequence[str | Path], problems: list[Problem]) -> list[Source]:
    """Article files under ``paths``, deduplicated and sorted by path."""
    found: dict[str, Source] = {}
    for arg in paths:
        given = Path(arg)
        shown = str(arg) if isinstance(arg, str) else given.as_posix()
        if given.is_dir():
            for file, kind in _walk(given, problems):
                rel = file.relative_to(given).as_posix()
                _add(found, Source(_join(shown, rel), file, kind))
        elif given.is_file():
            file_kind = kind_of(given)
            if file_kind is not None:
                _add(found, Source(shown, given, file_kind))
            elif given.suffix.lower() not in NOT_ARTICLES:
                problems.append(Problem(shown, f"unknown file type {given.suffix or '(none)'!r}, skipped",
                                        severity="warning"))
        elif given.exists():
            problems.append(Problem(shown, "not a regular file, skipped"))
        else:
            problems.append(Problem(shown, "no such file or directory"))
    return sorted(found.values(), key=lambda s: PurePosixPath(s.path).parts)


def _join(shown: str, rel: str) -> str:
    return rel if shown in ("", ".") else f"{shown.rstrip('/')}/{rel}"


def _add(found: dict[str, Source], source: Source) -> None:
    # the same file named twice (a folder and a file in it) is read once
    found.setdefault(os.path.realpath(source.file), source)


def _walk(folder: Path, problems: list[Problem]) -> Iterator[tuple[Path, str]]:
    """Article files below ``folder`` with their kind; hidden entries are skipped."""
    def report(err: OSError) -> None:
        problems.append(Problem(str(err.filename or folder), f"cannot read folder: {err.strerror}"))

    for root, dirs, files in os.walk(folder, onerror=report):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # .git, .factcheck
        for name in sorted(files):
            if name.startswith("."):
                continue
            file = Path(root) / name
            kind = kind_of(file)
            if kind is not None:
                yield file, kind
