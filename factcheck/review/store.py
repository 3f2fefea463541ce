"""The decision store: ``.factcheck/decisions.jsonl``, append-only, safe under concurrency.

Every write takes an exclusive ``flock`` on ``decisions.lock`` and appends the whole
record with one ``write`` on an O_APPEND descriptor, then fsyncs: two processes
recording at once both land, each on its own line. Reads take the shared lock, so a
reader never sees half a line from a cooperating writer; a torn or hand-garbled line
(a crash, a bad merge) is reported with file:line and skipped.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from .. import workspace
from ..atomic import fsync_dir
from ..model import Decision, Problem
from ..workspace import DECISIONS_FILE as FILE_NAME
from ..workspace import LOCK_FILE
from .identity import default_reviewer
from .records import from_line, time_of, to_line, utc_now, validate


class DecisionLog:
    """The store as read at one moment: decisions in file order, and the skipped lines."""

    def __init__(self, decisions: list[Decision], problems: list[Problem]):
        self.decisions = decisions
        self.problems = problems

    def _in_time_order(self) -> list[Decision]:
        # By time, then file order: after a union merge the file is not chronological.
        order = sorted(range(len(self.decisions)), key=lambda i: (time_of(self.decisions[i]), i))
        return [self.decisions[i] for i in order]

    def latest(self) -> dict[str, Decision]:
        """The state of every conflict ever decided: its latest decision."""
        out: dict[str, Decision] = {}
        for d in self._in_time_order():
            out.pop(d.conflict, None)  # keep the dict in order of last decision
            out[d.conflict] = d
        return out

    def history(self, conflict_id: str) -> list[Decision]:
        """Every decision on one conflict, oldest first."""
        return [d for d in self._in_time_order() if d.conflict == conflict_id]

    def ids(self) -> list[str]:
        return list(dict.fromkeys(d.conflict for d in self.decisions))


class DecisionStore:
    """A ``.factcheck`` folder; its parent is the folder of articles it belongs to."""

    def __init__(self, directory: str | os.PathLike):
        self.dir = Path(directory)
        self.path = self.dir / FILE_NAME
        self.lock_path = self.dir / LOCK_FILE

    def __repr__(self) -> str:
        return f"DecisionStore({str(self.dir)!r})"

    @property
    def root(self) -> Path:
        return self.dir.parent

    @classmethod
    def create(cls, folder: str | os.PathLike) -> "DecisionStore":
        """The store in ``folder/.factcheck``, made (with its git files) if missing."""
        return cls(workspace.create(folder))

    @classmethod
    def planned(cls, folder: str | os.PathLike) -> "DecisionStore":
        """The store ``folder/.factcheck`` without making it: the first decision will."""
        return cls(workspace.planned(folder))

    # -- reading ---------------------------------------------------------------------

    def load(self) -> DecisionLog:
        if not self.path.exists():  # nothing decided yet: leave the folder untouched
            return DecisionLog([], [])
        try:
            with self._locked(fcntl.LOCK_SH):
                data = self.path.read_bytes()
        except FileNotFoundError:
            return DecisionLog([], [])
        decisions, problems = [], []
        for number, raw in enumerate(data.split(b"\n"), 1):
            if not raw.strip():
                continue
            try:
                decisions.append(from_line(raw.decode("utf-8")))
            except UnicodeDecodeError:
                problems.append(self._problem(number, "not UTF-8"))
            except ValueError as error:
                problems.append(self._problem(number, str(error)))
        return DecisionLog(decisions, problems)

    def _problem(self, line: int, reason: str) -> Problem:
        return Problem(str(self.path), f"unreadable decision skipped: {reason}", line=line,
                       severity="warning")

    def latest(self) -> dict[str, Decision]:
        return self.load().latest()

    def history(self, conflict_id: str) -> list[Decision]:
        return self.load().history(conflict_id)

    def problems(self) -> list[Problem]:
        return self.load().problems

    # -- writing ---------------------------------------------------------------------

    def record(self, decision: Decision) -> Decision:
        """Append one decision (``at`` and ``by`` filled in when empty); returns it as stored."""
        decision = validate(replace(decision, at=decision.at or utc_now(),
                                    by=decision.by or default_reviewer()))
        line = to_line(decision)
        if not (self.dir / ".gitattributes").exists():
            workspace.create(self.root)
        with self._locked(fcntl.LOCK_EX):
            created = not self.path.exists()
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o666)
            try:
                size = os.fstat(fd).st_size
                if size and os.pread(fd, 1, size - 1) != b"\n":
                    line = b"\n" + line  # a torn last line must not swallow this record
                _write_all(fd, line)
                os.fsync(fd)
            finally:
                os.close(fd)
            if created:
                fsync_dir(self.dir)
        return decision

    @contextmanager
    def _locked(self, mode: int):
        try:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError:
            if mode != fcntl.LOCK_SH:
                raise
            fd = None  # a read-only checkout can still be read
        if fd is None:
            yield
            return
        try:
            fcntl.flock(fd, mode)
            yield
        finally:
            os.close(fd)  # closing releases the lock


def _write_all(fd: int, data: bytes) -> None:
    # One write carries the whole line; the loop only matters if the kernel writes
    # short (a full disk), and the exclusive lock keeps the rest of the line adjacent.
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def find_store(paths: Iterable[str | os.PathLike],
               create_in: str | os.PathLike | None = None) -> DecisionStore | None:
    """The store of the nearest ``.factcheck/`` at or above the first path that has
    one; else a new store in ``create_in`` when given; else None."""
    directory = workspace.find(paths)
    if directory is not None:
        return DecisionStore(directory)
    if create_in is not None:
        return DecisionStore.create(workspace.folder_of(create_in))
    return None
