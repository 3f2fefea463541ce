"""Finding the store the way git finds .git: the nearest .factcheck/ at or above a path."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .store import DIR_NAME, DecisionStore


def _start(path: str | os.PathLike) -> Path:
    p = Path(os.path.abspath(path))
    return p if p.is_dir() else p.parent


def find_store(paths: Iterable[str | os.PathLike],
               create_in: str | os.PathLike | None = None) -> DecisionStore | None:
    """The nearest store at or above the first path that has one; else a new store in
    ``create_in`` when given; else None."""
    for path in paths:
        start = _start(path)
        for folder in (start, *start.parents):
            if (folder / DIR_NAME).is_dir():
                return DecisionStore(folder / DIR_NAME)
    if create_in is not None:
        return DecisionStore.create(_start(create_in))
    return None
