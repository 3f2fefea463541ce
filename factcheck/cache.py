"""The fact cache: facts of articles already analysed, in ``.factcheck/cache.sqlite``.

A row is keyed by what the facts depend on: the article's bytes (``Article.sha256``),
the rules (``rules.version``), the tool (``factcheck.__version__``) and the
publication time the article was read against (it may come from meta.csv or the
corpus median, neither of which is in the article's bytes).

The cache is never trusted: a file that is not an SQLite database, has another
layout or lacks the magic row is moved aside and rebuilt, and a row that does not
decode is a miss. Writes are batched into transactions; a busy timeout lets
concurrent runs wait for each other instead of failing.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Callable

from . import __version__, workspace
from .model import Article, Fact
from .serialize import FORMAT, DecodeError, fact_from_row, fact_to_row
from .workspace import CACHE_FILE

MAGIC = "factcheck-fact-cache"
SCHEMA = f"1.{FORMAT}"
BUSY_TIMEOUT_S = 30.0
FLUSH_EVERY = 200  # puts per transaction: one commit per article would fsync 2,000 times
KEEP_OTHER_RULES_S = 30 * 24 * 3600  # rows of other rule sets are kept a month (another rules dir may use them)

_TABLES = {
    "meta": "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "facts": ("CREATE TABLE facts (sha256 TEXT NOT NULL, rules TEXT NOT NULL, tool TEXT NOT NULL,"
              " context TEXT NOT NULL, facts TEXT NOT NULL, stored REAL NOT NULL,"
              " PRIMARY KEY (sha256, rules, tool, context)) WITHOUT ROWID"),
}


def context_of(article: Article) -> str:
    return article.published.isoformat() if article.published else ""


class FactCache:
    """The pipeline's cache hook: ``get(article, rules_version)`` and ``put(...)``.

    Use as a context manager (or call ``close``) so that the last batch is written.
    """

    def __init__(self, path: str | os.PathLike, warn: Callable[[str], None] | None = None):
        self.path = Path(path)
        self.warnings: list[str] = []  # why the cache was set aside or not used, in order
        self._warn_callback = warn
        self.hits = self.misses = 0
        self._pending: list[tuple] = []
        self._rules_seen: set[str] = set()
        self.conn = self._open()

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        if self._warn_callback is not None:
            self._warn_callback(message)

    # -- opening and recovery ------------------------------------------------------

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = self._connect()
            if self._valid(conn):
                return conn
            conn.close()
            problem = "not a factcheck cache or another version of it"
        except sqlite3.OperationalError as err:
            if not _corruption(err):
                self._warn(f"{self.path}: cache not used ({err})")
                return None
            problem = str(err)
        except sqlite3.DatabaseError as err:  # "file is not a database", "malformed"
            problem = str(err)
        except OSError as err:  # an unwritable corpus: the run goes on without a cache
            self._warn(f"{self.path}: cache not used ({err.strerror or err})")
            return None
        return self._rebuild(problem)

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        return conn

    def _valid(self, conn: sqlite3.Connection) -> bool:
        tables = {name: sql for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type='table'")}
        if not tables:
            self._create(conn)
            return True
        if {k: _squash(v) for k, v in tables.items()} != {k: _squash(v) for k, v in _TABLES.items()}:
            return False
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        return meta == {"magic": MAGIC, "schema": SCHEMA}

    def _create(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another run may have created it between our look and our lock.
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone():
                for sql in _TABLES.values():
                    conn.execute(sql)
                conn.executemany("INSERT INTO meta VALUES (?, ?)", [("magic", MAGIC), ("schema", SCHEMA)])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise

    def _rebuild(self, problem: str) -> sqlite3.Connection | None:
        """Move the bad file aside (kept for a post-mortem, ignored by git) and start afresh."""
        aside = self.path.with_name(self.path.name + ".corrupt")
        self._warn(f"{self.path}: {problem}; moved to {aside.name}, rebuilding the cache")
        try:
            os.replace(self.path, aside)
            for suffix in ("-journal", "-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            conn = self._connect()
            self._create(conn)
            return conn
        except (OSError, sqlite3.Error) as err:
            self._warn(f"{self.path}: cache not used ({err})")
            return None

    # -- the pipeline hook ------------------------------------------------------------

    def get(self, article: Article, rules_version: str) -> list[Fact] | None:
        if self.conn is None:
            return None
        key = self._key(article, rules_version)
        try:
            row = self.conn.execute("SELECT facts FROM facts WHERE sha256=? AND rules=? AND tool=? AND context=?",
                                    key).fetchone()
        except sqlite3.Error as err:
            self._failed(err)
            return None
        if row is None:
            self.misses += 1
            return None
        try:
            stored = json.loads(row[0])
            if not isinstance(stored, list):
                raise DecodeError("not a list of facts")
            # Stored under the article's id of that run; ids follow file order.
            facts = [fact_from_row(row, article.id) for row in stored]
            if any(not 0 <= f.start <= f.end <= len(article.text) for f in facts):
                raise DecodeError("offsets outside the article")
        except (ValueError, TypeError, RecursionError):  # DecodeError and JSONDecodeError are ValueErrors
            self.misses += 1
            self._pending.append(("delete", key))
            return None
        self.hits += 1
        return facts

    def put(self, article: Article, rules_version: str, facts: list[Fact]) -> None:
        if self.conn is None:
            return
        data = json.dumps([fact_to_row(f) for f in facts], ensure_ascii=False, allow_nan=False)
        self._pending.append(("put", (*self._key(article, rules_version), data, time.time())))
        if len(self._pending) >= FLUSH_EVERY:
            self.flush()

    def _key(self, article: Article, rules_version: str) -> tuple[str, str, str, str]:
        self._rules_seen.add(rules_version)
        return (article.sha256, rules_version, __version__, context_of(article))

    # -- writing ------------------------------------------------------------------------

    def flush(self) -> None:
        if self.conn is None or not self._pending:
            self._pending = []
            return
        pending, self._pending = self._pending, []
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                for op, args in pending:
                    if op == "put":
                        self.conn.execute("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?, ?)", args)
                    else:
                        self.conn.execute("DELETE FROM facts WHERE sha256=? AND rules=? AND tool=? AND context=?",
                                          args)
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as err:
            self._failed(err)

    def prune(self) -> None:
        """Drop rows no run of this version will read: other tool versions, and other
        rule sets not written for a month."""
        if self.conn is None:
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute(
                "DELETE FROM facts WHERE tool != ? OR (rules NOT IN (SELECT value FROM json_each(?))"
                " AND stored < ?)",
                (__version__, json.dumps(sorted(self._rules_seen)), time.time() - KEEP_OTHER_RULES_S))
            self.conn.execute("COMMIT")
        except sqlite3.Error as err:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._failed(err)

    def close(self) -> None:
        if self.conn is None:
            return
        self.flush()
        self.prune()
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def __enter__(self) -> "FactCache":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _failed(self, err: sqlite3.Error) -> None:
        # A locked database (after the busy timeout) only costs this run its cache;
        # a corrupted one is set aside so that the next run starts clean.
        if self.conn is not None:
            self.conn.close()
        if _corruption(err) or not isinstance(err, sqlite3.OperationalError):
            self.conn = self._rebuild(str(err))
        else:
            self._warn(f"{self.path}: cache not used for the rest of this run ({err})")
            self.conn = None


def _corruption(err: sqlite3.Error) -> bool:
    text = str(err).lower()
    return any(word in text for word in ("not a database", "malformed", "corrupt", "no such table",
                                         "no such column", "has no column"))


def _squash(sql: str) -> str:
    return " ".join(sql.split()).lower()


def open_cache(paths, create: bool = False, warn: Callable[[str], None] | None = None) -> FactCache | None:
    """The cache in the nearest ``.factcheck/`` at or above ``paths`` (see
    factcheck.workspace), its git files completed so that git ignores the cache.

    With ``create``, a missing folder is made in the first path's folder (the CI
    command does this); without, no folder means no cache. OSError when the folder
    cannot be made or completed.
    """
    paths = list(paths)
    if not paths or (not create and workspace.find(paths) is None):
        return None
    return FactCache(workspace.find_or_create(paths) / CACHE_FILE, warn=warn)
