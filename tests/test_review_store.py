"""The decision store: records, history, finding it like .git, torn lines, merges,
stale decisions, and many processes writing at once."""
from __future__ import annotations

import json
import multiprocessing
import os
from datetime import datetime
from pathlib import Path

import pytest

from factcheck.model import Conflict
from factcheck.review import (DIR_NAME, Decision, DecisionStore, ReviewError, apply_decisions,
                              find_store, resolve_id)


def conflict(cid: str, **kw) -> Conflict:
    return Conflict(id=cid, kind="numeric_scope", severity="high", facts=("f1", "f2"),
                    sides=(("f1",), ("f2",)), claim="c", explanation="e", rule="r", **kw)


@pytest.fixture
def store(tmp_path) -> DecisionStore:
    return DecisionStore.create(tmp_path)


def lines(store: DecisionStore) -> list[dict]:
    return [json.loads(line) for line in store.path.read_text(encoding="utf-8").splitlines()]


# -- recording and reading ------------------------------------------------------------

def test_a_store_is_a_folder_git_merges_by_union(tmp_path):
    store = DecisionStore.create(tmp_path)
    assert store.dir == tmp_path / ".factcheck" and store.root == tmp_path
    assert "decisions.jsonl merge=union" in (store.dir / ".gitattributes").read_text().splitlines()
    assert "decisions.lock" in (store.dir / ".gitignore").read_text().splitlines()
    DecisionStore.create(tmp_path)  # idempotent: the lines are not doubled
    assert (store.dir / ".gitattributes").read_text().count("merge=union") == 1


def test_record_fills_time_and_reviewer_and_appends_one_line(store, monkeypatch):
    monkeypatch.setenv("USER", "kim")
    d = store.record(Decision("num-1", "dismissed", note="월간과 누적,\n둘 다 맞다"))
    assert d.by == "kim" and d.at.endswith("Z")
    assert datetime.fromisoformat(d.at).utcoffset().total_seconds() == 0
    assert lines(store) == [{"conflict": "num-1", "status": "dismissed", "right": None,
                             "note": "월간과 누적,\n둘 다 맞다", "by": "kim", "at": d.at}]
    assert "월간과" in store.path.read_text(encoding="utf-8")  # readable in a git diff
    assert store.latest() == {"num-1": d}


def test_reviewer_falls_back_to_git_user_name(store, monkeypatch, tmp_path):
    monkeypatch.delenv("USER", raising=False)
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("[user]\n\tname = 편집 데스크\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir(tmp_path)
    assert store.record(Decision("x-1", "open")).by == "편집 데스크"


def test_history_keeps_every_decision_and_the_latest_is_the_state(store):
    store.record(Decision("a-1", "confirmed", note="first", by="kim", at="2025-10-03T09:00:00.000Z",
                          right="001.txt: 90만 장"))
    store.record(Decision("b-2", "fixed", by="lee", at="2025-10-03T09:05:00.000Z"))
    store.record(Decision("a-1", "dismissed", note="second look", by="park", at="2025-10-03T10:00:00.000Z"))
    assert [(d.status, d.by) for d in store.history("a-1")] == [("confirmed", "kim"), ("dismissed", "park")]
    latest = store.latest()
    assert latest["a-1"].status == "dismissed" and latest["a-1"].note == "second look"
    assert latest["b-2"].status == "fixed"
    assert store.history("none") == []


def test_after_a_union_merge_the_latest_by_time_wins_not_the_last_line(store):
    # Branch B's older line ended up after branch A's newer one.
    newer = Decision("a-1", "fixed", by="A", at="2025-10-04T08:00:00.000Z")
    older = Decision("a-1", "confirmed", by="B", at="2025-10-03T08:00:00.000Z")
    store.record(newer)
    store.record(older)
    assert store.latest()["a-1"] == newer
    assert store.history("a-1") == [older, newer]


def test_invalid_decisions_are_refused(store):
    with pytest.raises(ReviewError, match="unknown status 'maybe'"):
        store.record(Decision("a-1", "maybe"))
    with pytest.raises(ReviewError, match="not a conflict id"):
        store.record(Decision("", "open"))
    with pytest.raises(ReviewError, match="right side"):
        store.record(Decision("a-1", "dismissed", right="A"))
    assert not store.path.exists()


def test_a_torn_or_garbled_line_is_reported_with_its_line_and_skipped(store):
    store.record(Decision("a-1", "dismissed", by="kim"))
    with open(store.path, "ab") as fh:
        fh.write(b'{"conflict": "b-2", "status": "fix\n')  # a write cut short, then garbage
        fh.write(b"\xff\xfe not utf-8\n")
        fh.write(b'{"conflict": "c-3", "status": "maybe"}\n')
        fh.write(b'{"conflict": "d-4", "stat')  # torn last line, no newline
    log = store.load()
    assert [d.conflict for d in log.decisions] == ["a-1"]
    where = [(p.path, p.line) for p in log.problems]
    assert where == [(str(store.path), n) for n in (2, 3, 4, 5)]
    assert all(p.severity == "warning" for p in log.problems)
    assert "unknown status 'maybe'" in log.problems[2].message
    assert str(log.problems[0]).startswith(f"{store.path}:2: ")

    # The next record starts on its own line instead of gluing onto the torn one.
    store.record(Decision("e-5", "fixed", by="lee"))
    assert [d.conflict for d in store.load().decisions] == ["a-1", "e-5"]
    assert len(store.load().problems) == 4


def test_missing_file_reads_as_empty(tmp_path):
    store = DecisionStore.planned(tmp_path)
    assert store.latest() == {} and store.problems() == []
    assert not store.dir.exists()  # planned, not made, until a decision is recorded
    store.record(Decision("a-1", "open", by="kim"))
    assert (store.dir / ".gitattributes").exists()


# -- finding the store ------------------------------------------------------------------

def test_found_like_git_finds_dot_git(tmp_path):
    outer = DecisionStore.create(tmp_path)
    deep = tmp_path / "2025" / "10"
    deep.mkdir(parents=True)
    article = deep / "a.txt"
    article.write_text("기사", encoding="utf-8")
    assert find_store([article]).dir == outer.dir
    assert find_store([deep]).dir == outer.dir
    inner = DecisionStore.create(tmp_path / "2025")
    assert find_store([article]).dir == inner.dir  # the nearest one


def test_none_found_or_made_where_asked(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    assert find_store([corpus]) is None
    made = find_store([corpus], create_in=corpus)
    assert made.dir == corpus / DIR_NAME and made.dir.is_dir()
    assert find_store([corpus / "a.txt"]).dir == made.dir


# -- applying decisions -----------------------------------------------------------------

def test_decisions_set_status_and_note_and_stale_ones_are_returned(store):
    store.record(Decision("num-1", "confirmed", note="월 단위가 맞다", by="kim"))
    store.record(Decision("gone-9", "dismissed", note="예전 충돌", by="lee"))
    conflicts, stale = apply_decisions([conflict("num-1"), conflict("ent-2")], store)
    assert [(c.id, c.status, c.note, c.decided_by) for c in conflicts] == [
        ("num-1", "confirmed", "월 단위가 맞다", "kim"), ("ent-2", "open", None, None)]
    assert [(d.conflict, d.status, d.note) for d in stale] == [("gone-9", "dismissed", "예전 충돌")]
    assert apply_decisions([conflict("x")], None) == ((conflict("x"),), ())


def test_ids_resolve_by_unique_prefix():
    ids = ["num-45759c2b60d5", "num-3785c9d5bee5", "ent-028abadcdc2a"]
    assert resolve_id("num-4", ids) == "num-45759c2b60d5"
    assert resolve_id("ent-028abadcdc2a", ids) == "ent-028abadcdc2a"
    with pytest.raises(ReviewError, match="ambiguous"):
        resolve_id("num", ids)
    with pytest.raises(ReviewError, match="unknown conflict id 'zz'"):
        resolve_id("zz", ids)
    with pytest.raises(ReviewError, match="unknown"):
        resolve_id("", ids)


# -- many writers at once ---------------------------------------------------------------

WRITERS, EACH = 8, 25


def _record_many(folder: str, writer: int, start) -> None:
    store = DecisionStore(Path(folder) / DIR_NAME)
    start.wait()  # all processes begin together, so their writes contend
    for i in range(EACH):
        note = f"writer {writer} decision {i} " + "가" * (writer * 40)  # lines of varied length
        store.record(Decision(f"c-{writer}-{i}", "dismissed" if i % 2 else "confirmed",
                              note=note, by=f"w{writer}"))


def test_concurrent_writers_lose_nothing(tmp_path):
    DecisionStore.create(tmp_path)
    ctx = multiprocessing.get_context("spawn")  # no inherited threads or locks from pytest
    start = ctx.Event()
    procs = [ctx.Process(target=_record_many, args=(str(tmp_path), w, start)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0] * WRITERS

    store = DecisionStore(tmp_path / DIR_NAME)
    log = store.load()
    assert log.problems == []
    raw = store.path.read_bytes()
    assert raw.endswith(b"\n") and raw.count(b"\n") == WRITERS * EACH
    for line in raw.decode("utf-8").splitlines():
        json.loads(line)  # every line parses on its own
    got = {(d.conflict, d.by, d.note) for d in log.decisions}
    want = {(f"c-{w}-{i}", f"w{w}", f"writer {w} decision {i} " + "가" * (w * 40))
            for w in range(WRITERS) for i in range(EACH)}
    assert got == want
    # each writer's own decisions are in the order it made them
    for w in range(WRITERS):
        mine = [d.conflict for d in log.decisions if d.by == f"w{w}"]
        assert mine == [f"c-{w}-{i}" for i in range(EACH)]
    assert os.path.exists(store.lock_path)
